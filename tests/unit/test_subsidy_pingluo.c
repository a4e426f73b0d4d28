/*
 * policies/: the subsidy engine on Pingluo (平罗, shared/seeds/004), against amounts worked out by hand from the
 * document (amounts there in 万元 = 10,000 yuan).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "tests/unit/subsidy_test.h"

START_TEST(pingluo_level1_pays_nothing_under_clause_1)
{
	subsidy_result *r = calc("pingluo", 1, "2026-03-01", PL(1));
	ck_pays(r, "1", SUBSIDY_LEVEL_TOO_LOW, 0);
	ck_pays(r, "4", SUBSIDY_PAID, 10000); /* it uses the cloud: at most 10,000 */
	ck_assert_int_eq(r->total, 10000);
	subsidy_free(r);
}
END_TEST

START_TEST(pingluo_batches_and_readings)
{
	/* Body: batch 1 60% of 500,000 = 300,000; batch 2 50% = 250,000. Table: 50% / 40%. */
	subsidy_result *r = calc("pingluo", 2, "2026-03-01", PL(1));
	const subsidy_item *it = item(r, "1");
	ck_pays(r, "1", SUBSIDY_PAID, 300000);
	ck_assert_str_eq(it->reading, "body");
	ck_assert_int_eq(it->other_reading_amount, 250000);
	ck_assert_uint_eq(r->n_conflicts, 4); /* batch rates, two wordings, the limit's base */
	ck_assert_str_eq(r->conflicts[0].chosen_id, "body");
	ck_assert_str_eq(r->conflicts[0].other_id, "table");
	ck_assert_int_eq(r->conflicts[0].total_other, 250000 + 10000);
	ck_assert(warned(r, "conflict"));
	ck_assert(warned(r, "start-day-unknown"));
	subsidy_free(r);
	r = calc("pingluo", 2, "2026-03-01", PL(2));
	ck_pays(r, "1", SUBSIDY_PAID, 250000);
	ck_assert_int_eq(item(r, "1")->other_reading_amount, 200000);
	subsidy_free(r);
	const char *table[] = {"batch-rates=table", NULL};
	subsidy_options o = {.level = 2, .date = "2026-03-01", .readings = table};
	r = calc_with("pingluo", &o, PL(2));
	ck_pays(r, "1", SUBSIDY_PAID, 200000);
	ck_assert_str_eq(item(r, "1")->reading, "table");
	ck_assert_int_eq(r->conflicts[0].total_other, 250000 + 10000);
	subsidy_free(r);
}
END_TEST

START_TEST(pingluo_needs_the_batch)
{
	subsidy_result *r = calc("pingluo", 2, "2026-03-01",
				 "\"finance\": {\"project_spend\": {\"software\": 300000}}");
	ck_pays(r, "1", SUBSIDY_NO_INPUT, 0);
	ck_assert_ptr_nonnull(strstr(item(r, "1")->detail.en, "the transformation batch"));
	subsidy_free(r);
}
END_TEST

START_TEST(pingluo_hardware_over_30_percent_is_trimmed)
{
	/* Hardware 200,000 of 400,000 is 50%. At most 30% of the total: h <= 0.3 (200,000 + h),
	 * h <= 85,714 (floor of 600,000 / 7). Base 285,714; 60% = 171,428.4 -> 171,428. */
	subsidy_result *r =
		calc("pingluo", 2, "2026-03-01",
		     "\"finance\": {\"batch\": 1, \"project_spend\": {\"software\": 200000, "
		     "\"hardware\": 200000}}");
	ck_assert_int_eq(item(r, "1")->base, 285714);
	ck_pays(r, "1", SUBSIDY_PAID, 171428);
	ck_assert(warned(r, "hardware-share"));
	subsidy_free(r);
	/* Exactly 30% is within the limit. */
	r = calc("pingluo", 2, "2026-03-01",
		 "\"finance\": {\"batch\": 1, \"project_spend\": {\"software\": 700000, "
		 "\"hardware\": 300000}}");
	ck_assert_int_eq(item(r, "1")->base, 1000000);
	ck_pays(r, "1", SUBSIDY_PAID, 500000);
	ck_assert(!warned(r, "hardware-share"));
	subsidy_free(r);
}
END_TEST

START_TEST(pingluo_window_starts_on_the_first_of_december)
{
	subsidy_result *r = calc("pingluo", 2, "2025-11-30", PL(1));
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_NOT_YET);
	ck_assert_int_eq(r->total, 0);
	subsidy_free(r);
	r = calc("pingluo", 2, "2025-12-01", PL(1));
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_IN);
	subsidy_free(r);
	r = calc("pingluo", 2, "2026-10-01", PL(1));
	ck_assert_int_eq(r->window, SUBSIDY_WINDOW_EXPIRED);
	subsidy_free(r);
}
END_TEST

START_TEST(pingluo_supply_side_cap)
{
	/* Chain cases 2 x 300,000 + provider 50,000 + 10 process-managed x 10,000 = 750,000:
	 * the supply class is capped at 700,000, so the last in order is cut to 50,000. */
	subsidy_result *r = calc("pingluo", 0, "2026-03-01",
				 "\"awards\": [{\"id\": \"chain-case\", \"count\": 2}, "
				 "\"quality-service-provider\", "
				 "{\"id\": \"process-managed-enterprises\", \"count\": 10}]");
	ck_pays(r, "5", SUBSIDY_PAID, 600000);
	ck_pays(r, "6", SUBSIDY_PAID, 50000);
	ck_pays(r, "7", SUBSIDY_PAID, 50000);
	ck_assert(item(r, "7")->capped);
	ck_assert_int_eq(r->total, 700000);
	ck_assert_int_eq(r->budget_lines[4].claimed, 600000);
	subsidy_free(r);
}
END_TEST

TCase *make_subsidy_pingluo_tcase(void)
{
	const TTest *tests[] = {pingluo_level1_pays_nothing_under_clause_1,
				pingluo_batches_and_readings,
				pingluo_needs_the_batch,
				pingluo_hardware_over_30_percent_is_trimmed,
				pingluo_window_starts_on_the_first_of_december,
				pingluo_supply_side_cap,
				NULL};
	return test_tcase("subsidy-pingluo", NULL, NULL, 0, tests);
}
