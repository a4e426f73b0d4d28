/* The comparison as one JSON object (compare_to_json). */
#include "config.h"
#include "compare/compare_internal.h"

#include <string.h>
#include "answers/record.h"
#include "common/decimal.h"
#include "common/lang.h"

/* As score --json writes points: the exact decimal as a JSON number (cJSON prints 48.875). */
static cJSON *points_json(int64_t milli)
{
	return cJSON_CreateNumber(decimal_milli_to_double(milli));
}

static void add_points(cJSON *o, const char *key, int64_t milli)
{
	char key_milli[64];
	cJSON_AddItemToObject(o, key, points_json(milli));
	snprintf(key_milli, sizeof key_milli, "%s_milli", key);
	cJSON_AddNumberToObject(o, key_milli, (double)milli);
}

static void add_optional(cJSON *o, const char *key, const char *value)
{
	if (value)
		cJSON_AddStringToObject(o, key, value);
	else
		cJSON_AddNullToObject(o, key);
}

/* One side: score --json's own total, level and dimensions, and what the record says of it. */
static cJSON *side_json(const scoring_result *r, qn_lang lang)
{
	static const char *const keep[] = {"total",      "total_milli", "max",      "level",
					   "level_name", "dimensions",  "scenarios"};
	cJSON *score = scoring_to_json(r, lang);
	cJSON *o = cJSON_CreateObject();
	if (!score || !o) {
		cJSON_Delete(score);
		cJSON_Delete(o);
		return NULL;
	}
	add_optional(o, "file", answers_source(r->answers));
	const char *stage = answers_stage_name(answers_stage_get(r->answers));
	add_optional(o, "stage", *stage ? stage : NULL);
	add_optional(o, "source", compare_source(r->answers));
	add_optional(o, "date", answers_field_get(r->answers, ANSWERS_DATE));
	if (!answers_instrument_matches(r->answers)) { /* scored with --rescore */
		add_optional(o, "answered_with_version", answers_questionnaire_version(r->answers));
		add_optional(o, "answered_with_sha256", answers_questionnaire_sha256(r->answers));
	}
	for (size_t k = 0; k < sizeof keep / sizeof *keep; k++) {
		cJSON *item = cJSON_DetachItemFromObjectCaseSensitive(score, keep[k]);
		if (item)
			cJSON_AddItemToObject(o, keep[k], item);
	}
	cJSON_Delete(score);
	return o;
}

static cJSON *delta_json(const compare_result *c, qn_lang lang)
{
	cJSON *o = cJSON_CreateObject();
	add_points(o, "total", c->delta_total);
	cJSON_AddNumberToObject(o, "level", c->level_after - c->level_before);
	cJSON *dims = cJSON_AddArrayToObject(o, "dimensions");
	for (size_t d = 0; d < c->n_dimensions; d++) {
		const compare_dimension *cd = &c->dimensions[d];
		cJSON *x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "id", cd->dimension->id);
		cJSON_AddStringToObject(x, "name", qn_text_get(&cd->dimension->name, lang));
		add_points(x, "before", cd->before);
		add_points(x, "after", cd->after);
		add_points(x, "delta", cd->delta);
		cJSON_AddItemToArray(dims, x);
	}
	return o;
}

static cJSON *conditions_json(const scoring_gate *g)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddBoolToObject(o, "score_met", g->score_met);
	cJSON_AddItemToObject(o, "score_short", points_json(g->score_short));
	cJSON_AddBoolToObject(o, "scenarios_met", g->scenarios_met);
	cJSON_AddNumberToObject(o, "scenarios_have", g->scenarios_have);
	cJSON_AddBoolToObject(o, "constrained_met", g->constrained_met);
	cJSON_AddNumberToObject(o, "constrained_have", g->constrained_have);
	return o;
}

static cJSON *gates_json(const compare_result *c, qn_lang lang)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t l = 1; l <= c->n_levels; l++) {
		const compare_gate *g = &c->gates[l];
		const qn_level_rule *rule = questionnaire_level_rule(c->q, (int)l);
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "level", g->level);
		cJSON_AddStringToObject(o, "name", rule ? qn_text_get(&rule->name, lang) : "");
		cJSON_AddBoolToObject(o, "before_met", g->before_met);
		cJSON_AddBoolToObject(o, "after_met", g->after_met);
		cJSON_AddItemToObject(o, "before", conditions_json(g->before));
		cJSON_AddItemToObject(o, "after", conditions_json(g->after));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *question_json(const compare_result *c, const compare_question *cq)
{
	const qn_question *q = cq->question;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "id", q->id);
	cJSON_AddStringToObject(o, "kind", qn_kind_name(q->kind));
	if (q->kind == QN_SCENARIO)
		cJSON_AddBoolToObject(o, "constrained", q->constrained);
	cJSON_AddItemToObject(o, "before", answers_value_json(q, cq->before));
	cJSON_AddItemToObject(o, "after", answers_value_json(q, cq->after));
	add_points(o, "points_before", cq->points_before);
	add_points(o, "points_after", cq->points_after);
	if (c->kind == COMPARE_VERIFICATION) {
		cJSON_AddBoolToObject(o, "declared_higher", cq->declared_higher);
		cJSON_AddBoolToObject(o, "changes_level", cq->changes_level);
		cJSON_AddNumberToObject(o, "level_if_declared", cq->level_if_declared);
	}
	cJSON_AddBoolToObject(o, "evidence_added", cq->evidence_added);
	return o;
}

static cJSON *evidence_json(const compare_result *c)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < c->n_questions; i++) {
		const compare_question *cq = &c->questions[i];
		if (!cq->evidence_before && !cq->evidence_after)
			continue;
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", cq->question->id);
		cJSON_AddNumberToObject(o, "before", (double)cq->evidence_before);
		cJSON_AddNumberToObject(o, "after", (double)cq->evidence_after);
		cJSON_AddBoolToObject(o, "added", cq->evidence_added);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *warnings_json(const compare_result *c, qn_lang lang)
{
	cJSON *arr = cJSON_CreateArray();
	if (c->dates_out_of_order) {
		cJSON *w = cJSON_CreateObject();
		cJSON_AddStringToObject(w, "code", "dates-out-of-order");
		cJSON_AddStringToObject(w, "text",
					lang_pick(lang, "改造后的评测日期早于改造前的评测日期",
						  "AFTER is dated before BEFORE"));
		cJSON_AddItemToArray(arr, w);
	}
	return arr;
}

cJSON *compare_to_json(const compare_result *c, qn_lang lang)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	cJSON_AddStringToObject(o, "kind", compare_kind_name(c->kind));
	cJSON_AddStringToObject(o, "kind_name", compare_kind_label(c->kind, lang));
	cJSON_AddStringToObject(o, "questionnaire", questionnaire_id(c->q));
	cJSON *ent = cJSON_AddObjectToObject(o, "enterprise");
	add_optional(ent, "name", c->name);
	add_optional(ent, "credit_code", c->credit_code);
	cJSON_AddItemToObject(o, "before", side_json(c->before, lang));
	cJSON_AddItemToObject(o, "after", side_json(c->after, lang));
	cJSON_AddItemToObject(o, "delta", delta_json(c, lang));
	cJSON_AddItemToObject(o, "gates", gates_json(c, lang));
	cJSON *qs = cJSON_AddArrayToObject(o, "questions");
	for (size_t i = 0; i < c->n_questions; i++)
		if (c->questions[i].differs)
			cJSON_AddItemToArray(qs, question_json(c, &c->questions[i]));
	if (c->kind == COMPARE_VERIFICATION) {
		cJSON_AddNumberToObject(o, "declared_higher", (double)c->n_declared_higher);
		cJSON_AddNumberToObject(o, "changes_level", (double)c->n_changes_level);
	}
	cJSON_AddItemToObject(o, "evidence", evidence_json(c));
	cJSON_AddItemToObject(o, "warnings", warnings_json(c, lang));
	return o;
}
