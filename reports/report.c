/* report_write: one workbook per assessment, written to a temporary file and renamed. */
#include "config.h"
#include "reports/report_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "common/decimal.h"
#include "common/text.h"

static lxw_format *base_format(xlsx_book *b, qn_lang lang)
{
	lxw_format *f = xlsx_add_text_format(b, lang);
	if (f && lang != QN_LANG_EN)
		format_set_font_charset(f, 134); /* GB2312: lets Excel pick a Chinese face */
	return f;
}

static lxw_format *cell_format(xlsx_book *b, qn_lang lang)
{
	lxw_format *f = base_format(b, lang);
	if (f) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, XLSX_COLOR_BORDER);
		format_set_text_wrap(f);
	}
	return f;
}

static lxw_format *subtotal_format(xlsx_book *b, qn_lang lang, const char *num_format)
{
	lxw_format *f = cell_format(b, lang);
	if (f) {
		format_set_bold(f);
		format_set_bg_color(f, XLSX_COLOR_LABEL_FILL);
		if (num_format)
			format_set_num_format(f, num_format);
	}
	return f;
}

/* How a format starts: bare, in the report's font, as a table cell, or as a subtotal cell. */
enum format_kind { FK_PLAIN, FK_BASE, FK_CELL, FK_SUBTOTAL };

static lxw_format *new_format(xlsx_book *b, qn_lang lang, enum format_kind kind,
			      const char *num_format)
{
	if (kind == FK_PLAIN)
		return xlsx_add_format(b);
	if (kind == FK_BASE)
		return base_format(b, lang);
	return kind == FK_CELL ? cell_format(b, lang) : subtotal_format(b, lang, num_format);
}

/*
 * Nothing more when the workbook could not make a format (out of memory: the error is kept).
 * The formats are made in the order of this table: the workbook numbers its styles in that
 * order.
 */
static void make_formats(xlsx_book *b, qn_lang lang, report_formats *f)
{
	const struct {
		lxw_format **at;
		enum format_kind kind;
		const char *num_format; /* a subtotal's */
	} made[] = {
		/* clang-format off */
		{&f->title, FK_BASE, NULL},               {&f->heading, FK_BASE, NULL},
		{&f->header, FK_CELL, NULL},              {&f->label, FK_CELL, NULL},
		{&f->text, FK_CELL, NULL},                {&f->center, FK_CELL, NULL},
		{&f->points, FK_CELL, NULL},              {&f->share, FK_CELL, NULL},
		{&f->integer, FK_CELL, NULL},             {&f->sub_label, FK_SUBTOTAL, NULL},
		{&f->sub_points, FK_SUBTOTAL, "General"}, {&f->sub_share, FK_SUBTOTAL, "0.0%"},
		{&f->level_big, FK_CELL, NULL},           {&f->verdict, FK_CELL, NULL},
		{&f->note, FK_BASE, NULL},                {&f->mono, FK_CELL, NULL},
		{&f->money, FK_CELL, NULL},               {&f->sub_money, FK_SUBTOTAL, "#,##0"},
		{&f->rate, FK_CELL, NULL},                {&f->hash, FK_CELL, NULL},
		{&f->box, FK_CELL, NULL},                 {&f->draft, FK_CELL, NULL},
		{&f->absent, FK_CELL, NULL},              {&f->good, FK_PLAIN, NULL},
		{&f->bad, FK_PLAIN, NULL},
		/* clang-format on */
	};
	bool ok = true;
	for (size_t i = 0; i < sizeof made / sizeof *made; i++) {
		*made[i].at = new_format(b, lang, made[i].kind, made[i].num_format);
		ok = ok && *made[i].at;
	}
	if (!ok)
		return;

	format_set_bold(f->title);
	format_set_font_size(f->title, 16);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bold(f->heading);
	format_set_font_size(f->heading, 12);
	format_set_font_color(f->heading, XLSX_COLOR_HEADING);
	format_set_align(f->heading, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bold(f->header);
	format_set_bg_color(f->header, XLSX_COLOR_HEADER_FILL);
	format_set_align(f->header, LXW_ALIGN_CENTER);
	format_set_align(f->header, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bold(f->label);
	format_set_bg_color(f->label, XLSX_COLOR_LABEL_FILL);
	format_set_align(f->center, LXW_ALIGN_CENTER);
	format_set_num_format(f->points, "General");
	format_set_num_format(f->share, "0.0%");
	format_set_num_format(f->integer, "0");
	format_set_align(f->integer, LXW_ALIGN_CENTER);
	format_set_bold(f->level_big);
	format_set_font_size(f->level_big, 20);
	format_set_font_color(f->level_big, XLSX_COLOR_HEADING);
	format_set_align(f->level_big, LXW_ALIGN_CENTER);
	format_set_align(f->level_big, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(f->level_big, XLSX_COLOR_HEADER_FILL);
	format_set_bold(f->verdict);
	format_set_font_color(f->verdict, XLSX_COLOR_ALERT);
	format_set_font_size(f->note, 9);
	format_set_font_color(f->note, XLSX_COLOR_NOTE);
	format_set_text_wrap(f->note);
	format_set_font_name(f->mono, "Consolas");
	format_set_num_format(f->money, "#,##0");
	format_set_num_format(f->rate, "0.0%");
	format_set_font_name(f->hash, "Consolas");
	format_set_font_size(f->hash, 9);
	format_set_border_color(f->box, 0x595959);
	format_set_bold(f->draft);
	format_set_font_size(f->draft, 12);
	format_set_font_color(f->draft, XLSX_COLOR_ALERT);
	format_set_border_color(f->draft, XLSX_COLOR_ALERT);
	format_set_align(f->draft, LXW_ALIGN_VERTICAL_CENTER);
	format_set_font_color(f->absent, 0x7F7F7F);
	/* Excel's own "good" and "bad" cell styles, for conditional formats. */
	format_set_bg_color(f->good, XLSX_COLOR_GOOD_FILL);
	format_set_font_color(f->good, XLSX_COLOR_GOOD_TEXT);
	format_set_bg_color(f->bad, XLSX_COLOR_BAD_FILL);
	format_set_font_color(f->bad, XLSX_COLOR_BAD_TEXT);
}

/* The document time (xlsx_created_time): SOURCE_DATE_EPOCH, the assessment date, or now. */
static time_t created_time(const scoring_result *r, const report_options *opt)
{
	return xlsx_created_time(opt->created, answers_field_get(r->answers, ANSWERS_DATE));
}

static void set_properties(report_ctx *c)
{
	const scoring_result *r = c->r;
	const char *name = answers_field_get(r->answers, ANSWERS_NAME);
	const char *assessor = answers_field_get(r->answers, ANSWERS_ASSESSOR);
	const char *report = lang_pick(c->lang, "中小企业数字化水平诊断报告",
				       "SME digitization diagnostic report");
	char comments[256], keywords[256];
	snprintf(comments, sizeof comments, "%s; %s SHA-256 %s", PACKAGE_STRING,
		 lang_pick(c->lang, "答卷", "answer file"), answers_sha256(r->answers));
	snprintf(keywords, sizeof keywords, "%s, %s", questionnaire_id(c->q),
		 lang_pick(c->lang, "数字化水平评测", "digitization level assessment"));
	const xlsx_properties p = {
		.what = report,
		.name = name,
		.author = assessor,
		.subject = qn_text_get(questionnaire_title(c->q), c->lang),
		.category = lang_pick(c->lang, "诊断报告", "Diagnostic report"),
		.keywords = keywords,
		.comments = comments,
		.status = answers_stage_name(answers_stage_get(r->answers)),
		.created = created_time(r, c->opt),
	};
	xlsx_set_properties(c->book, &p);
	/* Custom properties let a portfolio or an archive read the result without the cells. */
	xlsx_check(c->book, workbook_set_custom_property_string(c->wb, "Questionnaire",
								(char *)questionnaire_id(c->q)));
	xlsx_check(c->book, workbook_set_custom_property_number(c->wb, "TotalScore",
								decimal_milli_to_double(r->total)));
	xlsx_check(c->book, workbook_set_custom_property_integer(c->wb, "Level", r->level));
	if (*answers_sha256(r->answers))
		xlsx_check(c->book,
			   workbook_set_custom_property_string(c->wb, "AnswerSHA256",
							       (char *)answers_sha256(r->answers)));
	/* The record's state, so an archive can refuse a draft without opening it. */
	const char *report_no = answers_field_get(r->answers, ANSWERS_REPORT_NO);
	if (report_no)
		xlsx_check(c->book, workbook_set_custom_property_string(c->wb, "ReportNo",
									(char *)report_no));
	xlsx_check(c->book,
		   workbook_set_custom_property_integer(c->wb, "Unanswered",
							(int32_t)answers_n_missing(r->answers)));
	xlsx_check(c->book, workbook_set_custom_property_boolean(c->wb, "Finalized",
								 answers_finalized(r->answers)));
}

/*
 * A draft carries 暂定 in the header of every page. A format 1 file has no finalization to
 * wait for: only unanswered questions make it a draft, so its report is otherwise unchanged.
 */
static void make_header(report_ctx *c)
{
	const answers *a = c->r->answers;
	char reason[160];
	c->draft = answers_n_missing(a) > 0 || (answers_has_record(a) && !answers_finalized(a));
	c->header[0] = '\0';
	if (c->draft)
		snprintf(c->header, sizeof c->header,
			 lang_pick(c->lang, "&C&\"-,Bold\"&12&KC00000暂定：%s",
				   "&C&\"-,Bold\"&12&KC00000DRAFT: %s"),
			 rp_draft_reason(c, reason, sizeof reason));
}

static void write_sheets(report_ctx *c)
{
	report_sheet_overview(c);
	report_sheet_indicators(c);
	report_sheet_scenarios(c);
	report_sheet_gaps(c);
	report_sheet_method(c);
	if (c->opt->subsidy)
		report_sheet_subsidy(c);
	report_sheet_record(c);
	report_sheet_evidence(c);
	report_sheet_changes(c);
}

size_t report_no_too_long(const char *no)
{
	size_t chars = 0;
	text_prefix_chars(no, SIZE_MAX, &chars);
	return chars > REPORT_NO_MAX ? chars : 0;
}

/*
 * A number libxlsxwriter would refuse is refused here, at its place in the answer file, before
 * anything is written. libxlsxwriter takes the title, author and company at any length (and
 * xlsx_title_named cuts the title); the other custom properties are not from the answers.
 */
static assess_code check_report_no(const answers *a, assess_error *err)
{
	const char *no = answers_field_get(a, ANSWERS_REPORT_NO);
	size_t chars = no ? report_no_too_long(no) : 0;
	if (!chars)
		return ASSESS_OK;
	return answers_fail_model(a, err, "$.assessment.report_no",
				  "the report number has %zu characters, more than the %d a "
				  "workbook's document property holds",
				  chars, REPORT_NO_MAX);
}

assess_code report_write(const scoring_result *r, const report_options *opt, const char *path,
			 assess_error *err)
{
	static const report_options defaults = {.lang = QN_LANG_ZH};
	if (!opt)
		opt = &defaults;
	if (check_report_no(r->answers, err))
		return ASSESS_ERR_DATA;
	report_ctx c = {.r = r, .q = r->q, .opt = opt, .lang = opt->lang};
	scoring_plan_set *plans = scoring_plan_find(r, err);
	if (!plans)
		return err ? err->code : ASSESS_ERR_NOMEM;
	c.plans = plans;
	xlsx_options xo = {.replace = opt->replace,
			   .env = opt->env,
			   .what = "report",
			   .lang = c.lang};
	if (!(c.book = xlsx_open(path, &xo, err))) {
		scoring_plan_set_free(plans);
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	}
	c.wb = xlsx_workbook(c.book);
	make_formats(c.book, c.lang, &c.f);
	xlsx_footer_named(answers_field_get(r->answers, ANSWERS_NAME), c.lang, c.footer,
			  sizeof c.footer);
	make_header(&c);
	set_properties(&c);
	write_sheets(&c);
	assess_code rc = xlsx_close(c.book, err);
	scoring_plan_set_free(plans);
	return rc;
}
