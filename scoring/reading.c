/* Scoring under an open reading's alternative: the same gates, with the rules it changes. */
#include "config.h"
#include "scoring/reading.h"

#include "common/decimal.h"

/* The question's ★ flag under the alternative. */
static bool constrained_under(const qn_reading *rd, const qn_question *q)
{
	bool star = q->constrained;
	for (size_t i = 0; i < rd->n_changes; i++)
		if (rd->changes[i].kind == QN_ALT_CONSTRAINED && rd->changes[i].question == q)
			star = rd->changes[i].constrained;
	return star;
}

static const qn_level_rule *rule_under(const qn_reading *rd, const questionnaire *q, int level)
{
	const qn_level_rule *rule = questionnaire_level_rule(q, level);
	for (size_t i = 0; i < rd->n_changes; i++)
		if (rd->changes[i].kind == QN_ALT_LEVEL && rd->changes[i].rule.level == level)
			rule = &rd->changes[i].rule;
	return rule;
}

/* Points an option stops scoring because the options it needs are not chosen. */
static int64_t points_lost(const qn_reading *rd, const answers *a)
{
	int64_t lost = 0;
	for (size_t i = 0; i < rd->n_changes; i++) {
		const qn_alt_change *ch = &rd->changes[i];
		if (ch->kind != QN_ALT_REQUIRES)
			continue;
		const answer *ans = answers_get(a, ch->question->index);
		if (ans->given && (ans->mask >> ch->option & 1) &&
		    (ans->mask & ch->with) != ch->with)
			lost += ch->question->options[ch->option].points;
	}
	return lost;
}

void scoring_reading_eval(const scoring_result *r, const qn_reading *rd, int *level, int64_t *total)
{
	int at_least[QN_MAX_LEVEL + 1] = {0}, star_at_least[QN_MAX_LEVEL + 1] = {0};
	*total = r->total - points_lost(rd, r->answers);
	for (size_t i = 0; i < questionnaire_n_questions(r->q); i++) {
		const qn_question *q = questionnaire_question(r->q, i);
		const answer *ans = answers_get(r->answers, i);
		if (q->kind != QN_SCENARIO)
			continue;
		int l = answers_scenario_level(ans);
		bool star = constrained_under(rd, q);
		for (int k = 0; k <= l; k++) {
			at_least[k]++;
			star_at_least[k] += star;
		}
	}
	*level = 0;
	for (int l = 1; l <= (int)questionnaire_n_levels(r->q); l++) {
		const qn_level_rule *rule = rule_under(rd, r->q, l);
		if (*total >= rule->min_score &&
		    at_least[rule->scenario_level] >= rule->min_scenarios &&
		    star_at_least[rule->scenario_level] >= rule->min_constrained)
			*level = l;
	}
}

cJSON *scoring_reading_json(const scoring_result *r)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; arr && i < questionnaire_n_readings(r->q); i++) {
		const qn_reading *rd = questionnaire_reading(r->q, i);
		if (!rd->n_changes)
			continue;
		int level;
		int64_t total;
		scoring_reading_eval(r, rd, &level, &total);
		cJSON *o = cJSON_CreateObject();
		if (!o || !cJSON_AddItemToArray(arr, o)) {
			cJSON_Delete(o);
			cJSON_Delete(arr);
			return NULL;
		}
		/* From here o belongs to arr. */
		if (!cJSON_AddStringToObject(o, "id", rd->id) ||
		    !cJSON_AddNumberToObject(o, "level", level) ||
		    !cJSON_AddNumberToObject(o, "total", decimal_milli_to_double(total))) {
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}

const qn_reading *scoring_reading_next_change(const scoring_result *r, size_t *i, int *level)
{
	for (; *i < questionnaire_n_readings(r->q); (*i)++) {
		const qn_reading *rd = questionnaire_reading(r->q, *i);
		int64_t total;
		if (!rd->n_changes)
			continue;
		scoring_reading_eval(r, rd, level, &total);
		if (*level != r->level)
			return rd;
	}
	return NULL;
}
