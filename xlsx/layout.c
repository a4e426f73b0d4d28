/* Sheets that size themselves: column widths and row heights from the text written. */
#include "config.h"
#include "xlsx/layout.h"

#include "common/text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/*
 * Excel width units per display column when sizing a column: generous, so that short texts
 * fit whatever the font. A width unit is one digit of the workbook's default font (Calibri
 * 11, 7 pixels); when wrapping, a 10-point CJK character takes 13.3 pixels (1.9 units).
 */
#define UNITS_PER_COLUMN 1.1
#define UNITS_WIDE 1.9
/* Room added to a column's text when sizing it, and what a cell's margins really take. */
#define PADDING 2.0
#define CELL_MARGIN 1.0
/* Display columns a number takes ("48.875", "100.0%"). */
#define NUMBER_WIDTH 7
/*
 * A line of wrapped text per point of font size: LibreOffice renders Noto Sans CJK (what it
 * shows for 等线) at 1.45 times the size (its ascent plus descent, measured in a PDF of the
 * report); Excel's 等线 needs about 1.3. And the room a wrapped row needs above and below its
 * text, in points.
 */
#define LINE_HEIGHT 1.45
#define ROW_PADDING 5.0
/* Excel's tallest row, in points. */
#define MAX_ROW_HEIGHT 409.0

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

/* Characters that may not start a line: the reader keeps them with the character before. */
static bool closes(unsigned long cp)
{
	static const unsigned long close[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B,
					      0xFF01, 0xFF1F, 0xFF09, 0x300B, 0x300D, 0x300F,
					      0x3011, 0x2019, 0x201D, 0x2026, 0xFF05};
	for (size_t i = 0; i < sizeof close / sizeof *close; i++)
		if (cp == close[i])
			return true;
	return false;
}

/* Display width of one character (2 for CJK), and whether it is a break opportunity. */
static size_t char_width(const char **p, unsigned long *cp)
{
	const char *start = *p;
	*cp = text_next_codepoint(p);
	char one[8] = {0};
	size_t n = (size_t)(*p - start) < sizeof one - 1 ? (size_t)(*p - start) : sizeof one - 1;
	memcpy(one, start, n);
	return text_display_width(one);
}

int xlsx_wrap_lines(const char *text, size_t columns)
{
	if (columns < 2)
		columns = 2; /* a CJK character always gets a line of its own */
	int lines = 1;
	size_t used = 0; /* columns taken on the current line */
	size_t last = 0; /* width of the last character or word, which closing punctuation joins */
	const char *p = text;
	while (*p) {
		unsigned long cp;
		size_t w = char_width(&p, &cp);
		if (cp == '\n') {
			lines++;
			used = last = 0;
		} else if (cp == ' ') {
			if (used + 1 > columns) {
				lines++; /* the line breaks at the space, which takes no room */
				used = 0;
			} else {
				used++;
			}
			last = 0;
		} else if (w == 2) {
			if (used + 2 <= columns) {
				used += 2;
			} else if (closes(cp) && last && last + 2 <= columns) {
				lines++;
				used = last + 2; /* the character before moves down with it */
			} else {
				lines++;
				used = 2;
			}
			last = 2;
		} else if (w == 1) {
			/* A word: the run of narrow characters up to a space, newline or wide one. */
			size_t word = 1;
			const char *q = p;
			while (*q) {
				const char *r = q;
				unsigned long c;
				size_t cw = char_width(&r, &c);
				if (cw != 1 || c == ' ' || c == '\n')
					break;
				word++;
				q = r;
			}
			p = q;
			if (used + word <= columns) {
				used += word;
			} else {
				if (used > 0)
					lines++; /* the whole word moves to the next line */
				/* a word wider than the column is cut wherever it fills one */
				lines += (int)((word - 1) / columns);
				used = word - (word - 1) / columns * columns;
			}
			last = word <= columns ? word : used;
		}
	}
	return lines;
}

#define OPEN_BRACKET "\xEF\xBC\x88" /* （, before which a Chinese line may break */

/*
 * The word at text: up to a space, a newline, the end, or an opening bracket （ after its first
 * character ("一级（初始级）" is two words, broken as a reader may break it). Returns its
 * display width and sets *len to its bytes.
 */
static size_t word_at(const char *text, size_t *len)
{
	size_t n = strcspn(text, " \n");
	const char *bracket =
		strstr(text + (strncmp(text, OPEN_BRACKET, 3) == 0 ? 3 : 0), OPEN_BRACKET);
	if (bracket && (size_t)(bracket - text) < n)
		n = (size_t)(bracket - text);
	char one[1024];
	size_t take = n < sizeof one - 1 ? n : sizeof one - 1;
	memcpy(one, text, take);
	one[take] = '\0';
	*len = n;
	return text_display_width(one);
}

size_t xlsx_widest_word(const char *text)
{
	size_t widest = 0, len;
	for (const char *p = text; *p;) {
		size_t w = word_at(p, &len);
		widest = w > widest ? w : widest;
		p += len;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return widest;
}

/* Appends n bytes of s to out (used of size taken), cutting at the end. */
static void put(char *out, size_t size, size_t *used, const char *s, size_t n)
{
	size_t take = *used + n < size ? n : size - 1 - *used;
	memcpy(out + *used, s, take);
	*used += take;
}

int xlsx_wrap_words(const char *text, size_t columns, char *out, size_t size)
{
	size_t used = 0, o = 0, len;
	int lines = 1;
	bool spaced = false; /* a space before this word (none before a bracket's) */
	if (!size)
		return 0;
	for (const char *p = text; *p;) {
		size_t w = word_at(p, &len), gap = used && spaced ? 1 : 0;
		if (used && used + gap + w > columns) {
			lines++; /* this word starts a line */
			used = gap = 0;
			put(out, size, &o, "\n", 1);
		} else if (gap) {
			put(out, size, &o, " ", 1);
		}
		put(out, size, &o, p, len);
		used += gap + w;
		p += len;
		spaced = *p == ' ';
		while (*p == ' ')
			p++;
		if (*p == '\n') { /* the text's own line breaks stay */
			lines++;
			used = 0;
			put(out, size, &o, "\n", 1);
			while (*p == ' ' || *p == '\n')
				p++;
		}
	}
	out[o] = '\0';
	return lines;
}

size_t xlsx_columns_in(double width, double font_size)
{
	double per_column = UNITS_WIDE / 2 * font_size / 10;
	double columns = (width - CELL_MARGIN) / per_column;
	return columns > 0 ? (size_t)columns : 0;
}

double xlsx_width_for(size_t columns, double font_size)
{
	return (double)columns * UNITS_WIDE / 2 * font_size / 10 + CELL_MARGIN + PADDING;
}

double xlsx_lines_height(int lines, double font_size)
{
	double h = lines * LINE_HEIGHT * font_size + ROW_PADDING;
	return h > MAX_ROW_HEIGHT ? MAX_ROW_HEIGHT : h;
}

/*
 * Keeps each wrapped text for the row heights, and the widest line of each one-column text
 * for the column widths (text that does not wrap runs on into empty neighbours).
 */
static void note_text(xlsx_sheet *s, lxw_row_t row, lxw_col_t c1, lxw_col_t c2, const char *text,
		      const lxw_format *f)
{
	if (!f || !f->text_wrap) {
		if (c1 == c2 && c1 < XLSX_SHEET_MAX_COLS &&
		    (double)xlsx_display_width(text) > s->width[c1])
			s->width[c1] = (double)xlsx_display_width(text);
		return;
	}
	char line[4096];
	for (const char *t = text;; t++) {
		size_t n = strcspn(t, "\n");
		const char *one = t; /* a last line is measured in place */
		if (t[n]) {
			size_t take = n < sizeof line - 1 ? n : sizeof line - 1;
			memcpy(line, t, take);
			line[take] = '\0';
			one = line;
		}
		size_t w = xlsx_display_width(one);
		if (c1 == c2 && c1 < XLSX_SHEET_MAX_COLS && (double)w > s->width[c1])
			s->width[c1] = (double)w;
		t += n;
		if (!*t)
			break;
	}
	size_t cap_cells = s->cap_cells, cap_text = s->cap_text, len = strlen(text) + 1;
	bool ok = row_info(s, row) &&
		  grow((void **)&s->cells, &cap_cells, s->n_cells + 1, sizeof *s->cells);
	s->cap_cells = cap_cells;
	ok = ok && grow((void **)&s->text, &cap_text, s->n_text + len, 1);
	s->cap_text = cap_text;
	if (!ok) {
		xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	memcpy(s->text + s->n_text, text, len);
	s->cells[s->n_cells++] =
		(xlsx_text_cell){.row = row,
				 .first_col = c1,
				 .last_col = c2,
				 .text = s->n_text,
				 .font_size = f->font_size > 0 ? f->font_size : 11};
	s->n_text += len;
}

/* Lines a text cell takes at the column widths chosen. */
static int cell_lines(const xlsx_sheet *s, const xlsx_text_cell *cell, const double *col_width)
{
	double room = -CELL_MARGIN;
	for (lxw_col_t c = cell->first_col; c <= cell->last_col; c++)
		room += c < XLSX_SHEET_MAX_COLS && col_width[c] > 0 ? col_width[c]
								    : LXW_DEF_COL_WIDTH;
	/* A CJK character is one em: UNITS_WIDE width units at 10 points, two display columns. */
	double per_column = UNITS_WIDE / 2 * cell->font_size / 10;
	double columns = room > 0 ? room / per_column : 0;
	return xlsx_wrap_lines(s->text + cell->text, (size_t)columns);
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
		double h = lines > 1 ? lines * LINE_HEIGHT * cell->font_size + ROW_PADDING : 0;
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
		h = (double)(long)(h * 4 + 0.5) / 4; /* quarter points, as Excel stores them */
		lxw_row_col_options o = {.level = info->level};
		xlsx_check(s->book,
			   worksheet_set_row_opt(s->ws, (lxw_row_t)r,
						 h > 0 ? h : LXW_DEF_ROW_HEIGHT, NULL, &o));
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
			xlsx_check(s->book, worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i,
								 w, NULL));
		}
		fit_rows(s, col_width);
	}
	free(s->cells);
	free(s->text);
	free(s->rows);
	s->cells = NULL;
	s->text = NULL;
	s->rows = NULL;
	s->n_cells = s->n_text = s->n_rows = 0;
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

void xlsx_sheet_formula(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const char *formula,
			double value, lxw_format *f)
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
