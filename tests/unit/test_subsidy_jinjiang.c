/*
 * policies/: the subsidy engine on Jinjiang (晋江, shared/seeds/001), against amounts worked out by hand from the
 * document (amounts there in 万元 = 10,000 yuan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "tests/unit/subsidy_test.h"

static subsidy_result *jinjiang_cloud(const char *fee, const char *status)
{
	char blocks[256];
	snprintf(blocks, sizeof blocks, "\"finance\": {\"cloud_annual_fee\": %s}, \"status\": {%s}",
		 fee, status);
	return calc("jinjiang", 0, "2024-06-01", blocks);
}

START_TEST(jinjiang_cloud_tiers)
{
	static const struct {
		const char *fee;
		int64_t pays;
	} cases[] = {{"50000", 0}, {"50001", 30000}, {"100000", 30000}, {"100001", 60000}};
	for (size_t i = 0; i < 4; i++) {
		subsidy_result *r = jinjiang_cloud(cases[i].fee, "\"above_scale\": true");
		ck_pays(r, "2-3", cases[i].pays ? SUBSIDY_PAID : SUBSIDY_UNDER_THRESHOLD,
			cases[i].pays);
		ck_assert_int_eq(r->total, cases[i].pays);
		subsidy_free(r);
	}
}
END_TEST

START_TEST(jinjiang_cloud_only_above_scale)
{
	ck_pays_once(jinjiang_cloud("60000", "\"above_scale\": false"), "2-3", SUBSIDY_NOT_ELIGIBLE,
		     0);
	ck_pays_once(jinjiang_cloud("60000", ""), "2-3", SUBSIDY_NO_INPUT, 0);
}
END_TEST

START_TEST(jinjiang_mis_software_tiers)
{
	static const struct {
		const char *spend;
		int64_t pays;
	} cases[] = {{"499999", 0},       {"500000", 50000},   {"999999", 50000},
		     {"1000000", 100000}, {"1999999", 100000}, {"2000000", 200000},
		     {"2999999", 200000}, {"3000000", 300000}, {"90000000", 300000}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char blocks[128];
		snprintf(blocks, sizeof blocks, "\"finance\": {\"mis_software_spend\": %s}",
			 cases[i].spend);
		ck_pays_once(calc("jinjiang", 0, "2024-06-01", blocks), "2-2",
			     cases[i].pays ? SUBSIDY_PAID : SUBSIDY_UNDER_THRESHOLD, cases[i].pays);
	}
}
END_TEST

START_TEST(jinjiang_5g_per_project_and_yearly_caps)
{
	/* 15% of 800,000 = 120,000 -> 100,000; of 600,000 = 90,000: 190,000. */
	subsidy_result *r = calc("jinjiang", 0, "2024-06-01",
				 "\"awards\": [{\"id\": \"quanzhou-5g-demo\", \"amount\": 800000}, "
				 "{\"id\": \"quanzhou-5g-demo\", \"amount\": 600000}]");
	ck_pays(r, "1-2", SUBSIDY_PAID, 190000);
	ck_assert_int_eq(item(r, "1-2")->base, 1400000);
	subsidy_free(r);
	/* Six projects at the 100,000 cap: 600,000, at most 500,000 a year. */
	r = calc("jinjiang", 0, "2024-06-01",
		 "\"awards\": [{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
		 "{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
		 "{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
		 "{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
		 "{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
		 "{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}]");
	ck_pays(r, "1-2", SUBSIDY_PAID, 500000);
	ck_assert_int_eq(item(r, "1-2")->computed, 600000);
	subsidy_free(r);
	ck_pays_once(calc("jinjiang", 0, "2024-06-01", "\"awards\": [\"quanzhou-5g-demo\"]"), "1-2",
		     SUBSIDY_NO_INPUT, 0);
}
END_TEST

START_TEST(jinjiang_demo_project_park_rate)
{
	/* Software+hardware 3,000,000: 20% = 600,000; in a park key project 25% = 750,000. */
	ck_pays_once(
		calc("jinjiang", 0, "2024-06-01",
		     "\"finance\": {\"project_spend\": {\"software\": 2000000, \"hardware\": 1000000, "
		     "\"cloud\": 500000}}, \"awards\": [\"jinjiang-demo-project\"]"),
		"1-1", SUBSIDY_PAID, 600000);
	ck_pays_once(
		calc("jinjiang", 0, "2024-06-01",
		     "\"finance\": {\"project_spend\": {\"software\": 2000000, \"hardware\": 1000000}}, "
		     "\"awards\": [\"jinjiang-demo-project\", \"park-key-project\"]"),
		"1-1", SUBSIDY_PAID, 750000);
}
END_TEST

START_TEST(jinjiang_platform_count_tiers)
{
	static const struct {
		int n;
		int64_t pays;
	} cases[] = {{9, 0}, {10, 100000}, {19, 100000}, {20, 200000}, {49, 200000}, {50, 300000}};
	for (size_t i = 0; i < 6; i++) {
		char blocks[128];
		snprintf(blocks, sizeof blocks,
			 "\"awards\": [{\"id\": \"platform-smes-served\", \"count\": %d}]",
			 cases[i].n);
		subsidy_result *r = calc("jinjiang", 0, "2024-06-01", blocks);
		ck_pays(r, "2-1", cases[i].pays ? SUBSIDY_PAID : SUBSIDY_UNDER_THRESHOLD,
			cases[i].pays);
		ck_assert(item(r, "2-1")->base_is_count);
		subsidy_free(r);
	}
}
END_TEST

START_TEST(jinjiang_consulting_needs_20_and_20_percent)
{
	static const struct {
		int diagnosed, signed_;
		subsidy_status s;
	} cases[] = {{20, 4, SUBSIDY_PAID},
		     {20, 3, SUBSIDY_NOT_ELIGIBLE},
		     {19, 19, SUBSIDY_UNDER_THRESHOLD},
		     {50, 10, SUBSIDY_PAID}};
	for (size_t i = 0; i < 4; i++) {
		char blocks[256];
		snprintf(blocks, sizeof blocks,
			 "\"awards\": [{\"id\": \"consulting-diagnosed\", "
			 "\"count\": %d}, {\"id\": \"consulting-contracted\", \"count\": %d}]",
			 cases[i].diagnosed, cases[i].signed_);
		ck_pays_once(calc("jinjiang", 0, "2024-06-01", blocks), "4-1", cases[i].s,
			     cases[i].s == SUBSIDY_PAID ? 100000 : 0);
	}
}
END_TEST

START_TEST(jinjiang_total_capped_by_fiscal_contribution)
{
	subsidy_result *r =
		calc("jinjiang", 0, "2024-06-01",
		     "\"finance\": {\"cloud_annual_fee\": 60000, \"mis_software_spend\": 600000, "
		     "\"local_fiscal_contribution\": 70000}, \"status\": {\"above_scale\": true}");
	ck_assert_int_eq(r->total_before_cap, 30000 + 50000);
	ck_assert_int_eq(r->total, 70000);
	ck_assert(warned(r, "total-cap"));
	ck_assert(warned(r, "cross-policy"));
	subsidy_free(r);
}
END_TEST

START_TEST(jinjiang_window)
{
	static const struct {
		const char *date;
		subsidy_window w;
		bool retro;
	} cases[] = {{"2022-12-31", SUBSIDY_WINDOW_NOT_YET, false},
		     {"2023-01-01", SUBSIDY_WINDOW_IN, true},
		     {"2023-04-30", SUBSIDY_WINDOW_IN, true},
		     {"2023-05-01", SUBSIDY_WINDOW_IN, false},
		     {"2024-12-31", SUBSIDY_WINDOW_IN, false},
		     {"2025-01-01", SUBSIDY_WINDOW_EXPIRED, false},
		     {"2026-06-01", SUBSIDY_WINDOW_EXPIRED, false}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		subsidy_result *r = calc("jinjiang", 0, cases[i].date,
					 "\"finance\": {\"cloud_annual_fee\": 60000}, "
					 "\"status\": {\"above_scale\": true}");
		ck_assert_msg(r->window == cases[i].w, "%s: %s", cases[i].date,
			      subsidy_window_name(r->window));
		ck_assert_int_eq(r->total, cases[i].w == SUBSIDY_WINDOW_IN ? 30000 : 0);
		ck_assert_int_eq(warned(r, "retroactive"), cases[i].retro);
		ck_assert_int_eq(warned(r, "expired"), cases[i].w == SUBSIDY_WINDOW_EXPIRED);
		ck_assert_int_eq(warned(r, "not-yet"), cases[i].w == SUBSIDY_WINDOW_NOT_YET);
		ck_pays(r, "2-3",
			cases[i].w == SUBSIDY_WINDOW_IN ? SUBSIDY_PAID : SUBSIDY_OUT_OF_WINDOW,
			cases[i].w == SUBSIDY_WINDOW_IN ? 30000 : 0);
		subsidy_free(r);
	}
}
END_TEST

TCase *make_subsidy_jinjiang_tcase(void)
{
	const TTest *tests[] = {jinjiang_cloud_tiers,
				jinjiang_cloud_only_above_scale,
				jinjiang_mis_software_tiers,
				jinjiang_5g_per_project_and_yearly_caps,
				jinjiang_demo_project_park_rate,
				jinjiang_platform_count_tiers,
				jinjiang_consulting_needs_20_and_20_percent,
				jinjiang_total_capped_by_fiscal_contribution,
				jinjiang_window,
				NULL};
	return test_tcase("subsidy-jinjiang", NULL, NULL, 0, tests);
}
