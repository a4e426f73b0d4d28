/*
 * subsidy_test.h - what the subsidy suites share: the shipped policies loaded once, answer
 * files built from a few blocks, and assertions on one clause.
 *
 * sub_answers(id, blocks) fills in what every paying case needs and the blocks do not say: a
 * post-transformation assessment, a pilot enterprise in manufacturing (C34) located in policy
 * id's area. sub_answers_raw(blocks) adds nothing, for the cases about a missing input.
 */
#ifndef ASSESS_SUBSIDY_TEST_H
#define ASSESS_SUBSIDY_TEST_H

#include <stdbool.h>
#include "policies/subsidy.h"
#include "tests/unit/test.h"

const policy *sub_policy(const char *id);
/* A policy of the test's own, from its XML text ("t.xml"); the caller frees it. */
policy *sub_policy_xml(const char *xml);
answers *sub_answers(const char *id, const char *blocks);
answers *sub_answers_raw(const char *blocks);
/* The result for the policy on sub_answers(id, blocks); the answers are freed already. */
subsidy_result *sub_calc_with(const char *id, const subsidy_options *o, const char *blocks);
subsidy_result *sub_calc(const char *id, int level, const char *date, const char *blocks);
/* The same on answers exactly as given (sub_answers_raw). */
subsidy_result *sub_calc_raw(const char *id, int level, const char *date, const char *blocks);
const subsidy_item *sub_item(const subsidy_result *r, const char *id);
bool sub_warned(const subsidy_result *r, const char *code);

/* The names the suites were written with. */
#define pol sub_policy
#define calc sub_calc
#define calc_with sub_calc_with
#define item sub_item
#define warned sub_warned
#define calc_raw sub_calc_raw

/* Pays `amount` from clause `id` (and nothing from it when amount is 0 and status says why). */
#define ck_pays(r, id, want_status, want_amount)                                                  \
	do {                                                                                      \
		const subsidy_item *it_ = item((r), (id));                                        \
		ck_assert_msg(it_->status == (want_status), "%s: status %s (%s)", (id),           \
			      subsidy_status_name(it_->status), it_->detail.en);                  \
		ck_assert_msg(it_->amount == (want_amount), "%s: %lld, expected %lld (%s)", (id), \
			      (long long)it_->amount, (long long)(want_amount), it_->detail.en);  \
	} while (0)

/* ck_pays on a result made for this one check (calc(...), calc_raw(...)), freed after. */
#define ck_pays_once(result, id, want_status, want_amount)          \
	do {                                                        \
		subsidy_result *once_ = (result);                   \
		ck_pays(once_, (id), (want_status), (want_amount)); \
		subsidy_free(once_);                                \
	} while (0)

/* Pays nothing from clause `id` for want of the inputs `want_missing`, and would pay
 * `want_would_pay` once they are given. */
#define ck_waits_for(r, id, want_would_pay, want_missing)                                        \
	do {                                                                                     \
		ck_pays((r), (id), SUBSIDY_NO_INPUT, 0);                                         \
		const subsidy_item *w_ = item((r), (id));                                        \
		ck_assert_msg(w_->would_pay == (want_would_pay), "%s: would pay %lld, not %lld", \
			      (id), (long long)w_->would_pay, (long long)(want_would_pay));      \
		ck_assert_msg(w_->missing == (want_missing), "%s: missing %#x, not %#x", (id),   \
			      (unsigned)w_->missing, (unsigned)(want_missing));                  \
	} while (0)

#define QZ_SPEND(sw, cloud, hw)                                                       \
	"\"finance\": {\"project_spend\": {\"software\": " #sw ", \"cloud\": " #cloud \
	", \"hardware\": " #hw "}}"

#define PL(batch)                                                                         \
	"\"finance\": {\"batch\": " #batch ", \"project_spend\": {\"software\": 300000, " \
	"\"cloud\": 100000, \"hardware\": 100000}}"

#endif
