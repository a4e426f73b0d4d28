/*
 * policies/: who a clause pays, across the five policies: the assessment stage, the area a
 * policy covers, pilot enterprises, industries, one project paid once, which hardware counts,
 * and readings of a document that change conditions or the base of a limit. Amounts by hand
 * from shared/seeds/ (万元 = 10,000 yuan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/gbcode.h"
#include "scoring/scoring.h"
#include "tests/unit/subsidy_test.h"

/* Quanzhou （一） at level 3: 50% of 500,000 + 100,000 + 200,000 = 400,000, capped at 300,000. */
#define QZ_L3 QZ_SPEND(500000, 100000, 200000)

START_TEST(baseline_pays_nothing_and_says_what_post_would)
{
	subsidy_result *r = calc("quanzhou", 3, "2026-06-01",
				 QZ_L3 ", \"assessment\": {\"stage\": \"baseline\"}");
	const subsidy_item *it = item(r, "1");
	ck_pays(r, "1", SUBSIDY_BASELINE, 0);
	ck_assert_int_eq(it->would_pay, 300000);
	ck_assert_int_eq(r->total, 0);
	ck_assert_int_eq(r->total_if_post, 300000);
	ck_assert_int_eq(r->stage, ANSWERS_STAGE_BASELINE);
	ck_assert_ptr_nonnull(strstr(it->detail.zh, "改造后评测达到三级时可得 300,000"));
	subsidy_free(r);
	r = calc("quanzhou", 3, "2026-06-01", QZ_L3); /* post */
	ck_pays(r, "1", SUBSIDY_PAID, 300000);
	ck_assert_int_eq(r->total_if_post, SUBSIDY_NONE);
	subsidy_free(r);
}
END_TEST

START_TEST(no_stage_is_input_missing)
{
	subsidy_result *r = calc_raw("xiamen", 2, "2025-06-01",
				     "\"enterprise\": {\"region_code\": \"350203\"}, "
				     "\"status\": {\"pilot_enterprise\": true}, "
				     "\"finance\": {\"project_spend\": {\"software\": 500000}}");
	/* 五: 40% of 500,000 = 200,000, under level 2's 250,000. */
	ck_waits_for(r, "5", 200000, SUBSIDY_MISSING_STAGE);
	ck_assert_int_eq(r->total_if_post, 200000);
	subsidy_free(r);
}
END_TEST

START_TEST(level_option_is_a_post_what_if)
{
	subsidy_options o = {.level = 3, .level_overridden = true, .date = "2026-06-01"};
	subsidy_result *r =
		calc_with("quanzhou", &o, QZ_L3 ", \"assessment\": {\"stage\": \"baseline\"}");
	ck_pays(r, "1", SUBSIDY_PAID, 300000);
	ck_assert_int_eq(r->stage, ANSWERS_STAGE_POST);
	ck_assert(warned(r, "level-override"));
	subsidy_free(r);
}
END_TEST

START_TEST(outside_the_area_pays_nothing)
{
	/* A 泉州 (丰泽区 350503) enterprise under Xiamen's policy. */
	subsidy_result *r =
		calc("xiamen", 2, "2025-06-01",
		     "\"enterprise\": {\"region_code\": \"350503\"}, "
		     "\"finance\": {\"project_spend\": {\"software\": 500000}, \"diagnosis_fee\": "
		     "10000}");
	ck_assert_int_eq(r->area, SUBSIDY_AREA_OUT);
	ck_assert_str_eq(r->area_basis, "region_code");
	for (size_t i = 0; i < r->n_items; i++)
		ck_assert_int_eq(r->items[i].status, SUBSIDY_OUT_OF_AREA);
	ck_assert_int_eq(r->total, 0);
	subsidy_free(r);
	/* A 晋江 (350582) enterprise under Quanzhou's: inside. */
	r = calc("quanzhou", 3, "2026-06-01",
		 QZ_L3 ", \"enterprise\": {\"region_code\": \"350582\"}");
	ck_assert_int_eq(r->area, SUBSIDY_AREA_IN);
	ck_pays(r, "1", SUBSIDY_PAID, 300000);
	subsidy_free(r);
}
END_TEST

START_TEST(region_text_when_there_is_no_code)
{
	subsidy_result *r = calc("quanzhou", 3, "2026-06-01",
				 QZ_L3 ", \"enterprise\": {\"region\": \"福建省泉州市晋江市\"}");
	ck_assert_int_eq(r->area, SUBSIDY_AREA_IN);
	ck_assert_str_eq(r->area_basis, "region");
	ck_assert(warned(r, "area-by-name"));
	ck_assert_int_eq(r->total, 300000);
	subsidy_free(r);
	r = calc("quanzhou", 3, "2026-06-01", QZ_L3 ", \"enterprise\": {\"region\": \"厦门市\"}");
	ck_assert_int_eq(r->area, SUBSIDY_AREA_OUT);
	subsidy_free(r);
	r = calc_raw("quanzhou", 3, "2026-06-01",
		     QZ_L3 ", \"assessment\": {\"stage\": \"post\"}, "
			   "\"status\": {\"pilot_enterprise\": true}");
	ck_assert_int_eq(r->area, SUBSIDY_AREA_UNKNOWN);
	ck_waits_for(r, "1", 300000, SUBSIDY_MISSING_AREA);
	ck_assert(warned(r, "area-unknown"));
	subsidy_free(r);
}
END_TEST

START_TEST(pilot_clauses_need_the_flag)
{
	/* Quanzhou （二）: 30% of a 60,000 cloud fee = 18,000, for pilot enterprises only. */
	ck_pays_once(calc("quanzhou", 2, "2026-06-01",
			  "\"finance\": {\"cloud_annual_fee\": 60000}, "
			  "\"status\": {\"pilot_enterprise\": false}"),
		     "2", SUBSIDY_NOT_ELIGIBLE, 0);
	subsidy_result *r = calc_raw("quanzhou", 2, "2026-06-01",
				     "\"enterprise\": {\"region_code\": \"350503\"}, \"finance\": "
				     "{\"cloud_annual_fee\": 60000}");
	ck_waits_for(r, "2", 18000, 1u << POLICY_STATUS_PILOT);
	ck_assert_ptr_nonnull(strstr(item(r, "2")->detail.zh, "是否为试点企业"));
	subsidy_free(r);
	/* Pingluo （四） cloud: 1万 to pilot enterprises. */
	ck_pays_once(
		calc("pingluo", 2, "2026-03-01",
		     "\"finance\": {\"cloud_annual_fee\": 1}, \"status\": {\"pilot_enterprise\": false}"),
		"4", SUBSIDY_NOT_ELIGIBLE, 0);
}
END_TEST

START_TEST(industry_clauses_check_the_section)
{
	/* Jinjiang 二（二）: 1,200,000 of ERP software is in [100万, 200万): 10万, manufacturers. */
	const char *mis = "\"finance\": {\"mis_software_spend\": 1200000}";
	char blocks[256];
	ck_pays_once(calc("jinjiang", 0, "2024-06-01", mis), "2-2", SUBSIDY_PAID, 100000);
	snprintf(blocks, sizeof blocks, "%s, \"enterprise\": {\"industry_code\": \"G53\"}", mis);
	subsidy_result *r = calc("jinjiang", 0, "2024-06-01", blocks);
	ck_pays(r, "2-2", SUBSIDY_NOT_ELIGIBLE, 0);
	ck_assert_ptr_nonnull(strstr(item(r, "2-2")->detail.zh, "制造业"));
	subsidy_free(r);
	snprintf(blocks, sizeof blocks, "%s, \"enterprise\": {\"region_code\": \"350582\"}", mis);
	r = calc_raw("jinjiang", 0, "2024-06-01", blocks);
	ck_waits_for(r, "2-2", 100000, SUBSIDY_MISSING_INDUSTRY);
	subsidy_free(r);
	/* 二（三） is for industrial enterprises: B, C and D; a power company (D44) is one. */
	ck_pays_once(
		calc("jinjiang", 0, "2024-06-01",
		     "\"finance\": {\"cloud_annual_fee\": 60000}, \"status\": {\"above_scale\": true}, "
		     "\"enterprise\": {\"industry_code\": \"D4411\"}"),
		"2-3", SUBSIDY_PAID, 30000);
	ck_pays_once(
		calc("jinjiang", 0, "2024-06-01",
		     "\"finance\": {\"cloud_annual_fee\": 60000}, \"status\": {\"above_scale\": true}, "
		     "\"enterprise\": {\"industry_code\": \"I65\"}"),
		"2-3", SUBSIDY_NOT_ELIGIBLE, 0);
}
END_TEST

START_TEST(one_tagged_project_is_paid_once)
{
	/* Jinjiang demo project: 20% of 1,200,000 + 300,000 = 300,000; the same ERP's software
	 * under 二（二）: 10万. One project: the higher only (就高不重复). */
	const char *tagged =
		"\"awards\": [\"jinjiang-demo-project\"], \"finance\": {\"project_spend\": "
		"{\"software\": 1200000, \"hardware\": 300000, \"project\": \"erp\"}, "
		"\"mis_software_spend\": {\"amount\": 1200000, \"project\": \"erp\"}}";
	subsidy_result *r = calc("jinjiang", 0, "2024-06-01", tagged);
	ck_pays(r, "1-1", SUBSIDY_PAID, 300000);
	ck_pays(r, "2-2", SUBSIDY_STACKED, 0);
	ck_assert_str_eq(item(r, "2-2")->stacked_with, "1-1");
	ck_assert_str_eq(item(r, "2-2")->project, "erp");
	ck_assert(item(r, "2-2")->project_tagged);
	ck_assert_int_eq(r->total, 300000);
	subsidy_free(r);
	/* Untagged they stay two projects, as before. */
	r = calc("jinjiang", 0, "2024-06-01",
		 "\"awards\": [\"jinjiang-demo-project\"], \"finance\": {\"project_spend\": "
		 "{\"software\": 1200000, \"hardware\": 300000}, \"mis_software_spend\": 1200000}");
	ck_assert_int_eq(r->total, 400000);
	ck_assert_str_eq(item(r, "2-2")->project, "mis_software_spend");
	ck_assert(!item(r, "2-2")->project_tagged);
	subsidy_free(r);
	/* Quanzhou 第（二十五）条 across (一) and (十二): 50% of 100,000 = 50,000 against 5% of
	 * 1,600,000 = 80,000. */
	r = calc("quanzhou", 2, "2026-06-01",
		 "\"finance\": {\"project_spend\": {\"software\": 100000, \"project\": \"p\"}, "
		 "\"ai_product_price\": {\"amount\": 1600000, \"project\": \"p\"}}");
	ck_pays(r, "12", SUBSIDY_PAID, 80000);
	ck_pays(r, "1", SUBSIDY_STACKED, 0);
	ck_assert_int_eq(r->total, 80000);
	subsidy_free(r);
}
END_TEST

START_TEST(hardware_as_each_clause_names_it)
{
	/* software 500,000, data-collection equipment 100,000, other hardware 400,000. */
	const char *spend = "\"awards\": [\"jinjiang-demo-project\"], \"finance\": "
			    "{\"project_spend\": {\"software\": 500000, \"hardware\": 100000, "
			    "\"other_hardware\": 400000}}";
	/* Jinjiang 一（一） counts all hardware: 20% of 1,000,000. */
	ck_pays_once(calc("jinjiang", 0, "2024-06-01", spend), "1-1", SUBSIDY_PAID, 200000);
	/* Quanzhou （一） only data collection and transmission: 50% of 600,000 (level 4). */
	ck_pays_once(calc("quanzhou", 4, "2026-06-01", spend), "1", SUBSIDY_PAID, 300000);
}
END_TEST

START_TEST(readings_change_conditions_and_the_limit_base)
{
	/* Pingluo （三）: the body pays pilot enterprises only, the budget table any enterprise. */
	const char *factory = "\"awards\": [\"region-advanced-smart-factory\"], "
			      "\"status\": {\"pilot_enterprise\": false}";
	subsidy_result *r = calc("pingluo", 2, "2026-03-01", factory);
	ck_pays(r, "3", SUBSIDY_NOT_ELIGIBLE, 0);
	ck_assert_int_eq(item(r, "3")->other_reading_amount, 40000);
	subsidy_free(r);
	const char *any[] = {"factory-wording=factory-any", NULL};
	subsidy_options o = {.level = 2, .date = "2026-03-01", .readings = any};
	ck_pays_once(calc_with("pingluo", &o, factory), "3", SUBSIDY_PAID, 40000);
	/*
	 * Hardware 300,000 of software 300,000 + cloud 100,000 + hardware + services 300,000.
	 * Of the whole project (1,000,000) that is exactly 30%: all counts, 60% of 700,000 =
	 * 420,000. Of the eligible spend (700,000) it is over 30%: trimmed to
	 * floor(400,000 x 30 / 70) = 171,428; 60% of 571,428 = 342,856. (四) adds 10,000 both ways.
	 */
	const char *spend = "\"finance\": {\"batch\": 1, \"project_spend\": {\"software\": "
			    "300000, \"cloud\": 100000, \"hardware\": 300000, \"services\": "
			    "300000}}";
	r = calc("pingluo", 2, "2026-03-01", spend);
	ck_pays(r, "1", SUBSIDY_PAID, 420000);
	ck_assert_int_eq(r->total, 430000);
	bool found = false;
	for (size_t i = 0; i < r->n_conflicts; i++)
		if (strcmp(r->conflicts[i].id, "hardware-base") == 0) {
			found = true;
			ck_assert_int_eq(r->conflicts[i].total_other, 352856);
		}
	ck_assert(found);
	ck_assert(warned(r, "reading"));
	ck_assert(!warned(r, "hardware-share"));
	subsidy_free(r);
}
END_TEST

START_TEST(conflict_sentences_carry_names_not_ids)
{
	subsidy_result *r = calc("pingluo", 2, "2026-03-01", PL(1));
	for (size_t i = 0; i < r->n_warnings; i++) {
		const char *zh = r->warnings[i].text.zh, *en = r->warnings[i].text.en;
		ck_assert_msg(!strstr(zh, "batch-rates") && !strstr(en, "\"body\"") &&
				      !strstr(en, "\"table\"") && !strstr(zh, "$."),
			      "%s", en);
	}
	for (size_t i = 0; i < r->n_items; i++)
		ck_assert_msg(!strstr(r->items[i].detail.zh, "$."), "%s", r->items[i].detail.zh);
	subsidy_free(r);
}
END_TEST

/* The answer file's new keys are checked on load, with their JSON path. */
static void bad_answers(const char *blocks, const char *path, const char *fragment)
{
	char json[1024];
	assess_error err = {0};
	snprintf(json, sizeof json, "{\"questionnaire\": \"miit-2024\", \"answers\": {}, %s}",
		 blocks);
	answers *a = answers_parse(json, strlen(json), "t.json", test_resolve, NULL,
				   ANSWERS_ALLOW_INCOMPLETE, &err);
	if (a) {
		assess_code rc = subsidy_check_inputs(a, &err);
		answers_free(a);
		ck_assert_int_eq(rc, ASSESS_ERR_DATA);
	}
	ck_assert_str_eq(err.path, path);
	ck_assert_msg_has(&err, fragment);
}

START_TEST(new_inputs_are_checked)
{
	bad_answers("\"enterprise\": {\"region_code\": \"35058\"}", "$.enterprise.region_code",
		    "six-digit");
	bad_answers("\"enterprise\": {\"region_code\": \"990582\"}", "$.enterprise.region_code",
		    "province");
	bad_answers("\"enterprise\": {\"region_code\": \"350012\"}", "$.enterprise.region_code",
		    "prefecture");
	bad_answers("\"enterprise\": {\"industry_code\": \"C99\"}", "$.enterprise.industry_code",
		    "not in section C");
	bad_answers("\"enterprise\": {\"industry_code\": \"C3\"}", "$.enterprise.industry_code",
		    "2, 3 or 4 digits");
	bad_answers("\"enterprise\": {\"industry_code\": \"Z34\"}", "$.enterprise.industry_code",
		    "section letter");
	bad_answers("\"status\": {\"pilot_enterprise\": \"yes\"}", "$.status.pilot_enterprise",
		    "true or false");
	bad_answers("\"finance\": {\"cloud_annual_fee\": {\"project\": \"a\"}}",
		    "$.finance.cloud_annual_fee", "needs \"amount\"");
	bad_answers("\"finance\": {\"cloud_annual_fee\": {\"amount\": 1, \"project\": \"a b\"}}",
		    "$.finance.cloud_annual_fee.project", "not a project id");
	bad_answers("\"finance\": {\"cloud_annual_fee\": {\"amount\": 1, \"year\": 2024}}",
		    "$.finance.cloud_annual_fee.year", "unknown key");
	bad_answers("\"finance\": {\"project_spend\": {\"software\": {\"amount\": 1}}}",
		    "$.finance.project_spend.software", "project_spend.project");
}
END_TEST

START_TEST(division_codes_cover_their_parts)
{
	ck_assert(gbcode_division_covers("350500", "350582")); /* 泉州市 holds 晋江市 */
	ck_assert(gbcode_division_covers("350500", "350503"));
	ck_assert(!gbcode_division_covers("350500", "350203")); /* not 厦门 */
	ck_assert(gbcode_division_covers("350000", "350203"));  /* 福建省 holds both */
	ck_assert(gbcode_division_covers("640221", "640221"));
	ck_assert(!gbcode_division_covers("640221", "640222"));
	ck_assert(gbcode_division_valid("110101", NULL, 0));
	ck_assert(!gbcode_division_valid("35058a", NULL, 0));
	ck_assert_int_eq(gbcode_industry_section("C3421"), 'C');
	ck_assert_int_eq(gbcode_industry_section("B06"), 'B');
	ck_assert_int_eq(gbcode_industry_section("B13"), '\0'); /* 13 is manufacturing's */
	ck_assert_int_eq(gbcode_industry_section("T"), 'T');
	ck_assert_int_eq(gbcode_industry_section("C34211"), '\0');
}
END_TEST

/* The reasons that quote the code, in both languages, and none asked for. */
START_TEST(division_and_industry_reasons_quote_the_code)
{
	char why[256];
	ck_assert(!gbcode_division_check("990582", QN_LANG_ZH, why, sizeof why));
	ck_assert_str_eq(why, "前两位 99 不是省级行政区划代码（如 35 福建、64 宁夏）");
	ck_assert(!gbcode_division_check("990582", QN_LANG_EN, why, sizeof why));
	ck_assert_str_eq(why, "the first two digits name no province-level division (GB/T 2260)");
	ck_assert(!gbcode_industry_check("C99", QN_LANG_ZH, why, sizeof why));
	ck_assert_str_eq(why, "99 不是门类 C 下的大类（GB/T 4754-2017；如制造业 C 为 13–43）");
	ck_assert(!gbcode_industry_check("C99", QN_LANG_EN, why, sizeof why));
	ck_assert_str_eq(why, "division 99 is not in section C (13-43) of GB/T 4754-2017");
	ck_assert(!gbcode_division_check("990582", QN_LANG_ZH, NULL, 0));
	ck_assert(!gbcode_industry_check("C99", QN_LANG_EN, NULL, 0));
}
END_TEST

/*
 * Two policies on one project: Quanzhou (一) 50% of 500,000 capped at level 2's 200,000;
 * Pingluo (一) 60% of 500,000 = 300,000, and (四) 10,000 for the cloud. Neither document says
 * whether both may pay: the combined view counts the higher, 300,000, and shows 200,000 as
 * undecided: 200,000 + 310,000 = 510,000 added up, 310,000 for sure. With Jinjiang instead
 * (一（一） 20% of 500,000 = 100,000 with the demonstration award), Jinjiang's 就高不重复 settles it.
 */
START_TEST(combined_view_never_adds_an_overlap_silently)
{
	subsidy_result *qz = calc("quanzhou", 2, "2026-03-01", QZ_SPEND(300000, 100000, 100000));
	subsidy_result *pl = calc("pingluo", 2, "2026-03-01", PL(1));
	const subsidy_result *both[] = {qz, pl};
	assess_error err = {0};
	subsidy_combined *c = subsidy_combine(both, 2, &err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(c->sum, 510000);
	ck_assert_int_eq(c->total, 310000);
	ck_assert_int_eq(c->undecided, 200000);
	ck_assert_uint_eq(c->n_overlaps, 1);
	ck_assert_str_eq(c->overlaps[0].project, "project_spend");
	ck_assert_ptr_null(c->overlaps[0].by);
	subsidy_combined_free(c);
	subsidy_result *jj = calc("jinjiang", 0, "2024-06-01",
				  "\"awards\": [\"jinjiang-demo-project\"], "
				  "\"finance\": {\"project_spend\": {\"software\": 500000}}");
	ck_assert_int_eq(jj->total, 100000);
	const subsidy_result *pair[] = {qz, jj};
	c = subsidy_combine(pair, 2, &err);
	ck_assert_int_eq(c->total, 200000 + 100000 - 100000);
	ck_assert_int_eq(c->undecided, 0);
	ck_assert_str_eq(c->overlaps[0].by, "jinjiang");
	subsidy_combined_free(c);
	subsidy_free(jj);
	subsidy_free(qz);
	subsidy_free(pl);
}
END_TEST

/* Score, then subsidy: the scored level, the file's date, and a refusal without one. */
START_TEST(assess_scores_then_computes)
{
	answers *a = test_example();
	assess_error err = {0};
	subsidy_options o = {0};
	subsidy_result *r = subsidy_assess(pol("quanzhou"), a, NULL, &o, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	ck_assert_int_eq(r->level, 2); /* the example scores 48.875: level 2 */
	ck_assert_str_eq(r->date, "2026-11-20");
	ck_assert_int_eq(r->total, 18000); /* a baseline: (二) only */
	ck_assert_int_eq(r->total_if_post, 218000);
	subsidy_free(r);
	answers_free(a);
	a = sub_answers_raw("");
	ck_assert_ptr_null(subsidy_assess(pol("quanzhou"), a, NULL, &o, &err));
	ck_assert_str_eq(err.path, "$.assessment.date");
	answers_free(a);
}
END_TEST

/*
 * A list of sections too long for the detail's piece stays cut: "D D D D B B B" fills the
 * Chinese names to 237 of 256 bytes, "（GB/T 4754 门类 " is cut after "门" with 3 bytes
 * left, and neither the first letter nor the closing "）" may follow as if the text were whole.
 */
START_TEST(a_cut_section_list_stays_cut)
{
	static const char xml[] =
		"<policy format=\"1\" id=\"t\" version=\"1\"><title><zh>标题</zh></title>"
		"<issuer><zh>某市</zh></issuer><source><zh>t</zh></source>"
		"<window from=\"2025-01-01\" to=\"2027-12-31\"/><clause id=\"1\" number=\"一\">"
		"<title><zh>条款</zh></title><text><zh>c</zh></text>"
		"<requires industry=\"D D D D B B B\"/>"
		"<rate base=\"cloud_annual_fee\" rate=\"30%\" cap=\"100000\"/></clause></policy>";
	policy *p = sub_policy_xml(xml);
	assess_error err = {0};
	answers *a = sub_answers_raw("\"enterprise\": {\"industry_code\": \"C34\"}, "
				     "\"finance\": {\"cloud_annual_fee\": 60000}");
	subsidy_options o = {.level = 2, .date = "2026-03-01"};
	subsidy_result *r = subsidy_compute(p, a, &o, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	const char *zh = item(r, "1")->detail.zh;
	ck_pays(r, "1", SUBSIDY_NOT_ELIGIBLE, 0);
	ck_assert_msg(strstr(zh, "、采矿业（GB/T 4754 门；本企业行业代码 C34 属门类 C") != NULL,
		      "%s", zh);
	/* the English has room for all of it */
	ck_assert_msg(strstr(item(r, "1")->detail.en,
			     ", mining (GB/T 4754 sections D, D, D, D, B, B, B); the") != NULL,
		      "%s", item(r, "1")->detail.en);
	subsidy_free(r);
	answers_free(a);
	policy_free(p);
}
END_TEST

TCase *make_subsidy_rules_tcase(void)
{
	const TTest *tests[] = {baseline_pays_nothing_and_says_what_post_would,
				no_stage_is_input_missing,
				level_option_is_a_post_what_if,
				outside_the_area_pays_nothing,
				region_text_when_there_is_no_code,
				pilot_clauses_need_the_flag,
				industry_clauses_check_the_section,
				one_tagged_project_is_paid_once,
				hardware_as_each_clause_names_it,
				readings_change_conditions_and_the_limit_base,
				conflict_sentences_carry_names_not_ids,
				new_inputs_are_checked,
				division_codes_cover_their_parts,
				division_and_industry_reasons_quote_the_code,
				a_cut_section_list_stays_cut,
				combined_view_never_adds_an_overlap_silently,
				assess_scores_then_computes,
				NULL};
	return test_tcase("subsidy-rules", NULL, NULL, 0, tests);
}
