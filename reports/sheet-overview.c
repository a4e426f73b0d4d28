/*
 * 概览 Overview: who was assessed, the level in large type, points by dimension and
 * sub-dimension with a radar chart, and the 16 scenario levels with a bar chart.
 *
 * Tables run down columns A-D; the charts sit to their right in F-I, so the sheet prints on
 * two A4 pages: profile, result and points on the first, scenarios on the second.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include <string.h>
#include "common/decimal.h"
#include "policies/subsidy.h"
#include "scoring/plan.h"

/* COL_RADAR_LABEL, hidden and past the printed columns, holds the radar's category names. */
enum { COL_LABEL, COL_B, COL_C, COL_D, COL_GAP, COL_CHART, COL_LAST = 8, COL_RADAR_LABEL };
static const double widths[] = {26, 11, 11, 11, 2, 12, 12, 12, 12};
#define CHART_WIDTH_PX 340
#define MAX_SCENARIOS 64 /* bars coloured one by one; an instrument has 16 */

/* A label and a value across B:I; long values get a row tall enough to show them. A value
 * the answer file does not give reads 未填, so a blank never passes for an answer. */
static lxw_row_t key_value(xlsx_sheet *s, lxw_row_t row, const char *key, const char *value,
			   lxw_format *f)
{
	const report_ctx *c = s->ctx;
	return rp_key_value(s, row, COL_LAST, key, value, f,
			    lang_pick(c->lang, "未填", "not given"), c->f.note);
}

static const char *size_text(const report_ctx *c, char *buf, size_t size)
{
	const char *sz = answers_field_get(c->r->answers, ANSWERS_SIZE);
	int above = answers_above_scale(c->r->answers);
	const char *scale = above == 1 ? lang_pick(c->lang, "规上企业", "above designated size")
			    : above == 0 ? lang_pick(c->lang, "规下企业", "below designated size")
					 : NULL;
	snprintf(buf, size, "%s%s%s", sz ? sz : "",
		 sz && scale ? lang_pick(c->lang, "，", ", ") : "", scale ? scale : "");
	return buf;
}

static const char *stage_text(const report_ctx *c)
{
	const char *s =
		answers_stage_label(answers_stage_get(c->r->answers), ANSWERS_STAGE_TITLE, c->lang);
	return s ? s : "";
}

/* A profile field's name, under the heading that already says whose. */
static const char *item(const report_ctx *c, answers_profile_item i)
{
	return answers_profile_label(i, ANSWERS_PROFILE_OVERVIEW, c->lang);
}

static lxw_row_t profile(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const answers *a = c->r->answers;
	char buf[256];
	row = rp_heading(s, row, lang_pick(c->lang, "企业概况", "Enterprise"));
	row = key_value(s, row, item(c, ANSWERS_PROFILE_NAME), answers_field_get(a, ANSWERS_NAME),
			c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_CREDIT_CODE),
			answers_field_get(a, ANSWERS_CREDIT_CODE), c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_INDUSTRY),
			answers_field_get(a, ANSWERS_INDUSTRY), c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_SIZE), size_text(c, buf, sizeof buf),
			c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_REGION),
			answers_field_get(a, ANSWERS_REGION), c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_DATE), answers_field_get(a, ANSWERS_DATE),
			c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_STAGE), stage_text(c), c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_ASSESSOR),
			answers_field_get(a, ANSWERS_ASSESSOR), c->f.text);
	return row + 1;
}

static lxw_row_t verdict(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const scoring_result *r = c->r;
	const qn_level_rule *rule = questionnaire_level_rule(c->q, r->level);
	char line[1024];
	row = rp_heading(s, row, lang_pick(c->lang, "评测结论", "Result"));
	xlsx_sheet_row_height(s, row, 36);
	xlsx_sheet_string(s, row, COL_LABEL,
			  lang_pick(c->lang, "数字化水平等级", "Digitization level"), c->f.label);
	xlsx_sheet_number(s, row, COL_B, r->level, c->f.level_big);
	xlsx_sheet_merge(s, row, COL_C, row, COL_LAST,
			 questionnaire_level_name(c->q, r->level, c->lang), c->f.level_big);
	xlsx_sheet_define_name(s, "DigitalLevel", row, COL_B);
	row++;
	row = key_value(
		s, row, lang_pick(c->lang, "等级含义", "What it means"),
		rule ? qn_text_get(&rule->meaning, c->lang)
		     : lang_pick(c->lang, "尚未达到一级的得分与场景条件。",
				 "The score and scenario conditions of level 1 are not yet met."),
		c->f.text);
	scoring_next_level_line(r, c->lang, line, sizeof line);
	/* Red only for what is still missing: at the top level there is nothing to warn of. */
	row = key_value(s, row, lang_pick(c->lang, "升级差距", "Next level"), line,
			scoring_next_gate(r) ? c->f.verdict : c->f.text);
	if (answers_n_missing(r->answers)) {
		int said = snprintf(line, sizeof line,
				    lang_pick(c->lang, "%zu 题未作答，按 0 分计：",
					      "%zu questions not answered, scored 0: "),
				    answers_n_missing(r->answers));
		rp_missing_ids(c, line, sizeof line, (size_t)said);
		row = key_value(s, row, lang_pick(c->lang, "注意", "Note"), line, c->f.verdict);
	}
	return row + 1;
}

/* One counted condition of the next level: needed, there now, met or how many short. */
static lxw_row_t count_gate(xlsx_sheet *s, lxw_row_t row, const char *label, int need, int have,
			    bool met)
{
	report_ctx *c = s->ctx;
	char verdict[64];
	xlsx_sheet_string(s, row, COL_LABEL, label, c->f.text);
	xlsx_sheet_number(s, row, COL_B, need, c->f.integer);
	xlsx_sheet_number(s, row, COL_C, have, c->f.integer);
	snprintf(verdict, sizeof verdict, lang_pick(c->lang, "差%d个", "%d short"), need - have);
	xlsx_sheet_string(s, row, COL_D, met ? lang_pick(c->lang, "满足", "met") : verdict,
			  met ? c->f.center : c->f.verdict);
	return row + 1;
}

/* The next level's three conditions: what it needs, what there is, met or short by how much. */
static lxw_row_t next_gates(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const scoring_gate *g = scoring_next_gate(c->r);
	static const char *const zh[] = {"条件", "要求", "现有", "结论"};
	static const char *const en[] = {"Condition", "Needed", "Now", "Result"};
	char label[128], verdict[64], pts[32];
	if (!g)
		return row;
	const qn_level_rule *rule = questionnaire_level_rule(c->q, g->level);
	snprintf(label, sizeof label, lang_pick(c->lang, "升至%s的条件", "What %s needs"),
		 questionnaire_level_name(c->q, g->level, c->lang));
	row = rp_heading(s, row, label);
	rp_header_row(s, row++, c->lang == QN_LANG_EN ? en : zh, 4, false);
	xlsx_sheet_string(s, row, COL_LABEL,
			  lang_pick(c->lang, "总分（基础、管理、成效）", "Total points"),
			  c->f.text);
	xlsx_sheet_points(s, row, COL_B, rule->min_score, c->f.points);
	xlsx_sheet_points(s, row, COL_C, c->r->total, c->f.points);
	snprintf(verdict, sizeof verdict, lang_pick(c->lang, "差%s分", "%s short"),
		 decimal_format_milli(g->score_short, pts, sizeof pts));
	xlsx_sheet_string(s, row++, COL_D,
			  g->score_met ? lang_pick(c->lang, "满足", "met") : verdict,
			  g->score_met ? c->f.center : c->f.verdict);
	snprintf(label, sizeof label,
		 lang_pick(c->lang, "%s及以上的场景", "Scenarios at %s or above"),
		 questionnaire_scenario_level(rule->scenario_level, QN_SCENARIO_LEVEL_SENTENCE,
					      c->lang));
	row = count_gate(s, row, label, g->scenarios_need, g->scenarios_have, g->scenarios_met);
	row = count_gate(s, row, lang_pick(c->lang, "其中★约束性场景", "of which ★ constrained"),
			 g->constrained_need, g->constrained_have, g->constrained_met);
	return row + 1;
}

/* The first three actions of the next level's plan, in the instrument's words. */
static lxw_row_t next_steps(xlsx_sheet *s, lxw_row_t row, const scoring_plan *p)
{
	report_ctx *c = s->ctx;
	char heading[256], text[1024], n[16];
	if (!p)
		return row;
	size_t actions = scoring_plan_n_actions(p);
	snprintf(heading, sizeof heading,
		 lang_pick(c->lang, "升至%s的最少步骤：共 %zu 步%s",
			   "Fewest steps to %s: %zu in all%s"),
		 questionnaire_level_name(c->q, p->level, c->lang), p->n_steps,
		 actions > 3 ? lang_pick(c->lang, "，前三项如下（全部见“差距与建议”页）",
					 ", the first three below (all on the Gap analysis sheet)")
			     : "");
	row = rp_heading(s, row, heading);
	for (size_t i = 0; i < actions && i < 3; i++) {
		scoring_plan_action_text(p, i, c->lang, text, sizeof text);
		snprintf(n, sizeof n, "%zu", i + 1);
		row = key_value(s, row, n, text, c->f.text);
	}
	return row + 1;
}

/* With --policy: the policy's total in one line, the detail on the Subsidy sheet. */
static lxw_row_t subsidy_headline(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const subsidy_result *sr = c->opt->subsidy;
	char line[1024], now[32], post[32];
	if (!sr)
		return row;
	decimal_format_yuan(sr->total, now, sizeof now);
	if (sr->total_if_post != SUBSIDY_NONE)
		snprintf(line, sizeof line,
			 lang_pick(
				 c->lang,
				 "%s：按本次评测 %s 元；改造后评测达到%s时 %s 元（见“补贴测算”页）",
				 "%s: %s yuan on this assessment; %s yuan when a post-transformation "
				 "assessment reaches %s (see the Subsidy sheet)"),
			 qn_text_get(sr->title, c->lang), now,
			 c->lang == QN_LANG_EN
				 ? decimal_format_yuan(sr->total_if_post, post, sizeof post)
				 : questionnaire_level_name(c->q, sr->level, c->lang),
			 c->lang == QN_LANG_EN
				 ? questionnaire_level_name(c->q, sr->level, c->lang)
				 : decimal_format_yuan(sr->total_if_post, post, sizeof post));
	else
		snprintf(line, sizeof line,
			 lang_pick(c->lang, "%s：%s 元（见“补贴测算”页）",
				   "%s: %s yuan (see the Subsidy sheet)"),
			 qn_text_get(sr->title, c->lang), now);
	row = key_value(s, row, lang_pick(c->lang, "补贴测算", "Subsidy"), line, c->f.text);
	return row + 1;
}

/* Points table with a total row; returns the row after it. */
static lxw_row_t dimensions(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[] = {"维度", "得分", "满分", "得分率"};
	static const char *const en[] = {"Dimension", "Points", "Maximum", "Share"};
	row = rp_heading(s, row, lang_pick(c->lang, "得分", "Points"));
	rp_header_row(s, row, c->lang == QN_LANG_EN ? en : zh, 4, false);
	lxw_row_t first = ++row;
	int64_t total = 0, max = 0;
	for (size_t d = 0; d < questionnaire_n_dimensions(c->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(c->q, d);
		if (!dim->scored)
			continue;
		int64_t pts = scoring_dimension_points(c->r, dim);
		xlsx_sheet_string(s, row, COL_LABEL, qn_text_get(&dim->name, c->lang), c->f.text);
		xlsx_sheet_points(s, row, COL_B, pts, c->f.points);
		xlsx_sheet_points(s, row, COL_C, dim->points, c->f.points);
		rp_share(s, row, COL_D, COL_B, COL_C, pts, dim->points, c->f.share);
		total += pts;
		max += dim->points;
		row++;
	}
	char formula[64];
	xlsx_sheet_string(s, row, COL_LABEL, lang_pick(c->lang, "总分", "Total"), c->f.sub_label);
	snprintf(formula, sizeof formula, "=SUM(B%u:B%u)", first + 1, row);
	xlsx_sheet_formula(s, row, COL_B, formula, decimal_milli_to_double(total), c->f.sub_points);
	snprintf(formula, sizeof formula, "=SUM(C%u:C%u)", first + 1, row);
	xlsx_sheet_formula(s, row, COL_C, formula, decimal_milli_to_double(max), c->f.sub_points);
	rp_share(s, row, COL_D, COL_B, COL_C, total, max, c->f.sub_share);
	xlsx_sheet_define_name(s, "TotalScore", row, COL_B);
	return row + 2;
}

/*
 * A category name for the radar, on two lines when it is long: a chart's plot shrinks to leave
 * its widest label room on either side, so English names (two or three times as wide as the
 * Chinese ones) would leave a smaller radar in a chart of the same size. Broken at the space
 * nearest the middle, "Planning and governance" takes no more room than "规划管理".
 */
static const char *radar_label(const char *name, char *buf, size_t size)
{
	size_t len = strlen(name), best = 0;
	if (len < 12 || len >= size)
		return name;
	for (size_t i = 1; i < len; i++)
		if (name[i] == ' ' &&
		    (!best || (i > len / 2 ? i - len / 2 : len / 2 - i) <
				      (best > len / 2 ? best - len / 2 : len / 2 - best)))
			best = i;
	if (!best)
		return name;
	memcpy(buf, name, len + 1);
	buf[best] = '\n';
	return buf;
}

/* Sub-dimension shares: the radar chart's data. Sets *first and *last to its rows. */
static lxw_row_t subdimensions(xlsx_sheet *s, lxw_row_t row, lxw_row_t *first, lxw_row_t *last)
{
	report_ctx *c = s->ctx;
	static const char *const zh[] = {"分项", "得分", "满分", "得分率"};
	static const char *const en[] = {"Sub-dimension", "Points", "Maximum", "Share"};
	row = rp_heading(s, row, lang_pick(c->lang, "分项得分", "Points by sub-dimension"));
	rp_header_row(s, row, c->lang == QN_LANG_EN ? en : zh, 4, false);
	*first = ++row;
	for (size_t d = 0; d < questionnaire_n_dimensions(c->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(c->q, d);
		for (size_t i = 0; dim->scored && i < dim->n_subdimensions; i++) {
			const qn_subdimension *sub = &dim->subdimensions[i];
			int64_t pts = scoring_subdimension_points(c->r, sub);
			const char *name = qn_text_get(&sub->name, c->lang);
			char two[256];
			xlsx_sheet_string(s, row, COL_LABEL, name, c->f.text);
			xlsx_sheet_string(s, row, COL_RADAR_LABEL,
					  radar_label(name, two, sizeof two), NULL);
			xlsx_sheet_points(s, row, COL_B, pts, c->f.points);
			xlsx_sheet_points(s, row, COL_C, sub->points, c->f.points);
			rp_share(s, row, COL_D, COL_B, COL_C, pts, sub->points, c->f.share);
			row++;
		}
	}
	*last = row - 1;
	return row + 1;
}

static void radar_chart(xlsx_sheet *s, lxw_row_t at, lxw_row_t first, lxw_row_t last,
			double height_px)
{
	report_ctx *c = s->ctx;
	lxw_chart *chart = s->ws ? workbook_add_chart(c->wb, LXW_CHART_RADAR_FILLED) : NULL;
	if (!chart) {
		xlsx_check(c->book, s->ws ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_NO_ERROR);
		return;
	}
	lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
	if (!series) {
		xlsx_check(c->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	chart_series_set_categories(series, s->name, first, COL_RADAR_LABEL, last, COL_RADAR_LABEL);
	chart_show_hidden_data(chart); /* the names' column is hidden */
	chart_series_set_values(series, s->name, first, COL_D, last, COL_D);
	chart_series_set_name(series, lang_pick(c->lang, "得分率", "Share"));
	lxw_chart_fill fill = {.color = 0x5B9BD5, .transparency = 40};
	lxw_chart_line line = {.color = 0x1F4E79, .width = 1.5};
	chart_series_set_fill(series, &fill);
	chart_series_set_line(series, &line);
	xlsx_chart_title(chart, lang_pick(c->lang, "分项得分率", "Share of points"), c->lang);
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, 1);
	chart_axis_set_major_unit(chart->y_axis, 0.25);
	chart_axis_set_num_format(chart->y_axis, "0%");
	xlsx_chart_axis_font(chart->y_axis, XLSX_CHART_AXIS_SIZE, c->lang);
	/* English names, on two lines (radar_label), and a little smaller. */
	xlsx_chart_axis_font(chart->x_axis, c->lang == QN_LANG_EN ? 7 : XLSX_CHART_AXIS_SIZE,
			     c->lang);
	xlsx_chart_legend(chart, LXW_CHART_LEGEND_NONE, c->lang);
	lxw_chart_options o = {.x_offset = 4,
			       .y_offset = 4,
			       .x_scale = CHART_WIDTH_PX / 480.0,
			       .y_scale = height_px / 288.0};
	xlsx_check(c->book, worksheet_insert_chart_opt(s->ws, at, COL_CHART, chart, &o));
}

/* One row per scenario: name (★ marked), id, level. The bar chart's data. */
static lxw_row_t scenarios(xlsx_sheet *s, lxw_row_t row, lxw_row_t *first, lxw_row_t *last)
{
	report_ctx *c = s->ctx;
	static const char *const zh[] = {"经营场景", "编号", "等级"};
	static const char *const en[] = {"Scenario", "Id", "Level"};
	char name[256];
	row = rp_heading(s, row,
			 lang_pick(c->lang, "经营场景等级（★为约束性场景）",
				   "Scenario levels (★ = constrained)"));
	rp_header_row(s, row, c->lang == QN_LANG_EN ? en : zh, 3, false);
	*first = ++row;
	for (size_t i = 0; i < questionnaire_n_questions(c->q); i++) {
		const qn_question *q = questionnaire_question(c->q, i);
		const answer *ans = answers_get(c->r->answers, i);
		if (q->kind != QN_SCENARIO)
			continue;
		snprintf(name, sizeof name, "%s%s", qn_text_get(&q->indicator->name, c->lang),
			 q->constrained ? " ★" : "");
		xlsx_sheet_string(s, row, COL_LABEL, name, c->f.text);
		xlsx_sheet_string(s, row, COL_B, q->id, c->f.center);
		/* Text, not 0: an unanswered scenario is not one at level 0, and COUNTIF skips it. */
		if (ans->given)
			xlsx_sheet_number(s, row, COL_C, ans->level, c->f.integer);
		else
			xlsx_sheet_string(s, row, COL_C, lang_pick(c->lang, "未填", "not given"),
					  c->f.center);
		row++;
	}
	*last = row - 1;
	return row + 1;
}

/* Scenarios at or above each level, as COUNTIF formulas over the table above. */
static lxw_row_t counts(xlsx_sheet *s, lxw_row_t row, lxw_row_t first, lxw_row_t last)
{
	report_ctx *c = s->ctx;
	static const char *const zh[] = {"场景等级", "场景个数", "其中★"};
	static const char *const en[] = {"Scenario level", "Scenarios", "of which ★"};
	char label[64], formula[160];
	row = rp_heading(s, row,
			 lang_pick(c->lang, "达到各级的场景个数",
				   "Scenarios at or above each level"));
	rp_header_row(s, row, c->lang == QN_LANG_EN ? en : zh, 3, false);
	row++;
	for (int l = 1; l <= QN_MAX_LEVEL; l++, row++) {
		snprintf(label, sizeof label, lang_pick(c->lang, "%s及以上", "%s or above"),
			 questionnaire_scenario_level(l, QN_SCENARIO_LEVEL_SHORT, c->lang));
		xlsx_sheet_string(s, row, COL_LABEL, label, c->f.text);
		snprintf(formula, sizeof formula, "=COUNTIF($C$%u:$C$%u,\">=%d\")", first + 1,
			 last + 1, l);
		xlsx_sheet_formula(s, row, COL_B, formula, c->r->at_least[l], c->f.integer);
		snprintf(formula, sizeof formula,
			 "=COUNTIFS($C$%u:$C$%u,\">=%d\",$A$%u:$A$%u,\"*★\")", first + 1, last + 1,
			 l, first + 1, last + 1);
		xlsx_sheet_formula(s, row, COL_C, formula, c->r->constrained_at_least[l],
				   c->f.integer);
	}
	return row;
}

static void bar_chart(xlsx_sheet *s, lxw_row_t at, lxw_row_t first, lxw_row_t last,
		      double height_px)
{
	report_ctx *c = s->ctx;
	lxw_chart *chart = s->ws ? workbook_add_chart(c->wb, LXW_CHART_BAR) : NULL;
	lxw_chart_series *series = chart ? chart_add_series(chart, NULL, NULL) : NULL;
	if (!series) {
		xlsx_check(c->book, s->ws ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_NO_ERROR);
		return;
	}
	chart_series_set_categories(series, s->name, first, COL_LABEL, last, COL_LABEL);
	chart_series_set_values(series, s->name, first, COL_C, last, COL_C);
	chart_series_set_name(series, lang_pick(c->lang, "等级", "Level"));
	/* ★ scenarios dark, the others light: the level gates count ★ separately. */
	lxw_chart_fill star = {.color = XLSX_COLOR_BAR_DARK},
		       plain = {.color = XLSX_COLOR_BAR_LIGHT};
	lxw_chart_point pts[MAX_SCENARIOS];
	lxw_chart_point *list[MAX_SCENARIOS + 1];
	size_t n = 0;
	for (size_t i = 0; i < questionnaire_n_questions(c->q) && n < MAX_SCENARIOS; i++) {
		const qn_question *q = questionnaire_question(c->q, i);
		if (q->kind != QN_SCENARIO)
			continue;
		pts[n] = (lxw_chart_point){.fill = q->constrained ? &star : &plain};
		list[n] = &pts[n];
		n++;
	}
	list[n] = NULL;
	xlsx_check(c->book, chart_series_set_points(series, list));
	chart_series_set_labels(series);
	chart_set_series_gap(chart, 60);
	xlsx_chart_levels(chart,
			  lang_pick(c->lang, "经营场景等级（深色为★约束性场景）",
				    "Scenario levels (dark: ★ constrained)"),
			  QN_MAX_LEVEL, LXW_CHART_LEGEND_NONE, c->lang);
	lxw_chart_options o = {.x_offset = 4,
			       .y_offset = 4,
			       .x_scale = CHART_WIDTH_PX / 480.0,
			       .y_scale = height_px / 288.0};
	xlsx_check(c->book, worksheet_insert_chart_opt(s->ws, at, COL_CHART, chart, &o));
}

/*
 * The height in pixels of rows from..to-1, to size a chart to the table beside it: the rows'
 * own heights where the sheet has set them (headings), else the default 15 points. Rows that
 * wrapped text makes taller are sized only at the end, so they count at the default.
 */
static double rows_px(const xlsx_sheet *s, lxw_row_t from, lxw_row_t to)
{
	double pt = 0;
	for (lxw_row_t r = from; r < to; r++)
		pt += r < s->n_rows && s->rows[r].min_height > 0 ? s->rows[r].min_height
								 : LXW_DEF_ROW_HEIGHT;
	return pt * 4 / 3;
}

void report_sheet_overview(report_ctx *c)
{
	xlsx_sheet s;
	lxw_row_t first, last;
	rp_sheet_begin(&s, c, RP_OVERVIEW);
	if (!s.ws)
		return;
	worksheet_gridlines(s.ws, LXW_HIDE_ALL_GRIDLINES);
	/* Page 1 is one page: its content is bounded (three plan steps, the next level's gates),
	 * and English runs a few rows longer than Chinese. */
	worksheet_fit_to_pages(s.ws, 1, 1);
	xlsx_sheet_row_height(&s, 0, 30);
	xlsx_sheet_merge(&s, 0, 0, 0, COL_LAST,
			 lang_pick(c->lang, "中小企业数字化水平诊断报告",
				   "SME Digitization Level Diagnostic Report"),
			 c->f.title);
	xlsx_sheet_merge(&s, 1, 0, 1, COL_LAST, qn_text_get(questionnaire_title(c->q), c->lang),
			 c->f.note);
	rp_draft_banner(&s, 2, COL_LAST); /* in the blank row above the profile */
	/* The report's title on every printed page, as the other sheets repeat theirs. */
	xlsx_check(c->book, worksheet_repeat_rows(s.ws, 0, 1));
	lxw_row_t row = profile(&s, 3);
	row = verdict(&s, row);
	row = subsidy_headline(&s, row);
	row = next_gates(&s, row);
	row = next_steps(&s, row, scoring_plan_for(c->plans, c->r->level + 1));
	lxw_row_t points_at = row;
	row = dimensions(&s, row);
	row = subdimensions(&s, row, &first, &last);
	radar_chart(&s, points_at, first, last, rows_px(&s, points_at, row - 1) + 8);
	/* The scenarios start the second printed page. */
	lxw_row_t breaks[] = {row, 0};
	xlsx_check(c->book, worksheet_set_h_pagebreaks(s.ws, breaks));
	lxw_row_t scen_at = row;
	row = scenarios(&s, row, &first, &last);
	bar_chart(&s, scen_at, first, last, rows_px(&s, scen_at, row - 1) + 8);
	counts(&s, row, first, last);
	worksheet_activate(s.ws);
	lxw_row_col_options hidden = {.hidden = LXW_TRUE};
	xlsx_check(c->book, worksheet_set_column_opt(s.ws, COL_RADAR_LABEL, COL_RADAR_LABEL, 26,
						     NULL, &hidden));
	xlsx_sheet_end(&s, widths, widths, COL_LAST + 1);
}
