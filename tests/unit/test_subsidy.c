/*
 * policies/: what the subsidy engine does for every policy: arithmetic and output, one
 * hand-computed case per paying clause of the five shipped files, the same figures without
 * texts, and the checks on the finance, status and awards blocks. Each policy's own rules are
 * in test_subsidy_POLICY.c.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "policies/subsidy-internal.h" /* subsidy_apply_rate */
#include "tests/unit/subsidy_test.h"

static const char *const ids[] = {"quanzhou", "jinjiang", "putian", "xiamen", "pingluo"};

/* ---- arithmetic and output ---- */

START_TEST(rate_rounds_down_exactly)
{
	ck_assert_int_eq(subsidy_apply_rate(50001, 3000), 15000);
	ck_assert_int_eq(subsidy_apply_rate(99999, 1), 9);
	ck_assert_int_eq(subsidy_apply_rate(100000000000000LL, 10000), 100000000000000LL);
	ck_assert_int_eq(subsidy_apply_rate(99999999999999LL, 3333), 33329999999999LL);
	char buf[16];
	ck_assert_str_eq(subsidy_format_rate(5000, buf, sizeof buf), "50%");
	ck_assert_str_eq(subsidy_format_rate(1250, buf, sizeof buf), "12.5%");
	ck_assert_str_eq(subsidy_format_rate(5, buf, sizeof buf), "0.05%");
}
END_TEST

START_TEST(json_output)
{
	subsidy_result *r = calc("quanzhou", 3, "2026-06-01", QZ_SPEND(500000, 100000, 200000));
	cJSON *j = subsidy_to_json(r, QN_LANG_EN);
	ck_assert_str_eq(cJSON_GetObjectItem(j, "policy")->valuestring, "quanzhou");
	ck_assert_int_eq(cJSON_GetObjectItem(j, "total")->valuedouble, 300000);
	cJSON *first = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "items"), 0);
	ck_assert_str_eq(cJSON_GetObjectItem(first, "clause")->valuestring, "1");
	ck_assert_int_eq(cJSON_GetObjectItem(first, "amount")->valuedouble, 300000);
	ck_assert_str_eq(cJSON_GetObjectItem(first, "rate")->valuestring, "50%");
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(first, "shares")), 3);
	ck_assert(cJSON_IsArray(cJSON_GetObjectItem(j, "warnings")));
	cJSON_Delete(j);
	subsidy_free(r);
}
END_TEST

START_TEST(text_output_names_the_reason)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	subsidy_result *r = calc("pingluo", 1, "2026-03-01", PL(1));
	subsidy_print(f, r, QN_LANG_ZH);
	fclose(f);
	ck_assert_ptr_nonnull(
		strstr(buf,
		       "（一） 企业数字化改造补助〔水平不足〕需改造后达到二级及以上，当前为一级"));
	ck_assert_ptr_nonnull(strstr(buf, "合计：10,000 元"));
	free(buf);
	subsidy_free(r);
}
END_TEST

/* A policy's text reaches the terminal escaped: U+0085 and U+009B (CSI) as \u0085, \u009B. */
START_TEST(text_output_escapes_the_policy_text)
{
	static const char xml[] =
		"<policy format=\"1\" id=\"t\" version=\"1\"><title><zh>标题&#x85;伪行</zh></title>"
		"<issuer><zh>某市&#x9B;31m</zh></issuer><source><zh>t</zh></source>"
		"<window from=\"2025-01-01\" to=\"2027-12-31\"/><clause id=\"1\" number=\"一\">"
		"<title><zh>条款&#x85;名</zh></title><text><zh>c</zh></text>"
		"<info><zh>说明&#x9B;2J</zh></info></clause></policy>";
	policy *p = sub_policy_xml(xml);
	assess_error err = {0};
	answers *a = sub_answers_raw("");
	subsidy_options o = {.level = 2, .date = "2026-03-01"};
	subsidy_result *r = subsidy_compute(p, a, &o, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	subsidy_print(f, r, QN_LANG_ZH);
	fclose(f);
	ck_assert_msg(strstr(buf, "标题\\u0085伪行\n") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "某市\\u009B31m") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "条款\\u0085名") != NULL, "%s", buf);
	ck_assert_msg(!strstr(buf, "\xC2\x85") && !strstr(buf, "\xC2\x9B"), "%s", buf);
	free(buf);
	subsidy_free(r);
	answers_free(a);
	policy_free(p);
}
END_TEST

START_TEST(options_are_checked)
{
	answers *a = sub_answers("pingluo", "");
	assess_error err = {0};
	subsidy_options o = {.level = 2, .date = "2026-02-30"};
	ck_assert_ptr_null(subsidy_compute(pol("pingluo"), a, &o, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_USAGE);
	o = (subsidy_options){.level = 5, .date = "2026-02-01"};
	ck_assert_ptr_null(subsidy_compute(pol("pingluo"), a, &o, &err));
	ck_assert_msg_has(&err, "level 5");
	const char *bad[] = {"batch-rates=annex", NULL};
	o = (subsidy_options){.level = 2, .date = "2026-02-01", .readings = bad};
	ck_assert_ptr_null(subsidy_compute(pol("pingluo"), a, &o, &err));
	ck_assert_msg_has(&err, "not \"annex\"");
	const char *unknown[] = {"rates=table", NULL};
	o.readings = unknown;
	ck_assert_ptr_null(subsidy_compute(pol("pingluo"), a, &o, &err));
	ck_assert_msg_has(&err, "expected CONFLICT=READING");
	answers_free(a);
}
END_TEST

/* ---- every clause of every policy ---- */

/*
 * One row per paying clause: an enterprise that qualifies, and what the document says it gets
 * (万元 in the document, yuan here). Rows run at a date inside the policy's window.
 */
static const struct clause_case {
	const char *policy, *clause;
	int level;
	const char *blocks;
	int64_t amount;
} every_clause[] = {
	/* Quanzhou, 2026-06-01 */
	{"quanzhou", "1", 4, "\"finance\": {\"project_spend\": {\"software\": 1200000}}", 500000},
	{"quanzhou", "2", 0, "\"finance\": {\"cloud_annual_fee\": 200000}", 60000},
	{"quanzhou", "4", 0,
	 "\"finance\": {\"project_spend\": {\"software\": 500000, \"hardware\": 300000}}, "
	 "\"status\": {\"in_standard_park\": true}",
	 80000},
	{"quanzhou", "5-provincial", 0,
	 "\"awards\": [{\"id\": \"provincial-smart-scene\", \"count\": 2}]", 200000},
	{"quanzhou", "5-national", 0,
	 "\"awards\": [{\"id\": \"national-smart-scene\", \"count\": 5}]", 600000},
	{"quanzhou", "6-provincial", 0, "\"awards\": [\"provincial-smart-factory\"]", 500000},
	{"quanzhou", "6-national", 0, "\"awards\": [\"national-smart-factory\"]", 1000000},
	{"quanzhou", "7", 0, "\"awards\": [\"new-model-benchmark\"]", 100000},
	{"quanzhou", "8", 0, "\"awards\": [\"provincial-5g-factory\"]", 100000},
	{"quanzhou", "9-little-giant", 0, "\"awards\": [\"national-little-giant\"]", 500000},
	{"quanzhou", "9-provincial", 0, "\"awards\": [\"provincial-specialized-sme\"]", 100000},
	{"quanzhou", "9-recertified", 0, "\"awards\": [\"specialized-recertified\"]", 50000},
	{"quanzhou", "10", 0, "\"awards\": [\"chain-transformation-excellent\"]", 300000},
	{"quanzhou", "11", 0, "\"awards\": [{\"id\": \"city-ai-scene\", \"count\": 3}]", 300000},
	{"quanzhou", "12", 0, "\"finance\": {\"ai_product_price\": 3000000}", 100000},
	{"quanzhou", "13", 0, "\"finance\": {\"design_contract\": 800000}", 240000},
	{"quanzhou", "14-national-lab", 0, "\"awards\": [\"national-key-lab\"]", 1500000},
	{"quanzhou", "14-provincial-lab", 0, "\"awards\": [\"provincial-key-lab\"]", 500000},
	{"quanzhou", "14-national-centre", 0, "\"awards\": [\"national-tech-centre\"]", 1500000},
	{"quanzhou", "14-provincial-centre", 0, "\"awards\": [\"provincial-tech-centre\"]", 800000},
	{"quanzhou", "14-city-centre", 0, "\"awards\": [\"city-tech-centre\"]", 300000},
	{"quanzhou", "15-national", 0, "\"awards\": [\"national-design-centre\"]", 500000},
	{"quanzhou", "15-provincial", 0, "\"awards\": [\"provincial-design-centre\"]", 300000},
	{"quanzhou", "15-city", 0, "\"awards\": [\"city-design-centre\"]", 200000},
	{"quanzhou", "16-a", 0, "\"awards\": [\"rnd-institution-a\"]", 500000},
	{"quanzhou", "16-b", 0, "\"awards\": [\"rnd-institution-b\"]", 200000},
	{"quanzhou", "17-national", 0, "\"awards\": [\"national-5g-innovation-centre\"]", 1000000},
	{"quanzhou", "17-provincial", 0, "\"awards\": [\"provincial-5g-innovation-centre\"]",
	 500000},
	{"quanzhou", "18-first", 0,
	 "\"finance\": {\"revenue_last_year\": 50000000}, \"awards\": [\"high-tech-first\"]",
	 400000},
	{"quanzhou", "18-recertified", 0,
	 "\"finance\": {\"revenue_last_year\": 3000001}, \"awards\": [\"high-tech-recertified\"]",
	 100000},
	{"quanzhou", "19", 0, "\"finance\": {\"tech_service_contract\": 2000000}", 500000},
	/* Jinjiang, 2024-06-01 */
	{"jinjiang", "1-1", 0,
	 "\"finance\": {\"project_spend\": {\"software\": 6000000}}, "
	 "\"awards\": [\"jinjiang-demo-project\"]",
	 1000000},
	{"jinjiang", "1-2", 0, "\"awards\": [{\"id\": \"quanzhou-5g-demo\", \"amount\": 400000}]",
	 60000},
	{"jinjiang", "1-3", 0,
	 "\"awards\": [{\"id\": \"iiot-demo-project\", \"amount\": 12000000}]", 500000},
	{"jinjiang", "2-1", 0, "\"awards\": [{\"id\": \"platform-smes-served\", \"count\": 25}]",
	 200000},
	{"jinjiang", "2-2", 0, "\"finance\": {\"mis_software_spend\": 1500000}", 100000},
	{"jinjiang", "2-3", 0,
	 "\"finance\": {\"cloud_annual_fee\": 150000}, \"status\": {\"above_scale\": true}", 60000},
	{"jinjiang", "3-1", 0, "\"awards\": [{\"id\": \"data-platform\", \"amount\": 1000000}]",
	 150000},
	{"jinjiang", "3-1", 0,
	 "\"awards\": [{\"id\": \"data-platform\", \"amount\": 3000000}, "
	 "\"leader-shared-platform\"]",
	 500000},
	{"jinjiang", "3-2", 0, "\"awards\": [{\"id\": \"industrial-app\", \"amount\": 400000}]",
	 50000},
	{"jinjiang", "4-1", 0,
	 "\"awards\": [{\"id\": \"consulting-diagnosed\", \"count\": 30}, "
	 "{\"id\": \"consulting-contracted\", \"count\": 6}]",
	 100000},
	{"jinjiang", "5-1", 0, "\"awards\": [{\"id\": \"craftsman-training\", \"count\": 3}]",
	 150000},
	/* Putian, 2026-06-01 */
	{"putian", "1-national-platform", 0, "\"awards\": [\"national-iiot-platform\"]", 300000},
	{"putian", "1-new-enterprises", 0,
	 "\"awards\": [{\"id\": \"platform-new-enterprises\", \"count\": 20}]", 150000},
	{"putian", "2-city-benchmark", 0, "\"awards\": [\"city-benchmark\"]", 100000},
	{"putian", "2-navigator", 0, "\"awards\": [\"digital-navigator\"]", 200000},
	{"putian", "2-5g-factory", 0, "\"awards\": [\"national-5g-factory\"]", 30000},
	{"putian", "2-advanced-factory", 0, "\"awards\": [\"provincial-advanced-smart-factory\"]",
	 50000},
	{"putian", "2-excellent-factory", 0, "\"awards\": [\"national-excellent-smart-factory\"]",
	 150000},
	{"putian", "2-leading-factory", 0, "\"awards\": [\"leading-smart-factory\"]", 200000},
	{"putian", "2-digital-park", 0, "\"awards\": [\"national-digital-park\"]", 500000},
	{"putian", "3-provider", 0, "\"awards\": [\"excellent-service-provider\"]", 100000},
	{"putian", "3-product", 0,
	 "\"awards\": [{\"id\": \"small-fast-light-product\", \"count\": 3}]", 150000},
	{"putian", "4-ai-product", 0, "\"finance\": {\"ai_product_price\": 800000}", 40000},
	{"putian", "4-ai-quality", 0, "\"awards\": [\"provincial-ai-product\"]", 100000},
	{"putian", "4-ai-compute", 0,
	 "\"awards\": [{\"id\": \"provincial-ai-compute-grant\", \"amount\": 300000}]", 150000},
	{"putian", "5-chain", 0, "\"awards\": [{\"id\": \"chain-smes-transformed\", \"count\": 4}]",
	 200000},
	{"putian", "6-key-tech", 0,
	 "\"awards\": [{\"id\": \"key-tech-project\", \"amount\": 1500000}]", 750000},
	{"putian", "6-key-tech", 0,
	 "\"awards\": [{\"id\": \"key-tech-project\", \"amount\": 3000000}]", 1000000},
	{"putian", "8-training", 0,
	 "\"awards\": [{\"id\": \"provincial-training-grant\", \"amount\": 100000}]", 30000},
	/* Xiamen, 2025-06-01 */
	{"xiamen", "1", 0, "\"finance\": {\"diagnosis_fee\": 50000}", 30000},
	{"xiamen", "2", 0, "\"awards\": [{\"id\": \"chain-smes-transformed\", \"count\": 25}]",
	 1000000},
	{"xiamen", "4", 0,
	 "\"finance\": {\"cloud_annual_fee\": 120000}, \"awards\": [\"first-cloud-use\"]", 120000},
	{"xiamen", "5", 2, "\"finance\": {\"project_spend\": {\"software\": 500000}}", 200000},
	{"xiamen", "7", 0, "\"awards\": [\"national-pilot-demo\"]", 500000},
	{"xiamen", "9", 0, "\"awards\": [{\"id\": \"training-person-days\", \"count\": 100}]",
	 50000},
	/* Pingluo, 2026-03-01 */
	{"pingluo", "1", 3,
	 "\"finance\": {\"batch\": 2, \"project_spend\": {\"software\": 1000000}}", 400000},
	{"pingluo", "2", 0, "\"awards\": [\"pingluo-benchmark\"]", 50000},
	{"pingluo", "3", 0, "\"awards\": [\"region-advanced-smart-factory\"]", 40000},
	{"pingluo", "4", 0, "\"finance\": {\"cloud_annual_fee\": 5000}", 10000},
	{"pingluo", "5", 0, "\"awards\": [{\"id\": \"chain-case\", \"count\": 1}]", 300000},
	{"pingluo", "6", 0, "\"awards\": [\"quality-service-provider\"]", 50000},
	{"pingluo", "7", 0,
	 "\"awards\": [{\"id\": \"process-managed-enterprises\", \"count\": 12}]", 120000},
	{"pingluo", "8-acceptance", 0,
	 "\"awards\": [{\"id\": \"acceptance-enterprises\", \"count\": 20}]", 160000},
	{"pingluo", "8-audit", 0, "\"awards\": [{\"id\": \"audit-enterprises\", \"count\": 20}]",
	 14000},
};

static const char *in_window(const char *id)
{
	return strcmp(id, "jinjiang") == 0  ? "2024-06-01"
	       : strcmp(id, "xiamen") == 0  ? "2025-06-01"
	       : strcmp(id, "pingluo") == 0 ? "2026-03-01"
					    : "2026-06-01";
}

START_TEST(every_clause_pays_what_its_document_says)
{
	const struct clause_case *k = &every_clause[_i];
	subsidy_result *r = calc(k->policy, k->level, in_window(k->policy), k->blocks);
	const subsidy_item *it = item(r, k->clause);
	ck_assert_msg(it->status == SUBSIDY_PAID && it->amount == k->amount,
		      "%s %s: %s %lld, expected %lld (%s)", k->policy, k->clause,
		      subsidy_status_name(it->status), (long long)it->amount, (long long)k->amount,
		      it->detail.en);
	ck_assert_int_eq(r->total, k->amount); /* and nothing else pays */
	subsidy_free(r);
}
END_TEST

/* A clause added to a policy file without a row above fails here. */
START_TEST(every_paying_clause_has_a_case)
{
	for (int p = 0; p < 5; p++) {
		const policy *pl = pol(ids[p]);
		for (size_t i = 0; i < policy_n_clauses(pl); i++) {
			const policy_clause *c = policy_clause_at(pl, i);
			bool found = c->kind == POLICY_RULE_INFO;
			for (size_t k = 0;
			     !found && k < sizeof every_clause / sizeof every_clause[0]; k++)
				found = strcmp(every_clause[k].policy, ids[p]) == 0 &&
					strcmp(every_clause[k].clause, c->id) == 0;
			ck_assert_msg(found, "%s clause %s has no hand-computed case", ids[p],
				      c->id);
		}
	}
}
END_TEST

/* ---- no_text: the same figures without the sentences ---- */

/*
 * Answer blocks beyond the hand-computed cases above, for the paths those do not take: stacking,
 * class and total caps, the spend limit, readings, missing inputs, unused awards.
 */
static const char *const quiet_blocks[] = {
	"",
	PL(1),
	PL(2),
	"\"finance\": {\"project_spend\": {\"software\": 300000}}",
	"\"finance\": {\"batch\": 1, \"project_spend\": {\"software\": 200000, \"hardware\": "
	"200000}}",
	"\"awards\": [{\"id\": \"chain-case\", \"count\": 2}, \"quality-service-provider\", "
	"{\"id\": \"process-managed-enterprises\", \"count\": 10}]",
	QZ_SPEND(4000000, 0, 2000000) ", \"status\": {\"in_standard_park\": true}",
	QZ_SPEND(200003, 0, 0),
	"\"finance\": {\"project_spend\": {\"software\": 800000}, \"revenue_last_year\": "
	"20000000, \"design_contract\": 100000}, \"awards\": [{\"id\": "
	"\"provincial-smart-scene\", \"count\": 4}, \"national-smart-scene\", "
	"\"provincial-design-centre\", \"city-design-centre\", \"high-tech-first\", "
	"\"design-innovation-voucher\"]",
	"\"status\": {\"city_leader\": true}",
	"\"finance\": {\"cloud_annual_fee\": 60000, \"mis_software_spend\": 600000, "
	"\"local_fiscal_contribution\": 70000}, \"status\": {\"above_scale\": true}",
	"\"finance\": {\"cloud_annual_fee\": 60000}, \"status\": {\"above_scale\": false}",
	"\"finance\": {\"mis_software_spend\": 499999}",
	"\"awards\": [{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
	"{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
	"{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
	"{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
	"{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}, "
	"{\"id\": \"quanzhou-5g-demo\", \"amount\": 1000000}]",
	"\"awards\": [\"quanzhou-5g-demo\"]",
	"\"awards\": [{\"id\": \"consulting-diagnosed\", \"count\": 20}, "
	"{\"id\": \"consulting-contracted\", \"count\": 3}]",
	"\"awards\": [{\"id\": \"chain-smes-transformed\", \"count\": 12}, "
	"{\"id\": \"provincial-ai-compute-grant\", \"amount\": 600000}, "
	"{\"id\": \"provincial-training-grant\", \"amount\": 40000}, "
	"{\"id\": \"provincial-training-grant\", \"amount\": 80000}, "
	"\"city-benchmark\", \"provincial-benchmark\", \"national-5g-factory\"], "
	"\"finance\": {\"ai_product_price\": 1000000}",
	"\"finance\": {\"diagnosis_fee\": 120000, \"cloud_annual_fee\": 500000, "
	"\"project_spend\": {\"software\": 600000, \"services\": 400000}}, "
	"\"awards\": [\"first-cloud-use\", \"national-pilot-demo\", "
	"{\"id\": \"training-person-days\", \"count\": 30}]",
	"\"awards\": [\"city-benchmark\", \"first-cloud-use\", \"city-benchmark\"]",
};

#define N_QUIET_BLOCKS (sizeof quiet_blocks / sizeof quiet_blocks[0])
#define N_EVERY_CLAUSE (sizeof every_clause / sizeof every_clause[0])

/* Case _i of the no_text test: the blocks above, then every hand-computed case's. */
static const char *quiet_case(int i)
{
	size_t k = (size_t)i;
	return k < N_QUIET_BLOCKS ? quiet_blocks[k] : every_clause[k - N_QUIET_BLOCKS].blocks;
}

/* "CONFLICT=READING" for each conflict of p, picking the reading the file does not choose. */
static void other_readings(const policy *p, char buf[][64], const char **out)
{
	size_t n = policy_n_conflicts(p);
	ck_assert_uint_lt(n, 8);
	for (size_t i = 0; i < n; i++) {
		const policy_conflict *k = policy_conflict_at(p, i);
		int other = strcmp(k->chosen, k->readings[0].id) == 0;
		snprintf(buf[i], 64, "%s=%s", k->id, k->readings[other].id);
		out[i] = buf[i];
	}
	out[n] = NULL;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/*
 * The comparisons below take a result computed with no_text (a) and one without (b), and say
 * why they differ in why[WHY_SIZE]. One assertion per pair of results: Check records every
 * assertion, and a million of them would make the suite slow under valgrind.
 */
#define WHY_SIZE 320

static bool same_figures(const subsidy_item *a, const subsidy_item *b)
{
	bool same =
		a->clause == b->clause && a->id == b->id && a->number == b->number &&
		a->title == b->title && a->text == b->text && a->kind == b->kind &&
		a->stacking_class == b->stacking_class && a->status == b->status &&
		a->base == b->base && a->base_is_count == b->base_is_count &&
		a->rate_bp == b->rate_bp && a->cap == b->cap && a->count == b->count &&
		a->computed == b->computed && a->amount == b->amount && a->capped == b->capped &&
		same_str(a->stacked_with, b->stacked_with) && same_str(a->reading, b->reading) &&
		a->other_reading_amount == b->other_reading_amount && a->n_shares == b->n_shares;
	for (size_t i = 0; same && i < a->n_shares; i++)
		same = a->shares[i].payer == b->shares[i].payer &&
		       a->shares[i].parts == b->shares[i].parts &&
		       a->shares[i].amount == b->shares[i].amount;
	return same;
}

/* A sentence is written only with texts: none in a, both languages in b. `what` and id name
 * its clause or warning in why. */
static bool text_only_with_texts(const qn_text *a, const qn_text *b, const char *what,
				 const char *id, char *why)
{
	if (a->zh || a->en)
		snprintf(why, WHY_SIZE, "%s %s: a text without texts: %s", what, id,
			 qn_text_get(a, QN_LANG_EN));
	else if (!b->zh || !b->en)
		snprintf(why, WHY_SIZE, "%s %s: no text with texts", what, id);
	else
		return true;
	return false;
}

static bool same_item(const subsidy_item *a, const subsidy_item *b, char *why)
{
	if (same_figures(a, b))
		return text_only_with_texts(&a->detail, &b->detail, "clause", b->id, why);
	snprintf(why, WHY_SIZE, "clause %s: %s %lld without texts, %s %lld with (%s)", a->id,
		 subsidy_status_name(a->status), (long long)a->amount,
		 subsidy_status_name(b->status), (long long)b->amount,
		 qn_text_get(&b->detail, QN_LANG_EN));
	return false;
}

static bool same_head(const subsidy_result *a, const subsidy_result *b, char *why)
{
	if (a->policy != b->policy || a->policy_id != b->policy_id || a->title != b->title ||
	    a->issuer != b->issuer || !same_str(a->date, b->date) || a->window != b->window ||
	    a->level != b->level || a->level_overridden != b->level_overridden)
		snprintf(why, WHY_SIZE, "the policy, date, window or level differs");
	else if (a->total != b->total || a->total_before_cap != b->total_before_cap)
		snprintf(why, WHY_SIZE,
			 "total %lld (%lld before the cap) without texts, %lld (%lld) with",
			 (long long)a->total, (long long)a->total_before_cap, (long long)b->total,
			 (long long)b->total_before_cap);
	else if (a->budget != b->budget || !same_str(a->budget_period, b->budget_period) ||
		 a->budget_binding != b->budget_binding)
		snprintf(why, WHY_SIZE, "the budget differs");
	else if (a->n_items != b->n_items || a->n_conflicts != b->n_conflicts ||
		 a->n_warnings != b->n_warnings || a->n_budget_lines != b->n_budget_lines)
		snprintf(why, WHY_SIZE,
			 "%zu/%zu/%zu/%zu items/conflicts/warnings/budget lines without texts, "
			 "%zu/%zu/%zu/%zu with",
			 a->n_items, a->n_conflicts, a->n_warnings, a->n_budget_lines, b->n_items,
			 b->n_conflicts, b->n_warnings, b->n_budget_lines);
	else
		return true;
	return false;
}

static bool same_conflict(const subsidy_conflict *a, const subsidy_conflict *b, char *why)
{
	if (same_str(a->id, b->id) && a->about == b->about &&
	    same_str(a->chosen_id, b->chosen_id) && a->chosen == b->chosen &&
	    same_str(a->other_id, b->other_id) && a->other == b->other &&
	    a->total_other == b->total_other)
		return true;
	snprintf(why, WHY_SIZE,
		 "conflict %s: %lld under the other reading without texts, %lld with", b->id,
		 (long long)a->total_other, (long long)b->total_other);
	return false;
}

static bool same_warning(const subsidy_warning *a, const subsidy_warning *b, char *why)
{
	if (same_str(a->code, b->code))
		return text_only_with_texts(&a->text, &b->text, "warning", b->code, why);
	snprintf(why, WHY_SIZE, "warning %s without texts, %s with", a->code, b->code);
	return false;
}

static bool same_line(const subsidy_budget_line *a, const subsidy_budget_line *b, char *why)
{
	if (a->name == b->name && a->budget == b->budget && a->claimed == b->claimed)
		return true;
	snprintf(why, WHY_SIZE, "budget line %s claims %lld without texts, %lld with",
		 qn_text_get(b->name, QN_LANG_EN), (long long)a->claimed, (long long)b->claimed);
	return false;
}

/* The JSON of a result less its sentences: catches a field the comparisons above miss. */
static cJSON *json_without_texts(const subsidy_result *r)
{
	cJSON *j = subsidy_to_json(r, QN_LANG_EN), *e;
	ck_assert_ptr_nonnull(j);
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "items"))
		cJSON_DeleteItemFromObject(e, "detail");
	cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "warnings"))
		cJSON_DeleteItemFromObject(e, "text");
	return j;
}

static bool same_json(const subsidy_result *a, const subsidy_result *b, char *why)
{
	cJSON *ja = json_without_texts(a), *jb = json_without_texts(b);
	bool same = cJSON_Compare(ja, jb, true);
	if (!same)
		snprintf(why, WHY_SIZE, "the JSON differs");
	cJSON_Delete(ja);
	cJSON_Delete(jb);
	return same;
}

static bool same_result(const subsidy_result *a, const subsidy_result *b, char *why)
{
	if (!same_head(a, b, why))
		return false;
	for (size_t i = 0; i < a->n_items; i++)
		if (!same_item(&a->items[i], &b->items[i], why))
			return false;
	for (size_t i = 0; i < a->n_conflicts; i++)
		if (!same_conflict(&a->conflicts[i], &b->conflicts[i], why))
			return false;
	for (size_t i = 0; i < a->n_warnings; i++)
		if (!same_warning(&a->warnings[i], &b->warnings[i], why))
			return false;
	for (size_t i = 0; i < a->n_budget_lines; i++)
		if (!same_line(&a->budget_lines[i], &b->budget_lines[i], why))
			return false;
	return true;
}

/* Computes a with and without no_text and checks that only the sentences differ. */
static void ck_quiet_is_same(const char *id, const subsidy_options *o, const answers *a, bool json,
			     const char *what)
{
	subsidy_options q = *o;
	assess_error err = {0};
	char why[WHY_SIZE];
	q.no_text = true;
	subsidy_result *quiet = subsidy_compute(pol(id), a, &q, &err);
	subsidy_result *full = quiet ? subsidy_compute(pol(id), a, o, &err) : NULL;
	ck_assert_msg(quiet && full, "%s: %s", what, err.msg);
	ck_assert_msg(same_result(quiet, full, why) && (!json || same_json(quiet, full, why)),
		      "%s: %s", what, why);
	subsidy_free(quiet);
	subsidy_free(full);
}

/*
 * Every installed policy, at a date in its window, before and after every window, and on the
 * day Jinjiang's retroactive start reaches back to; at several levels, with --level given, and
 * with the other reading of every conflict.
 */
START_TEST(no_text_changes_no_figure)
{
	static const char *const dates[] = {NULL, "2020-01-01", "2023-01-01", "2030-01-01"};
	static const struct {
		int level;
		bool overridden, other_readings;
	} variants[] = {{0, false, false}, {2, false, true}, {3, true, false}, {4, false, false}};
	assess_error err = {0};
	size_t n_ids;
	char **listed = policy_list(POLICIES_DIR, &n_ids, &err);
	ck_assert_msg(listed && n_ids > 0, "%s", err.msg);
	for (size_t p = 0; p < n_ids; p++) {
		char buf[8][64], what[160];
		const char *readings[9];
		answers *a = sub_answers(listed[p], quiet_case(_i));
		other_readings(pol(listed[p]), buf, readings);
		for (size_t d = 0; d < sizeof dates / sizeof dates[0]; d++) {
			for (size_t v = 0; v < sizeof variants / sizeof variants[0]; v++) {
				subsidy_options o = {.level = variants[v].level,
						     .level_overridden = variants[v].overridden,
						     .date = dates[d] ? dates[d]
								      : in_window(listed[p]),
						     .readings = variants[v].other_readings
									 ? readings
									 : NULL};
				snprintf(what, sizeof what, "%s %s level %d, case %d", listed[p],
					 o.date, o.level, _i);
				/* The JSON costs nine tenths of the time: once a policy. */
				ck_quiet_is_same(listed[p], &o, a, d == 0 && v == 1, what);
			}
		}
		free(listed[p]);
		answers_free(a);
	}
	free(listed);
}
END_TEST

TCase *make_subsidy_tcase(void)
{
	const TTest *tests1[] = {rate_rounds_down_exactly,     json_output,
				 text_output_names_the_reason, text_output_escapes_the_policy_text,
				 options_are_checked,          NULL};
	const TTest *tests2[] = {every_paying_clause_has_a_case, NULL};
	const TTest *tests3[] = {NULL};
	TCase *tc = test_tcase("subsidy", NULL, NULL, 0, tests1);
	tcase_add_loop_test(tc, every_clause_pays_what_its_document_says, 0,
			    (int)(sizeof every_clause / sizeof every_clause[0]));
	test_tcase_add(tc, tests2);
	tcase_add_loop_test(tc, no_text_changes_no_figure, 0,
			    (int)(N_QUIET_BLOCKS + N_EVERY_CLAUSE));
	test_tcase_add(tc, tests3);
	return tc;
}

/* ---- the finance, status and awards blocks ---- */

/* Rejected with the JSON path and a message containing `fragment`. */
static void expect_bad(const char *blocks, const char *path, const char *fragment)
{
	answers *a = sub_answers_raw(blocks);
	assess_error err = {0};
	ck_assert_int_eq(subsidy_check_inputs(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, path);
	ck_assert_msg_has(&err, fragment);
	subsidy_options o = {.level = 2, .date = "2026-03-01"};
	ck_assert_ptr_null(subsidy_compute(pol("pingluo"), a, &o, &err));
	answers_free(a);
}

START_TEST(bad_finance)
{
	expect_bad("\"finance\": {\"cloud_annual_fee\": -1}", "$.finance.cloud_annual_fee",
		   "a number out of range");
	expect_bad("\"finance\": {\"cloud_annual_fee\": 1.5}", "$.finance.cloud_annual_fee",
		   "a fraction");
	expect_bad("\"finance\": {\"cloud_annual_fee\": \"50000\"}", "$.finance.cloud_annual_fee",
		   "got a string");
	expect_bad("\"finance\": {\"cloud_fee\": 1}", "$.finance.cloud_fee", "unknown key");
	expect_bad("\"finance\": {\"project_spend\": {\"software\": 1, \"land\": 2}}",
		   "$.finance.project_spend.land", "unknown key \"land\" in project_spend");
	expect_bad("\"finance\": {\"project_spend\": 5}", "$.finance.project_spend",
		   "expected an object");
	expect_bad("\"finance\": {\"batch\": 0}", "$.finance.batch", "a batch number");
	expect_bad("\"finance\": []", "$.finance", "expected an object, got an array");
}
END_TEST

START_TEST(bad_status_and_awards)
{
	expect_bad("\"status\": {\"in_park\": true}", "$.status.in_park", "unknown key");
	expect_bad("\"status\": {\"city_leader\": 1}", "$.status.city_leader", "true or false");
	expect_bad("\"enterprise\": {\"name\": \"甲\", \"above_scale\": false}, "
		   "\"status\": {\"above_scale\": true}",
		   "$.status.above_scale", "contradicts");
	expect_bad("\"awards\": {}", "$.awards", "expected an array");
	expect_bad("\"awards\": [\"a\", 3]", "$.awards[1]", "expected an award id");
	expect_bad("\"awards\": [{\"count\": 2}]", "$.awards[0]", "needs \"id\"");
	expect_bad("\"awards\": [{\"id\": \"a\", \"count\": 0}]", "$.awards[0].count",
		   "expected a count");
	expect_bad("\"awards\": [{\"id\": \"a\", \"year\": 2024}]", "$.awards[0].year",
		   "unknown key \"year\"");
	expect_bad("\"awards\": [\"../x\"]", "$.awards[0]", "is not an award id");
}
END_TEST

/*
 * The answers keep the status block as the policies' JSON and do not know its flags (they are
 * a layer below): a flag the policies do not know can be set through them, and it is the
 * policies' check that refuses it, at its path, before any subsidy is worked out from it.
 */
START_TEST(unknown_status_flag_set_through_the_answers_is_refused)
{
	answers *a = sub_answers_raw("");
	assess_error err = {0};
	ck_assert_int_eq(answers_set_status_flag(a, "in_park", 1), ASSESS_OK);
	ck_assert_int_eq(subsidy_check_inputs(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.status.in_park");
	ck_assert_msg_has(&err, "unknown key \"in_park\" in status");
	subsidy_options o = {.level = 2, .date = "2026-03-01"};
	ck_assert_ptr_null(subsidy_compute(pol("pingluo"), a, &o, &err));
	/* every flag the policies name is one the answers take */
	for (int st = 0; st < POLICY_STATUS_MAX; st++)
		ck_assert_int_eq(answers_set_status_flag(a, policy_status_name((policy_status)st),
							 -1),
				 ASSESS_OK);
	ck_assert_int_eq(answers_set_status_flag(a, "in_park", -1), ASSESS_OK);
	ck_assert_ok(subsidy_check_inputs(a, &err), &err);
	answers_free(a);
}
END_TEST

START_TEST(enterprise_above_scale_is_used)
{
	ck_pays_once(calc("jinjiang", 0, "2024-06-01",
			  "\"enterprise\": {\"name\": \"甲\", \"above_scale\": true}, "
			  "\"finance\": {\"cloud_annual_fee\": 60000}"),
		     "2-3", SUBSIDY_PAID, 30000);
}
END_TEST

START_TEST(unused_awards_are_named)
{
	subsidy_result *r =
		calc("xiamen", 2, "2025-06-01",
		     "\"awards\": [\"city-benchmark\", \"first-cloud-use\", \"city-benchmark\"]");
	ck_assert(warned(r, "unused-award"));
	for (size_t i = 0; i < r->n_warnings; i++)
		if (strcmp(r->warnings[i].code, "unused-award") == 0)
			ck_assert_str_eq(r->warnings[i].text.en,
					 "This policy does not read these awards: city-benchmark");
	subsidy_free(r);
}
END_TEST

TCase *make_subsidy_inputs_tcase(void)
{
	const TTest *tests[] = {bad_finance,
				bad_status_and_awards,
				unknown_status_flag_set_through_the_answers_is_refused,
				enterprise_above_scale_is_used,
				unused_awards_are_named,
				NULL};
	return test_tcase("subsidy-inputs", NULL, NULL, 0, tests);
}
