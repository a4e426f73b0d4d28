/*
 * The comparison core against hand-computed pairs (arithmetic in the comments; the same pair is
 * the end-to-end case tests/cases/compare-progress-2-to-3, whose NOTES.md shows it in full).
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include "common/text.h"
#include "compare/compare-book.h"
#include "compare/compare.h"
#include "compare/compare_internal.h"
#include "compare/verdict.h"
#include "policies/policy.h"
#include "tests/unit/test.h"

#define CODE "91350500MA31XP7C4M"
#define OTHER_CODE "91350100M000100Y43"

/* Level 2 exactly: 20.85 + 9.75 + 10 = 40.6 points; S01 S03 S06 (★) and S02 S04 S05 at 2. */
#define BASELINE_ANSWERS                                                                          \
	"\"F1\":[\"B\",\"C\"],\"F2\":\"C\",\"F3\":\"C\",\"F4\":[\"B\",\"C\",\"D\"],\"F5\":\"C\"," \
	"\"F6\":[\"B\",\"C\"],\"F7\":[\"B\"],\"M1\":\"C\",\"M2\":[\"B\"],\"M3\":[\"B\",\"C\"],"   \
	"\"M4\":\"B\",\"R1\":\"B\",\"R2\":\"B\",\"R3\":\"B\",\"R4\":\"B\","                       \
	"\"S01\":2,\"S02\":2,\"S03\":2,\"S04\":2,\"S05\":2,\"S06\":2,\"S07\":1,\"S08\":1,"        \
	"\"S09\":1,\"S10\":1,\"S11\":1,\"S12\":1,\"S13\":1,\"S14\":1,\"S15\":1,\"S16\":1"
/* Level 3: 35.75 + 18 + 15 = 68.75; S01 S03 S06 S07 S08 (★) and S02 S04 S05 at 3. */
#define POST_ANSWERS                                                                         \
	"\"F1\":[\"B\",\"C\",\"D\",\"E\"],\"F2\":\"E\",\"F3\":\"D\","                        \
	"\"F4\":[\"B\",\"C\",\"D\",\"E\",\"F\"],\"F5\":\"D\",\"F6\":[\"B\",\"C\",\"D\"],"    \
	"\"F7\":[\"B\",\"C\"],\"M1\":\"E\",\"M2\":[\"B\",\"C\"],\"M3\":[\"B\",\"C\",\"D\"]," \
	"\"M4\":\"C\",\"R1\":\"C\",\"R2\":\"B\",\"R3\":\"C\",\"R4\":\"B\","                  \
	"\"S01\":3,\"S02\":3,\"S03\":3,\"S04\":3,\"S05\":3,\"S06\":3,\"S07\":3,\"S08\":3,"   \
	"\"S09\":1,\"S10\":1,\"S11\":1,\"S12\":1,\"S13\":1,\"S14\":1,\"S15\":1,\"S16\":1"

struct pair {
	answers *a[2];
	scoring_result *r[2];
};

/*
 * One assessment of a pair: its credit code (NULL: no enterprise given), date, stage, answers
 * and the enterprise's name (NULL: 测试).
 */
struct side {
	const char *code, *date, *stage, *ans, *name;
};
static const struct side BASELINE = {CODE, "2026-03-02", "baseline", BASELINE_ANSWERS, NULL};
static const struct side POST = {CODE, "2026-11-20", "post", POST_ANSWERS, NULL};

static char *file_json(struct side side)
{
	const char *name = side.name ? side.name : "测试";
	size_t n = strlen(name) + strlen(side.ans) + 512;
	char *ent = malloc(n), *s = malloc(n);
	ent[0] = '\0';
	if (side.code)
		snprintf(ent, n, "\"enterprise\":{\"name\":\"%s\",\"credit_code\":\"%s\"},", name,
			 side.code);
	snprintf(s, n,
		 "{\"questionnaire\":\"miit-2024\",%s\"assessment\":{\"date\":\"%s\","
		 "\"stage\":\"%s\"},\"answers\":{%s}}",
		 ent, side.date, side.stage, side.ans);
	free(ent);
	return s;
}

static void load(struct pair *p, int i, struct side side)
{
	char *json = file_json(side);
	assess_error err = {0};
	p->a[i] = test_answers(json, 0);
	free(json);
	p->r[i] = scoring_run(p->a[i], &err);
	ck_assert_ptr_nonnull(p->r[i]);
}

static void load_pair(struct pair *p, struct side before, struct side after)
{
	load(p, 0, before);
	load(p, 1, after);
}

/* The pair most tests compare: level 2 at baseline, level 3 after, one enterprise. */
static void progress_pair(struct pair *p) { load_pair(p, BASELINE, POST); }

static void pair_free(struct pair *p)
{
	for (int i = 0; i < 2; i++) {
		scoring_free(p->r[i]);
		answers_free(p->a[i]);
	}
}

/* The pair compared with the flags, which must be accepted. */
static compare_result *compared(const struct pair *p, unsigned flags)
{
	assess_error err = {0};
	compare_result *c = compare_run(p->r[0], p->r[1], flags, NULL, &err);
	ck_assert_msg(c != NULL, "%s", err.msg);
	return c;
}

static const compare_question *question(const compare_result *c, const char *id)
{
	const qn_question *q = questionnaire_find(c->q, id);
	ck_assert_ptr_nonnull(q);
	return &c->questions[q->index];
}

START_TEST(progress_two_to_three_exact)
{
	struct pair p = {0};
	progress_pair(&p);
	assess_error err = {0};
	compare_refusal why = COMPARE_REFUSED_KIND;
	compare_result *c = compare_run(p.r[0], p.r[1], 0, &why, &err);
	ck_assert_msg(c != NULL, "%s", err.msg);
	ck_assert_int_eq(why, COMPARE_ACCEPTED);
	ck_assert_int_eq(c->kind, COMPARE_PROGRESS);
	ck_assert_int_eq(c->level_before, 2);
	ck_assert_int_eq(c->level_after, 3);
	ck_assert_int_eq(c->total_before, 40600);
	ck_assert_int_eq(c->total_after, 68750);
	ck_assert_int_eq(c->delta_total, 28150);
	ck_assert_uint_eq(c->n_dimensions, 3);
	ck_assert_int_eq(c->dimensions[0].delta, 14900); /* 20.85 -> 35.75 */
	ck_assert_int_eq(c->dimensions[1].delta, 8250);  /* 9.75 -> 18 */
	ck_assert_int_eq(c->dimensions[2].delta, 5000);  /* 10 -> 15 */
	ck_assert(c->gates[2].before_met && c->gates[2].after_met);
	ck_assert(!c->gates[3].before_met && c->gates[3].after_met);
	ck_assert(!c->gates[4].before_met && !c->gates[4].after_met);
	ck_assert_uint_eq(c->n_differ, 21); /* 7 F + 4 M + R1, R3 + S01..S08 */
	ck_assert(!question(c, "R2")->differs);
	ck_assert(question(c, "S07")->differs);
	ck_assert_int_eq(question(c, "S07")->level_before, 1);
	ck_assert_int_eq(question(c, "S07")->level_after, 3);
	ck_assert_int_eq(question(c, "F2")->points_before, 3000);
	ck_assert_int_eq(question(c, "F2")->points_after, 6000);
	ck_assert(!c->dates_out_of_order);
	compare_free(c);
	pair_free(&p);
}
END_TEST

START_TEST(progress_dates_out_of_order_warn)
{
	struct pair p = {0};
	struct side late = BASELINE;
	late.date = "2026-11-21";
	load_pair(&p, late, POST);
	compare_result *c = compared(&p, 0);
	ck_assert(c->dates_out_of_order);
	compare_free(c);
	pair_free(&p);
}
END_TEST

/* The pair of before and after is refused with the flags, for want, in a message with fragment. */
static void expect_refusal(struct side before, struct side after, unsigned flags,
			   compare_refusal want, const char *fragment)
{
	struct pair p = {0};
	load_pair(&p, before, after);
	assess_error err = {0};
	compare_refusal why = COMPARE_ACCEPTED;
	compare_result *c = compare_run(p.r[0], p.r[1], flags, &why, &err);
	ck_assert_ptr_null(c);
	ck_assert_int_eq(why, want);
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, fragment);
	pair_free(&p);
}

START_TEST(refuses_two_enterprises)
{
	struct side other = POST;
	other.code = OTHER_CODE;
	/* --same-enterprise cannot overrule two codes that differ */
	expect_refusal(BASELINE, other, COMPARE_SAME_ENTERPRISE, COMPARE_REFUSED_ENTERPRISE,
		       "credit code " CODE " before, " OTHER_CODE " after");
}
END_TEST

START_TEST(unnamed_needs_same_enterprise)
{
	struct side before = BASELINE, after = POST;
	before.code = after.code = NULL;
	expect_refusal(before, after, 0, COMPARE_REFUSED_UNNAMED, "--same-enterprise");
	struct pair p = {0};
	load_pair(&p, before, after);
	compare_result *c = compared(&p, COMPARE_SAME_ENTERPRISE);
	ck_assert_int_eq(c->delta_total, 28150);
	compare_free(c);
	pair_free(&p);
}
END_TEST

START_TEST(refuses_neither_kind)
{
	struct side second_baseline = POST;
	second_baseline.stage = "baseline";
	expect_refusal(BASELINE, second_baseline, 0, COMPARE_REFUSED_KIND,
		       "baseline/- before, baseline/- after");
	/* the right files in the wrong order */
	expect_refusal(POST, BASELINE, 0, COMPARE_REFUSED_KIND, "post/- before, baseline/- after");
}
END_TEST

START_TEST(summary_skips_questions)
{
	struct pair p = {0};
	progress_pair(&p);
	compare_result *c = compared(&p, COMPARE_SUMMARY);
	ck_assert_uint_eq(c->n_questions, 0);
	ck_assert_int_eq(c->level_after, 3);
	compare_free(c);
	pair_free(&p);
}
END_TEST

START_TEST(json_carries_exact_decimals_and_answer_values)
{
	struct pair p = {0};
	progress_pair(&p);
	compare_result *c = compared(&p, 0);
	cJSON *j = compare_to_json(c, QN_LANG_EN);
	char *text = cJSON_PrintUnformatted(j);
	ck_assert_ptr_nonnull(strstr(text, "\"kind\":\"progress\""));
	ck_assert_ptr_nonnull(strstr(text, "\"delta\":{\"total\":28.15,\"total_milli\":28150"));
	ck_assert_ptr_nonnull(strstr(text,
				     "{\"id\":\"F1\",\"kind\":\"multi\",\"before\":[\"B\",\"C\"],"
				     "\"after\":[\"B\",\"C\",\"D\",\"E\"],\"points_before\":4,"));
	ck_assert_ptr_nonnull(strstr(text,
				     "\"id\":\"S07\",\"kind\":\"scenario\",\"constrained\":true,"
				     "\"before\":1,\"after\":3"));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "questions")), 21);
	cJSON *after = cJSON_GetObjectItem(j, "after");
	ck_assert_int_eq(cJSON_GetObjectItem(after, "level")->valueint, 3);
	ck_assert_str_eq(cJSON_GetObjectItem(after, "stage")->valuestring, "post");
	free(text);
	cJSON_Delete(j);
	compare_free(c);
	pair_free(&p);
}
END_TEST

/* The pair compared, and the comparison's verdict against Quanzhou: the caller frees all three. */
static compare_verdict *quanzhou_verdict(const struct pair *p, policy **pol, compare_result **c)
{
	assess_error err = {0};
	*pol = policy_open("quanzhou", POLICIES_DIR, &err);
	ck_assert_msg(*pol != NULL, "%s", err.msg);
	*c = compared(p, 0);
	compare_verdict *v = compare_verdict_run(*c, *pol, &err);
	ck_assert_msg(v != NULL, "%s", err.msg);
	return v;
}

/*
 * The pair against Quanzhou: level 3 reaches clause (一)'s level 2; stage post but no source
 * (missing); 2026-11-20 inside "issue" to 2027-03-31; no evidence at all (missing); no finance
 * block, so clause (一) lacks its figures and nothing is payable (missing). Not accepted.
 */
START_TEST(verdict_lines_met_not_met_missing)
{
	struct pair p = {0};
	progress_pair(&p);
	policy *pol;
	compare_result *c;
	compare_verdict *v = quanzhou_verdict(&p, &pol, &c);
	ck_assert_int_eq(v->level_paid_for, 2);
	ck_assert_int_eq(v->lines[COMPARE_LINE_LEVEL].status, COMPARE_MET);
	ck_assert_int_eq(v->lines[COMPARE_LINE_STAGE].status, COMPARE_MISSING);
	ck_assert_int_eq(v->lines[COMPARE_LINE_WINDOW].status, COMPARE_MET);
	ck_assert_int_eq(v->lines[COMPARE_LINE_EVIDENCE].status, COMPARE_MISSING);
	ck_assert_int_eq(v->lines[COMPARE_LINE_SUBSIDY].status, COMPARE_MISSING);
	ck_assert_int_eq(v->payable_after, 0);
	ck_assert(!v->accepted);
	/* ★ at >= 2 in the post file: S01 S03 S06 S07 S08, none with evidence */
	ck_assert_ptr_nonnull(strstr(v->lines[COMPARE_LINE_EVIDENCE].text[QN_LANG_EN],
				     "5 of the 5 ★ scenarios counted for level 2"));
	compare_verdict_free(v);
	compare_free(c);
	policy_free(pol);
	pair_free(&p);
}
END_TEST

/* ---- the acceptance workbook (compare -o): written through xlsx/, read back before the rename */

#define BOOK_SHEETS 4 /* 概览, 题目对比, 场景对比, 佐证登记 */

static assess_code write_book(const struct pair *p, const compare_verdict *v, const char *path,
			      bool replace, assess_error *err)
{
	compare_result *c = compare_run(p->r[0], p->r[1], 0, NULL, err);
	ck_assert_msg(c != NULL, "%s", err->msg);
	compare_book_options o = {.lang = QN_LANG_ZH,
				  .replace = replace,
				  .env = {.scratch_dir = test_dir},
				  .created = 1782777600};
	assess_code rc = compare_book_write(c, v, path, &o, err);
	compare_free(c);
	return rc;
}

/*
 * What compare -o puts in place passes the verification a finished workbook gets: the zip is
 * whole, every part inflates, ends with its root's end tag (the chart and its drawing too),
 * and the four sheets are there, no more. Nothing else is left beside it: no private folder,
 * no scratch folder (both made in test_dir here).
 */
START_TEST(book_is_verified_and_leaves_nothing_else)
{
	struct pair p = {0};
	progress_pair(&p);
	assess_error err = {0};
	policy *pol;
	compare_result *c;
	compare_verdict *v = quanzhou_verdict(&p, &pol, &c);
	const char *path = test_in_dir("acceptance.xlsx");
	for (int with_verdict = 0; with_verdict < 2; with_verdict++) {
		ck_assert_ok(write_book(&p, with_verdict ? v : NULL, path, true, &err), &err);
		ck_assert_ok(xlsx_verify(path, BOOK_SHEETS, &err), &err);
		ck_assert_int_eq(xlsx_verify(path, BOOK_SHEETS + 1, &err), ASSESS_ERR_IO);
		ck_assert_msg_has(&err, "sheet5.xml");
		ck_assert_int_eq(test_dir_entries(), 1);
	}
	/* The same pair and time give the same bytes. */
	size_t n1, n2;
	char *first = test_read_file(path, &n1);
	ck_assert_ok(write_book(&p, v, path, true, &err), &err);
	char *second = test_read_file(path, &n2);
	ck_assert(n1 == n2 && memcmp(first, second, n1) == 0);
	free(first);
	free(second);
	compare_verdict_free(v);
	compare_free(c);
	policy_free(pol);
	pair_free(&p);
}
END_TEST

/* An existing workbook is replaced only when asked, and only a regular file. */
START_TEST(book_replaces_only_regular_files_when_asked)
{
	struct pair p = {0};
	progress_pair(&p);
	assess_error err = {0};
	const char *path = test_in_dir("acceptance.xlsx");
	test_write_file(path, "old");
	ck_assert_int_eq(write_book(&p, NULL, path, false, &err), ASSESS_ERR_EXISTS);
	ck_assert_file_eq(path, "old");
	ck_assert_ok(write_book(&p, NULL, path, true, &err), &err);
	ck_assert_ok(xlsx_verify(path, BOOK_SHEETS, &err), &err);
	const char *link = test_in_dir("link.xlsx"), *kept = test_in_dir("kept");
	test_write_file(kept, "keep");
	ck_assert_int_eq(symlink(kept, link), 0);
	ck_assert_int_eq(write_book(&p, NULL, link, true, &err), ASSESS_ERR_CANTCREAT);
	ck_assert_msg_has(&err, "not a regular file (a symbolic link)");
	ck_assert_file_eq(kept, "keep");
	ck_assert_int_eq(test_dir_entries(), 3);
	pair_free(&p);
}
END_TEST

/*
 * Scratch files that cannot grow (as in a folder that fills up while the parts are written):
 * libxlsxwriter does not notice, and only reading the finished zip back does. The enterprise
 * name is long and repetitive, so its part (the shared strings) is far larger than the whole
 * compressed zip: with files limited to a size between the two, that part is cut short while
 * the zip itself is written whole. The old workbook stays as it was and nothing is left.
 */
START_TEST(book_cut_short_in_scratch_is_refused_and_the_old_one_kept)
{
	enum { NAME_LEN = 30000, LIMIT = 24000 };
	char *name = malloc(NAME_LEN + 1);
	memset(name, 'A', NAME_LEN);
	name[NAME_LEN] = '\0';
	struct pair p = {0};
	assess_error err = {0};
	struct side before = BASELINE, after = POST;
	before.name = after.name = name;
	load_pair(&p, before, after);
	free(name);
	const char *path = test_in_dir("acceptance.xlsx");
	ck_assert_ok(write_book(&p, NULL, path, false, &err), &err);
	size_t old_len, len;
	char *old = test_read_file(path, &old_len);
	ck_assert_uint_lt(old_len, LIMIT); /* the premise: the zip fits under the limit */

	struct rlimit saved, small;
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &saved), 0);
	small = (struct rlimit){.rlim_cur = LIMIT, .rlim_max = saved.rlim_max};
	void (*was)(int) = signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails, EFBIG */
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
	assess_code rc = write_book(&p, NULL, path, true, &err);
	setrlimit(RLIMIT_FSIZE, &saved);
	signal(SIGXFSZ, was);

	ck_assert_int_eq(rc, ASSESS_ERR_IO);
	ck_assert_str_eq(err.file, path);
	ck_assert_msg_has(&err, "xl/sharedStrings.xml is cut short (was the scratch folder full?)");
	char *now = test_read_file(path, &len);
	ck_assert(len == old_len && memcmp(now, old, len) == 0);
	ck_assert_int_eq(test_dir_entries(), 1);
	free(now);
	free(old);
	pair_free(&p);
}
END_TEST

TCase *make_compare_book_tcase(void)
{
	const TTest *tests[] = {book_is_verified_and_leaves_nothing_else,
				book_replaces_only_regular_files_when_asked,
				book_cut_short_in_scratch_is_refused_and_the_old_one_kept, NULL};
	return test_tcase("compare-book", test_dir_make, test_dir_remove, 30, tests);
}

/* A note longer than the cell's buffer is cut before a character, never inside one. */
START_TEST(evidence_text_cut_to_its_buffer_ends_whole)
{
	answers *a = test_example();
	char note[2200], buf[2048];
	size_t n = 0, bad;
	note[n++] = 'a';
	note[n++] = 'b';
	for (; n + 3 < sizeof note; n += 3)
		memcpy(note + n, "数", 3);
	note[n] = '\0';
	ck_assert_int_eq(answers_set_note(a, 0, note), ASSESS_OK);
	compare_evidence_text(a, 0, buf, sizeof buf);
	ck_assert_msg(text_utf8_valid(buf, strlen(buf), &bad), "byte %zu", bad);
	ck_assert_uint_eq(strlen(buf), 2 + 681 * 3);
	ck_assert_int_eq(memcmp(buf, note, strlen(buf)), 0);
	answers_free(a);
}
END_TEST

TCase *make_compare_tcase(void)
{
	const TTest *tests[] = {progress_two_to_three_exact,
				progress_dates_out_of_order_warn,
				refuses_two_enterprises,
				unnamed_needs_same_enterprise,
				refuses_neither_kind,
				summary_skips_questions,
				json_carries_exact_decimals_and_answer_values,
				verdict_lines_met_not_met_missing,
				evidence_text_cut_to_its_buffer_ends_whole,
				NULL};
	return test_tcase("compare", NULL, NULL, 0, tests);
}
