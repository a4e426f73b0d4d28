/*
 * 指标明细 Indicators: every scored question with the answer in words, points, maximum and
 * share, grouped by dimension with subtotal rows (an outline the reader can fold), and a total.
 * Zero points are shaded red and full marks green, and the share carries a data bar, so the
 * gaps stand out. The scenario questions score no points and have their own sheet.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include "common/decimal.h"
#include "common/text.h"

enum {
	COL_DIM,
	COL_SUB,
	COL_IND,
	COL_ID,
	COL_TEXT,
	COL_ANSWER,
	COL_POINTS,
	COL_MAX,
	COL_SHARE,
	COL_NOTE,
	N_COLS
};

static const double min_w[N_COLS] = {10, 10, 10, 6, 24, 24, 8, 8, 9, 12};
static const double max_w[N_COLS] = {10, 10, 12, 6, 30, 36, 8, 8, 9, 18};

static void header(xlsx_sheet *s)
{
	static const char *const zh[N_COLS] = {"维度", "分项", "指标", "题号",   "题目",
					       "作答", "得分", "满分", "得分率", "备注"};
	static const char *const en[N_COLS] = {"Dimension", "Sub-dimension", "Indicator", "Id",
					       "Question",  "Answer",        "Points",    "Maximum",
					       "Share",     "Note"};
	const report_ctx *c = s->ctx;
	rp_header_row(s, 0, c->lang == QN_LANG_EN ? en : zh, N_COLS, true);
}

static void question_row(xlsx_sheet *s, lxw_row_t row, const qn_question *q)
{
	report_ctx *c = s->ctx;
	const qn_indicator *ind = q->indicator;
	const qn_subdimension *sub = ind->subdimension;
	char words[4096];
	int64_t pts = c->r->question_points[q->index];
	xlsx_sheet_string(s, row, COL_DIM, qn_text_get(&sub->dimension->name, c->lang), c->f.text);
	xlsx_sheet_string(s, row, COL_SUB, qn_text_get(&sub->name, c->lang), c->f.text);
	xlsx_sheet_string(s, row, COL_IND, qn_text_get(&ind->name, c->lang), c->f.text);
	xlsx_sheet_string(s, row, COL_ID, q->id, c->f.center);
	xlsx_sheet_string(s, row, COL_TEXT, qn_text_get(&q->text, c->lang), c->f.text);
	rp_answer_text(c, q, words, sizeof words);
	xlsx_sheet_string(s, row, COL_ANSWER, words, c->f.text);
	xlsx_sheet_points(s, row, COL_POINTS, pts, c->f.points);
	xlsx_sheet_points(s, row, COL_MAX, q->max_points, c->f.points);
	rp_share(s, row, COL_SHARE, COL_POINTS, COL_MAX, pts, q->max_points, c->f.share);
	xlsx_sheet_string(s, row, COL_NOTE, answers_get(c->r->answers, q->index)->note, c->f.text);
	xlsx_sheet_row_level(s, row, 1); /* the rows fold away under their subtotal */
}

/* Red for nothing earned, green for full marks, a bar for the share. */
static void highlight(xlsx_sheet *s, lxw_row_t first, lxw_row_t last)
{
	report_ctx *c = s->ctx;
	char zero[32], full[32];
	if (!s->ws || last < first)
		return;
	snprintf(zero, sizeof zero, "=$G%u=0", first + 1);
	snprintf(full, sizeof full, "=$G%u=$H%u", first + 1, first + 1);
	lxw_conditional_format bad = {.type = LXW_CONDITIONAL_TYPE_FORMULA,
				      .value_string = zero,
				      .format = c->f.bad};
	lxw_conditional_format good = {.type = LXW_CONDITIONAL_TYPE_FORMULA,
				       .value_string = full,
				       .format = c->f.good};
	lxw_conditional_format bar = {.type = LXW_CONDITIONAL_DATA_BAR,
				      .bar_color = XLSX_COLOR_BAR_LIGHT,
				      .bar_solid = LXW_TRUE,
				      .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .min_value = 0,
				      .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .max_value = 1};
	xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_POINTS, last,
							       COL_POINTS, &bad));
	xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_POINTS, last,
							       COL_POINTS, &good));
	xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_SHARE, last,
							       COL_SHARE, &bar));
}

static void sum_row(xlsx_sheet *s, lxw_row_t row, const char *label, const char *points_formula,
		    const char *max_formula, int64_t pts, int64_t max)
{
	report_ctx *c = s->ctx;
	xlsx_sheet_merge(s, row, COL_DIM, row, COL_ANSWER, label, c->f.sub_label);
	xlsx_sheet_formula(s, row, COL_POINTS, points_formula, decimal_milli_to_double(pts),
			   c->f.sub_points);
	xlsx_sheet_formula(s, row, COL_MAX, max_formula, decimal_milli_to_double(max),
			   c->f.sub_points);
	rp_share(s, row, COL_SHARE, COL_POINTS, COL_MAX, pts, max, c->f.sub_share);
	xlsx_sheet_string(s, row, COL_NOTE, NULL, c->f.sub_label);
}

/* The dimension's questions and its subtotal; returns the subtotal's row. */
static lxw_row_t dimension(xlsx_sheet *s, lxw_row_t row, const qn_dimension *dim)
{
	report_ctx *c = s->ctx;
	lxw_row_t first = row;
	for (size_t i = 0; i < dim->n_subdimensions; i++)
		for (size_t j = 0; j < dim->subdimensions[i].n_indicators; j++) {
			const qn_indicator *ind = &dim->subdimensions[i].indicators[j];
			for (size_t k = 0; k < ind->n_questions; k++)
				question_row(s, row++, ind->questions[k]);
		}
	highlight(s, first, row - 1);
	char label[160], pf[48], mf[48];
	snprintf(label, sizeof label, lang_pick(c->lang, "%s 小计", "%s subtotal"),
		 qn_text_get(&dim->name, c->lang));
	snprintf(pf, sizeof pf, "=SUM(G%u:G%u)", first + 1, row);
	snprintf(mf, sizeof mf, "=SUM(H%u:H%u)", first + 1, row);
	sum_row(s, row, label, pf, mf, scoring_dimension_points(c->r, dim), dim->points);
	return row;
}

void report_sheet_indicators(report_ctx *c)
{
	xlsx_sheet s;
	rp_sheet_begin(&s, c, RP_INDICATORS);
	if (!s.ws)
		return;
	header(&s);
	lxw_row_t row = 1;
	char pf[256] = "=", mf[256] = "=";
	size_t pn = 1, mn = 1;
	for (size_t d = 0; d < questionnaire_n_dimensions(c->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(c->q, d);
		if (!dim->scored)
			continue;
		lxw_row_t sub = dimension(&s, row, dim);
		/* The total adds the subtotals, so it stays right when a row is folded or edited. */
		text_appendf(pf, sizeof pf, &pn, "%sG%u", pn > 1 ? "+" : "", sub + 1);
		text_appendf(mf, sizeof mf, &mn, "%sH%u", mn > 1 ? "+" : "", sub + 1);
		row = sub + 1;
	}
	sum_row(&s, row, lang_pick(c->lang, "总分", "Total"), pf, mf, c->r->total, c->r->max);
	xlsx_sheet_end(&s, min_w, max_w, N_COLS);
	worksheet_outline_settings(s.ws, LXW_TRUE, LXW_FALSE, LXW_TRUE, LXW_FALSE);
}
