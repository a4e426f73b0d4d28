/* The portfolio workbook: its lifecycle and the two sheets that stream (Enterprises, Errors). */
#include "config.h"
#include "portfolio/portfolio-book_internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/creditcode.h"
#include "common/text.h"
#include "portfolio/stream.h"

static const char *const sheet_names[BK_SHEETS][2] = {
	[BK_OVERVIEW] = {"概览", "Overview"},
	[BK_TARGETS] = {"目标", "Targets"},
	[BK_INDUSTRY] = {"按行业", "By industry"},
	[BK_REGION] = {"按地区", "By region"},
	[BK_HEAT] = {"场景热力图", "Scenario heat map"},
	[BK_ROWS] = {"企业明细", "Enterprises"},
	[BK_ERRORS] = {"错误", "Errors"},
};

const char *bk_sheet_name(const portfolio_book *b, int which)
{
	return sheet_names[which][b->o.lang == QN_LANG_EN];
}

void bk_level_scale(xlsx_sheet *sh, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1)
{
	xlsx_color_scale(sh->book, sh->ws, r0, c0, r1, c1, 0, 2, QN_MAX_LEVEL);
}

unsigned bk_level_color(int l)
{
	static const unsigned colors[QN_MAX_LEVEL + 1] = {XLSX_COLOR_SCALE_LOW, 0xFBAA77,
							  XLSX_COLOR_SCALE_MID, 0xB1D580,
							  XLSX_COLOR_SCALE_HIGH};
	return colors[l < 0 ? 0 : l > QN_MAX_LEVEL ? QN_MAX_LEVEL : l];
}

void bk_count_axis(lxw_chart_axis *axis, size_t max)
{
	/* Up to ten, a tick per enterprise; above, the chart's own step, which is whole then, with
	 * labels formatted as whole numbers anyway. */
	chart_axis_set_min(axis, 0);
	if (max <= 10)
		chart_axis_set_major_unit(axis, 1);
	chart_axis_set_num_format(axis, "0");
}

double bk_width(const char *s) { return xlsx_text_width(s, XLSX_FACE_LATIN); }

void bk_scenario_label(const portfolio_book *b, const qn_question *q, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s%s", q->id, qn_text_get(&q->indicator->name, b->o.lang),
		 q->constrained ? "★" : "");
}

void bk_fit_widths(const char *const *texts, size_t n, double *widths)
{
	for (size_t i = 0; i < n; i++) {
		double w = texts[i] ? xlsx_width_for(xlsx_widest_word(texts[i], BK_HEADER_FACE),
						     BK_HEADER_FONT)
				    : 0;
		widths[i] = w > widths[i] ? w : widths[i];
	}
}

void bk_header_row(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, lxw_col_t c0,
		   const char *const *texts, size_t n, const double *widths, double min_height)
{
	char text[512];
	int lines = 1;
	for (size_t i = 0; i < n; i++) {
		int l = texts[i] ? xlsx_wrap_words(texts[i],
						   xlsx_columns_in(widths[i], BK_HEADER_FONT),
						   BK_HEADER_FACE, text, sizeof text)
				 : 1;
		lines = l > lines ? l : lines;
	}
	double h = xlsx_lines_height(lines, BK_HEADER_FONT);
	xlsx_check(b->book, worksheet_set_row(sh->ws, r, h > min_height ? h : min_height, NULL));
	for (size_t i = 0; i < n; i++) {
		if (texts[i])
			xlsx_wrap_words(texts[i], xlsx_columns_in(widths[i], BK_HEADER_FONT),
					BK_HEADER_FACE, text, sizeof text);
		xlsx_sheet_string(sh, r, c0 + (lxw_col_t)i, texts[i] ? text : NULL, b->f.header);
	}
}

/* A format at 10 points, centred in its row; NULL (with the error kept) when memory runs out. */
static lxw_format *format(portfolio_book *b, const char *num, bool bold, unsigned align)
{
	lxw_format *f = xlsx_add_format(b->book);
	if (!f)
		return NULL;
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (num)
		format_set_num_format(f, num);
	if (bold)
		format_set_bold(f);
	if (align)
		format_set_align(f, (uint8_t)align);
	return f;
}

static void total_row(lxw_format *f)
{
	format_set_top(f, LXW_BORDER_THIN);
	format_set_bg_color(f, XLSX_COLOR_LABEL_FILL);
}

/* The formats are made in this order (the workbook numbers its styles so), then finished. */
static void make_formats(portfolio_book *b)
{
	bk_formats *f = &b->f;
	f->title = format(b, NULL, true, 0);
	f->subtitle = format(b, NULL, false, 0);
	f->heading = format(b, NULL, true, 0);
	f->header = format(b, NULL, true, LXW_ALIGN_CENTER);
	f->text = format(b, NULL, false, 0);
	f->wrap = format(b, NULL, false, 0);
	f->center = format(b, NULL, false, LXW_ALIGN_CENTER);
	f->integer = format(b, "0", false, 0);
	f->points = format(b, "0.###;-0.###;0", false, 0);
	f->mean = format(b, "0.00", false, 0);
	f->percent = format(b, "0.0%", false, 0);
	f->money = format(b, "#,##0", false, 0);
	f->good = format(b, NULL, true, 0);
	f->bad = format(b, NULL, true, 0);
	f->note = format(b, NULL, false, 0);
	f->total_text = format(b, NULL, true, 0);
	f->total_int = format(b, "0", true, 0);
	f->total_percent = format(b, "0.0%", true, 0);
	f->total_money = format(b, "#,##0", true, 0);
	f->total_points = format(b, "0.00", true, 0);
	f->link = format(b, NULL, false, 0);
	f->seq = format(b, "0", false, LXW_ALIGN_CENTER);
	if (xlsx_failed(b->book))
		return;
	format_set_font_size(f->title, 14);
	format_set_font_color(f->subtitle, XLSX_COLOR_NOTE);
	format_set_font_size(f->heading, 11);
	format_set_text_wrap(f->header);
	format_set_bg_color(f->header, XLSX_COLOR_HEADER_FILL);
	format_set_border(f->header, LXW_BORDER_THIN);
	format_set_text_wrap(f->wrap);
	format_set_font_color(f->good, XLSX_COLOR_GOOD_TEXT);
	format_set_bg_color(f->good, XLSX_COLOR_GOOD_FILL);
	format_set_font_color(f->bad, XLSX_COLOR_BAD_TEXT);
	format_set_bg_color(f->bad, XLSX_COLOR_BAD_FILL);
	format_set_text_wrap(f->note);
	total_row(f->total_text);
	total_row(f->total_int);
	total_row(f->total_percent);
	total_row(f->total_money);
	total_row(f->total_points);
	format_set_underline(f->link, LXW_UNDERLINE_SINGLE);
	format_set_font_color(f->link, LXW_COLOR_BLUE);
	/* A right-aligned number against a left-aligned 18-digit code read as one figure. */
	format_set_right(f->seq, LXW_BORDER_THIN);
	format_set_right_color(f->seq, XLSX_COLOR_BORDER);
}

static void set_properties(portfolio_book *b)
{
	const xlsx_properties p = {
		.what = lang_pick(b->o.lang, "中小企业数字化水平评测组合汇总",
				  "Portfolio of SME digitization assessments"),
		.subject = lang_pick(b->o.lang, "数字化水平评测", "Digitization level assessment"),
		.comments = PACKAGE_STRING,
		.created = b->created,
	};
	xlsx_set_properties(b->book, &p);
}

/*
 * A4, as wide as the page; Enterprises is too wide to shrink that far, so it runs four pages
 * across with the number, credit code and name repeated on each.
 */
static void page_setup(portfolio_book *b, xlsx_sheet *sh, int which)
{
	const xlsx_page page = {.landscape = which != BK_OVERVIEW,
				.pages_wide = which == BK_ROWS ? 4 : 1,
				.footer = "&C&P / &N"};
	xlsx_page_setup(b->book, sh->ws, &page);
	if (which == BK_ROWS)
		xlsx_check(b->book, worksheet_repeat_columns(sh->ws, 0, 2));
}

/*
 * The path from folder `from` to folder `to`, both absolute and canonical: "reports",
 * "../shared/reports", "" for the same folder. False when it does not fit.
 */
static bool relative_path(const char *from, const char *to, char *buf, size_t size)
{
	size_t common = 0, used = 0;
	/* The longest common prefix that ends at a component boundary in both. */
	for (size_t i = 0;; i++) {
		bool end_from = from[i] == '\0' || from[i] == '/';
		bool end_to = to[i] == '\0' || to[i] == '/';
		if (end_from && end_to)
			common = i;
		if (from[i] != to[i] || !from[i])
			break;
	}
	buf[0] = '\0';
	for (const char *p = from + common; *p; p++)
		if (*p == '/' && p[1] && !text_appendf(buf, size, &used, "%s..", used ? "/" : ""))
			return false;
	const char *rest = to + common + (to[common] == '/');
	return !*rest || text_appendf(buf, size, &used, "%s%s", used ? "/" : "", rest);
}

/*
 * "external:" and the path from the workbook's folder to the reports' folder, so that a row's
 * report name opens its report wherever the two folders are moved together. Left empty (no
 * links, the names stay) when either folder cannot be resolved.
 */
static void report_link(portfolio_book *b, const char *path)
{
	char here[PATH_MAX], dir[PATH_MAX], there[PATH_MAX], rel[PATH_MAX];
	size_t len;
	const char *folder = text_path_folder(path, &len);
	int n = snprintf(dir, sizeof dir, "%.*s", (int)len, folder);
	if (!b->o.reports_dir || n < 0 || (size_t)n >= sizeof dir || !realpath(dir, here) ||
	    !realpath(b->o.reports_dir, there) || !relative_path(here, there, rel, sizeof rel))
		return;
	snprintf(b->report_link, sizeof b->report_link, "external:%s%s", rel, *rel ? "/" : "");
}

portfolio_book *portfolio_book_new(const char *path, const portfolio_book_options *o,
				   assess_error *err)
{
	portfolio_book *b = calloc(1, sizeof *b);
	if (!b) {
		assess_nomem(err, path);
		return NULL;
	}
	b->o = *o;
	b->created = xlsx_created_time(o->created, NULL);
	report_link(b, path);
	xlsx_options xo = {.replace = o->replace,
			   .constant_memory = true,
			   .env = o->env,
			   .lang = b->o.lang};
	if (!(b->book = xlsx_open(path, &xo, err))) {
		free(b);
		return NULL;
	}
	b->wb = xlsx_workbook(b->book);
	make_formats(b);
	set_properties(b);
	for (int s = 0; s < BK_SHEETS; s++) {
		xlsx_sheet_stream(&b->sheet[s], b->book, bk_sheet_name(b, s));
		if (!b->sheet[s].ws) {
			xlsx_failure(b->book, err);
			portfolio_book_abort(b);
			return NULL;
		}
		page_setup(b, &b->sheet[s], s);
	}
	return b;
}

void portfolio_book_abort(portfolio_book *b)
{
	if (!b)
		return;
	xlsx_abort(b->book);
	free(b);
}

/* ---- Enterprises ---- */

struct column {
	const char *zh, *en;
	double width;
};

/* The Enterprises sheet's first columns: most are the profile's fields, in their table's words. */
struct profile_column {
	answers_profile_item item; /* ANSWERS_PROFILE_N_ITEMS: */
	const char *zh, *en;       /* the column's own header */
	double width;
};

/* clang-format off */
static const struct profile_column profile_columns[] = {
	{ANSWERS_PROFILE_N_ITEMS,     "序号", "No.",   7},
	{ANSWERS_PROFILE_CREDIT_CODE, NULL,   NULL,   21},
	{ANSWERS_PROFILE_NAME,        NULL,   NULL,   32},
	{ANSWERS_PROFILE_INDUSTRY,    NULL,   NULL,   14},
	{ANSWERS_PROFILE_SIZE,        NULL,   NULL,    7},
	{ANSWERS_PROFILE_ABOVE_SCALE, NULL,   NULL,    7},
	{ANSWERS_PROFILE_REGION,      NULL,   NULL,   26},
	{ANSWERS_PROFILE_STAGE,       NULL,   NULL,    9},
	{ANSWERS_PROFILE_DATE,        NULL,   NULL,   11},
	{ANSWERS_PROFILE_N_ITEMS,     "总分", "Total", 8}};
/* clang-format on */
#define N_PROFILE (sizeof profile_columns / sizeof profile_columns[0])

static const char *column_header(const portfolio_book *b, const struct profile_column *c)
{
	return c->item == ANSWERS_PROFILE_N_ITEMS
		       ? lang_pick(b->o.lang, c->zh, c->en)
		       : answers_profile_label(c->item, ANSWERS_PROFILE_COLUMN, b->o.lang);
}

/* The Enterprises sheet's columns being laid out: header texts and widths. */
struct layout {
	char (*label)[128];
	const char **text;
	double *width;
	size_t n;
};

static void add_column(struct layout *l, const char *text, double width)
{
	snprintf(l->label[l->n], sizeof l->label[l->n], "%s", text);
	l->text[l->n] = l->label[l->n];
	l->width[l->n++] = width;
}

static void lay_out_columns(portfolio_book *b, const questionnaire *q, struct layout *l)
{
	char label[128];
	for (size_t i = 0; i < N_PROFILE; i++)
		add_column(l, column_header(b, &profile_columns[i]), profile_columns[i].width);
	b->col_dims = (lxw_col_t)l->n;
	for (size_t d = 0; q && d < questionnaire_n_dimensions(q); d++) {
		const qn_dimension *dim = questionnaire_dimension(q, d);
		if (dim->scored)
			add_column(l, qn_text_get(&dim->name, b->o.lang), 10);
	}
	b->col_level = (lxw_col_t)l->n;
	add_column(l, lang_pick(b->o.lang, "等级", "Level"), 6);
	b->col_scenarios = (lxw_col_t)l->n;
	for (size_t i = 0; q && i < questionnaire_n_questions(q); i++) {
		const qn_question *sq = questionnaire_question(q, i);
		if (sq->kind != QN_SCENARIO)
			continue;
		bk_scenario_label(b, sq, label, sizeof label);
		add_column(l, label, 7);
	}
	b->col_counts = (lxw_col_t)l->n;
	for (int star = 0; star <= 1; star++)
		for (int lv = 1; lv <= QN_MAX_LEVEL; lv++) {
			snprintf(label, sizeof label,
				 star ? lang_pick(b->o.lang, "★场景≥%d级", "★ at ≥L%d")
				      : lang_pick(b->o.lang, "场景≥%d级", "Scenarios ≥L%d"),
				 lv);
			add_column(l, label, 8);
		}
	b->col_subsidy = (lxw_col_t)l->n;
	if (b->o.policy)
		add_column(l, lang_pick(b->o.lang, "补贴测算（元）", "Subsidy (yuan)"), 13);
	b->col_report = (lxw_col_t)l->n;
	if (b->o.reports)
		add_column(l, lang_pick(b->o.lang, "诊断报告", "Report"), 30);
	b->col_source = (lxw_col_t)l->n;
	add_column(l, lang_pick(b->o.lang, "来源", "Source"), 28);
	b->n_cols = (lxw_col_t)l->n;
}

/*
 * Lays out the columns for questionnaire q (NULL when no row was scored) and writes the header:
 * each column at least as wide as its header's widest word, the header broken between words.
 */
static void rows_header(portfolio_book *b, const questionnaire *q)
{
	size_t most = N_PROFILE + 16 +
		      (q ? questionnaire_n_dimensions(q) + questionnaire_n_questions(q) : 0);
	struct layout l = {.label = calloc(most, sizeof *l.label),
			   .text = calloc(most, sizeof *l.text),
			   .width = calloc(most, sizeof *l.width)};
	b->q = q;
	if (!l.label || !l.text || !l.width) {
		xlsx_check(b->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
	} else {
		lay_out_columns(b, q, &l);
		bk_fit_widths(l.text, l.n, l.width);
		for (size_t i = 0; i < l.n; i++)
			xlsx_check(b->book, worksheet_set_column(b->sheet[BK_ROWS].ws, (lxw_col_t)i,
								 (lxw_col_t)i, l.width[i], NULL));
		bk_header_row(b, &b->sheet[BK_ROWS], 0, 0, l.text, l.n, l.width, 30);
	}
	free(l.label);
	free(l.text);
	free(l.width);
	worksheet_freeze_panes(b->sheet[BK_ROWS].ws, 1, 3);
	xlsx_check(b->book, worksheet_repeat_rows(b->sheet[BK_ROWS].ws, 0, 0));
}

static void row_profile(portfolio_book *b, lxw_row_t r, const portfolio_row *row)
{
	xlsx_sheet *sh = &b->sheet[BK_ROWS];
	const answers *a = row->score->answers;
	static const answers_field text_fields[] = {ANSWERS_CREDIT_CODE, ANSWERS_NAME,
						    ANSWERS_INDUSTRY, ANSWERS_SIZE};
	xlsx_sheet_number(sh, r, 0, (double)row->seq, b->f.seq);
	for (lxw_col_t i = 0; i < 4; i++)
		xlsx_sheet_string(sh, r, 1 + i, answers_field_get(a, text_fields[i]), NULL);
	xlsx_sheet_string(sh, r, 5, lang_yes_no(b->o.lang, answers_above_scale(a)), b->f.center);
	xlsx_sheet_string(sh, r, 6, answers_field_get(a, ANSWERS_REGION), NULL);
	xlsx_sheet_string(sh, r, 7,
			  answers_stage_label(answers_stage_get(a), ANSWERS_STAGE_SHORT, b->o.lang),
			  b->f.center);
	xlsx_sheet_string(sh, r, 8, answers_field_get(a, ANSWERS_DATE), NULL);
	xlsx_sheet_points(sh, r, 9, row->score->total, b->f.points);
}

static void row_scores(portfolio_book *b, lxw_row_t r, const scoring_result *s)
{
	xlsx_sheet *sh = &b->sheet[BK_ROWS];
	lxw_col_t c = b->col_dims;
	for (size_t d = 0; d < questionnaire_n_dimensions(s->q); d++) {
		const qn_dimension *dim = questionnaire_dimension(s->q, d);
		if (dim->scored)
			xlsx_sheet_points(sh, r, c++, scoring_dimension_points(s, dim),
					  b->f.points);
	}
	xlsx_sheet_number(sh, r, b->col_level, s->level, b->f.center);
	c = b->col_scenarios;
	for (size_t i = 0; i < questionnaire_n_questions(s->q); i++) {
		const qn_question *q = questionnaire_question(s->q, i);
		const answer *ans = answers_get(s->answers, i);
		if (q->kind == QN_SCENARIO)
			xlsx_sheet_number(sh, r, c++, answers_scenario_level(ans), b->f.center);
	}
	c = b->col_counts;
	for (int l = 1; l <= QN_MAX_LEVEL; l++)
		xlsx_sheet_number(sh, r, c++, s->at_least[l], b->f.integer);
	for (int l = 1; l <= QN_MAX_LEVEL; l++)
		xlsx_sheet_number(sh, r, c++, s->constrained_at_least[l], b->f.integer);
}

/*
 * The report's file name, a link to the file when its folder is known; plain text past what
 * Excel takes (65,530 links on a sheet, 2,079 characters in one), rather than no workbook.
 */
static void report_cell(portfolio_book *b, lxw_row_t r, const char *file)
{
	char url[sizeof b->report_link + 256];
	int n = file ? snprintf(url, sizeof url, "%s%s", b->report_link, file) : -1;
	if (!file || !b->report_link[0] || n < 0 || (size_t)n >= sizeof url || n > 2000 ||
	    b->n_links >= LXW_MAX_NUMBER_URLS) {
		xlsx_sheet_string(&b->sheet[BK_ROWS], r, b->col_report, file, NULL);
		return;
	}
	xlsx_check(b->book, worksheet_write_url_opt(b->sheet[BK_ROWS].ws, r, b->col_report, url,
						    b->f.link, file, NULL));
	b->n_links++;
}

assess_code portfolio_book_row(portfolio_book *b, const portfolio_row *row, assess_error *err)
{
	if (!b->q)
		rows_header(b, row->score->q);
	if (row->score->q != b->q)
		return assess_fail(err, ASSESS_ERR_INTERNAL, NULL, 0, 0,
				   "a row from another questionnaire reached the workbook");
	if (b->n_rows >= BK_MAX_ROW)
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
				   "more than %u enterprises do not fit one worksheet; split the "
				   "batch, or use score --ndjson",
				   BK_MAX_ROW);
	lxw_row_t r = (lxw_row_t)++b->n_rows;
	row_profile(b, r, row);
	row_scores(b, r, row->score);
	if (b->o.policy && row->subsidy && row->subsidy->computed)
		xlsx_sheet_number(&b->sheet[BK_ROWS], r, b->col_subsidy,
				  (double)row->subsidy->total, b->f.money);
	if (b->o.reports)
		report_cell(b, r, row->report_file);
	xlsx_sheet_string(&b->sheet[BK_ROWS], r, b->col_source, row->source, NULL);
	return ASSESS_OK;
}

/* Filters, colours and the header of an empty sheet, once the last row is known. */
static void rows_finish(portfolio_book *b)
{
	if (!b->q)
		rows_header(b, NULL);
	lxw_row_t last = (lxw_row_t)b->n_rows;
	xlsx_check(b->book, worksheet_autofilter(b->sheet[BK_ROWS].ws, 0, 0, last, b->n_cols - 1));
	if (last == 0)
		return;
	bk_level_scale(&b->sheet[BK_ROWS], 1, b->col_level, last, b->col_level);
	bk_level_scale(&b->sheet[BK_ROWS], 1, b->col_scenarios, last, b->col_counts - 1);
}

/* ---- Errors ---- */

static const char *const step_labels[][2] = {
	[PORTFOLIO_STEP_INPUT] = {"读取与评分", "reading and scoring"},
	[PORTFOLIO_STEP_DUPLICATE] = {"重复评测", "duplicate"},
	[PORTFOLIO_STEP_SUBSIDY] = {"补贴测算", "subsidy"},
	[PORTFOLIO_STEP_REPORT] = {"诊断报告", "report"},
};

/*
 * The reason is in the workbook's language, from the error code table (ASSESS_ERRORS): the
 * loaders' messages are English only, so they follow as the details, said to be the original.
 */
enum { ERR_COL_REASON = 6, ERR_COL_DETAILS = 7 };
static const struct column error_columns[] = {{"序号", "No.", 7},
					      {"来源", "Source", 34},
					      {"行", "Line", 7},
					      {"列", "Column", 7},
					      {"位置（JSON 路径）", "Where (JSON path)", 24},
					      {"环节", "Step", 12},
					      {"原因", "Reason", 22},
					      {"详情（英文原文）", "Details", 80}};

/* Why, in the workbook's language: a duplicate says so, anything else by its code. */
static const char *error_reason(const portfolio_book *b, portfolio_step step, assess_code code)
{
	if (step == PORTFOLIO_STEP_DUPLICATE)
		return lang_pick(b->o.lang, "信用代码和评测阶段与前面一行相同，未计入",
				 "the same credit code and stage as an earlier row: left out");
	return assess_code_label(code, b->o.lang == QN_LANG_EN);
}

static void errors_header(portfolio_book *b)
{
	xlsx_sheet *sh = &b->sheet[BK_ERRORS];
	enum { N = sizeof error_columns / sizeof error_columns[0] };
	const char *text[N];
	double width[N];
	for (lxw_col_t c = 0; c < N; c++) {
		text[c] = lang_pick(b->o.lang, error_columns[c].zh, error_columns[c].en);
		width[c] = error_columns[c].width;
	}
	bk_fit_widths(text, N, width);
	for (lxw_col_t c = 0; c < N; c++)
		xlsx_check(b->book, worksheet_set_column(sh->ws, c, c, width[c], NULL));
	bk_header_row(b, sh, 0, 0, text, N, width, 0);
	worksheet_freeze_panes(sh->ws, 1, 0);
	xlsx_check(b->book, worksheet_repeat_rows(sh->ws, 0, 0));
}

assess_code portfolio_book_error(portfolio_book *b, portfolio_step step, const assess_error *e,
				 assess_error *err)
{
	xlsx_sheet *sh = &b->sheet[BK_ERRORS];
	int lang = b->o.lang == QN_LANG_EN;
	if (b->n_errors == 0)
		errors_header(b);
	if (b->n_errors >= BK_MAX_ROW - 1) {
		b->errors_dropped++;
		return ASSESS_OK;
	}
	lxw_row_t r = (lxw_row_t)++b->n_errors;
	unsigned code =
		(unsigned)e->code < ASSESS_ERR_MAX ? (unsigned)e->code : ASSESS_ERR_INTERNAL;
	const char *reason = error_reason(b, step, (assess_code)code);
	int lines = xlsx_wrap_lines(reason,
				    xlsx_columns_in(error_columns[ERR_COL_REASON].width,
						    BK_HEADER_FONT),
				    XLSX_FACE_LATIN);
	if (lines > 1) /* before the row's cells: in constant-memory mode it is final after them */
		xlsx_check(b->book,
			   worksheet_set_row(sh->ws, r, xlsx_lines_height(lines, BK_HEADER_FONT),
					     NULL));
	xlsx_sheet_number(sh, r, 0, (double)r, b->f.seq);
	xlsx_sheet_string(sh, r, 1, e->file, NULL);
	if (e->line > 0)
		xlsx_sheet_number(sh, r, 2, e->line, b->f.integer);
	if (e->column > 0)
		xlsx_sheet_number(sh, r, 3, e->column, b->f.integer);
	xlsx_sheet_string(sh, r, 4, e->path, NULL);
	xlsx_sheet_string(sh, r, 5, step_labels[step][lang], NULL);
	xlsx_sheet_string(sh, r, ERR_COL_REASON, reason, b->f.wrap);
	xlsx_sheet_string(sh, r, ERR_COL_DETAILS, e->msg[0] ? e->msg : assess_strerror(e->code),
			  NULL);
	return xlsx_failure(b->book, err);
}

static void errors_finish(portfolio_book *b)
{
	xlsx_sheet *sh = &b->sheet[BK_ERRORS];
	char line[160];
	if (b->n_errors == 0) {
		errors_header(b);
		xlsx_sheet_string(sh, 1, ERR_COL_REASON,
				  lang_pick(b->o.lang, "没有失败的输入。", "No input failed."),
				  NULL);
		return;
	}
	xlsx_check(b->book, worksheet_autofilter(sh->ws, 0, 0, (lxw_row_t)b->n_errors, 7));
	if (b->errors_dropped) {
		snprintf(line, sizeof line,
			 lang_pick(b->o.lang, "另有 %zu 个错误超出工作表行数，未列出。",
				   "%zu more errors did not fit the sheet."),
			 b->errors_dropped);
		xlsx_sheet_string(sh, (lxw_row_t)b->n_errors + 1, ERR_COL_REASON, line, b->f.bad);
	}
}

/* ---- closing ---- */

assess_code portfolio_book_close(portfolio_book *b, const portfolio_tally *t,
				 const portfolio_targets *targets, assess_error *err)
{
	rows_finish(b);
	errors_finish(b);
	bk_write_summary(b, t, targets);
	assess_code rc = xlsx_close(b->book, err);
	free(b);
	return rc;
}
