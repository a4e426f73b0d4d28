/*
 * The report module: the file appears whole or not at all, is reproducible, and writes for
 * every level; the shared texts say what they should. The cells themselves are read back with
 * an independent reader in tests/report.sh (openpyxl).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "policies/subsidy.h"
#include "reports/report_internal.h"
#include "scoring/scoring.h"
#include "tests/unit/test.h"

/* Zip entry names are stored uncompressed, so a part's presence can be seen in the bytes. */
static bool has_part(const char *data, size_t len, const char *name)
{
	return memmem(data, len, name, strlen(name)) != NULL;
}

static time_t created; /* the options' document time, for same_answers_same_bytes */

static assess_code write_example(const char *path, qn_lang lang, bool replace, assess_error *err)
{
	answers *a = test_example();
	scoring_result *r = scoring_run(a, err);
	ck_assert_ptr_nonnull(r);
	report_options o = {.lang = lang, .replace = replace, .created = created};
	assess_code rc = report_write(r, &o, path, err);
	scoring_free(r);
	answers_free(a);
	return rc;
}

START_TEST(writes_a_workbook)
{
	assess_error err = {0};
	size_t len;
	ck_assert_ok(write_example(test_in_dir("r.xlsx"), QN_LANG_ZH, false, &err), &err);
	ck_assert_int_eq(test_dir_entries(), 1); /* no temporary file left beside it */
	char *data = test_read_file(test_in_dir("r.xlsx"), &len);
	ck_assert_mem_eq(data, "PK\x03\x04", 4);
	ck_assert(has_part(data, len, "xl/worksheets/sheet5.xml"));
	ck_assert(has_part(data, len, "xl/worksheets/sheet6.xml")); /* the record's sheet */
	/* no subsidy asked for; no evidence or history in a format 1 file */
	ck_assert(!has_part(data, len, "xl/worksheets/sheet7.xml"));
	ck_assert(has_part(data, len, "xl/charts/chart1.xml"));
	ck_assert(has_part(data, len, "xl/charts/chart2.xml"));
	free(data);
}
END_TEST

START_TEST(refuses_to_replace_without_force)
{
	assess_error err = {0};
	test_write_file(test_in_dir("r.xlsx"), "keep me");
	ck_assert_int_eq(write_example(test_in_dir("r.xlsx"), QN_LANG_ZH, false, &err),
			 ASSESS_ERR_EXISTS);
	ck_assert_int_eq(assess_exit_code(err.code), 73);
	ck_assert_str_eq(err.file, test_in_dir("r.xlsx"));
	ck_assert_file_eq(test_in_dir("r.xlsx"), "keep me");
	ck_assert_int_eq(test_dir_entries(), 1);
	ck_assert_ok(write_example(test_in_dir("r.xlsx"), QN_LANG_ZH, true, &err), &err);
	char *data = test_read_file(test_in_dir("r.xlsx"), NULL);
	ck_assert_mem_eq(data, "PK", 2);
	free(data);
	ck_assert_int_eq(test_dir_entries(), 1);
}
END_TEST

START_TEST(cannot_create_names_the_path)
{
	assess_error err = {0};
	const char *path = "/nonexistent-folder-for-check/r.xlsx";
	ck_assert_int_eq(write_example(path, QN_LANG_ZH, false, &err), ASSESS_ERR_CANTCREAT);
	ck_assert_str_eq(err.file, path);
	ck_assert_int_eq(assess_exit_code(err.code), 73);
}
END_TEST

START_TEST(same_answers_same_bytes)
{
	assess_error err = {0};
	size_t la, lb, lc;
	created = 0;
	ck_assert_ok(write_example(test_in_dir("a.xlsx"), QN_LANG_EN, false, &err), &err);
	ck_assert_ok(write_example(test_in_dir("b.xlsx"), QN_LANG_EN, false, &err), &err);
	created = 1700000000; /* SOURCE_DATE_EPOCH, as the CLI hands it on */
	ck_assert_ok(write_example(test_in_dir("c.xlsx"), QN_LANG_EN, false, &err), &err);
	created = 0;
	char *a = test_read_file(test_in_dir("a.xlsx"), &la),
	     *b = test_read_file(test_in_dir("b.xlsx"), &lb),
	     *c = test_read_file(test_in_dir("c.xlsx"), &lc);
	ck_assert_uint_eq(la, lb);
	ck_assert_mem_eq(a, b, la);
	/* The given time changes the document time, and so the bytes. */
	ck_assert(la != lc || memcmp(a, c, la) != 0);
	free(a);
	free(b);
	free(c);
}
END_TEST

/* Answers at the top of every question: level 4, no next gate, gains none. */
static answers *best_answers(void)
{
	const questionnaire *q = test_miit();
	answers *a = answers_new(q);
	assess_error err = {0};
	char codes[128];
	for (size_t i = 0; i < questionnaire_n_questions(q); i++) {
		const qn_question *qq = questionnaire_question(q, i);
		size_t n = 0;
		codes[0] = '\0';
		if (qq->kind == QN_SCENARIO)
			snprintf(codes, sizeof codes, "4");
		for (size_t k = 0; qq->kind != QN_SCENARIO && k < qq->n_options; k++) {
			const qn_option *o = &qq->options[k];
			bool take =
				qq->kind == QN_MULTI ? !o->exclusive : o->points == qq->max_points;
			if (take && n + 3 < sizeof codes)
				n += (size_t)snprintf(codes + n, sizeof codes - n, "%s%s",
						      n ? " " : "", o->code);
			if (take && qq->kind == QN_SINGLE)
				break;
		}
		ck_assert_ok(answers_set_text(a, i, codes, &err), &err);
	}
	return a;
}

static void write_and_check(answers *a, qn_lang lang, int want_level)
{
	assess_error err = {0};
	scoring_result *r = scoring_run(a, &err);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->level, want_level);
	report_options o = {.lang = lang, .replace = true};
	ck_assert_ok(report_write(r, &o, test_in_dir("x.xlsx"), &err), &err);
	ck_assert_int_eq(test_dir_entries(), 1);
	scoring_free(r);
}

START_TEST(writes_level_0_and_level_4)
{
	answers *empty = answers_new(test_miit()); /* nothing answered: level 0, all missing */
	write_and_check(empty, QN_LANG_ZH, 0);
	write_and_check(empty, QN_LANG_EN, 0);
	answers_free(empty);
	answers *best = best_answers();
	write_and_check(best, QN_LANG_ZH, 4);
	write_and_check(best, QN_LANG_EN, 4);
	answers_free(best);
}
END_TEST

START_TEST(adds_the_subsidy_sheet)
{
	assess_error err = {0};
	size_t len;
	answers *a = test_example();
	scoring_result *r = scoring_run(a, &err);
	policy *p = policy_open("quanzhou", POLICIES_DIR, &err);
	ck_assert_msg(p != NULL, "%s", err.msg);
	subsidy_options so = {.level = r->level, .date = "2026-11-20"};
	subsidy_result *sr = subsidy_compute(p, a, &so, &err);
	ck_assert_msg(sr != NULL, "%s", err.msg);
	/* By hand: 50% of 600,000 spend is over level 2's cap of 200,000, which the baseline
	 * example gets only after transformation; 30% of 60,000 cloud is paid now. */
	ck_assert_int_eq(sr->total, 18000);
	ck_assert_int_eq(sr->total_if_post, 218000);
	report_options o = {.lang = QN_LANG_ZH, .subsidy = sr};
	ck_assert_ok(report_write(r, &o, test_in_dir("s.xlsx"), &err), &err);
	char *data = test_read_file(test_in_dir("s.xlsx"), &len);
	ck_assert(has_part(data, len, "xl/worksheets/sheet7.xml")); /* subsidy, then the record */
	ck_assert(!has_part(data, len, "xl/worksheets/sheet8.xml"));
	free(data);
	subsidy_free(sr);
	policy_free(p);
	scoring_free(r);
	answers_free(a);
}
END_TEST

/* A Chinese report's context for the answers a, scored into *r (the caller frees both). */
static report_ctx text_ctx(answers *a, scoring_result **r, report_options *o)
{
	assess_error err = {0};
	*r = scoring_run(a, &err);
	ck_assert_ptr_nonnull(*r);
	*o = (report_options){.lang = QN_LANG_ZH};
	return (report_ctx){.r = *r, .q = (*r)->q, .opt = o, .lang = QN_LANG_ZH};
}

START_TEST(answer_in_words)
{
	answers *a = test_answers("{\"questionnaire\": \"miit-2024\", \"answers\": "
				  "{\"F1\": [\"B\", \"C\"], \"F2\": \"E\", \"S01\": 3}}",
				  ANSWERS_ALLOW_INCOMPLETE);
	scoring_result *r;
	report_options o;
	report_ctx c = text_ctx(a, &r, &o);
	const questionnaire *q = test_miit();
	char buf[1024];
	rp_answer_text(&c, questionnaire_find(q, "F1"), buf, sizeof buf);
	ck_assert_str_eq(buf, "B 车间已建成工业控制网络，可支撑自动化控制\n"
			      "C 已建成应用系统网络，设备、人员与信息系统大范围互联");
	rp_answer_text(&c, questionnaire_find(q, "F2"), buf, sizeof buf);
	ck_assert_str_eq(buf, "E 超过60%");
	rp_answer_text(&c, questionnaire_find(q, "F3"), buf, sizeof buf);
	ck_assert_str_eq(buf, "（未作答，按 0 分计）");
	c.lang = QN_LANG_EN;
	rp_answer_text(&c, questionnaire_find(q, "F2"), buf, sizeof buf);
	ck_assert_str_eq(buf, "E Over 60 %");
	/* A buffer too small is cut, never overrun. */
	rp_answer_text(&c, questionnaire_find(q, "F1"), buf, 8);
	ck_assert_uint_lt(strlen(buf), 8);
	ck_assert_str_eq(questionnaire_level_name(c.q, 0, c.lang), "Below level 1");
	ck_assert_str_eq(questionnaire_level_name(c.q, 3, c.lang), "Level 3 (integrated)");
	ck_assert_str_eq(rp_sheet_name(&c, RP_GAPS), "Gap analysis");
	c.lang = QN_LANG_ZH;
	ck_assert_str_eq(rp_sheet_name(&c, RP_OVERVIEW), "概览");
	ck_assert_str_eq(questionnaire_level_name(c.q, 2, c.lang), "二级（规范级）");
	scoring_free(r);
	answers_free(a);
}
END_TEST

/* A record with a team, one evidence item and one change after the first answer. */
static const char record_json[] =
	"{\"questionnaire\": \"miit-2024\", \"assessment\": {\"report_no\": \"T-1\", "
	"\"source\": \"self\", \"team\": [{\"name\": \"王工\"}]}, "
	"\"answers\": {\"F1\": [\"B\", \"C\"], \"F2\": \"E\", \"S01\": 3}, "
	"\"evidence\": {\"F1\": [{\"title\": \"拓扑图\"}]}, "
	"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\", "
	"\"from\": null, \"to\": \"D\"}, {\"at\": \"2026-11-20T10:05:00+08:00\", "
	"\"question\": \"F2\", \"from\": \"D\", \"to\": \"E\", \"reason\": \"复核\"}]}";

START_TEST(writes_the_record_sheets)
{
	assess_error err = {0};
	size_t len;
	answers *a = test_answers(record_json, ANSWERS_ALLOW_INCOMPLETE);
	scoring_result *r = scoring_run(a, &err);
	ck_assert_ptr_nonnull(r);
	report_options o = {.lang = QN_LANG_EN};
	ck_assert_ok(report_write(r, &o, test_in_dir("rec.xlsx"), &err), &err);
	char *data = test_read_file(test_in_dir("rec.xlsx"), &len);
	/* record, evidence register, changed answers */
	ck_assert(has_part(data, len, "xl/worksheets/sheet8.xml"));
	ck_assert(!has_part(data, len, "xl/worksheets/sheet9.xml"));
	free(data);
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(draft_reason_and_values_in_words)
{
	answers *a = test_answers(record_json, ANSWERS_ALLOW_INCOMPLETE);
	assess_error err = {0};
	scoring_result *r;
	report_options o;
	report_ctx c = text_ctx(a, &r, &o);
	char buf[256];
	size_t missing = answers_n_missing(a);
	char want[64];
	snprintf(want, sizeof want, "答卷尚未定稿，%zu 题未作答", missing);
	ck_assert_str_eq(rp_draft_reason(&c, buf, sizeof buf), want);
	const answers_change *ch = answers_history_get(a, 1);
	const qn_question *q = questionnaire_question(c.q, ch->question);
	rp_value_text(&c, q, &ch->from, buf, sizeof buf);
	ck_assert_str_eq(buf, "D 超过40%，不超过60%");
	const answer level = {.given = true, .level = 2};
	rp_value_text(&c, questionnaire_find(c.q, "S01"), &level, buf, sizeof buf);
	ck_assert_str_eq(buf, "2 级");
	const answer none = {0};
	rp_value_text(&c, q, &none, buf, sizeof buf);
	ck_assert_str_eq(buf, "");
	c.lang = QN_LANG_EN;
	rp_value_text(&c, questionnaire_find(c.q, "S01"), &level, buf, sizeof buf);
	ck_assert_str_eq(buf, "Level 2");
	scoring_free(r);
	answers_free(a);
	/* A format 1 file has nothing to finalize: complete, it is no draft. */
	a = test_example();
	r = scoring_run(a, &err);
	c.r = r;
	ck_assert_str_eq(rp_draft_reason(&c, buf, sizeof buf), "");
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(unanswered_ids_are_listed)
{
	answers *a = test_answers("{\"questionnaire\": \"miit-2024\", \"answers\": "
				  "{\"F1\": [\"B\"], \"F3\": \"E\"}}",
				  ANSWERS_ALLOW_INCOMPLETE);
	assess_error err = {0};
	scoring_result *r;
	report_options o;
	report_ctx c = text_ctx(a, &r, &o);
	char buf[1024] = "Missing: ";
	ck_assert_uint_eq(rp_missing_ids(&c, buf, sizeof buf, 9), answers_n_missing(a));
	ck_assert_msg(strncmp(buf, "Missing: F2, F4, F5, ", 21) == 0, "%s", buf);
	ck_assert_msg(strstr(buf, ", S01, ") && buf[strlen(buf) - 1] != ' ', "%s", buf);
	/* cut to the buffer, still ended; the caller's words stay */
	ck_assert_uint_eq(rp_missing_ids(&c, buf, 16, 9), 3);
	ck_assert_str_eq(buf, "Missing: F2, F4");
	ck_assert_uint_eq(rp_missing_ids(&c, buf, 9, 9), 0);
	scoring_free(r);
	answers_free(a);
	/* every question answered: none listed and nothing written */
	a = test_example();
	r = scoring_run(a, &err);
	c.r = r;
	ck_assert_uint_eq(rp_missing_ids(&c, buf, sizeof buf, 0), 0);
	ck_assert_str_eq(buf, "Missing: F2, F4");
	scoring_free(r);
	answers_free(a);
}
END_TEST

TCase *make_report_tcase(void)
{
	const TTest *tests[] = {writes_a_workbook,
				refuses_to_replace_without_force,
				cannot_create_names_the_path,
				same_answers_same_bytes,
				writes_level_0_and_level_4,
				answer_in_words,
				adds_the_subsidy_sheet,
				writes_the_record_sheets,
				draft_reason_and_values_in_words,
				unanswered_ids_are_listed,
				NULL};
	return test_tcase("report", test_dir_make, test_dir_remove, 60, tests);
}
