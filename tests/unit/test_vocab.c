/*
 * The shared vocabulary: dates and timestamps (common/date), languages, level names, yes and no,
 * the names of the stage, of the origin and of the profile's fields.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include "answers/answers.h"
#include "answers/record.h"
#include "common/date.h"
#include "common/lang.h"
#include "questionnaires/questionnaire.h"
#include "tests/unit/test.h"

START_TEST(dates_are_strict_calendar_days)
{
	int d = 0;
	ck_assert(date_parse("2026-11-20", &d));
	ck_assert_int_eq(d, 20261120);
	ck_assert(date_parse("2024-02-29", &d)); /* leap year */
	ck_assert(!date_parse("2023-02-29", &d));
	ck_assert(date_parse("2000-02-29", &d));  /* divisible by 400 */
	ck_assert(!date_parse("1900-02-29", &d)); /* by 100, not 400 */
	ck_assert(!date_parse("2026-04-31", &d));
	ck_assert(!date_parse("2026-13-01", &d));
	ck_assert(!date_parse("2026-00-10", &d));
	ck_assert(!date_parse("1899-12-31", &d));
	ck_assert(!date_parse("2026-1-20", &d));
	ck_assert(!date_parse("2026-11-20 ", &d));
	ck_assert(!date_parse("2026/11/20", &d));
	ck_assert(!date_parse("2026-12", &d)); /* a policy's from="YYYY-MM" is made a day first */
	ck_assert(!date_parse("２０２６-11-20", &d));
	ck_assert(!date_parse(NULL, &d));
	ck_assert(date_valid_day(20240229));
	ck_assert(!date_valid_day(20230229));
	ck_assert(!date_valid_day(19000229));
	ck_assert(!date_valid_day(18991231));
	ck_assert(!date_valid_day(100000101));
	ck_assert(!date_valid_day(0));
	ck_assert(!date_valid_day(-20261120));
	ck_assert_int_eq(d, 20000229); /* untouched by the refusals */
	char buf[DATE_TEXT_MAX];
	ck_assert_str_eq(date_format(20260105, buf, sizeof buf), "2026-01-05");
}
END_TEST

START_TEST(dates_are_read_as_people_type_them)
{
	int d = 0;
	ck_assert(date_parse_typed("2026/11/3", &d));
	ck_assert_int_eq(d, 20261103);
	ck_assert(date_parse_typed("2026.1.05", &d));
	ck_assert_int_eq(d, 20260105);
	ck_assert(date_parse_typed("20261120", &d));
	ck_assert_int_eq(d, 20261120);
	ck_assert(date_parse_typed("2024-02-29", &d));
	ck_assert_int_eq(d, 20240229);
	d = 7;
	ck_assert(!date_parse_typed("2026/02/30", &d)); /* no such day */
	ck_assert(!date_parse_typed("20261320", &d));
	ck_assert(!date_parse_typed("2026-11/20", &d)); /* one separator throughout */
	ck_assert(!date_parse_typed("2026-11-20x", &d));
	ck_assert(!date_parse_typed("2026 11 20", &d));
	ck_assert(!date_parse_typed("1899/12/31", &d));
	ck_assert(!date_parse_typed("", &d));
	ck_assert_int_eq(d, 7); /* untouched when refused */
}
END_TEST

START_TEST(days_are_counted_from_1970)
{
	ck_assert_int_eq(date_days(19700101), 0);
	ck_assert_int_eq(date_days(19000101), -25567);
	ck_assert_int_eq(date_days(20000301) - date_days(20000228), 2); /* 2000 is a leap year */
	ck_assert_int_eq(date_days(19000301) - date_days(19000228), 1); /* 1900 is not */
	ck_assert_int_eq(date_of_days(-1), 19691231);
	ck_assert_int_eq(date_of_days(11016), 20000229);
	ck_assert_int_eq(date_of_days(date_days(99991231) + 1), 100000101); /* past date_valid */
	for (long n = date_days(19000101); n <= date_days(99991231); n += 97) {
		int day = date_of_days(n);
		ck_assert(date_valid(day / 10000, day / 100 % 100, day % 100));
		ck_assert_int_eq(date_days(day), n);
	}
}
END_TEST

START_TEST(excel_serials_are_days_from_1900_03_01)
{
	int d = 0;
	ck_assert(!date_of_excel_serial(59, false, &d)); /* 1900-02-28 in Excel: before 61 */
	ck_assert(!date_of_excel_serial(60, false, &d)); /* Excel's 1900-02-29, no such day */
	ck_assert_int_eq(d, 0);
	ck_assert(date_of_excel_serial(61, false, &d));
	ck_assert_int_eq(d, 19000301);
	ck_assert(date_of_excel_serial(25569, false, &d));
	ck_assert_int_eq(d, 19700101);
	ck_assert(date_of_excel_serial(46346, false, &d));
	ck_assert_int_eq(d, 20261120);
	ck_assert(date_of_excel_serial(2958465, false, &d));
	ck_assert_int_eq(d, 99991231);
	ck_assert(!date_of_excel_serial(2958466, false, &d));
	ck_assert(!date_of_excel_serial(-1, false, &d));
	/* The 1904 system: day 0 is 1904-01-01, and its range is the 1900 system's numbers. */
	ck_assert(date_of_excel_serial(0, true, &d));
	ck_assert_int_eq(d, 19040101);
	ck_assert(date_of_excel_serial(44884, true, &d));
	ck_assert_int_eq(d, 20261120);
	ck_assert(date_of_excel_serial(2958465, true, &d));
	ck_assert_int_eq(d, 100040101);
	ck_assert(!date_of_excel_serial(-1, true, &d));
	ck_assert(!date_of_excel_serial(2958466, true, &d));
}
END_TEST

START_TEST(stamps_parse_to_the_instant)
{
	time_t t;
	int off;
	/* 2026-11-20T02:31:02Z is 1795141862 s after the epoch: 20,777 days (2026-11-20) * 86,400
	 * + 2 h 31 min 2 s = 1,795,132,800 + 9,062. */
	ck_assert(date_parse_stamp("2026-11-20T10:31:02+08:00", &t, &off));
	ck_assert_int_eq((long long)t, 1795141862LL);
	ck_assert_int_eq(off, 8 * 3600);
	ck_assert(date_parse_stamp("2026-11-20T02:31:02Z", &t, NULL));
	ck_assert_int_eq((long long)t, 1795141862LL);
	ck_assert(date_parse_stamp("2026-11-19T21:01:02-05:30", &t, &off));
	ck_assert_int_eq((long long)t, 1795141862LL);
	ck_assert_int_eq(off, -(5 * 3600 + 30 * 60));
	ck_assert(!date_parse_stamp("2026-11-20T10:31:02", &t, NULL)); /* no offset */
	ck_assert(!date_parse_stamp("2026-11-20 10:31:02+08:00", &t, NULL));
	ck_assert(!date_parse_stamp("2026-11-20T24:00:00+08:00", &t, NULL));
	ck_assert(!date_parse_stamp("2026-02-30T10:00:00+08:00", &t, NULL));
	ck_assert(!date_parse_stamp("2026-11-20T10:31:02+0800", &t, NULL));
	ck_assert(!date_parse_stamp("2026-11-20T10:31:02+08:00x", &t, NULL));
}
END_TEST

START_TEST(stamps_format_in_local_time_and_read_back)
{
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	char buf[DATE_STAMP_MAX];
	ck_assert_str_eq(date_format_stamp(1795141862, buf, sizeof buf),
			 "2026-11-20T10:31:02+08:00");
	time_t t;
	ck_assert(date_parse_stamp(buf, &t, NULL));
	ck_assert_int_eq((long long)t, 1795141862LL);
	int day;
	ck_assert(date_of_time(1795141862, &day));
	ck_assert_int_eq(day, 20261120);
	char shown[32];
	ck_assert_str_eq(date_format_minute(1795141862, shown, sizeof shown), "2026-11-20 10:31");
	ck_assert_str_eq(date_format_minute(1795141862, shown, 11), "2026-11-20");
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}
END_TEST

START_TEST(stamps_are_shown_day_then_time)
{
	char buf[DATE_STAMP_MAX + 1];
	ck_assert_str_eq(date_stamp_text("2026-11-20T10:31:02+08:00", ' ', buf, sizeof buf),
			 "2026-11-20 10:31:02 +08:00");
	ck_assert_str_eq(date_stamp_text("2026-11-20T02:31:02Z", '\n', buf, sizeof buf),
			 "2026-11-20\n02:31:02 Z");
	ck_assert_str_eq(date_stamp_text("2026-11-20 10:31", ' ', buf, sizeof buf),
			 "2026-11-20 10:31");
	ck_assert_str_eq(date_stamp_text(NULL, ' ', buf, sizeof buf), "");
	ck_assert_str_eq(date_stamp_text("2026-11-20T10:31:02+08:00", ' ', buf, 11), "2026-11-20");
}
END_TEST

START_TEST(one_level_name)
{
	ck_assert_str_eq(lang_pick(QN_LANG_ZH, "一", "one"), "一");
	ck_assert_str_eq(lang_pick(QN_LANG_EN, "一", "one"), "one");
	/* Without an instrument: the short form for running text. */
	ck_assert_str_eq(questionnaire_level_name(NULL, 0, QN_LANG_ZH), "未达一级");
	ck_assert_str_eq(questionnaire_level_name(NULL, 0, QN_LANG_EN), "below level 1");
	ck_assert_str_eq(questionnaire_level_name(NULL, 3, QN_LANG_ZH), "三级");
	ck_assert_str_eq(questionnaire_level_name(NULL, 4, QN_LANG_EN), "level 4");
	ck_assert_str_eq(questionnaire_level_name(NULL, 5, QN_LANG_EN), "?");
	ck_assert_str_eq(questionnaire_level_name(NULL, -1, QN_LANG_ZH), "?");
	/* With one: the instrument's names, for cells and headings. */
	const questionnaire *q = test_miit();
	ck_assert_str_eq(questionnaire_level_name(q, 0, QN_LANG_EN), "Below level 1");
	ck_assert_str_eq(questionnaire_level_name(q, 2, QN_LANG_ZH), "二级（规范级）");
}
END_TEST

START_TEST(one_yes_and_no)
{
	ck_assert_str_eq(lang_yes(QN_LANG_ZH), "是");
	ck_assert_str_eq(lang_no(QN_LANG_EN), "no");
	ck_assert_str_eq(lang_yes_no(QN_LANG_EN, 1), "yes");
	ck_assert_str_eq(lang_yes_no(QN_LANG_ZH, 0), "否");
	ck_assert_ptr_null(lang_yes_no(QN_LANG_ZH, -1)); /* not known: nothing to show */
}
END_TEST

/* A wording's name for a stage or an origin: given, and not empty. */
static void assert_named(const char *name, const char *value, int wording, qn_lang l)
{
	ck_assert_msg(name && *name, "%s, wording %d, language %d", value, wording, l);
}

START_TEST(one_scenario_level_label)
{
	/* Each wording, both languages; Chinese has one form but for the code. */
	ck_assert_str_eq(questionnaire_scenario_level(3, QN_SCENARIO_LEVEL_SHORT, QN_LANG_EN),
			 "L3");
	ck_assert_str_eq(questionnaire_scenario_level(3, QN_SCENARIO_LEVEL_SHORT, QN_LANG_ZH),
			 "3 级");
	ck_assert_str_eq(questionnaire_scenario_level(0, QN_SCENARIO_LEVEL_TITLE, QN_LANG_EN),
			 "Level 0");
	ck_assert_str_eq(questionnaire_scenario_level(0, QN_SCENARIO_LEVEL_TITLE, QN_LANG_ZH),
			 "0 级");
	ck_assert_str_eq(questionnaire_scenario_level(4, QN_SCENARIO_LEVEL_SENTENCE, QN_LANG_EN),
			 "level 4");
	ck_assert_str_eq(questionnaire_scenario_level(4, QN_SCENARIO_LEVEL_SENTENCE, QN_LANG_ZH),
			 "4 级");
	ck_assert_str_eq(questionnaire_scenario_level(2, QN_SCENARIO_LEVEL_CODE, QN_LANG_EN), "L2");
	ck_assert_str_eq(questionnaire_scenario_level(2, QN_SCENARIO_LEVEL_CODE, QN_LANG_ZH), "L2");
	/* Out of range, in level or wording: nothing. */
	ck_assert_ptr_null(questionnaire_scenario_level(-1, QN_SCENARIO_LEVEL_SHORT, QN_LANG_EN));
	ck_assert_ptr_null(questionnaire_scenario_level(5, QN_SCENARIO_LEVEL_TITLE, QN_LANG_ZH));
	ck_assert_ptr_null(
		questionnaire_scenario_level(1, QN_SCENARIO_LEVEL_N_WORDINGS, QN_LANG_EN));
	for (qn_lang l = QN_LANG_ZH; l <= QN_LANG_EN; l++)
		for (int w = 0; w < QN_SCENARIO_LEVEL_N_WORDINGS; w++)
			for (int lv = 0; lv <= QN_MAX_LEVEL; lv++)
				assert_named(questionnaire_scenario_level(lv, w, l),
					     "scenario level", w, l);
}
END_TEST

START_TEST(every_wording_names_both_values)
{
	/* A wording added without its names fails here; NONE is named in none. */
	for (qn_lang l = QN_LANG_ZH; l <= QN_LANG_EN; l++) {
		for (int w = 0; w < ANSWERS_STAGE_N_WORDINGS; w++) {
			assert_named(answers_stage_label(ANSWERS_STAGE_BASELINE, w, l), "baseline",
				     w, l);
			assert_named(answers_stage_label(ANSWERS_STAGE_POST, w, l), "post", w, l);
			ck_assert_ptr_null(answers_stage_label(ANSWERS_STAGE_NONE, w, l));
		}
		for (int w = 0; w < ANSWERS_ORIGIN_N_WORDINGS; w++) {
			assert_named(answers_origin_label(ANSWERS_SOURCE_ONSITE, w, l), "onsite", w,
				     l);
			assert_named(answers_origin_label(ANSWERS_SOURCE_SELF, w, l), "self", w, l);
			ck_assert_ptr_null(answers_origin_label(ANSWERS_SOURCE_NONE, w, l));
		}
	}
}
END_TEST

START_TEST(one_home_for_the_stage_words)
{
	ck_assert_str_eq(answers_stage_label(ANSWERS_STAGE_POST, ANSWERS_STAGE_SHORT, QN_LANG_EN),
			 "post");
	ck_assert_str_eq(answers_stage_label(ANSWERS_STAGE_BASELINE, ANSWERS_STAGE_GLOSSED,
					     QN_LANG_ZH),
			 "改造前（基线）");
	ck_assert_ptr_null(
		answers_stage_label(ANSWERS_STAGE_POST, ANSWERS_STAGE_N_WORDINGS, QN_LANG_ZH));
}
END_TEST

START_TEST(one_home_for_the_origin_words)
{
	ck_assert_str_eq(answers_origin_label(ANSWERS_SOURCE_SELF, ANSWERS_ORIGIN_ASSESSMENT,
					      QN_LANG_ZH),
			 "企业自评");
	ck_assert_str_eq(answers_origin_label(ANSWERS_SOURCE_ONSITE, ANSWERS_ORIGIN_SHORT,
					      QN_LANG_EN),
			 "on site");
}
END_TEST

START_TEST(every_profile_item_has_a_name_in_every_wording)
{
	/* An item added without its name in ANSWERS_PROFILE_FIELD fails here. */
	for (qn_lang l = QN_LANG_ZH; l <= QN_LANG_EN; l++)
		for (int w = 0; w < ANSWERS_PROFILE_N_WORDINGS; w++)
			for (int i = 0; i < ANSWERS_PROFILE_N_ITEMS; i++) {
				const char *s = answers_profile_label(i, w, l);
				ck_assert_msg(s && *s, "item %d has no name in wording %d, lang %d",
					      i, w, (int)l);
			}
	ck_assert_ptr_null(
		answers_profile_label(ANSWERS_PROFILE_N_ITEMS, ANSWERS_PROFILE_FIELD, QN_LANG_ZH));
	ck_assert_ptr_null(answers_profile_label(ANSWERS_PROFILE_NAME, ANSWERS_PROFILE_N_WORDINGS,
						 QN_LANG_EN));
}
END_TEST

START_TEST(one_home_for_the_profile_words)
{
	ck_assert_str_eq(answers_profile_label(ANSWERS_PROFILE_CREDIT_CODE, ANSWERS_PROFILE_FIELD,
					       QN_LANG_EN),
			 "Unified social credit code");
	ck_assert_str_eq(answers_profile_label(ANSWERS_PROFILE_CREDIT_CODE, ANSWERS_PROFILE_COLUMN,
					       QN_LANG_EN),
			 "Credit code");
	ck_assert_str_eq(answers_profile_label(ANSWERS_PROFILE_ABOVE_SCALE, ANSWERS_PROFILE_COLUMN,
					       QN_LANG_ZH),
			 "规上");
	/* a wording without a name of its own for an item says the field's */
	ck_assert_str_eq(answers_profile_label(ANSWERS_PROFILE_REPORT_NO, ANSWERS_PROFILE_COLUMN,
					       QN_LANG_ZH),
			 "报告编号");
	ck_assert_str_eq(answers_profile_label(ANSWERS_PROFILE_ASSESSOR, ANSWERS_PROFILE_FORM,
					       QN_LANG_ZH),
			 "填表人及联系方式");
	ck_assert_str_eq(answers_profile_label(ANSWERS_PROFILE_DATE, ANSWERS_PROFILE_FORM,
					       QN_LANG_EN),
			 "Assessment date");
}
END_TEST

START_TEST(one_home_for_the_enterprise_line)
{
	answers *a = answers_new(test_miit());
	ck_assert_ptr_nonnull(a);
	assess_error err = {0};
	char buf[ANSWERS_IDENT_MAX], small[41], tiny[8];
	/* neither: no line, and an empty buffer */
	ck_assert_ptr_null(
		answers_identification(a, ANSWERS_IDENT_LINE, QN_LANG_ZH, buf, sizeof buf));
	ck_assert_str_eq(buf, "");
	/* the code alone */
	ck_assert_ok(answers_set_field(a, ANSWERS_CREDIT_CODE, "91350582MA2Y8K3L0Q", &err), &err);
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_LINE, QN_LANG_ZH, buf, sizeof buf),
			 "企业：91350582MA2Y8K3L0Q");
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_VALUE, QN_LANG_EN, buf,
						sizeof buf),
			 "91350582MA2Y8K3L0Q");
	/* both */
	ck_assert_ok(answers_set_field(a, ANSWERS_NAME, "泉州示例运动用品有限公司", &err), &err);
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_LINE, QN_LANG_ZH, buf, sizeof buf),
			 "企业：泉州示例运动用品有限公司（91350582MA2Y8K3L0Q）");
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_LINE, QN_LANG_EN, buf, sizeof buf),
			 "Enterprise: 泉州示例运动用品有限公司 (91350582MA2Y8K3L0Q)");
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_VALUE, QN_LANG_ZH, buf,
						sizeof buf),
			 "泉州示例运动用品有限公司（91350582MA2Y8K3L0Q）");
	/* 企业：9 bytes, （ and ） 3 each, the code 18: 33; 40 bytes leave the name 7, so 泉州 */
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_LINE, QN_LANG_ZH, small,
						sizeof small),
			 "企业：泉州（91350582MA2Y8K3L0Q）");
	/* no room even for the code: cut between characters, still terminated */
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_LINE, QN_LANG_ZH, tiny,
						sizeof tiny),
			 "企业");
	/* the name alone: no empty brackets */
	ck_assert_ok(answers_set_field(a, ANSWERS_CREDIT_CODE, NULL, &err), &err);
	ck_assert_str_eq(answers_identification(a, ANSWERS_IDENT_VALUE, QN_LANG_EN, buf,
						sizeof buf),
			 "泉州示例运动用品有限公司");
	answers_free(a);
}
END_TEST

TCase *make_vocab_tcase(void)
{
	const TTest *tests[] = {dates_are_strict_calendar_days,
				dates_are_read_as_people_type_them,
				days_are_counted_from_1970,
				excel_serials_are_days_from_1900_03_01,
				stamps_parse_to_the_instant,
				stamps_format_in_local_time_and_read_back,
				stamps_are_shown_day_then_time,
				one_level_name,
				one_scenario_level_label,
				one_yes_and_no,
				every_wording_names_both_values,
				one_home_for_the_stage_words,
				one_home_for_the_origin_words,
				every_profile_item_has_a_name_in_every_wording,
				one_home_for_the_profile_words,
				one_home_for_the_enterprise_line,
				NULL};
	return test_tcase("vocab", NULL, NULL, 0, tests);
}
