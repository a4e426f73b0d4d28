/* The portfolio's summary sheets, filled from the tally once every row is in. */
#include "config.h"
#include "portfolio/book_internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"

#define N_LEVELS (QN_MAX_LEVEL + 1)
#define N_STAGES 3

static const char *const stage_names[PORTFOLIO_N_BASES][2] = {
	[ANSWERS_STAGE_NONE] = {"未注明阶段", "stage not given"},
	[ANSWERS_STAGE_BASELINE] = {"改造前", "baseline"},
	[ANSWERS_STAGE_POST] = {"改造后", "post"},
	[PORTFOLIO_BASIS_ALL] = {"全部", "all"},
};

static const char *stage_name(const portfolio_book *b, int basis)
{
	return stage_names[basis][b->o.lang == QN_LANG_EN];
}

static double ratio(size_t part, size_t whole) { return whole ? (double)part / (double)whole : 0; }

static double mean_points(const portfolio_counts *c)
{
	return c->n ? decimal_milli_to_double(c->total_milli) / (double)c->n : 0;
}

/* A row of header cells from a NULL-terminated list of texts, with column widths. */
static void header(portfolio_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c0,
		   const char *const *texts, const double *widths)
{
	for (lxw_col_t c = 0; texts[c]; c++) {
		bk_string(b, ws, r, c0 + c, texts[c], b->f.header);
		if (widths)
			bk_check(b, worksheet_set_column(ws, c0 + c, c0 + c, widths[c], NULL));
	}
}

/* "判定依据：改造后评测（12 家企业）" */
static void basis_line(portfolio_book *b, lxw_worksheet *ws, lxw_row_t r, const portfolio_tally *t,
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
	bk_string(b, ws, r, 0, line, b->f.subtitle);
}

static void title(portfolio_book *b, lxw_worksheet *ws, const char *zh, const char *en)
{
	bk_check(b, worksheet_set_row(ws, 0, 22, NULL));
	bk_string(b, ws, 0, 0, lang_pick(b->o.lang, zh, en), b->f.title);
}

/* ---- 概览 Overview ---- */

static lxw_row_t overview_facts(portfolio_book *b, const portfolio_tally *t, int basis)
{
	lxw_worksheet *ws = b->ws[BK_OVERVIEW];
	char when[32], line[320];
	time_t created = b->o.created ? b->o.created : time(NULL);
	struct tm tm;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&created, &tm));
	lxw_row_t r = 3;
	/* Row by row: in constant-memory mode a row is final once a later one is written. */
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "生成时间", "Generated"), b->f.heading);
	bk_string(b, ws, r++, 1, when, NULL);
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "已评分企业", "Enterprises scored"),
		  b->f.heading);
	bk_number(b, ws, r++, 1, (double)portfolio_tally_rows(t), b->f.integer);
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "问题", "Problems"), b->f.heading);
	snprintf(line, sizeof line,
		 lang_pick(b->o.lang, "%zu（见“错误”工作表）", "%zu (see the Errors sheet)"),
		 b->n_errors + b->errors_dropped);
	bk_string(b, ws, r++, 1, line, b->n_errors ? b->f.bad : NULL);
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "判定依据", "Judged on"), b->f.heading);
	bk_string(b, ws, r++, 1,
		  basis == PORTFOLIO_BASIS_ALL
			  ? lang_pick(b->o.lang, "全部评测（没有改造后评测）",
				      "all assessments (no post-transformation ones)")
			  : lang_pick(b->o.lang, "改造后评测", "post-transformation assessments"),
		  NULL);
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "补贴政策", "Subsidy policy"), b->f.heading);
	bk_string(b, ws, r++, 1,
		  b->o.policy ? qn_text_get(policy_title(b->o.policy), b->o.lang)
			      : lang_pick(b->o.lang, "未指定（--policy）", "none (--policy)"),
		  NULL);
	return r + 1;
}

/* The level table: one column per stage present, a total, and the share on the basis. */
static void overview_levels(portfolio_book *b, const portfolio_tally *t, int basis, lxw_row_t r0)
{
	lxw_worksheet *ws = b->ws[BK_OVERVIEW];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	portfolio_counts st[PORTFOLIO_N_BASES];
	int cols[PORTFOLIO_N_BASES], n_cols = 0;
	for (int s = 0; s < PORTFOLIO_N_BASES; s++) {
		portfolio_tally_counts(t, NULL, s, &st[s]);
		if (s < N_STAGES && st[s].n)
			cols[n_cols++] = s;
	}
	cols[n_cols++] = PORTFOLIO_BASIS_ALL;
	bk_string(b, ws, r0, 0,
		  lang_pick(b->o.lang, "等级分布（企业数）", "Level distribution (enterprises)"),
		  b->f.heading);
	lxw_row_t h = r0 + 1;
	bk_string(b, ws, h, 0, lang_pick(b->o.lang, "等级", "Level"), b->f.header);
	for (int i = 0; i < n_cols; i++)
		bk_string(b, ws, h, (lxw_col_t)(1 + i), stage_name(b, cols[i]), b->f.header);
	lxw_col_t share_col = (lxw_col_t)(1 + n_cols);
	bk_string(b, ws, h, share_col,
		  lang_pick(b->o.lang, "占比（判定依据）", "Share (judged basis)"), b->f.header);
	for (int l = 0; l < N_LEVELS; l++) {
		lxw_row_t r = h + 1 + (lxw_row_t)l;
		bk_string(b, ws, r, 0, questionnaire_level_name(q, l, b->o.lang), NULL);
		for (int i = 0; i < n_cols; i++)
			bk_number(b, ws, r, (lxw_col_t)(1 + i), (double)st[cols[i]].level[l],
				  b->f.integer);
		bk_number(b, ws, r, share_col, ratio(st[basis].level[l], st[basis].n),
			  b->f.percent);
	}
	lxw_row_t tr = h + 1 + N_LEVELS;
	bk_string(b, ws, tr, 0, lang_pick(b->o.lang, "合计", "Total"), b->f.total_text);
	for (int i = 0; i < n_cols; i++)
		bk_number(b, ws, tr, (lxw_col_t)(1 + i), (double)st[cols[i]].n, b->f.total_int);
	bk_number(b, ws, tr, share_col, st[basis].n ? 1 : 0, b->f.total_percent);
	bk_string(b, ws, tr + 1, 0, lang_pick(b->o.lang, "平均分", "Mean score"), b->f.total_text);
	for (int i = 0; i < n_cols; i++)
		bk_number(b, ws, tr + 1, (lxw_col_t)(1 + i), mean_points(&st[cols[i]]),
			  b->f.total_points);
	bk_string(b, ws, tr + 1, share_col, NULL, b->f.total_text);

	lxw_chart *chart = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	if (!chart) {
		bk_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
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
			bk_check(b, chart_series_set_points(s, pp));
		}
	}
	size_t most = 0;
	for (int i = first; i <= last; i++)
		for (int l = 0; l < N_LEVELS; l++)
			if (st[cols[i]].level[l] > most)
				most = st[cols[i]].level[l];
	bk_count_axis(chart->y_axis, most);
	chart_title_set_name(chart, lang_pick(b->o.lang, "等级分布", "Level distribution"));
	chart_axis_set_name(chart->y_axis, lang_pick(b->o.lang, "企业数", "Enterprises"));
	chart_legend_set_position(chart,
				  n_cols > 2 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
	lxw_chart_options co = {.x_scale = 1.3, .y_scale = 1.1};
	bk_check(b, worksheet_insert_chart_opt(ws, tr + 3, 0, chart, &co));
}

static void overview(portfolio_book *b, const portfolio_tally *t, int basis)
{
	lxw_worksheet *ws = b->ws[BK_OVERVIEW];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	title(b, ws, "中小企业数字化水平评测 · 组合汇总",
	      "SME digitization assessments: portfolio");
	if (q)
		bk_string(b, ws, 1, 0, qn_text_get(questionnaire_title(q), b->o.lang),
			  b->f.subtitle);
	bk_check(b, worksheet_set_column(ws, 0, 0, 22, NULL));
	bk_check(b, worksheet_set_column(ws, 1, 5, 13, NULL));
	overview_levels(b, t, basis, overview_facts(b, t, basis));
}

/* ---- 目标 Targets ---- */

static void verdict(portfolio_book *b, lxw_row_t r, lxw_col_t c, portfolio_target_status s,
		    const char *met, const char *missed)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	if (s == PORTFOLIO_TARGET_MET)
		bk_string(b, ws, r, c, met, b->f.good);
	else if (s == PORTFOLIO_TARGET_MISSED)
		bk_string(b, ws, r, c, missed, b->f.bad);
	else if (s == PORTFOLIO_TARGET_UNSET)
		bk_string(b, ws, r, c, lang_pick(b->o.lang, "未设定目标", "no target given"), NULL);
	else
		bk_string(b, ws, r, c, lang_pick(b->o.lang, "无法判定", "cannot judge"), NULL);
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
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	int lines = (int)(bk_width(note) / NOTE_WIDTH) + 1;
	bk_check(b, worksheet_set_row(ws, r, 15.0 * lines, NULL));
	xlsx_merge(b->book, ws, r, NOTE_FIRST, r, NOTE_LAST, note, b->f.note);
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
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	char note[512];
	size_t used;
	bk_string(b, ws, r, 0,
		  lang_pick(b->o.lang, "规上企业达到二级及以上的比例",
			    "Above-scale enterprises at level ≥ 2"),
		  b->f.wrap);
	if (tg->level2_share >= 0)
		bk_number(b, ws, r, 1, tg->level2_share / 10000.0, b->f.percent);
	if (v->level2_of)
		bk_number(b, ws, r, 2, ratio(v->level2_have, v->level2_of), b->f.percent);
	verdict(b, r, 3, v->level2, lang_pick(b->o.lang, "达成", "met"),
		lang_pick(b->o.lang, "未达成", "missed"));
	if (v->level2_of == 0)
		used = (size_t)snprintf(
			note, sizeof note, "%s",
			lang_pick(b->o.lang, "没有标明为规上的企业（enterprise.above_scale）",
				  "no enterprise is marked above scale (enterprise.above_scale)"));
	else
		used = (size_t)snprintf(
			note, sizeof note,
			lang_pick(b->o.lang, "规上企业 %zu 家，其中 %zu 家达到二级及以上",
				  "%2$zu of %1$zu above-scale enterprises are at level 2 or above"),
			v->level2_of, v->level2_have);
	if (v->level2 == PORTFOLIO_TARGET_MISSED && used < sizeof note)
		used += (size_t)snprintf(note + used, sizeof note - used,
					 lang_pick(b->o.lang, "；还差 %zu 家", "; %zu more needed"),
					 level2_needed(v, tg->level2_share));
	if (unknown && used < sizeof note)
		snprintf(note + used, sizeof note - used,
			 lang_pick(b->o.lang, "；另有 %zu 家未标明是否规上，未计入",
				   "; %zu more do not say whether they are above scale and are not "
				   "counted"),
			 unknown);
	target_note(b, r, note);
}

static void target_level4(portfolio_book *b, lxw_row_t r, const portfolio_targets *tg,
			  const portfolio_verdicts *v)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	char note[256];
	int used;
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "达到四级的企业数", "Enterprises at level 4"),
		  b->f.wrap);
	if (tg->level4_count >= 0)
		bk_number(b, ws, r, 1, (double)tg->level4_count, b->f.integer);
	bk_number(b, ws, r, 2, (double)v->level4_have, b->f.integer);
	verdict(b, r, 3, v->level4, lang_pick(b->o.lang, "达成", "met"),
		lang_pick(b->o.lang, "未达成", "missed"));
	used = snprintf(note, sizeof note,
			lang_pick(b->o.lang, "四级企业 %zu 家", "%zu enterprises at level 4"),
			v->level4_have);
	if (v->level4 == PORTFOLIO_TARGET_MISSED)
		snprintf(note + used, sizeof note - (size_t)used,
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
	size_t used;
	if (v->budget == PORTFOLIO_TARGET_MET)
		used = (size_t)snprintf(
			note, size,
			lang_pick(b->o.lang, "补贴测算合计 %s 元，占预算 %.1f%%，结余 %s 元",
				  "subsidies total %s yuan, %.1f%% of the budget, %s yuan left"),
			decimal_format_yuan(v->spent, a, sizeof a),
			budget ? 100.0 * (double)v->spent / (double)budget : 0.0,
			decimal_format_yuan(budget - v->spent, c, sizeof c));
	else
		used = (size_t)snprintf(
			note, size,
			lang_pick(b->o.lang,
				  "超出预算 %s 元（超出 %.1f%%）；按输入顺序，第 %zu "
				  "行（%s）起预算用尽",
				  "over budget by %s yuan (%.1f%% over); in input order the "
				  "budget runs out at row %zu (%s)"),
			decimal_format_yuan(v->over, a, sizeof a),
			budget ? 100.0 * (double)v->over / (double)budget : 100.0, v->exhausted_at,
			portfolio_tally_budget_exhausted_by(t, v->basis)
				? portfolio_tally_budget_exhausted_by(t, v->basis)
				: "");
	if (used < size && strcmp(policy_budget_period(p), "year") == 0)
		used += (size_t)snprintf(
			note + used, size - used, "%s",
			lang_pick(b->o.lang, "；预算按年度计，本批评测视为同一年度",
				  "; the budget is per year: this batch is taken as one year"));
	if (used < size && !policy_budget_binding(p))
		snprintf(note + used, size - used, "%s",
			 lang_pick(b->o.lang, "；政策文件说明超出部分另行安排",
				   "; the document says shortfalls are met from other funds"));
}

static void target_budget(portfolio_book *b, lxw_row_t r, const portfolio_tally *t,
			  const portfolio_verdicts *v)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	char note[768];
	bk_string(b, ws, r, 0,
		  lang_pick(b->o.lang, "补贴测算合计与预算（元）",
			    "Subsidies against the budget (yuan)"),
		  b->f.wrap);
	if (!b->o.policy) {
		bk_string(b, ws, r, 3, lang_pick(b->o.lang, "未测算", "not computed"), NULL);
		target_note(b, r,
			    lang_pick(b->o.lang, "未指定补贴政策（--policy）",
				      "no subsidy policy given (--policy)"));
		return;
	}
	bk_number(b, ws, r, 2, (double)v->spent, b->f.money);
	if (portfolio_tally_budget(t) < 0) {
		bk_string(b, ws, r, 3, lang_pick(b->o.lang, "无预算", "no budget"), NULL);
		target_note(b, r,
			    lang_pick(b->o.lang, "该政策未规定预算总额",
				      "the policy states no budget"));
		return;
	}
	bk_number(b, ws, r, 1, (double)portfolio_tally_budget(t), b->f.money);
	verdict(b, r, 3, v->budget, lang_pick(b->o.lang, "预算内", "within budget"),
		lang_pick(b->o.lang, "超出预算", "over budget"));
	budget_note(b, t, v, note, sizeof note);
	target_note(b, r, note);
}

static lxw_row_t budget_lines(portfolio_book *b, const portfolio_tally *t, int basis, lxw_row_t r)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
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
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "按预算科目", "By budget line"), b->f.heading);
	header(b, ws, r + 1, 0, h, NULL);
	r += 2;
	for (size_t i = 0; i < n; i++, r++) {
		const policy_budget_line *line = policy_budget_line_at(p, i);
		int64_t claimed = portfolio_tally_line_claimed(t, basis, i);
		bk_string(b, ws, r, 0, qn_text_get(&line->name, b->o.lang), b->f.wrap);
		bk_number(b, ws, r, 1, (double)line->yuan, b->f.money);
		bk_number(b, ws, r, 2, (double)claimed, b->f.money);
		bk_number(b, ws, r, 3, (double)(line->yuan - claimed), b->f.money);
		verdict(b, r, 4,
			claimed <= line->yuan ? PORTFOLIO_TARGET_MET : PORTFOLIO_TARGET_MISSED,
			lang_pick(b->o.lang, "预算内", "within budget"),
			lang_pick(b->o.lang, "超出预算", "over budget"));
	}
	return r + 1;
}

static lxw_row_t stages_table(portfolio_book *b, const portfolio_tally *t, lxw_row_t r)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	const char *h[] = {lang_pick(b->o.lang, "阶段", "Stage"),
			   lang_pick(b->o.lang, "企业数", "Enterprises"),
			   lang_pick(b->o.lang, "规上企业", "Above scale"),
			   lang_pick(b->o.lang, "规上二级及以上", "Above scale at ≥ L2"),
			   lang_pick(b->o.lang, "占比", "Share"),
			   lang_pick(b->o.lang, "四级企业", "At level 4"),
			   lang_pick(b->o.lang, "平均分", "Mean score"),
			   lang_pick(b->o.lang, "补贴测算合计（元）", "Subsidies (yuan)"),
			   NULL};
	bk_string(b, ws, r, 0, lang_pick(b->o.lang, "分阶段对比", "By stage"), b->f.heading);
	bk_check(b, worksheet_set_row(ws, r + 1, 30, NULL)); /* room for a wrapped header */
	header(b, ws, r + 1, 0, h, NULL);
	r += 2;
	for (int s = 0; s < PORTFOLIO_N_BASES; s++) {
		portfolio_counts c;
		portfolio_tally_counts(t, NULL, s, &c);
		if (!c.n && s != PORTFOLIO_BASIS_ALL)
			continue;
		bool all = s == PORTFOLIO_BASIS_ALL;
		bk_string(b, ws, r, 0, stage_name(b, s), all ? b->f.total_text : NULL);
		bk_number(b, ws, r, 1, (double)c.n, all ? b->f.total_int : b->f.integer);
		bk_number(b, ws, r, 2, (double)c.above_scale, all ? b->f.total_int : b->f.integer);
		bk_number(b, ws, r, 3, (double)c.above_scale_l2,
			  all ? b->f.total_int : b->f.integer);
		bk_number(b, ws, r, 4, ratio(c.above_scale_l2, c.above_scale),
			  all ? b->f.total_percent : b->f.percent);
		bk_number(b, ws, r, 5, (double)c.level[QN_MAX_LEVEL],
			  all ? b->f.total_int : b->f.integer);
		bk_number(b, ws, r, 6, mean_points(&c), all ? b->f.total_points : b->f.mean);
		if (b->o.policy)
			bk_number(b, ws, r, 7, (double)c.subsidy,
				  all ? b->f.total_money : b->f.money);
		else
			bk_string(b, ws, r, 7, NULL, all ? b->f.total_text : NULL);
		r++;
	}
	return r + 1;
}

static void transitions(portfolio_book *b, const portfolio_tally *t, lxw_row_t r)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	size_t up = 0, same = 0, down = 0;
	char line[256];
	portfolio_pairing pg;
	portfolio_tally_pairing(t, &pg);
	size_t(*m)[N_LEVELS] = pg.matrix;
	size_t pairs = pg.pairs;
	if (!pairs && !pg.refused)
		return;
	bk_string(b, ws, r, 0,
		  lang_pick(b->o.lang, "改造前后等级变化（按信用代码配对的企业数）",
			    "Level before and after (enterprises paired by credit code)"),
		  b->f.heading);
	bk_check(b, worksheet_set_row(ws, r + 1, 30, NULL));
	bk_string(b, ws, r + 1, 0, lang_pick(b->o.lang, "改造前 ＼ 改造后", "Baseline \\ post"),
		  b->f.header);
	for (int l = 0; l < N_LEVELS; l++)
		bk_string(b, ws, r + 1, (lxw_col_t)(1 + l),
			  questionnaire_level_name(q, l, b->o.lang), b->f.header);
	for (int l = 0; l < N_LEVELS; l++) {
		bk_string(b, ws, r + 2 + (lxw_row_t)l, 0, questionnaire_level_name(q, l, b->o.lang),
			  NULL);
		for (int k = 0; k < N_LEVELS; k++) {
			bk_number(b, ws, r + 2 + (lxw_row_t)l, (lxw_col_t)(1 + k), (double)m[l][k],
				  b->f.integer);
			up += k > l ? m[l][k] : 0;
			same += k == l ? m[l][k] : 0;
			down += k < l ? m[l][k] : 0;
		}
	}
	snprintf(line, sizeof line,
		 lang_pick(b->o.lang, "配对 %zu 家：升级 %zu 家，持平 %zu 家，下降 %zu 家",
			   "%zu pairs: %zu up, %zu unchanged, %zu down"),
		 pairs, up, same, down);
	bk_string(b, ws, r + 2 + N_LEVELS, 0, line, b->f.heading);
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
		bk_string(b, ws, r + 3 + N_LEVELS, 0, line, NULL);
	}
	if (pg.refused) {
		snprintf(
			line, sizeof line,
			lang_pick(
				b->o.lang, "另有 %zu 家改造前后用不同评测指标，未配对",
				"%zu more enterprises were assessed with two instruments and not paired"),
			pg.refused);
		bk_string(b, ws, r + 4 + N_LEVELS, 0, line, NULL);
	}
}

static void targets_sheet(portfolio_book *b, const portfolio_tally *t, const portfolio_targets *tg,
			  int basis)
{
	lxw_worksheet *ws = b->ws[BK_TARGETS];
	portfolio_verdicts v;
	portfolio_counts c;
	static const double widths[] = {30, 15, 15, 14, 14, 12, 12, 18};
	const char *h[] = {lang_pick(b->o.lang, "指标", "Measure"),
			   lang_pick(b->o.lang, "目标", "Target"),
			   lang_pick(b->o.lang, "实际", "Actual"),
			   lang_pick(b->o.lang, "结论", "Verdict"), NULL};
	portfolio_targets_judge(t, tg, &v);
	portfolio_tally_counts(t, NULL, basis, &c);
	title(b, ws, "试点目标", "Programme targets");
	basis_line(b, ws, 1, t, basis);
	for (lxw_col_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		bk_check(b, worksheet_set_column(ws, i, i, widths[i], NULL));
	header(b, ws, 3, 0, h, NULL);
	xlsx_merge(b->book, ws, 3, NOTE_FIRST, 3, NOTE_LAST, lang_pick(b->o.lang, "说明", "Note"),
		   b->f.header);
	target_level2(b, 4, tg, &v, c.scale_unknown);
	target_level4(b, 5, tg, &v);
	target_budget(b, 6, t, &v);
	lxw_row_t r = budget_lines(b, t, basis, 8);
	r = stages_table(b, t, r);
	transitions(b, t, r);
}

/* ---- 按行业, 按地区 ---- */

static const char *group_label(const portfolio_book *b, const portfolio_group *g)
{
	return g && *portfolio_group_name(g) ? portfolio_group_name(g)
	       : g ? lang_pick(b->o.lang, "（未填写）", "(not given)")
		   : lang_pick(b->o.lang, "合计", "Total");
}

static void group_row(portfolio_book *b, lxw_worksheet *ws, lxw_row_t r, const portfolio_tally *t,
		      const portfolio_group *g, int basis)
{
	portfolio_counts c;
	bool total = !g;
	lxw_format *i = total ? b->f.total_int : b->f.integer;
	lxw_format *p = total ? b->f.total_percent : b->f.percent;
	portfolio_tally_counts(t, g, basis, &c);
	bk_string(b, ws, r, 0, group_label(b, g), total ? b->f.total_text : NULL);
	bk_number(b, ws, r, 1, (double)c.n, i);
	for (int l = 0; l < N_LEVELS; l++)
		bk_number(b, ws, r, (lxw_col_t)(2 + l), (double)c.level[l], i);
	size_t ge2 = 0;
	for (int l = 2; l < N_LEVELS; l++)
		ge2 += c.level[l];
	bk_number(b, ws, r, 7, ratio(ge2, c.n), p);
	bk_number(b, ws, r, 8, (double)c.above_scale, i);
	bk_number(b, ws, r, 9, (double)c.above_scale_l2, i);
	if (c.above_scale)
		bk_number(b, ws, r, 10, ratio(c.above_scale_l2, c.above_scale), p);
	else
		bk_string(b, ws, r, 10, NULL, total ? b->f.total_text : NULL);
	bk_number(b, ws, r, 11, mean_points(&c), total ? b->f.total_points : b->f.mean);
	if (b->o.policy)
		bk_number(b, ws, r, 12, (double)c.subsidy, total ? b->f.total_money : b->f.money);
}

/* Below the table (lxw_row_t at), so that the page keeps the table's width. */
static void group_chart(portfolio_book *b, int which, lxw_row_t h, size_t n, size_t most,
			lxw_row_t at)
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
		chart_series_set_name_range(s, sheet, h, (lxw_col_t)(2 + l));
		lxw_chart_fill fill = {.color = bk_level_color(l)};
		chart_series_set_fill(s, &fill);
	}
	bk_count_axis(chart->x_axis, most); /* in a bar chart, the value axis */
	chart_title_set_name(chart, n > shown
					    ? lang_pick(b->o.lang, "等级构成（企业数最多的 15 组）",
							"Levels (the 15 largest groups)")
					    : lang_pick(b->o.lang, "等级构成", "Levels"));
	chart_axis_set_reverse(
		chart->y_axis); /* in a bar chart, the category axis: largest on top */
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options co = {.x_scale = 1.6, .y_scale = 0.6 + 0.12 * (double)shown};
	bk_check(b, worksheet_insert_chart_opt(b->ws[which], at, 0, chart, &co));
}

static void group_sheet(portfolio_book *b, const portfolio_tally *t, portfolio_grouping by,
			int basis)
{
	int which = by == PORTFOLIO_BY_INDUSTRY ? BK_INDUSTRY : BK_REGION;
	lxw_worksheet *ws = b->ws[which];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	size_t n;
	const portfolio_group **groups = portfolio_tally_groups(t, by, basis, &n);
	if (!groups) {
		bk_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	double name_width = 14;
	for (size_t i = 0; i < n && i < 1000; i++)
		if (bk_width(group_label(b, groups[i])) > name_width)
			name_width = bk_width(group_label(b, groups[i]));
	if (by == PORTFOLIO_BY_INDUSTRY)
		title(b, ws, "按行业", "By industry");
	else
		title(b, ws, "按地区", "By region");
	basis_line(b, ws, 1, t, basis);
	const char *h[15] = {by == PORTFOLIO_BY_INDUSTRY ? lang_pick(b->o.lang, "行业", "Industry")
							 : lang_pick(b->o.lang, "地区", "Region"),
			     lang_pick(b->o.lang, "企业数", "Enterprises")};
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
	const lxw_row_t hr = 3;
	bk_check(b, worksheet_set_row(ws, hr, 30, NULL));
	header(b, ws, hr, 0, h, widths);
	for (size_t i = 0; i < n; i++)
		group_row(b, ws, hr + 1 + (lxw_row_t)i, t, groups[i], basis);
	group_row(b, ws, hr + 1 + (lxw_row_t)n, t, NULL, basis);
	lxw_conditional_format bar = {.type = LXW_CONDITIONAL_DATA_BAR,
				      .bar_color = 0x63BE7B,
				      .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .min_value = 0,
				      .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .max_value = 1};
	if (n) {
		bk_check(b, worksheet_conditional_format_range(ws, hr + 1, 7, hr + (lxw_row_t)n, 7,
							       &bar));
		bk_check(b, worksheet_conditional_format_range(ws, hr + 1, 10, hr + (lxw_row_t)n,
							       10, &bar));
	}
	worksheet_freeze_panes(ws, hr + 1, 1);
	size_t most = 0; /* the longest of the bars charted: the first 15 groups */
	for (size_t i = 0; i < n && i < 15; i++) {
		portfolio_counts c;
		portfolio_tally_counts(t, groups[i], basis, &c);
		most = c.n > most ? c.n : most;
	}
	group_chart(b, which, hr, n, most, hr + (lxw_row_t)n + 3);
	free(groups);
}

/* ---- 场景热力图 ---- */

static lxw_row_t heat_levels(portfolio_book *b, const portfolio_tally *t, int basis, lxw_row_t r)
{
	lxw_worksheet *ws = b->ws[BK_HEAT];
	const questionnaire *q = portfolio_tally_questionnaire(t);
	size_t ns = portfolio_tally_n_scenarios(t);
	portfolio_counts c;
	char label[256];
	portfolio_tally_counts(t, NULL, basis, &c);
	bk_string(b, ws, r, 0,
		  lang_pick(b->o.lang, "各场景的等级分布（企业数）",
			    "Each scenario's levels (enterprises)"),
		  b->f.heading);
	const char *h[10] = {lang_pick(b->o.lang, "场景", "Scenario")};
	for (int l = 0; l < N_LEVELS; l++)
		h[1 + l] = questionnaire_level_name(q, l, b->o.lang);
	h[6] = lang_pick(b->o.lang, "平均等级", "Mean level");
	h[7] = lang_pick(b->o.lang, "二级及以上占比", "Share at ≥ L2");
	bk_check(b, worksheet_set_row(ws, r + 1, 30, NULL));
	header(b, ws, r + 1, 0, h, NULL);
	for (size_t i = 0; i < ns; i++) {
		lxw_row_t row = r + 2 + (lxw_row_t)i;
		size_t lv[N_LEVELS], ge2 = 0;
		portfolio_tally_scenario_levels(t, basis, i, lv);
		bk_scenario_label(b, portfolio_tally_scenario(t, i), label, sizeof label);
		bk_string(b, ws, row, 0, label, NULL);
		for (int l = 0; l < N_LEVELS; l++) {
			bk_number(b, ws, row, (lxw_col_t)(1 + l), (double)lv[l], b->f.integer);
			ge2 += l >= 2 ? lv[l] : 0;
		}
		if (c.n) {
			bk_number(b, ws, row, 6,
				  (double)portfolio_tally_scenario_sum(t, NULL, basis, i) /
					  (double)c.n,
				  b->f.mean);
			bk_number(b, ws, row, 7, ratio(ge2, c.n), b->f.percent);
		}
	}
	if (ns && c.n)
		bk_level_scale(b, ws, r + 2, 6, r + 1 + (lxw_row_t)ns, 6);
	lxw_conditional_format bar = {.type = LXW_CONDITIONAL_DATA_BAR,
				      .bar_color = 0x63BE7B,
				      .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .min_value = 0,
				      .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				      .max_value = 1};
	if (ns && c.n)
		bk_check(b, worksheet_conditional_format_range(ws, r + 2, 7, r + 1 + (lxw_row_t)ns,
							       7, &bar));
	return r + 3 + (lxw_row_t)ns;
}

/* Mean scenario levels, one row per group and a total row, coloured 0-4. */
static lxw_row_t heat_groups(portfolio_book *b, const portfolio_tally *t, portfolio_grouping by,
			     int basis, lxw_row_t r)
{
	lxw_worksheet *ws = b->ws[BK_HEAT];
	size_t ns = portfolio_tally_n_scenarios(t), n;
	char label[256];
	const portfolio_group **groups = portfolio_tally_groups(t, by, basis, &n);
	if (!groups) {
		bk_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return r;
	}
	bk_string(b, ws, r, 0,
		  by == PORTFOLIO_BY_INDUSTRY ? lang_pick(b->o.lang, "按行业的场景平均等级（0–4）",
							  "Mean scenario level by industry (0-4)")
					      : lang_pick(b->o.lang, "按地区的场景平均等级（0–4）",
							  "Mean scenario level by region (0-4)"),
		  b->f.heading);
	bk_check(b, worksheet_set_row(ws, r + 1, 45, NULL));
	bk_string(b, ws, r + 1, 0,
		  by == PORTFOLIO_BY_INDUSTRY ? lang_pick(b->o.lang, "行业", "Industry")
					      : lang_pick(b->o.lang, "地区", "Region"),
		  b->f.header);
	bk_string(b, ws, r + 1, 1, lang_pick(b->o.lang, "企业数", "Enterprises"), b->f.header);
	for (size_t i = 0; i < ns; i++) {
		bk_scenario_label(b, portfolio_tally_scenario(t, i), label, sizeof label);
		bk_string(b, ws, r + 1, (lxw_col_t)(2 + i), label, b->f.header);
	}
	for (size_t k = 0; k <= n; k++) {
		const portfolio_group *g = k < n ? groups[k] : NULL;
		lxw_row_t row = r + 2 + (lxw_row_t)k;
		portfolio_counts c;
		portfolio_tally_counts(t, g, basis, &c);
		bk_string(b, ws, row, 0, group_label(b, g), g ? NULL : b->f.total_text);
		bk_number(b, ws, row, 1, (double)c.n, g ? b->f.integer : b->f.total_int);
		for (size_t i = 0; c.n && i < ns; i++)
			bk_number(b, ws, row, (lxw_col_t)(2 + i),
				  (double)portfolio_tally_scenario_sum(t, g, basis, i) /
					  (double)c.n,
				  g ? b->f.mean : b->f.total_points);
	}
	if (ns && portfolio_tally_rows(t))
		bk_level_scale(b, ws, r + 2, 2, r + 2 + (lxw_row_t)n, (lxw_col_t)(1 + ns));
	free(groups);
	return r + 4 + (lxw_row_t)n;
}

static void heat_sheet(portfolio_book *b, const portfolio_tally *t, int basis)
{
	lxw_worksheet *ws = b->ws[BK_HEAT];
	title(b, ws, "场景热力图", "Scenario heat map");
	basis_line(b, ws, 1, t, basis);
	bk_check(b, worksheet_set_column(ws, 0, 0, 26, NULL));
	bk_check(b, worksheet_set_column(ws, 1, 7, 10, NULL));
	bk_check(b, worksheet_set_column(ws, 8, 1 + (lxw_col_t)portfolio_tally_n_scenarios(t), 8,
					 NULL));
	lxw_row_t r = heat_levels(b, t, basis, 3);
	r = heat_groups(b, t, PORTFOLIO_BY_INDUSTRY, basis, r);
	heat_groups(b, t, PORTFOLIO_BY_REGION, basis, r);
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
