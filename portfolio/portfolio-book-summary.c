/* The portfolio's summary sheets, filled from the tally once every row is in. */
#include "config.h"
#include "portfolio/portfolio-book_internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/date.h"
#include "common/decimal.h"
#include "common/text.h"

#define N_LEVELS (QN_MAX_LEVEL + 1)
#define N_STAGES 3

/* How a basis heads its column or row: a stage in the rows sheet's words, no stage, or all. */
static const char *stage_name(const portfolio_book *b, int basis)
{
	if (basis == ANSWERS_STAGE_NONE)
		return lang_pick(b->o.lang, "未注明阶段", "stage not given");
	if (basis == PORTFOLIO_BASIS_ALL)
		return lang_pick(b->o.lang, "全部", "all");
	return answers_stage_label((answers_stage)basis, ANSWERS_STAGE_SHORT, b->o.lang);
}

static double ratio(size_t part, size_t whole) { return whole ? (double)part / (double)whole : 0; }

static double mean_points(const portfolio_counts *c)
{
	return c->n ? decimal_milli_to_double(c->total_milli) / (double)c->n : 0;
}

/*
 * A header row from a NULL-terminated list of texts over columns c0... that are widths wide:
 * broken between words, as tall as its most lines (bk_header_row).
 */
static void header(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, lxw_col_t c0,
		   const char *const *texts, const double *widths)
{
	size_t n = 0;
	while (texts[n])
		n++;
	bk_header_row(b, sh, r, c0, texts, n, widths, 0);
}

/* Sets columns c0... to widths. */
static void set_widths(xlsx_sheet *sh, lxw_col_t c0, const double *widths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xlsx_check(sh->book, worksheet_set_column(sh->ws, c0 + (lxw_col_t)i,
							  c0 + (lxw_col_t)i, widths[i], NULL));
}

/* The Targets sheet's columns: its tables share them. */
static const double target_widths[] = {30, 15, 15, 14, 14, 12, 12, 18};

/* A Targets table's title at row r and its header below; returns the first body row. */
static lxw_row_t target_table(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, const char *title,
			      const char *const *h)
{
	xlsx_sheet_string(sh, r, 0, title, b->f.heading);
	header(b, sh, r + 1, 0, h, target_widths);
	return r + 2;
}

/* "判定依据：改造后评测（12 家企业）" */
static void basis_line(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, const portfolio_tally *t,
		       int basis)
{
	char line[256];
	portfolio_counts c;
	portfolio_tally_counts(t, NULL, basis, &c);
	snprintf(line, sizeof line,
		 basis == PORTFOLIO_BASIS_ALL
			 ? lang_pick(b->o.lang, "判定依据：全部评测（%zu 家企业；没有改造后评测）",
				     "Judged on: all assessments (%zu enterprises; no "
				     "post-transformation ones)")
			 : lang_pick(b->o.lang, "判定依据：改造后评测（%zu 家企业）",
				     "Judged on: post-transformation assessments (%zu enterprises)"),
		 c.n);
	xlsx_sheet_string(sh, r, 0, line, b->f.subtitle);
}

static void title(portfolio_book *b, xlsx_sheet *sh, const char *zh, const char *en)
{
	xlsx_check(b->book, worksheet_set_row(sh->ws, 0, 22, NULL));
	xlsx_sheet_string(sh, 0, 0, lang_pick(b->o.lang, zh, en), b->f.title);
}

/* ---- 概览 Overview ---- */

static const double overview_widths[] = {22, 13, 13, 13, 13, 13};

static lxw_row_t overview_facts(portfolio_book *b, const portfolio_tally *t, int basis)
{
	xlsx_sheet *sh = &b->sheet[BK_OVERVIEW];
	char when[32], line[320];
	date_format_minute(b->created, when, sizeof when);
	lxw_row_t r = 3;
	/* Row by row: in constant-memory mode a row is final once a later one is written. */
	xlsx_sheet_string(sh, r, 0, lang_pick(b->o.lang, "生成时间", "Generated"), b->f.heading);
	xlsx_sheet_string(sh, r++, 1, when, NULL);
	xlsx_sheet_string(sh, r, 0, lang_pick(b->o.lang, "已评分企业", "Enterprises scored"),
			  b->f.heading);
	xlsx_sheet_number(sh, r++, 1, (double)portfolio_tally_rows(t), b->f.integer);
	xlsx_sheet_string(sh, r, 0, lang_pick(b->o.lang, "问题", "Problems"), b->f.heading);
	snprintf(line, sizeof line,
		 lang_pick(b->o.lang, "%zu（见“错误”工作表）", "%zu (see the Errors sheet)"),
		 b->n_errors + b->errors_dropped);
	xlsx_sheet_string(sh, r++, 1, line, b->n_errors ? b->f.bad : NULL);
	xlsx_sheet_string(sh, r, 0, lang_pick(b->o.lang, "判定依据", "Judged on"), b->f.heading);
	xlsx_sheet_string(sh, r++, 1,
			  basis == PORTFOLIO_BASIS_ALL
				  ? lang_pick(b->o.lang, "全部评测（没有改造后评测）",
					      "all assessments (no post-transformation ones)")
				  : lang_pick(b->o.lang, "改造后评测",
					      "post-transformation assessments"),
			  NULL);
	xlsx_sheet_string(sh, r, 0, lang_pick(b->o.lang, "补贴政策", "Subsidy policy"),
			  b->f.heading);
	xlsx_sheet_string(sh, r++, 1,
			  b->o.policy
				  ? qn_text_get(policy_title(b->o.policy), b->o.lang)
				  : lang_pick(b->o.lang, "未指定（--policy）", "none (--policy)"),
			  NULL);
	return r + 1;
}

/* "=SUM(B6:B10)": the column's cells from row r1 to r2 (0-based). */
static void sum_formula(lxw_col_t c, lxw_row_t r1, lxw_row_t r2, char *buf, size_t size)
{
	char a[16], z[16];
	xlsx_cell_ref(r1, c, a, sizeof a);
	xlsx_cell_ref(r2, c, z, sizeof z);
	snprintf(buf, size, "=SUM(%s:%s)", a, z);
}

/* A total over rows r1..r2 of column c, as a formula carrying its value. */
static void sum_cell(xlsx_sheet *sh, lxw_row_t r, lxw_col_t c, lxw_row_t r1, lxw_row_t r2,
		     double value, lxw_format *f)
{
	char formula[64];
	sum_formula(c, r1, r2, formula, sizeof formula);
	xlsx_sheet_formula(sh, r, c, formula, value, f);
}

/*
 * The level table: one column per stage present, the total over the stages, and each level's
 * share of the judged basis — whose column the header names and the share divides, so that
 * the header says what is computed: "占比（改造后）" is C7/C$11 when 改造后 is column C.
 */
static void overview_levels(portfolio_book *b, const portfolio_tally *t, int basis, lxw_row_t r0)
{
	xlsx_sheet *sh = &b->sheet[BK_OVERVIEW];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	portfolio_counts st[PORTFOLIO_N_BASES];
	int cols[PORTFOLIO_N_BASES], n_cols = 0;
	for (int s = 0; s < PORTFOLIO_N_BASES; s++) {
		portfolio_tally_counts(t, NULL, s, &st[s]);
		if (s < N_STAGES && st[s].n)
			cols[n_cols++] = s;
	}
	cols[n_cols++] = PORTFOLIO_BASIS_ALL;
	xlsx_sheet_string(sh, r0, 0,
			  lang_pick(b->o.lang, "等级分布（企业数）",
				    "Level distribution (enterprises)"),
			  b->f.heading);
	lxw_row_t h = r0 + 1, tr = h + 1 + N_LEVELS;
	lxw_col_t share_col = (lxw_col_t)(1 + n_cols), basis_col = share_col - 1;
	char share_head[64], a[16], z[16], formula[96];
	const char *heads[PORTFOLIO_N_BASES + 3] = {lang_pick(b->o.lang, "等级", "Level")};
	for (int i = 0; i < n_cols; i++) {
		heads[1 + i] = stage_name(b, cols[i]);
		if (cols[i] == basis)
			basis_col = (lxw_col_t)(1 + i);
	}
	snprintf(share_head, sizeof share_head, lang_pick(b->o.lang, "占比（%s）", "Share (%s)"),
		 stage_name(b, basis));
	heads[share_col] = share_head;
	header(b, sh, h, 0, heads, overview_widths);
	xlsx_cell_ref_abs(tr, basis_col, z, sizeof z);
	for (int l = 0; l < N_LEVELS; l++) {
		lxw_row_t r = h + 1 + (lxw_row_t)l;
		xlsx_sheet_string(sh, r, 0, questionnaire_level_name(q, l, b->o.lang), NULL);
		for (int i = 0; i < n_cols; i++)
			xlsx_sheet_number(sh, r, (lxw_col_t)(1 + i), (double)st[cols[i]].level[l],
					  b->f.integer);
		xlsx_cell_ref(r, basis_col, a, sizeof a);
		snprintf(formula, sizeof formula, "=IF(%s>0,%s/%s,0)", z, a, z);
		xlsx_sheet_formula(sh, r, share_col, formula,
				   ratio(st[basis].level[l], st[basis].n), b->f.percent);
	}
	xlsx_sheet_string(sh, tr, 0, lang_pick(b->o.lang, "合计", "Total"), b->f.total_text);
	for (int i = 0; i < n_cols; i++)
		sum_cell(sh, tr, (lxw_col_t)(1 + i), h + 1, h + N_LEVELS, (double)st[cols[i]].n,
			 b->f.total_int);
	sum_cell(sh, tr, share_col, h + 1, h + N_LEVELS, st[basis].n ? 1 : 0, b->f.total_percent);
	xlsx_sheet_string(sh, tr + 1, 0, lang_pick(b->o.lang, "平均分", "Mean score"),
			  b->f.total_text);
	for (int i = 0; i < n_cols; i++)
		xlsx_sheet_number(sh, tr + 1, (lxw_col_t)(1 + i), mean_points(&st[cols[i]]),
				  b->f.total_points);
	xlsx_sheet_string(sh, tr + 1, share_col, NULL, b->f.total_text);

	lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	if (!chart) {
		xlsx_check(b->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	const char *sheet = bk_sheet_name(b, BK_OVERVIEW);
	/* With one stage, its column and the total are the same numbers: chart the total only. */
	int first = n_cols > 2 ? 0 : n_cols - 1, last = n_cols > 2 ? n_cols - 2 : n_cols - 1;
	for (int i = first; i <= last; i++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(s, sheet, h + 1, 0, h + N_LEVELS, 0);
		chart_series_set_values(s, sheet, h + 1, (lxw_col_t)(1 + i), h + N_LEVELS,
					(lxw_col_t)(1 + i));
		chart_series_set_name_range(s, sheet, h, (lxw_col_t)(1 + i));
		if (first == last) {
			/* One series: a bar per level, each in its level's colour. */
			lxw_chart_fill fills[N_LEVELS];
			lxw_chart_point pts[N_LEVELS];
			lxw_chart_point *pp[N_LEVELS + 1];
			for (int l = 0; l < N_LEVELS; l++) {
				fills[l] = (lxw_chart_fill){.color = bk_level_color(l)};
				pts[l] = (lxw_chart_point){.fill = &fills[l]};
				pp[l] = &pts[l];
			}
			pp[N_LEVELS] = NULL;
			xlsx_check(b->book, chart_series_set_points(s, pp));
		}
	}
	size_t most = 0;
	for (int i = first; i <= last; i++)
		for (int l = 0; l < N_LEVELS; l++)
			if (st[cols[i]].level[l] > most)
				most = st[cols[i]].level[l];
	bk_count_axis(chart->y_axis, most);
	xlsx_chart_title(chart, lang_pick(b->o.lang, "等级分布", "Level distribution"), b->o.lang);
	chart_axis_set_name(chart->y_axis, lang_pick(b->o.lang, "企业数", "Enterprises"));
	xlsx_chart_axis_font(chart->x_axis, XLSX_CHART_AXIS_SIZE, b->o.lang);
	xlsx_chart_axis_font(chart->y_axis, XLSX_CHART_AXIS_SIZE, b->o.lang);
	xlsx_chart_legend(chart, n_cols > 2 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE,
			  b->o.lang);
	lxw_chart_options co = {.x_scale = 1.3, .y_scale = 1.1};
	xlsx_check(b->book, worksheet_insert_chart_opt(sh->ws, tr + 3, 0, chart, &co));
}

static void overview(portfolio_book *b, const portfolio_tally *t, int basis)
{
	xlsx_sheet *sh = &b->sheet[BK_OVERVIEW];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	title(b, sh, "中小企业数字化水平评测 · 组合汇总",
	      "SME digitization assessments: portfolio");
	if (q)
		xlsx_sheet_string(sh, 1, 0, qn_text_get(questionnaire_title(q), b->o.lang),
				  b->f.subtitle);
	set_widths(sh, 0, overview_widths, sizeof overview_widths / sizeof overview_widths[0]);
	overview_levels(b, t, basis, overview_facts(b, t, basis));
}

/* ---- 目标 Targets ---- */

/* What a verdict is said of: a target is met or missed, a budget kept or overrun. */
enum verdict_of { OF_TARGET, OF_BUDGET };

static void verdict(portfolio_book *b, lxw_row_t r, lxw_col_t c, portfolio_target_status s,
		    enum verdict_of of)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	const char *met = of == OF_BUDGET ? lang_pick(b->o.lang, "预算内", "within budget")
					  : lang_pick(b->o.lang, "达成", "met");
	const char *missed = of == OF_BUDGET ? lang_pick(b->o.lang, "超出预算", "over budget")
					     : lang_pick(b->o.lang, "未达成", "missed");
	if (s == PORTFOLIO_TARGET_MET)
		xlsx_sheet_string(sh, r, c, met, b->f.good);
	else if (s == PORTFOLIO_TARGET_MISSED)
		xlsx_sheet_string(sh, r, c, missed, b->f.bad);
	else if (s == PORTFOLIO_TARGET_UNSET)
		xlsx_sheet_string(sh, r, c, lang_pick(b->o.lang, "未设定目标", "no target given"),
				  NULL);
	else
		xlsx_sheet_string(sh, r, c, lang_pick(b->o.lang, "无法判定", "cannot judge"), NULL);
}

/*
 * The note of a target row, over columns 4-7 (merged, wrapped), with the row made tall enough:
 * the tables below use those columns for numbers, so the note cannot have one wide column.
 */
#define NOTE_FIRST 4
#define NOTE_LAST 7
#define NOTE_WIDTH 56.0

static void target_note(portfolio_book *b, lxw_row_t r, const char *note)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	int lines = (int)(bk_width(note) / NOTE_WIDTH) + 1;
	xlsx_check(b->book, worksheet_set_row(sh->ws, r, 15.0 * lines, NULL));
	xlsx_sheet_merge(sh, r, NOTE_FIRST, r, NOTE_LAST, note, b->f.note);
}

/* Fewest more rows at level >= 2 that would meet the share: ceil(share * of / 10000) - have. */
static size_t level2_needed(const portfolio_verdicts *v, int share)
{
	uint64_t need = ((uint64_t)share * v->level2_of + 9999) / 10000;
	return need > v->level2_have ? (size_t)(need - v->level2_have) : 0;
}

static void target_level2(portfolio_book *b, lxw_row_t r, const portfolio_targets *tg,
			  const portfolio_verdicts *v, size_t unknown)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	char note[512];
	size_t used = 0;
	xlsx_sheet_string(sh, r, 0,
			  lang_pick(b->o.lang, "规上企业达到二级及以上的比例",
				    "Above-scale enterprises at level ≥ 2"),
			  b->f.wrap);
	if (tg->level2_share >= 0)
		xlsx_sheet_number(sh, r, 1, tg->level2_share / 10000.0, b->f.percent);
	if (v->level2_of)
		xlsx_sheet_number(sh, r, 2, ratio(v->level2_have, v->level2_of), b->f.percent);
	verdict(b, r, 3, v->level2, OF_TARGET);
	if (v->level2_of == 0)
		text_appendf(
			note, sizeof note, &used, "%s",
			lang_pick(b->o.lang, "没有标明为规上的企业（enterprise.above_scale）",
				  "no enterprise is marked above scale (enterprise.above_scale)"));
	else
		text_appendf(
			note, sizeof note, &used,
			lang_pick(b->o.lang, "规上企业 %zu 家，其中 %zu 家达到二级及以上",
				  "%2$zu of %1$zu above-scale enterprises are at level 2 or above"),
			v->level2_of, v->level2_have);
	if (v->level2 == PORTFOLIO_TARGET_MISSED)
		text_appendf(note, sizeof note, &used,
			     lang_pick(b->o.lang, "；还差 %zu 家", "; %zu more needed"),
			     level2_needed(v, tg->level2_share));
	if (unknown)
		text_appendf(
			note, sizeof note, &used,
			lang_pick(b->o.lang, "；另有 %zu 家未标明是否规上，未计入",
				  "; %zu more do not say whether they are above scale and are not "
				  "counted"),
			unknown);
	target_note(b, r, note);
}

static void target_level4(portfolio_book *b, lxw_row_t r, const portfolio_targets *tg,
			  const portfolio_verdicts *v)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	char note[256];
	size_t used = 0;
	xlsx_sheet_string(sh, r, 0,
			  lang_pick(b->o.lang, "达到四级的企业数", "Enterprises at level 4"),
			  b->f.wrap);
	if (tg->level4_count >= 0)
		xlsx_sheet_number(sh, r, 1, (double)tg->level4_count, b->f.integer);
	xlsx_sheet_number(sh, r, 2, (double)v->level4_have, b->f.integer);
	verdict(b, r, 3, v->level4, OF_TARGET);
	text_appendf(note, sizeof note, &used,
		     lang_pick(b->o.lang, "四级企业 %zu 家", "%zu enterprises at level 4"),
		     v->level4_have);
	if (v->level4 == PORTFOLIO_TARGET_MISSED)
		text_appendf(note, sizeof note, &used,
			     lang_pick(b->o.lang, "；还差 %ld 家", "; %ld more needed"),
			     tg->level4_count - (long)v->level4_have);
	target_note(b, r, note);
}

static void budget_note(portfolio_book *b, const portfolio_tally *t, const portfolio_verdicts *v,
			char *note, size_t size)
{
	char a[48], c[48];
	int64_t budget = portfolio_tally_budget(t);
	const policy *p = b->o.policy;
	size_t used = 0;
	if (v->budget == PORTFOLIO_TARGET_MET)
		text_appendf(
			note, size, &used,
			lang_pick(b->o.lang, "补贴测算合计 %s 元，占预算 %.1f%%，结余 %s 元",
				  "subsidies total %s yuan, %.1f%% of the budget, %s yuan left"),
			decimal_format_yuan(v->spent, a, sizeof a),
			budget ? 100.0 * (double)v->spent / (double)budget : 0.0,
			decimal_format_yuan(budget - v->spent, c, sizeof c));
	else
		text_appendf(note, size, &used,
			     lang_pick(b->o.lang,
				       "超出预算 %s 元（超出 %.1f%%）；按输入顺序，第 %zu "
				       "行（%s）起预算用尽",
				       "over budget by %s yuan (%.1f%% over); in input order the "
				       "budget runs out at row %zu (%s)"),
			     decimal_format_yuan(v->over, a, sizeof a),
			     budget ? 100.0 * (double)v->over / (double)budget : 100.0,
			     v->exhausted_at,
			     portfolio_tally_budget_exhausted_by(t, v->basis)
				     ? portfolio_tally_budget_exhausted_by(t, v->basis)
				     : "");
	if (strcmp(policy_budget_period(p), "year") == 0)
		text_appendf(note, size, &used, "%s",
			     lang_pick(b->o.lang, "；预算按年度计，本批评测视为同一年度",
				       "; the budget is per year: this batch is taken as one year"));
	if (!policy_budget_binding(p))
		text_appendf(note, size, &used, "%s",
			     lang_pick(b->o.lang, "；政策文件说明超出部分另行安排",
				       "; the document says shortfalls are met from other funds"));
}

static void target_budget(portfolio_book *b, lxw_row_t r, const portfolio_tally *t,
			  const portfolio_verdicts *v)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	char note[768];
	xlsx_sheet_string(sh, r, 0,
			  lang_pick(b->o.lang, "补贴测算合计与预算（元）",
				    "Subsidies against the budget (yuan)"),
			  b->f.wrap);
	if (!b->o.policy) {
		xlsx_sheet_string(sh, r, 3, lang_pick(b->o.lang, "未测算", "not computed"), NULL);
		target_note(b, r,
			    lang_pick(b->o.lang, "未指定补贴政策（--policy）",
				      "no subsidy policy given (--policy)"));
		return;
	}
	xlsx_sheet_number(sh, r, 2, (double)v->spent, b->f.money);
	if (portfolio_tally_budget(t) < 0) {
		xlsx_sheet_string(sh, r, 3, lang_pick(b->o.lang, "无预算", "no budget"), NULL);
		target_note(b, r,
			    lang_pick(b->o.lang, "该政策未规定预算总额",
				      "the policy states no budget"));
		return;
	}
	xlsx_sheet_number(sh, r, 1, (double)portfolio_tally_budget(t), b->f.money);
	verdict(b, r, 3, v->budget, OF_BUDGET);
	budget_note(b, t, v, note, sizeof note);
	target_note(b, r, note);
}

static lxw_row_t budget_lines(portfolio_book *b, const portfolio_tally *t, int basis, lxw_row_t r)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	const policy *p = b->o.policy;
	size_t n = p ? policy_n_budget_lines(p) : 0;
	if (!n || n != portfolio_tally_n_budget_lines(t))
		return r;
	const char *h[] = {lang_pick(b->o.lang, "预算科目", "Budget line"),
			   lang_pick(b->o.lang, "预算（元）", "Budget (yuan)"),
			   lang_pick(b->o.lang, "测算合计（元）", "Claimed (yuan)"),
			   lang_pick(b->o.lang, "结余（元）", "Left (yuan)"),
			   lang_pick(b->o.lang, "结论", "Verdict"),
			   NULL};
	r = target_table(b, sh, r, lang_pick(b->o.lang, "按预算科目", "By budget line"), h);
	for (size_t i = 0; i < n; i++, r++) {
		const policy_budget_line *line = policy_budget_line_at(p, i);
		int64_t claimed = portfolio_tally_line_claimed(t, basis, i);
		xlsx_sheet_string(sh, r, 0, qn_text_get(&line->name, b->o.lang), b->f.wrap);
		xlsx_sheet_number(sh, r, 1, (double)line->yuan, b->f.money);
		xlsx_sheet_number(sh, r, 2, (double)claimed, b->f.money);
		xlsx_sheet_number(sh, r, 3, (double)(line->yuan - claimed), b->f.money);
		verdict(b, r, 4,
			claimed <= line->yuan ? PORTFOLIO_TARGET_MET : PORTFOLIO_TARGET_MISSED,
			OF_BUDGET);
	}
	return r + 1;
}

static lxw_row_t stages_table(portfolio_book *b, const portfolio_tally *t, lxw_row_t r)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	const char *h[] = {answers_profile_label(ANSWERS_PROFILE_STAGE, ANSWERS_PROFILE_COLUMN,
						 b->o.lang),
			   lang_pick(b->o.lang, "企业数", "Enterprises"),
			   lang_pick(b->o.lang, "规上企业", "Above scale"),
			   lang_pick(b->o.lang, "规上二级及以上", "Above scale at ≥ L2"),
			   lang_pick(b->o.lang, "占比", "Share"),
			   lang_pick(b->o.lang, "四级企业", "At level 4"),
			   lang_pick(b->o.lang, "平均分", "Mean score"),
			   lang_pick(b->o.lang, "补贴测算合计（元）", "Subsidies (yuan)"),
			   NULL};
	r = target_table(b, sh, r, lang_pick(b->o.lang, "分阶段对比", "By stage"), h);
	for (int s = 0; s < PORTFOLIO_N_BASES; s++) {
		portfolio_counts c;
		portfolio_tally_counts(t, NULL, s, &c);
		if (!c.n && s != PORTFOLIO_BASIS_ALL)
			continue;
		bool all = s == PORTFOLIO_BASIS_ALL;
		xlsx_sheet_string(sh, r, 0, stage_name(b, s), all ? b->f.total_text : NULL);
		xlsx_sheet_number(sh, r, 1, (double)c.n, all ? b->f.total_int : b->f.integer);
		xlsx_sheet_number(sh, r, 2, (double)c.above_scale,
				  all ? b->f.total_int : b->f.integer);
		xlsx_sheet_number(sh, r, 3, (double)c.above_scale_l2,
				  all ? b->f.total_int : b->f.integer);
		xlsx_sheet_number(sh, r, 4, ratio(c.above_scale_l2, c.above_scale),
				  all ? b->f.total_percent : b->f.percent);
		xlsx_sheet_number(sh, r, 5, (double)c.level[QN_MAX_LEVEL],
				  all ? b->f.total_int : b->f.integer);
		xlsx_sheet_number(sh, r, 6, mean_points(&c), all ? b->f.total_points : b->f.mean);
		if (b->o.policy)
			xlsx_sheet_number(sh, r, 7, (double)c.subsidy,
					  all ? b->f.total_money : b->f.money);
		else
			xlsx_sheet_string(sh, r, 7, NULL, all ? b->f.total_text : NULL);
		r++;
	}
	return r + 1;
}

static void transitions(portfolio_book *b, const portfolio_tally *t, lxw_row_t r)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	size_t up = 0, same = 0, down = 0;
	char line[256];
	portfolio_pairing pg;
	portfolio_tally_pairing(t, &pg);
	size_t(*m)[N_LEVELS] = pg.matrix;
	size_t pairs = pg.pairs;
	if (!pairs && !pg.refused)
		return;
	xlsx_sheet_string(sh, r, 0,
			  lang_pick(b->o.lang, "改造前后等级变化（按信用代码配对的企业数）",
				    "Level before and after (enterprises paired by credit code)"),
			  b->f.heading);
	const char *h[N_LEVELS + 2] = {
		lang_pick(b->o.lang, "改造前 ＼ 改造后", "Baseline \\ post")};
	for (int l = 0; l < N_LEVELS; l++)
		h[1 + l] = questionnaire_level_name(q, l, b->o.lang);
	header(b, sh, r + 1, 0, h, target_widths);
	for (int l = 0; l < N_LEVELS; l++) {
		xlsx_sheet_string(sh, r + 2 + (lxw_row_t)l, 0,
				  questionnaire_level_name(q, l, b->o.lang), NULL);
		for (int k = 0; k < N_LEVELS; k++) {
			xlsx_sheet_number(sh, r + 2 + (lxw_row_t)l, (lxw_col_t)(1 + k),
					  (double)m[l][k], b->f.integer);
			up += k > l ? m[l][k] : 0;
			same += k == l ? m[l][k] : 0;
			down += k < l ? m[l][k] : 0;
		}
	}
	snprintf(line, sizeof line,
		 lang_pick(b->o.lang, "配对 %zu 家：升级 %zu 家，持平 %zu 家，下降 %zu 家",
			   "%zu pairs: %zu up, %zu unchanged, %zu down"),
		 pairs, up, same, down);
	xlsx_sheet_string(sh, r + 2 + N_LEVELS, 0, line, b->f.heading);
	/* Xiamen's target (95% at level 2 or above) is judged on the state after transformation;
	 * the share is cut (not rounded) to 0.01%, so 94.999% never shows as 95%. */
	if (pairs) {
		size_t bp = pg.post_level2 * 10000 / pairs;
		snprintf(
			line, sizeof line,
			lang_pick(
				b->o.lang, "其中改造后达到二级及以上 %zu 家，占 %zu.%02zu%%",
				"%zu of them at level 2 or above after the transformation: %zu.%02zu%%"),
			pg.post_level2, bp / 100, bp % 100);
		xlsx_sheet_string(sh, r + 3 + N_LEVELS, 0, line, NULL);
	}
	if (pg.refused) {
		snprintf(
			line, sizeof line,
			lang_pick(
				b->o.lang, "另有 %zu 家改造前后用不同评测指标，未配对",
				"%zu more enterprises were assessed with two instruments and not paired"),
			pg.refused);
		xlsx_sheet_string(sh, r + 4 + N_LEVELS, 0, line, NULL);
	}
}

static void targets_sheet(portfolio_book *b, const portfolio_tally *t, const portfolio_targets *tg,
			  int basis)
{
	xlsx_sheet *sh = &b->sheet[BK_TARGETS];
	portfolio_verdicts v;
	portfolio_counts c;
	const char *h[] = {lang_pick(b->o.lang, "指标", "Measure"),
			   lang_pick(b->o.lang, "目标", "Target"),
			   lang_pick(b->o.lang, "实际", "Actual"),
			   lang_pick(b->o.lang, "结论", "Verdict"), NULL};
	portfolio_targets_judge(t, tg, &v);
	portfolio_tally_counts(t, NULL, basis, &c);
	title(b, sh, "试点目标", "Programme targets");
	basis_line(b, sh, 1, t, basis);
	set_widths(sh, 0, target_widths, sizeof target_widths / sizeof target_widths[0]);
	header(b, sh, 3, 0, h, target_widths);
	xlsx_sheet_merge(sh, 3, NOTE_FIRST, 3, NOTE_LAST, lang_pick(b->o.lang, "说明", "Note"),
			 b->f.header);
	target_level2(b, 4, tg, &v, c.scale_unknown);
	target_level4(b, 5, tg, &v);
	target_budget(b, 6, t, &v);
	lxw_row_t r = budget_lines(b, t, basis, 8);
	r = stages_table(b, t, r);
	transitions(b, t, r);
}

/* ---- 按行业, 按地区 ---- */

#define GROUP_FIRST_ROW 4 /* the groups' first row; the header is above it */

/* The groups' column: the profile field they are grouped by. */
static const char *grouping_label(const portfolio_book *b, portfolio_grouping by)
{
	return answers_profile_label(by == PORTFOLIO_BY_INDUSTRY ? ANSWERS_PROFILE_INDUSTRY
								 : ANSWERS_PROFILE_REGION,
				     ANSWERS_PROFILE_COLUMN, b->o.lang);
}

static const char *group_label(const portfolio_book *b, const portfolio_group *g)
{
	return g && *portfolio_group_name(g) ? portfolio_group_name(g)
	       : g ? lang_pick(b->o.lang, "（未填写）", "(not given)")
		   : lang_pick(b->o.lang, "合计", "Total");
}

/* A ratio of two cells of row r as a formula: 0 (or blank) when the denominator is 0. */
static void ratio_cell(xlsx_sheet *sh, lxw_row_t r, lxw_col_t c, const char *num, lxw_col_t den,
		       double value, lxw_format *f)
{
	char d[16], formula[160];
	xlsx_cell_ref(r, den, d, sizeof d);
	snprintf(formula, sizeof formula, "=IF(%s>0,%s/%s,0)", d, num, d);
	xlsx_sheet_formula(sh, r, c, formula, value, f);
}

/*
 * The total row under groups in rows r1..r2: sums of the counts and the money, shares of the
 * total row's own cells, the mean score weighted by the groups' sizes, all formulas.
 */
static void group_total(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, lxw_row_t r1, lxw_row_t r2,
			const portfolio_counts *c)
{
	char a[16], z[16], num[96];
	size_t ge2 = 0;
	for (int l = 2; l < N_LEVELS; l++)
		ge2 += c->level[l];
	sum_cell(sh, r, 1, r1, r2, (double)c->n, b->f.total_int);
	for (int l = 0; l < N_LEVELS; l++)
		sum_cell(sh, r, (lxw_col_t)(2 + l), r1, r2, (double)c->level[l], b->f.total_int);
	xlsx_cell_ref(r, 4, a, sizeof a);
	xlsx_cell_ref(r, 6, z, sizeof z);
	snprintf(num, sizeof num, "SUM(%s:%s)", a, z); /* levels 2, 3 and 4 */
	ratio_cell(sh, r, 7, num, 1, ratio(ge2, c->n), b->f.total_percent);
	sum_cell(sh, r, 8, r1, r2, (double)c->above_scale, b->f.total_int);
	sum_cell(sh, r, 9, r1, r2, (double)c->above_scale_l2, b->f.total_int);
	xlsx_cell_ref(r, 9, a, sizeof a);
	if (c->above_scale)
		ratio_cell(sh, r, 10, a, 8, ratio(c->above_scale_l2, c->above_scale),
			   b->f.total_percent);
	else
		xlsx_sheet_string(sh, r, 10, NULL, b->f.total_text);
	char rb1[16], rb2[16], rl1[16], rl2[16];
	xlsx_cell_ref(r1, 1, rb1, sizeof rb1);
	xlsx_cell_ref(r2, 1, rb2, sizeof rb2);
	xlsx_cell_ref(r1, 11, rl1, sizeof rl1);
	xlsx_cell_ref(r2, 11, rl2, sizeof rl2);
	snprintf(num, sizeof num, "SUMPRODUCT(%s:%s,%s:%s)", rb1, rb2, rl1, rl2);
	ratio_cell(sh, r, 11, num, 1, mean_points(c), b->f.total_points);
	if (b->o.policy)
		sum_cell(sh, r, 12, r1, r2, (double)c->subsidy, b->f.total_money);
}

static void group_row(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, const portfolio_tally *t,
		      const portfolio_group *g, int basis)
{
	portfolio_counts c;
	bool total = !g;
	lxw_format *i = total ? b->f.total_int : b->f.integer;
	lxw_format *p = total ? b->f.total_percent : b->f.percent;
	portfolio_tally_counts(t, g, basis, &c);
	xlsx_sheet_string(sh, r, 0, group_label(b, g), total ? b->f.total_text : NULL);
	if (total && r > GROUP_FIRST_ROW) {
		group_total(b, sh, r, GROUP_FIRST_ROW, r - 1, &c);
		return;
	}
	xlsx_sheet_number(sh, r, 1, (double)c.n, i);
	for (int l = 0; l < N_LEVELS; l++)
		xlsx_sheet_number(sh, r, (lxw_col_t)(2 + l), (double)c.level[l], i);
	size_t ge2 = 0;
	for (int l = 2; l < N_LEVELS; l++)
		ge2 += c.level[l];
	xlsx_sheet_number(sh, r, 7, ratio(ge2, c.n), p);
	xlsx_sheet_number(sh, r, 8, (double)c.above_scale, i);
	xlsx_sheet_number(sh, r, 9, (double)c.above_scale_l2, i);
	if (c.above_scale)
		xlsx_sheet_number(sh, r, 10, ratio(c.above_scale_l2, c.above_scale), p);
	else
		xlsx_sheet_string(sh, r, 10, NULL, total ? b->f.total_text : NULL);
	xlsx_sheet_number(sh, r, 11, mean_points(&c), total ? b->f.total_points : b->f.mean);
	if (b->o.policy)
		xlsx_sheet_number(sh, r, 12, (double)c.subsidy,
				  total ? b->f.total_money : b->f.money);
}

/*
 * Below the table (lxw_row_t at), so that the page keeps the table's width. The series are named
 * by q's level names, not by the header cells: those are broken to fit their column, and a legend
 * reading them would break there too.
 */
static void group_chart(portfolio_book *b, const questionnaire *q, int which, lxw_row_t h, size_t n,
			size_t most, lxw_row_t at)
{
	/* A bar per group, stacked by level: readable for the largest groups only. */
	size_t shown = n < 15 ? n : 15;
	const char *sheet = bk_sheet_name(b, which);
	lxw_chart *chart = shown ? workbook_add_chart(b->wb, LXW_CHART_BAR_STACKED) : NULL;
	if (!chart)
		return;
	for (int l = 0; l < N_LEVELS; l++) {
		lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
		chart_series_set_categories(s, sheet, h + 1, 0, h + (lxw_row_t)shown, 0);
		chart_series_set_values(s, sheet, h + 1, (lxw_col_t)(2 + l), h + (lxw_row_t)shown,
					(lxw_col_t)(2 + l));
		chart_series_set_name(s, questionnaire_level_name(q, l, b->o.lang));
		lxw_chart_fill fill = {.color = bk_level_color(l)};
		chart_series_set_fill(s, &fill);
	}
	bk_count_axis(chart->x_axis, most); /* in a bar chart, the value axis */
	xlsx_chart_title(chart,
			 n > shown ? lang_pick(b->o.lang, "等级构成（企业数最多的 15 组）",
					       "Levels (the 15 largest groups)")
				   : lang_pick(b->o.lang, "等级构成", "Levels"),
			 b->o.lang);
	chart_axis_set_reverse(
		chart->y_axis); /* in a bar chart, the category axis: largest on top */
	xlsx_chart_axis_font(chart->x_axis, XLSX_CHART_AXIS_SIZE, b->o.lang);
	xlsx_chart_axis_font(chart->y_axis, XLSX_CHART_AXIS_SIZE, b->o.lang);
	xlsx_chart_legend(chart, LXW_CHART_LEGEND_BOTTOM, b->o.lang);
	lxw_chart_options co = {.x_scale = 1.6, .y_scale = 0.6 + 0.12 * (double)shown};
	xlsx_check(b->book, worksheet_insert_chart_opt(b->sheet[which].ws, at, 0, chart, &co));
}

static void group_sheet(portfolio_book *b, const portfolio_tally *t, portfolio_grouping by,
			int basis)
{
	int which = by == PORTFOLIO_BY_INDUSTRY ? BK_INDUSTRY : BK_REGION;
	xlsx_sheet *sh = &b->sheet[which];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	size_t n;
	const portfolio_group **groups = portfolio_tally_groups(t, by, basis, &n);
	if (!groups) {
		xlsx_check(b->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	double name_width = 14;
	for (size_t i = 0; i < n && i < 1000; i++)
		if (bk_width(group_label(b, groups[i])) > name_width)
			name_width = bk_width(group_label(b, groups[i]));
	if (by == PORTFOLIO_BY_INDUSTRY)
		title(b, sh, "按行业", "By industry");
	else
		title(b, sh, "按地区", "By region");
	basis_line(b, sh, 1, t, basis);
	const char *h[15] = {grouping_label(b, by), lang_pick(b->o.lang, "企业数", "Enterprises")};
	for (int l = 0; l < N_LEVELS; l++)
		h[2 + l] = questionnaire_level_name(q, l, b->o.lang);
	h[7] = lang_pick(b->o.lang, "二级及以上占比", "Share at ≥ L2");
	h[8] = lang_pick(b->o.lang, "规上企业", "Above scale");
	h[9] = lang_pick(b->o.lang, "规上二级及以上", "Above scale at ≥ L2");
	h[10] = lang_pick(b->o.lang, "规上二级及以上占比", "Above-scale share at ≥ L2");
	h[11] = lang_pick(b->o.lang, "平均分", "Mean score");
	h[12] = b->o.policy ? lang_pick(b->o.lang, "补贴测算合计（元）", "Subsidies (yuan)") : NULL;
	double widths[] =
		{name_width > 60 ? 60 : name_width, 9, 11, 11, 11, 11, 11, 11, 9, 11, 12, 9, 16};
	const lxw_row_t hr = GROUP_FIRST_ROW - 1;
	bk_fit_widths(h, 13, widths);
	set_widths(sh, 0, widths, 13);
	header(b, sh, hr, 0, h, widths);
	for (size_t i = 0; i < n; i++)
		group_row(b, sh, hr + 1 + (lxw_row_t)i, t, groups[i], basis);
	group_row(b, sh, hr + 1 + (lxw_row_t)n, t, NULL, basis);
	lxw_conditional_format bar = {.type = LXW_CONDITIONAL_DATA_BAR,
				      .bar_color = 0x63BE7B,
				      .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .min_value = 0,
				      .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .max_value = 1};
	if (n) {
		xlsx_check(b->book, worksheet_conditional_format_range(sh->ws, hr + 1, 7,
								       hr + (lxw_row_t)n, 7, &bar));
		xlsx_check(b->book,
			   worksheet_conditional_format_range(sh->ws, hr + 1, 10, hr + (lxw_row_t)n,
							      10, &bar));
	}
	worksheet_freeze_panes(sh->ws, hr + 1, 1);
	size_t most = 0; /* the longest of the bars charted: the first 15 groups */
	for (size_t i = 0; i < n && i < 15; i++) {
		portfolio_counts c;
		portfolio_tally_counts(t, groups[i], basis, &c);
		most = c.n > most ? c.n : most;
	}
	group_chart(b, q, which, hr, n, most, hr + (lxw_row_t)n + 3);
	free(groups);
}

/* ---- 场景热力图 ---- */

/* The level table's header: scenario, each level, the mean, the share at level 2 or above. */
static void heat_levels_header(const portfolio_book *b, const questionnaire *q, const char **h)
{
	h[0] = lang_pick(b->o.lang, "场景", "Scenario");
	for (int l = 0; l < N_LEVELS; l++)
		h[1 + l] = questionnaire_level_name(q, l, b->o.lang);
	h[6] = lang_pick(b->o.lang, "平均等级", "Mean level");
	h[7] = lang_pick(b->o.lang, "二级及以上占比", "Share at ≥ L2");
	h[8] = NULL;
}

static lxw_row_t heat_levels(portfolio_book *b, const portfolio_tally *t, int basis, lxw_row_t r,
			     const double *widths)
{
	xlsx_sheet *sh = &b->sheet[BK_HEAT];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	size_t ns = portfolio_tally_n_scenarios(t);
	portfolio_counts c;
	char label[256];
	portfolio_tally_counts(t, NULL, basis, &c);
	xlsx_sheet_string(sh, r, 0,
			  lang_pick(b->o.lang, "各场景的等级分布（企业数）",
				    "Each scenario's levels (enterprises)"),
			  b->f.heading);
	const char *h[N_LEVELS + 4];
	heat_levels_header(b, q, h);
	header(b, sh, r + 1, 0, h, widths);
	for (size_t i = 0; i < ns; i++) {
		lxw_row_t row = r + 2 + (lxw_row_t)i;
		size_t lv[N_LEVELS], ge2 = 0;
		portfolio_tally_scenario_levels(t, basis, i, lv);
		bk_scenario_label(b, portfolio_tally_scenario(t, i), label, sizeof label);
		xlsx_sheet_string(sh, row, 0, label, NULL);
		for (int l = 0; l < N_LEVELS; l++) {
			xlsx_sheet_number(sh, row, (lxw_col_t)(1 + l), (double)lv[l], b->f.integer);
			ge2 += l >= 2 ? lv[l] : 0;
		}
		if (c.n) {
			xlsx_sheet_number(sh, row, 6,
					  (double)portfolio_tally_scenario_sum(t, NULL, basis, i) /
						  (double)c.n,
					  b->f.mean);
			xlsx_sheet_number(sh, row, 7, ratio(ge2, c.n), b->f.percent);
		}
	}
	if (ns && c.n)
		bk_level_scale(sh, r + 2, 6, r + 1 + (lxw_row_t)ns, 6);
	lxw_conditional_format bar = {.type = LXW_CONDITIONAL_DATA_BAR,
				      .bar_color = 0x63BE7B,
				      .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .min_value = 0,
				      .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .max_value = 1};
	if (ns && c.n)
		xlsx_check(b->book,
			   worksheet_conditional_format_range(sh->ws, r + 2, 7,
							      r + 1 + (lxw_row_t)ns, 7, &bar));
	return r + 3 + (lxw_row_t)ns;
}

/* Mean scenario levels, one row per group and a total row, coloured 0-4. */
/* Under groups in rows r1..r2: their enterprises summed, each mean weighted by their sizes. */
static void heat_total(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, lxw_row_t r1, lxw_row_t r2,
		       const portfolio_tally *t, int basis, const portfolio_counts *c)
{
	char n1[16], n2[16], m1[16], m2[16], num[96];
	sum_cell(sh, r, 1, r1, r2, (double)c->n, b->f.total_int);
	xlsx_cell_ref_abs(r1, 1, n1, sizeof n1);
	xlsx_cell_ref_abs(r2, 1, n2, sizeof n2);
	for (size_t i = 0; c->n && i < portfolio_tally_n_scenarios(t); i++) {
		lxw_col_t col = (lxw_col_t)(2 + i);
		xlsx_cell_ref(r1, col, m1, sizeof m1);
		xlsx_cell_ref(r2, col, m2, sizeof m2);
		snprintf(num, sizeof num, "SUMPRODUCT(%s:%s,%s:%s)", n1, n2, m1, m2);
		ratio_cell(sh, r, col, num, 1,
			   (double)portfolio_tally_scenario_sum(t, NULL, basis, i) / (double)c->n,
			   b->f.total_points);
	}
}

/* The group tables' header: the grouping, enterprises, every scenario. h[2 + i] set already. */
static void heat_groups_header(const portfolio_book *b, portfolio_grouping by, const char **h)
{
	h[0] = grouping_label(b, by);
	h[1] = lang_pick(b->o.lang, "企业数", "Enterprises");
}

static lxw_row_t heat_groups(portfolio_book *b, const portfolio_tally *t, portfolio_grouping by,
			     int basis, lxw_row_t r, const char **h, const double *widths)
{
	xlsx_sheet *sh = &b->sheet[BK_HEAT];
	size_t ns = portfolio_tally_n_scenarios(t), n;
	const portfolio_group **groups = portfolio_tally_groups(t, by, basis, &n);
	if (!groups) {
		xlsx_check(b->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return r;
	}
	xlsx_sheet_string(sh, r, 0,
			  by == PORTFOLIO_BY_INDUSTRY
				  ? lang_pick(b->o.lang, "按行业的场景平均等级（0–4）",
					      "Mean scenario level by industry (0-4)")
				  : lang_pick(b->o.lang, "按地区的场景平均等级（0–4）",
					      "Mean scenario level by region (0-4)"),
			  b->f.heading);
	heat_groups_header(b, by, h);
	header(b, sh, r + 1, 0, h, widths);
	for (size_t k = 0; k <= n; k++) {
		const portfolio_group *g = k < n ? groups[k] : NULL;
		lxw_row_t row = r + 2 + (lxw_row_t)k;
		portfolio_counts c;
		portfolio_tally_counts(t, g, basis, &c);
		xlsx_sheet_string(sh, row, 0, group_label(b, g), g ? NULL : b->f.total_text);
		if (!g && n) { /* the total: formulas over the groups' rows */
			heat_total(b, sh, row, r + 2, row - 1, t, basis, &c);
			continue;
		}
		xlsx_sheet_number(sh, row, 1, (double)c.n, g ? b->f.integer : b->f.total_int);
		for (size_t i = 0; c.n && i < ns; i++)
			xlsx_sheet_number(sh, row, (lxw_col_t)(2 + i),
					  (double)portfolio_tally_scenario_sum(t, g, basis, i) /
						  (double)c.n,
					  g ? b->f.mean : b->f.total_points);
	}
	if (ns && portfolio_tally_rows(t))
		bk_level_scale(sh, r + 2, 2, r + 2 + (lxw_row_t)n, (lxw_col_t)(1 + ns));
	free(groups);
	return r + 4 + (lxw_row_t)n;
}

/*
 * The two kinds of table share the sheet's columns: each column as wide as the widest word of
 * the headers above it, so that no header breaks inside a word ("质量管理★", "management★") —
 * the scenario headers break after their id instead.
 */
static void heat_sheet(portfolio_book *b, const portfolio_tally *t, int basis)
{
	xlsx_sheet *sh = &b->sheet[BK_HEAT];
	size_t ns = portfolio_tally_n_scenarios(t), n = ns + 2 > 8 ? ns + 2 : 8;
	const char *levels[N_LEVELS + 4];
	const char **groups = calloc(ns + 3, sizeof *groups);
	char(*labels)[256] = calloc(ns ? ns : 1, sizeof *labels);
	double *widths = calloc(n, sizeof *widths);
	title(b, sh, "场景热力图", "Scenario heat map");
	basis_line(b, sh, 1, t, basis);
	if (!groups || !labels || !widths) {
		xlsx_check(b->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		widths[i] = i == 0 ? 26 : i < 8 ? 10 : 8;
	heat_levels_header(b, portfolio_tally_questionnaire(t), levels);
	bk_fit_widths(levels, N_LEVELS + 3, widths);
	for (size_t i = 0; i < ns; i++) {
		bk_scenario_label(b, portfolio_tally_scenario(t, i), labels[i], sizeof labels[i]);
		groups[2 + i] = labels[i];
	}
	for (int by = 0; by < PORTFOLIO_N_GROUPINGS; by++) {
		heat_groups_header(b, (portfolio_grouping)by, groups);
		bk_fit_widths(groups, ns + 2, widths);
	}
	set_widths(sh, 0, widths, n);
	lxw_row_t r = heat_levels(b, t, basis, 3, widths);
	r = heat_groups(b, t, PORTFOLIO_BY_INDUSTRY, basis, r, groups, widths);
	heat_groups(b, t, PORTFOLIO_BY_REGION, basis, r, groups, widths);
done:
	free(groups);
	free(labels);
	free(widths);
}

void bk_write_summary(portfolio_book *b, const portfolio_tally *t, const portfolio_targets *tg)
{
	int basis = portfolio_tally_basis(t);
	overview(b, t, basis);
	targets_sheet(b, t, tg, basis);
	group_sheet(b, t, PORTFOLIO_BY_INDUSTRY, basis);
	group_sheet(b, t, PORTFOLIO_BY_REGION, basis);
	heat_sheet(b, t, basis);
}
