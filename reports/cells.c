/* Cell writers, column widths and texts shared by the report's sheets. */
#include "config.h"
#include "reports/report_internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"
#include "common/text.h"

/*
 * Excel width units per display column when sizing a column: generous, so that short texts
 * fit whatever the font. A width unit is one digit of the workbook's default font (Calibri
 * 11, 7 pixels); when wrapping, a 10-point CJK character takes 13.3 pixels (1.9 units) and
 * an average Latin one about 5.6 (0.8 units).
 */
#define RP_UNITS_PER_COLUMN 1.1
#define RP_UNITS_WIDE 1.9
#define RP_UNITS_NARROW 0.8
/* Room added to a column's text when sizing it, and what a cell's margins really take. */
#define RP_PADDING 2.0
#define RP_CELL_MARGIN 1.0
/* Display columns a number takes ("48.875", "100.0%"). */
#define RP_NUMBER_WIDTH 7
/* Points per line of 10-point text in a CJK font. */
#define RP_LINE_HEIGHT 13.5
/* Text breaks at words and before some punctuation, so lines run a little short. */
#define RP_BREAK_SLACK 1.08

static const char *const sheet_names[][2] = {
	[RP_OVERVIEW] = {"概览", "Overview"},
	[RP_INDICATORS] = {"指标明细", "Indicators"},
	[RP_SCENARIOS] = {"经营场景", "Scenarios"},
	[RP_GAPS] = {"差距与建议", "Gap analysis"},
	[RP_METHOD] = {"评测依据", "Method"},
	[RP_SUBSIDY] = {"补贴测算", "Subsidy"},
};

const char *rp_sheet_name(const report_ctx *c, int which)
{
	return sheet_names[which][c->lang == QN_LANG_EN];
}

void rp_check(report_ctx *c, lxw_error e)
{
	xlsx_check(c->book, e);
}

void rp_sheet_begin(rp_sheet *s, report_ctx *c, int which, bool landscape)
{
	memset(s, 0, sizeof *s);
	s->c = c;
	s->name = rp_sheet_name(c, which);
	if (xlsx_failed(c->book))
		return;
	xlsx_where(c->book, s->name);
	if (!(s->ws = xlsx_add_sheet(c->book, s->name)))
		return;
	worksheet_set_paper(s->ws, 9); /* A4 */
	if (landscape)
		worksheet_set_landscape(s->ws);
	worksheet_set_margins(s->ws, 0.5, 0.5, 0.6, 0.7);
	worksheet_fit_to_pages(s->ws, 1, 0); /* as wide as the page, as many pages as it takes */
	rp_check(c, worksheet_set_footer(s->ws, c->footer));
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

static rp_row *row_info(rp_sheet *s, lxw_row_t row)
{
	if (row >= s->n_rows) {
		size_t n = (size_t)row + 32;
		rp_row *p = realloc(s->rows, n * sizeof *p);
		if (!p) {
			rp_check(s->c, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return NULL;
		}
		memset(p + s->n_rows, 0, (n - s->n_rows) * sizeof *p);
		s->rows = p;
		s->n_rows = n;
	}
	return &s->rows[row];
}

void rp_row_height(rp_sheet *s, lxw_row_t row, double points)
{
	rp_row *r = row_info(s, row);
	if (r && points > r->min_height)
		r->min_height = points;
}

void rp_row_level(rp_sheet *s, lxw_row_t row, uint8_t level)
{
	rp_row *r = row_info(s, row);
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
	return wide * RP_UNITS_WIDE + narrow * RP_UNITS_NARROW;
}

/*
 * Keeps the display width of each line of text, for the column widths, and for the row
 * heights when the format wraps (text that does not wrap runs on into empty neighbours).
 */
static void note_text(rp_sheet *s, lxw_row_t row, lxw_col_t c1, lxw_col_t c2, const char *text,
		      const lxw_format *f)
{
	size_t cap_cells = s->cap_cells, cap_lines = s->cap_lines;
	if (!f || !f->text_wrap) {
		if (c1 == c2 && c1 < RP_MAX_COLS && (double)text_display_width(text) > s->width[c1])
			s->width[c1] = (double)text_display_width(text);
		return;
	}
	if (!row_info(s, row) ||
	    !grow((void **)&s->cells, &cap_cells, s->n_cells + 1, sizeof *s->cells)) {
		rp_check(s->c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	s->cap_cells = cap_cells;
	rp_text_cell *cell = &s->cells[s->n_cells++];
	*cell = (rp_text_cell){.row = row, .first_col = c1, .last_col = c2,
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
		size_t w = text_display_width(one);
		double units = rendered_units(one, w);
		if (!grow((void **)&s->lines, &cap_lines, s->n_lines + 1, sizeof *s->lines)) {
			rp_check(s->c, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		s->cap_lines = cap_lines;
		/* Tenths of a width unit, as it will be rendered. */
		s->lines[s->n_lines++] = (uint16_t)(units * 10 < UINT16_MAX ? units * 10 : UINT16_MAX);
		cell->n_lines++;
		if (c1 == c2 && c1 < RP_MAX_COLS && (double)w > s->width[c1])
			s->width[c1] = (double)w;
		text += n;
	} while (*text++ == '\n');
}

/* Lines a text cell takes at the column widths chosen. */
static int cell_lines(const rp_sheet *s, const rp_text_cell *cell, const double *col_width)
{
	double room = -RP_CELL_MARGIN;
	for (lxw_col_t c = cell->first_col; c <= cell->last_col; c++)
		room += c < RP_MAX_COLS && col_width[c] > 0 ? col_width[c] : LXW_DEF_COL_WIDTH;
	double per_line = room * 10;
	int lines = 0;
	for (size_t i = 0; i < cell->n_lines; i++) {
		/* A line breaks early at a word or a character that cannot start a line. */
		double w = s->lines[cell->first_line + i] * RP_BREAK_SLACK;
		lines += per_line < 1 || w <= per_line ? 1 : (int)(w / per_line) + 1;
	}
	return lines;
}

static void fit_rows(rp_sheet *s, const double *col_width)
{
	double *height = calloc(s->n_rows ? s->n_rows : 1, sizeof *height);
	if (!height) {
		rp_check(s->c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t i = 0; i < s->n_cells; i++) {
		const rp_text_cell *cell = &s->cells[i];
		int lines = cell_lines(s, cell, col_width);
		double h = lines > 1 ? lines * RP_LINE_HEIGHT + 4 : 0;
		if (h > height[cell->row])
			height[cell->row] = h;
	}
	for (size_t r = 0; r < s->n_rows; r++) {
		const rp_row *info = &s->rows[r];
		double h = height[r] > info->min_height ? height[r] : info->min_height;
		if (h <= 0 && !info->level)
			continue;
		lxw_row_col_options o = {.level = info->level};
		rp_check(s->c, worksheet_set_row_opt(s->ws, (lxw_row_t)r, h > 0 ? h : LXW_DEF_ROW_HEIGHT,
						     NULL, &o));
	}
	free(height);
}

void rp_sheet_end(rp_sheet *s, const double *min, const double *max, int n)
{
	double col_width[RP_MAX_COLS] = {0};
	if (s->ws && !xlsx_failed(s->c->book)) {
		for (int i = 0; i < n && i < RP_MAX_COLS; i++) {
			double w = s->width[i] * RP_UNITS_PER_COLUMN + RP_PADDING;
			w = w < min[i] ? min[i] : w > max[i] ? max[i] : w;
			col_width[i] = w;
			rp_check(s->c, worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i, w, NULL));
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

void rp_string(rp_sheet *s, lxw_row_t row, lxw_col_t col, const char *text, lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->c->book))
		return;
	if (!text || !*text) {
		rp_check(s->c, worksheet_write_blank(s->ws, row, col, f));
		return;
	}
	char *copy;
	const char *cell = xlsx_cell_text(s->c->book, text, &copy); /* cut past Excel's limit */
	if (!cell) {
		rp_check(s->c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	note_text(s, row, col, col, cell, f);
	xlsx_string(s->c->book, s->ws, row, col, cell, f);
	free(copy);
}

static void note_number(rp_sheet *s, lxw_col_t col)
{
	if (col < RP_MAX_COLS && s->width[col] < RP_NUMBER_WIDTH)
		s->width[col] = RP_NUMBER_WIDTH;
}

lxw_row_t rp_heading(rp_sheet *s, lxw_row_t row, const char *text)
{
	if (!s->ws || xlsx_failed(s->c->book))
		return row + 1;
	rp_row_height(s, row, 22);
	/* Not measured: a heading runs on across the empty cells to its right. */
	rp_check(s->c, worksheet_write_string(s->ws, row, 0, text, s->c->f.heading));
	return row + 1;
}

void rp_number(rp_sheet *s, lxw_row_t row, lxw_col_t col, double v, lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->c->book))
		return;
	note_number(s, col);
	rp_check(s->c, worksheet_write_number(s->ws, row, col, v, f));
}

void rp_points(rp_sheet *s, lxw_row_t row, lxw_col_t col, int64_t milli, lxw_format *f)
{
	rp_number(s, row, col, decimal_milli_to_double(milli), f);
}

void rp_formula(rp_sheet *s, lxw_row_t row, lxw_col_t col, const char *formula, double value,
		lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->c->book))
		return;
	note_number(s, col);
	rp_check(s->c, worksheet_write_formula_num(s->ws, row, col, formula, f, value));
}

void rp_share(rp_sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t points_col,
	      lxw_col_t max_col, int64_t points, int64_t max, lxw_format *f)
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

void rp_merge(rp_sheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
	      const char *text, lxw_format *f)
{
	if (!s->ws || xlsx_failed(s->c->book))
		return;
	char *copy = NULL;
	const char *cell = text ? xlsx_cell_text(s->c->book, text, &copy) : "";
	if (!cell) {
		rp_check(s->c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	if (*cell && r1 == r2)
		note_text(s, r1, c1, c2, cell, f);
	xlsx_merge(s->c->book, s->ws, r1, c1, r2, c2, cell, f);
	free(copy);
}

void rp_header_row(rp_sheet *s, lxw_row_t row, const char *const *titles, int n, bool repeat)
{
	for (int i = 0; i < n; i++)
		rp_string(s, row, (lxw_col_t)i, titles[i], s->c->f.header);
	if (!s->ws || !repeat)
		return;
	worksheet_freeze_panes(s->ws, row + 1, 0);
	rp_check(s->c, worksheet_repeat_rows(s->ws, row, row));
}

const char *rp_level_name(const report_ctx *c, int level)
{
	return questionnaire_level_name(c->q, level, c->lang);
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

void rp_answer_text(const report_ctx *c, const qn_question *q, char *buf, size_t size)
{
	const answer *ans = answers_get(c->r->answers, q->index);
	size_t used = 0;
	buf[0] = '\0';
	if (!ans->given) {
		snprintf(buf, size, "%s", RP_TR(c, "（未作答，按 0 分计）", "(not answered: 0 points)"));
		return;
	}
	if (q->kind == QN_SCENARIO) {
		snprintf(buf, size, "%d", ans->level);
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

void rp_cell_ref(lxw_row_t row, lxw_col_t col, char *buf, size_t size)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	lxw_rowcol_to_cell(cell, row, col);
	snprintf(buf, size, "%s", cell);
}

void rp_define_name(rp_sheet *s, const char *name, lxw_row_t row, lxw_col_t col)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH], formula[128];
	if (!s->ws || xlsx_failed(s->c->book))
		return;
	lxw_rowcol_to_cell_abs(cell, row, col, 1, 1);
	snprintf(formula, sizeof formula, "='%s'!%s", s->name, cell);
	rp_check(s->c, workbook_define_name(s->c->wb, name, formula));
}
