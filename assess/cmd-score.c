/* assess score FILE: points, level, gates and gaps for one answer file. */
#include "config.h"

#include <sysexits.h>
#include "answers/record.h"
#include "assess/cli.h"
#include "portfolio/stream.h"
#include "scoring/plan.h"
#include "scoring/reading.h"
#include "scoring/scoring.h"

struct score_opts {
	bool json;
	bool ndjson;
};

static const cli_option options[] = {
	{"json", 'j', NULL,
	 "one JSON object: total, level, dimensions, scenarios,\n"
	 "gates, gaps, questions, missing, plans (the fewest\n"
	 "steps to each higher level), readings (the level and\n"
	 "total under each open reading's alternative)",
	 false, CLI_TO_FLAG(struct score_opts, json)},
	{"ndjson", 'n', NULL,
	 "FILE (default -) holds one answer object per line; write\n"
	 "one compact result line per line, or an error record for\n"
	 "a bad line and go on (exit 65 at the end); constant\n"
	 "memory, for use as a streaming mapper (docs/batch.md)",
	 false, CLI_TO_FLAG(struct score_opts, ndjson)},
	CLI_OPT_INCOMPLETE("score unanswered questions as 0 (and say so)"),
	CLI_OPT_RESCORE,
	CLI_OPT_LANG("language of names and text"),
	CLI_OPT_END,
};

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct score_opts *o = opts;
	(void)operands;
	if (o->json && o->ndjson)
		return cli_usage_error(c, "--json and --ndjson exclude each other");
	if (n != 1 && !(o->ndjson && n == 0))
		return cli_usage_error(c, "score takes one answer FILE (see %s help score)",
				       c->prog);
	if (o->ndjson)
		s->needs = 0; /* the stream reads its answers itself, a line at a time */
	return 0;
}

/* --ndjson: one result line per answer object line (portfolio/stream.h); 65 if any failed. */
static int score_ndjson(cli *c, const char *path, unsigned flags)
{
	portfolio_stream_options so = {.resolve = cli_questionnaire, .ctx = c, .flags = flags};
	portfolio_stream_stats st;
	assess_error err = {0};
	if (portfolio_score_file(path, stdout, &so, &st, &err))
		return cli_error(c, &err);
	return st.failed ? EX_DATAERR : 0;
}

/* score --json: the result, the plans, the record and the readings as one object. */
static int print_json(cli *c, const scoring_result *r, const answers *a)
{
	assess_error err = {0};
	cJSON *j = scoring_to_json(r, c->lang);
	scoring_plan_set *plans = scoring_plan_find(r, &err);
	cJSON *pj = plans ? scoring_plan_to_json(plans) : NULL;
	if (!pj || !cJSON_AddItemToObject(j, "plans", pj)) {
		cJSON_Delete(pj);
		cJSON_Delete(j);
		j = NULL;
	}
	cJSON *rec = j && answers_has_record(a) ? answers_record_json(a) : NULL;
	if (j && answers_has_record(a) && (!rec || !cJSON_AddItemToObject(j, "record", rec))) {
		cJSON_Delete(rec);
		cJSON_Delete(j);
		j = NULL;
	}
	cJSON *rj = j ? scoring_reading_json(r) : NULL;
	if (j && (!rj || !cJSON_AddItemToObject(j, "readings", rj))) {
		cJSON_Delete(rj);
		cJSON_Delete(j);
		j = NULL;
	}
	scoring_plan_set_free(plans);
	return cli_print_json(c, j);
}

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	const struct score_opts *o = opts;
	if (o->ndjson)
		return score_ndjson(c, n ? operands[0] : "-", s->answers_flags);
	if (o->json)
		return print_json(c, s->score, s->answers);
	scoring_print(stdout, s->score, c->lang);
	/* A format 1 file has no record: its output stays as it always was. */
	char line[512];
	if (answers_has_record(s->answers))
		printf("%s\n", answers_record_line(s->answers, c->lang, line, sizeof line));
	return 0;
}

const cli_command cmd_score = {
	.name = "score",
	.usage = "[--json | --ndjson] [--allow-incomplete] [--rescore] [--lang zh|en] FILE",
	.summary = "score an answer file into points and a level 0-4",
	.help = "Prints the total, each dimension's points, the scenario counts, the level, what\n"
		"the next level still needs, and the fewest steps that reach it (a single-choice\n"
		"answer one option up, one more option on a multi-choice question, or a scenario\n"
		"one level up), in the instrument's words.\n",
	.options = options,
	.notes = "FILE may be - for standard input.\n",
	.run = run,
	.opts_size = sizeof(struct score_opts),
	.check = check, /* the operands: one FILE, or none with --ndjson */
	.setup = CLI_SETUP_SCORE,
};
