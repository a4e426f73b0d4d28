/* Plans as JSON (answer-file values) and in words (the instrument's own descriptors). */
#include "config.h"
#include "scoring/plan.h"

#include <string.h>
#include "common/decimal.h"
#include "common/lang.h"
#include "common/text.h"

cJSON *scoring_plan_value_json(const qn_question *q, const scoring_plan_value *v)
{
	answer as_answer = {.given = v->given,
			    .choice = v->choice,
			    .mask = v->mask,
			    .level = v->level};
	return answers_value_json(q, &as_answer);
}

static bool add(cJSON *o, const char *key, cJSON *item)
{
	if (item && cJSON_AddItemToObject(o, key, item))
		return true;
	cJSON_Delete(item);
	return false;
}

static cJSON *step_json(const scoring_plan_step *st)
{
	const qn_question *q = st->question;
	cJSON *o = cJSON_CreateObject();
	if (o && add(o, "question", cJSON_CreateString(q->id)) &&
	    add(o, "from", scoring_plan_value_json(q, &st->from)) &&
	    add(o, "to", scoring_plan_value_json(q, &st->to)) &&
	    add(o, "gain", cJSON_CreateNumber(decimal_milli_to_double(st->gain))))
		return o;
	cJSON_Delete(o);
	return NULL;
}

static cJSON *plan_json(const scoring_plan *p)
{
	cJSON *o = cJSON_CreateObject(), *steps = NULL;
	if (!o || !add(o, "level", cJSON_CreateNumber(p->level)) ||
	    !add(o, "steps", steps = cJSON_CreateArray()))
		goto fail;
	for (size_t i = 0; i < p->n_steps; i++) {
		cJSON *st = step_json(&p->steps[i]);
		if (!st || !cJSON_AddItemToArray(steps, st)) {
			cJSON_Delete(st);
			goto fail;
		}
	}
	return o;
fail:
	cJSON_Delete(o);
	return NULL;
}

cJSON *scoring_plan_to_json(const scoring_plan_set *s)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; arr && i < scoring_plan_count(s); i++) {
		cJSON *p = plan_json(scoring_plan_at(s, i));
		if (!p || !cJSON_AddItemToArray(arr, p)) {
			cJSON_Delete(p);
			cJSON_Delete(arr);
			return NULL;
		}
	}
	return arr;
}

/* The index of action i's first step (p->n_steps past the last action); *len its steps. */
static size_t action_start(const scoring_plan *p, size_t i, size_t *len)
{
	size_t at = 0;
	for (;;) {
		size_t n = 0;
		if (at < p->n_steps) {
			n = 1;
			if (p->steps[at].question->kind != QN_MULTI)
				while (at + n < p->n_steps &&
				       p->steps[at + n].question == p->steps[at].question)
					n++;
		}
		if (i == 0 || at >= p->n_steps) {
			*len = n;
			return at;
		}
		at += n;
		i--;
	}
}

size_t scoring_plan_n_actions(const scoring_plan *p)
{
	size_t n = 0, len = 0;
	while (p && action_start(p, n, &len) < p->n_steps)
		n++;
	return n;
}

/* An English name in the middle of a sentence: "Quality management" -> "quality management",
 * but "AI" and "5G" stay. */
static const char *mid_sentence(const char *name, qn_lang lang, char *buf, size_t size)
{
	snprintf(buf, size, "%s", name);
	if (lang == QN_LANG_EN && buf[0] >= 'A' && buf[0] <= 'Z' && buf[1] >= 'a' && buf[1] <= 'z')
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

static void scenario_text(const scoring_plan_step *first, const scoring_plan_step *last, size_t n,
			  qn_lang lang, char *buf, size_t size)
{
	const qn_question *q = first->question;
	char name[256], steps[32] = "";
	mid_sentence(qn_text_get(&q->indicator->name, lang), lang, name, sizeof name);
	const char *star = q->constrained ? lang_pick(lang, "★", " ★") : "";
	int to = last->to.level;
	if (n > 1)
		snprintf(steps, sizeof steps, lang_pick(lang, "（%zu 步）", " (%zu steps)"), n);
	if (first->from.given)
		snprintf(buf, size,
			 lang_pick(lang, "将%s%s由 %s提升到 %s%s：%s",
				   "Bring %s%s from %s to %s%s: %s"),
			 name, star,
			 questionnaire_scenario_level(first->from.level, QN_SCENARIO_LEVEL_SENTENCE,
						      lang),
			 questionnaire_scenario_level(to, QN_SCENARIO_LEVEL_SENTENCE, lang), steps,
			 qn_text_get(&q->level_text[to], lang));
	else
		snprintf(buf, size,
			 lang_pick(lang, "将%s%s（未填）提升到 %s%s：%s",
				   "Bring %s%s (unanswered) to %s%s: %s"),
			 name, star,
			 questionnaire_scenario_level(to, QN_SCENARIO_LEVEL_SENTENCE, lang), steps,
			 qn_text_get(&q->level_text[to], lang));
}

static void option_text(const scoring_plan_step *first, const scoring_plan_step *last, size_t n,
			qn_lang lang, char *buf, size_t size)
{
	const qn_question *q = first->question;
	char name[256], pts[32], steps[32] = "";
	int64_t gain = 0;
	for (const scoring_plan_step *st = first; st <= last; st++)
		gain += st->gain;
	decimal_format_milli(gain, pts, sizeof pts);
	if (n > 1)
		snprintf(steps, sizeof steps, lang_pick(lang, "（%zu 步）", " (%zu steps)"), n);
	if (q->kind == QN_MULTI) {
		/* One added option per action: the one in `to` but not in `from`. */
		uint64_t added = first->to.mask & ~(first->from.given ? first->from.mask : 0);
		int opt = 0;
		while (opt < (int)q->n_options - 1 && !(added >> opt & 1))
			opt++;
		snprintf(buf, size,
			 lang_pick(lang, "%s：增加“%s”，+%s 分", "%s: add \"%s\", +%s points"),
			 qn_text_get(&q->indicator->name, lang),
			 qn_text_get(&q->options[opt].label, lang), pts);
		return;
	}
	const char *from = first->from.given
				   ? qn_text_get(&q->options[first->from.choice].label, lang)
				   : lang_pick(lang, "未填", "unanswered");
	snprintf(buf, size,
		 lang_pick(lang, "将%s由“%s”提升到“%s”%s，+%s 分",
			   "Raise %s from \"%s\" to \"%s\"%s, +%s points"),
		 mid_sentence(qn_text_get(&q->indicator->name, lang), lang, name, sizeof name),
		 from, qn_text_get(&q->options[last->to.choice].label, lang), steps, pts);
}

size_t scoring_plan_action_text(const scoring_plan *p, size_t i, qn_lang lang, char *buf,
				size_t size)
{
	size_t len = 0, at = p ? action_start(p, i, &len) : 0;
	if (size)
		buf[0] = '\0';
	if (!p || at >= p->n_steps)
		return 0;
	const scoring_plan_step *first = &p->steps[at], *last = &p->steps[at + len - 1];
	if (first->question->kind == QN_SCENARIO)
		scenario_text(first, last, len, lang, buf, size);
	else
		option_text(first, last, len, lang, buf, size);
	return len;
}

void scoring_plan_print(FILE *out, const scoring_plan *p, const questionnaire *q, qn_lang lang)
{
	char line[1024], pts[32];
	if (!p)
		return;
	const qn_level_rule *rule = questionnaire_level_rule(q, p->level);
	text_fprintf_escaped(out,
			     lang_pick(lang, "升至%s的最少步骤：%zu 步",
				       "Fewest steps to %s: %zu %s"),
			     qn_text_get(&rule->name, lang), p->n_steps,
			     p->n_steps == 1 ? "step" : "steps");
	if (p->gain)
		fprintf(out, lang_pick(lang, "（+%s 分）", " (+%s points)"),
			decimal_format_milli(p->gain, pts, sizeof pts));
	fputc('\n', out);
	for (size_t i = 0; i < scoring_plan_n_actions(p); i++) {
		scoring_plan_action_text(p, i, lang, line, sizeof line);
		text_fprintf_escaped(out, "  %zu. %s\n", i + 1, line);
	}
}
