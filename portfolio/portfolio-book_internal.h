/*
 * portfolio-book_internal.h - what portfolio-book.c (the streamed sheets) and
 * portfolio-book-summary.c (the sheets filled from the tally at the end) share. Not part of the
 * module's interface.
 */
#ifndef ASSESS_PORTFOLIO_BOOK_INTERNAL_H
#define ASSESS_PORTFOLIO_BOOK_INTERNAL_H

#include <limits.h>
#include <xlsxwriter.h>
#include "portfolio/portfolio-book.h"
#include "xlsx/layout.h"
#include "xlsx/xlsx.h"

/* Excel's last row index: a sheet holds 1,048,576 rows, the first being the header. */
#define BK_MAX_ROW 1048575u

enum { BK_OVERVIEW, BK_TARGETS, BK_INDUSTRY, BK_REGION, BK_HEAT, BK_ROWS, BK_ERRORS, BK_SHEETS };

typedef struct bk_formats {
	lxw_format *title, *subtitle, *heading, *header, *text, *wrap, *center, *integer, *points,
		*mean, *percent, *money, *good, *bad, *note, *total_text, *total_int,
		*total_percent, *total_money, *total_points,
		*seq,  /* the row number: centred, ruled off from the credit code beside it */
		*link; /* a report's file name, linked to the file */
} bk_formats;

struct portfolio_book {
	portfolio_book_options o;
	/* o.created, or the clock read once as the book starts: the document's properties and the
	 * Overview's generated time are one moment even when a second ticks between them */
	time_t created;
	xlsx_book *book; /* the file, and the first libxlsxwriter error */
	lxw_workbook *wb;
	/* Streamed (xlsx_sheet_stream): in constant-memory mode a row is final once the next
	 * starts. */
	xlsx_sheet sheet[BK_SHEETS];
	bk_formats f;
	const questionnaire *q;  /* from the first row; fixes the Enterprises columns */
	size_t n_rows, n_errors; /* rows written to Enterprises and Errors */
	size_t errors_dropped;   /* errors past the sheet's last row */
	/* Enterprises sheet columns, known once q is */
	lxw_col_t col_dims, col_level, col_scenarios, col_counts, col_subsidy, col_report,
		col_source, n_cols;
	/* "external:reports/": what a report's file name follows in its hyperlink; "" for none */
	char report_link[PATH_MAX + 16];
	size_t n_links;
};

const char *bk_sheet_name(const portfolio_book *b, int which);
/* A 0-4 red-yellow-green colour scale over a range: scenario and enterprise levels. */
void bk_level_scale(xlsx_sheet *sh, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1);
/* The fill of level l (0-4) in charts: the level scale's red, orange, yellow, light and full
 * green, so that a chart's series run in level order as the coloured cells do. */
unsigned bk_level_color(int l);
/* A chart's value axis of enterprise counts up to max: whole numbers only, never 0.5. */
void bk_count_axis(lxw_chart_axis *axis, size_t max);
/* Column width for text in the sheets' Calibri: CJK characters count double. */
double bk_width(const char *s);
/* "S01 产品设计★" */
void bk_scenario_label(const portfolio_book *b, const qn_question *q, char *buf, size_t size);

/*
 * Header rows that neither break a word nor clip: texts broken at their spaces to fit their
 * columns (xlsx/layout.h), columns widened to their widest word, the row as tall as its most
 * lines. bk_fit_widths() raises widths[i] for texts[i] (NULL texts are skipped) before the
 * columns are set; bk_header_row() writes texts[i] into column c0 + i of row r, widths[i] wide.
 */
#define BK_HEADER_FONT 10.0
#define BK_HEADER_FACE XLSX_FACE_LATIN_BOLD /* bold Calibri */
void bk_fit_widths(const char *const *texts, size_t n, double *widths);
void bk_header_row(portfolio_book *b, xlsx_sheet *sh, lxw_row_t r, lxw_col_t c0,
		   const char *const *texts, size_t n, const double *widths, double min_height);

/* portfolio-book-summary.c: the sheets written at close. */
void bk_write_summary(portfolio_book *b, const portfolio_tally *t, const portfolio_targets *tg);

#endif
