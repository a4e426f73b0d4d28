/* Sheets, formats, cell writers, A1 references, widths and colours on top of the book. */
#include "config.h"
#include "xlsx/xlsx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "common/date.h"
#include "common/text.h"
#include "xlsx/xlsx_internal.h"

/* LeakSanitizer is there in an AddressSanitizer build (gcc says so one way, clang another). */
#if defined(__SANITIZE_ADDRESS__)
#define XLSX_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XLSX_LSAN 1
#endif
#endif
#ifdef XLSX_LSAN
#include <sanitizer/lsan_interface.h>
#endif

lxw_worksheet *xlsx_add_sheet(xlsx_book *b, const char *name)
{
	if (xlsx_failed(b))
		return NULL;
	lxw_error e = workbook_validate_sheet_name(xlsx_workbook(b), name);
	lxw_worksheet *ws =
		e == LXW_NO_ERROR ? workbook_add_worksheet(xlsx_workbook(b), name) : NULL;
	if (!ws)
		xlsx_check(b, e != LXW_NO_ERROR ? e : LXW_ERROR_MEMORY_MALLOC_FAILED);
	return ws;
}

const double xlsx_margins_narrow[4] = {0.5, 0.5, 0.6, 0.7};

void xlsx_page_setup(xlsx_book *b, lxw_worksheet *ws, const xlsx_page *p)
{
	if (!ws || xlsx_failed(b))
		return;
	worksheet_set_paper(ws, 9); /* A4 */
	if (p->landscape)
		worksheet_set_landscape(ws);
	if (p->margins)
		worksheet_set_margins(ws, p->margins[0], p->margins[1], p->margins[2],
				      p->margins[3]);
	worksheet_fit_to_pages(ws, p->pages_wide ? p->pages_wide : 1, 0);
	if (p->footer && *p->footer)
		xlsx_check(b, worksheet_set_footer(ws, p->footer));
	if (p->header && *p->header)
		xlsx_check(b, worksheet_set_header(ws, p->header));
}

/* A name of this many bytes at most: the footer as a whole must stay under Excel's 255. */
enum { FOOTER_NAME_MAX = 119 };

char *xlsx_footer_named(const char *name, qn_lang lang, char *out, size_t size)
{
	char esc[FOOTER_NAME_MAX + 1];
	size_t n = 0;
	for (const char *p = name ? name : ""; *p;) {
		size_t len = text_char_len((unsigned char)*p);
		size_t need = *p == '&' ? 2 : len;
		if (n + need > FOOTER_NAME_MAX || strnlen(p, len) < len)
			break; /* no half character: the footer stays UTF-8 */
		if (*p == '&')
			esc[n++] = '&';
		memcpy(esc + n, p, len);
		n += len;
		p += len;
	}
	esc[n] = '\0';
	snprintf(out, size,
		 lang_pick(lang, "&L&8%s&C&8&A&R&8第 &P 页，共 &N 页",
			   "&L&8%s&C&8&A&R&8Page &P of &N"),
		 esc);
	return out;
}

char *xlsx_title_named(const char *what, const char *name, qn_lang lang, char *out, size_t size)
{
	snprintf(out, size, "%s%s%s", what, name ? lang_pick(lang, "：", ": ") : "",
		 name ? name : "");
	out[text_prefix_bytes(out, size)] = '\0';
	return out;
}

void xlsx_set_properties(xlsx_book *b, const xlsx_properties *p)
{
	char title[512];
	lxw_doc_properties dp = {
		.title = xlsx_title_named(p->what, p->name, xlsx_lang(b), title, sizeof title),
		.subject = (char *)p->subject,
		.author = (char *)p->author,
		.company = (char *)p->name,
		.category = (char *)p->category,
		.keywords = (char *)p->keywords,
		.comments = (char *)p->comments,
		.status = (char *)p->status,
		.created = p->created,
	};
	xlsx_check(b, workbook_set_properties(xlsx_workbook(b), &dp));
}

const char *xlsx_font_name(qn_lang lang) { return lang_pick(lang, XLSX_FONT_ZH, XLSX_FONT_EN); }

lxw_format *xlsx_add_format(xlsx_book *b)
{
	lxw_format *f = workbook_add_format(xlsx_workbook(b));
	if (!f)
		xlsx_check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
	return f;
}

lxw_format *xlsx_add_text_format(xlsx_book *b, qn_lang lang)
{
	lxw_format *f = xlsx_add_format(b);
	if (f) {
		format_set_font_name(f, xlsx_font_name(lang));
		format_set_font_size(f, XLSX_TEXT_SIZE);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	}
	return f;
}

const char *xlsx_cell_text(const xlsx_book *b, const char *s, char **copy)
{
	*copy = NULL;
	size_t len = text_prefix_chars(s, XLSX_CELL_MAX, NULL);
	if (s[len] == '\0') {
		/* A text cut by snprintf on its way here may end in half a character, which
		 * libxlsxwriter would write into the XML as it is: that half is left out. */
		size_t whole = text_prefix_bytes(s, len);
		if (whole == len)
			return s;
		return (*copy = strndup(s, whole));
	}
	/* Too long for Excel: keep what fits before the mark, on a character boundary. */
	const char *mark = xlsx_cut_mark(b);
	size_t mark_chars;
	size_t mark_bytes = text_prefix_chars(mark, SIZE_MAX, &mark_chars);
	size_t keep = text_prefix_chars(s, XLSX_CELL_MAX - mark_chars, NULL);
	char *t = malloc(keep + mark_bytes + 1);
	if (!t)
		return NULL;
	memcpy(t, s, keep);
	memcpy(t + keep, mark, mark_bytes + 1);
	*copy = t;
	return t;
}

void xlsx_string(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *f)
{
	char *copy;
	if (!ws || xlsx_failed(b))
		return;
	if (!s || !*s) {
		if (f)
			xlsx_check(b, worksheet_write_blank(ws, r, c, f));
		return;
	}
	const char *text = xlsx_cell_text(b, s, &copy);
	xlsx_check(b, text ? worksheet_write_string(ws, r, c, text, f)
			   : LXW_ERROR_MEMORY_MALLOC_FAILED);
	free(copy);
}

void xlsx_number(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	if (ws && !xlsx_failed(b))
		xlsx_check(b, worksheet_write_number(ws, r, c, v, f));
}

void xlsx_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *formula,
		  double value, lxw_format *f)
{
	if (ws && !xlsx_failed(b))
		xlsx_check(b, worksheet_write_formula_num(ws, r, c, formula, f, value));
}

void xlsx_merge(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
		lxw_col_t c2, const char *s, lxw_format *f)
{
	char *copy = NULL;
	if (!ws || xlsx_failed(b))
		return;
	const char *text = s ? xlsx_cell_text(b, s, &copy) : "";
	xlsx_check(b, text ? worksheet_merge_range(ws, r1, c1, r2, c2, text, f)
			   : LXW_ERROR_MEMORY_MALLOC_FAILED);
	free(copy);
}

void xlsx_cell_ref(lxw_row_t row, lxw_col_t col, char *buf, size_t size)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(cell, row, col);
	snprintf(buf, size, "%s", cell);
}

void xlsx_cell_ref_abs(lxw_row_t row, lxw_col_t col, char *buf, size_t size)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell_abs(cell, row, col, 1, 1);
	snprintf(buf, size, "%s", cell);
}

void xlsx_define_name(xlsx_book *b, const char *name, const char *sheet, lxw_row_t row,
		      lxw_col_t col)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH], formula[128];
	if (xlsx_failed(b))
		return;
	xlsx_cell_ref_abs(row, col, cell, sizeof cell);
	snprintf(formula, sizeof formula, "='%s'!%s", sheet, cell);
	xlsx_check(b, workbook_define_name(xlsx_workbook(b), name, formula));
}

size_t xlsx_display_width(const char *s) { return text_display_width(s); }

void xlsx_color_scale(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		      lxw_col_t c1, double low, double mid, double high)
{
	lxw_conditional_format cf = {.type = LXW_CONDITIONAL_3_COLOR_SCALE,
				     .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				     .min_value = low,
				     .min_color = XLSX_COLOR_SCALE_LOW,
				     .mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				     .mid_value = mid,
				     .mid_color = XLSX_COLOR_SCALE_MID,
				     .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
				     .max_value = high,
				     .max_color = XLSX_COLOR_SCALE_HIGH};
	if (ws && !xlsx_failed(b) && r1 >= r0 && c1 >= c0)
		xlsx_check(b, worksheet_conditional_format_range(ws, r0, c0, r1, c1, &cf));
}

void xlsx_chart_title(lxw_chart *chart, const char *title, qn_lang lang)
{
	lxw_chart_font font = {.name = (char *)xlsx_font_name(lang), .size = 11, .bold = LXW_TRUE};
	chart_title_set_name(chart, title);
	chart_title_set_name_font(chart, &font); /* copied */
}

void xlsx_chart_axis_font(lxw_chart_axis *axis, double size, qn_lang lang)
{
	lxw_chart_font font = {.name = (char *)xlsx_font_name(lang), .size = size};
	chart_axis_set_num_font(axis, &font);  /* copied */
	chart_axis_set_name_font(axis, &font); /* copied; written only with a name */
}

void xlsx_chart_legend(lxw_chart *chart, uint8_t position, qn_lang lang)
{
	lxw_chart_font font = {.name = (char *)xlsx_font_name(lang), .size = XLSX_CHART_AXIS_SIZE};
	chart_legend_set_position(chart, position);
	chart_legend_set_font(chart, &font); /* copied; written only with a legend */
}

void xlsx_chart_levels(lxw_chart *chart, const char *title, int max_level, uint8_t legend,
		       qn_lang lang)
{
	xlsx_chart_title(chart, title, lang);
	/* In a bar chart the value axis runs across (x) and the categories down (y). */
	chart_axis_set_min(chart->x_axis, 0);
	chart_axis_set_max(chart->x_axis, max_level);
	chart_axis_set_major_unit(chart->x_axis, 1);
	xlsx_chart_axis_font(chart->x_axis, XLSX_CHART_AXIS_SIZE, lang);
	chart_axis_set_reverse(chart->y_axis);
	xlsx_chart_axis_font(chart->y_axis, XLSX_CHART_AXIS_SIZE, lang);
	xlsx_chart_legend(chart, legend, lang);
}

time_t xlsx_created_time(time_t created, const char *date)
{
	int day;
	if (created > 0)
		return created;
	if (date && date_parse(date, &day))
		return (time_t)date_days(day) * 86400;
	return time(NULL);
}

/*
 * libxlsxwriter 1.1.4 copies the formula of a LIST_FORMULA validation twice and keeps only the
 * second copy (worksheet_data_validation_range), so every drop-down of that kind loses a few
 * bytes inside the library. Under LeakSanitizer what this one call allocates is not counted
 * as leaked: LeakSanitizer's fast unwinder cannot see past lxw_strdup in the library, so a
 * suppression could only name lxw_strdup and would hide every other leak of it. Valgrind sees
 * the whole chain and its suppression names it (tests/valgrind.supp).
 */
void xlsx_data_validation(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			  lxw_data_validation *v)
{
	if (!ws || xlsx_failed(b))
		return;
#ifdef XLSX_LSAN
	bool loses = v->validate == LXW_VALIDATION_TYPE_LIST_FORMULA;
	if (loses)
		__lsan_disable();
#endif
	xlsx_check(b, worksheet_data_validation_cell(ws, r, c, v));
#ifdef XLSX_LSAN
	if (loses)
		__lsan_enable();
#endif
}
