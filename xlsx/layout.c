/* Sheets that size themselves: column widths and row heights from the text written. */
#include "config.h"
#include "xlsx/layout.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/*
 * Excel width units per display column when sizing a column: generous, so that short texts
 * fit whatever the font. A width unit is one digit of the workbook's default font (Calibri
 * 11, 7 pixels); when wrapping, a 10-point CJK character takes 13.3 pixels (1.9 units) and
 * an average Latin one about 5.6 (0.8 units).
 */
#define UNITS_PER_COLUMN 1.1
#define UNITS_WIDE 1.9
#define UNITS_NARROW 0.8
/* Room added to a column's text when sizing it, and what a cell's margins really take. */
#define PADDING 2.0
#define CELL_MARGIN 1.0
/* Display columns a number takes ("48.875", "100.0%"). */
#define NUMBER_WIDTH 7
/* Points per line of 10-point text in a CJK font. */
#define LINE_HEIGHT 13.5
/* Excel's tallest row, in points. */
#define MAX_ROW_HEIGHT 409.0
/* Text breaks at words and before some punctuation, so lines run a little short. */
#define BREAK_SLACK 1.08

void xlsx_sheet_begin(xlsx_sheet *s, xlsx_book *b, const char *name)
{
	memset(s, 0, sizeof *s);
	s->book = b;
	s->name = name;
	if (xlsx_failed(b))
		return;
	xlsx_where(b, name);
	s->ws = xlsx_add_sheet(b, name);
}

/* Room for one more element in a growing array; false when memory runs out. */
static bool grow(void **items, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return true;
	size_t n = *cap ? *cap * 2 : 64;
	while (n < need)
		n *= 2;
	void *p = realloc(*items, n * size);
	if (!p)
		return false;
	*items = p;
	*cap = n;
	return true;
}

static xlsx_row_info *row_info(xlsx_sheet *s, lxw_row_t row)
{
	if (row >= s->n_rows) {
		size_t n = (size_t)row + 32;
		xlsx_row_info *p = realloc(s->rows, n * sizeof *p);
		if (!p) {
			xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return NULL;
		}
		memset(p + s->n_rows, 0, (n - s->n_rows) * sizeof *p);
		s->rows = p;
		s->n_rows = n;
	}
	return &s->rows[row];
}

void xlsx_sheet_row_height(xlsx_sheet *s, lxw_row_t row, double points)
{
	xlsx_row_info *r = row_info(s, row);
	if (r && points > r->min_height)
		r->min_height = points;
}

void xlsx_sheet_row_level(xlsx_sheet *s, lxw_row_t row, uint8_t level)
{
	xlsx_row_info *r = row_info(s, row);
	if (r)
		r->level = level;
}

/* Width units a line takes when rendered: wide characters are the display width's excess. */
static double rendered_units(const char *line, size_t display)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)line; *p; p++)
		chars += (*p & 0xC0) != 0x80; /* count lead bytes, not continuation bytes */
	size_t wide = display > chars ? display - chars : 0;
	size_t narrow = chars > wide ? chars - wide : 0;
	return wide * UNITS_WIDE + narrow * UNITS_NARROW;
}

/*
 * Keeps the display width of each line of text, for the column widths, and for the row
 * heights when the format wraps (text that does not wrap runs on into empty neighbours).
 */
static void note_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t c1, lxw_col_t c2, const char *text,
		      const lxw_format *f)
{
	size_t cap_cells = s->cap_cells, cap_lines = s->cap_lines;
	if (!f || !f->text_wrap) {
		if (c1 == c2 && c1 < XLSX_SHEET_MAX_COLS && (double)xlsx_display_width(text) > s->width[c1])
			s->width[c1] = (double)xlsx_display_width(text);
		return;
	}
	if (!row_info(s, row) ||
	    !grow((void **)&s->cells, &cap_cells, s->n_cells + 1, sizeof *s->cells)) {
		xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	s->cap_cells = cap_cells;
	xlsx_text_cell *cell = &s->cells[s->n_cells++];
	*cell = (xlsx_text_cell){.row = row, .first_col = c1, .last_col = c2,
			       .first_line = s->n_lines};
	char line[4096];
	do {
		size_t n = strcspn(text, "\n");
		const char *one = text; /* a last line is measured in place */
		if (text[n]) {
			size_t take = n < sizeof line - 1 ? n : sizeof line - 1;
			memcpy(line, text, take);
			line[take] = '\0';
			one = line;
		}
		size_t w = xlsx_display_width(one);
		double units = rendered_units(one, w);
		if (!grow((void **)&s->lines, &cap_lines, s->n_lines + 1, sizeof *s->lines)) {
			xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		s->cap_lines = cap_lines;
		/* Tenths of a width unit, as it will be rendered. */
		s->lines[s->n_lines++] = (uint16_t)(units * 10 < UINT16_MAX ? units * 10 : UINT16_MAX);
		cell->n_lines++;
		if (c1 == c2 && c1 < XLSX_SHEET_MAX_COLS && (double)w > s->width[c1])
			s->width[c1] = (double)w;
		text += n;
	} while (*text++ == '\n');
}

/* Lines a text cell takes at the column widths chosen. */
static int cell_lines(const xlsx_sheet *s, const xlsx_text_cell *cell, const double *col_width)
{
	double room = -CELL_MARGIN;
	for (lxw_col_t c = cell->first_col; c <= cell->last_col; c++)
		room += c < XLSX_SHEET_MAX_COLS && col_width[c] > 0 ? col_width[c] : LXW_DEF_COL_WIDTH;
	double per_line = room * 10;
	int lines = 0;
	for (size_t i = 0; i < cell->n_lines; i++) {
		/* A line breaks early at a word or a character that cannot start a line. */
		double w = s->lines[cell->first_line + i] * BREAK_SLACK;
		lines += per_line < 1 || w <= per_line ? 1 : (int)(w / per_line) + 1;
	}
	return lines;
}

static void fit_rows(xlsx_sheet *s, const double *col_width)
{
	double *height = calloc(s->n_rows ? s->n_rows : 1, sizeof *height);
	if (!height) {
		xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t i = 0; i < s->n_cells; i++) {
		const xlsx_text_cell *cell = &s->cells[i];
		int lines = cell_lines(s, cell, col_width);
		double h = lines > 1 ? lines * LINE_HEIGHT + 4 : 0;
		if (h > height[cell->row])
			height[cell->row] = h;
	}
	for (size_t r = 0; r < s->n_rows; r++) {
		const xlsx_row_info *info = &s->rows[r];
		double h = height[r] > info->min_height ? height[r] : info->min_height;
		if (h <= 0 && !info->level)
			continue;
		if (h > MAX_ROW_HEIGHT)
			h = MAX_ROW_HEIGHT; /* Excel refuses taller rows; the text scrolls in the cell */
		lxw_row_col_options o = {.level = info->level};
		xlsx_check(s->book, worksheet_set_row_opt(s->ws, (lxw_row_t)r, h > 0 ? h : LXW_DEF_ROW_HEIGHT,
						     NULL, &o));
	}
	free(height);
}

void xlsx_sheet_end(xlsx_sheet *s, const double *min, const double *max, int n)
{
	double col_width[XLSX_SHEET_MAX_COLS] = {0};
	if (s->ws && !xlsx_failed(s->book)) {
		for (int i = 0; i < n && i < XLSX_SHEET_MAX_COLS; i++) {
			double w = s->width[i] * UNITS_PER_COLUMN + PADDING;
			w = w < min[i] ? min[i] : w > max[i] ? max[i] : w;
			col_width[i] = w;
			xlsx_check(s->book, worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, w, NULL));
		}
		fit_rows(s, col_width);
	}
	free(s->cells);
	free(s->lines);
	free(s->rows);
	s->cells = NULL;
	s->lines = NULL;
	s->rows = NULL;
	s->n_cells = s->n_lines = s->n_rows = 0;
}

void xlsx_sheet_string(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->book))
		return;
	if (!text || !*text) {
		xlsx_check(s->book, worksheet_write_blank(s->ws, row, col, f));
		return;
	}
	char *copy;
	const char *cell = xlsx_cell_text(s->book, text, &copy); /* cut past Excel's limit */
	if (!cell) {
		xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	note_text(s, row, col, col, cell, f);
	xlsx_string(s->book, s->ws, row, col, cell, f);
	free(copy);
}

static void note_number(xlsx_sheet *s, lxw_col_t col)
{
	if (col < XLSX_SHEET_MAX_COLS && s->width[col] < NUMBER_WIDTH)
		s->width[col] = NUMBER_WIDTH;
}

void xlsx_sheet_number(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->book))
		return;
	note_number(s, col);
	xlsx_check(s->book, worksheet_write_number(s->ws, row, col, v, f));
}

void xlsx_sheet_formula(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const char *formula, double value,
		lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->book))
		return;
	note_number(s, col);
	xlsx_check(s->book, worksheet_write_formula_num(s->ws, row, col, formula, f, value));
}

void xlsx_sheet_merge(xlsx_sheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
	      const char *text, lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->book))
		return;
	char *copy = NULL;
	const char *cell = text ? xlsx_cell_text(s->book, text, &copy) : "";
	if (!cell) {
		xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	if (*cell && r1 == r2)
		note_text(s, r1, c1, c2, cell, f);
	xlsx_merge(s->book, s->ws, r1, c1, r2, c2, cell, f);
	free(copy);
}

void xlsx_sheet_define_name(xlsx_sheet *s, const char *name, lxw_row_t row, lxw_col_t col)
{
	if (s->ws)
		xlsx_define_name(s->book, name, s->name, row, col);
}
