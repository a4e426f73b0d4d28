/*
 * The portfolio module against hand-computed values: exact numbers in the result lines, the
 * tally's counts and the targets at their boundaries, bounded line reading, the folder walk,
 * report workers that fail or die. The portfolio workbook's cells are read back with openpyxl
 * in tests/batch.sh.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/creditcode.h"
#include "common/readfile.h"
#include "portfolio/batch.h"
#include "portfolio/portfolio-book.h"
#include "common/textbuf.h"
#include "portfolio/inputs.h"
#include "common/lines.h"
#include "common/strmap.h"
#include "portfolio/pool.h"
#include "portfolio/pool_internal.h"
#include "portfolio/stream.h"
#include "portfolio/tally.h"
#include "tests/unit/test.h"

/* ---- answer objects ---- */

enum variant {
	ZERO,    /* every question at A, every scenario 0: 0 points, level 0 */
	ONE,     /* digital foundation full (50), the rest A, scenarios at 1: level 1 */
	EXAMPLE, /* examples/quanzhou-sports-baseline.json: 48.875, level 2 */
	MAX      /* everything at the top, scenarios at 4: 100, level 4 */
};

static const char *const f_zero =
	"\"F1\":[\"A\"],\"F2\":\"A\",\"F3\":\"A\",\"F4\":[\"A\"],\"F5\":\"A\",\"F6\":[\"A\"],"
	"\"F7\":[\"A\"]";
static const char *const f_max =
	"\"F1\":[\"B\",\"C\",\"D\",\"E\"],\"F2\":\"E\",\"F3\":\"E\",\"F4\":[\"B\",\"C\",\"D\","
	"\"E\",\"F\",\"G\",\"H\",\"I\",\"J\",\"K\",\"L\",\"M\",\"N\",\"O\"],\"F5\":\"E\","
	"\"F6\":[\"B\",\"C\",\"D\",\"E\"],\"F7\":[\"B\",\"C\",\"D\",\"E\"]";
static const char *const mr_zero =
	"\"M1\":\"A\",\"M2\":[\"A\"],\"M3\":[\"A\"],\"M4\":\"A\",\"R1\":\"A\",\"R2\":\"A\","
	"\"R3\":\"A\",\"R4\":\"A\"";
static const char *const mr_max =
	"\"M1\":\"F\",\"M2\":[\"B\",\"C\",\"D\",\"E\"],\"M3\":[\"B\",\"C\",\"D\",\"E\",\"F\"],"
	"\"M4\":\"E\",\"R1\":\"C\",\"R2\":\"C\",\"R3\":\"C\",\"R4\":\"C\"";
static const char *const example_answers =
	"\"F1\":[\"B\",\"C\"],\"F2\":\"C\",\"F3\":\"B\",\"F4\":[\"D\",\"G\",\"H\",\"M\",\"N\"],"
	"\"F5\":\"C\",\"F6\":[\"B\",\"C\"],\"F7\":[\"B\"],\"S01\":2,\"S02\":1,\"S03\":3,\"S04\":1,"
	"\"S05\":2,\"S06\":2,\"S07\":2,\"S08\":1,\"S09\":1,\"S10\":1,\"S11\":2,\"S12\":2,\"S13\":3,"
	"\"S14\":2,\"S15\":2,\"S16\":1,\"M1\":\"D\",\"M2\":[\"B\",\"C\"],\"M3\":[\"B\",\"D\"],"
	"\"M4\":\"B\",\"R1\":\"B\",\"R2\":\"C\",\"R3\":\"C\",\"R4\":\"B\"";

static void scenarios(char *buf, size_t size, int level)
{
	size_t used = 0;
	for (int i = 1; i <= 16; i++)
		used += (size_t)snprintf(buf + used, size - used, ",\"S%02d\":%d", i, level);
}

/* A valid credit code numbered k. */
static const char *code(int k, char out[19])
{
	char first[32];
	snprintf(first, sizeof first, "9135050000%07d", k % 10000000);
	memcpy(out, first, 17);
	out[17] = creditcode_check_char(out);
	out[18] = '\0';
	return out;
}

/* One answer object on one line. code_k 0: no credit code; above -1: not stated. */
static char *object(enum variant v, int code_k, const char *stage, int above, const char *industry,
		    const char *region)
{
	char answers_part[1024], sc[256], enterprise[512], cc[19];
	static char out[4][2048];
	static int which;
	if (v == EXAMPLE) {
		snprintf(answers_part, sizeof answers_part, "%s", example_answers);
	} else {
		scenarios(sc, sizeof sc, v == ZERO ? 0 : v == ONE ? 1 : 4);
		snprintf(answers_part, sizeof answers_part, "%s,%s%s", v == ZERO ? f_zero : f_max,
			 v == MAX ? mr_max : mr_zero, sc);
	}
	size_t used =
		(size_t)snprintf(enterprise, sizeof enterprise, "\"name\":\"企业%d\"", code_k);
	if (code_k)
		used += (size_t)snprintf(enterprise + used, sizeof enterprise - used,
					 ",\"credit_code\":\"%s\"", code(code_k, cc));
	if (industry)
		used += (size_t)snprintf(enterprise + used, sizeof enterprise - used,
					 ",\"industry\":\"%s\"", industry);
	if (region)
		used += (size_t)snprintf(enterprise + used, sizeof enterprise - used,
					 ",\"region\":\"%s\"", region);
	if (above >= 0)
		snprintf(enterprise + used, sizeof enterprise - used, ",\"above_scale\":%s",
			 above ? "true" : "false");
	which = (which + 1) % 4;
	snprintf(out[which], sizeof out[which],
		 "{\"questionnaire\":\"miit-2024\",\"enterprise\":{%s},"
		 "\"assessment\":{\"date\":\"2026-06-30\"%s%s%s},\"answers\":{%s}}",
		 enterprise, stage ? ",\"stage\":\"" : "", stage ? stage : "", stage ? "\"" : "",
		 answers_part);
	return out[which];
}

static scoring_result *score(const char *json)
{
	assess_error err = {0};
	answers *a = test_answers(json, 0);
	scoring_result *r = scoring_run_flags(a, SCORING_NO_GAPS, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	return r;
}

static void release(scoring_result *r)
{
	const answers *a = r->answers;
	scoring_free(r);
	answers_free((answers *)a);
}

/* ---- buffers, numbers, names ---- */

START_TEST(buf_milli_is_exact)
{
	static const struct {
		int64_t milli;
		const char *text;
	} cases[] = {{59999, "59.999"}, {60000, "60"},  {6500, "6.5"}, {48875, "48.875"},
		     {100, "0.1"},      {10, "0.01"},   {0, "0"},      {-1500, "-1.5"},
		     {100000, "100"},   {1875, "1.875"}};
	textbuf b = {0};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		textbuf_reset(&b);
		textbuf_milli(&b, cases[i].milli);
		ck_assert_str_eq(b.data, cases[i].text);
	}
	textbuf_reset(&b);
	textbuf_int(&b, INT64_MIN);
	ck_assert_str_eq(b.data, "-9223372036854775808");
	ck_assert(!b.failed);
	textbuf_free(&b);
}
END_TEST

START_TEST(buf_json_string_escapes)
{
	textbuf b = {0};
	textbuf_json_string(&b, "泉州\"a\\b\n\t\x01z");
	ck_assert_str_eq(b.data, "\"泉州\\\"a\\\\b\\n\\t\\u0001z\"");
	textbuf_reset(&b);
	textbuf_json_string(&b, NULL);
	ck_assert_str_eq(b.data, "null");
	textbuf_free(&b);
}
END_TEST

START_TEST(share_targets_parse_exactly)
{
	int v = -1;
	ck_assert(portfolio_parse_share("95%", &v) && v == 9500);
	ck_assert(portfolio_parse_share("95", &v) && v == 9500);
	ck_assert(portfolio_parse_share("92.5%", &v) && v == 9250);
	ck_assert(portfolio_parse_share("100%", &v) && v == 10000);
	ck_assert(portfolio_parse_share("0", &v) && v == 0);
	ck_assert(!portfolio_parse_share("100.01", &v));
	ck_assert(!portfolio_parse_share("95.555", &v));
	ck_assert(!portfolio_parse_share("-5", &v));
	ck_assert(!portfolio_parse_share("%", &v));
	ck_assert(!portfolio_parse_share("ninety", &v));
	ck_assert(!portfolio_parse_share("", &v));
}
END_TEST

START_TEST(map_grows_and_finds)
{
	strmap *m = strmap_new();
	char key[32];
	for (size_t i = 0; i < 1000; i++) {
		size_t *slot;
		bool fresh;
		snprintf(key, sizeof key, "k%zu", i);
		ck_assert(strmap_put(m, key, &slot, &fresh));
		ck_assert(fresh);
		*slot = i * 3;
	}
	ck_assert_uint_eq(strmap_count(m), 1000);
	for (size_t i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%zu", i);
		ck_assert_uint_eq(*strmap_get(m, key), i * 3);
	}
	size_t *slot;
	bool fresh;
	ck_assert(strmap_put(m, "k7", &slot, &fresh) && !fresh && *slot == 21);
	ck_assert_ptr_null(strmap_get(m, "k1000"));
	strmap_free(m);
}
END_TEST

START_TEST(report_names_come_from_the_code_only)
{
	char name[64], cc[19];
	answers *a = test_answers(object(EXAMPLE, 5, "post", 1, "a/../../etc", "x"), 0);
	portfolio_report_name(a, 7, name, sizeof name);
	char want[64];
	snprintf(want, sizeof want, "%s-post.xlsx", code(5, cc));
	ck_assert_str_eq(name, want);
	answers_free(a);
	/* No code: the row number, whatever the name says. */
	a = test_answers("{\"questionnaire\":\"miit-2024\",\"enterprise\":{\"name\":\"../../x\"},"
			 "\"answers\":{}}",
			 ANSWERS_ALLOW_INCOMPLETE);
	portfolio_report_name(a, 123, name, sizeof name);
	ck_assert_str_eq(name, "row-000123.xlsx");
	answers_free(a);
}
END_TEST

START_TEST(progress_line_says_count_rate_eta)
{
	char line[256];
	portfolio_progress p = {.done = 2500, .total = 10000, .seconds = 2.0};
	portfolio_progress_line(&p, QN_LANG_EN, line, sizeof line);
	/* 1,250/s, 7,500 left: 6 s. */
	ck_assert_str_eq(line, "[#####---------------]  25%  2,500/10,000  1,250/s  ETA 0:06");
	p = (portfolio_progress){.done = 1234, .failed = 3, .seconds = 1.0};
	portfolio_progress_line(&p, QN_LANG_EN, line, sizeof line);
	ck_assert_str_eq(line, "1,234  1,234/s  3 failed");
	p = (portfolio_progress){.done = 10, .total = 10, .seconds = 65, .final = true};
	portfolio_progress_line(&p, QN_LANG_ZH, line, sizeof line);
	ck_assert_str_eq(line, "[####################] 100%  10/10  0/s  用时 1:05");
}
END_TEST

START_TEST(scoring_without_gaps_scores_the_same)
{
	/* SCORING_NO_GAPS (scoring.h) leaves out the ranked advice and nothing else. */
	assess_error err = {0};
	const enum variant all[] = {ZERO, ONE, EXAMPLE, MAX};
	for (size_t i = 0; i < 4; i++) {
		answers *a = test_answers(object(all[i], 1, "post", 1, NULL, NULL), 0);
		scoring_result *full = scoring_run(a, &err),
			       *lean = scoring_run_flags(a, SCORING_NO_GAPS, &err);
		ck_assert(full && lean);
		ck_assert_int_eq(lean->total, full->total);
		ck_assert_int_eq(lean->level, full->level);
		ck_assert_mem_eq(lean->at_least, full->at_least, sizeof full->at_least);
		ck_assert_mem_eq(lean->gates, full->gates, sizeof full->gates);
		ck_assert_uint_eq(lean->n_gaps, 0);
		ck_assert(all[i] == MAX || full->n_gaps > 0);
		scoring_free(full);
		scoring_free(lean);
		answers_free(a);
	}
}
END_TEST

/* ---- the tally ---- */

static void add(portfolio_tally *t, size_t seq, const char *json, int64_t subsidy)
{
	assess_error err = {0};
	scoring_result *r = score(json);
	portfolio_subsidy sub = {.computed = subsidy >= 0, .total = subsidy};
	ck_assert_uint_eq(portfolio_tally_duplicate(t, r->answers), 0);
	ck_assert_ok(portfolio_tally_add(t, seq, r, &sub, &err), &err);
	release(r);
}

START_TEST(tally_counts_levels_and_groups)
{
	portfolio_tally *t = portfolio_tally_new(test_miit(), -1, 0);
	portfolio_counts c;
	add(t, 1, object(ZERO, 1, NULL, 1, "纺织", "晋江"), -1);
	add(t, 2, object(ONE, 2, NULL, 0, "纺织", "石狮"), -1);
	add(t, 3, object(EXAMPLE, 3, NULL, 1, "食品", "晋江"), -1);
	add(t, 4, object(MAX, 4, NULL, -1, NULL, "晋江"), -1);
	ck_assert_int_eq(portfolio_tally_basis(t), PORTFOLIO_BASIS_ALL);
	portfolio_tally_counts(t, NULL, PORTFOLIO_BASIS_ALL, &c);
	ck_assert_uint_eq(c.n, 4);
	for (int l = 0; l <= 4; l++)
		ck_assert_uint_eq(c.level[l], l == 3 ? 0 : 1);
	ck_assert_int_eq(c.total_milli, 0 + 50000 + 48875 + 100000);
	ck_assert_uint_eq(c.above_scale, 2);
	ck_assert_uint_eq(c.above_scale_l2, 1); /* the example; ZERO is level 0 */
	ck_assert_uint_eq(c.scale_unknown, 1);
	size_t n;
	const portfolio_group **g =
		portfolio_tally_groups(t, PORTFOLIO_BY_INDUSTRY, PORTFOLIO_BASIS_ALL, &n);
	/* Most rows first, ties by name (bytes): 纺织 2, then "" (not given) and 食品 with 1. */
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(portfolio_group_name(g[0]), "纺织");
	ck_assert_str_eq(portfolio_group_name(g[1]), "");
	ck_assert_str_eq(portfolio_group_name(g[2]), "食品");
	portfolio_tally_counts(t, g[0], PORTFOLIO_BASIS_ALL, &c);
	ck_assert_uint_eq(c.n, 2);
	/* S01 levels in 纺织: 0 (ZERO) + 1 (ONE). */
	ck_assert_int_eq(portfolio_tally_scenario_sum(t, g[0], PORTFOLIO_BASIS_ALL, 0), 1);
	free(g);
	/* Scenario S03 over the portfolio: 0, 1, 3 (example), 4. */
	size_t lv[5];
	portfolio_tally_scenario_levels(t, PORTFOLIO_BASIS_ALL, 2, lv);
	ck_assert(lv[0] == 1 && lv[1] == 1 && lv[2] == 0 && lv[3] == 1 && lv[4] == 1);
	ck_assert_int_eq(portfolio_tally_scenario_sum(t, NULL, PORTFOLIO_BASIS_ALL, 2), 8);
	portfolio_tally_free(t);
}
END_TEST

/* 20 above-scale rows, `at_l2` of them at level 2 (the example), the rest at level 1. */
static portfolio_tally *share_tally(int at_l2)
{
	portfolio_tally *t = portfolio_tally_new(test_miit(), -1, 0);
	for (int i = 1; i <= 20; i++)
		add(t, (size_t)i, object(i <= at_l2 ? EXAMPLE : ONE, i, "post", 1, "x", "y"), -1);
	return t;
}

START_TEST(share_target_boundary_is_exact)
{
	portfolio_targets tg = {.level2_share = 9500, .level4_count = -1};
	portfolio_verdicts v;
	portfolio_tally *t = share_tally(19); /* 19/20 = 95% exactly */
	portfolio_targets_judge(t, &tg, &v);
	ck_assert_int_eq(v.level2, PORTFOLIO_TARGET_MET);
	ck_assert(v.level2_have == 19 && v.level2_of == 20);
	ck_assert_int_eq(v.level4, PORTFOLIO_TARGET_UNSET);
	ck_assert_int_eq(v.budget, PORTFOLIO_TARGET_UNSET);
	tg.level2_share = 9501; /* 95.01%: 19/20 falls short by a hair */
	portfolio_targets_judge(t, &tg, &v);
	ck_assert_int_eq(v.level2, PORTFOLIO_TARGET_MISSED);
	portfolio_tally_free(t);
	t = share_tally(18);
	tg = (portfolio_targets){.level2_share = 9500, .level4_count = 0};
	portfolio_targets_judge(t, &tg, &v);
	ck_assert_int_eq(v.level2, PORTFOLIO_TARGET_MISSED);
	ck_assert_int_eq(v.level4, PORTFOLIO_TARGET_MET); /* 0 >= 0 */
	portfolio_tally_free(t);
}
END_TEST

START_TEST(basis_is_post_when_there_is_any)
{
	portfolio_tally *t = portfolio_tally_new(test_miit(), -1, 0);
	portfolio_targets tg = {.level2_share = 5000, .level4_count = 1};
	portfolio_verdicts v;
	size_t m[5][5];
	add(t, 1, object(ONE, 1, "baseline", 1, NULL, NULL), -1);
	add(t, 2, object(ZERO, 2, "baseline", 1, NULL, NULL), -1);
	add(t, 3, object(MAX, 1, "post", 1, NULL, NULL), -1);
	ck_assert_int_eq(portfolio_tally_basis(t), ANSWERS_STAGE_POST);
	portfolio_targets_judge(t, &tg, &v);
	/* Judged on the one post row: level 4, above scale. */
	ck_assert(v.level2 == PORTFOLIO_TARGET_MET && v.level2_have == 1 && v.level2_of == 1);
	ck_assert(v.level4 == PORTFOLIO_TARGET_MET && v.level4_have == 1);
	/* Code 1 was level 1 before and level 4 after; code 2 has no post row. */
	ck_assert_uint_eq(portfolio_tally_transitions(t, m), 1);
	ck_assert_uint_eq(m[1][4], 1);
	portfolio_tally_free(t);
}
END_TEST

/*
 * Code 1: baseline level 1 paid 18,000 (a clause without a level gate), post level 4 paid
 * 318,000; code 2: a baseline alone, 5,000. All rows together: 3 rows, but the money of code 1
 * once, on its post row: 318,000 + 5,000 = 323,000 (not 341,000).
 */
START_TEST(baseline_and_post_money_never_added)
{
	portfolio_tally *t = portfolio_tally_new(test_miit(), -1, 0);
	portfolio_counts all, base, post;
	portfolio_pairing pg;
	add(t, 1, object(ONE, 1, "baseline", 1, NULL, NULL), 18000);
	add(t, 2, object(ZERO, 2, "baseline", 1, NULL, NULL), 5000);
	add(t, 3, object(MAX, 1, "post", 1, NULL, NULL), 318000);
	portfolio_tally_counts(t, NULL, PORTFOLIO_BASIS_ALL, &all);
	portfolio_tally_counts(t, NULL, ANSWERS_STAGE_BASELINE, &base);
	portfolio_tally_counts(t, NULL, ANSWERS_STAGE_POST, &post);
	ck_assert_uint_eq(all.n, 3);
	ck_assert_int_eq(all.subsidy, 323000);
	ck_assert_uint_eq(all.subsidy_rows, 2);
	ck_assert_int_eq(base.subsidy, 23000); /* each stage on its own still shows its rows */
	ck_assert_int_eq(post.subsidy, 318000);
	portfolio_tally_pairing(t, &pg);
	ck_assert_uint_eq(pg.pairs, 1);
	ck_assert_uint_eq(pg.matrix[1][4], 1);
	ck_assert_uint_eq(pg.post_level2, 1);
	ck_assert_uint_eq(pg.refused, 0);
	portfolio_tally_free(t);
}
END_TEST

START_TEST(duplicates_are_by_code_and_stage)
{
	portfolio_tally *t = portfolio_tally_new(test_miit(), -1, 0);
	add(t, 1, object(ONE, 9, "baseline", 1, NULL, NULL), -1);
	answers *same = test_answers(object(EXAMPLE, 9, "baseline", 1, NULL, NULL), 0);
	answers *post = test_answers(object(EXAMPLE, 9, "post", 1, NULL, NULL), 0);
	answers *nocode = test_answers(object(EXAMPLE, 0, "baseline", 1, NULL, NULL), 0);
	ck_assert_uint_eq(portfolio_tally_duplicate(t, same), 1);
	ck_assert_uint_eq(portfolio_tally_duplicate(t, post), 0);
	ck_assert_uint_eq(portfolio_tally_duplicate(t, nocode), 0);
	answers_free(same);
	answers_free(post);
	answers_free(nocode);
	portfolio_tally_free(t);
}
END_TEST

START_TEST(budget_names_the_row_that_exhausts_it)
{
	portfolio_tally *t = portfolio_tally_new(test_miit(), 28000000, 0);
	portfolio_targets tg = {.level2_share = -1, .level4_count = -1};
	portfolio_verdicts v;
	add(t, 1, object(EXAMPLE, 1, "post", 1, NULL, NULL), 10000000);
	add(t, 2, object(EXAMPLE, 2, "post", 1, NULL, NULL), 18000000); /* exactly 28,000,000 */
	portfolio_targets_judge(t, &tg, &v);
	ck_assert_int_eq(v.budget, PORTFOLIO_TARGET_MET);
	ck_assert_int_eq(v.spent, 28000000);
	ck_assert_uint_eq(v.exhausted_at, 0);
	add(t, 3, object(EXAMPLE, 3, "post", 1, NULL, NULL), -1); /* no subsidy computed */
	add(t, 4, object(EXAMPLE, 4, "post", 1, NULL, NULL), 1);
	add(t, 5, object(EXAMPLE, 5, "post", 1, NULL, NULL), 500);
	portfolio_targets_judge(t, &tg, &v);
	ck_assert_int_eq(v.budget, PORTFOLIO_TARGET_MISSED);
	ck_assert_int_eq(v.over, 501);
	ck_assert_uint_eq(v.exhausted_at, 4);
	char cc[19], want[64];
	snprintf(want, sizeof want, "企业4 %s", code(4, cc));
	ck_assert_str_eq(portfolio_tally_budget_exhausted_by(t, v.basis), want);
	portfolio_tally_free(t);
}
END_TEST

TCase *make_portfolio_tcase(void)
{
	const TTest *tests[] = {buf_milli_is_exact,
				buf_json_string_escapes,
				share_targets_parse_exactly,
				map_grows_and_finds,
				report_names_come_from_the_code_only,
				progress_line_says_count_rate_eta,
				scoring_without_gaps_scores_the_same,
				tally_counts_levels_and_groups,
				share_target_boundary_is_exact,
				basis_is_post_when_there_is_any,
				baseline_and_post_money_never_added,
				duplicates_are_by_code_and_stage,
				budget_names_the_row_that_exhausts_it,
				NULL};
	return test_tcase("portfolio", NULL, NULL, 0, tests);
}

/* ---- reading, streaming, folders, workers, the workbook file ---- */

/* A descriptor reading text from a file in test_dir. */
static int input(const char *text)
{
	const char *path = test_in_dir("input");
	test_write_file(path, text);
	int fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	return fd;
}

START_TEST(lines_handle_crlf_bom_blank_and_last)
{
	int fd = input("\xEF\xBB\xBF{\"a\":1}\r\n\n  \t\nlast");
	lines_reader *l = lines_new(fd, 100, NULL, NULL);
	lines_line line;
	ck_assert_int_eq(lines_next(l, &line), LINES_OK);
	ck_assert_str_eq(line.text, "{\"a\":1}");
	ck_assert_int_eq(line.number, 1);
	ck_assert_int_eq(lines_next(l, &line), LINES_OK);
	ck_assert(line.len == 0 && line.number == 2);
	ck_assert_int_eq(lines_next(l, &line), LINES_OK);
	ck_assert(lines_blank(line.text, line.len) && line.number == 3);
	ck_assert_int_eq(lines_next(l, &line), LINES_OK);
	ck_assert_str_eq(line.text, "last");
	ck_assert_int_eq(line.number, 4);
	ck_assert_uint_eq(line.offset, 3 + 9 + 1 + 4 + 4);
	ck_assert_int_eq(lines_next(l, &line), LINES_EOF);
	lines_free(l);
	close(fd);
}
END_TEST

START_TEST(lines_skip_a_runaway_line_in_bounded_memory)
{
	/* A 70,000-byte line with a limit of 1,000: skipped whole, the next line read. */
	size_t n = 70000;
	char *text = malloc(n + 32);
	memset(text, 'x', n);
	snprintf(text + n, 32, "\nok\n");
	int fd = input(text);
	free(text);
	lines_reader *l = lines_new(fd, 1000, NULL, NULL);
	lines_line line;
	ck_assert_int_eq(lines_next(l, &line), LINES_TOO_LONG);
	ck_assert_int_eq(line.number, 1);
	ck_assert_int_eq(lines_next(l, &line), LINES_OK);
	ck_assert_str_eq(line.text, "ok");
	ck_assert_int_eq(line.number, 2);
	ck_assert_int_eq(lines_next(l, &line), LINES_EOF);
	lines_free(l);
	close(fd);
}
END_TEST

/* Runs the stream over text; returns its output (caller frees). */
static char *stream(const char *text, portfolio_stream_stats *st)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	portfolio_stream_options o = {.resolve = test_resolve};
	assess_error err = {0};
	int fd = input(text);
	ck_assert_ok(portfolio_score_stream(fd, "in.ndjson", f, &o, st, &err), &err);
	close(fd);
	fclose(f);
	return out;
}

START_TEST(stream_writes_exact_results_and_error_records)
{
	char text[8192], cc[19];
	snprintf(text, sizeof text, "%s\n\n{\"questionnaire\":\"miit-2024\"\n%s\n",
		 object(EXAMPLE, 3, "baseline", 1, "运动", NULL),
		 object(ZERO, 0, NULL, -1, NULL, NULL));
	portfolio_stream_stats st;
	char *out = stream(text, &st);
	char want[4096];
	/* Hand-computed from the example's answers (see docs/batch.md). */
	snprintf(want, sizeof want,
		 "{\"source\":\"in.ndjson\",\"line\":1,\"questionnaire\":\"miit-2024\","
		 "\"enterprise\":{\"name\":\"企业3\",\"credit_code\":\"%s\",\"industry\":\"运动\","
		 "\"above_scale\":true},\"stage\":\"baseline\",\"date\":\"2026-06-30\","
		 "\"total\":48.875,\"total_milli\":48875,\"max\":100,\"level\":2,"
		 "\"dimensions\":{\"F\":20.75,\"M\":13.125,\"R\":15},"
		 "\"scenarios\":{\"at_least\":[16,16,10,2,0],\"constrained_at_least\":[10,10,7,2,0]"
		 "},"
		 "\"gates_met\":[true,true,false,false],\"missing\":0}\n"
		 "{\"source\":\"in.ndjson\",\"line\":3,\"error\":{\"code\":\"syntax\",\"exit\":65,"
		 "\"message\":\"not valid JSON here\",\"column\":28}}\n"
		 "{\"source\":\"in.ndjson\",\"line\":4,\"questionnaire\":\"miit-2024\","
		 "\"enterprise\":{\"name\":\"企业0\"},\"date\":\"2026-06-30\",\"total\":0,"
		 "\"total_milli\":0,\"max\":100,\"level\":0,\"dimensions\":{\"F\":0,\"M\":0,\"R\":"
		 "0},"
		 "\"scenarios\":{\"at_least\":[16,0,0,0,0],\"constrained_at_least\":[10,0,0,0,0]},"
		 "\"gates_met\":[false,false,false,false],\"missing\":0}\n",
		 code(3, cc));
	ck_assert_str_eq(out, want);
	ck_assert(st.lines == 4 && st.scored == 2 && st.failed == 1);
	free(out);
}
END_TEST

START_TEST(stream_errors_name_line_column_and_path)
{
	portfolio_stream_stats st;
	char *out = stream("{\"questionnaire\":\"miit-2024\",\"answers\":{\"F1\":\"B\"}}\n"
			   "{\"questionnaire\":\"nope\",\"answers\":{}}\n",
			   &st);
	ck_assert_str_eq(
		out,
		"{\"source\":\"in.ndjson\",\"line\":1,\"error\":{\"code\":\"data\",\"exit\":65,"
		"\"message\":\"F1 takes several options: expected an array of codes, got a "
		"string\",\"column\":46,\"path\":\"$.answers.F1\"}}\n"
		"{\"source\":\"in.ndjson\",\"line\":2,\"error\":{\"code\":\"notfound\","
		"\"exit\":66,\"message\":\"no questionnaire nope\",\"column\":18,"
		"\"path\":\"$.questionnaire\"}}\n");
	ck_assert(st.scored == 0 && st.failed == 2);
	free(out);
}
END_TEST

static void collect_bad(void *ctx, const assess_error *e)
{
	char *buf = ctx;
	size_t used = strlen(buf);
	snprintf(buf + used, 1024 - used, "%s|%d|%s\n", e->file, (int)e->code, e->msg);
}

START_TEST(inputs_walk_folders_in_order)
{
	char bad[1024] = "";
	portfolio_inputs in = {0};
	assess_error err = {0};
	mkdir(test_in_dir("set"), 0777);
	mkdir(test_in_dir("set/b-sub"), 0777);
	mkdir(test_in_dir("empty"), 0777);
	test_write_file(test_in_dir("set/c.json"), "{}");
	test_write_file(test_in_dir("set/a.ndjson"), "{}\n\n{}\n");
	test_write_file(test_in_dir("set/b-sub/z.JSONL"), "{}\n");
	test_write_file(test_in_dir("set/.hidden.json"), "{}");
	test_write_file(test_in_dir("set/notes.txt"), "x");
	const char *args[] = {test_in_dir("set"), test_in_dir("missing.json"), test_in_dir("empty"),
			      "-"};
	ck_assert_ok(portfolio_inputs_expand(&in, args, 4, false, collect_bad, bad, &err), &err);
	ck_assert_uint_eq(in.n, 4);
	ck_assert_str_eq(in.v[0].path, test_in_dir("set/a.ndjson"));
	ck_assert(in.v[0].ndjson);
	ck_assert_str_eq(in.v[1].path, test_in_dir("set/b-sub/z.JSONL"));
	ck_assert(in.v[1].ndjson);
	ck_assert_str_eq(in.v[2].path, test_in_dir("set/c.json"));
	ck_assert(!in.v[2].ndjson);
	ck_assert_str_eq(in.v[3].path, "-");
	char want[1024];
	snprintf(want, sizeof want,
		 "%s|%d|cannot open: No such file or directory\n"
		 "%s|%d|folder holds no answer files (*.json, *.ndjson, *.jsonl)\n",
		 test_in_dir("missing.json"), ASSESS_ERR_NOINPUT, test_in_dir("empty"),
		 ASSESS_ERR_NOINPUT);
	ck_assert_str_eq(bad, want);
	portfolio_inputs_free(&in);
	/* Counting (without standard input): 2 + 1 + 1 answer objects. */
	const char *files[] = {test_in_dir("set")};
	ck_assert_ok(portfolio_inputs_expand(&in, files, 1, false, collect_bad, bad, &err), &err);
	portfolio_inputs_count(&in);
	ck_assert_uint_eq(in.units, 4);
	portfolio_inputs_free(&in);
}
END_TEST

/* A job that writes its text to its path; "fail" fails, "crash" kills the worker. */
static assess_code job_write(const portfolio_job *job, void *ctx, assess_error *err)
{
	(void)ctx;
	if (strcmp(job->text, "fail") == 0)
		return assess_fail(err, ASSESS_ERR_DATA, job->name, 0, 0, "asked to fail");
	if (strcmp(job->text, "crash") == 0)
		raise(SIGKILL);
	test_write_file(job->path, job->text);
	return ASSESS_OK;
}

struct outcome {
	int ok, failed;
	char last_error[ASSESS_ERROR_MSG_MAX];
	char crash_error[ASSESS_ERROR_MSG_MAX];
	size_t seen[16];
	int n;
};

static void job_done(void *ctx, size_t seq, const assess_error *result)
{
	struct outcome *o = ctx;
	o->seen[o->n++] = seq;
	if (result->code == ASSESS_OK) {
		o->ok++;
	} else {
		o->failed++;
		memcpy(seq == 3 ? o->crash_error : o->last_error, result->msg, sizeof result->msg);
	}
}

static void run_jobs(int workers, struct outcome *o)
{
	static const char *const texts[] = {"one", "fail", "crash", "four", "five", "six"};
	portfolio_pool *p = portfolio_pool_new(workers, job_write, NULL, job_done, o);
	assess_error err = {0};
	for (size_t i = 0; i < 6; i++) {
		char name[16], file[16];
		snprintf(name, sizeof name, "job%zu", i + 1);
		snprintf(file, sizeof file, "out%zu", i + 1);
		portfolio_job job = {.seq = i + 1,
				     .name = name,
				     .text = texts[i],
				     .len = strlen(texts[i]),
				     .path = test_in_dir(file)};
		if (workers <= 1 && strcmp(texts[i], "crash") == 0)
			continue; /* in-process, a crash would be this test's */
		ck_assert_ok(portfolio_pool_submit(p, &job, &err), &err);
	}
	ck_assert_ok(portfolio_pool_drain(p, &err), &err);
	portfolio_pool_free(p);
}

START_TEST(pool_in_process)
{
	struct outcome o = {0};
	run_jobs(1, &o);
	ck_assert(o.ok == 4 && o.failed == 1 && o.n == 5);
	ck_assert_str_eq(o.last_error, "asked to fail");
	ck_assert_int_eq(access(test_in_dir("out6"), F_OK), 0);
}
END_TEST

START_TEST(pool_workers_survive_failures_and_deaths)
{
	struct outcome o = {0};
	run_jobs(3, &o);
	ck_assert_int_eq(o.n, 6);
	ck_assert_int_eq(o.ok, 4);
	ck_assert_int_eq(o.failed, 2);
	/* Each job reported once; the crash fails only the job it happened in. */
	int seen = 0;
	for (int i = 0; i < 6; i++)
		seen |= 1 << o.seen[i];
	ck_assert_int_eq(seen, 0x7e);
	ck_assert_msg(strstr(o.crash_error, "killed by signal 9"), "%s", o.crash_error);
	for (int i = 1; i <= 6; i++) {
		char file[16];
		snprintf(file, sizeof file, "out%d", i);
		ck_assert_int_eq(access(test_in_dir(file), F_OK) == 0, i != 2 && i != 3);
	}
}
END_TEST

/* A job record as the parent sends it, written into a socket and read back by the worker's side. */
static int read_record(const struct portfolio_pool_header *h, const char *body, char **buf,
		       size_t *cap, portfolio_job *job)
{
	int fd[2];
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fd), 0);
	ck_assert_int_eq(write(fd[1], h, sizeof *h), (ssize_t)sizeof *h);
	ck_assert_int_eq(write(fd[1], body, strlen(body)), (ssize_t)strlen(body));
	close(fd[1]);
	int got = portfolio_pool_read_job(fd[0], buf, cap, job);
	close(fd[0]);
	return got;
}

START_TEST(pool_refuses_a_job_record_whose_lengths_wrap)
{
	char *buf = NULL;
	size_t cap = 0;
	portfolio_job job = {0};
	/* With the terminators the totals are 2^64 + 1 and 2^64 + 3: refused, never taken for a
	   buffer of 1 or 3 bytes that the strings are then read into. */
	struct portfolio_pool_header wraps = {.seq = 8, .name_len = UINT64_MAX - 1};
	ck_assert_int_eq(read_record(&wraps, "some bytes", &buf, &cap, &job), -1);
	struct portfolio_pool_header wraps_late = {.seq = 9,
						   .name_len = UINT64_MAX / 2,
						   .text_len = UINT64_MAX / 2,
						   .path_len = 2};
	ck_assert_int_eq(read_record(&wraps_late, "", &buf, &cap, &job), -1);
	ck_assert_ptr_null(buf); /* refused before anything was allocated */
	ck_assert_uint_eq(cap, 0);
	struct portfolio_pool_header good = {.seq = 7, .name_len = 3, .text_len = 2, .path_len = 1};
	ck_assert_int_eq(read_record(&good, "a.bxyp", &buf, &cap, &job), 1);
	ck_assert(job.seq == 7 && job.len == 2);
	ck_assert_str_eq(job.name, "a.b");
	ck_assert_str_eq(job.text, "xy");
	ck_assert_str_eq(job.path, "p");
	ck_assert_uint_eq(cap, 9);
	/* The end of the jobs: the parent closed its end before a header. */
	int fd[2];
	ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, fd), 0);
	close(fd[1]);
	ck_assert_int_eq(portfolio_pool_read_job(fd[0], &buf, &cap, &job), 0);
	close(fd[0]);
	free(buf);
}
END_TEST

START_TEST(book_is_whole_or_absent)
{
	assess_error err = {0};
	portfolio_book_options o = {.lang = QN_LANG_EN, .created = 1782777600};
	const char *path = test_in_dir("p.xlsx");
	test_write_file(path, "keep");
	ck_assert_ptr_null(portfolio_book_new(path, &o, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_EXISTS);
	o.replace = true;
	portfolio_book *b = portfolio_book_new(path, &o, &err);
	ck_assert_ptr_nonnull(b);
	portfolio_book_abort(b); /* the old file stays as it was, no temporary is left */
	size_t len;
	char *kept = readfile_all(path, 100, &len, &err);
	ck_assert_str_eq(kept, "keep");
	free(kept);
	b = portfolio_book_new(path, &o, &err);
	scoring_result *r = score(object(EXAMPLE, 1, "post", 1, "x", "y"));
	portfolio_tally *t = portfolio_tally_new(test_miit(), -1, 0);
	portfolio_row row = {.seq = 1, .source = "a.json", .score = r};
	portfolio_targets tg = {.level2_share = -1, .level4_count = -1};
	ck_assert_ok(portfolio_tally_add(t, 1, r, NULL, &err), &err);
	ck_assert_ok(portfolio_book_row(b, &row, &err), &err);
	ck_assert_ok(portfolio_book_close(b, t, &tg, &err), &err);
	kept = readfile_all(path, 1u << 20, &len, &err);
	ck_assert(len > 1000 && memcmp(kept, "PK", 2) == 0);
	free(kept);
	DIR *d = opendir(test_dir);
	for (struct dirent *e; (e = readdir(d));)
		ck_assert_msg(strncmp(e->d_name, ".p.xlsx", 7) != 0, "left %s", e->d_name);
	closedir(d);
	portfolio_tally_free(t);
	release(r);
}
END_TEST

TCase *make_portfolio_io_tcase(void)
{
	const TTest *tests[] = {lines_handle_crlf_bom_blank_and_last,
				lines_skip_a_runaway_line_in_bounded_memory,
				stream_writes_exact_results_and_error_records,
				stream_errors_name_line_column_and_path,
				inputs_walk_folders_in_order,
				pool_in_process,
				pool_workers_survive_failures_and_deaths,
				pool_refuses_a_job_record_whose_lengths_wrap,
				book_is_whole_or_absent,
				NULL};
	return test_tcase("portfolio-io", test_dir_make, test_dir_remove, 30, tests);
}
