/* assess report FILE -o OUT.xlsx: the Excel diagnostic report of one assessment. */
#include "config.h"

#include <string.h>
#include "assess/cli.h"
#include "policies/subsidy.h"
#include "reports/report.h"
#include "scoring/scoring.h"

struct report_opts {
	const char *file;
	const char *out;
	const char *policy;
	bool force;
};

static const cli_option options[] = {
	{"output", 'o', "OUT.xlsx", "where to write (default: FILE with .xlsx)", true,
	 CLI_TO_STRING(struct report_opts, out)},
	CLI_OPT_FORCE("OUT.xlsx", struct report_opts, force),
	CLI_OPT_INCOMPLETE("score unanswered questions as 0 (the report says so)"),
	CLI_OPT_RESCORE,
	{"policy", 'p', "ID",
	 "add a subsidy sheet: what policy ID (see `assess\n"
	 "policies`) pays at the level scored",
	 false, CLI_TO_HANDLER},
	CLI_OPT_LANG("language of the report (default zh)"),
	CLI_OPT_END,
};

static int on_option(cli *c, int key, const char *arg, void *opts)
{
	struct report_opts *o = opts;
	(void)key; /* 'p', the one not stored by the table: given twice, it is refused */
	if (o->policy)
		return cli_usage_error(c, "report takes one --policy (one subsidy sheet)");
	o->policy = arg;
	return 0;
}

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct report_opts *o = opts;
	(void)n;
	o->file = operands[0];
	if (!o->out && strcmp(o->file, "-") == 0)
		return cli_usage_error(c,
				       "give -o OUT.xlsx when the answers come from standard input");
	if (!o->out && !(o->out = s->output = cli_output_name(o->file, ".xlsx")))
		return cli_nomem(c);
	if (cli_same_file(o->out, o->file))
		return cli_usage_error(c, "the report would overwrite its own answer file %s",
				       o->file);
	s->policy_id = o->policy;
	return 0;
}

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	const struct report_opts *o = opts;
	assess_error err = {0};
	report_options ro = {.lang = c->lang,
			     .replace = o->force,
			     .env = cli_xlsx_env(c),
			     .created = c->source_date};
	subsidy_options so = {0};
	subsidy_result *sr = NULL;
	int status = 0;
	(void)n, (void)operands;
	/* The subsidy the policy pays at the level scored, for the report's subsidy sheet. */
	if (s->policy && !(sr = subsidy_assess(s->policy, s->answers, s->score, &so, &err)))
		status = cli_error(c, &err);
	ro.subsidy = sr;
	xlsx_sweep(o->out); /* what a killed run left beside it */
	if (!status && report_write(s->score, &ro, o->out, &err))
		status = cli_error(c, &err);
	else if (!status)
		printf(CLI_TR(c, "已生成报告：%s\n", "wrote %s\n"), o->out);
	subsidy_free(sr);
	return status;
}

const cli_command cmd_report = {
	.name = "report",
	.usage = "[--lang zh|en] [--force] [--allow-incomplete] [--rescore] [--policy ID]\n"
		 "       FILE [-o OUT.xlsx]",
	.summary = "write the Excel diagnostic report of an answer file",
	.help = "Scores FILE and writes one workbook: overview (level, points, charts),\n"
		"indicators, scenarios, gap analysis, method (instrument, readings, the\n"
		"answer file's SHA-256) and the assessment's record (team, evidence, changed\n"
		"answers, signature boxes); a draft says 暂定 on every page. The file appears\n"
		"whole or not at all.\n",
	.options = options,
	.notes = "FILE may be - for standard input; then -o is required.\n"
		 "SOURCE_DATE_EPOCH, when set, is the document's creation time; otherwise the\n"
		 "assessment date is, so the same answers give the same bytes.\n",
	.run = run,
	.opts_size = sizeof(struct report_opts),
	.on_option = on_option,
	.operands = "one answer FILE",
	.n_operands = 1,
	.check = check,
	.setup = CLI_SETUP_SCORE | CLI_SETUP_POLICY,
};
