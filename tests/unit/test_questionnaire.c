/* questionnaires/: the bundled instrument, and definitions that must be refused. */
#include "config.h"

#include "tests/unit/test.h"

START_TEST(miit_has_the_2024_structure)
{
	const questionnaire *q = test_miit();
	ck_assert_str_eq(questionnaire_id(q), "miit-2024");
	ck_assert_int_eq(questionnaire_total(q), 100000);
	ck_assert_uint_eq(questionnaire_n_questions(q), 31);
	ck_assert_uint_eq(questionnaire_n_scenarios(q), 16);
	ck_assert_uint_eq(questionnaire_n_constrained(q), 10);
	ck_assert_uint_eq(questionnaire_n_levels(q), 4);
	ck_assert_uint_eq(questionnaire_n_dimensions(q), 4);
	int64_t want[] = {50000, 0, 30000, 20000}; /* F, O (unscored), M, R */
	for (size_t d = 0; d < 4; d++)
		ck_assert_int_eq(questionnaire_dimension(q, d)->points, want[d]);
	ck_assert(!questionnaire_dimension(q, 1)->scored);
}
END_TEST

START_TEST(miit_points_per_option)
{
	const questionnaire *q = test_miit();
	const qn_question *f4 = questionnaire_find(q, "F4");
	ck_assert_int_eq(f4->kind, QN_MULTI);
	ck_assert_uint_eq(f4->n_options, 15);
	ck_assert(f4->options[0].exclusive);
	ck_assert_int_eq(f4->options[1].points, 700);
	ck_assert_int_eq(f4->options[14].points, 900); /* 人力资源 */
	ck_assert_int_eq(f4->max_points, 10000);
	ck_assert_int_eq(questionnaire_find(q, "M2")->options[1].points, 1875);
	ck_assert_int_eq(questionnaire_find(q, "M4")->max_points, 7500);
	ck_assert_int_eq(questionnaire_find(q, "R3")->max_points, 3000);
	ck_assert_int_eq(questionnaire_find(q, "F2")->kind, QN_SINGLE);
	ck_assert_ptr_null(questionnaire_find(q, "F8"));
}
END_TEST

START_TEST(miit_constrained_scenarios_and_levels)
{
	const questionnaire *q = test_miit();
	const char *star[] = {"S01", "S03", "S06", "S07", "S08", "S09", "S10", "S11", "S12", "S13"};
	for (size_t i = 0; i < 10; i++)
		ck_assert_msg(questionnaire_find(q, star[i])->constrained, "%s should be ★",
			      star[i]);
	ck_assert(!questionnaire_find(q, "S02")->constrained);
	ck_assert_ptr_nonnull(questionnaire_find(q, "S16")->level_text[4].zh);
	int score[] = {0, 20000, 40000, 60000, 80000}, count[] = {0, 6, 6, 8, 10},
	    star_n[] = {0, 3, 3, 5, 6};
	for (int l = 1; l <= 4; l++) {
		const qn_level_rule *r = questionnaire_level_rule(q, l);
		ck_assert_int_eq(r->min_score, score[l]);
		ck_assert_int_eq(r->min_scenarios, count[l]);
		ck_assert_int_eq(r->min_constrained, star_n[l]);
		ck_assert_int_eq(r->scenario_level, l);
	}
	ck_assert_ptr_null(questionnaire_level_rule(q, 5));
	ck_assert_uint_ge(questionnaire_n_readings(q), 5);
}
END_TEST

static questionnaire *load_with(const char *question, assess_error *err)
{
	char xml[4096];
	snprintf(xml, sizeof xml, "%s%s%s", TEST_MINI_HEAD, question, TEST_MINI_TAIL);
	return questionnaire_load_memory(xml, strlen(xml), "t.xml", err);
}

START_TEST(minimal_definition_loads_and_sums_are_derived)
{
	assess_error err = {0};
	questionnaire *q =
		load_with("<question id=\"Q\" kind=\"single\"><text><zh>q</zh></text>"
			  "<option code=\"A\" points=\"0\"><zh>a</zh></option>"
			  "<option code=\"B\" points=\"1\"><zh>b</zh></option></question>",
			  &err);
	ck_assert_msg(q != NULL, "%s", err.msg);
	ck_assert_int_eq(questionnaire_dimension(q, 0)->subdimensions[0].points, 1000);
	ck_assert_str_eq(qn_text_get(&questionnaire_find(q, "Q")->options[1].label, QN_LANG_EN),
			 "b");
	questionnaire_free(q);
}
END_TEST

START_TEST(sum_mismatch_is_refused_with_line)
{
	assess_error err = {0};
	questionnaire *q =
		load_with("<question id=\"Q\" kind=\"single\"><text><zh>q</zh></text>"
			  "<option code=\"A\" points=\"0.5\"><zh>a</zh></option></question>",
			  &err);
	ck_assert_ptr_null(q);
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "declares 1 points but its parts add up to 0.5");
	ck_assert_str_eq(err.file, "t.xml");
	ck_assert_int_gt(err.line, 0);
}
END_TEST

START_TEST(doctype_is_refused_before_entities_expand)
{
	static const char xxe[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE q [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<q>&x;</q>\n";
	assess_error err = {0};
	ck_assert_ptr_null(questionnaire_load_memory(xxe, strlen(xxe), "x.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_SYNTAX);
	ck_assert_int_eq(err.line, 2);
	ck_assert_msg_has(&err, "document type declaration");
}
END_TEST

START_TEST(not_xml_at_all)
{
	assess_error err = {0};
	ck_assert_ptr_null(questionnaire_load_memory("{\"json\": 1}", 11, "j.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_SYNTAX);
	ck_assert_int_eq(err.line, 1);
}
END_TEST

START_TEST(missing_file_is_no_input)
{
	assess_error err = {0};
	ck_assert_ptr_null(questionnaire_load("/nonexistent/q.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_NOINPUT);
	ck_assert_int_eq(assess_exit_code(err.code), 66);
}
END_TEST

START_TEST(open_by_id_and_refuse_traversal)
{
	assess_error err = {0};
	questionnaire *q =
		questionnaire_open("miit-2024", "/nonexistent:" QUESTIONNAIRES_DIR, &err);
	ck_assert_msg(q != NULL, "%s", err.msg);
	questionnaire_free(q);
	ck_assert_ptr_null(
		questionnaire_open("../../etc/passwd", NULL, &err)); /* a path, not found */
	ck_assert_ptr_null(questionnaire_open("..", QUESTIONNAIRES_DIR, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_ptr_null(questionnaire_open("miit-2099", QUESTIONNAIRES_DIR, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_NOTFOUND);
}
END_TEST

TCase *make_questionnaire_tcase(void)
{
	const TTest *tests[] = {miit_has_the_2024_structure,
				miit_points_per_option,
				miit_constrained_scenarios_and_levels,
				minimal_definition_loads_and_sums_are_derived,
				sum_mismatch_is_refused_with_line,
				doctype_is_refused_before_entities_expand,
				not_xml_at_all,
				missing_file_is_no_input,
				open_by_id_and_refuse_traversal,
				NULL};
	return test_tcase("questionnaire", NULL, NULL, 0, tests);
}
