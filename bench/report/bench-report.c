/*
 * bench-report: how long report_write() takes per workbook.
 *
 *     bench-report [-n REPORTS] [-r ROUNDS] [-d DIR] [-k KEEP.xlsx] ANSWERS.json
 *
 * Loads and scores the answer file once, then writes REPORTS workbooks into DIR per round and
 * prints the median time per workbook over ROUNDS rounds (and the fastest and slowest round).
 * The process uses the allocator settings of the assess binary (assess/main.c), because that
 * is the program a user runs. -k keeps one workbook for the zlib baseline and the Python peer.
 * -e times, instead, a workbook with the report's skeleton and nothing in it (five sheets, two
 * charts): what libxlsxwriter costs before there is any content.
 */
#include "config.h"
#include "bench/common.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "reports/report.h"
#include "scoring/scoring.h"

static const questionnaire *resolve(const char *id, void *ctx, assess_error *err)
{
	questionnaire **q = ctx;
	const char *path = getenv("ASSESS_QUESTIONNAIRES");
	if (!*q)
		*q = questionnaire_open(id, path ? path : "questionnaires", err);
	return *q;
}

/* Writes n workbooks into dir; returns the seconds taken, or -1 after printing the error. */
static double round_of(const scoring_result *r, const char *dir, int n)
{
	report_options o = {.lang = QN_LANG_ZH, .replace = true};
	char path[4096];
	double t0 = bench_now();
	for (int i = 0; i < n; i++) {
		assess_error err = {0};
		snprintf(path, sizeof path, "%s/bench-%d.xlsx", dir, i % 8);
		if (report_write(r, &o, path, &err)) {
			fprintf(stderr, "bench-report: %s: %s\n", err.file, err.msg);
			return -1;
		}
	}
	return bench_now() - t0;
}

/* Five empty sheets and two one-series charts, the way report_write() sets up a workbook. */
static int skeleton(const char *path)
{
	lxw_workbook_options o = {.tmpdir = "/dev/shm"};
	lxw_workbook *wb = workbook_new_opt(path, &o);
	if (!wb)
		return -1;
	lxw_worksheet *first = NULL;
	for (int i = 0; i < 5; i++) {
		char name[16];
		snprintf(name, sizeof name, "Sheet%d", i + 1);
		lxw_worksheet *ws = workbook_add_worksheet(wb, name);
		if (!first)
			first = ws;
	}
	lxw_chart *radar = workbook_add_chart(wb, LXW_CHART_RADAR_FILLED);
	lxw_chart *bar = workbook_add_chart(wb, LXW_CHART_BAR);
	chart_add_series(radar, "=Sheet1!$A$1:$A$9", "=Sheet1!$D$1:$D$9");
	chart_add_series(bar, "=Sheet1!$A$20:$A$35", "=Sheet1!$C$20:$C$35");
	worksheet_insert_chart(first, 0, 5, radar);
	worksheet_insert_chart(first, 20, 5, bar);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : -1;
}

static double skeleton_round(const char *dir, int n)
{
	char path[4096];
	double t0 = bench_now();
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/bench-%d.xlsx", dir, i % 8);
		if (skeleton(path)) {
			fprintf(stderr, "bench-report: cannot write %s\n", path);
			return -1;
		}
	}
	return bench_now() - t0;
}

int main(int argc, char **argv)
{
	int n = 50, rounds = 7, ch;
	const char *dir = "/dev/shm", *keep = NULL;
	bool empty = false;
	bench_tune_allocator();
	while ((ch = getopt(argc, argv, "n:r:d:k:e")) != -1) {
		if (ch == 'e')
			empty = true;
		else if (ch == 'n')
			n = atoi(optarg);
		else if (ch == 'r')
			rounds = atoi(optarg);
		else if (ch == 'd')
			dir = optarg;
		else if (ch == 'k')
			keep = optarg;
		else
			return 64;
	}
	if (optind != argc - 1 || n < 1 || rounds < 1 || rounds > 1000) {
		fprintf(stderr, "usage: bench-report [-e] [-n REPORTS] [-r ROUNDS] [-d DIR] "
				"[-k KEEP.xlsx] ANSWERS.json\n");
		return 64;
	}
	questionnaire *q = NULL;
	assess_error err = {0};
	answers *a = answers_load(argv[optind], resolve, &q, 0, &err);
	scoring_result *r = a ? scoring_run(a, &err) : NULL;
	if (!r) {
		fprintf(stderr, "bench-report: %s: %s\n", err.file, err.msg);
		return 65;
	}
	double times[1000];
	int status = 0;
	/* A warm-up round first: first-touch page faults and cold caches. */
	if (empty)
		skeleton_round(dir, 1);
	else
		round_of(r, dir, 1);
	for (int i = 0; i < rounds && !status; i++) {
		times[i] = empty ? skeleton_round(dir, n) : round_of(r, dir, n);
		status = times[i] < 0;
	}
	if (!status) {
		qsort(times, (size_t)rounds, sizeof *times, bench_cmp_double);
		printf("%s: %d workbooks x %d rounds in %s: median %.3f ms per workbook "
		       "(rounds %.3f-%.3f ms)\n",
		       empty ? "libxlsxwriter, empty skeleton" : "report_write", n, rounds, dir,
		       times[rounds / 2] / n * 1e3, times[0] / n * 1e3,
		       times[rounds - 1] / n * 1e3);
		report_options o = {.lang = QN_LANG_ZH, .replace = true};
		if (keep && report_write(r, &o, keep, &err))
			fprintf(stderr, "bench-report: %s: %s\n", err.file, err.msg), status = 1;
	}
	for (int i = 0; i < 8; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/bench-%d.xlsx", dir, i);
		unlink(path);
	}
	scoring_free(r);
	answers_free(a);
	questionnaire_free(q);
	return status ? 1 : 0;
}
