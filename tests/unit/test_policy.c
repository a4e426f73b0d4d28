/* policies/: the definition loader, its checks with file:line, and the five shipped files. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include "policies/policy.h"
#include "tests/unit/test.h"

/* A minimal valid policy around the pieces a test varies. */
#define HEAD                                                         \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"               \
	"<policy format=\"1\" id=\"t\" version=\"1\">\n"             \
	"<title><zh>测试政策</zh><en>Test policy</en></title>\n" \
	"<issuer><zh>测试市</zh></issuer>\n"                      \
	"<source><zh>单元测试</zh></source>\n"
#define WINDOW "<window from=\"2025-01-01\" to=\"2025-12-31\"/>\n"
#define AWARDS "<awards><award id=\"a\"><zh>甲奖</zh></award></awards>\n"
#define CLAUSE(id, body)                                                          \
	"<clause id=\"" id "\" number=\"一\">\n<title><zh>条款</zh></title>\n" \
	"<text><zh>释义</zh></text>\n" body "</clause>\n"
#define TAIL "</policy>\n"
#define RATE "<rate base=\"cloud_annual_fee\" rate=\"30%\" cap=\"100000\"/>\n"

/* 1-based line of the first occurrence of needle. */
static int line_of(const char *text, const char *needle)
{
	const char *at = strstr(text, needle);
	ck_assert_msg(at != NULL, "test bug: \"%s\" not in the document", needle);
	int line = 1;
	for (const char *p = text; p < at; p++)
		line += *p == '\n';
	return line;
}

static policy *load(const char *xml)
{
	assess_error err = {0};
	policy *p = policy_load_memory(xml, strlen(xml), "t.xml", &err);
	ck_assert_msg(p != NULL, "rejected: %s (line %d)", err.msg, err.line);
	return p;
}

/* Rejected, at the line of `needle` (when given), with a message containing `fragment`. */
static void expect_fail(const char *xml, const char *needle, const char *fragment)
{
	assess_error err = {0};
	policy *p = policy_load_memory(xml, strlen(xml), "t.xml", &err);
	ck_assert_msg(p == NULL, "accepted a document that should fail with \"%s\"", fragment);
	ck_assert_msg_has(&err, fragment);
	ck_assert_str_eq(err.file, "t.xml");
	if (needle)
		ck_assert_int_eq(err.line, line_of(xml, needle));
}

START_TEST(minimal_policy_loads)
{
	policy *p = load(HEAD WINDOW CLAUSE("1", RATE) TAIL);
	ck_assert_str_eq(policy_id(p), "t");
	ck_assert_uint_eq(policy_n_clauses(p), 1);
	const policy_clause *c = policy_clause_at(p, 0);
	ck_assert_int_eq(c->kind, POLICY_RULE_RATE);
	ck_assert_int_eq(c->cases[0].rate_bp, 3000);
	ck_assert_int_eq(c->cases[0].cap, 100000);
	ck_assert_int_eq(c->base[0].field, POLICY_F_CLOUD_FEE);
	ck_assert_int_eq(policy_window_get(p)->from, 20250101);
	ck_assert_int_eq(policy_window_get(p)->to, 20251231);
	ck_assert_str_eq(policy_title(p)->en, "Test policy");
	ck_assert_ptr_null(policy_issuer(p)->en);
	policy_free(p);
}
END_TEST

START_TEST(unknown_rule_kind_fails_schema_with_line)
{
	const char *xml =
		HEAD WINDOW CLAUSE("1", "<percent base=\"cloud_annual_fee\" rate=\"30%\"/>\n") TAIL;
	assess_error err = {0};
	ck_assert_ptr_null(policy_load_memory(xml, strlen(xml), "t.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_SCHEMA);
	ck_assert_int_eq(err.line, line_of(xml, "<percent"));
	ck_assert_msg_has(&err, "percent");
}
END_TEST

START_TEST(overlapping_tiers_fail_at_the_second)
{
	const char *xml =
		HEAD WINDOW CLAUSE("1",
				   "<tiers base=\"mis_software_spend\">\n"
				   "<tier from=\"500000\" through=\"1000000\" yuan=\"50000\"/>\n"
				   "<tier from=\"1000000\" yuan=\"100000\"/>\n"
				   "</tiers>\n") TAIL;
	expect_fail(xml, "<tier from=\"1000000\"",
		    "overlaps the tier \"from 500,000 through "
		    "1,000,000\"");
}
END_TEST

START_TEST(adjacent_tiers_do_not_overlap)
{
	/* under 1,000,000 / from 1,000,000; through 100,000 / over 100,000: each amount falls
	 * in one tier. */
	policy *p = load(
		HEAD WINDOW CLAUSE("1", "<tiers base=\"mis_software_spend\">\n"
					"<tier from=\"500000\" under=\"1000000\" yuan=\"50000\"/>\n"
					"<tier from=\"1000000\" yuan=\"100000\"/>\n"
					"</tiers>\n")
			CLAUSE("2", "<tiers base=\"cloud_annual_fee\">\n"
				    "<tier over=\"50000\" through=\"100000\" yuan=\"30000\"/>\n"
				    "<tier over=\"100000\" yuan=\"60000\"/>\n"
				    "</tiers>\n") TAIL);
	const policy_tier *t = policy_clause_at(p, 1)->tiers;
	ck_assert(!t[0].range.lo.inclusive && t[0].range.hi.inclusive);
	ck_assert(!t[1].range.lo.inclusive && !t[1].range.hi.present);
	policy_free(p);
}
END_TEST

START_TEST(overlap_of_exclusive_bounds_by_one)
{
	/* over 50,000 through 100,000 and from 100,000: 100,000 is in both. */
	expect_fail(HEAD WINDOW CLAUSE("1",
				       "<tiers base=\"cloud_annual_fee\">\n"
				       "<tier over=\"50000\" through=\"100000\" yuan=\"30000\"/>\n"
				       "<tier from=\"100000\" yuan=\"60000\"/>\n"
				       "</tiers>\n") TAIL,
		    "<tier from=\"100000\"", "overlaps");
}
END_TEST

START_TEST(empty_range_fails)
{
	expect_fail(HEAD WINDOW CLAUSE("1",
				       "<tiers base=\"cloud_annual_fee\">\n"
				       "<tier over=\"100\" under=\"101\" yuan=\"1\"/>\n</tiers>\n")
			    TAIL,
		    "<tier over", "the bounds leave no amount");
}
END_TEST

START_TEST(negative_rate_fails)
{
	expect_fail(HEAD WINDOW CLAUSE(
			    "1", "<rate base=\"cloud_annual_fee\" rate=\"-30%\" cap=\"100000\"/>\n")
			    TAIL,
		    "rate=\"-30%\"", "rate=\"-30%\" is negative");
}
END_TEST

START_TEST(rate_over_100_percent_fails)
{
	expect_fail(HEAD WINDOW CLAUSE("1", "<rate base=\"cloud_annual_fee\" rate=\"150%\"/>\n")
			    TAIL,
		    "rate=\"150%\"", "over 100%");
}
END_TEST

START_TEST(negative_amount_fails)
{
	expect_fail(HEAD WINDOW CLAUSE("1",
				       "<rate base=\"cloud_annual_fee\" rate=\"30%\" cap=\"-1\"/>\n")
			    TAIL,
		    "cap=\"-1\"", "cap=\"-1\" is negative");
}
END_TEST

START_TEST(missing_window_fails)
{
	expect_fail(HEAD CLAUSE("1", RATE) TAIL, "<policy", "has no <window>");
}
END_TEST

START_TEST(window_backwards_fails)
{
	expect_fail(HEAD "<window from=\"2026-01-01\" to=\"2025-12-31\"/>\n" CLAUSE("1", RATE) TAIL,
		    "<window", "ends (2025-12-31) before it starts");
}
END_TEST

START_TEST(window_impossible_date_fails)
{
	expect_fail(HEAD "<window from=\"2025-02-29\" to=\"2025-12-31\"/>\n" CLAUSE("1", RATE) TAIL,
		    "<window", "not a real date");
}
END_TEST

START_TEST(window_forms)
{
	policy *p =
		load(HEAD "<window from=\"2025-12\" to=\"2026-09-30\"/>\n" CLAUSE("1", RATE) TAIL);
	ck_assert_int_eq(policy_window_get(p)->from_kind, POLICY_FROM_MONTH);
	ck_assert_int_eq(policy_window_get(p)->from, 20251201);
	policy_free(p);
	p = load(HEAD "<window from=\"issue\" to=\"2027-03-31\"/>\n" CLAUSE("1", RATE) TAIL);
	ck_assert_int_eq(policy_window_get(p)->from_kind, POLICY_FROM_ISSUE);
	ck_assert_int_eq(policy_window_get(p)->from, 0);
	policy_free(p);
	/* One line: libxml2 gives an element the line where its start tag ends. */
	expect_fail(HEAD "<window from=\"issue\" to=\"2027-03-31\" "
			 "retroactive-from=\"2023-01-01\"/>\n" CLAUSE("1", RATE) TAIL,
		    "<window", "retroactive-from must be");
}
END_TEST

START_TEST(undeclared_award_fails)
{
	expect_fail(HEAD WINDOW AWARDS CLAUSE("1", "<requires award=\"b\"/>\n<fixed yuan=\"1\"/>\n")
			    TAIL,
		    "<requires award=\"b\"", "award \"b\" is not declared");
}
END_TEST

START_TEST(unknown_finance_field_fails)
{
	expect_fail(HEAD WINDOW CLAUSE("1", "<rate base=\"cloud_fee\" rate=\"30%\"/>\n") TAIL,
		    "<rate", "unknown finance field \"cloud_fee\"");
}
END_TEST

START_TEST(unknown_status_fails)
{
	expect_fail(HEAD WINDOW CLAUSE("1", "<requires status=\"in_park\"/>\n" RATE) TAIL,
		    "<requires", "unknown status \"in_park\"");
}
END_TEST

START_TEST(undeclared_class_fails)
{
	expect_fail(HEAD WINDOW
		    "<clause id=\"1\" number=\"一\" class=\"x\">\n<title><zh>T</zh></title>\n"
		    "<text><zh>T</zh></text>\n" RATE "</clause>\n" TAIL,
		    "<clause id=\"1\"", "class \"x\" is not declared");
}
END_TEST

START_TEST(duplicate_clause_id_fails)
{
	const char *xml = HEAD WINDOW CLAUSE("1", RATE) CLAUSE("1", RATE) TAIL;
	assess_error err = {0};
	ck_assert_ptr_null(policy_load_memory(xml, strlen(xml), "t.xml", &err));
	ck_assert_msg_has(&err, "clause id \"1\" is used twice");
	ck_assert_int_gt(err.line, line_of(xml, "<clause"));
}
END_TEST

#define CONFLICT(chosen)                                         \
	"<conflicts><conflict id=\"c\" chosen=\"" chosen "\">\n" \
	"<about><zh>不一致</zh></about>\n"                    \
	"<reading id=\"body\"><zh>正文</zh></reading>\n"       \
	"<reading id=\"table\"><zh>表</zh></reading>\n"         \
	"</conflict></conflicts>\n"

START_TEST(conflict_must_choose_one_of_its_readings)
{
	expect_fail(HEAD WINDOW CONFLICT("tabel") CLAUSE("1", RATE) TAIL, "<conflict id",
		    "chosen=\"tabel\" is neither reading");
}
END_TEST

START_TEST(case_reading_must_be_declared)
{
	expect_fail(HEAD WINDOW CONFLICT("body")
			    CLAUSE("1", "<rate base=\"cloud_annual_fee\">\n"
					"<case reading=\"annex\" rate=\"10%\"/>\n</rate>\n") TAIL,
		    "<case reading", "reading \"annex\" is not declared");
}
END_TEST

START_TEST(conflict_loads_with_both_readings)
{
	policy *p = load(HEAD WINDOW CONFLICT("table") CLAUSE(
		"1", "<rate base=\"cloud_annual_fee\">\n<case reading=\"body\" rate=\"60%\"/>\n"
		     "<case reading=\"table\" rate=\"50%\"/>\n</rate>\n") TAIL);
	const policy_conflict *c = policy_conflict_at(p, 0);
	ck_assert_str_eq(c->chosen, "table");
	ck_assert_str_eq(c->readings[0].id, "body");
	ck_assert_str_eq(c->readings[1].text.zh, "表");
	policy_free(p);
}
END_TEST

START_TEST(unreachable_case_fails)
{
	expect_fail(HEAD WINDOW CLAUSE("1",
				       "<rate base=\"cloud_annual_fee\">\n<case rate=\"10%\"/>\n"
				       "<case min-level=\"3\" rate=\"20%\"/>\n</rate>\n") TAIL,
		    "<case min-level", "can never apply");
}
END_TEST

START_TEST(fixed_grant_needs_a_condition)
{
	expect_fail(HEAD WINDOW CLAUSE("1", "<fixed yuan=\"100000\"/>\n") TAIL, "<fixed",
		    "needs a condition");
}
END_TEST

START_TEST(rate_rule_shapes_are_checked)
{
	expect_fail(HEAD WINDOW AWARDS CLAUSE("1", "<rate base=\"count:a\" rate=\"10%\"/>\n") TAIL,
		    "<rate", "count:ID belongs in");
	expect_fail(HEAD WINDOW AWARDS
			    CLAUSE("1", "<rate base=\"award:a cloud_annual_fee\" rate=\"10%\"/>\n")
				    TAIL,
		    "<rate", "cannot be added to other terms");
	expect_fail(HEAD WINDOW CLAUSE(
			    "1", "<rate base=\"cloud_annual_fee\" rate=\"10%\" total-cap=\"5\"/>\n")
			    TAIL,
		    "<rate", "total-cap limits");
	expect_fail(HEAD WINDOW AWARDS CLAUSE("1",
					      "<per-item count=\"cloud_annual_fee\" yuan=\"1\"/>\n")
			    TAIL,
		    "<per-item", "counts count:ID");
}
END_TEST

START_TEST(budget_lines_must_add_up_and_name_clauses)
{
	expect_fail(HEAD WINDOW
		    "<budget yuan=\"100\" period=\"programme\" binding=\"true\"><zh>预算</zh>\n"
		    "<line yuan=\"60\" clauses=\"1\"><zh>甲</zh></line>\n"
		    "<line yuan=\"30\" clauses=\"1\"><zh>乙</zh></line>\n</budget>\n" CLAUSE("1",
											     RATE)
			    TAIL,
		    "<budget", "add up to 90 yuan, not the budget's 100");
	expect_fail(HEAD WINDOW
		    "<budget yuan=\"100\" period=\"year\" binding=\"false\"><zh>预算</zh>\n"
		    "<line yuan=\"100\" clauses=\"9\"><zh>甲</zh></line>\n</budget>\n" CLAUSE("1",
											      RATE)
			    TAIL,
		    "<line", "names clause \"9\"");
}
END_TEST

START_TEST(project_needs_a_class)
{
	expect_fail(HEAD WINDOW
		    "<clause id=\"1\" number=\"一\" project=\"p\">\n<title><zh>T</zh></title>\n"
		    "<text><zh>T</zh></text>\n" RATE "</clause>\n" TAIL,
		    "<clause", "add class=");
}
END_TEST

START_TEST(doctype_is_refused)
{
	const char *xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE policy [<!ENTITY x \"y\">]>\n"
			  "<policy format=\"1\" id=\"t\" version=\"1\"/>\n";
	assess_error err = {0};
	ck_assert_ptr_null(policy_load_memory(xml, strlen(xml), "t.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_SYNTAX);
	ck_assert_msg_has(&err, "DOCTYPE");
}
END_TEST

START_TEST(parse_rate_exact)
{
	int bp = 0;
	ck_assert(policy_parse_rate("50%", &bp) && bp == 5000);
	ck_assert(policy_parse_rate("12.5%", &bp) && bp == 1250);
	ck_assert(policy_parse_rate("0.05%", &bp) && bp == 5);
	ck_assert(policy_parse_rate("100%", &bp) && bp == 10000);
	ck_assert(policy_parse_rate("-5%", &bp) && bp == -500);
	ck_assert(!policy_parse_rate("50", &bp));
	ck_assert(!policy_parse_rate("1.234%", &bp));
	ck_assert(!policy_parse_rate("%", &bp));
	ck_assert(!policy_parse_rate("1e2%", &bp));
}
END_TEST

START_TEST(window_description)
{
	policy_window w = {.from_kind = POLICY_FROM_MONTH,
			   .from = 20251201,
			   .to = 20260930,
			   .from_text = "2025-12",
			   .to_text = "2026-09-30"};
	char buf[160];
	policy_window_describe(&w, QN_LANG_ZH, buf, sizeof buf);
	ck_assert_str_eq(buf, "自 2025-12（日未定）起至 2026-09-30");
	w = (policy_window){.from_kind = POLICY_FROM_DAY,
			    .from = 20230501,
			    .to = 20241231,
			    .retroactive_from = 20230101,
			    .from_text = "2023-05-01",
			    .to_text = "2024-12-31"};
	policy_window_describe(&w, QN_LANG_EN, buf, sizeof buf);
	ck_assert_str_eq(buf, "from 2023-05-01 to 2024-12-31 (back to 2023-01-01)");
}
END_TEST

TCase *make_policy_tcase(void)
{
	const TTest *tests[] = {minimal_policy_loads,
				unknown_rule_kind_fails_schema_with_line,
				overlapping_tiers_fail_at_the_second,
				adjacent_tiers_do_not_overlap,
				overlap_of_exclusive_bounds_by_one,
				empty_range_fails,
				negative_rate_fails,
				rate_over_100_percent_fails,
				negative_amount_fails,
				missing_window_fails,
				window_backwards_fails,
				window_impossible_date_fails,
				window_forms,
				undeclared_award_fails,
				unknown_finance_field_fails,
				unknown_status_fails,
				undeclared_class_fails,
				duplicate_clause_id_fails,
				conflict_must_choose_one_of_its_readings,
				case_reading_must_be_declared,
				conflict_loads_with_both_readings,
				unreachable_case_fails,
				fixed_grant_needs_a_condition,
				rate_rule_shapes_are_checked,
				budget_lines_must_add_up_and_name_clauses,
				project_needs_a_class,
				doctype_is_refused,
				parse_rate_exact,
				window_description,
				NULL};
	return test_tcase("policy", NULL, NULL, 0, tests);
}

/* ---- the shipped definitions ---- */

static policy *shipped(const char *id)
{
	assess_error err = {0};
	policy *p = policy_open(id, POLICIES_DIR, &err);
	ck_assert_msg(p != NULL, "%s: %s (line %d)", id, err.msg, err.line);
	return p;
}

START_TEST(shipped_policies_load)
{
	static const struct {
		const char *id;
		size_t clauses;
		int to;
	} want[] = {{"quanzhou", 33, 20270331},
		    {"jinjiang", 12, 20241231},
		    {"putian", 19, 20291231},
		    {"xiamen", 12, 20251231},
		    {"pingluo", 9, 20260930}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		policy *p = shipped(want[i].id);
		ck_assert_uint_eq(policy_n_clauses(p), want[i].clauses);
		ck_assert_int_eq(policy_window_get(p)->to, want[i].to);
		for (size_t k = 0; k < policy_n_clauses(p); k++) {
			const policy_clause *c = policy_clause_at(p, k);
			ck_assert_msg(c->title.en && c->text.en, "%s %s lacks English", want[i].id,
				      c->id);
		}
		policy_free(p);
	}
}
END_TEST

START_TEST(shipped_windows)
{
	policy *p = shipped("jinjiang");
	ck_assert_int_eq(policy_window_get(p)->from, 20230501);
	ck_assert_int_eq(policy_window_get(p)->retroactive_from, 20230101);
	policy_free(p);
	p = shipped("pingluo");
	ck_assert_int_eq(policy_window_get(p)->from_kind, POLICY_FROM_MONTH);
	ck_assert_int_eq(policy_window_get(p)->from, 20251201);
	ck_assert_uint_eq(policy_n_conflicts(p), 4);
	ck_assert_str_eq(policy_conflict_at(p, 0)->chosen, "body");
	ck_assert_int_eq(policy_conflict_at(p, 3)->kind, POLICY_CONFLICT_AMBIGUITY);
	ck_assert_uint_eq(policy_n_spend_limits(p), 2);
	ck_assert_int_eq(policy_budget(p), 28000000);
	ck_assert_int_eq(policy_spend_limit_at(p, 0)->max_bp, 3000);
	policy_free(p);
	p = shipped("quanzhou");
	ck_assert_int_eq(policy_window_get(p)->from_kind, POLICY_FROM_ISSUE);
	policy_free(p);
}
END_TEST

START_TEST(policy_list_finds_the_five)
{
	assess_error err = {0};
	size_t n = 0;
	char **ids = policy_list("/nonexistent:" POLICIES_DIR ":" POLICIES_DIR, &n, &err);
	ck_assert_ptr_nonnull(ids);
	ck_assert_uint_eq(n, 5);
	static const char *const want[] = {"jinjiang", "pingluo", "putian", "quanzhou", "xiamen"};
	for (size_t i = 0; i < n; i++) {
		ck_assert_str_eq(ids[i], want[i]);
		free(ids[i]);
	}
	free(ids);
}
END_TEST

/* A policy whose licence comment names an element is still listed; a questionnaire is not. */
START_TEST(policy_list_reads_past_comments)
{
	test_dir_make();
	test_write_file(test_in_dir("commented.xml"),
			"<?xml version=\"1.0\"?>\n<!-- after <questionnaire> went -->\n<policy/>\n");
	test_write_file(test_in_dir("form.xml"), "<!-- not a <policy> -->\n<questionnaire/>\n");
	assess_error err = {0};
	size_t n = 0;
	char **ids = policy_list(test_dir, &n, &err);
	ck_assert_ptr_nonnull(ids);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(ids[0], "commented");
	free(ids[0]);
	free(ids);
	test_dir_remove();
}
END_TEST

START_TEST(policy_open_errors)
{
	assess_error err = {0};
	ck_assert_ptr_null(policy_open("nowhere", POLICIES_DIR, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_NOTFOUND);
	ck_assert_msg_has(&err, "policy \"nowhere\" is not installed");
	ck_assert_ptr_null(policy_open("..", POLICIES_DIR, &err));
	ck_assert_msg_has(&err, "is not a policy id");
}
END_TEST

/* Clause numbers for an English reader: one rendering for every shape the documents use. */
START_TEST(clause_numbers_in_english)
{
	static const char *const cases[][2] = {
		{"（一）", "Clause 1"},
		{"（十）", "Clause 10"},
		{"（十七）", "Clause 17"},
		{"（二十一）", "Clause 21"},
		{"十二", "Clause 12"},
		{"五", "Clause 5"},
		{"二（三）", "Clause 2(3)"},
		{"一（一）", "Clause 1(1)"},
		{"第三条", "Art. 3"},
		{"第十二条第二款", "Art. 12(2)"},
		{"一百零五", "Clause 105"},
		{"三、", "Clause 3"},
		{"(四)", "Clause 4"},
		{"附则", "附则"},
		{"3", "3"},
		{"（一", "（一"},
		{"第三", "第三"},
		{"", ""},
	};
	char buf[POLICY_NUMBER_MAX];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_str_eq(policy_number_text(cases[i][0], QN_LANG_EN, buf, sizeof buf),
				 cases[i][1]);
		/* Chinese readers see the document's own numbering. */
		ck_assert_str_eq(policy_number_text(cases[i][0], QN_LANG_ZH, buf, sizeof buf),
				 cases[i][0]);
	}
	ck_assert_str_eq(policy_number_text(NULL, QN_LANG_EN, buf, sizeof buf), "");
	/* Too small a buffer gives the number as written, never a cut one. */
	ck_assert_str_eq(policy_number_text("（十七）", QN_LANG_EN, buf, 6), "（十七）");
	/* Every number of the shipped policies has an English form. */
	static const char *const ids[] = {"jinjiang", "pingluo", "putian", "quanzhou", "xiamen"};
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		policy *p = shipped(ids[i]);
		for (size_t k = 0; k < policy_n_clauses(p); k++) {
			const char *n = policy_clause_at(p, k)->number;
			const char *en = policy_number_text(n, QN_LANG_EN, buf, sizeof buf);
			ck_assert_msg(strncmp(en, "Clause ", 7) == 0 ||
					      strncmp(en, "Art. ", 5) == 0,
				      "%s: %s has no English form", ids[i], n);
		}
		policy_free(p);
	}
}
END_TEST

TCase *make_policy_files_tcase(void)
{
	const TTest *tests[] = {shipped_policies_load,
				shipped_windows,
				policy_list_finds_the_five,
				policy_list_reads_past_comments,
				policy_open_errors,
				clause_numbers_in_english,
				NULL};
	return test_tcase("policy-files", NULL, NULL, 0, tests);
}
