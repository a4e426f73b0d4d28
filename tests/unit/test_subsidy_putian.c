/*
 * policies/: the subsidy engine on Putian (莆田, shared/seeds/002), against amounts worked out by hand from the
 * document (amounts there in 万元 = 10,000 yuan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "tests/unit/subsidy_test.h"

START_TEST(putian_awards_and_caps)
{
	subsidy_result *r =
		calc("putian", 0, "2026-06-01",
		     "\"awards\": [{\"id\": \"chain-smes-transformed\", \"count\": 12}, "
		     "{\"id\": \"provincial-ai-compute-grant\", \"amount\": 600000}, "
		     "{\"id\": \"provincial-training-grant\", \"amount\": 40000}, "
		     "{\"id\": \"provincial-training-grant\", \"amount\": 80000}, "
		     "\"city-benchmark\", \"provincial-benchmark\", \"national-5g-factory\"], "
		     "\"finance\": {\"ai_product_price\": 1000000}");
	ck_pays(r, "5-chain", SUBSIDY_PAID, 500000);      /* 12 x 50,000 = 600,000 -> 500,000 */
	ck_pays(r, "4-ai-compute", SUBSIDY_PAID, 250000); /* 50% of 600,000 -> 250,000 a year */
	ck_pays(r, "8-training", SUBSIDY_PAID, 50000);    /* 20,000 + min(40,000, 30,000) */
	ck_pays(r, "2-city-benchmark", SUBSIDY_NOT_ELIGIBLE, 0); /* the provincial one instead */
	ck_pays(r, "2-5g-factory", SUBSIDY_PAID, 30000);
	ck_pays(r, "4-ai-product", SUBSIDY_PAID, 50000); /* 5% of 1,000,000 */
	ck_assert_int_eq(r->total, 500000 + 250000 + 50000 + 30000 + 50000);
	ck_assert_int_eq(r->budget, 10000000);
	ck_assert(!r->budget_binding);
	subsidy_free(r);
}
END_TEST

TCase *make_subsidy_putian_tcase(void)
{
	const TTest *tests[] = {putian_awards_and_caps, NULL};
	return test_tcase("subsidy-putian", NULL, NULL, 0, tests);
}
