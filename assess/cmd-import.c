/* assess import: a filled self-assessment form back into an answer file. */
#include "config.h"

#include <string.h>
#include "assess/cli.h"
#include "common/atomicfile.h"
#include "form/form.h"

struct import_opts {
	const char *file;
	const char *out;
	bool force;
};

static const cli_option options[] = {
	{"output", 'o', "ANSWERS.json", "where to write (default: FORM with .json)", true,
	 CLI_TO_STRING(struct import_opts, out)},
	CLI_OPT_FORCE("ANSWERS.json", struct import_opts, force),
	CLI_OPT_INCOMPLETE("import a form with unanswered questions (they are\n"
			   "listed); otherwise they fail (exit 65)"),
	CLI_OPT_LANG("language of the messages (default zh)"),
	CLI_OPT_END,
};

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct import_opts *o = opts;
	(void)n;
	o->file = operands[0];
	/* acme-form.xlsx -> acme-form.json */
	if (!o->out && !(o->out = s->output = cli_output_name(o->file, ".json")))
		return cli_nomem(c);
	if (cli_same_file(o->out, o->file))
		return cli_usage_error(c, "the answer file would overwrite the form %s", o->file);
	return 0;
}

static int run(cli *c, void *opts, cli_setup *s, int n_operands, char **operands)
{
	const struct import_opts *o = opts;
	assess_error err = {0};
	form_import_options io = {.allow_incomplete = s->answers_flags & ANSWERS_ALLOW_INCOMPLETE};
	int status = 0;
	(void)n_operands, (void)operands;
	answers *a = form_import(o->file, cli_questionnaire, c, &io, &err);
	if (!a)
		status = cli_error(c, &err);
	else if (answers_save(a, o->out, o->force ? ATOMICFILE_REPLACE : 0, &err))
		status = cli_error(c, &err);
	else {
		size_t n = questionnaire_n_questions(answers_questionnaire(a));
		if (io.n_missing)
			fprintf(stderr,
				CLI_TR(c, "%s: 注意：%zu 题未答：%s\n",
				       "%s: note: %zu unanswered: %s\n"),
				c->prog, io.n_missing, io.missing);
		printf(CLI_TR(c, "已导入 %zu 题中的 %zu 题：%s\n",
			      "imported %2$zu of %1$zu "
			      "answers: %3$s\n"),
		       n, n - io.n_missing, o->out);
	}
	answers_free(a);
	return status;
}

const cli_command cmd_import = {
	.name = "import",
	.usage = "FORM.xlsx [-o ANSWERS.json] [--allow-incomplete] [--force] [--lang zh|en]",
	.summary = "read a filled self-assessment form into an answer file",
	.help = "Reads a form made by `assess form` and filled in Excel, WPS or LibreOffice,\n"
		"and writes its answers as an answer file (whole or not at all). Only the\n"
		"input cells are read; points are recomputed from the answers by `assess\n"
		"score`, never taken from the sheet's formulas. A form made for another\n"
		"instrument or version, an option not offered, a none-option ticked with\n"
		"others, a level outside 0-4, a bad credit code or date: each is reported as\n"
		"FORM.xlsx: SHEET!CELL: reason (exit 65) and nothing is written.\n",
	.options = options,
	.run = run,
	.opts_size = sizeof(struct import_opts),
	.operands = "one FORM.xlsx",
	.n_operands = 1,
	.check = check,
};
