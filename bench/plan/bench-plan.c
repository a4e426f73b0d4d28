/*
 * bench-plan: what the plans add to `assess score --json`. For each answer file, the median
 * time of (a) what score --json does in process for it: parse the answers, score, build and
 * print the JSON; (b) what the plans add: scoring_plan_find, the plans' JSON, printed. Process
 * start and loading the instrument are left out of (a), so the share is an upper bound.
 * usage: bench-plan [-n N] [-r ROUNDS] FILE...   (ASSESS_QUESTIONNAIRES names the folder)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bench/common.h"
#include "common/readfile.h"
#include "scoring/plan.h"
#include "scoring/scoring.h"

static const questionnaire *resolve(const char *id, void *ctx, assess_error *err)
{
	(void)id;
	(void)err;
	return ctx;
}

/* (a) once: returns the output's length, so that nothing is optimized away. */
static size_t score_once(const char *text, size_t len, questionnaire *q)
{
	assess_error err = {0};
	answers *a = answers_parse(text, len, "bench", resolve, q, 0, &err);
	scoring_result *r = a ? scoring_run(a, &err) : NULL;
	if (!r) {
		fprintf(stderr, "bench-plan: %s\n", err.msg);
		exit(1);
	}
	cJSON *j = scoring_to_json(r, QN_LANG_ZH);
	char *out = j ? cJSON_Print(j) : NULL;
	size_t sum = out ? strlen(out) : 0;
	free(out);
	cJSON_Delete(j);
	scoring_free(r);
	answers_free(a);
	return sum;
}

/* Median microseconds of (a). */
static double score_us(const char *text, size_t len, questionnaire *q, int n, int rounds)
{
	double *t = calloc((size_t)rounds, sizeof *t);
	size_t sink = 0;
	for (int k = 0; k < rounds; k++) {
		double start = bench_now();
		for (int i = 0; i < n; i++)
			sink += score_once(text, len, q);
		t[k] = (bench_now() - start) / n * 1e6;
	}
	qsort(t, (size_t)rounds, sizeof *t, bench_cmp_double);
	double m = t[rounds / 2];
	free(t);
	return sink ? m : 0;
}

/* (b) alone: parse and score once, then time only the plans. */
static double plans_only_us(const char *text, size_t len, questionnaire *q, int n, int rounds)
{
	assess_error err = {0};
	answers *a = answers_parse(text, len, "bench", resolve, q, 0, &err);
	scoring_result *r = a ? scoring_run(a, &err) : NULL;
	if (!r)
		exit(1);
	double *t = calloc((size_t)rounds, sizeof *t);
	size_t sink = 0;
	for (int k = 0; k < rounds; k++) {
		double start = bench_now();
		for (int i = 0; i < n; i++) {
			scoring_plan_set *ps = scoring_plan_find(r, &err);
			cJSON *j = scoring_plan_to_json(ps);
			char *out = cJSON_PrintUnformatted(j);
			sink += strlen(out);
			free(out);
			cJSON_Delete(j);
			scoring_plan_set_free(ps);
		}
		t[k] = (bench_now() - start) / n * 1e6;
	}
	qsort(t, (size_t)rounds, sizeof *t, bench_cmp_double);
	double m = t[rounds / 2];
	free(t);
	scoring_free(r);
	answers_free(a);
	return sink ? m : 0;
}

int main(int argc, char **argv)
{
	int n = 2000, rounds = 7;
	if (!bench_options(argc, argv, &n, &rounds))
		return 64;
	bench_tune_allocator();
	const char *dir = getenv("ASSESS_QUESTIONNAIRES");
	assess_error err = {0};
	questionnaire *q = questionnaire_open("miit-2024", dir ? dir : "questionnaires", &err);
	if (!q) {
		fprintf(stderr, "bench-plan: %s\n", err.msg);
		return 66;
	}
	for (int i = optind; i < argc; i++) {
		size_t len;
		char *text = readfile_all(argv[i], 1 << 20, &len, &err);
		if (!text) {
			fprintf(stderr, "bench-plan: %s: %s\n", argv[i], err.msg);
			return 66;
		}
		double score = score_us(text, len, q, n, rounds);
		double plans = plans_only_us(text, len, q, n, rounds);
		printf("%s: score --json in process %.1f us, plans %.1f us, %.1f%%\n", argv[i],
		       score, plans, 100.0 * plans / score);
		free(text);
	}
	questionnaire_free(q);
	return 0;
}
