/* assess subsidy [--policy ID...] FILE: what each policy pays for one answer file, and together. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "assess/cli.h"
#include "common/text.h"
#include "policies/subsidy.h"

struct subsidy_opts {
	bool json;
	int level;         /* -1: score the answer file */
	const char *date;  /* --date, or NULL for the file's */
	cli_list policies; /* --policy, in order; "all" expands to every installed one */
	cli_list readings; /* --reading CONFLICT=READING */
};

static int parse_level(cli *c, const char *s, int *out)
{
	if (strlen(s) != 1 || s[0] < '0' || s[0] > '4')
		return cli_usage_error(c, "--level takes a level 0 to 4, not \"%s\"", s);
	*out = s[0] - '0';
	return 0;
}

static const cli_option options[] = {
	{"policy", 'p', "ID",
	 "a policy id (see `assess policies`) or a policy file;\n"
	 "repeat it, or give `all` for every installed policy",
	 true, CLI_TO_LIST(struct subsidy_opts, policies)},
	{"json", 'j', NULL,
	 "one JSON object for one --policy: policy, total, items\n"
	 "[{clause, amount, would_pay, missing, ...}], warnings;\n"
	 "for several or none {policies, skipped, combined}",
	 false, CLI_TO_FLAG(struct subsidy_opts, json)},
	{"level", 'L', "N",
	 "a what-if: a post-transformation assessment at level N\n"
	 "(0-4) instead of the scored level and the file's stage",
	 false, CLI_TO_HANDLER},
	{"date", 'd', "YYYY-MM-DD",
	 "the assessment date, instead of the file's\n"
	 "$.assessment.date (the validity window is checked on it)",
	 false, CLI_TO_STRING(struct subsidy_opts, date)},
	{"reading", 'r', "CONFLICT=READING",
	 "use READING for the policy's conflict CONFLICT instead\n"
	 "of the file's choice (e.g. batch-rates=table for pingluo);\n"
	 "repeat it for each conflict to settle",
	 false, CLI_TO_LIST(struct subsidy_opts, readings)},
	CLI_OPT_INCOMPLETE("score unanswered questions as 0"),
	CLI_OPT_RESCORE,
	CLI_OPT_LANG("language of the output"),
	CLI_OPT_END,
};

static int on_option(cli *c, int key, const char *arg, void *opts)
{
	struct subsidy_opts *o = opts;
	(void)key; /* 'L', the one not stored by the table */
	return parse_level(c, arg, &o->level) ? EX_USAGE : 0;
}

struct run_state {
	policy **policies;
	subsidy_result **results;
	size_t n;
	bool pick; /* no --policy: show the policies that cover the enterprise and are in force */
	const subsidy_result **shown; /* the results listed, in order */
	size_t n_shown;
	subsidy_combined *combined;
};

static void free_state(struct run_state *s, char **ids, size_t n_ids)
{
	for (size_t i = 0; i < s->n; i++) {
		subsidy_free(s->results[i]);
		policy_free(s->policies[i]);
	}
	for (size_t i = 0; ids && i < n_ids; i++)
		free(ids[i]);
	free(ids);
	free(s->policies);
	free(s->results);
	free(s->shown);
	subsidy_combined_free(s->combined);
}

/* Without --policy: the enterprise is (or may be) in the area and the policy is in force. */
static bool applies(const subsidy_result *r)
{
	return r->area != SUBSIDY_AREA_OUT && r->window == SUBSIDY_WINDOW_IN;
}

/* Why a policy left out without --policy does not apply, for the one line that says so. */
static const char *why_not(cli *c, const subsidy_result *r)
{
	if (r->area == SUBSIDY_AREA_OUT)
		return CLI_TR(c, "不在适用地区", "outside its area");
	return subsidy_window_label(r->window, c->lang);
}

/* Computes every policy before printing any, so a failure prints no partial listing. */
static int compute(cli *c, const answers *a, char **ids, size_t n_ids, const subsidy_options *so,
		   struct run_state *s)
{
	assess_error err = {0};
	s->policies = calloc(n_ids + 1, sizeof *s->policies);
	s->results = calloc(n_ids + 1, sizeof *s->results);
	if (!s->policies || !s->results)
		return cli_nomem(c);
	for (size_t i = 0; i < n_ids; i++) {
		s->n = i + 1; /* so that free_state releases what this round loads */
		if (!(s->policies[i] = policy_open(ids[i], c->policy_path, &err)) ||
		    !(s->results[i] = subsidy_assess(s->policies[i], a, NULL, so, &err)))
			return cli_error(c, &err);
	}
	if (!(s->shown = calloc(n_ids + 1, sizeof *s->shown)))
		return cli_nomem(c);
	for (size_t i = 0; i < n_ids; i++)
		if (!s->pick || applies(s->results[i]))
			s->shown[s->n_shown++] = s->results[i];
	if (s->n_shown > 1 && !(s->combined = subsidy_combine(s->shown, s->n_shown, &err)))
		return cli_error(c, &err);
	return 0;
}

/* One --policy: its object. Several, or none: {"policies", "skipped", "combined"}. */
static cJSON *several_json(cli *c, const struct run_state *s)
{
	cJSON *j = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(j, "policies");
	cJSON *skipped = cJSON_AddArrayToObject(j, "skipped");
	for (size_t i = 0; list && i < s->n_shown; i++)
		cJSON_AddItemToArray(list, subsidy_to_json(s->shown[i], c->lang));
	for (size_t i = 0; skipped && s->pick && i < s->n; i++) {
		if (applies(s->results[i]))
			continue;
		cJSON *e = cJSON_CreateObject();
		cJSON_AddItemToArray(skipped, e);
		cJSON_AddStringToObject(e, "policy", s->results[i]->policy_id);
		cJSON_AddStringToObject(e, "reason",
					s->results[i]->area == SUBSIDY_AREA_OUT
						? "out-of-area"
						: subsidy_window_name(s->results[i]->window));
	}
	if (s->combined)
		cJSON_AddItemToObject(j, "combined",
				      subsidy_combined_to_json(s->combined, s->shown));
	else
		cJSON_AddNullToObject(j, "combined");
	return j;
}

static int print_json(cli *c, const struct run_state *s)
{
	return cli_print_json(c, s->n == 1 && !s->pick ? subsidy_to_json(s->results[0], c->lang)
						       : several_json(c, s));
}

static void print_skipped(cli *c, const struct run_state *s)
{
	size_t k = 0;
	for (size_t i = 0; s->pick && i < s->n; i++) {
		const subsidy_result *r = s->results[i];
		if (applies(r))
			continue;
		text_fprintf_escaped(stdout,
				     k++ ? CLI_TR(c, "；%s（%s）", "; %s (%s)")
					 : CLI_TR(c, "不适用的政策：%s（%s）",
						  "Policies that do not apply: %s (%s)"),
				     qn_text_get(r->issuer, c->lang), why_not(c, r));
	}
	if (k)
		printf("%s\n", CLI_TR(c, "。", "."));
	if (s->pick && !s->n_shown)
		printf("%s\n", CLI_TR(c, "没有适用于本企业的已安装政策。",
				      "No installed policy applies to this enterprise."));
}

static void print_text(cli *c, const struct run_state *s)
{
	for (size_t i = 0; i < s->n_shown; i++) {
		if (i)
			printf("\n");
		subsidy_print(stdout, s->shown[i], c->lang);
	}
	if (s->n_shown && (s->pick || s->combined))
		printf("\n");
	print_skipped(c, s);
	if (s->combined)
		subsidy_combined_print(stdout, s->combined, s->shown, c->lang);
}

static int run(cli *c, void *opts, cli_setup *setup, int n_operands, char **operands)
{
	const struct subsidy_opts *o = opts;
	(void)n_operands, (void)operands;
	subsidy_options so = {.level = o->level,
			      .level_overridden = o->level >= 0,
			      .date = o->date,
			      .readings = o->readings.items};
	struct run_state s = {.pick = !o->policies.n};
	size_t n_ids = 0;
	int status = 0;
	assess_error err = {0};
	char **ids =
		policy_ids_expand(c->policy_path, o->policies.items, o->policies.n, &n_ids, &err);
	if (ids && !n_ids)
		assess_fail(&err, ASSESS_ERR_NOTFOUND, NULL, 0, 0,
			    "no policies are installed (looked in %s)", c->policy_path);
	if (!ids || !n_ids)
		status = cli_error(c, &err);
	if (!status)
		status = compute(c, setup->answers, ids, n_ids, &so, &s);
	if (!status && o->json)
		status = print_json(c, &s);
	else if (!status)
		print_text(c, &s);
	free_state(&s, ids, n_ids);
	return status;
}

static const struct subsidy_opts defaults = {.level = -1}; /* no --level */

const cli_command cmd_subsidy = {
	.name = "subsidy",
	.usage = "[--policy ID...] [--json] [--level N] [--date YYYY-MM-DD]\n"
		 "       [--reading CONFLICT=READING...] [--allow-incomplete] [--rescore]\n"
		 "       [--lang zh|en] FILE",
	.summary = "work out what a subsidy policy pays for an answer file",
	.help = "Goes through every clause of the policy in the document's order: the base, the\n"
		"rate, the cap that applies, the amount and who pays which share, or why the\n"
		"clause pays nothing (level too low, under the threshold, not eligible, input\n"
		"missing, outside the validity window, stacking excluded). Then the total, the\n"
		"programme budget and every warning (expired policy, conflicting readings, the\n"
		"hardware share over its limit...). Amounts are whole yuan; rate x base is\n"
		"rounded down to the yuan. Clauses on the level reached after transformation\n"
		"pay only a post-transformation assessment ($.assessment.stage = post); a\n"
		"baseline shows what a post assessment would get and pays 0 now.\n\n"
		"Without --policy: every installed policy whose area covers the enterprise\n"
		"($.enterprise.region_code) and that is in force on the assessment date, each\n"
		"one and then together: a project two policies pay for is counted once, at the\n"
		"higher amount, and a warning says where no document settles it.\n",
	.options = options,
	.notes = "FILE may be - for standard input. The finance, status and awards blocks of the\n"
		 "answer file are described in docs/answer-format.md.\n",
	.run = run,
	.opts_size = sizeof(struct subsidy_opts),
	.opts_init = &defaults,
	.on_option = on_option,
	.operands = "one answer FILE",
	.n_operands = 1,
	.setup = CLI_SETUP_ANSWERS,
};
