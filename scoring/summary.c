/* The scoring result as JSON and as text for people. */
#include "config.h"
#include "scoring/scoring.h"

#include <string.h>
#include "common/text.h"
#include "common/decimal.h"
#include "common/lang.h"
#include "scoring/plan.h"

static cJSON *points_json(int64_t milli)
{
	return cJSON_CreateNumber(decimal_milli_to_double(milli));
}

static cJSON *dimensions_json(const scoring_result *r, qn_lang lang)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t d = 0; d < questionnaire_n_dimensions(r->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(r->q, d);
		if (!dim->scored)
			continue;
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", dim->id);
		cJSON_AddStringToObject(o, "name", qn_text_get(&dim->name, lang));
		cJSON_AddItemToObject(o, "score", points_json(scoring_dimension_points(r, dim)));
		cJSON_AddItemToObject(o, "max", points_json(dim->points));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *questions_json(const scoring_result *r)
{
	cJSON *arr = cJSON_CreateArray();
	char buf[256];
	for (size_t i = 0; i < questionnaire_n_questions(r->q); i++) {
		const qn_question *q = questionnaire_question(r->q, i);
		const answer *ans = answers_get(r->answers, i);
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "id", q->id);
		cJSON_AddStringToObject(o, "kind", qn_kind_name(q->kind));
		if (!ans->given)
			cJSON_AddNullToObject(o, "answer");
		else if (q->kind == QN_SCENARIO)
			cJSON_AddNumberToObject(o, "answer", ans->level);
		else
			cJSON_AddStringToObject(o, "answer",
						answers_format(r->answers, i, buf, sizeof buf));
		if (q->kind == QN_SCENARIO) {
			cJSON_AddBoolToObject(o, "constrained", q->constrained);
		} else {
			cJSON_AddItemToObject(o, "points", points_json(r->question_points[i]));
			cJSON_AddItemToObject(o, "max", points_json(q->max_points));
		}
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *scenarios_json(const scoring_result *r)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "count", (double)questionnaire_n_scenarios(r->q));
	cJSON_AddNumberToObject(o, "constrained", (double)questionnaire_n_constrained(r->q));
	cJSON *all = cJSON_AddArrayToObject(o, "at_least");
	cJSON *star = cJSON_AddArrayToObject(o, "constrained_at_least");
	/* Index L holds the count at level >= L; index 0 is every scenario. */
	for (int l = 0; l <= QN_MAX_LEVEL; l++) {
		cJSON_AddItemToArray(all, cJSON_CreateNumber(r->at_least[l]));
		cJSON_AddItemToArray(star, cJSON_CreateNumber(r->constrained_at_least[l]));
	}
	cJSON *levels = cJSON_AddObjectToObject(o, "levels");
	for (size_t i = 0; i < questionnaire_n_questions(r->q); i++) {
		const qn_question *q = questionnaire_question(r->q, i);
		const answer *ans = answers_get(r->answers, i);
		if (q->kind == QN_SCENARIO)
			cJSON_AddNumberToObject(levels, q->id, answers_scenario_level(ans));
	}
	return o;
}

static cJSON *condition_json(bool met, double have, double need)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddBoolToObject(o, "met", met);
	cJSON_AddNumberToObject(o, "have", have);
	cJSON_AddNumberToObject(o, "need", need);
	return o;
}

static cJSON *gates_json(const scoring_result *r, qn_lang lang)
{
	cJSON *arr = cJSON_CreateArray();
	for (int l = 1; l <= (int)questionnaire_n_levels(r->q); l++) {
		const scoring_gate *g = &r->gates[l];
		const qn_level_rule *rule = questionnaire_level_rule(r->q, l);
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "level", l);
		cJSON_AddStringToObject(o, "name", questionnaire_level_name(r->q, l, lang));
		cJSON_AddBoolToObject(o, "met", g->met);
		cJSON *score = condition_json(g->score_met, decimal_milli_to_double(r->total),
					      decimal_milli_to_double(rule->min_score));
		cJSON_AddItemToObject(score, "short", points_json(g->score_short));
		cJSON_AddItemToObject(o, "score", score);
		cJSON *sc = condition_json(g->scenarios_met, g->scenarios_have, g->scenarios_need);
		cJSON_AddNumberToObject(sc, "at_level", rule->scenario_level);
		cJSON_AddItemToObject(o, "scenarios", sc);
		cJSON_AddItemToObject(o, "constrained",
				      condition_json(g->constrained_met, g->constrained_have,
						     g->constrained_need));
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *gaps_json(const scoring_result *r, qn_lang lang)
{
	cJSON *arr = cJSON_CreateArray();
	char text[512];
	for (size_t i = 0; i < r->n_gaps; i++) {
		const scoring_gap *g = &r->gaps[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "kind",
					g->kind == SCORING_GAP_OPTION ? "option" : "scenario");
		cJSON_AddStringToObject(o, "question", g->question->id);
		if (g->kind == SCORING_GAP_OPTION) {
			cJSON_AddStringToObject(o, "option", g->question->options[g->option].code);
			cJSON_AddItemToObject(o, "gain", points_json(g->gain));
		} else {
			cJSON_AddNumberToObject(o, "from", g->from_level);
			cJSON_AddNumberToObject(o, "to", g->to_level);
			cJSON_AddNumberToObject(o, "for_level", g->for_level);
			cJSON_AddBoolToObject(o, "constrained", g->question->constrained);
		}
		scoring_gap_text(g, lang, text, sizeof text);
		cJSON_AddStringToObject(o, "text", text);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static void add_optional(cJSON *o, const char *key, const char *value)
{
	if (value)
		cJSON_AddStringToObject(o, key, value);
}

cJSON *scoring_to_json(const scoring_result *r, qn_lang lang)
{
	cJSON *o = cJSON_CreateObject();
	char line[512];
	cJSON_AddStringToObject(o, "questionnaire", questionnaire_id(r->q));
	add_optional(o, "source", answers_source(r->answers));
	cJSON *ent = cJSON_AddObjectToObject(o, "enterprise");
	add_optional(ent, "name", answers_field_get(r->answers, ANSWERS_NAME));
	add_optional(ent, "credit_code", answers_field_get(r->answers, ANSWERS_CREDIT_CODE));
	cJSON_AddItemToObject(o, "total", points_json(r->total));
	cJSON_AddNumberToObject(o, "total_milli", (double)r->total);
	cJSON_AddItemToObject(o, "max", points_json(r->max));
	cJSON_AddNumberToObject(o, "level", r->level);
	cJSON_AddStringToObject(o, "level_name", questionnaire_level_name(r->q, r->level, lang));
	scoring_next_level_line(r, lang, line, sizeof line);
	cJSON_AddStringToObject(o, "next_level", line);
	cJSON_AddItemToObject(o, "dimensions", dimensions_json(r, lang));
	cJSON_AddItemToObject(o, "scenarios", scenarios_json(r));
	cJSON_AddItemToObject(o, "gates", gates_json(r, lang));
	cJSON_AddItemToObject(o, "gaps", gaps_json(r, lang));
	cJSON_AddItemToObject(o, "questions", questions_json(r));
	cJSON *missing = cJSON_AddArrayToObject(o, "missing");
	for (size_t i = 0; i < questionnaire_n_questions(r->q); i++)
		if (!answers_get(r->answers, i)->given)
			cJSON_AddItemToArray(missing, cJSON_CreateString(
							      questionnaire_question(r->q, i)->id));
	return o;
}

void scoring_next_level_line(const scoring_result *r, qn_lang lang, char *buf, size_t size)
{
	const scoring_gate *g = scoring_next_gate(r);
	char pts[32];
	size_t used = 0;
	if (!g) {
		snprintf(buf, size, "%s", lang_pick(lang, "已达最高等级", "at the highest level"));
		return;
	}
	const qn_level_rule *rule = questionnaire_level_rule(r->q, g->level);
	text_appendf(buf, size, &used, lang_pick(lang, "升至%s：", "To reach %s: "),
		     qn_text_get(&rule->name, lang));
	int parts = 0;
	if (!g->score_met) {
		text_appendf(buf, size, &used,
			     lang_pick(lang, "还需 %s 分", "needs %s more points"),
			     decimal_format_milli(g->score_short, pts, sizeof pts));
		parts++;
	}
	int more = g->scenarios_need - g->scenarios_have;
	int more_star = g->constrained_need - g->constrained_have;
	/* English counts agree with their noun: "1 more scenario", "6 more scenarios". */
	if (!g->scenarios_met) {
		text_appendf(buf, size, &used,
			     lang_pick(lang, "%s还需 %d 个场景%s达到 %s及以上",
				       "%s%d more %s at %s or above"),
			     parts ? lang_pick(lang, "，", !g->constrained_met ? ", " : " and ")
				   : "",
			     more, lang_pick(lang, "", more == 1 ? "scenario" : "scenarios"),
			     questionnaire_scenario_level(rule->scenario_level,
							  QN_SCENARIO_LEVEL_SENTENCE, lang));
		parts++;
	}
	if (!g->constrained_met) {
		text_appendf(buf, size, &used,
			     lang_pick(lang, "%s还需 %d 个★场景%s达到 %s及以上",
				       "%s%d more %s at %s or above"),
			     parts ? lang_pick(lang, "，", " and ") : "", more_star,
			     lang_pick(lang, "", more_star == 1 ? "★ scenario" : "★ scenarios"),
			     questionnaire_scenario_level(rule->scenario_level,
							  QN_SCENARIO_LEVEL_SENTENCE, lang));
		parts++;
	}
	if (!parts)
		text_appendf(buf, size, &used, "%s",
			     lang_pick(lang, "条件已满足", "all conditions met"));
}

void scoring_gap_text(const scoring_gap *g, qn_lang lang, char *buf, size_t size)
{
	static const char *const numerals[] = {"零", "一", "二", "三", "四"};
	const qn_question *q = g->question;
	const char *name = qn_text_get(&q->indicator->name, lang);
	char pts[32];
	if (g->kind == SCORING_GAP_SCENARIO) {
		int l = g->for_level >= 0 && g->for_level <= QN_MAX_LEVEL ? g->for_level : 0;
		if (lang == QN_LANG_EN)
			snprintf(buf, size, "%s %s%s: raise from %s to %s (level %d %s)", q->id,
				 name, q->constrained ? " ★" : "",
				 questionnaire_scenario_level(g->from_level,
							      QN_SCENARIO_LEVEL_SHORT, lang),
				 questionnaire_scenario_level(g->to_level, QN_SCENARIO_LEVEL_SHORT,
							      lang),
				 l, g->needed_for_star ? "★ scenario condition" : "scenario count");
		else
			snprintf(buf, size, "%s %s%s：由 %s提升到 %s（%s级%s条件）", q->id, name,
				 q->constrained ? "★" : "",
				 questionnaire_scenario_level(g->from_level,
							      QN_SCENARIO_LEVEL_SHORT, lang),
				 questionnaire_scenario_level(g->to_level, QN_SCENARIO_LEVEL_SHORT,
							      lang),
				 numerals[l], g->needed_for_star ? "★场景" : "场景数");
		return;
	}
	const qn_option *o = &q->options[g->option];
	snprintf(buf, size,
		 lang_pick(lang, "%s %s：%s %s（%s），+%s 分", "%s %s: %s %s (%s), +%s points"),
		 q->id, name,
		 q->kind == QN_MULTI ? lang_pick(lang, "增加", "add")
				     : lang_pick(lang, "达到", "reach"),
		 o->code, qn_text_get(&o->label, lang),
		 decimal_format_milli(g->gain, pts, sizeof pts));
}

static void print_gate_counts(FILE *out, const scoring_result *r, qn_lang lang)
{
	fprintf(out, "%s",
		lang_pick(lang, "经营场景（达到该级及以上的个数，★为约束性）：\n",
			  "Scenarios at or above each level (★ = constrained):\n"));
	for (int l = 1; l <= QN_MAX_LEVEL; l++)
		fprintf(out, lang_pick(lang, "  ≥%d级 %2d 个（★%d）\n", "  >=L%d %2d (★%d)\n"), l,
			r->at_least[l], r->constrained_at_least[l]);
}

/* The next level's plan in words; the ranked gaps stay in the JSON. */
static void print_plan(FILE *out, const scoring_result *r, qn_lang lang)
{
	assess_error err = {0};
	scoring_plan_set *plans = scoring_plan_find(r, &err);
	if (!plans) {
		fprintf(out, "%s\n",
			lang_pick(lang, "（内存不足，未能给出升级步骤）",
				  "(out of memory: no plan for the next level)"));
		return;
	}
	scoring_plan_print(out, scoring_plan_for(plans, r->level + 1), r->q, lang);
	scoring_plan_set_free(plans);
}

void scoring_print(FILE *out, const scoring_result *r, qn_lang lang)
{
	char a[32], b[32], line[512], id[ANSWERS_IDENT_MAX];
	if (answers_identification(r->answers, ANSWERS_IDENT_LINE, lang, id, sizeof id)) {
		/* The name and code are the answer file's: escaped, they cannot move the cursor. */
		text_fputs_escaped(id, out);
		fputc('\n', out);
	}
	text_fprintf_escaped(out, "%s%s\n", lang_pick(lang, "评测指标：", "Instrument: "),
			     qn_text_get(questionnaire_title(r->q), lang));
	fprintf(out, "%s%s / %s\n", lang_pick(lang, "总分：", "Total: "),
		decimal_format_milli(r->total, a, sizeof a),
		decimal_format_milli(r->max, b, sizeof b));
	for (size_t d = 0; d < questionnaire_n_dimensions(r->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(r->q, d);
		if (dim->scored)
			text_fprintf_escaped(out, "  %s  %s / %s\n", qn_text_get(&dim->name, lang),
					     decimal_format_milli(scoring_dimension_points(r, dim),
								  a, sizeof a),
					     decimal_format_milli(dim->points, b, sizeof b));
	}
	print_gate_counts(out, r, lang);
	text_fprintf_escaped(out, "%s%s\n", lang_pick(lang, "等级：", "Level: "),
			     questionnaire_level_name(r->q, r->level, lang));
	scoring_next_level_line(r, lang, line, sizeof line);
	text_fprintf_escaped(out, "%s\n", line);
	if (answers_n_missing(r->answers))
		fprintf(out,
			lang_pick(lang, "注意：%zu 题未作答，按 0 分计。\n",
				  "Note: %zu questions unanswered, scored as 0.\n"),
			answers_n_missing(r->answers));
	print_plan(out, r, lang);
}
