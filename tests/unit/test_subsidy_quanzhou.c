/*
 * policies/: the subsidy engine on Quanzhou (泉州, shared/seeds/000), against amounts worked out by hand from the
 * document (amounts there in 万元 = 10,000 yuan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "tests/unit/subsidy_test.h"

START_TEST(quanzhou_level3_800k_pays_the_cap_split_3_1_1)
{
	/* 50% of 800,000 = 400,000 > the level-3 cap of 300,000; 3:1:1 = 180,000/60,000/60,000. */
	subsidy_result *r = calc("quanzhou", 3, "2026-06-01", QZ_SPEND(500000, 100000, 200000));
	const subsidy_item *it = item(r, "1");
	ck_pays(r, "1", SUBSIDY_PAID, 300000);
	ck_assert_int_eq(it->base, 800000);
	ck_assert_int_eq(it->rate_bp, 5000);
	ck_assert_int_eq(it->computed, 400000);
	ck_assert_int_eq(it->cap, 300000);
	ck_assert(it->capped);
	ck_assert_uint_eq(it->n_shares, 3);
	ck_assert_int_eq(it->shares[0].amount, 180000);
	ck_assert_int_eq(it->shares[1].amount, 60000);
	ck_assert_int_eq(it->shares[2].amount, 60000);
	ck_assert_str_eq(it->shares[0].payer->zh, "中央财政");
	ck_assert_int_eq(r->total, 300000);
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_IN);
	ck_assert(warned(r, "start-unknown"));
	subsidy_free(r);
}
END_TEST

START_TEST(quanzhou_caps_by_level)
{
	ck_pays_once(calc("quanzhou", 2, "2026-06-01", QZ_SPEND(500000, 100000, 200000)), "1",
		     SUBSIDY_PAID, 200000);
	/* Level 4: 400,000 is under the 500,000 cap. */
	subsidy_result *r = calc("quanzhou", 4, "2026-06-01", QZ_SPEND(500000, 100000, 200000));
	ck_pays(r, "1", SUBSIDY_PAID, 400000);
	ck_assert(!item(r, "1")->capped);
	subsidy_free(r);
	r = calc("quanzhou", 1, "2026-06-01", QZ_SPEND(500000, 100000, 200000));
	ck_pays(r, "1", SUBSIDY_LEVEL_TOO_LOW, 0);
	ck_assert_int_eq(r->total, 0);
	subsidy_free(r);
}
END_TEST

START_TEST(quanzhou_split_remainder_goes_to_the_first_payer)
{
	/* Level 4, spend 200,003: 100,001 (floor of 100,001.5); 3:1:1 ->
	 * 60,001 / 20,000 / 20,000. */
	subsidy_result *r = calc("quanzhou", 4, "2026-06-01", QZ_SPEND(200003, 0, 0));
	const subsidy_item *it = item(r, "1");
	ck_assert_int_eq(it->amount, 100001);
	ck_assert_int_eq(it->shares[0].amount, 60001);
	ck_assert_int_eq(it->shares[1].amount, 20000);
	ck_assert_int_eq(it->shares[2].amount, 20000);
	subsidy_free(r);
}
END_TEST

START_TEST(quanzhou_cloud_threshold_is_strict)
{
	ck_pays_once(calc("quanzhou", 2, "2026-06-01",
			  "\"finance\": {\"cloud_annual_fee\": 50000}"),
		     "2", SUBSIDY_UNDER_THRESHOLD, 0);
	/* 30% of 50,001 = 15,000.3, rounded down. */
	ck_pays_once(calc("quanzhou", 2, "2026-06-01",
			  "\"finance\": {\"cloud_annual_fee\": 50001}"),
		     "2", SUBSIDY_PAID, 15000);
	ck_pays_once(calc("quanzhou", 2, "2026-06-01",
			  "\"finance\": {\"cloud_annual_fee\": 400000}"),
		     "2", SUBSIDY_PAID, 100000);
}
END_TEST

START_TEST(quanzhou_same_project_pays_the_higher)
{
	/* Park enterprise, level 2, 6,000,000 of software+hardware: (一) 200,000 (cap), (四) 10% =
	 * 600,000; both are the transformation project in the subsidy class: (四) only. */
	subsidy_result *r =
		calc("quanzhou", 2, "2026-06-01",
		     QZ_SPEND(4000000, 0, 2000000) ", \"status\": {\"in_standard_park\": true}");
	ck_pays(r, "4", SUBSIDY_PAID, 600000);
	ck_pays(r, "1", SUBSIDY_STACKED, 0);
	ck_assert_str_eq(item(r, "1")->stacked_with, "4");
	ck_assert_int_eq(item(r, "1")->computed, 3000000);
	ck_assert_int_eq(item(r, "4")->shares[0].amount, 300000);
	ck_assert_int_eq(item(r, "4")->shares[1].amount, 300000);
	/* (三) is informational, with the park cap for the city's share. */
	ck_pays(r, "3", SUBSIDY_INFO, 0);
	ck_assert_int_eq(item(r, "3")->cap, 5000000);
	ck_assert_int_eq(r->total, 600000);
	subsidy_free(r);
}
END_TEST

START_TEST(quanzhou_awards)
{
	subsidy_result *r = calc(
		"quanzhou", 3, "2026-06-01",
		"\"finance\": {\"project_spend\": {\"software\": 800000}, \"revenue_last_year\": "
		"20000000, \"design_contract\": 100000}, \"awards\": [{\"id\": "
		"\"provincial-smart-scene\", \"count\": 4}, \"national-smart-scene\", "
		"\"provincial-design-centre\", \"city-design-centre\", \"high-tech-first\", "
		"\"design-innovation-voucher\"]");
	ck_pays(r, "1", SUBSIDY_PAID, 300000);
	/* 4 provincial scenes x 100,000 = 400,000 > 300,000 accumulated cap. */
	ck_pays(r, "5-provincial", SUBSIDY_PAID, 300000);
	ck_assert_int_eq(item(r, "5-provincial")->count, 4);
	ck_pays(r, "5-national", SUBSIDY_PAID, 200000);
	/* Design centres top up: only the provincial 300,000. */
	ck_pays(r, "15-provincial", SUBSIDY_PAID, 300000);
	ck_pays(r, "15-city", SUBSIDY_STACKED, 0);
	/* Revenue of exactly 20,000,000 is not over 20,000,000: the 200,000 tier, split 1:1. */
	ck_pays(r, "18-first", SUBSIDY_PAID, 200000);
	ck_assert_int_eq(item(r, "18-first")->shares[1].amount, 100000);
	ck_pays(r, "13", SUBSIDY_NOT_ELIGIBLE, 0);
	ck_assert_int_eq(r->total, 300000 + 300000 + 200000 + 300000 + 200000);
	subsidy_free(r);
}
END_TEST

START_TEST(quanzhou_high_tech_revenue_bounds)
{
	static const struct {
		const char *rev;
		int64_t pays;
	} cases[] = {{"3000000", 0}, {"3000001", 200000}, {"20000001", 400000}};
	for (size_t i = 0; i < 3; i++) {
		char blocks[256];
		snprintf(blocks, sizeof blocks,
			 "\"finance\": {\"revenue_last_year\": %s}, "
			 "\"awards\": [\"high-tech-first\", \"high-tech-recertified\"]",
			 cases[i].rev);
		subsidy_result *r = calc("quanzhou", 0, "2026-06-01", blocks);
		ck_pays(r, "18-first", cases[i].pays ? SUBSIDY_PAID : SUBSIDY_UNDER_THRESHOLD,
			cases[i].pays);
		ck_pays(r, "18-recertified", cases[i].pays ? SUBSIDY_PAID : SUBSIDY_UNDER_THRESHOLD,
			cases[i].pays ? 100000 : 0);
		subsidy_free(r);
	}
}
END_TEST

START_TEST(quanzhou_renovation_caps_by_status)
{
	subsidy_result *r =
		calc("quanzhou", 0, "2026-06-01", "\"status\": {\"city_leader\": true}");
	ck_assert_int_eq(item(r, "3")->cap, 2500000);
	subsidy_free(r);
	r = calc("quanzhou", 0, "2026-06-01", "");
	ck_assert_int_eq(item(r, "3")->cap, 2000000);
	ck_pays(r, "1", SUBSIDY_LEVEL_TOO_LOW, 0);
	ck_pays(r, "2", SUBSIDY_NO_INPUT, 0);
	subsidy_free(r);
}
END_TEST

START_TEST(quanzhou_expired_after_2027_03_31)
{
	subsidy_result *r = calc("quanzhou", 3, "2027-03-31", QZ_SPEND(800000, 0, 0));
	ck_assert_int_eq(r->total, 300000);
	subsidy_free(r);
	r = calc("quanzhou", 3, "2027-04-01", QZ_SPEND(800000, 0, 0));
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_EXPIRED);
	ck_pays(r, "1", SUBSIDY_OUT_OF_WINDOW, 0);
	ck_assert_int_eq(item(r, "1")->computed, 400000);
	ck_assert_int_eq(r->total, 0);
	ck_assert(warned(r, "expired"));
	subsidy_free(r);
}
END_TEST

TCase *make_subsidy_quanzhou_tcase(void)
{
	const TTest *tests[] = {quanzhou_level3_800k_pays_the_cap_split_3_1_1,
				quanzhou_caps_by_level,
				quanzhou_split_remainder_goes_to_the_first_payer,
				quanzhou_cloud_threshold_is_strict,
				quanzhou_same_project_pays_the_higher,
				quanzhou_awards,
				quanzhou_high_tech_revenue_bounds,
				quanzhou_renovation_caps_by_status,
				quanzhou_expired_after_2027_03_31,
				NULL};
	return test_tcase("subsidy-quanzhou", NULL, NULL, 0, tests);
}
