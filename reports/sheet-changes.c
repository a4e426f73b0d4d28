/*
 * 答案变更 Changed answers: every change to an answer after its first entry, from the record's
 * history, in order: the question, the answer before and after in words, when, by whom and
 * why. Only written when there is such a change; the record sheet says when there is none.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include <string.h>
#include "common/date.h"

enum { COL_ID, COL_QUESTION, COL_FROM, COL_TO, COL_AT, COL_BY, COL_REASON, N_COLS };
static const double min_w[N_COLS] = {7, 14, 26, 26, 17, 9, 22};
static const double max_w[N_COLS] = {8, 22, 40, 40, 17, 16, 40};

static void change_row(xlsx_sheet *s, lxw_row_t row, const answers_change *ch)
{
	report_ctx *c = s->ctx;
	const qn_question *q = questionnaire_question(c->q, ch->question);
	char name[256], from[2048], to[2048], at[64];
	snprintf(name, sizeof name, "%s%s", qn_text_get(&q->indicator->name, c->lang),
		 q->constrained ? " ★" : "");
	rp_value_text(c, q, &ch->from, from, sizeof from);
	rp_value_text(c, q, &ch->to, to, sizeof to);
	if (!ch->to.given)
		snprintf(to, sizeof to, "%s",
			 lang_pick(c->lang, "（撤回作答）", "(answer withdrawn)"));
	/* the day, then the time on a line of its own: the column is narrow */
	date_stamp_text(ch->at, '\n', at, sizeof at);
	xlsx_sheet_string(s, row, COL_ID, q->id, c->f.center);
	xlsx_sheet_string(s, row, COL_QUESTION, name, c->f.text);
	xlsx_sheet_string(s, row, COL_FROM, from, c->f.text);
	xlsx_sheet_string(s, row, COL_TO, to, c->f.text);
	xlsx_sheet_string(s, row, COL_AT, at, c->f.text);
	xlsx_sheet_string(s, row, COL_BY,
			  ch->by ? ch->by : lang_pick(c->lang, "未记录", "not recorded"),
			  ch->by ? c->f.text : c->f.absent);
	xlsx_sheet_string(s, row, COL_REASON,
			  ch->reason ? ch->reason : lang_pick(c->lang, "未说明", "none given"),
			  ch->reason ? c->f.text : c->f.absent);
}

void report_sheet_changes(report_ctx *c)
{
	static const char *const zh[N_COLS] = {"题号",     "题目",   "原答案", "新答案",
					       "修改时间", "修改人", "原因"};
	static const char *const en[N_COLS] = {"Id",   "Question", "Before", "After",
					       "When", "By",       "Why"};
	const answers *a = c->r->answers;
	size_t n = 0;
	for (size_t i = 0; i < answers_history_count(a); i++)
		n += answers_history_get(a, i)->from.given;
	if (!n)
		return;
	xlsx_sheet s;
	lxw_row_t row = rp_table_begin(&s, c, RP_CHANGES, c->lang == QN_LANG_EN ? en : zh, N_COLS);
	if (!row)
		return;
	for (size_t i = 0; i < answers_history_count(a); i++)
		if (answers_history_get(a, i)->from.given)
			change_row(&s, row++, answers_history_get(a, i));
	xlsx_sheet_end(&s, min_w, max_w, N_COLS);
}
