/* The acceptance workbook (compare-book.h). */
#include "config.h"
#include "compare/compare-book.h"

#include <stdio.h>
#include <string.h>
#include "answers/record.h"
#include "common/decimal.h"
#include "common/lang.h"
#include "common/text.h"
#include "compare/compare_internal.h"
#include "xlsx/layout.h"

#define TWO_LINES 30.0 /* points: a title's row, and room to sign */

typedef struct book_formats {
	lxw_format *title, *heading, *header, *label, *cell, *num, *changed, *changed_num, *delta,
		*changed_delta, *good, *bad, *missing, *sign;
} book_formats;

typedef struct book_ctx {
	xlsx_book *b;
	const compare_result *c;
	const compare_verdict *v;
	qn_lang lang;
	book_formats f;
	char footer[256];
} book_ctx;

#define L(x, zh, en) lang_pick((x)->lang, zh, en)

/* What a format of the workbook has besides its font: bold, a thin grey border, wrapped text. */
enum { BOLD = 1, BORDER = 2, WRAP = 4 };
#define CHANGED_FILL 0xFFF2CC /* yellow: the two files' answers differ */

static lxw_format *format(book_ctx *x, unsigned flags, unsigned fill)
{
	lxw_format *f = xlsx_add_text_format(x->b, x->lang);
	if (!f)
		return NULL;
	if (flags & BOLD)
		format_set_bold(f);
	if (fill)
		format_set_bg_color(f, fill);
	if (flags & BORDER) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, XLSX_COLOR_BORDER);
	}
	if (flags & WRAP)
		format_set_text_wrap(f);
	return f;
}

static void make_formats(book_ctx *x)
{
	book_formats *f = &x->f;
	f->title = format(x, BOLD, 0);
	f->heading = format(x, BOLD, 0);
	f->header = format(x, BOLD | BORDER | WRAP, XLSX_COLOR_HEADER_FILL);
	f->label = format(x, BORDER | WRAP, XLSX_COLOR_LABEL_FILL);
	f->cell = format(x, BORDER | WRAP, 0);
	f->num = format(x, BORDER, 0);
	f->changed = format(x, BORDER | WRAP, CHANGED_FILL);
	f->changed_num = format(x, BORDER, CHANGED_FILL);
	f->delta = format(x, BORDER, 0);
	f->changed_delta = format(x, BORDER, CHANGED_FILL);
	f->good = format(x, BORDER | WRAP, XLSX_COLOR_GOOD_FILL);
	f->bad = format(x, BORDER | WRAP, XLSX_COLOR_BAD_FILL);
	f->missing = format(x, BORDER | WRAP, 0xFFEB9C);
	f->sign = format(x, 0, 0);
	if (xlsx_failed(x->b))
		return;
	format_set_font_size(f->title, 14);
	format_set_font_color(f->heading, XLSX_COLOR_HEADING);
	format_set_font_size(f->heading, 11);
	format_set_num_format(f->num, "0.###");
	format_set_num_format(f->changed_num, "0.###");
	format_set_num_format(f->delta, "+0.###;-0.###;0");
	format_set_num_format(f->changed_delta, "+0.###;-0.###;0");
	format_set_font_color(f->good, XLSX_COLOR_GOOD_TEXT);
	format_set_font_color(f->bad, XLSX_COLOR_BAD_TEXT);
	format_set_bottom(f->sign, LXW_BORDER_THIN);
}

/*
 * One sheet being written (xlsx/layout.h), its ctx the workbook's book_ctx: the columns as
 * each sheet declares them, the rows as tall as their wrapped text.
 */
static void sheet_begin(xlsx_sheet *s, book_ctx *x, const char *name)
{
	const xlsx_page page = {.landscape = true,
				.margins = xlsx_margins_narrow,
				.footer = x->footer};
	xlsx_sheet_begin(s, x->b, name);
	s->ctx = x;
	xlsx_page_setup(x->b, s->ws, &page);
}

/* The overview's rows that name a value: the label, then the value across B to D. */
static lxw_row_t key_value(xlsx_sheet *s, lxw_row_t r, const char *key, const char *value,
			   lxw_format *f)
{
	const book_ctx *x = s->ctx;
	return xlsx_sheet_key_value(s, r, key, x->f.label, 3, value, f);
}

/* A merged line across columns first..last of row r, the row grown for its text. */
static void line(xlsx_sheet *s, lxw_row_t r, lxw_col_t first, lxw_col_t last, const char *t,
		 lxw_format *f)
{
	xlsx_sheet_merge(s, r, first, r, last, t, f);
}

static const char *side_name(const book_ctx *x, bool after)
{
	if (x->c->kind == COMPARE_VERIFICATION)
		return after ? L(x, "现场评定", "On site") : L(x, "企业自评", "Declared");
	return after ? L(x, "改造后", "After") : L(x, "改造前", "Before");
}

static const char *level_name(const book_ctx *x, int level)
{
	return questionnaire_level_name(x->c->q, level, x->lang);
}

/* A profile field's name beside its value, in the words of a table's column ("Credit code"). */
static const char *item(const book_ctx *x, answers_profile_item i)
{
	return answers_profile_label(i, ANSWERS_PROFILE_COLUMN, x->lang);
}

/* ---- 概览 Overview ---- */

static lxw_row_t overview_files(xlsx_sheet *s, lxw_row_t r)
{
	book_ctx *x = s->ctx;
	const answers *a = x->c->after->answers, *b = x->c->before->answers;
	char buf[1024];
	r = key_value(s, r, item(x, ANSWERS_PROFILE_NAME), x->c->name, x->f.cell);
	r = key_value(s, r, item(x, ANSWERS_PROFILE_CREDIT_CODE), x->c->credit_code, x->f.cell);
	for (int i = 0; i < 2; i++) {
		const answers *f = i ? a : b;
		const char *date = answers_field_get(f, ANSWERS_DATE);
		const char *who = answers_field_get(f, ANSWERS_ASSESSOR);
		const char *src = answers_source(f);
		snprintf(buf, sizeof buf, "%s%s%s%s%s", src ? src : "-",
			 date ? L(x, "，", ", ") : "", date ? date : "",
			 who ? L(x, "，评测人员：", ", assessed by ") : "", who ? who : "");
		r = key_value(s, r, side_name(x, i), buf, x->f.cell);
		if (answers_rescore_text(f, x->lang, buf, sizeof buf))
			r = key_value(s, r, L(x, "重新评分", "Rescored"), buf, x->f.cell);
	}
	return r;
}

static lxw_row_t overview_points(xlsx_sheet *s, lxw_row_t r)
{
	book_ctx *x = s->ctx;
	const compare_result *c = x->c;
	const char *titles[] = {L(x, "项目", "Item"), side_name(x, false), side_name(x, true),
				L(x, "变化", "Change")};
	xlsx_sheet_string(s, r++, 0, L(x, "得分与等级", "Points and level"), x->f.heading);
	xlsx_sheet_header(s, r++, titles, 4, x->f.header, false);
	xlsx_sheet_string(s, r, 0, L(x, "总分", "Total"), x->f.label);
	xlsx_sheet_points(s, r, 1, c->total_before, x->f.num);
	xlsx_sheet_points(s, r, 2, c->total_after, x->f.num);
	xlsx_sheet_points(s, r++, 3, c->delta_total,
			  c->delta_total ? x->f.changed_delta : x->f.delta);
	for (size_t d = 0; d < c->n_dimensions; d++) {
		const compare_dimension *cd = &c->dimensions[d];
		xlsx_sheet_string(s, r, 0, qn_text_get(&cd->dimension->name, x->lang), x->f.label);
		xlsx_sheet_points(s, r, 1, cd->before, x->f.num);
		xlsx_sheet_points(s, r, 2, cd->after, x->f.num);
		xlsx_sheet_points(s, r++, 3, cd->delta,
				  cd->delta ? x->f.changed_delta : x->f.delta);
	}
	xlsx_sheet_string(s, r, 0, L(x, "等级", "Level"), x->f.label);
	xlsx_sheet_string(s, r, 1, level_name(x, c->level_before), x->f.cell);
	xlsx_sheet_string(s, r, 2, level_name(x, c->level_after), x->f.cell);
	xlsx_sheet_string(s, r++, 3,
			  c->level_after == c->level_before ? "" : level_name(x, c->level_after),
			  c->level_after != c->level_before ? x->f.changed : x->f.cell);
	return r;
}

static void gate_cell(xlsx_sheet *s, lxw_row_t r, lxw_col_t col, bool met, const char *value)
{
	book_ctx *x = s->ctx;
	char buf[128];
	snprintf(buf, sizeof buf, "%s%s%s%s", value ? value : "", value ? L(x, "（", " (") : "",
		 met ? L(x, "达到", "met") : L(x, "未达到", "not met"),
		 value ? L(x, "）", ")") : "");
	xlsx_sheet_string(s, r, col, buf, met ? x->f.good : x->f.bad);
}

static lxw_row_t overview_gate(xlsx_sheet *s, lxw_row_t r, const compare_gate *g)
{
	book_ctx *x = s->ctx;
	const qn_level_rule *rule = questionnaire_level_rule(x->c->q, g->level);
	char cond[3][128], have[2][3][32];
	char need[32];
	snprintf(cond[0], sizeof cond[0], L(x, "总分 ≥ %s", "total >= %s"),
		 decimal_format_milli(rule->min_score, need, sizeof need));
	snprintf(cond[1], sizeof cond[1], L(x, "≥%d 个场景达到 %s", ">= %d scenarios at %s"),
		 rule->min_scenarios,
		 questionnaire_scenario_level(rule->scenario_level, QN_SCENARIO_LEVEL_SHORT,
					      x->lang));
	snprintf(cond[2], sizeof cond[2], L(x, "其中 ≥%d 个★场景", "of them >= %d ★"),
		 rule->min_constrained);
	const scoring_gate *sg[2] = {g->before, g->after};
	for (int i = 0; i < 2; i++) {
		decimal_format_milli(i ? x->c->total_after : x->c->total_before, have[i][0],
				     sizeof have[i][0]);
		snprintf(have[i][1], sizeof have[i][1], "%d", sg[i]->scenarios_have);
		snprintf(have[i][2], sizeof have[i][2], "%d", sg[i]->constrained_have);
	}
	xlsx_sheet_string(s, r, 0, level_name(x, g->level), x->f.label);
	xlsx_sheet_string(s, r, 1, L(x, "全部条件", "all conditions"), x->f.label);
	gate_cell(s, r, 2, g->before_met, NULL);
	gate_cell(s, r++, 3, g->after_met, NULL);
	for (int k = 0; k < 3; k++) {
		bool met[2];
		for (int i = 0; i < 2; i++)
			met[i] = k == 0   ? sg[i]->score_met
				 : k == 1 ? sg[i]->scenarios_met
					  : sg[i]->constrained_met;
		xlsx_sheet_string(s, r, 0, "", x->f.label);
		xlsx_sheet_string(s, r, 1, cond[k], x->f.cell);
		gate_cell(s, r, 2, met[0], have[0][k]);
		gate_cell(s, r++, 3, met[1], have[1][k]);
	}
	return r;
}

static lxw_row_t overview_gates(xlsx_sheet *s, lxw_row_t r)
{
	book_ctx *x = s->ctx;
	const char *titles[] = {L(x, "等级", "Level"), L(x, "条件", "Condition"),
				side_name(x, false), side_name(x, true)};
	xlsx_sheet_string(s, r++, 0, L(x, "各级条件", "Level gates"), x->f.heading);
	xlsx_sheet_header(s, r++, titles, 4, x->f.header, false);
	for (size_t l = 1; l <= x->c->n_levels; l++)
		r = overview_gate(s, r, &x->c->gates[l]);
	return r;
}

static lxw_row_t overview_verdict(xlsx_sheet *s, lxw_row_t r)
{
	book_ctx *x = s->ctx;
	const compare_verdict *v = x->v;
	char head[256];
	if (!v)
		return r;
	snprintf(head, sizeof head, L(x, "验收结论（%s）：%s", "Acceptance verdict (%s): %s"),
		 policy_id(v->policy),
		 v->accepted ? L(x, "符合", "accepted") : L(x, "不符合或信息不全", "not accepted"));
	const char *titles[] = {L(x, "验收项", "Line"), L(x, "结论", "Status"),
				L(x, "说明", "Reason")};
	xlsx_sheet_string(s, r++, 0, head, x->f.heading);
	xlsx_sheet_header(s, r, titles, 2, x->f.header, false);
	line(s, r++, 2, 3, titles[2], x->f.header);
	for (int i = 0; i < COMPARE_LINE_MAX; i++) {
		const compare_verdict_line *l = &v->lines[i];
		lxw_format *f = l->status == COMPARE_MET       ? x->f.good
				: l->status == COMPARE_NOT_MET ? x->f.bad
							       : x->f.missing;
		xlsx_sheet_string(s, r, 0, compare_line_label(l->id, x->lang), x->f.label);
		xlsx_sheet_string(s, r, 1, compare_line_status_label(l->status, x->lang), f);
		line(s, r++, 2, 3, l->text[x->lang == QN_LANG_EN], x->f.cell);
	}
	return r;
}

static lxw_row_t overview_signoff(xlsx_sheet *s, lxw_row_t r)
{
	book_ctx *x = s->ctx;
	const answers *a = x->c->after->answers;
	const char *who = answers_field_get(a, ANSWERS_ASSESSOR);
	const char *name = answers_field_get(a, ANSWERS_NAME);
	const char *date = answers_field_get(a, ANSWERS_DATE);
	const char *rows[][2] = {
		{L(x, "评定人员（签字）", "Assessors (signature)"), who},
		{L(x, "评定机构（盖章）", "Assessing body (seal)"), NULL},
		{L(x, "企业（盖章）", "Enterprise (seal)"), name},
		{L(x, "企业负责人（签字）", "For the enterprise (signature)"), NULL},
		{L(x, "日期", "Date"), date},
	};
	xlsx_sheet_string(s, r++, 0, L(x, "签字确认", "Sign-off"), x->f.heading);
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		xlsx_sheet_row_height(s, r, TWO_LINES); /* room to sign */
		r = key_value(s, r, rows[i][0], rows[i][1] ? rows[i][1] : "", x->f.sign);
	}
	return r;
}

static void write_overview(book_ctx *x)
{
	static const double widths[] = {22, 30, 30, 22};
	xlsx_sheet s;
	char title[256];
	sheet_begin(&s, x, L(x, "概览", "Overview"));
	snprintf(title, sizeof title, "%s：%s",
		 L(x, "数字化水平验收对比表", "Acceptance comparison"),
		 compare_kind_label(x->c->kind, x->lang));
	if (x->lang == QN_LANG_EN)
		snprintf(title, sizeof title, "Acceptance comparison: %s",
			 compare_kind_label(x->c->kind, x->lang));
	line(&s, 0, 0, 3, title, x->f.title);
	if (s.ws) {
		xlsx_sheet_row_height(&s, 0, TWO_LINES);
		xlsx_check(x->b, worksheet_repeat_rows(s.ws, 0, 0));
	}
	lxw_row_t r = overview_files(&s, 2);
	if (x->c->dates_out_of_order)
		line(&s, r++, 0, 3,
		     L(x, "警告：改造后的评测日期早于改造前的评测日期。",
		       "Warning: AFTER is dated before BEFORE."),
		     x->f.bad);
	r = overview_points(&s, r + 1);
	r = overview_gates(&s, r + 1);
	r = overview_verdict(&s, r + 1);
	overview_signoff(&s, r + 1);
	xlsx_sheet_end(&s, widths, widths, 4);
}

/* ---- 题目对比 Questions ---- */

static void answer_cell(xlsx_sheet *s, lxw_row_t r, lxw_col_t col, const compare_question *cq,
			bool after, lxw_format *f)
{
	const book_ctx *x = s->ctx;
	const answer *ans = after ? cq->after : cq->before;
	const qn_question *q = cq->question;
	char buf[1024];
	size_t used = 0;
	if (!ans->given) {
		xlsx_sheet_string(s, r, col, L(x, "未作答", "not answered"), f);
		return;
	}
	if (q->kind == QN_SCENARIO) {
		xlsx_sheet_string(s, r, col,
				  questionnaire_scenario_level(ans->level, QN_SCENARIO_LEVEL_SHORT,
							       x->lang),
				  f);
		return;
	}
	buf[0] = '\0';
	for (size_t i = 0; i < q->n_options; i++) {
		bool on = q->kind == QN_SINGLE ? (int)i == ans->choice : (ans->mask >> i) & 1;
		if (on)
			text_appendf(buf, sizeof buf, &used, "%s%s %s", used ? "\n" : "",
				     q->options[i].code,
				     qn_text_get(&q->options[i].label, x->lang));
	}
	xlsx_sheet_string(s, r, col, buf, f);
}

static void question_row(xlsx_sheet *s, lxw_row_t r, const compare_question *cq, bool verify)
{
	book_ctx *x = s->ctx;
	lxw_format *f = cq->differs ? x->f.changed : x->f.cell;
	lxw_format *n = cq->differs ? x->f.changed_num : x->f.num;
	const qn_question *q = cq->question;
	char id[32];
	snprintf(id, sizeof id, "%s%s", q->id, q->constrained ? "★" : "");
	xlsx_sheet_string(s, r, 0, id, f);
	xlsx_sheet_string(s, r, 1, qn_text_get(&q->indicator->name, x->lang), f);
	answer_cell(s, r, 2, cq, false, f);
	answer_cell(s, r, 3, cq, true, f);
	if (q->kind != QN_SCENARIO) { /* a scenario scores no points: its cells stay blank */
		xlsx_sheet_points(s, r, 4, cq->points_before, n);
		xlsx_sheet_points(s, r, 5, cq->points_after, n);
		xlsx_sheet_points(s, r, 6, cq->points_after - cq->points_before,
				  cq->differs ? x->f.changed_delta : x->f.delta);
	} else {
		for (lxw_col_t col = 4; col <= 6; col++)
			xlsx_sheet_string(s, r, col, "", f);
	}
	lxw_col_t col = 7;
	if (verify) {
		xlsx_sheet_string(s, r, col++, cq->declared_higher ? lang_yes(x->lang) : "", f);
		xlsx_sheet_string(s, r, col++,
				  cq->changes_level ? level_name(x, cq->level_if_declared) : "", f);
	}
	xlsx_sheet_string(s, r, col, cq->evidence_added ? lang_yes(x->lang) : "", f);
}

static void write_questions(book_ctx *x)
{
	static const double widths[] = {8, 18, 34, 34, 10, 10, 9, 12, 16, 10};
	bool verify = x->c->kind == COMPARE_VERIFICATION;
	xlsx_sheet s;
	sheet_begin(&s, x, L(x, "题目对比", "Questions"));
	char pb[64], pa[64];
	snprintf(pb, sizeof pb, L(x, "%s得分", "%s points"), side_name(x, false));
	snprintf(pa, sizeof pa, L(x, "%s得分", "%s points"), side_name(x, true));
	const char *titles[10] = {L(x, "编号", "Id"),
				  L(x, "指标", "Indicator"),
				  side_name(x, false),
				  side_name(x, true),
				  pb,
				  pa,
				  L(x, "变化", "Change")};
	int n = 7;
	if (verify) {
		titles[n++] = L(x, "自评高于现场", "Declared higher");
		titles[n++] = L(x, "单独按自评的等级", "Level if declared");
	}
	titles[n++] = L(x, "新增佐证", "Evidence added");
	xlsx_sheet_header(&s, 0, titles, n, x->f.header, true);
	lxw_row_t r = 1;
	for (size_t i = 0; i < x->c->n_questions; i++)
		question_row(&s, r++, &x->c->questions[i], verify);
	line(&s, r + 1, 0, 6, L(x, "黄色底纹：两份答卷的答案不同。", "Yellow: the answers differ."),
	     NULL);
	xlsx_sheet_end(&s, widths, widths, verify ? 10 : 8);
}

/* ---- 场景对比 Scenarios, with a chart ---- */

static void scenario_chart(xlsx_sheet *s, lxw_row_t first, lxw_row_t last)
{
	book_ctx *x = s->ctx;
	lxw_chart *chart = s->ws ? workbook_add_chart(xlsx_workbook(x->b), LXW_CHART_BAR) : NULL;
	if (!s->ws)
		return;
	if (!chart) {
		xlsx_check(x->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	/* Before light, after dark. */
	static const unsigned colors[2] = {XLSX_COLOR_BAR_LIGHT, XLSX_COLOR_BAR_DARK};
	for (int i = 0; i < 2; i++) {
		lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
		if (!series) {
			xlsx_check(x->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(series, s->name, first, 1, last, 1);
		chart_series_set_values(series, s->name, first, (lxw_col_t)(3 + i), last,
					(lxw_col_t)(3 + i));
		chart_series_set_name(series, side_name(x, i));
		lxw_chart_fill fill = {.color = colors[i]};
		chart_series_set_fill(series, &fill);
	}
	xlsx_chart_levels(chart, L(x, "经营场景等级对比", "Scenario levels before and after"),
			  QN_MAX_LEVEL, LXW_CHART_LEGEND_BOTTOM, x->lang);
	lxw_chart_options o = {.x_offset = 8, .y_offset = 4, .x_scale = 1.1, .y_scale = 1.6};
	xlsx_check(x->b, worksheet_insert_chart_opt(s->ws, 0, 7, chart, &o));
}

static void write_scenarios(book_ctx *x)
{
	static const double widths[] = {8, 20, 6, 12, 12, 9};
	xlsx_sheet s;
	sheet_begin(&s, x, L(x, "场景对比", "Scenarios"));
	char lb[64], la[64];
	snprintf(lb, sizeof lb, L(x, "%s等级", "%s level"), side_name(x, false));
	snprintf(la, sizeof la, L(x, "%s等级", "%s level"), side_name(x, true));
	const char *titles[] = {L(x, "编号", "Id"),    L(x, "场景", "Scenario"), "★", lb, la,
				L(x, "变化", "Change")};
	xlsx_sheet_header(&s, 0, titles, 6, x->f.header, true);
	lxw_row_t r = 1;
	for (size_t i = 0; i < x->c->n_questions; i++) {
		const compare_question *cq = &x->c->questions[i];
		if (cq->question->kind != QN_SCENARIO)
			continue;
		lxw_format *f = cq->differs ? x->f.changed : x->f.cell;
		lxw_format *n = cq->differs ? x->f.changed_num : x->f.num;
		xlsx_sheet_string(&s, r, 0, cq->question->id, f);
		xlsx_sheet_string(&s, r, 1, qn_text_get(&cq->question->indicator->name, x->lang),
				  f);
		xlsx_sheet_string(&s, r, 2, cq->question->constrained ? "★" : "", f);
		xlsx_sheet_number(&s, r, 3, cq->level_before, n);
		xlsx_sheet_number(&s, r, 4, cq->level_after, n);
		xlsx_sheet_number(&s, r, 5, cq->level_after - cq->level_before,
				  cq->differs ? x->f.changed_delta : x->f.delta);
		r++;
	}
	if (r > 1)
		scenario_chart(&s, 1, r - 1);
	xlsx_sheet_end(&s, widths, widths, 6);
}

/* ---- 佐证登记 Evidence ---- */

static void write_evidence(book_ctx *x)
{
	static const double widths[] = {8, 18, 40, 40, 10};
	xlsx_sheet s;
	sheet_begin(&s, x, L(x, "佐证登记", "Evidence"));
	const char *titles[] = {L(x, "编号", "Id"), L(x, "指标", "Indicator"), side_name(x, false),
				side_name(x, true), L(x, "新增", "Added")};
	xlsx_sheet_header(&s, 0, titles, 5, x->f.header, true);
	lxw_row_t r = 1;
	for (size_t i = 0; i < x->c->n_questions; i++) {
		const compare_question *cq = &x->c->questions[i];
		if (!cq->evidence_before && !cq->evidence_after)
			continue;
		lxw_format *f = cq->evidence_added ? x->f.changed : x->f.cell;
		xlsx_sheet_string(&s, r, 0, cq->question->id, f);
		xlsx_sheet_string(&s, r, 1, qn_text_get(&cq->question->indicator->name, x->lang),
				  f);
		char items[2][2048];
		compare_evidence_text(x->c->before->answers, i, items[0], sizeof items[0]);
		compare_evidence_text(x->c->after->answers, i, items[1], sizeof items[1]);
		xlsx_sheet_string(&s, r, 2, items[0], f);
		xlsx_sheet_string(&s, r, 3, items[1], f);
		xlsx_sheet_string(&s, r++, 4, cq->evidence_added ? lang_yes(x->lang) : "", f);
	}
	if (r == 1)
		line(&s, r, 0, 4, L(x, "两份答卷均未记录佐证。", "Neither file records evidence."),
		     x->f.cell);
	xlsx_sheet_end(&s, widths, widths, 5);
}

/* ---- the workbook ---- */

static time_t created_time(const compare_result *c, const compare_book_options *o)
{
	return xlsx_created_time(o->created, answers_field_get(c->after->answers, ANSWERS_DATE));
}

static void set_properties(book_ctx *x, const compare_book_options *o)
{
	const char *name = answers_field_get(x->c->after->answers, ANSWERS_NAME);
	const char *who = answers_field_get(x->c->after->answers, ANSWERS_ASSESSOR);
	const xlsx_properties p = {
		.what = L(x, "数字化水平验收对比表", "Acceptance comparison"),
		.name = name,
		.author = who,
		.subject = compare_kind_label(x->c->kind, x->lang),
		.category = L(x, "验收", "Acceptance"),
		.created = created_time(x->c, o),
	};
	xlsx_set_properties(x->b, &p);
	xlsx_check(x->b,
		   workbook_set_custom_property_string(xlsx_workbook(x->b), "Kind",
						       (char *)compare_kind_name(x->c->kind)));
	xlsx_check(x->b, workbook_set_custom_property_integer(xlsx_workbook(x->b), "LevelBefore",
							      x->c->level_before));
	xlsx_check(x->b, workbook_set_custom_property_integer(xlsx_workbook(x->b), "LevelAfter",
							      x->c->level_after));
}

assess_code compare_book_write(const compare_result *c, const compare_verdict *v, const char *path,
			       const compare_book_options *o, assess_error *err)
{
	if (!c->questions)
		return assess_fail(err, ASSESS_ERR_INTERNAL, path, 0, 0,
				   "the acceptance workbook needs a full comparison");
	xlsx_options xo = {.replace = o->replace,
			   .env = o->env,
			   .what = o->lang == QN_LANG_EN ? "acceptance workbook" : "验收对比表",
			   .lang = o->lang};
	book_ctx x = {.c = c, .v = v, .lang = o->lang};
	if (!(x.b = xlsx_open(path, &xo, err)))
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	make_formats(&x);
	xlsx_footer_named(answers_field_get(c->after->answers, ANSWERS_NAME), x.lang, x.footer,
			  sizeof x.footer);
	set_properties(&x, o);
	write_overview(&x);
	write_questions(&x);
	write_scenarios(&x);
	write_evidence(&x);
	return xlsx_close(x.b, err);
}
