/*
 * 经营场景 Scenarios: the 16 scenarios with their group, ★, current level and what it means,
 * the next level and what the enterprise would have to do to reach it, and the evidence an
 * assessor asks to see. Levels below the bar of the enterprise's next level are shaded red.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include "common/text.h"

enum {
	COL_ID,
	COL_GROUP,
	COL_NAME,
	COL_STAR,
	COL_LEVEL,
	COL_NOW,
	COL_NEXT,
	COL_TODO,
	COL_EVIDENCE,
	COL_NOTE,
	N_COLS
};

static const double min_w[N_COLS] = {6, 10, 10, 5, 7, 24, 7, 24, 20, 10};
static const double max_w[N_COLS] = {6, 14, 14, 5, 7, 30, 7, 30, 28, 16};

static void header(xlsx_sheet *s)
{
	static const char *const zh[N_COLS] = {"编号",     "场景组",           "经营场景",
					       "★",        "当前等级",         "当前等级描述",
					       "下一等级", "达到下一等级需要", "佐证材料",
					       "备注"};
	static const char *const en[N_COLS] = {"Id",         "Group",
					       "Scenario",   "★",
					       "Level",      "What the level means",
					       "Next level", "What the next level takes",
					       "Evidence",   "Note"};
	const report_ctx *c = s->ctx;
	rp_header_row(s, 0, c->lang == QN_LANG_EN ? en : zh, N_COLS, true);
	if (s->ws)
		worksheet_freeze_panes(s->ws, 1, COL_STAR);
}

static void evidence_text(const report_ctx *c, const qn_question *q, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < q->n_evidence && used < size; i++) {
		text_appendf(buf, size, &used, "%s• %s", i ? "\n" : "",
			     qn_text_get(&q->evidence[i], c->lang));
	}
}

static void scenario_row(xlsx_sheet *s, lxw_row_t row, const qn_question *q)
{
	report_ctx *c = s->ctx;
	const answer *ans = answers_get(c->r->answers, q->index);
	int level = answers_scenario_level(ans);
	char evidence[4096];
	xlsx_sheet_string(s, row, COL_ID, q->id, c->f.center);
	xlsx_sheet_string(s, row, COL_GROUP,
			  qn_text_get(&q->indicator->subdimension->name, c->lang), c->f.text);
	xlsx_sheet_string(s, row, COL_NAME, qn_text_get(&q->indicator->name, c->lang), c->f.text);
	xlsx_sheet_string(s, row, COL_STAR, q->constrained ? "★" : NULL, c->f.center);
	/* Unanswered is not level 0: the cell says so (the gates still count it as below 1). */
	if (ans->given)
		xlsx_sheet_number(s, row, COL_LEVEL, level, c->f.integer);
	else
		xlsx_sheet_string(s, row, COL_LEVEL, lang_pick(c->lang, "未填", "not given"),
				  c->f.center);
	xlsx_sheet_string(
		s, row, COL_NOW,
		ans->given ? qn_text_get(&q->level_text[level], c->lang)
			   : lang_pick(c->lang, "（未作答；等级条件中不计入任何等级）",
				       "(not answered; counts towards no level in the gates)"),
		c->f.text);
	if (level < QN_MAX_LEVEL) {
		xlsx_sheet_number(s, row, COL_NEXT, level + 1, c->f.integer);
		xlsx_sheet_string(s, row, COL_TODO, qn_text_get(&q->level_text[level + 1], c->lang),
				  c->f.text);
	} else {
		xlsx_sheet_string(s, row, COL_NEXT, NULL, c->f.integer);
		xlsx_sheet_string(s, row, COL_TODO,
				  lang_pick(c->lang, "已达最高级", "At the highest level"),
				  c->f.text);
	}
	evidence_text(c, q, evidence, sizeof evidence);
	xlsx_sheet_string(s, row, COL_EVIDENCE, evidence, c->f.text);
	xlsx_sheet_string(s, row, COL_NOTE, ans->note, c->f.text);
}

/* Shade levels below the bar the enterprise's next level sets for its scenarios. */
static void highlight(xlsx_sheet *s, lxw_row_t first, lxw_row_t last)
{
	report_ctx *c = s->ctx;
	const scoring_gate *g = scoring_next_gate(c->r);
	const qn_level_rule *rule = g ? questionnaire_level_rule(c->q, g->level) : NULL;
	if (!s->ws || !rule || last < first)
		return;
	lxw_conditional_format below = {.type = LXW_CONDITIONAL_TYPE_CELL,
					.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN,
					.value = rule->scenario_level,
					.format = c->f.bad};
	lxw_conditional_format at = {.type = LXW_CONDITIONAL_TYPE_CELL,
				     .criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN_OR_EQUAL_TO,
				     .value = rule->scenario_level,
				     .format = c->f.good};
	xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_LEVEL, last,
							       COL_LEVEL, &below));
	xlsx_check(c->book, worksheet_conditional_format_range(s->ws, first, COL_LEVEL, last,
							       COL_LEVEL, &at));
}

void report_sheet_scenarios(report_ctx *c)
{
	xlsx_sheet s;
	rp_sheet_begin(&s, c, RP_SCENARIOS);
	if (!s.ws)
		return;
	header(&s);
	lxw_row_t row = 1;
	for (size_t i = 0; i < questionnaire_n_questions(c->q); i++) {
		const qn_question *q = questionnaire_question(c->q, i);
		if (q->kind == QN_SCENARIO)
			scenario_row(&s, row++, q);
	}
	highlight(&s, 1, row - 1);
	if (row > 1)
		xlsx_check(c->book, worksheet_autofilter(s.ws, 0, 0, row - 1, N_COLS - 1));
	xlsx_sheet_end(&s, min_w, max_w, N_COLS);
}
