/* The report's sheets on top of xlsx/layout.h, and the texts they share. */
#include "config.h"
#include "reports/report_internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/text.h"

/* The report's sheets: their names, and which print across the page (the wide tables). */
static const struct {
	const char *name[2]; /* zh, en */
	bool landscape;
} sheets[] = {
	[RP_OVERVIEW] = {{"概览", "Overview"}, false},
	[RP_INDICATORS] = {{"指标明细", "Indicators"}, true},
	[RP_SCENARIOS] = {{"经营场景", "Scenarios"}, true},
	[RP_GAPS] = {{"差距与建议", "Gap analysis"}, false},
	[RP_METHOD] = {{"评测依据", "Method"}, false},
	[RP_SUBSIDY] = {{"补贴测算", "Subsidy"}, true},
	[RP_RECORD] = {{"评测记录", "Assessment record"}, false},
	[RP_EVIDENCE] = {{"证据登记", "Evidence register"}, true},
	[RP_CHANGES] = {{"答案变更", "Changed answers"}, true},
};

const char *rp_sheet_name(const report_ctx *c, int which)
{
	return sheets[which].name[c->lang == QN_LANG_EN];
}

void rp_sheet_begin(xlsx_sheet *s, report_ctx *c, int which)
{
	const xlsx_page page = {.landscape = sheets[which].landscape,
				.margins = xlsx_margins_narrow,
				.footer = c->footer,
				.header = c->header};
	xlsx_sheet_begin(s, c->book, rp_sheet_name(c, which));
	s->ctx = c;
	xlsx_page_setup(c->book, s->ws, &page);
}

lxw_row_t rp_heading(xlsx_sheet *s, lxw_row_t row, const char *text)
{
	const report_ctx *c = s->ctx;
	if (!s->ws || xlsx_failed(s->book))
		return row + 1;
	xlsx_sheet_row_height(s, row, 22);
	/* Not measured: a heading runs on across the empty cells to its right. */
	xlsx_string(s->book, s->ws, row, 0, text, c->f.heading);
	return row + 1;
}

void rp_share(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t points_col, lxw_col_t max_col,
	      int64_t points, int64_t max, lxw_format *f)
{
	if (max <= 0) {
		xlsx_sheet_string(s, row, col, NULL, f);
		return;
	}
	char p[LXW_MAX_CELL_NAME_LENGTH], m[LXW_MAX_CELL_NAME_LENGTH], formula[64];
	xlsx_cell_ref(row, points_col, p, sizeof p);
	xlsx_cell_ref(row, max_col, m, sizeof m);
	snprintf(formula, sizeof formula, "=%s/%s", p, m);
	/* Exact thousandths divide to the double a spreadsheet would compute. */
	xlsx_sheet_formula(s, row, col, formula, (double)points / (double)max, f);
}

lxw_row_t rp_key_value(xlsx_sheet *s, lxw_row_t row, lxw_col_t last_col, const char *key,
		       const char *value, lxw_format *f, const char *absent, lxw_format *absent_f)
{
	const report_ctx *c = s->ctx;
	bool given = value && *value;
	return xlsx_sheet_key_value(s, row, key, c->f.label, last_col, given ? value : absent,
				    given ? f : absent_f);
}

void rp_header_row(xlsx_sheet *s, lxw_row_t row, const char *const *titles, int n, bool repeat)
{
	const report_ctx *c = s->ctx;
	xlsx_sheet_header(s, row, titles, n, c->f.header, repeat);
}

void rp_draft_banner(xlsx_sheet *s, lxw_row_t row, lxw_col_t last_col)
{
	report_ctx *c = s->ctx;
	char text[512], reason[160];
	if (!c->draft)
		return;
	snprintf(text, sizeof text,
		 lang_pick(c->lang, "暂定：%s。定稿前本报告不作为正式评定结论。",
			   "DRAFT: %s. Until it is finalized, this report is not a formal result."),
		 rp_draft_reason(c, reason, sizeof reason));
	xlsx_sheet_row_height(s, row, 24);
	xlsx_sheet_merge(s, row, 0, row, last_col, text, c->f.draft);
}

lxw_row_t rp_sheet_title(xlsx_sheet *s, int which, lxw_col_t last_col)
{
	report_ctx *c = s->ctx;
	const char *no = answers_field_get(c->r->answers, ANSWERS_REPORT_NO);
	char title[256];
	snprintf(title, sizeof title, "%s%s%s%s", rp_sheet_name(c, which),
		 no ? lang_pick(c->lang, "　报告编号 ", " · report ") : "", no ? no : "",
		 c->draft ? lang_pick(c->lang, "（暂定）", " (DRAFT)") : "");
	title[text_prefix_bytes(title, sizeof title)] = '\0'; /* snprintf cuts bytes */
	xlsx_sheet_row_height(s, 0, 26);
	xlsx_sheet_merge(s, 0, 0, 0, last_col, title, c->f.heading);
	if (s->ws)
		xlsx_check(c->book, worksheet_repeat_rows(s->ws, 0, 0));
	return 1;
}

lxw_row_t rp_table_begin(xlsx_sheet *s, report_ctx *c, int which, const char *const *titles, int n)
{
	rp_sheet_begin(s, c, which);
	if (!s->ws)
		return 0;
	rp_sheet_title(s, which, (lxw_col_t)(n - 1));
	rp_header_row(s, 1, titles, n, false);
	worksheet_freeze_panes(s->ws, 2, 0);
	xlsx_check(c->book, worksheet_repeat_rows(s->ws, 0, 1));
	return 2;
}

/* Appends "CODE label" to buf at *used, after a newline when something is there already. */
static void append_option(const report_ctx *c, const qn_option *o, char *buf, size_t size,
			  size_t *used)
{
	text_appendf(buf, size, used, "%s%s %s", *used ? "\n" : "", o->code,
		     qn_text_get(&o->label, c->lang));
}

void rp_value_text(const report_ctx *c, const qn_question *q, const answer *ans, char *buf,
		   size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	if (!ans->given)
		return;
	if (q->kind == QN_SCENARIO) {
		snprintf(buf, size, "%s",
			 questionnaire_scenario_level(ans->level, QN_SCENARIO_LEVEL_TITLE,
						      c->lang));
		return;
	}
	if (q->kind == QN_SINGLE) {
		append_option(c, &q->options[ans->choice], buf, size, &used);
		return;
	}
	for (size_t i = 0; i < q->n_options; i++)
		if (ans->mask & (1ULL << i))
			append_option(c, &q->options[i], buf, size, &used);
}

void rp_answer_text(const report_ctx *c, const qn_question *q, char *buf, size_t size)
{
	const answer *ans = answers_get(c->r->answers, q->index);
	if (!ans->given)
		snprintf(buf, size, "%s",
			 lang_pick(c->lang, "（未作答，按 0 分计）", "(not answered: 0 points)"));
	else if (q->kind == QN_SCENARIO)
		snprintf(buf, size, "%d", ans->level);
	else
		rp_value_text(c, q, ans, buf, size);
}

size_t rp_missing_ids(const report_ctx *c, char *buf, size_t size, size_t used)
{
	size_t n = 0;
	for (size_t i = 0; i < questionnaire_n_questions(c->q) && used < size; i++) {
		if (answers_get(c->r->answers, i)->given)
			continue;
		text_appendf(buf, size, &used, "%s%s", n ? ", " : "",
			     questionnaire_question(c->q, i)->id);
		n++;
	}
	return n;
}

const char *rp_draft_reason(const report_ctx *c, char *buf, size_t size)
{
	const answers *a = c->r->answers;
	size_t missing = answers_n_missing(a);
	bool open = answers_has_record(a) && !answers_finalized(a);
	const char *sep = open && missing ? lang_pick(c->lang, "，", "; ") : "";
	char n[64] = "";
	if (missing)
		snprintf(n, sizeof n,
			 missing == 1
				 ? lang_pick(c->lang, "%zu 题未作答", "%zu question unanswered")
				 : lang_pick(c->lang, "%zu 题未作答", "%zu questions unanswered"),
			 missing);
	snprintf(buf, size, "%s%s%s",
		 open ? lang_pick(c->lang, "答卷尚未定稿", "the record is not finalized") : "", sep,
		 n);
	return buf;
}
