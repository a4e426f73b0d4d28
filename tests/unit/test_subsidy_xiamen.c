/*
 * policies/: the subsidy engine on Xiamen (厦门, shared/seeds/003), against amounts worked out by hand from the
 * document (amounts there in 万元 = 10,000 yuan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "tests/unit/subsidy_test.h"

START_TEST(xiamen_in_window)
{
	subsidy_result *r =
		calc("xiamen", 3, "2025-06-01",
		     "\"finance\": {\"diagnosis_fee\": 120000, \"cloud_annual_fee\": 500000, "
		     "\"project_spend\": {\"software\": 600000, \"services\": 400000}}, "
		     "\"awards\": [\"first-cloud-use\", \"national-pilot-demo\", "
		     "{\"id\": \"training-person-days\", \"count\": 30}]");
	ck_pays(r, "1", SUBSIDY_PAID, 60000);  /* 60% of 120,000 = 72,000 -> 60,000 */
	ck_pays(r, "5", SUBSIDY_PAID, 350000); /* 40% of 1,000,000 = 400,000 -> 350,000 at L3 */
	ck_pays(r, "4", SUBSIDY_PAID, 300000); /* only a ceiling: min(500,000, 300,000) */
	ck_pays(r, "7", SUBSIDY_PAID, 500000); /* 500,000 to 1,000,000: the lower end */
	ck_pays(r, "9", SUBSIDY_PAID, 15000);  /* 30 person-days x 500 */
	ck_assert_int_eq(r->total, 60000 + 350000 + 300000 + 500000 + 15000);
	subsidy_free(r);
}
END_TEST

START_TEST(xiamen_levels)
{
	static const struct {
		int level;
		int64_t pays;
	} cases[] = {{1, 0}, {2, 250000}, {3, 350000}, {4, 400000}};
	for (size_t i = 0; i < 4; i++) {
		subsidy_result *r =
			calc("xiamen", cases[i].level, "2025-12-31",
			     "\"finance\": {\"project_spend\": {\"hardware\": 2000000}}");
		ck_pays(r, "5", cases[i].pays ? SUBSIDY_PAID : SUBSIDY_LEVEL_TOO_LOW,
			cases[i].pays);
		subsidy_free(r);
	}
}
END_TEST

START_TEST(xiamen_expired_and_not_yet)
{
	subsidy_result *r =
		calc("xiamen", 4, "2026-01-01", "\"finance\": {\"diagnosis_fee\": 10000}");
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_EXPIRED);
	ck_pays(r, "1", SUBSIDY_OUT_OF_WINDOW, 0);
	ck_assert_int_eq(item(r, "1")->computed, 6000);
	ck_assert_int_eq(r->total, 0);
	subsidy_free(r);
	r = calc("xiamen", 4, "2024-02-05", "\"finance\": {\"diagnosis_fee\": 10000}");
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_NOT_YET);
	ck_assert_int_eq(r->total, 0);
	subsidy_free(r);
	ck_pays_once(calc("xiamen", 4, "2024-02-06", "\"finance\": {\"diagnosis_fee\": 10000}"),
		     "1", SUBSIDY_PAID, 6000);
}
END_TEST

TCase *make_subsidy_xiamen_tcase(void)
{
	const TTest *tests[] = {xiamen_in_window, xiamen_levels, xiamen_expired_and_not_yet, NULL};
	return test_tcase("subsidy-xiamen", NULL, NULL, 0, tests);
}
