/* The acceptance verdict against a policy, line by line (verdict.h). */
#include "config.h"
#include "compare/verdict.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "common/date.h"
#include "common/decimal.h"
#include "common/lang.h"
#include "common/text.h"
#include "compare/compare_internal.h"

const char *compare_line_name(compare_line_id id)
{
	static const char *const names[] = {"level", "stage", "window", "evidence", "subsidy"};
	return (unsigned)id < COMPARE_LINE_MAX ? names[id] : "";
}

const char *compare_line_label(compare_line_id id, qn_lang lang)
{
	static const char *const labels[][2] = {{"等级", "Level"},
						{"评测性质", "Assessment"},
						{"政策有效期", "Policy window"},
						{"★场景佐证", "★ scenario evidence"},
						{"补贴", "Subsidy"}};
	return (unsigned)id < COMPARE_LINE_MAX ? labels[id][lang == QN_LANG_EN] : "";
}

const char *compare_line_status_name(compare_line_status s)
{
	return s == COMPARE_MET ? "met" : s == COMPARE_NOT_MET ? "not_met" : "missing";
}

const char *compare_line_status_label(compare_line_status s, qn_lang lang)
{
	if (s == COMPARE_MET)
		return lang_pick(lang, "符合", "met");
	if (s == COMPARE_NOT_MET)
		return lang_pick(lang, "不符合", "not met");
	return lang_pick(lang, "缺少信息", "input missing");
}

/* Sets a line's status and its reason in both languages (zh format, then en format, then the
 * arguments both share). */
static void set_line(compare_verdict *v, compare_line_id id, compare_line_status st, const char *zh,
		     const char *en, ...)
{
	compare_verdict_line *l = &v->lines[id];
	va_list ap;
	l->id = id;
	l->status = st;
	va_start(ap, en);
	va_list copy;
	va_copy(copy, ap);
	vsnprintf(l->text[QN_LANG_ZH], sizeof l->text[0], zh, ap);
	vsnprintf(l->text[QN_LANG_EN], sizeof l->text[1], en, copy);
	va_end(copy);
	va_end(ap);
}

static int lowest_gate(const policy *p)
{
	int lowest = 0;
	for (size_t i = 0; i < policy_n_clauses(p); i++) {
		const policy_clause *cl = policy_clause_at(p, i);
		if (cl->kind != POLICY_RULE_INFO && cl->min_level > 0 &&
		    (!lowest || cl->min_level < lowest))
			lowest = cl->min_level;
	}
	return lowest;
}

static void line_level(compare_verdict *v)
{
	const questionnaire *q = v->cmp->q;
	int have = v->cmp->level_after, need = v->level_paid_for;
	compare_verdict_line *l = &v->lines[COMPARE_LINE_LEVEL];
	l->id = COMPARE_LINE_LEVEL;
	if (!need) {
		l->status = COMPARE_MET;
		snprintf(l->text[0], COMPARE_LINE_TEXT_MAX, "政策不设等级门槛（改造后为%s）",
			 questionnaire_level_name(q, have, QN_LANG_ZH));
		snprintf(l->text[1], COMPARE_LINE_TEXT_MAX,
			 "the policy sets no level gate (after: %s)",
			 questionnaire_level_name(q, have, QN_LANG_EN));
		return;
	}
	l->status = have >= need ? COMPARE_MET : COMPARE_NOT_MET;
	snprintf(l->text[0], COMPARE_LINE_TEXT_MAX, "改造后为%s，政策要求%s及以上%s",
		 questionnaire_level_name(q, have, QN_LANG_ZH),
		 questionnaire_level_name(NULL, need, QN_LANG_ZH), have >= need ? "" : "，未达到");
	snprintf(l->text[1], COMPARE_LINE_TEXT_MAX, "after: %s; the policy pays from %s up%s",
		 questionnaire_level_name(q, have, QN_LANG_EN),
		 questionnaire_level_name(NULL, need, QN_LANG_EN),
		 have >= need ? "" : ": not reached");
}

static void line_stage(compare_verdict *v)
{
	const answers *a = v->cmp->after->answers;
	answers_stage st = answers_stage_get(a);
	const char *src = compare_source(a);
	if (st != ANSWERS_STAGE_NONE && st != ANSWERS_STAGE_POST)
		set_line(v, COMPARE_LINE_STAGE, COMPARE_NOT_MET,
			 "改造后的答卷是改造前评测（stage %s）",
			 "AFTER is a baseline assessment (stage %s)", answers_stage_name(st));
	else if (src && strcmp(src, "onsite") != 0)
		set_line(v, COMPARE_LINE_STAGE, COMPARE_NOT_MET,
			 "改造后的答卷不是现场评定（source %s）",
			 "AFTER was not rated on site (source %s)", src);
	else if (st == ANSWERS_STAGE_NONE)
		set_line(v, COMPARE_LINE_STAGE, COMPARE_MISSING,
			 "改造后的答卷未写明评测阶段（assessment.stage）",
			 "AFTER does not say its stage (assessment.stage)");
	else if (!src)
		set_line(v, COMPARE_LINE_STAGE, COMPARE_MISSING,
			 "改造后评测，但未写明是否现场评定（assessment.source）",
			 "post-transformation, but AFTER does not say it was rated on site "
			 "(assessment.source)");
	else
		set_line(v, COMPARE_LINE_STAGE, COMPARE_MET, "改造后评测，现场评定",
			 "post-transformation, rated on site");
}

static void line_window(compare_verdict *v, const char *date)
{
	int day;
	char zh[256], en[256];
	const policy_window *w = policy_window_get(v->policy);
	policy_window_describe(w, QN_LANG_ZH, zh, sizeof zh);
	policy_window_describe(w, QN_LANG_EN, en, sizeof en);
	if (!date || !date_parse(date, &day)) {
		set_line(v, COMPARE_LINE_WINDOW, COMPARE_MISSING, "改造后的答卷未写明评测日期",
			 "AFTER has no assessment date");
		return;
	}
	subsidy_window at = subsidy_window_at(w, day);
	compare_verdict_line *l = &v->lines[COMPARE_LINE_WINDOW];
	l->id = COMPARE_LINE_WINDOW;
	l->status = at == SUBSIDY_WINDOW_IN ? COMPARE_MET : COMPARE_NOT_MET;
	snprintf(l->text[0], COMPARE_LINE_TEXT_MAX, "评测日期 %s，%s（%s）", date,
		 subsidy_window_label(at, QN_LANG_ZH), zh);
	snprintf(l->text[1], COMPARE_LINE_TEXT_MAX, "assessed %s: %s (%s)", date,
		 subsidy_window_label(at, QN_LANG_EN), en);
}

/*
 * The ★ evidence line once scenarios are counted for a level: every one has evidence, or
 * LACK of them lack it (IDS). Each language names the level in its own words.
 */
static void set_evidence_counted(compare_verdict *v, compare_line_status st, int level, int at,
				 size_t counted, size_t lack, const char *ids)
{
	compare_verdict_line *l = &v->lines[COMPARE_LINE_EVIDENCE];
	const char *zh_level = questionnaire_level_name(NULL, level, QN_LANG_ZH);
	const char *en_level = questionnaire_level_name(NULL, level, QN_LANG_EN);
	const char *zh_at = questionnaire_scenario_level(at, QN_SCENARIO_LEVEL_SHORT, QN_LANG_ZH);
	const char *en_at = questionnaire_scenario_level(at, QN_SCENARIO_LEVEL_SHORT, QN_LANG_EN);
	l->id = COMPARE_LINE_EVIDENCE;
	l->status = st;
	if (!lack) {
		snprintf(l->text[0], COMPARE_LINE_TEXT_MAX,
			 "计入%s条件的 %zu 个★场景（%s及以上）均有佐证", zh_level, counted, zh_at);
		snprintf(l->text[1], COMPARE_LINE_TEXT_MAX,
			 "all %zu ★ scenarios counted for %s (at %s or above) have evidence",
			 counted, en_level, en_at);
		return;
	}
	snprintf(l->text[0], COMPARE_LINE_TEXT_MAX,
		 "计入%s条件的 %zu 个★场景（%s及以上）中 %zu 个没有佐证：%s", zh_level, counted,
		 zh_at, lack, ids);
	snprintf(l->text[1], COMPARE_LINE_TEXT_MAX,
		 "%zu of the %zu ★ scenarios counted for %s (at %s or above) have no evidence: %s",
		 lack, counted, en_level, en_at, ids);
}

static void line_evidence(compare_verdict *v)
{
	const compare_result *c = v->cmp;
	int level = v->level_paid_for ? v->level_paid_for : c->level_after;
	const qn_level_rule *rule = questionnaire_level_rule(c->q, level);
	char lacking[256] = "";
	size_t used = 0, counted = 0, lack = 0, any = 0;
	for (size_t i = 0; i < c->n_questions; i++) {
		const compare_question *cq = &c->questions[i];
		any += cq->evidence_after;
		if (!rule || !cq->question->constrained || cq->level_after < rule->scenario_level)
			continue;
		counted++;
		if (cq->evidence_after)
			continue;
		lack++;
		if (used + 8 < sizeof lacking) /* an id is listed whole or not at all */
			text_appendf(lacking, sizeof lacking, &used, "%s%s", used ? " " : "",
				     cq->question->id);
	}
	if (!rule || !counted)
		set_line(v, COMPARE_LINE_EVIDENCE, COMPARE_MET, "没有计入等级的★场景",
			 "no ★ scenario is counted for a level");
	else
		set_evidence_counted(v,
				     !lack ? COMPARE_MET
				     : any ? COMPARE_NOT_MET
					   : COMPARE_MISSING,
				     level, rule->scenario_level, counted, lack, lacking);
}

static bool lacks_input(const subsidy_result *r)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (r->items[i].status == SUBSIDY_NO_INPUT)
			return true;
	return false;
}

/* Both amounts at AFTER's date, so they differ only by what the transformation changed. */
static assess_code line_subsidy(compare_verdict *v, const char *date, assess_error *err)
{
	v->payable_after = v->payable_before = SUBSIDY_NONE;
	int day;
	if (!date || !date_parse(date, &day)) {
		set_line(v, COMPARE_LINE_SUBSIDY, COMPARE_MISSING, "没有评测日期，无法计算补贴",
			 "no assessment date to compute the subsidy on");
		return ASSESS_OK;
	}
	const scoring_result *after = v->cmp->after, *before = v->cmp->before;
	subsidy_options o = {.date = date};
	if (!(v->after = subsidy_assess(v->policy, after->answers, after, &o, err)) ||
	    !(v->before = subsidy_assess(v->policy, before->answers, before, &o, err)))
		return err ? err->code : ASSESS_ERR_DATA;
	v->payable_after = v->after->total;
	/* A baseline pays nothing itself: what its level would get after transformation. */
	v->payable_before = v->before->total_if_post != SUBSIDY_NONE ? v->before->total_if_post
								     : v->before->total;
	char a[32], b[32];
	decimal_format_yuan(v->payable_after, a, sizeof a);
	decimal_format_yuan(v->payable_before, b, sizeof b);
	compare_line_status st = v->payable_after > 0    ? COMPARE_MET
				 : lacks_input(v->after) ? COMPARE_MISSING
							 : COMPARE_NOT_MET;
	compare_verdict_line *l = &v->lines[COMPARE_LINE_SUBSIDY];
	l->id = COMPARE_LINE_SUBSIDY;
	l->status = st;
	snprintf(l->text[0], COMPARE_LINE_TEXT_MAX, "改造后可得 %s 元（改造前的等级可得 %s 元）%s",
		 a, b, st == COMPARE_MISSING ? "；缺少计算所需的数据" : "");
	snprintf(l->text[1], COMPARE_LINE_TEXT_MAX,
		 "AFTER is paid %s yuan (BEFORE's level would have been paid %s)%s", a, b,
		 st == COMPARE_MISSING ? "; a figure it needs is missing" : "");
	return ASSESS_OK;
}

compare_verdict *compare_verdict_run(const compare_result *cmp, const policy *p, assess_error *err)
{
	compare_verdict *v = calloc(1, sizeof *v);
	if (!v) {
		assess_nomem(err, NULL);
		return NULL;
	}
	const char *date = answers_field_get(cmp->after->answers, ANSWERS_DATE);
	v->cmp = cmp;
	v->policy = p;
	v->level_paid_for = lowest_gate(p);
	line_level(v);
	line_stage(v);
	line_window(v, date);
	line_evidence(v);
	if (line_subsidy(v, date, err)) {
		compare_verdict_free(v);
		return NULL;
	}
	v->accepted = true;
	for (int i = 0; i < COMPARE_LINE_MAX; i++)
		v->accepted &= v->lines[i].status == COMPARE_MET;
	return v;
}

void compare_verdict_free(compare_verdict *v)
{
	if (!v)
		return;
	subsidy_free(v->after);
	subsidy_free(v->before);
	free(v);
}

cJSON *compare_verdict_to_json(const compare_verdict *v, qn_lang lang)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "policy", policy_id(v->policy));
	cJSON_AddBoolToObject(o, "accepted", v->accepted);
	cJSON_AddNumberToObject(o, "level_paid_for", v->level_paid_for);
	if (v->payable_after == SUBSIDY_NONE) {
		cJSON_AddNullToObject(o, "payable_after");
		cJSON_AddNullToObject(o, "payable_before");
	} else {
		cJSON_AddNumberToObject(o, "payable_after", (double)v->payable_after);
		cJSON_AddNumberToObject(o, "payable_before", (double)v->payable_before);
	}
	cJSON *lines = cJSON_AddArrayToObject(o, "lines");
	for (int i = 0; i < COMPARE_LINE_MAX; i++) {
		const compare_verdict_line *l = &v->lines[i];
		cJSON *x = cJSON_CreateObject();
		cJSON_AddStringToObject(x, "id", compare_line_name(l->id));
		cJSON_AddStringToObject(x, "status", compare_line_status_name(l->status));
		cJSON_AddStringToObject(x, "label", compare_line_label(l->id, lang));
		cJSON_AddStringToObject(x, "text", l->text[lang == QN_LANG_EN]);
		cJSON_AddItemToArray(lines, x);
	}
	return o;
}

void compare_verdict_print(FILE *out, const compare_verdict *v, qn_lang lang)
{
	fprintf(out, lang_pick(lang, "验收结论（%s）：%s\n", "Acceptance (%s): %s\n"),
		policy_id(v->policy),
		v->accepted ? lang_pick(lang, "符合", "accepted")
			    : lang_pick(lang, "不符合或信息不全", "not accepted"));
	for (int i = 0; i < COMPARE_LINE_MAX; i++) {
		const compare_verdict_line *l = &v->lines[i];
		fprintf(out, lang_pick(lang, "  %s：%s。%s\n", "  %s: %s. %s\n"),
			compare_line_label(l->id, lang), compare_line_status_label(l->status, lang),
			l->text[lang == QN_LANG_EN]);
	}
}
