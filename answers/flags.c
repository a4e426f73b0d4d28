/*
 * flags.c - a short "to verify" note per question, for what the assessor must still check.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdlib.h>

const char *answers_flag_get(const answers *a, size_t question_index)
{
	return a->rec && a->rec->flags && question_index < questionnaire_n_questions(a->q)
		       ? a->rec->flags[question_index]
		       : NULL;
}

assess_code answers_flag_set(answers *a, size_t question_index, const char *note)
{
	if (question_index >= questionnaire_n_questions(a->q))
		return ASSESS_ERR_DATA;
	if ((!note || !*note) && !answers_flag_get(a, question_index))
		return ASSESS_OK;
	struct answers_record *r = answers_record_get(a);
	if (r && !r->flags)
		r->flags = calloc(questionnaire_n_questions(a->q), sizeof *r->flags);
	if (!r || !r->flags)
		return ASSESS_ERR_NOMEM;
	return answers_set_string(&r->flags[question_index], note && *note ? note : NULL)
		       ? ASSESS_ERR_NOMEM
		       : ASSESS_OK;
}

size_t answers_flags_count(const answers *a)
{
	size_t n = 0;
	for (size_t i = 0; i < questionnaire_n_questions(a->q); i++)
		n += answers_flag_get(a, i) != NULL;
	return n;
}

assess_code answers_flags_load(answers *a, const struct answers_load *ld, const cJSON *obj)
{
	if (answers_expect_object(ld, obj, "$.flags"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = answers_expect_question(ld, a, "$.flags", c->string);
		if (!q || answers_expect_string(ld, c, "$.flags", c->string, -1))
			return ASSESS_ERR_DATA;
		if (answers_flag_set(a, q->index, c->valuestring))
			return answers_fail_nomem(ld);
	}
	return ASSESS_OK;
}

cJSON *answers_flags_json(const answers *a, bool *ok)
{
	if (!answers_flags_count(a))
		return NULL;
	cJSON *obj = cJSON_CreateObject();
	*ok = obj != NULL;
	for (size_t i = 0; *ok && i < questionnaire_n_questions(a->q); i++)
		*ok = answers_json_add_string(obj, questionnaire_question(a->q, i)->id,
					      answers_flag_get(a, i));
	if (*ok)
		return obj;
	cJSON_Delete(obj);
	return NULL;
}
