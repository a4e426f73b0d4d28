/*
 * 证据登记 Evidence register: every evidence item of the record, question by question: what
 * it is, its file, the file's full SHA-256 and the checklist entry (支撑材料) it satisfies.
 * Only written when the record has evidence; the record sheet says when it has none.
 *
 * The SHA-256 is the whole 64-digit hash in a small monospaced font, in a column as wide as
 * about 40 of its digits: every reader breaks it onto exactly two lines, so it prints whole.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>

enum { COL_ID, COL_QUESTION, COL_TITLE, COL_FILE, COL_SHA, COL_CHECKLIST, N_COLS };
static const double min_w[N_COLS] = {7, 16, 18, 16, 40, 18};
static const double max_w[N_COLS] = {8, 26, 34, 28, 40, 34};

static void checklist_text(const report_ctx *c, const qn_question *q, const char *id, char *buf,
			   size_t size)
{
	const qn_checklist_entry *e = id ? qn_checklist_find(q, id) : NULL;
	if (e)
		snprintf(buf, size, "%s %s", e->id, qn_text_get(&e->text, c->lang));
	else
		snprintf(buf, size, "%s", id ? id : "—");
}

static lxw_row_t items(xlsx_sheet *s, lxw_row_t row, const qn_question *q)
{
	report_ctx *c = s->ctx;
	const answers *a = c->r->answers;
	char name[256], entry[1024];
	snprintf(name, sizeof name, "%s%s", qn_text_get(&q->indicator->name, c->lang),
		 q->constrained ? " ★" : "");
	for (size_t k = 0; k < answers_evidence_count(a, q->index); k++, row++) {
		const answers_evidence *e = answers_evidence_get(a, q->index, k);
		xlsx_sheet_string(s, row, COL_ID, q->id, c->f.center);
		/* The question's name once, on its first item. */
		xlsx_sheet_string(s, row, COL_QUESTION, k ? NULL : name, c->f.text);
		xlsx_sheet_string(s, row, COL_TITLE, e->title, c->f.text);
		xlsx_sheet_string(s, row, COL_FILE, e->file ? e->file : "—", c->f.text);
		xlsx_sheet_string(s, row, COL_SHA, e->sha256 ? e->sha256 : "—", c->f.hash);
		checklist_text(c, q, e->checklist, entry, sizeof entry);
		xlsx_sheet_string(s, row, COL_CHECKLIST, entry, c->f.text);
	}
	return row;
}

void report_sheet_evidence(report_ctx *c)
{
	static const char *const zh[N_COLS] = {"题号", "题目",    "证据",
					       "文件", "SHA-256", "对应支撑材料"};
	static const char *const en[N_COLS] = {"Id",   "Question", "Evidence",
					       "File", "SHA-256",  "Checklist entry"};
	if (!answers_evidence_total(c->r->answers))
		return;
	xlsx_sheet s;
	lxw_row_t row = rp_table_begin(&s, c, RP_EVIDENCE, c->lang == QN_LANG_EN ? en : zh, N_COLS);
	if (!row)
		return;
	for (size_t i = 0; i < questionnaire_n_questions(c->q); i++)
		row = items(&s, row, questionnaire_question(c->q, i));
	xlsx_sheet_merge(
		&s, row + 1, COL_ID, row + 1, COL_CHECKLIST,
		lang_pick(
			c->lang,
			"文件路径相对于答卷文件所在的文件夹。在该文件夹中对文件运行 sha256sum"
			"（Windows：certutil -hashfile 文件 SHA256），结果应与表中的 SHA-256 "
			"一致；assess validate 会逐项核对。",
			"Files are named relative to the answer file's folder. Run sha256sum on a "
			"file there (Windows: certutil -hashfile FILE SHA256): the result must equal "
			"its SHA-256 above. assess validate checks every item."),
		c->f.note);
	xlsx_sheet_end(&s, min_w, max_w, N_COLS);
}
