/* scoring/: points, scenario counts, gates and gaps, against hand-computed values. */
#include "config.h"

#include <stdlib.h>
#include "scoring/scoring.h"
#include "tests/unit/test.h"

/* Answers with every question at its lowest (A / level `scenario`), then `spec` applied:
 * "F1=B C E;F2=E;S03=4". */
static answers *make(int scenario, const char *spec)
{
	const questionnaire *q = test_miit();
	answers *a = answers_new(q);
	assess_error err = {0};
	char level[2] = {(char)('0' + scenario), 0};
	for (size_t i = 0; i < questionnaire_n_questions(q); i++)
		ck_assert_ok(answers_set_text(a, i,
					      questionnaire_question(q, i)->kind == QN_SCENARIO
						      ? level
						      : "A",
					      &err),
			     &err);
	char *copy = strdup(spec), *save = NULL;
	for (char *item = strtok_r(copy, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(item, '=');
		*eq = '\0';
		ck_assert_ok(answers_set_text(a, questionnaire_find(q, item)->index, eq + 1, &err),
			     &err);
	}
	free(copy);
	return a;
}

static scoring_result *run(answers *a)
{
	assess_error err = {0};
	scoring_result *r = scoring_run(a, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	return r;
}

#define F_MAX "F1=BCDE;F2=E;F3=E;F4=BCDEFGHIJKLMNO;F5=E;F6=BCDE;F7=BCDE"
#define M_MAX "M1=F;M2=BCDE;M3=BCDEF;M4=E"
#define R_MAX "R1=C;R2=C;R3=C;R4=C"

START_TEST(sixty_from_sevenths_is_sixty)
{
	answers *a = make(3, "F1=BCDE;F2=E;F3=E;F4=BCDEFGHIJK;F5=E;F6=BCDE;F7=BCDE;R1=C;R3=C;R4=C");
	scoring_result *r = run(a);
	ck_assert_int_eq(r->total, 60000);
	ck_assert_int_eq(r->level, 3);
	ck_assert(r->gates[3].met);
	ck_assert_int_eq(r->gates[4].score_short, 20000);
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(one_seventh_less_is_level_two)
{
	answers *a = make(3, "F1=BCDE;F2=E;F3=E;F4=BCDEFGHIJ;F5=E;F6=BCDE;F7=BCDE;R1=C;R3=C;R4=C");
	scoring_result *r = run(a);
	ck_assert_int_eq(r->total, 59300);
	ck_assert_int_eq(r->level, 2);
	ck_assert_int_eq(r->gates[3].score_short, 700);
	ck_assert(r->gates[3].scenarios_met && r->gates[3].constrained_met);
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(perfect_score_without_scenarios_is_level_zero)
{
	answers *a = make(0, F_MAX ";" M_MAX ";" R_MAX);
	scoring_result *r = run(a);
	ck_assert_int_eq(r->total, 100000);
	ck_assert_int_eq(r->level, 0);
	ck_assert(r->gates[1].score_met && !r->gates[1].scenarios_met);
	ck_assert_int_eq(r->at_least[0], 16);
	ck_assert_int_eq(r->at_least[1], 0);
	/* All 16 scenarios are gaps for level 1, the ten ★ ones first. */
	ck_assert_uint_eq(r->n_gaps, 16);
	ck_assert_str_eq(r->gaps[0].question->id, "S01");
	ck_assert(r->gaps[9].needed_for_star && !r->gaps[10].needed_for_star);
	ck_assert_str_eq(r->gaps[10].question->id, "S02");
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(star_condition_alone_holds_back_level_four)
{
	answers *a =
		make(3, F_MAX ";" M_MAX ";" R_MAX
			      ";S01=4;S03=4;S06=4;S07=4;S08=4;S02=4;S04=4;S05=4;S14=4;S15=4;S16=4");
	scoring_result *r = run(a);
	ck_assert_int_eq(r->level, 3);
	const scoring_gate *g = scoring_next_gate(r);
	ck_assert_int_eq(g->level, 4);
	ck_assert(g->score_met && g->scenarios_met && !g->constrained_met);
	ck_assert_int_eq(g->constrained_have, 5);
	/* Only ★ scenarios help; plain ones are not listed. */
	ck_assert_uint_eq(r->n_gaps, 5);
	for (size_t i = 0; i < r->n_gaps; i++)
		ck_assert(r->gaps[i].question->constrained && r->gaps[i].to_level == 4);
	char line[256];
	scoring_next_level_line(r, QN_LANG_ZH, line, sizeof line);
	ck_assert_str_eq(line, "升至四级（协同级）：还需 1 个★场景达到 4 级及以上");
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(example_enterprise_by_hand)
{
	answers *a = test_example();
	scoring_result *r = run(a);
	const questionnaire *q = test_miit();
	ck_assert_int_eq(r->total, 48875);
	ck_assert_int_eq(scoring_dimension_points(r, questionnaire_dimension(q, 0)), 20750);
	ck_assert_int_eq(scoring_dimension_points(r, questionnaire_dimension(q, 2)), 13125);
	ck_assert_int_eq(scoring_dimension_points(r, questionnaire_dimension(q, 3)), 15000);
	ck_assert_int_eq(scoring_indicator_points(r, questionnaire_find(q, "F4")->indicator), 3500);
	ck_assert_int_eq(r->level, 2);
	ck_assert_int_eq(r->at_least[2], 10);
	ck_assert_int_eq(r->constrained_at_least[2], 7);
	ck_assert_int_eq(r->gates[3].score_short, 11125);
	/* 14 scenarios below 3: ★ one step away first (S01 S06 S07 S11 S12), then ★ two steps
	 * (S08 S09 S10), then plain ones; then point gains, largest first: M4 +5.625, F5 +5. */
	ck_assert_str_eq(r->gaps[0].question->id, "S01");
	ck_assert_str_eq(r->gaps[5].question->id, "S08");
	ck_assert_str_eq(r->gaps[8].question->id, "S05");
	ck_assert_int_eq(r->gaps[14].kind, SCORING_GAP_OPTION);
	ck_assert_str_eq(r->gaps[14].question->id, "M4");
	ck_assert_int_eq(r->gaps[14].gain, 5625);
	ck_assert_str_eq(r->gaps[15].question->id, "F5");
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(missing_answers_score_zero)
{
	const char *j =
		"{\"questionnaire\": \"miit-2024\", \"answers\": {\"F5\": \"E\", \"S01\": 4}}";
	answers *a = test_answers(j, ANSWERS_ALLOW_INCOMPLETE);
	scoring_result *r = run(a);
	ck_assert_int_eq(r->total, 10000);
	ck_assert_int_eq(r->at_least[4], 1);
	ck_assert_int_eq(r->at_least[1], 1);
	scoring_free(r);
	answers_free(a);
}
END_TEST

START_TEST(json_has_the_documented_fields)
{
	answers *a = make(2, F_MAX);
	scoring_result *r = run(a);
	cJSON *j = scoring_to_json(r, QN_LANG_EN);
	ck_assert_double_eq(cJSON_GetObjectItem(j, "total")->valuedouble, 50.0);
	ck_assert_int_eq(cJSON_GetObjectItem(j, "level")->valueint, 2);
	cJSON *dims = cJSON_GetObjectItem(j, "dimensions");
	ck_assert_int_eq(cJSON_GetArraySize(dims), 3);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(dims, 0), "name")->valuestring,
			 "Digital foundation");
	ck_assert_ptr_nonnull(cJSON_GetObjectItem(j, "gates"));
	ck_assert_ptr_nonnull(cJSON_GetObjectItem(j, "gaps"));
	ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(j, "questions")), 31);
	cJSON_Delete(j);
	scoring_free(r);
	answers_free(a);
}
END_TEST

TCase *make_scoring_tcase(void)
{
	const TTest *tests[] = {sixty_from_sevenths_is_sixty,
				one_seventh_less_is_level_two,
				perfect_score_without_scenarios_is_level_zero,
				star_condition_alone_holds_back_level_four,
				example_enterprise_by_hand,
				missing_answers_score_zero,
				json_has_the_documented_fields,
				NULL};
	return test_tcase("scoring", NULL, NULL, 0, tests);
}
