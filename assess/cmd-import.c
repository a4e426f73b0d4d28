/* assess import: a filled self-assessment form back into an answer file. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "assess/cli.h"
#include "common/atomicfile.h"
#include "form/form.h"

struct import_opts {
	const char *file;
	const char *out;
	char *out_owned;
	unsigned flags;
	bool force;
};

/* acme-form.xlsx -> acme-form.json */
static char *default_output(const char *file)
{
	const char *slash = strrchr(file, '/');
	const char *dot = strrchr(slash ? slash + 1 : file, '.');
	size_t stem = dot && dot != (slash ? slash + 1 : file) ? (size_t)(dot - file) : strlen(file);
	char *out = malloc(stem + sizeof ".json");
	if (out) {
		memcpy(out, file, stem);
		memcpy(out + stem, ".json", sizeof ".json");
	}
	return out;
}

static int parse(cli *c, int argc, char **argv, struct import_opts *o)
{
	static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
						 {"force", no_argument, NULL, 'f'},
						 CLI_LONGOPT_INCOMPLETE,
						 CLI_LONGOPT_LANG,
						 CLI_LONGOPT_HELP,
						 {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "o:fh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			o->out = optarg;
			break;
		case 'f':
			o->force = true;
			break;
		default: {
			int rc = cli_shared_option(c, &cmd_import, ch, &o->flags);
			if (rc)
				return rc;
		}
		}
	}
	if (argc - optind != 1)
		return cli_usage_error(c, "import takes one FORM.xlsx (see %s help import)", c->prog);
	o->file = argv[optind];
	if (!o->out && !(o->out = o->out_owned = default_output(o->file)))
		return EX_OSERR;
	if (strcmp(o->out, o->file) == 0)
		return cli_usage_error(c, "the answer file would overwrite the form %s", o->file);
	return 0;
}

static int run(cli *c, int argc, char **argv)
{
	struct import_opts o = {0};
	int status = parse(c, argc, argv, &o);
	if (status) {
		free(o.out_owned);
		return status < 0 ? 0 : status;
	}
	assess_error err = {0};
	form_import_options io = {.allow_incomplete = o.flags & ANSWERS_ALLOW_INCOMPLETE};
	answers *a = form_import(o.file, cli_questionnaire, c, &io, &err);
	if (!a)
		status = cli_error(c, &err);
	else if (answers_save(a, o.out, o.force ? ATOMICFILE_REPLACE : 0, &err))
		status = cli_error(c, &err);
	else {
		size_t n = questionnaire_n_questions(answers_questionnaire(a));
		if (io.n_missing)
			fprintf(stderr, CLI_TR(c, "%s: 注意：%zu 题未答：%s\n",
					       "%s: note: %zu unanswered: %s\n"),
				c->prog, io.n_missing, io.missing);
		printf(CLI_TR(c, "已导入 %zu 题中的 %zu 题：%s\n", "imported %2$zu of %1$zu "
			      "answers: %3$s\n"), n, n - io.n_missing, o.out);
	}
	answers_free(a);
	free(o.out_owned);
	return status;
}

const cli_command cmd_import = {
	.name = "import",
	.usage = "FORM.xlsx [-o ANSWERS.json] [--allow-incomplete] [--force]",
	.summary = "read a filled self-assessment form into an answer file",
	.help = "Reads a form made by `assess form` and filled in Excel, WPS or LibreOffice,\n"
		"and writes its answers as an answer file (whole or not at all). Only the\n"
		"input cells are read; points are recomputed from the answers by `assess\n"
		"score`, never taken from the sheet's formulas. A form made for another\n"
		"instrument or version, an option not offered, a none-option ticked with\n"
		"others, a level outside 0-4, a bad credit code or date: each is reported as\n"
		"FORM.xlsx: SHEET!CELL: reason (exit 65) and nothing is written.\n\n"
		"  -o, --output ANSWERS.json  where to write (default: FORM with .json)\n"
		"  -f, --force                replace ANSWERS.json if it exists (else exit 73)\n"
		"  --allow-incomplete         import a form with unanswered questions (they\n"
		"                             are listed); otherwise they fail (exit 65)\n",
	.run = run,
};
