/*
 * 差距与建议 Gap analysis: each condition of the next level (required, reached, met, short by),
 * every level's rule against the result, and the scoring engine's ranked improvements with the
 * points each gains and the running total, so the reader sees where the score bar is cleared.
 *
 * Three tables share the columns: A a number, B the long text, C-G figures.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include "common/decimal.h"

enum { COL_A, COL_TEXT, COL_C, COL_D, COL_E, COL_F, COL_G, N_COLS };
static const double widths[N_COLS] = {7, 46, 10, 10, 10, 10, 16};

static lxw_row_t header(xlsx_sheet *s, lxw_row_t row, const char *const *zh, const char *const *en)
{
	const report_ctx *c = s->ctx;
	rp_header_row(s, row, c->lang == QN_LANG_EN ? en : zh, N_COLS, false);
	return row + 1;
}

/*
 * One condition: required, reached, met (a formula), short by (a formula). Figures are exact
 * thousandths (a count n is n * 1000), and the shortfall comes from the scoring engine.
 */
static void condition(xlsx_sheet *s, lxw_row_t row, int level, const char *what, int64_t need,
		      int64_t have, bool met, lxw_format *num)
{
	report_ctx *c = s->ctx;
	const char *yes = lang_pick(c->lang, "满足", "met");
	const char *no = lang_pick(c->lang, "未满足", "not met");
	char f[160];
	unsigned r1 = row + 1;
	xlsx_sheet_number(s, row, COL_A, level, c->f.integer);
	xlsx_sheet_string(s, row, COL_TEXT, what, c->f.text);
	xlsx_sheet_points(s, row, COL_C, need, num);
	xlsx_sheet_points(s, row, COL_D, have, num);
	snprintf(f, sizeof f, "=IF(D%u>=C%u,\"%s\",\"%s\")", r1, r1, yes, no);
	if (s->ws && !xlsx_failed(c->book))
		xlsx_check(c->book, worksheet_write_formula_str(s->ws, row, COL_E, f, c->f.center,
								met ? yes : no));
	snprintf(f, sizeof f, "=MAX(0,C%u-D%u)", r1, r1);
	xlsx_sheet_formula(s, row, COL_F, f, decimal_milli_to_double(met ? 0 : need - have), num);
}

/* The next level's gate, or the top level's when there is none; returns the row after. */
static lxw_row_t gate(xlsx_sheet *s, lxw_row_t row, lxw_row_t *total_row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[N_COLS] = {"等级",     "条件", "要求", "现状",
					       "是否满足", "还差", ""};
	static const char *const en[N_COLS] = {"Level", "Condition", "Required", "Reached",
					       "Met",   "Short by",  ""};
	const scoring_gate *g = scoring_next_gate(c->r);
	int level = g ? g->level : c->r->level;
	const qn_level_rule *rule = questionnaire_level_rule(c->q, level);
	char title[256], what[256];
	if (!rule)
		return row;
	if (!g)
		g = &c->r->gates[level];
	snprintf(title, sizeof title,
		 c->r->level == level
			 ? lang_pick(c->lang, "已达最高等级：%s", "At the highest level: %s")
			 : lang_pick(c->lang, "升至%s的条件", "What %s takes"),
		 questionnaire_level_name(c->q, level, c->lang));
	row = rp_heading(s, row, title);
	row = header(s, row, zh, en);
	*total_row = row;
	condition(s, row++, level,
		  lang_pick(c->lang, "总分（基础、管理、成效合计）",
			    "Total points (foundation, management, results)"),
		  rule->min_score, c->r->total, g->score_met, c->f.points);
	snprintf(what, sizeof what,
		 lang_pick(c->lang, "达到 %s及以上的经营场景个数", "Scenarios at %s or above"),
		 questionnaire_scenario_level(rule->scenario_level, QN_SCENARIO_LEVEL_SENTENCE,
					      c->lang));
	condition(s, row++, level, what, (int64_t)g->scenarios_need * DECIMAL_MILLI,
		  (int64_t)g->scenarios_have * DECIMAL_MILLI, g->scenarios_met, c->f.points);
	condition(s, row++, level,
		  lang_pick(c->lang, "其中★约束性场景个数", "of which ★ constrained"),
		  (int64_t)g->constrained_need * DECIMAL_MILLI,
		  (int64_t)g->constrained_have * DECIMAL_MILLI, g->constrained_met, c->f.points);
	lxw_conditional_format met = {.type = LXW_CONDITIONAL_TYPE_FORMULA,
				      .value_string = NULL,
				      .format = c->f.good};
	lxw_conditional_format short_by = {.type = LXW_CONDITIONAL_TYPE_CELL,
					   .criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN,
					   .value = 0,
					   .format = c->f.bad};
	char f[32];
	snprintf(f, sizeof f, "=$F%u=0", *total_row + 1);
	met.value_string = f;
	if (s->ws) {
		xlsx_check(c->book, worksheet_conditional_format_range(s->ws, *total_row, COL_E,
								       row - 1, COL_E, &met));
		xlsx_check(c->book, worksheet_conditional_format_range(s->ws, *total_row, COL_F,
								       row - 1, COL_F, &short_by));
	}
	return row + 1;
}

/* Every level's rule and whether the result meets it. */
/* The next level's plan: every action, in order, with its steps and the points it gains. */
static lxw_row_t plan(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[N_COLS] = {"项",   "做什么（最少步骤方案）",
					       "步数", "加分",
					       "",     "",
					       ""};
	static const char *const en[N_COLS] = {"No.",   "What to do (the plan with fewest steps)",
					       "Steps", "Points",
					       "",      "",
					       ""};
	const scoring_plan *p = scoring_plan_for(c->plans, c->r->level + 1);
	char title[256], text[1024];
	if (!p)
		return row;
	snprintf(title, sizeof title,
		 lang_pick(c->lang, "升至%s的最少步骤：共 %zu 步",
			   "Fewest steps to %s: %zu in all"),
		 questionnaire_level_name(c->q, p->level, c->lang), p->n_steps);
	row = rp_heading(s, row, title);
	row = header(s, row, zh, en);
	for (size_t i = 0, at = 0; i < scoring_plan_n_actions(p); i++, row++) {
		size_t n = scoring_plan_action_text(p, i, c->lang, text, sizeof text);
		int64_t gain = 0;
		for (size_t k = at; k < at + n; k++)
			gain += p->steps[k].gain;
		at += n;
		xlsx_sheet_number(s, row, COL_A, (double)(i + 1), c->f.integer);
		xlsx_sheet_string(s, row, COL_TEXT, text, c->f.text);
		xlsx_sheet_number(s, row, COL_C, (double)n, c->f.integer);
		xlsx_sheet_points(s, row, COL_D, gain, c->f.points);
	}
	return row + 1;
}

static lxw_row_t levels(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[N_COLS] = {"等级",       "名称",  "最低总分", "场景等级",
					       "最少场景数", "其中★", "是否达到"};
	static const char *const en[N_COLS] = {"Level",          "Name",      "Minimum points",
					       "Scenario level", "Scenarios", "of which ★",
					       "Reached"};
	const char *yes = lang_pick(c->lang, "达到", "yes");
	row = rp_heading(s, row, lang_pick(c->lang, "各等级条件", "The conditions of every level"));
	row = header(s, row, zh, en);
	lxw_row_t first = row;
	for (int l = 1; l <= (int)questionnaire_n_levels(c->q); l++, row++) {
		const qn_level_rule *rule = questionnaire_level_rule(c->q, l);
		xlsx_sheet_number(s, row, COL_A, l, c->f.integer);
		xlsx_sheet_string(s, row, COL_TEXT, qn_text_get(&rule->name, c->lang), c->f.text);
		xlsx_sheet_points(s, row, COL_C, rule->min_score, c->f.points);
		xlsx_sheet_number(s, row, COL_D, rule->scenario_level, c->f.integer);
		xlsx_sheet_number(s, row, COL_E, rule->min_scenarios, c->f.integer);
		xlsx_sheet_number(s, row, COL_F, rule->min_constrained, c->f.integer);
		xlsx_sheet_string(s, row, COL_G,
				  c->r->gates[l].met ? yes : lang_pick(c->lang, "未达到", "no"),
				  c->f.center);
	}
	char quoted[32];
	snprintf(quoted, sizeof quoted, "\"%s\"", yes);
	lxw_conditional_format reached = {.type = LXW_CONDITIONAL_TYPE_CELL,
					  .criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO,
					  .value_string = quoted,
					  .format = c->f.good};
	if (s->ws && row > first)
		xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_G, row - 1,
								       COL_G, &reached));
	return row + 1;
}

static void suggestion(const report_ctx *c, const scoring_gap *g, char *buf, size_t size)
{
	const qn_question *q = g->question;
	if (g->kind == SCORING_GAP_SCENARIO) {
		snprintf(buf, size,
			 lang_pick(c->lang, "由 %s提升到 %s%s：%s", "Raise from %s to %s%s: %s"),
			 questionnaire_scenario_level(g->from_level, QN_SCENARIO_LEVEL_SHORT,
						      c->lang),
			 questionnaire_scenario_level(g->to_level, QN_SCENARIO_LEVEL_SHORT,
						      c->lang),
			 g->needed_for_star
				 ? lang_pick(c->lang, "（★场景，计入约束性条件）",
					     " (★, counts for the constrained condition)")
				 : "",
			 qn_text_get(&q->level_text[g->to_level], c->lang));
		return;
	}
	const qn_option *o = &q->options[g->option];
	snprintf(buf, size, "%s %s%s%s",
		 q->kind == QN_MULTI ? lang_pick(c->lang, "增加", "Add")
				     : lang_pick(c->lang, "选择", "Choose"),
		 o->code, lang_pick(c->lang, "：", ": "), qn_text_get(&o->label, c->lang));
}

/* The ranked improvements; points gains add up from the current total in the gate table. */
static void improvements(xlsx_sheet *s, lxw_row_t row, lxw_row_t total_row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[N_COLS] = {"序号", "建议", "增加分数",  "累计总分",
					       "类型", "题号", "指标或场景"};
	static const char *const en[N_COLS] = {"Rank",          "Improvement", "Points gained",
					       "Running total", "Kind",        "Id",
					       "Indicator"};
	char text[2048], f[64];
	row = rp_heading(s, row,
			 lang_pick(c->lang, "改进建议（按优先顺序）",
				   "Improvements, most useful first"));
	row = header(s, row, zh, en);
	lxw_row_t first = row;
	int64_t running = c->r->total;
	lxw_row_t prev = 0;
	for (size_t i = 0; i < c->r->n_gaps; i++, row++) {
		const scoring_gap *g = &c->r->gaps[i];
		bool pts = g->kind == SCORING_GAP_OPTION;
		xlsx_sheet_number(s, row, COL_A, (double)(i + 1), c->f.integer);
		suggestion(c, g, text, sizeof text);
		xlsx_sheet_string(s, row, COL_TEXT, text, c->f.text);
		xlsx_sheet_string(s, row, COL_E,
				  pts ? lang_pick(c->lang, "得分", "points")
				      : lang_pick(c->lang, "场景", "scenario"),
				  c->f.center);
		xlsx_sheet_string(s, row, COL_F, g->question->id, c->f.center);
		xlsx_sheet_string(s, row, COL_G,
				  qn_text_get(&g->question->indicator->name, c->lang), c->f.text);
		if (!pts) {
			xlsx_sheet_string(s, row, COL_C, NULL, c->f.points);
			xlsx_sheet_string(s, row, COL_D, NULL, c->f.points);
			continue;
		}
		running += g->gain;
		xlsx_sheet_points(s, row, COL_C, g->gain, c->f.points);
		if (prev)
			snprintf(f, sizeof f, "=D%u+C%u", prev + 1, row + 1);
		else
			snprintf(f, sizeof f, "=$D$%u+C%u", total_row + 1, row + 1);
		xlsx_sheet_formula(s, row, COL_D, f, decimal_milli_to_double(running), c->f.points);
		prev = row;
	}
	if (!c->r->n_gaps)
		xlsx_sheet_merge(s, row, COL_A, row, COL_G, lang_pick(c->lang, "无", "None"),
				 c->f.text);
	const scoring_gate *g = scoring_next_gate(c->r);
	const qn_level_rule *rule = g ? questionnaire_level_rule(c->q, g->level) : NULL;
	if (s->ws && rule && row > first) {
		/* The running total turns green where it clears the next level's score bar. */
		lxw_conditional_format clear =
			{.type = LXW_CONDITIONAL_TYPE_CELL,
			 .criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
			 .value = decimal_milli_to_double(rule->min_score),
			 .format = c->f.good};
		xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_D, row - 1,
								       COL_D, &clear));
	}
}

void report_sheet_gaps(report_ctx *c)
{
	xlsx_sheet s;
	lxw_row_t total_row = 0;
	rp_sheet_begin(&s, c, RP_GAPS);
	if (!s.ws)
		return;
	lxw_row_t row = gate(&s, 0, &total_row);
	/* The sheet's title and the gate's column headers on every printed page. */
	xlsx_check(c->book, worksheet_repeat_rows(s.ws, 0, 1));
	row = plan(&s, row);
	row = levels(&s, row);
	improvements(&s, row, total_row);
	xlsx_sheet_end(&s, widths, widths, N_COLS);
}
