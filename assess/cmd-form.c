/* assess form: the self-assessment workbook to fill in Excel or WPS. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include "assess/cli.h"
#include "form/form.h"
#include "xlsx/xlsx.h"

struct form_opts {
	const char *id;
	const char *from;
	const char *out;
	bool force;
};

static const cli_option options[] = {
	{"questionnaire", 'q', "ID", "the instrument (default miit-2024)", true,
	 CLI_TO_STRING(struct form_opts, id)},
	{"from", 'F', "ANSWERS.json",
	 "fill the form in from an answer file (a baseline,\n"
	 "a provider's draft); its instrument is used",
	 false, CLI_TO_STRING(struct form_opts, from)},
	{"output", 'o', "FORM.xlsx",
	 "where to write (default: ID-form.xlsx, or the\n"
	 "answer file's name with -form.xlsx)",
	 true, CLI_TO_STRING(struct form_opts, out)},
	CLI_OPT_FORCE("FORM.xlsx", struct form_opts, force),
	CLI_OPT_LANG("language of the form (default zh)"),
	CLI_OPT_END,
};

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct form_opts *o = opts;
	(void)n, (void)operands;
	if (o->id && o->from)
		return cli_usage_error(c, "give -q ID or --from ANSWERS.json, not both: the answer "
					  "file names its instrument");
	if (o->from && strcmp(o->from, "-") == 0 && !o->out)
		return cli_usage_error(
			c, "give -o FORM.xlsx when the answers come from standard input");
	if (!o->id && !o->from)
		o->id = "miit-2024";
	/* acme.json -> acme-form.xlsx, miit-2024 -> miit-2024-form.xlsx, as report and import name. */
	if (!o->out &&
	    !(o->out = s->output = cli_output_name(o->from ? o->from : o->id, "-form.xlsx")))
		return cli_nomem(c);
	/* The answers prefill the form, unanswered questions and all; their instrument is used. */
	if (!o->from)
		s->needs &= ~(unsigned)CLI_SETUP_ANSWERS;
	s->answers_path = o->from;
	s->answers_flags = ANSWERS_ALLOW_INCOMPLETE;
	s->questionnaire_id = o->id;
	return 0;
}

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	const struct form_opts *o = opts;
	assess_error err = {0};
	form_options fo = {.lang = c->lang,
			   .replace = o->force,
			   .prefill = s->answers,
			   .env = cli_xlsx_env(c),
			   .created = c->source_date};
	(void)n, (void)operands;
	xlsx_sweep(o->out); /* what a killed run left beside it */
	if (form_write(s->questionnaire, &fo, o->out, &err))
		return cli_error(c, &err);
	/* Awards have no place in the form: say so rather than lose them quietly. */
	int awards = cJSON_GetArraySize(s->answers ? answers_block(s->answers, "awards") : NULL);
	if (awards > 0 && c->lang == QN_LANG_EN)
		fprintf(stderr,
			"%s: note: %d award%s of %s left out: the form cannot carry "
			"awards, keep them in the answer file\n",
			c->prog, awards, awards == 1 ? "" : "s", o->from);
	else if (awards > 0)
		fprintf(stderr,
			"%s: 注意：%s 的 %d 项奖项认定（awards）未写入表中：表格不含"
			"奖项，请保留在答卷文件中\n",
			c->prog, o->from, awards);
	printf(CLI_TR(c, "已生成自评表：%s\n", "wrote %s\n"), o->out);
	return 0;
}

const cli_command cmd_form = {
	.name = "form",
	.usage = "[-q ID | --from ANSWERS.json] [-o FORM.xlsx] [--force] [--lang zh|en]",
	.summary = "write the self-assessment workbook to fill in Excel or WPS",
	.help = "Writes a workbook an enterprise fills in itself: instructions, a profile sheet,\n"
		"the subsidy inputs (status flags and finance figures), and one sheet per\n"
		"dimension with one row per question (drop-downs for options and levels, a ✓\n"
		"column per option of a multiple-choice question, notes and evidence). Only the\n"
		"pale yellow cells can be changed. Awards stay in the answer file. The instrument's id,\n"
		"version and SHA-256 travel inside the workbook; read it back with\n"
		"`assess import`. The file appears whole or not at all.\n",
	.options = options,
	.run = run,
	.opts_size = sizeof(struct form_opts),
	.operands = "no arguments",
	.check = check,
	.setup = CLI_SETUP_ANSWERS | CLI_SETUP_QUESTIONNAIRE,
};
