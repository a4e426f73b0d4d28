/* Sheets that size themselves: column widths and row heights from the text written. */
#include "config.h"
#include "xlsx/layout.h"

#include "common/decimal.h"
#include "common/grow.h"
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
	s->measured = true;
	if (xlsx_failed(b))
		return;
	xlsx_where(b, name);
	s->ws = xlsx_add_sheet(b, name);
}

void xlsx_sheet_stream(xlsx_sheet *s, xlsx_book *b, const char *name)
{
	memset(s, 0, sizeof *s);
	s->book = b;
	s->name = name;
	s->ws = xlsx_add_sheet(b, name);
}

static xlsx_row_info *row_info(xlsx_sheet *s, lxw_row_t row)
{
	if (row >= s->n_rows) {
		/* All the room the array has is rows (n_rows): the new ones start empty. */
		size_t had = s->n_rows;
		xlsx_row_info *p = grow_array(s->rows, &s->n_rows, (size_t)row + 1, sizeof *p, 32);
		if (!p) {
			xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return NULL;
		}
		memset(p + had, 0, (s->n_rows - had) * sizeof *p);
		s->rows = p;
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

/*
 * Calibri's advance widths for ' ' to '~', in hundredths of its digit's (1038 of 2048 to the
 * em in both weights), rounded up: read off Carlito, which LibreOffice shows for Calibri and
 * which keeps its widths. A display column is about one digit (a CJK character, one em, is
 * 1.97 digits). Bold letters are up to 7 % wider (lowercase 3 % on average), digits not.
 */
/* clang-format off */
static const unsigned char calibri[2][95] = {{
	 45,  65,  80,  99, 100, 142, 135,  44,  60,  60,  99,  99,  50,  61,  50,  77, /*  !"#$%&'()*+,-./ */
	100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  53,  53,  99,  99,  99,  92, /* 0123456789:;<=>? */
	177, 115, 108, 106, 122,  97,  91, 125, 123,  50,  63, 103,  83, 169, 128, 131, /* @ABCDEFGHIJKLMNO */
	102, 133, 108,  91,  97, 127, 112, 176, 103,  97,  93,  61,  77,  61,  99,  99, /* PQRSTUVWXYZ[\]^_ */
	 58,  95, 104,  84, 104,  99,  61,  93, 104,  46,  48,  90,  46, 158, 104, 105, /* `abcdefghijklmno */
	104, 104,  69,  78,  67, 104,  90, 142,  86,  90,  78,  63,  91,  63,  99,      /* pqrstuvwxyz{|}~ */
}, { /* bold */
	 45,  65,  87,  99, 100, 144, 140,  47,  62,  62,  99,  99,  51,  61,  53,  85, /*  !"#$%&'()*+,-./ */
	100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  55,  55,  99,  99,  99,  92, /* 0123456789:;<=>? */
	178, 120, 111, 105, 125,  97,  91, 126, 125,  53,  66, 108,  84, 173, 130, 134, /* @ABCDEFGHIJKLMNO */
	106, 136, 112,  94,  98, 129, 117, 179, 109, 103,  95,  65,  85,  65,  99,  99, /* PQRSTUVWXYZ[\]^_ */
	 60,  98, 106,  83, 106, 100,  63,  94, 106,  49,  51,  95,  49, 161, 106, 107, /* `abcdefghijklmno */
	106, 106,  71,  79,  69, 106,  94, 148,  91,  94,  79,  68,  94,  68,  99,      /* pqrstuvwxyz{|}~ */
}};
/* clang-format on */

/*
 * Percent a Calibri width is taken at, in display columns: a digit of a 10-point Calibri is
 * 1.016 columns, and 8 % more keeps room for what rounding each letter to whole pixels adds
 * on a screen (a spare line is better than a clipped one).
 */
#define LATIN_PERCENT 110

/*
 * Symbols Calibri lacks, which a reader takes from a fallback font at up to an em: the em
 * dash and ellipsis, arrows, box drawing, shapes, ★ and the dingbats.
 */
static bool em_symbol(unsigned long cp)
{
	return cp == 0x2014 || cp == 0x2026 || (cp >= 0x2190 && cp <= 0x21FF) ||
	       (cp >= 0x2500 && cp <= 0x27BF);
}

/* One character's width in hundredths of a display column, given its display columns. */
static size_t measure_one(unsigned long cp, size_t columns, xlsx_face face)
{
	if (columns != 1 || face == XLSX_FACE_HALF_EM)
		return columns * XLSX_COLUMN;
	if (em_symbol(cp))
		return 2 * XLSX_COLUMN;
	unsigned digits =
		cp >= 0x20 && cp < 0x7F ? calibri[face == XLSX_FACE_LATIN_BOLD][cp - 0x20] : 100;
	return (digits * LATIN_PERCENT + 99) / 100;
}

/* The next character of text: its width in a face, and whether it is a wide (CJK) one. */
static size_t char_width(const char **p, unsigned long *cp, xlsx_face face, bool *wide)
{
	*cp = text_next_codepoint(p);
	size_t columns = text_codepoint_width(*cp);
	*wide = columns == 2;
	return measure_one(*cp, columns, face);
}

xlsx_face xlsx_face_of(const lxw_format *f)
{
	if (f && f->font_name[0] && strcmp(f->font_name, LXW_DEFAULT_FONT_NAME) != 0)
		return XLSX_FACE_HALF_EM;
	return f && f->bold ? XLSX_FACE_LATIN_BOLD : XLSX_FACE_LATIN;
}

/* Width of the text from p to end, measured in place: a word or a line needs no copy. */
static size_t measure_span(const char *p, const char *end, xlsx_face face)
{
	size_t w = 0;
	unsigned long cp;
	bool wide;
	while (p < end)
		w += char_width(&p, &cp, face, &wide);
	return w;
}

size_t xlsx_measure(const char *text, xlsx_face face)
{
	return measure_span(text, text + strlen(text), face);
}

/*
 * Lines a word of narrow characters (from p to end, `width` wide) adds on a line of `room`
 * with `*used` taken: it moves to the next line whole, and is cut character by character
 * where it is wider than a line. Sets *used to what its last line takes.
 */
static int place_word(const char *p, const char *end, size_t width, size_t room, xlsx_face face,
		      size_t *used)
{
	if (*used + width <= room) {
		*used += width;
		return 0;
	}
	int lines = *used > 0; /* the whole word moves to the next line */
	*used = 0;
	if (width <= room) {
		*used = width;
		return lines;
	}
	while (p < end) { /* a word wider than the cell is cut wherever it fills a line */
		unsigned long cp;
		bool wide;
		size_t w = char_width(&p, &cp, face, &wide);
		if (*used && *used + w > room) {
			lines++;
			*used = 0;
		}
		*used += w;
	}
	return lines;
}

int xlsx_wrap_lines(const char *text, size_t room, xlsx_face face)
{
	if (room < 2 * XLSX_COLUMN)
		room = 2 * XLSX_COLUMN; /* a CJK character always gets a line of its own */
	int lines = 1;
	size_t used = 0; /* taken on the current line */
	size_t last = 0; /* width of the last character or word, which closing punctuation joins */
	const char *p = text;
	while (*p) {
		unsigned long cp;
		bool wide;
		const char *start = p;
		size_t w = char_width(&p, &cp, face, &wide);
		if (cp == '\n') {
			lines++;
			used = last = 0;
		} else if (cp == ' ') {
			if (used + w > room) {
				lines++; /* the line breaks at the space, which takes no room */
				used = 0;
			} else {
				used += w;
			}
			last = 0;
		} else if (wide) {
			if (used + w <= room) {
				used += w;
			} else if (closes(cp) && last && last + w <= room) {
				lines++;
				used = last + w; /* the character before moves down with it */
			} else {
				lines++;
				used = w;
			}
			last = w;
		} else if (w > 0) {
			/* A word: the run of narrow characters up to a space, newline or wide one. */
			size_t word = w;
			const char *q = p;
			while (*q) {
				const char *r = q;
				unsigned long c;
				size_t cw = char_width(&r, &c, face, &wide);
				if (wide || cw == 0 || c == ' ' || c == '\n')
					break;
				word += cw;
				q = r;
			}
			p = q;
			lines += place_word(start, q, word, room, face, &used);
			last = word <= room ? word : used;
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
static size_t word_at(const char *text, xlsx_face face, size_t *len)
{
	size_t n = strcspn(text, " \n");
	const char *bracket =
		strstr(text + (strncmp(text, OPEN_BRACKET, 3) == 0 ? 3 : 0), OPEN_BRACKET);
	if (bracket && (size_t)(bracket - text) < n)
		n = (size_t)(bracket - text);
	*len = n;
	return measure_span(text, text + n, face);
}

size_t xlsx_widest_word(const char *text, xlsx_face face)
{
	size_t widest = 0, len;
	for (const char *p = text; *p;) {
		size_t w = word_at(p, face, &len);
		widest = w > widest ? w : widest;
		p += len;
		while (*p == ' ' || *p == '\n')
			p++;
	}
	return widest;
}

/* Appends n bytes of s to out (used of size taken), cutting bytes at the end of out. */
static void put(char *out, size_t size, size_t *used, const char *s, size_t n)
{
	size_t take = *used + n < size ? n : size - 1 - *used;
	memcpy(out + *used, s, take);
	*used += take;
}

int xlsx_wrap_words(const char *text, size_t room, xlsx_face face, char *out, size_t size)
{
	size_t used = 0, o = 0, len, space = xlsx_measure(" ", face);
	int lines = 1;
	bool spaced = false; /* a space before this word (none before a bracket's) */
	if (!size)
		return 0;
	for (const char *p = text; *p;) {
		size_t w = word_at(p, face, &len), gap = used && spaced ? space : 0;
		if (used && used + gap + w > room) {
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
	out[text_prefix_bytes(out, o)] = '\0'; /* put() cut bytes: end between characters */
	return lines;
}

size_t xlsx_columns_in(double width, double font_size)
{
	double per_column = UNITS_WIDE / 2 * font_size / 10;
	double columns = (width - CELL_MARGIN) / per_column;
	return columns > 0 ? (size_t)(columns * XLSX_COLUMN) : 0;
}

double xlsx_width_for(size_t room, double font_size)
{
	return (double)room / XLSX_COLUMN * UNITS_WIDE / 2 * font_size / 10 + CELL_MARGIN + PADDING;
}

double xlsx_text_width(const char *s, xlsx_face face)
{
	return s ? (double)xlsx_measure(s, face) / XLSX_COLUMN * UNITS_PER_COLUMN + PADDING : 4;
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
	xlsx_face face = xlsx_face_of(f);
	if (!f || !f->text_wrap) {
		double w = (double)xlsx_measure(text, face) / XLSX_COLUMN;
		if (c1 == c2 && c1 < XLSX_SHEET_MAX_COLS && w > s->width[c1])
			s->width[c1] = w;
		return;
	}
	for (const char *t = text;; t++) {
		size_t n = strcspn(t, "\n");
		double w = (double)measure_span(t, t + n, face) / XLSX_COLUMN;
		if (c1 == c2 && c1 < XLSX_SHEET_MAX_COLS && w > s->width[c1])
			s->width[c1] = w;
		t += n;
		if (!*t)
			break;
	}
	size_t len = strlen(text) + 1, need = s->n_text + len;
	xlsx_text_cell *cells = NULL;
	if (row_info(s, row))
		cells = grow_array(s->cells, &s->cap_cells, s->n_cells + 1, sizeof *cells, 64);
	if (cells)
		s->cells = cells;
	/* A total past size_t (need wrapped round) is refused like memory that runs out. */
	char *texts = cells && need >= len ? grow_array(s->text, &s->cap_text, need, 1, 64) : NULL;
	if (!texts) {
		xlsx_check(s->book, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	s->text = texts;
	memcpy(s->text + s->n_text, text, len);
	s->cells[s->n_cells++] = (xlsx_text_cell){.row = row,
						  .first_col = c1,
						  .last_col = c2,
						  .text = s->n_text,
						  .font_size = f->font_size > 0 ? f->font_size : 11,
						  .face = face};
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
	return xlsx_wrap_lines(s->text + cell->text, (size_t)(columns * XLSX_COLUMN), cell->face);
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
	if (s->ws && s->measured && !xlsx_failed(s->book)) {
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
	if (!s->measured) {
		xlsx_string(s->book, s->ws, row, col, text, f);
		return;
	}
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

void xlsx_sheet_points(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int64_t milli, lxw_format *f)
{
	xlsx_sheet_number(s, row, col, decimal_milli_to_double(milli), f);
}

void xlsx_sheet_header(xlsx_sheet *s, lxw_row_t row, const char *const *titles, int n,
		       lxw_format *f, bool repeat)
{
	for (int i = 0; i < n; i++)
		xlsx_sheet_string(s, row, (lxw_col_t)i, titles[i], f);
	if (!s->ws || !repeat)
		return;
	worksheet_freeze_panes(s->ws, row + 1, 0);
	xlsx_check(s->book, worksheet_repeat_rows(s->ws, row, row));
}

lxw_row_t xlsx_sheet_key_value(xlsx_sheet *s, lxw_row_t row, const char *key, lxw_format *key_f,
			       lxw_col_t last_col, const char *value, lxw_format *value_f)
{
	xlsx_sheet_string(s, row, 0, key, key_f);
	xlsx_sheet_merge(s, row, 1, row, last_col, value, value_f);
	return row + 1;
}

void xlsx_sheet_merge(xlsx_sheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
		      const char *text, lxw_format *f)
{
	if (!s->measured) {
		xlsx_merge(s->book, s->ws, r1, c1, r2, c2, text, f);
		return;
	}
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
