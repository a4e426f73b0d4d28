/* assess batch INPUT... -o FILE: a portfolio workbook over many enterprises (portfolio/batch.h). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include "assess/cli.h"
#include "policies/policy.h"
#include "portfolio/batch.h"

#define MAX_JOBS 256
#define PROGRESS_INTERVAL 0.1 /* seconds between redraws */
#define ERRORS_SHOWN 50       /* on standard error; the Errors sheet has them all */

struct batch_opts {
	portfolio_batch_options run;
	const char *policy_id;
	bool quiet;
};

/* The signal (SIGINT, SIGTERM) that asked the run to stop after the answer object it is on. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig) { interrupted = sig; }

/* What the hooks need: where the progress line is, and whether one is showing. */
struct screen {
	const cli *c;
	bool tty;
	bool shown;
	double last;
	size_t errors;
};

static void clear_line(struct screen *s)
{
	if (s->shown)
		fputs("\r\033[K", stderr);
	s->shown = false;
}

static void show_progress(void *ctx, const portfolio_progress *p)
{
	struct screen *s = ctx;
	char line[256];
	if (!s->tty || (!p->final && p->seconds - s->last < PROGRESS_INTERVAL))
		return;
	s->last = p->seconds;
	portfolio_progress_line(p, s->c->lang, line, sizeof line);
	fprintf(stderr, "\r%s\033[K%s", line, p->final ? "\n" : "");
	s->shown = !p->final;
}

static void show_failure(void *ctx, const assess_error *e)
{
	struct screen *s = ctx;
	if (++s->errors > ERRORS_SHOWN)
		return;
	clear_line(s);
	cli_error(s->c, e);
	if (s->errors == ERRORS_SHOWN)
		fprintf(stderr,
			CLI_TR(s->c, "%s: 其余问题只列在“错误”工作表中\n",
			       "%s: further problems are listed in the Errors sheet only\n"),
			s->c->prog);
}

static bool parse_count(const char *text, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 0 || v > max)
		return false;
	*out = v;
	return true;
}

static const cli_option options[] = {
	{"output", 'o', "FILE.xlsx", "the portfolio workbook", true,
	 CLI_TO_STRING(struct batch_opts, run.output)},
	{"reports-dir", 'r', "DIR",
	 "also one diagnostic report per enterprise in DIR, named\n"
	 "CREDITCODE-STAGE.xlsx (row-000123.xlsx without a code)",
	 false, CLI_TO_STRING(struct batch_opts, run.reports_dir)},
	{"jobs", 'j', "N", "write the reports in N worker processes (default 1)", true,
	 CLI_TO_HANDLER},
	{"policy", 'p', "ID",
	 "a subsidy column and the total against the policy's budget\n"
	 "(ID: an installed policy or a policy file)",
	 false, CLI_TO_STRING(struct batch_opts, policy_id)},
	{"target-level2", '2', "PCT",
	 "target share of above-scale enterprises at level >= 2\n"
	 "(e.g. 95%)",
	 false, CLI_TO_HANDLER},
	{"target-level4", '4', "N", "target number of enterprises at level 4", false,
	 CLI_TO_HANDLER},
	{"ndjson", 'n', NULL, "read every INPUT file as NDJSON, whatever its name", false,
	 CLI_TO_FLAG(struct batch_opts, run.ndjson)},
	CLI_OPT_INCOMPLETE("score unanswered questions as 0"),
	CLI_OPT_RESCORE,
	{"force", 'f', NULL,
	 "replace the workbook and existing reports\n"
	 "(regular files only)",
	 true, CLI_TO_FLAG(struct batch_opts, run.replace)},
	{"quiet", 'q', NULL, "no progress bar (it is shown only on a terminal anyway)", true,
	 CLI_TO_FLAG(struct batch_opts, quiet)},
	CLI_OPT_LANG("language of the workbooks"),
	CLI_OPT_END,
};

static int on_option(cli *c, int ch, const char *optarg, void *opts)
{
	struct batch_opts *o = opts;
	long n;
	switch (ch) {
	case 'j':
		if (!parse_count(optarg, MAX_JOBS, &n) || n < 1)
			return cli_usage_error(
				c, "-j takes a number of workers from 1 to %d, not \"%s\"",
				MAX_JOBS, optarg);
		o->run.jobs = (int)n;
		return 0;
	case '2':
		if (!portfolio_parse_share(optarg, &o->run.targets.level2_share))
			return cli_usage_error(c,
					       "--target-level2 takes a percentage such as 95%% "
					       "or 92.5, not \"%s\"",
					       optarg);
		return 0;
	default: /* '4' */
		if (!parse_count(optarg, LONG_MAX, &n))
			return cli_usage_error(c,
					       "--target-level4 takes a number of enterprises, "
					       "not \"%s\"",
					       optarg);
		o->run.targets.level4_count = n;
		return 0;
	}
}

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct batch_opts *o = opts;
	if (!o->run.output)
		return cli_usage_error(c, "batch needs -o FILE.xlsx for the portfolio workbook");
	if (n == 0)
		return cli_usage_error(c,
				       "batch takes one or more INPUTs: answer files, folders, "
				       "NDJSON, or - (see %s help batch)",
				       c->prog);
	if (o->run.jobs > 1 && !o->run.reports_dir)
		return cli_usage_error(c, "-j sets the report workers: it needs --reports-dir");
	o->run.inputs = (const char *const *)operands;
	o->run.n_inputs = (size_t)n;
	o->run.answers_flags = s->answers_flags;
	s->policy_id = o->policy_id;
	return 0;
}

static void summary(const cli *c, const struct batch_opts *o, const portfolio_batch_summary *s,
		    bool tty)
{
	if (s->failed)
		fprintf(stderr,
			CLI_TR(c, "%s: %zu 个输入有问题，见 %s 的“错误”工作表；%zu 家企业已写入\n",
			       "%s: %zu problems, listed in the Errors sheet of %s; %zu "
			       "enterprises "
			       "written\n"),
			c->prog, s->failed, o->run.output, s->scored);
	else if (tty && !o->quiet)
		fprintf(stderr,
			CLI_TR(c, "%s: %zu 家企业已写入 %s\n",
			       "%s: %zu enterprises written to %s\n"),
			c->prog, s->scored, o->run.output);
}

static int run_batch(cli *c, struct batch_opts *o)
{
	struct screen screen = {.c = c, .tty = !o->quiet && isatty(STDERR_FILENO)};
	struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term;
	portfolio_batch_summary s;
	assess_error err = {0};
	o->run.lang = c->lang;
	o->run.resolve = cli_questionnaire;
	o->run.resolve_ctx = c;
	o->run.created = c->source_date; /* pins the dates, so one input gives the same bytes */
	o->run.env = cli_xlsx_env(c);
	o->run.cancel = &interrupted;
	o->run.on_progress = screen.tty ? show_progress : NULL;
	o->run.on_failure = show_failure;
	o->run.hook_ctx = &screen;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	assess_code rc = portfolio_batch_run(&o->run, &s, &err);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	clear_line(&screen);
	if (rc)
		return cli_error(c, &err);
	if (s.cancelled) {
		fprintf(stderr,
			CLI_TR(c, "%s: 已中断，未写入 %s\n", "%s: interrupted; %s not written\n"),
			c->prog, o->run.output);
		return 128 + interrupted;
	}
	summary(c, o, &s, screen.tty);
	return s.failed ? EX_DATAERR : 0;
}

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	struct batch_opts *o = opts;
	(void)n, (void)operands; /* the inputs, which the check gave to o->run */
	o->run.policy = s->policy;
	return run_batch(c, o);
}

/* One worker and no targets, until the options say otherwise. */
static const struct batch_opts defaults = {
	.run = {.jobs = 1, .targets = {.level2_share = -1, .level4_count = -1}}};

const cli_command cmd_batch = {
	.name = "batch",
	.usage =
		"-o FILE.xlsx [--reports-dir DIR [-j N]] [--policy ID] [--target-level2 PCT]\n"
		"       [--target-level4 N] [--ndjson] [--allow-incomplete] [--rescore] [-f] [-q]\n"
		"       [--lang zh|en] INPUT...",
	.summary = "score many enterprises into one portfolio workbook (a pilot programme)",
	.help = "Reads answer files, folders of them (*.json, *.ndjson, *.jsonl, searched\n"
		"recursively) and NDJSON (one answer object a line; - is standard input), and\n"
		"writes one workbook: a row per enterprise, the level distribution and its chart,\n"
		"breakdowns by industry and region, a scenario heat map, the programme's targets\n"
		"and an Errors sheet. An input that fails goes to the Errors sheet (and standard\n"
		"error) and the batch goes on; the exit status is then 65.\n",
	.options = options,
	.notes = "\n"
		 "Targets are judged on the post-transformation assessments when there are any,\n"
		 "otherwise on all. SOURCE_DATE_EPOCH pins the workbook's date. See "
		 "docs/batch.md.\n",
	.run = run,
	.opts_size = sizeof(struct batch_opts),
	.opts_init = &defaults,
	.on_option = on_option,
	.check = check,
	.setup = CLI_SETUP_POLICY,
};
