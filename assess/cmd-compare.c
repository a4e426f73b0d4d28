/* assess compare BEFORE AFTER: the acceptance round's comparison of two assessments. */
#include "config.h"

#include "assess/cli.h"
#include "compare/compare.h"
#include "compare/compare-book.h"
#include "compare/verdict.h"
#include "policies/policy.h"
#include "scoring/scoring.h"
#include "xlsx/xlsx.h"

struct compare_opts {
	bool json;
	unsigned flags;     /* answers_load flags (--allow-incomplete) */
	unsigned compare;   /* COMPARE_SAME_ENTERPRISE, COMPARE_RESCORE */
	const char *policy; /* --policy ID: the acceptance verdict against it */
	const char *output; /* -o: the acceptance workbook */
	bool force;
};

static const cli_option options[] = {
	{"policy", 'p', "ID",
	 "the acceptance verdict against a subsidy policy, line by\n"
	 "line (level, on site and post, window, ★ evidence, the\n"
	 "subsidy on AFTER beside what BEFORE would have had)",
	 false, CLI_TO_STRING(struct compare_opts, policy)},
	{"output", 'o', "FILE.xlsx",
	 "write the acceptance workbook (验收对比表): overview with\n"
	 "the verdict and a sign-off block, questions, scenarios\n"
	 "with a chart, evidence",
	 true, CLI_TO_STRING(struct compare_opts, output)},
	{"force", 'f', NULL, "replace an existing workbook (a regular file only)", false,
	 CLI_TO_FLAG(struct compare_opts, force)},
	{"json", 'j', NULL,
	 "one JSON object: kind, before, after, delta, gates,\n"
	 "questions (the answers that differ), evidence, warnings,\n"
	 "and verdict with --policy",
	 false, CLI_TO_FLAG(struct compare_opts, json)},
	{"same-enterprise", 's', NULL,
	 "the files name no credit code (or only one does), but\n"
	 "are the same enterprise",
	 false, CLI_TO_HANDLER},
	{"rescore", 'r', NULL,
	 "the files recorded other versions of the instrument:\n"
	 "compare them as scored with the installed one",
	 false, CLI_TO_HANDLER},
	CLI_OPT_INCOMPLETE("score unanswered questions as 0 (and say so)"),
	CLI_OPT_LANG("language of names and text"),
	CLI_OPT_END,
};

static int on_option(cli *c, int key, const char *arg, void *opts)
{
	struct compare_opts *o = opts;
	(void)c, (void)arg;
	if (key == 's')
		o->compare |= COMPARE_SAME_ENTERPRISE;
	else { /* 'r' */
		o->compare |= COMPARE_RESCORE;
		o->flags |= ANSWERS_RESCORE; /* the loader reads a file of another version */
	}
	return 0;
}

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct compare_opts *o = opts;
	(void)c, (void)n, (void)operands;
	o->flags |= s->answers_flags;
	return 0;
}

/* Both sides loaded and scored, or the first error printed. */
struct side {
	answers *a;
	scoring_result *r;
};

static int load_side(cli *c, const char *path, unsigned flags, struct side *s)
{
	int status = 0;
	assess_error err = {0};
	if (!(s->a = cli_load_answers(c, path, flags, &status)))
		return status;
	if (!(s->r = scoring_run(s->a, &err)))
		return cli_error(c, &err);
	return 0;
}

/* What the command computed, freed in one place. */
struct run_state {
	struct side before, after;
	compare_result *cmp;
	policy *policy;
	compare_verdict *verdict;
};

static void run_state_free(struct run_state *s)
{
	compare_verdict_free(s->verdict);
	policy_free(s->policy);
	compare_free(s->cmp);
	scoring_free(s->after.r);
	scoring_free(s->before.r);
	answers_free(s->after.a);
	answers_free(s->before.a);
}

static int compute(cli *c, const struct compare_opts *o, char **files, struct run_state *s)
{
	assess_error err = {0};
	int status;
	if ((status = load_side(c, files[0], o->flags, &s->before)) ||
	    (status = load_side(c, files[1], o->flags, &s->after)))
		return status;
	if (!(s->cmp = compare_run(s->before.r, s->after.r, o->compare, NULL, &err)))
		return cli_error(c, &err);
	/* After both sides: a file's error is told before a policy's. */
	if (o->policy && (!(s->policy = policy_open(o->policy, c->policy_path, &err)) ||
			  !(s->verdict = compare_verdict_run(s->cmp, s->policy, &err))))
		return cli_error(c, &err);
	return 0;
}

static int write_book(cli *c, const struct compare_opts *o, const struct run_state *s)
{
	assess_error err = {0};
	compare_book_options bo = {.lang = c->lang,
				   .replace = o->force,
				   .env = cli_xlsx_env(c),
				   .created = c->source_date};
	xlsx_sweep(o->output); /* what a killed run left beside it */
	if (compare_book_write(s->cmp, s->verdict, o->output, &bo, &err))
		return cli_error(c, &err);
	return 0;
}

static int run(cli *c, void *opts, cli_setup *setup, int n, char **operands)
{
	const struct compare_opts *o = opts;
	struct run_state s = {0};
	(void)setup, (void)n;
	int status = compute(c, o, operands, &s);
	if (!status && o->json) {
		cJSON *j = compare_to_json(s.cmp, c->lang);
		if (j && s.verdict)
			cJSON_AddItemToObject(j, "verdict",
					      compare_verdict_to_json(s.verdict, c->lang));
		status = cli_print_json(c, j);
	} else if (!status) {
		compare_print(stdout, s.cmp, c->lang);
		if (s.verdict)
			compare_verdict_print(stdout, s.verdict, c->lang);
	}
	if (!status && o->output)
		status = write_book(c, o, &s);
	run_state_free(&s);
	return status;
}

const cli_command cmd_compare = {
	.name = "compare",
	.usage = "[--policy ID] [--json] [-o FILE.xlsx [--force]] [--same-enterprise]\n"
		 "       [--rescore] [--allow-incomplete] [--lang zh|en] BEFORE AFTER",
	.summary = "compare two assessments of one enterprise (acceptance, 验收)",
	.help = "Tells from the files which comparison they make: progress (BEFORE a baseline,\n"
		"AFTER a post assessment) or verification (one stage, BEFORE declared by the\n"
		"enterprise, source self, AFTER rated on site, source onsite). Prints the\n"
		"points, dimensions, level and every level gate before and after, each answer\n"
		"that differs, and evidence added; for verification, where the declaration is\n"
		"higher than the rating and whether that answer alone changes the level.\n"
		"Refused (exit 65) for two enterprises, two instruments, or files that fit\n"
		"neither comparison.\n",
	.options = options,
	.run = run,
	.opts_size = sizeof(struct compare_opts),
	.on_option = on_option,
	.operands = "two answer files, BEFORE and AFTER",
	.n_operands = 2,
	.check = check, /* the two sides are loaded by compute() */
};
