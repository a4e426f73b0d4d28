/* The report's sheets on top of xlsx/layout.h, and the texts they share. */
#include "config.h"
#include "reports/report_internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/text.h"

static const char *const sheet_names[][2] = {
	[RP_OVERVIEW] = {"概览", "Overview"},
	[RP_INDICATORS] = {"指标明细", "Indicators"},
	[RP_SCENARIOS] = {"经营场景", "Scenarios"},
	[RP_GAPS] = {"差距与建议", "Gap analysis"},
	[RP_METHOD] = {"评测依据", "Method"},
	[RP_SUBSIDY] = {"补贴测算", "Subsidy"},
	[RP_RECORD] = {"评测记录", "Assessment record"},
	[RP_EVIDENCE] = {"证据登记", "Evidence register"},
	[RP_CHANGES] = {"答案变更", "Changed answers"},
};

const char *rp_sheet_name(const report_ctx *c, int which)
{
	return sheet_names[which][c->lang == QN_LANG_EN];
}

void rp_check(report_ctx *c, lxw_error e) { xlsx_check(c->book, e); }

void rp_sheet_begin(rp_sheet *s, report_ctx *c, int which, bool landscape)
{
	const xlsx_page page = {.landscape = landscape,
				.margins = xlsx_margins_narrow,
				.footer = c->footer,
				.header = c->header};
	s->c = c;
	xlsx_sheet_begin(&s->x, c->book, rp_sheet_name(c, which));
	xlsx_page_setup(c->book, s->x.ws, &page);
}

void rp_sheet_end(rp_sheet *s, const double *min, const double *max, int n)
{
	xlsx_sheet_end(&s->x, min, max, n);
}

void rp_row_height(rp_sheet *s, lxw_row_t row, double points)
{
	xlsx_sheet_row_height(&s->x, row, points);
}

void rp_row_level(rp_sheet *s, lxw_row_t row, uint8_t level)
{
	xlsx_sheet_row_level(&s->x, row, level);
}

void rp_string(rp_sheet *s, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
	xlsx_sheet_string(&s->x, row, col, text, f);
}

lxw_row_t rp_heading(rp_sheet *s, lxw_row_t row, const char *text)
{
	if (!s->x.ws || xlsx_failed(s->c->book))
		return row + 1;
	rp_row_height(s, row, 22);
	/* Not measured: a heading runs on across the empty cells to its right. */
	xlsx_string(s->c->book, s->x.ws, row, 0, text, s->c->f.heading);
	return row + 1;
}

void rp_number(rp_sheet *s, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
	xlsx_sheet_number(&s->x, row, col, v, f);
}

void rp_points(rp_sheet *s, lxw_row_t row, lxw_col_t col, int64_t milli, lxw_format *f)
{
	xlsx_sheet_points(&s->x, row, col, milli, f);
}

void rp_formula(rp_sheet *s, lxw_row_t row, lxw_col_t col, const char *formula, double value,
		lxw_format *f)
{
	xlsx_sheet_formula(&s->x, row, col, formula, value, f);
}

void rp_share(rp_sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t points_col, lxw_col_t max_col,
	      int64_t points, int64_t max, lxw_format *f)
{
	if (max <= 0) {
		rp_string(s, row, col, NULL, f);
		return;
	}
	char p[LXW_MAX_CELL_NAME_LENGTH], m[LXW_MAX_CELL_NAME_LENGTH], formula[64];
	rp_cell_ref(row, points_col, p, sizeof p);
	rp_cell_ref(row, max_col, m, sizeof m);
	snprintf(formula, sizeof formula, "=%s/%s", p, m);
	/* Exact thousandths divide to the double a spreadsheet would compute. */
	rp_formula(s, row, col, formula, (double)points / (double)max, f);
}

void rp_merge(rp_sheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2, const char *text,
	      lxw_format *f)
{
	xlsx_sheet_merge(&s->x, r1, c1, r2, c2, text, f);
}

lxw_row_t rp_key_value(rp_sheet *s, lxw_row_t row, lxw_col_t last_col, const char *key,
		       const char *value, lxw_format *f, const char *absent, lxw_format *absent_f)
{
	rp_string(s, row, 0, key, s->c->f.label);
	if (value && *value)
		rp_merge(s, row, 1, row, last_col, value, f);
	else
		rp_merge(s, row, 1, row, last_col, absent, absent_f);
	return row + 1;
}

void rp_header_row(rp_sheet *s, lxw_row_t row, const char *const *titles, int n, bool repeat)
{
	xlsx_sheet_header(&s->x, row, titles, n, s->c->f.header, repeat);
}

void rp_draft_banner(rp_sheet *s, lxw_row_t row, lxw_col_t last_col)
{
	report_ctx *c = s->c;
	char text[512], reason[160];
	if (!c->draft)
		return;
	snprintf(text, sizeof text,
		 lang_pick(c->lang, "暂定：%s。定稿前本报告不作为正式评定结论。",
			   "DRAFT: %s. Until it is finalized, this report is not a formal result."),
		 rp_draft_reason(c, reason, sizeof reason));
	rp_row_height(s, row, 24);
	rp_merge(s, row, 0, row, last_col, text, c->f.draft);
}

lxw_row_t rp_sheet_title(rp_sheet *s, int which, lxw_col_t last_col)
{
	report_ctx *c = s->c;
	const char *no = answers_field_get(c->r->answers, ANSWERS_REPORT_NO);
	char title[256];
	snprintf(title, sizeof title, "%s%s%s%s", rp_sheet_name(c, which),
		 no ? lang_pick(c->lang, "　报告编号 ", " · report ") : "", no ? no : "",
		 c->draft ? lang_pick(c->lang, "（暂定）", " (DRAFT)") : "");
	xlsx_utf8_tidy(title);
	rp_row_height(s, 0, 26);
	rp_merge(s, 0, 0, 0, last_col, title, c->f.heading);
	if (s->x.ws)
		rp_check(c, worksheet_repeat_rows(s->x.ws, 0, 0));
	return 1;
}

lxw_row_t rp_table_begin(rp_sheet *s, report_ctx *c, int which, const char *const *titles, int n)
{
	rp_sheet_begin(s, c, which, true);
	if (!s->x.ws)
		return 0;
	rp_sheet_title(s, which, (lxw_col_t)(n - 1));
	rp_header_row(s, 1, titles, n, false);
	worksheet_freeze_panes(s->x.ws, 2, 0);
	rp_check(c, worksheet_repeat_rows(s->x.ws, 0, 1));
	return 2;
}

/* Appends "CODE label" to buf at *used, after a newline when something is there already. */
static void append_option(const report_ctx *c, const qn_option *o, char *buf, size_t size,
			  size_t *used)
{
	if (*used >= size)
		return;
	int n = snprintf(buf + *used, size - *used, "%s%s %s", *used ? "\n" : "", o->code,
			 qn_text_get(&o->label, c->lang));
	*used += n > 0 ? (size_t)n : 0;
}

void rp_value_text(const report_ctx *c, const qn_question *q, const answer *ans, char *buf,
		   size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	if (!ans->given)
		return;
	if (q->kind == QN_SCENARIO) {
		snprintf(buf, size, lang_pick(c->lang, "%d 级", "Level %d"), ans->level);
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

void rp_cell_ref(lxw_row_t row, lxw_col_t col, char *buf, size_t size)
{
	xlsx_cell_ref(row, col, buf, size);
}

void rp_define_name(rp_sheet *s, const char *name, lxw_row_t row, lxw_col_t col)
{
	xlsx_sheet_define_name(&s->x, name, row, col);
}
