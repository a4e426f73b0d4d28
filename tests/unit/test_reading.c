/* Open readings as data: the loader's alternatives, and scoring under each of them. */
#include "config.h"

#include <stdlib.h>
#include "scoring/reading.h"
#include "tests/unit/test.h"

static const qn_reading *reading(const char *id)
{
	const questionnaire *q = test_miit();
	for (size_t i = 0; i < questionnaire_n_readings(q); i++)
		if (strcmp(questionnaire_reading(q, i)->id, id) == 0)
			return questionnaire_reading(q, i);
	ck_abort_msg("no reading %s", id);
	return NULL;
}

START_TEST(alternatives_load_as_data)
{
	const qn_reading *star = reading("star-set"), *l1 = reading("l1-gate");
	const qn_reading *f1 = reading("f1-option-e");
	ck_assert_uint_eq(star->n_changes, 1);
	ck_assert_int_eq(star->changes[0].kind, QN_ALT_CONSTRAINED);
	ck_assert_str_eq(star->changes[0].question->id, "S12");
	ck_assert(!star->changes[0].constrained);
	ck_assert_uint_eq(l1->n_changes, 1);
	ck_assert_int_eq(l1->changes[0].kind, QN_ALT_LEVEL);
	ck_assert_int_eq(l1->changes[0].rule.level, 1);
	ck_assert_int_eq(l1->changes[0].rule.min_scenarios, 0);
	ck_assert_int_eq(l1->changes[0].rule.min_constrained, 0);
	ck_assert_int_eq(l1->changes[0].rule.min_score, 20000); /* not named: as encoded */
	ck_assert_uint_eq(f1->n_changes, 1);
	ck_assert_int_eq(f1->changes[0].kind, QN_ALT_REQUIRES);
	ck_assert_int_eq(f1->changes[0].option, 4);              /* E */
	ck_assert_uint_eq(f1->changes[0].with, 0xEu);            /* B C D */
	ck_assert_uint_eq(reading("m1-option-f")->n_changes, 0); /* same points either way */
}
END_TEST

#define HEAD "{\"questionnaire\":\"miit-2024\",\"answers\":{"

static void eval(const char *json, const char *id, int want_level, int64_t want_total,
		 int want_encoded)
{
	answers *a = test_answers(json, ANSWERS_ALLOW_INCOMPLETE);
	assess_error err = {0};
	scoring_result *r = scoring_run(a, &err);
	ck_assert_int_eq(r->level, want_encoded);
	int level;
	int64_t total;
	scoring_reading_eval(r, reading(id), &level, &total);
	ck_assert_int_eq(level, want_level);
	ck_assert_int_eq(total, want_total);
	scoring_free(r);
	answers_free(a);
}

/*
 * Level 2 on exactly three ★ scenarios at 2, one of them S12 仓储物流: with nine ★ there are
 * two, so level 2 fails, and so does level 1 (three ★ at 1 or above). Points: F1-F3 20, F5 10,
 * F6 F7 10 = 40.
 */
#define LEVEL2_ON_S12                                                                          \
	HEAD "\"F1\":[\"B\",\"C\",\"D\",\"E\"],\"F2\":\"E\",\"F3\":\"E\","                     \
	     "\"F5\":\"E\",\"F6\":[\"B\",\"C\",\"D\",\"E\"],\"F7\":[\"B\",\"C\",\"D\",\"E\"]," \
	     "\"S01\":2,\"S03\":2,\"S12\":2,\"S02\":2,\"S04\":2,\"S05\":2}}"
START_TEST(nine_stars_lower_the_level)
{
	eval(LEVEL2_ON_S12, "star-set", 0, 40000, 2);
	eval(LEVEL2_ON_S12, "l1-gate", 2, 40000, 2);
	eval(LEVEL2_ON_S12, "f1-option-e", 2, 40000, 2);
}
END_TEST

/* 20 points and no scenario at all: level 0 as encoded, level 1 by score alone. */
START_TEST(level_one_by_score_alone)
{
	eval(HEAD "\"F1\":[\"B\",\"C\",\"D\",\"E\"],\"F2\":\"E\",\"F3\":\"E\"}}", "l1-gate", 1,
	     20000, 0);
}
END_TEST

/* F1 = E alone scores 2 as encoded, 0 when E needs B, C and D; with B C D E it keeps 8. */
START_TEST(option_e_needs_the_first_three)
{
	eval(HEAD "\"F1\":[\"E\"]}}", "f1-option-e", 0, 0, 0);
	eval(HEAD "\"F1\":[\"B\",\"C\",\"E\"]}}", "f1-option-e", 0, 4000, 0);
	eval(HEAD "\"F1\":[\"B\",\"C\",\"D\",\"E\"]}}", "f1-option-e", 0, 8000, 0);
}
END_TEST

START_TEST(first_change_names_the_reading)
{
	answers *a = test_answers(LEVEL2_ON_S12, ANSWERS_ALLOW_INCOMPLETE);
	assess_error err = {0};
	scoring_result *r = scoring_run(a, &err);
	size_t i = 0;
	int level;
	const qn_reading *rd = scoring_reading_next_change(r, &i, &level);
	ck_assert_ptr_nonnull(rd);
	ck_assert_str_eq(rd->id, "star-set");
	ck_assert_int_eq(level, 0);
	i++;
	ck_assert_ptr_null(scoring_reading_next_change(r, &i, &level));
	cJSON *j = scoring_reading_json(r);
	ck_assert_int_eq(cJSON_GetArraySize(j), 3);
	ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(j, 0), "id")->valuestring,
			 "star-set");
	ck_assert_int_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(j, 0), "level")->valueint, 0);
	cJSON_Delete(j);
	scoring_free(r);
	answers_free(a);
}
END_TEST

/* An alternative that names what the instrument lacks fails at load, at its line. */
START_TEST(alternative_naming_nothing_fails_at_load)
{
	static const char *const bad[] = {
		"<scenario question=\"S99\" constrained=\"false\"/>",
		"not a scenario",
		"<scenario question=\"F1\" constrained=\"false\"/>",
		"not a scenario",
		"<level value=\"4\" min-score=\"101\"/>",
		"never be met",
		"<level value=\"1\" min-scenarios=\"1\" min-constrained=\"2\"/>",
		"never be met",
		"<option question=\"F1\" code=\"Z\" requires=\"B\"/>",
		"has no option Z",
		"<option question=\"F1\" code=\"E\" requires=\"B E\"/>",
		"not a list",
		"<option question=\"S01\" code=\"A\" requires=\"B\"/>",
		"not a multiple-choice",
	};
	size_t len;
	char *xml = test_read_file(QUESTIONNAIRES_DIR "/miit-2024.xml", &len);
	const char *anchor = "<scenario question=\"S12\" constrained=\"false\"/>";
	char *at = strstr(xml, anchor);
	ck_assert_ptr_nonnull(at);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i += 2) {
		size_t head = (size_t)(at - xml), tail = len - head - strlen(anchor);
		char *doc = malloc(len + 256);
		memcpy(doc, xml, head);
		size_t n = head + (size_t)snprintf(doc + head, 256, "%s", bad[i]);
		memcpy(doc + n, at + strlen(anchor), tail);
		n += tail;
		assess_error err = {0};
		questionnaire *q = questionnaire_load_memory(doc, n, "t.xml", &err);
		ck_assert_msg(q == NULL, "%s loaded", bad[i]);
		ck_assert_msg_has(&err, bad[i + 1]);
		ck_assert_int_gt(err.line, 20);
		free(doc);
	}
	free(xml);
}
END_TEST

TCase *make_reading_tcase(void)
{
	const TTest *tests[] = {alternatives_load_as_data,
				nine_stars_lower_the_level,
				level_one_by_score_alone,
				option_e_needs_the_first_three,
				first_change_names_the_reading,
				alternative_naming_nothing_fails_at_load,
				NULL};
	return test_tcase("reading", NULL, NULL, 0, tests);
}
