/* A subsidy result for people (a terminal listing) and for programs (JSON). */
#include "config.h"
#include "policies/subsidy-internal.h"

#include <stdio.h>
#include <string.h>
#include "common/decimal.h"
#include "common/lang.h"
#include "common/text.h"

/* The area the policy covers and the stage of the assessment: what decides who is paid. */
static void print_where(FILE *out, const subsidy_result *r, qn_lang lang)
{
	const policy_area *a = policy_area_get(r->policy);
	const char *stage = answers_stage_label(r->stage, ANSWERS_STAGE_GLOSSED, lang);
	static const char *const zh[] = {"在适用地区内", "不在适用地区内", "地区未知"};
	static const char *const en[] = {"in the area", "outside the area", "area unknown"};
	if (a->n_codes || a->n_names)
		text_fprintf_escaped(out,
				     lang_pick(lang, "适用地区：%s；本企业：%s\n",
					       "Area: %s; the enterprise: %s\n"),
				     qn_text_get(&a->text, lang),
				     lang_pick(lang, zh[r->area], en[r->area]));
	text_fprintf_escaped(out, lang_pick(lang, "评测阶段：%s%s\n", "Assessment stage: %s%s\n"),
			     stage ? stage : lang_pick(lang, "未注明", "not given"),
			     r->level_overridden ? lang_pick(lang, "（--level 假设测算）",
							     " (a --level what-if)")
						 : "");
}

static void print_header(FILE *out, const subsidy_result *r, qn_lang lang)
{
	char win[160];
	policy_window_describe(policy_window_get(r->policy), lang, win, sizeof win);
	text_fprintf_escaped(out, "%s\n", qn_text_get(r->title, lang));
	text_fprintf_escaped(out,
			     lang_pick(lang, "政策 %s（%s），有效期%s\n",
				       "Policy %s (%s), in force %s\n"),
			     r->policy_id, qn_text_get(r->issuer, lang), win);
	text_fprintf_escaped(out,
			     lang_pick(lang, "评测日期 %s：%s；数字化水平：%s%s\n",
				       "Assessment dated %s: %s; digitization level: %s%s\n"),
			     r->date, subsidy_window_label(r->window, lang),
			     questionnaire_level_name(NULL, r->level, lang),
			     r->level_overridden
				     ? lang_pick(lang, "（--level 指定）", " (given with --level)")
				     : "");
	print_where(out, r, lang);
	text_fprintf_escaped(out, "%s\n\n",
			     lang_pick(lang, "金额单位：元；比例 × 基数向下取整到元",
				       "Amounts in yuan; rate × base is rounded down to the yuan"));
}

static void print_shares(FILE *out, const subsidy_item *it, qn_lang lang)
{
	char v[32];
	int all = 0;
	if (!it->n_shares || it->status != SUBSIDY_PAID)
		return;
	for (size_t i = 0; i < it->n_shares; i++)
		all += it->shares[i].parts;
	text_fprintf_escaped(out, "    %s", lang_pick(lang, "分担：", "Paid by: "));
	for (size_t i = 0; i < it->n_shares; i++)
		text_fprintf_escaped(out, lang_pick(lang, "%s%s %s（%d/%d）", "%s%s %s (%d/%d)"),
				     i ? lang_pick(lang, "；", "; ") : "",
				     qn_text_get(it->shares[i].payer, lang),
				     decimal_format_yuan(it->shares[i].amount, v, sizeof v),
				     it->shares[i].parts, all);
	fputc('\n', out);
}

/* A clause that pays is shown with its working; one that does not, on one line with the reason. */
static void print_item(FILE *out, const subsidy_item *it, qn_lang lang)
{
	char v[32], no[POLICY_NUMBER_MAX];
	const char *number = policy_number_text(it->number, lang, no, sizeof no);
	if (it->status != SUBSIDY_PAID) {
		text_fprintf_escaped(out, lang_pick(lang, "%s %s〔%s〕%s\n", "%s %s [%s] %s\n"),
				     number, qn_text_get(it->title, lang),
				     subsidy_status_label(it->status, lang),
				     qn_text_get(&it->detail, lang));
		return;
	}
	text_fprintf_escaped(out, lang_pick(lang, "%s %s：%s 元〔%s〕\n", "%s %s: %s yuan [%s]\n"),
			     number, qn_text_get(it->title, lang),
			     decimal_format_yuan(it->amount, v, sizeof v),
			     subsidy_status_label(it->status, lang));
	text_fprintf_escaped(out, "    %s\n", qn_text_get(&it->detail, lang));
	print_shares(out, it, lang);
	if (it->other_reading_amount != SUBSIDY_NONE && it->reading)
		text_fprintf_escaped(out,
				     lang_pick(lang, "    按另一读法：%s 元\n",
					       "    Under the other reading: %s yuan\n"),
				     decimal_format_yuan(it->other_reading_amount, v, sizeof v));
}

static void print_budget(FILE *out, const subsidy_result *r, qn_lang lang)
{
	char b[32], c[32];
	if (r->budget == SUBSIDY_NONE)
		return;
	text_fprintf_escaped(out,
			     lang_pick(lang, "预算：%s 元（%s）。%s\n",
				       "Budget: %s yuan (%s). %s\n"),
			     decimal_format_yuan(r->budget, b, sizeof b),
			     strcmp(r->budget_period, "year") == 0
				     ? lang_pick(lang, "每年", "per year")
				     : lang_pick(lang, "整个项目期", "for the programme"),
			     qn_text_get(policy_budget_text(r->policy), lang));
	for (size_t i = 0; i < r->n_budget_lines; i++)
		text_fprintf_escaped(out,
				     lang_pick(lang, "  %s：预算 %s，本企业 %s\n",
					       "  %s: budget %s, this enterprise %s\n"),
				     qn_text_get(r->budget_lines[i].name, lang),
				     decimal_format_yuan(r->budget_lines[i].budget, b, sizeof b),
				     decimal_format_yuan(r->budget_lines[i].claimed, c, sizeof c));
}

void subsidy_print(FILE *out, const subsidy_result *r, qn_lang lang)
{
	char v[32], w[32];
	print_header(out, r, lang);
	if (r->area == SUBSIDY_AREA_OUT) /* one line says it all */
		text_fprintf_escaped(
			out,
			lang_pick(lang, "本企业不在本政策适用地区（%s）内，本政策不适用。\n",
				  "The enterprise is outside the area the policy covers (%s): it does not "
				  "apply.\n"),
			qn_text_get(&policy_area_get(r->policy)->text, lang));
	for (size_t i = 0; r->area != SUBSIDY_AREA_OUT && i < r->n_items; i++)
		print_item(out, &r->items[i], lang);
	text_fprintf_escaped(out, lang_pick(lang, "\n合计：%s 元", "\nTotal: %s yuan"),
			     decimal_format_yuan(r->total, v, sizeof v));
	if (r->total != r->total_before_cap)
		text_fprintf_escaped(out,
				     lang_pick(lang, "（核减前 %s 元）", " (%s before the cap)"),
				     decimal_format_yuan(r->total_before_cap, w, sizeof w));
	if (r->total_if_post != SUBSIDY_NONE)
		text_fprintf_escaped(out,
				     lang_pick(lang, "；改造后评测达到%s时合计 %s 元",
					       "; a post-transformation "
					       "assessment at %s would get %s yuan"),
				     questionnaire_level_name(NULL, r->level, lang),
				     decimal_format_yuan(r->total_if_post, w, sizeof w));
	fputc('\n', out);
	print_budget(out, r, lang);
	if (r->n_warnings)
		text_fprintf_escaped(out, "%s\n", lang_pick(lang, "提示：", "Warnings:"));
	for (size_t i = 0; i < r->n_warnings; i++)
		text_fprintf_escaped(out, "  - %s\n", qn_text_get(&r->warnings[i].text, lang));
}

/* ---- JSON ---- */

static void add_amount(cJSON *o, const char *key, int64_t v)
{
	if (v == SUBSIDY_NONE)
		cJSON_AddNullToObject(o, key);
	else
		cJSON_AddNumberToObject(o, key, (double)v); /* exact: yuan stay far below 2^53 */
}

static cJSON *shares_json(const subsidy_item *it, qn_lang lang)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < it->n_shares; i++) {
		cJSON *s = cJSON_CreateObject();
		cJSON_AddItemToArray(a, s);
		cJSON_AddStringToObject(s, "payer", qn_text_get(it->shares[i].payer, lang));
		cJSON_AddNumberToObject(s, "parts", it->shares[i].parts);
		add_amount(s, "amount", it->shares[i].amount);
	}
	return a;
}

static cJSON *item_json(const subsidy_item *it, qn_lang lang)
{
	char rate[16], no[POLICY_NUMBER_MAX];
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "clause", it->id);
	cJSON_AddStringToObject(o, "number", it->number);
	cJSON_AddStringToObject(o, "number_text",
				policy_number_text(it->number, lang, no, sizeof no));
	cJSON_AddStringToObject(o, "title", qn_text_get(it->title, lang));
	cJSON_AddStringToObject(o, "kind", it->kind);
	if (it->stacking_class)
		cJSON_AddStringToObject(o, "class", it->stacking_class);
	cJSON_AddStringToObject(o, "status", subsidy_status_name(it->status));
	cJSON_AddBoolToObject(o, "applies", it->status == SUBSIDY_PAID);
	add_amount(o, "amount", it->amount);
	add_amount(o, "would_pay", it->would_pay);
	cJSON *missing = cJSON_AddArrayToObject(o, "missing");
	for (unsigned bit = 1; missing && bit; bit <<= 1)
		if ((it->missing & bit) && subsidy_missing_key(bit))
			cJSON_AddItemToArray(missing, cJSON_CreateString(subsidy_missing_key(bit)));
	if (it->project)
		cJSON_AddStringToObject(o, "project", it->project);
	else
		cJSON_AddNullToObject(o, "project");
	cJSON_AddBoolToObject(o, "project_tagged", it->project_tagged);
	add_amount(o, "computed", it->computed);
	add_amount(o, "base", it->base);
	cJSON_AddStringToObject(o, "base_unit", it->base_is_count ? "count" : "yuan");
	add_amount(o, "rate_bp", it->rate_bp);
	if (it->rate_bp != SUBSIDY_NONE)
		cJSON_AddStringToObject(o, "rate",
					subsidy_format_rate(it->rate_bp, rate, sizeof rate));
	add_amount(o, "cap", it->cap);
	cJSON_AddBoolToObject(o, "capped", it->capped);
	if (it->count != SUBSIDY_NONE)
		add_amount(o, "count", it->count);
	if (it->stacked_with)
		cJSON_AddStringToObject(o, "stacked_with", it->stacked_with);
	if (it->reading) {
		cJSON_AddStringToObject(o, "reading", it->reading);
		add_amount(o, "other_reading_amount", it->other_reading_amount);
	}
	cJSON_AddItemToObject(o, "shares", shares_json(it, lang));
	cJSON_AddStringToObject(o, "detail", qn_text_get(&it->detail, lang));
	return o;
}

static cJSON *window_json(const subsidy_result *r)
{
	const policy_window *w = policy_window_get(r->policy);
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "from", w->from_text);
	cJSON_AddStringToObject(o, "to", w->to_text);
	cJSON_AddStringToObject(o, "status", subsidy_window_name(r->window));
	return o;
}

static cJSON *area_json(const subsidy_result *r, qn_lang lang)
{
	const policy_area *a = policy_area_get(r->policy);
	cJSON *o = cJSON_CreateObject(), *codes = cJSON_AddArrayToObject(o, "codes");
	cJSON_AddStringToObject(o, "status", subsidy_area_name(r->area));
	if (r->area_basis)
		cJSON_AddStringToObject(o, "basis", r->area_basis);
	else
		cJSON_AddNullToObject(o, "basis");
	for (size_t i = 0; codes && i < a->n_codes; i++)
		cJSON_AddItemToArray(codes, cJSON_CreateString(a->codes[i]));
	cJSON_AddStringToObject(o, "name", a->text.zh ? qn_text_get(&a->text, lang) : "");
	return o;
}

static cJSON *conflicts_json(const subsidy_result *r, qn_lang lang)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < r->n_conflicts; i++) {
		const subsidy_conflict *c = &r->conflicts[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToArray(a, o);
		cJSON_AddStringToObject(o, "id", c->id);
		cJSON_AddStringToObject(o, "kind",
					policy_conflict_at(r->policy, i)->kind ==
							POLICY_CONFLICT_AMBIGUITY
						? "reading"
						: "contradiction");
		cJSON_AddStringToObject(o, "about", qn_text_get(c->about, lang));
		cJSON_AddStringToObject(o, "chosen", c->chosen_id);
		cJSON_AddStringToObject(o, "chosen_text", qn_text_get(c->chosen, lang));
		cJSON_AddStringToObject(o, "other", c->other_id);
		cJSON_AddStringToObject(o, "other_text", qn_text_get(c->other, lang));
		add_amount(o, "total_other", c->total_other);
	}
	return a;
}

static cJSON *warnings_json(const subsidy_result *r, qn_lang lang)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < r->n_warnings; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToArray(a, o);
		cJSON_AddStringToObject(o, "code", r->warnings[i].code);
		cJSON_AddStringToObject(o, "text", qn_text_get(&r->warnings[i].text, lang));
	}
	return a;
}

static cJSON *budget_json(const subsidy_result *r, qn_lang lang)
{
	if (r->budget == SUBSIDY_NONE)
		return cJSON_CreateNull();
	cJSON *o = cJSON_CreateObject(), *lines = cJSON_CreateArray();
	add_amount(o, "yuan", r->budget);
	cJSON_AddStringToObject(o, "period", r->budget_period);
	cJSON_AddBoolToObject(o, "binding", r->budget_binding);
	cJSON_AddItemToObject(o, "lines", lines);
	for (size_t i = 0; lines && i < r->n_budget_lines; i++) {
		cJSON *l = cJSON_CreateObject();
		cJSON_AddItemToArray(lines, l);
		cJSON_AddStringToObject(l, "name", qn_text_get(r->budget_lines[i].name, lang));
		add_amount(l, "budget", r->budget_lines[i].budget);
		add_amount(l, "claimed", r->budget_lines[i].claimed);
	}
	return o;
}

cJSON *subsidy_to_json(const subsidy_result *r, qn_lang lang)
{
	cJSON *o = cJSON_CreateObject(), *items = cJSON_CreateArray();
	if (!o || !items) {
		cJSON_Delete(o);
		cJSON_Delete(items);
		return NULL;
	}
	cJSON_AddStringToObject(o, "policy", r->policy_id);
	cJSON_AddStringToObject(o, "title", qn_text_get(r->title, lang));
	cJSON_AddStringToObject(o, "date", r->date);
	cJSON_AddItemToObject(o, "window", window_json(r));
	cJSON_AddNumberToObject(o, "level", r->level);
	cJSON_AddBoolToObject(o, "level_overridden", r->level_overridden);
	if (r->stage)
		cJSON_AddStringToObject(o, "stage", answers_stage_name(r->stage));
	else
		cJSON_AddNullToObject(o, "stage");
	cJSON_AddItemToObject(o, "area", area_json(r, lang));
	add_amount(o, "total_if_post", r->total_if_post);
	cJSON_AddStringToObject(o, "rounding", "floor to the yuan");
	add_amount(o, "total", r->total);
	add_amount(o, "total_before_cap", r->total_before_cap);
	cJSON_AddItemToObject(o, "items", items);
	for (size_t i = 0; i < r->n_items; i++)
		cJSON_AddItemToArray(items, item_json(&r->items[i], lang));
	cJSON_AddItemToObject(o, "conflicts", conflicts_json(r, lang));
	cJSON_AddItemToObject(o, "warnings", warnings_json(r, lang));
	cJSON_AddItemToObject(o, "budget", budget_json(r, lang));
	return o;
}
