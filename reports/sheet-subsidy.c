/*
 * 补贴测算 Subsidy: what one subsidy policy pays this enterprise at the level it reached, clause
 * by clause in the document's order (base, rate, cap, amount, who pays which share, or why a
 * clause pays nothing), the total, the readings chosen where the document contradicts itself,
 * and the engine's warnings. Money is whole yuan; figures are numbers, blanks where a clause
 * has no such figure.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include "common/decimal.h"
#include "common/text.h"
#include "policies/subsidy.h"

enum {
	COL_NO,
	COL_TITLE,
	COL_STATUS,
	COL_BASE,
	COL_RATE,
	COL_CAP,
	COL_COMPUTED,
	COL_AMOUNT,
	COL_DETAIL,
	COL_SHARES,
	N_COLS
};

static const double min_w[N_COLS] = {10, 16, 9, 11, 7, 11, 11, 11, 30, 18};
static const double max_w[N_COLS] = {12, 26, 13, 12, 8, 12, 12, 12, 44, 28};

static lxw_row_t key_value(xlsx_sheet *s, lxw_row_t row, const char *key, const char *value)
{
	const report_ctx *c = s->ctx;
	xlsx_sheet_merge(s, row, COL_NO, row, COL_TITLE, key, c->f.label);
	xlsx_sheet_merge(s, row, COL_STATUS, row, COL_SHARES, value, c->f.text);
	return row + 1;
}

static lxw_row_t summary(xlsx_sheet *s, const subsidy_result *sr, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	char buf[512], win[256];
	row = rp_heading(s, row, qn_text_get(sr->title, c->lang));
	policy_window_describe(policy_window_get(sr->policy), c->lang, win, sizeof win);
	snprintf(buf, sizeof buf, lang_pick(c->lang, "%s（%s）", "%s (%s)"), sr->policy_id,
		 qn_text_get(sr->issuer, c->lang));
	row = key_value(s, row, lang_pick(c->lang, "政策", "Policy"), buf);
	row = key_value(s, row, lang_pick(c->lang, "有效期", "In force"), win);
	snprintf(buf, sizeof buf, lang_pick(c->lang, "%s：%s", "%s: %s"), sr->date,
		 subsidy_window_label(sr->window, c->lang));
	row = key_value(s, row,
			answers_profile_label(ANSWERS_PROFILE_DATE, ANSWERS_PROFILE_FIELD, c->lang),
			buf);
	snprintf(buf, sizeof buf, "%s%s", questionnaire_level_name(c->q, sr->level, c->lang),
		 sr->level_overridden
			 ? lang_pick(c->lang, "（指定等级，非评测结果）", " (given, not scored)")
			 : "");
	row = key_value(s, row, lang_pick(c->lang, "按等级测算", "Computed for"), buf);
	return row;
}

static void money(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int64_t yuan, lxw_format *f)
{
	if (yuan == SUBSIDY_NONE)
		xlsx_sheet_string(s, row, col, NULL, f);
	else
		xlsx_sheet_number(s, row, col, (double)yuan, f);
}

static void shares_text(const report_ctx *c, const subsidy_item *it, char *buf, size_t size)
{
	size_t used = 0;
	int all = 0;
	char v[32];
	buf[0] = '\0';
	if (it->status != SUBSIDY_PAID)
		return;
	for (size_t i = 0; i < it->n_shares; i++)
		all += it->shares[i].parts;
	for (size_t i = 0; i < it->n_shares && used < size; i++) {
		const subsidy_share *sh = &it->shares[i];
		text_appendf(buf, size, &used,
			     lang_pick(c->lang, "%s%s %s（%d/%d）", "%s%s %s (%d/%d)"),
			     i ? "\n" : "", qn_text_get(sh->payer, c->lang),
			     decimal_format_yuan(sh->amount, v, sizeof v), sh->parts, all);
	}
}

static void item_row(xlsx_sheet *s, lxw_row_t row, const subsidy_item *it)
{
	report_ctx *c = s->ctx;
	char shares[1024], no[POLICY_NUMBER_MAX];
	xlsx_sheet_string(s, row, COL_NO, policy_number_text(it->number, c->lang, no, sizeof no),
			  c->f.center);
	xlsx_sheet_string(s, row, COL_TITLE, qn_text_get(it->title, c->lang), c->f.text);
	xlsx_sheet_string(s, row, COL_STATUS, subsidy_status_label(it->status, c->lang),
			  c->f.center);
	if (it->base != SUBSIDY_NONE && it->base_is_count)
		xlsx_sheet_number(s, row, COL_BASE, (double)it->base, c->f.integer);
	else
		money(s, row, COL_BASE, it->base, c->f.money);
	if (it->rate_bp == SUBSIDY_NONE)
		xlsx_sheet_string(s, row, COL_RATE, NULL, c->f.rate);
	else
		xlsx_sheet_number(s, row, COL_RATE, it->rate_bp / 10000.0, c->f.rate);
	money(s, row, COL_CAP, it->cap, c->f.money);
	money(s, row, COL_COMPUTED, it->status == SUBSIDY_PAID ? it->computed : SUBSIDY_NONE,
	      c->f.money);
	xlsx_sheet_number(s, row, COL_AMOUNT, (double)it->amount, c->f.money);
	xlsx_sheet_string(s, row, COL_DETAIL, qn_text_get(&it->detail, c->lang), c->f.text);
	shares_text(c, it, shares, sizeof shares);
	xlsx_sheet_string(s, row, COL_SHARES, shares, c->f.text);
}

static lxw_row_t items(xlsx_sheet *s, const subsidy_result *sr, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[N_COLS] = {"条款",          "名称",           "结果",
					       "基数（元）",    "比例",           "上限（元）",
					       "计算值（元）",  "补贴金额（元）", "计算说明",
					       "资金分担（元）"};
	static const char *const en[N_COLS] =
		{"Clause",          "Title",         "Result",
		 "Base (yuan)",     "Rate",          "Cap (yuan)",
		 "Computed (yuan)", "Amount (yuan)", "How it was worked out",
		 "Who pays (yuan)"};
	rp_header_row(s, row, c->lang == QN_LANG_EN ? en : zh, N_COLS, false);
	/* The clause table runs over pages: its column headers head every printed one. */
	if (s->ws)
		xlsx_check(c->book, worksheet_repeat_rows(s->ws, row, row));
	row++;
	lxw_row_t first = row;
	for (size_t i = 0; i < sr->n_items; i++)
		item_row(s, row++, &sr->items[i]);
	/* The total: a sum of the amounts, unless a policy-wide cap cut it. */
	char f[64];
	xlsx_sheet_merge(s, row, COL_NO, row, COL_COMPUTED, lang_pick(c->lang, "合计", "Total"),
			 c->f.sub_label);
	snprintf(f, sizeof f, "=SUM(H%u:H%u)", first + 1, row);
	if (sr->total == sr->total_before_cap)
		xlsx_sheet_formula(s, row, COL_AMOUNT, f, (double)sr->total, c->f.sub_money);
	else
		xlsx_sheet_number(s, row, COL_AMOUNT, (double)sr->total, c->f.sub_money);
	xlsx_sheet_string(s, row, COL_DETAIL,
			  sr->total == sr->total_before_cap
				  ? NULL
				  : lang_pick(c->lang, "合计受政策总额上限限制",
					      "The total is limited by the policy's cap"),
			  c->f.sub_label);
	xlsx_sheet_string(s, row, COL_SHARES, NULL, c->f.sub_label);
	xlsx_sheet_define_name(s, "SubsidyTotal", row, COL_AMOUNT);
	lxw_conditional_format paid = {.type = LXW_CONDITIONAL_TYPE_CELL,
				       .criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN,
				       .value = 0,
				       .format = c->f.good};
	if (s->ws && row > first)
		xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_AMOUNT,
								       row - 1, COL_AMOUNT, &paid));
	return row + 2;
}

static lxw_row_t notes(xlsx_sheet *s, const subsidy_result *sr, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	char buf[2048];
	if (sr->n_conflicts || sr->n_warnings) {
		row = rp_heading(s, row, lang_pick(c->lang, "解读与提示", "Readings and warnings"));
	}
	for (size_t i = 0; i < sr->n_conflicts; i++) {
		const subsidy_conflict *k = &sr->conflicts[i];
		char other[32];
		snprintf(buf, sizeof buf,
			 lang_pick(c->lang, "%s\n采用：%s\n另一读法：%s（按另一读法合计 %s 元）",
				   "%s\nUsed: %s\nThe other reading: %s (total under it: %s yuan)"),
			 qn_text_get(k->about, c->lang), qn_text_get(k->chosen, c->lang),
			 qn_text_get(k->other, c->lang),
			 decimal_format_yuan(k->total_other, other, sizeof other));
		/* Named for people: the conflict's id stays in --json. */
		row = key_value(s, row,
				policy_conflict_at(sr->policy, i)->kind == POLICY_CONFLICT_AMBIGUITY
					? lang_pick(c->lang, "两种理解", "Two readings")
					: lang_pick(c->lang, "前后不一致", "Contradiction"),
				buf);
	}
	for (size_t i = 0; i < sr->n_warnings; i++)
		row = key_value(s, row, lang_pick(c->lang, "提示", "Warning"),
				qn_text_get(&sr->warnings[i].text, c->lang));
	return row;
}

void report_sheet_subsidy(report_ctx *c)
{
	xlsx_sheet s;
	const subsidy_result *sr = c->opt->subsidy;
	rp_sheet_begin(&s, c, RP_SUBSIDY);
	if (!s.ws || !sr)
		return;
	lxw_row_t row = summary(&s, sr, 0);
	row = items(&s, sr, row + 1);
	notes(&s, sr, row);
	xlsx_sheet_end(&s, min_w, max_w, N_COLS);
}
