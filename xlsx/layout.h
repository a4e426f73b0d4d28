/*
 * layout.h - a worksheet that sizes itself: columns from their widest text, rows from their
 * wrapped text, CJK characters counted at their real width.
 *
 * Spreadsheet readers do not fit a row's height to wrapped text on their own (LibreOffice
 * keeps the default, and nobody fits merged cells), so the sheet remembers every text written
 * through it and xlsx_sheet_end() sizes columns, then rows, from the display widths. Widths
 * and line heights scale with each cell format's font size. A text is measured in its cell's
 * face (xlsx_face_of): Calibri's Latin letters at their own widths, those of a CJK font such
 * as 等线 (or the Noto Sans CJK that LibreOffice renders in its place) at half an em each.
 *
 *     xlsx_sheet s;
 *     xlsx_sheet_begin(&s, book, "概览");          // adds the worksheet; s.ws NULL on error
 *     xlsx_sheet_string(&s, 0, 0, "企业名称", wrap);
 *     xlsx_sheet_end(&s, min, max, 4);             // widths, heights; frees what it kept
 *
 * The report, the portfolio and the acceptance workbook write every sheet through here; the
 * portfolio's sheets are streamed (xlsx_sheet_stream): in constant-memory mode nothing can be
 * sized after the fact, so they take the same writers and size their rows beforehand.
 *
 * Errors go to the book (xlsx.h): after one, every call is a no-op, xlsx_sheet_end included
 * (it still frees). Ownership: the sheet borrows the book, the name and ctx; it owns its
 * arrays until xlsx_sheet_end.
 */
#ifndef ASSESS_XLSX_LAYOUT_H
#define ASSESS_XLSX_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include "xlsx/xlsx.h"

#define XLSX_SHEET_MAX_COLS 16

/*
 * How a cell's font measures what is not a CJK character (which is one em, two display
 * columns, in every face).
 *  - XLSX_FACE_HALF_EM: a CJK font (等线), or one we keep no widths for (Consolas): each
 *    other character takes one display column, half an em.
 *  - XLSX_FACE_LATIN: Calibri, the workbooks' default, and Carlito, which LibreOffice shows
 *    for it with the same advance widths: ASCII at Calibri's own widths (i 0.46, m 1.58 of its
 *    digit), other Latin characters 1, symbols that Calibri lacks (★, arrows) one em, each with
 *    a margin against rounding to pixels; bold a little wider.
 */
typedef enum xlsx_face { XLSX_FACE_HALF_EM, XLSX_FACE_LATIN, XLSX_FACE_LATIN_BOLD } xlsx_face;

/* Widths are counted in hundredths of a display column (half an em: a CJK character is 200). */
#define XLSX_COLUMN 100

/* A text cell (or merged range), its text and the size of its font. */
typedef struct xlsx_text_cell {
	lxw_row_t row;
	lxw_col_t first_col, last_col;
	size_t text;      /* offset of its NUL-ended text in xlsx_sheet.text */
	double font_size; /* points */
	xlsx_face face;
} xlsx_text_cell;

typedef struct xlsx_row_info {
	double min_height; /* points; 0 for "as tall as its text" */
	uint8_t level;     /* outline level, 0 for none */
} xlsx_row_info;

typedef struct xlsx_sheet {
	xlsx_book *book;
	lxw_worksheet *ws; /* NULL when the sheet could not be added */
	const char *name;
	double width[XLSX_SHEET_MAX_COLS]; /* widest one-column text, in display columns */
	xlsx_text_cell *cells;
	size_t n_cells, cap_cells;
	char *text; /* the wrapped cells' texts, one after another */
	size_t n_text, cap_text;
	xlsx_row_info *rows; /* indexed by row number */
	size_t n_rows;
	bool measured; /* false for a streamed sheet: see xlsx_sheet_stream */
	/*
	 * The workbook's own context (the report, the comparison), set by the caller after
	 * xlsx_sheet_begin, so that the functions filling the sheet need only the sheet; never
	 * read here.
	 */
	void *ctx;
} xlsx_sheet;

/* Adds the worksheet (and names it as where later errors happen). */
void xlsx_sheet_begin(xlsx_sheet *s, xlsx_book *b, const char *name);
/*
 * Adds the worksheet of a sheet that keeps nothing and sizes nothing, for a workbook in
 * constant-memory mode, where a row is final once the next starts: its writers write as
 * xlsx_string does, and the caller sets widths and heights (with the measures below) before
 * the cells. Later errors are not said to be in it (no xlsx_where): its rows are written in
 * turn with other sheets'. xlsx_sheet_end is not needed.
 */
void xlsx_sheet_stream(xlsx_sheet *s, xlsx_book *b, const char *name);
/*
 * Sets each column's width from its widest text: about 1.1 Excel units per display column,
 * at least min[i] and at most max[i] (text wider than that wraps; give min == max for a fixed
 * layout). Then makes every row tall enough for its wrapped text, and frees what the sheet
 * kept. Call it once per sheet, also after an error.
 */
void xlsx_sheet_end(xlsx_sheet *s, const double *min, const double *max, int n);

void xlsx_sheet_row_height(xlsx_sheet *s, lxw_row_t row, double points); /* at least */
void xlsx_sheet_row_level(xlsx_sheet *s, lxw_row_t row, uint8_t level);  /* outline level */

/* Measured writers; text is cut like xlsx_string's. NULL or "" writes a blank cell. */
void xlsx_sheet_string(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const char *text,
		       lxw_format *f);
void xlsx_sheet_merge(xlsx_sheet *s, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2, lxw_col_t c2,
		      const char *text, lxw_format *f);
/* A number or formula: its column is at least as wide as "48.875" or "100.0%". */
void xlsx_sheet_number(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, double v, lxw_format *f);
void xlsx_sheet_formula(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, const char *formula,
			double value, lxw_format *f);
/* Points in thousandths (common/decimal.h), as the number a spreadsheet shows. */
void xlsx_sheet_points(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, int64_t milli, lxw_format *f);
/*
 * A row of column headers from column A, one title a column in format f; with repeat, the
 * rows above it and it are frozen and it prints again at the top of every page.
 */
void xlsx_sheet_header(xlsx_sheet *s, lxw_row_t row, const char *const *titles, int n,
		       lxw_format *f, bool repeat);
/*
 * A row that names a value: key in column A in key_f, then the value merged across columns B
 * to last_col in value_f (NULL or "" for a blank). Returns the next row.
 */
lxw_row_t xlsx_sheet_key_value(xlsx_sheet *s, lxw_row_t row, const char *key, lxw_format *key_f,
			       lxw_col_t last_col, const char *value, lxw_format *value_f);
/* The face a format's font is measured in; NULL is the default format's (Calibri). */
xlsx_face xlsx_face_of(const lxw_format *f);
/* Width of text in a face, in hundredths of a display column (newlines take none). */
size_t xlsx_measure(const char *text, xlsx_face face);

/*
 * Lines text takes when wrapped in a cell `room` hundredths of a display column wide (a CJK
 * character takes 200, others what the face gives them), as spreadsheet readers break it: at
 * each newline, between any two CJK characters (but not before closing punctuation such as
 * 、，。), and at spaces; a run of other characters ("ERP", "v2.1") is a word that moves to the
 * next line whole and is cut, character by character, only when it is wider than the cell.
 * Empty text takes one line.
 */
int xlsx_wrap_lines(const char *text, size_t room, xlsx_face face);

/*
 * For sheets written without xlsx_sheet (the portfolio's, in constant-memory mode, where a row
 * is final once the next starts): the same measures, to break a text and size its row before
 * writing it.
 *
 * xlsx_wrap_words() breaks text at its spaces (keeping its own newlines) onto lines of at most
 * `room` hundredths of a display column, so that the reader has nothing left to break; a word
 * wider than that gets a line of its own. A run of CJK characters without a space ("质量管理★")
 * is one word: it is never broken in two, but before an opening bracket （ it may break, as
 * Chinese text does ("一级" / "（初始级）"). Writes the text with newlines to out (cut to size,
 * between two characters) and returns the lines.
 */
int xlsx_wrap_words(const char *text, size_t room, xlsx_face face, char *out, size_t size);
/* Width of text's widest word (a run between spaces and newlines), in hundredths. */
size_t xlsx_widest_word(const char *text, xlsx_face face);
/* Hundredths of a display column a cell `width` Excel units wide holds at a font size, and back. */
size_t xlsx_columns_in(double width, double font_size);
double xlsx_width_for(size_t room, double font_size);
/*
 * A column width for a one-line text in a face: 1.1 Excel units per display column, plus 2;
 * 4 for NULL.
 */
double xlsx_text_width(const char *s, xlsx_face face);
/* The height in points of a row showing `lines` lines at a font size. */
double xlsx_lines_height(int lines, double font_size);

/* A workbook-wide name for one cell of this sheet (TotalScore, DigitalLevel). */
void xlsx_sheet_define_name(xlsx_sheet *s, const char *name, lxw_row_t row, lxw_col_t col);

#endif
