/*
 * 评测记录 Assessment record: the administrative part of a filed report. The report number,
 * how it was assessed (on site or by the enterprise itself), the team with roles and
 * organisations, the interviewees, the site-visit dates, the finalization and what the
 * evidence register and the changed answers hold; then a statement of truthfulness and boxes
 * for the assessors' signatures and the provider's and the enterprise's seals.
 *
 * A format 1 answer file has no record: the sheet says what is not recorded instead of
 * printing empty tables, and keeps the statement and the boxes to sign on paper.
 *
 * Six equal columns (portrait): key/value rows run A | B:F, the team A | B:C | D:F, the three
 * boxes A:B, C:D and E:F.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include <string.h>
#include "common/date.h"
#include "common/text.h"

enum { COL_A, COL_B, COL_C, COL_D, COL_E, COL_F, N_COLS };
static const double widths[N_COLS] = {15, 15, 15, 15, 15, 15};

/* Rows of a signature box: the role, the name, where to sign, where to seal, the date. */
#define SIGN_HEIGHT 36
#define SEAL_HEIGHT 120 /* an enterprise seal is about 42 mm across */
/* People and flags that still leave room for the statement and the boxes on the first page. */
#define KEEP_ON_PAGE_ONE 10

#define NOT_RECORDED(c) lang_pick((c)->lang, "未记录", "not recorded")

static lxw_row_t key_value(xlsx_sheet *s, lxw_row_t row, const char *key, const char *value,
			   lxw_format *f)
{
	const report_ctx *c = s->ctx;
	return rp_key_value(s, row, COL_F, key, value, f, NOT_RECORDED(c), c->f.absent);
}

/* Appends text to buf at *used, after sep when something is there already. */
static void append(char *buf, size_t size, size_t *used, const char *sep, const char *text)
{
	if (text && *text)
		text_appendf(buf, size, used, "%s%s", *used ? sep : "", text);
}

/* A profile field's name as the record words it. */
static const char *item(const report_ctx *c, answers_profile_item i)
{
	return answers_profile_label(i, ANSWERS_PROFILE_RECORD, c->lang);
}

static const char *origin_text(const report_ctx *c)
{
	return answers_origin_label(answers_origin_get(c->r->answers), ANSWERS_ORIGIN_EXPLAINED,
				    c->lang);
}

static const char *visits_text(const report_ctx *c, char *buf, size_t size)
{
	const answers *a = c->r->answers;
	size_t used = 0;
	char day[DATE_TEXT_MAX];
	buf[0] = '\0';
	for (size_t i = 0; i < answers_site_visits_count(a); i++)
		append(buf, size, &used, lang_pick(c->lang, "、", ", "),
		       date_format(answers_site_visit_get(a, i), day, sizeof day));
	return buf;
}

static const char *finalized_text(const report_ctx *c, char *buf, size_t size)
{
	const answers *a = c->r->answers;
	const char *by = answers_finalized_by(a);
	char at[48];
	if (!answers_finalized(a))
		snprintf(buf, size, "%s",
			 lang_pick(c->lang, "未定稿（暂定）", "Not finalized (draft)"));
	else
		snprintf(buf, size, lang_pick(c->lang, "已定稿：%s%s%s", "Finalized %s%s%s"),
			 date_stamp_text(answers_finalized_at(a), ' ', at, sizeof at),
			 by ? lang_pick(c->lang, "，", " by ") : "", by ? by : "");
	return buf;
}

/* Changes made after a question's first answer: history entries with a "from". */
static size_t n_changes(const answers *a)
{
	size_t n = 0;
	for (size_t i = 0; i < answers_history_count(a); i++)
		n += answers_history_get(a, i)->from.given;
	return n;
}

static const char *flags_text(const report_ctx *c, char *buf, size_t size)
{
	const answers *a = c->r->answers;
	size_t used = 0;
	char one[512];
	buf[0] = '\0';
	for (size_t i = 0; i < questionnaire_n_questions(c->q); i++) {
		const char *note = answers_flag_get(a, i);
		if (!note)
			continue;
		snprintf(one, sizeof one, lang_pick(c->lang, "%s：%s", "%s: %s"),
			 questionnaire_question(c->q, i)->id, note);
		one[text_prefix_bytes(one, sizeof one)] =
			'\0'; /* a long note: cut between characters */
		append(buf, size, &used, "\n", one);
	}
	return buf;
}

static lxw_row_t identity(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const answers *a = c->r->answers;
	char buf[1024], id[ANSWERS_IDENT_MAX];
	row = rp_heading(s, row, lang_pick(c->lang, "基本信息", "Identification"));
	row = key_value(s, row, item(c, ANSWERS_PROFILE_REPORT_NO),
			answers_field_get(a, ANSWERS_REPORT_NO), c->f.text);
	row = key_value(s, row, lang_pick(c->lang, "受评企业", "Enterprise"),
			answers_identification(a, ANSWERS_IDENT_VALUE, c->lang, id, sizeof id),
			c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_SOURCE), origin_text(c), c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_DATE), answers_field_get(a, ANSWERS_DATE),
			c->f.text);
	row = key_value(s, row, item(c, ANSWERS_PROFILE_SITE_VISITS),
			visits_text(c, buf, sizeof buf), c->f.text);
	snprintf(buf, sizeof buf, lang_pick(c->lang, "%s（%s，%s 版）", "%s (%s, version %s)"),
		 qn_text_get(questionnaire_title(c->q), c->lang), questionnaire_id(c->q),
		 questionnaire_version(c->q));
	row = key_value(s, row, lang_pick(c->lang, "评测问卷", "Questionnaire"), buf, c->f.text);
	return row;
}

/* What the record holds beyond who was there: finalization, evidence, changes, flags. */
static lxw_row_t state(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const answers *a = c->r->answers;
	size_t evidence = answers_evidence_total(a), changes = n_changes(a);
	char buf[2048];
	row = key_value(s, row, lang_pick(c->lang, "定稿", "Finalization"),
			finalized_text(c, buf, sizeof buf), c->draft ? c->f.verdict : c->f.text);
	snprintf(buf, sizeof buf,
		 lang_pick(c->lang, "%zu 项，见“%s”页", "%zu items, on the %s sheet"), evidence,
		 rp_sheet_name(c, RP_EVIDENCE));
	row = key_value(s, row, lang_pick(c->lang, "证据", "Evidence"), evidence ? buf : NULL,
			c->f.text);
	snprintf(buf, sizeof buf,
		 changes == 1
			 ? lang_pick(c->lang, "首次作答后修改 %zu 处，见“%s”页",
				     "%zu answer changed after its first entry, on the %s sheet")
			 : lang_pick(c->lang, "首次作答后修改 %zu 处，见“%s”页",
				     "%zu answers changed after their first entry, on the %s "
				     "sheet"),
		 changes, rp_sheet_name(c, RP_CHANGES));
	row = key_value(s, row, lang_pick(c->lang, "答案修改", "Changes"),
			changes ? buf
			: !answers_history_count(a)
				? NULL /* no history: nothing to tell */
				: lang_pick(c->lang, "无：每题的答案均为首次作答",
					    "None: every answer is as first entered"),
			c->f.text);
	row = key_value(s, row, lang_pick(c->lang, "待核实事项", "To verify"),
			answers_flags_count(a) ? flags_text(c, buf, sizeof buf)
					       : lang_pick(c->lang, "无", "None"),
			c->f.text);
	/* Who is not recorded is said here, rather than under a heading over an empty table. */
	if (!answers_team_count(a))
		row = key_value(s, row, item(c, ANSWERS_PROFILE_TEAM), NULL, NULL);
	if (!answers_interviewees_count(a))
		row = key_value(s, row, item(c, ANSWERS_PROFILE_INTERVIEWEES), NULL, NULL);
	return row + 1;
}

/* A format 1 file: what is missing, in one row, instead of empty tables. */
static lxw_row_t no_record(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	row = key_value(s, row, item(c, ANSWERS_PROFILE_ASSESSOR),
			answers_field_get(c->r->answers, ANSWERS_ASSESSOR), c->f.text);
	row = key_value(
		s, row, lang_pick(c->lang, "评测记录", "Record"),
		lang_pick(c->lang,
			  "本答卷为旧格式（第 1 版），不含评测记录：评测方式、评测组、受访人员、"
			  "现场评定日期、证据登记、答案修改记录和定稿信息均未记录。本报告的其余"
			  "内容不受影响。",
			  "This answer file is in the old format (version 1) and carries no record: "
			  "how it was assessed, the team, the interviewees, the days on site, the "
			  "evidence, the changes to answers and the finalization are not recorded. "
			  "The rest of the report is unaffected."),
		c->f.verdict);
	return row + 1;
}

/* A cell of the people tables: one column, or several merged. */
struct span {
	lxw_col_t first, last;
};

/* One row of a people table: texts[i] across spans[i]. */
static void span_row(xlsx_sheet *s, lxw_row_t row, const struct span *spans,
		     const char *const *texts, int n, lxw_format *f)
{
	for (int i = 0; i < n; i++)
		if (spans[i].first == spans[i].last)
			xlsx_sheet_string(s, row, spans[i].first, texts[i], f);
		else
			xlsx_sheet_merge(s, row, spans[i].first, row, spans[i].last, texts[i], f);
}

static lxw_row_t team(xlsx_sheet *s, lxw_row_t row)
{
	static const struct span spans[] = {{COL_A, COL_A}, {COL_B, COL_C}, {COL_D, COL_F}};
	report_ctx *c = s->ctx;
	const answers *a = c->r->answers;
	size_t n = answers_team_count(a);
	if (!n)
		return row; /* said under the identification */
	const char *titles[] = {lang_pick(c->lang, "姓名", "Name"),
				lang_pick(c->lang, "角色", "Role"),
				lang_pick(c->lang, "单位", "Organisation")};
	row = rp_heading(s, row, item(c, ANSWERS_PROFILE_TEAM));
	span_row(s, row++, spans, titles, 3, c->f.header);
	for (size_t i = 0; i < n; i++) {
		const answers_person *p = answers_team_get(a, i);
		const char *cells[] = {p->name, p->role, p->organisation};
		span_row(s, row++, spans, cells, 3, c->f.text);
	}
	return row + 1;
}

static lxw_row_t interviewees(xlsx_sheet *s, lxw_row_t row)
{
	static const struct span spans[] = {{COL_A, COL_A}, {COL_B, COL_F}};
	report_ctx *c = s->ctx;
	const answers *a = c->r->answers;
	size_t n = answers_interviewees_count(a);
	if (!n)
		return row;
	const char *titles[] = {lang_pick(c->lang, "姓名", "Name"),
				lang_pick(c->lang, "职务", "Title")};
	row = rp_heading(s, row, item(c, ANSWERS_PROFILE_INTERVIEWEES));
	span_row(s, row++, spans, titles, 2, c->f.header);
	for (size_t i = 0; i < n; i++) {
		const answers_person *p = answers_interviewee_get(a, i);
		const char *cells[] = {p->name, p->title};
		span_row(s, row++, spans, cells, 2, c->f.text);
	}
	return row + 1;
}

static lxw_row_t statement(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	row = rp_heading(s, row, lang_pick(c->lang, "真实性承诺", "Statement of truthfulness"));
	xlsx_sheet_merge(
		s, row, COL_A, row, COL_F,
		lang_pick(c->lang,
			  "评测人员承诺：本报告如实记录并评定了现场查看、人员访谈和企业所提供材料"
			  "所反映的情况，未作虚构或夸大。\n"
			  "服务机构承诺：对评测过程和结论负责，并妥善保存证据材料，以备核查。\n"
			  "受评企业承诺：所提供的信息、数据和材料真实、准确、完整；如有不实，"
			  "愿承担相应责任。",
			  "The assessors declare that this report records and rates what they saw "
			  "on site, heard in interviews and were shown by the enterprise, without "
			  "invention or exaggeration.\n"
			  "The service provider declares that it stands behind the assessment and "
			  "its conclusions, and keeps the evidence for inspection.\n"
			  "The enterprise declares that the information, figures and documents it "
			  "provided are true, accurate and complete, and accepts responsibility "
			  "should any of them prove otherwise."),
		c->f.text);
	row++;
	if (answers_origin_get(c->r->answers) == ANSWERS_SOURCE_SELF) {
		xlsx_sheet_merge(
			s, row, COL_A, row, COL_F,
			lang_pick(c->lang,
				  "本次为企业自评：评测人员和服务机构栏由复核人员填写，未复核时"
				  "可空白。",
				  "This is a self-assessment: the assessor and provider boxes are "
				  "for whoever reviews it, and stay blank until then."),
			c->f.note);
		row++;
	}
	return row + 1;
}

/* Who signs each box, as far as the record says: the team, their organisations, the firm. */
static void box_names(const report_ctx *c, char names[3][512])
{
	const answers *a = c->r->answers;
	const char *sep = lang_pick(c->lang, "、", ", ");
	size_t used[3] = {0};
	for (int k = 0; k < 3; k++)
		names[k][0] = '\0';
	for (size_t i = 0; i < answers_team_count(a); i++) {
		const answers_person *p = answers_team_get(a, i);
		append(names[0], sizeof names[0], &used[0], sep, p->name);
		if (p->organisation && !strstr(names[1], p->organisation))
			append(names[1], sizeof names[1], &used[1], sep, p->organisation);
	}
	if (!used[0])
		append(names[0], sizeof names[0], &used[0], sep,
		       answers_field_get(a, ANSWERS_ASSESSOR));
	append(names[2], sizeof names[2], &used[2], sep, answers_field_get(a, ANSWERS_NAME));
}

static void signatures(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const char *title[3] = {
		lang_pick(c->lang, "评测人员", "Assessors"),
		lang_pick(c->lang, "服务机构", "Service provider"),
		lang_pick(c->lang, "受评企业", "Enterprise"),
	};
	const char *sign[3] = {
		lang_pick(c->lang, "签字：", "Signatures:"),
		lang_pick(c->lang, "负责人签字：", "Signed for the provider:"),
		lang_pick(c->lang, "负责人签字：", "Signed for the enterprise:"),
	};
	const char *seal = lang_pick(c->lang, "盖章：", "Seal:");
	const char *date = lang_pick(c->lang, "日期：　　　　年　　月　　日", "Date:");
	char names[3][512];
	box_names(c, names);
	row = rp_heading(s, row, lang_pick(c->lang, "签字盖章", "Signatures and seals"));
	xlsx_sheet_row_height(s, row + 2, SIGN_HEIGHT);
	xlsx_sheet_row_height(s, row + 3, SEAL_HEIGHT);
	xlsx_sheet_row_height(s, row + 4, 24);
	for (lxw_col_t k = 0; k < 3; k++) {
		lxw_col_t c1 = (lxw_col_t)(k * 2), c2 = (lxw_col_t)(k * 2 + 1);
		xlsx_sheet_merge(s, row, c1, row, c2, title[k], c->f.header);
		xlsx_sheet_merge(s, row + 1, c1, row + 1, c2, names[k], c->f.box);
		if (k == 0) /* assessors sign; they have no seal */
			xlsx_sheet_merge(s, row + 2, c1, row + 3, c2, sign[k], c->f.box);
		else {
			xlsx_sheet_merge(s, row + 2, c1, row + 2, c2, sign[k], c->f.box);
			xlsx_sheet_merge(s, row + 3, c1, row + 3, c2, seal, c->f.box);
		}
		xlsx_sheet_merge(s, row + 4, c1, row + 4, c2, date, c->f.box);
	}
}

void report_sheet_record(report_ctx *c)
{
	xlsx_sheet s;
	char title[256];
	rp_sheet_begin(&s, c, RP_RECORD);
	if (!s.ws)
		return;
	worksheet_gridlines(s.ws, LXW_HIDE_ALL_GRIDLINES);
	snprintf(title, sizeof title, "%s%s", rp_sheet_name(c, RP_RECORD),
		 c->draft ? lang_pick(c->lang, "（暂定）", " (DRAFT)") : "");
	xlsx_sheet_row_height(&s, 0, 30);
	xlsx_sheet_merge(&s, 0, COL_A, 0, COL_F, title, c->f.title);
	/* The title repeats on every printed page, the draft mark with it. */
	worksheet_freeze_panes(s.ws, 1, 0);
	xlsx_check(c->book, worksheet_repeat_rows(s.ws, 0, 0));
	lxw_row_t row = 1;
	if (c->draft)
		rp_draft_banner(&s, row++, COL_F);
	row = identity(&s, row + 1);
	if (answers_has_record(c->r->answers)) {
		row = state(&s, row);
		row = team(&s, row);
		row = interviewees(&s, row);
	} else {
		row = no_record(&s, row);
	}
	/* Long tables would push the boxes across a page: the statement and boxes go together. */
	const answers *a = c->r->answers;
	if (answers_team_count(a) + answers_interviewees_count(a) + answers_flags_count(a) >
	    KEEP_ON_PAGE_ONE) {
		lxw_row_t breaks[] = {row, 0};
		xlsx_check(c->book, worksheet_set_h_pagebreaks(s.ws, breaks));
	}
	row = statement(&s, row);
	signatures(&s, row);
	xlsx_sheet_end(&s, widths, widths, N_COLS);
}
