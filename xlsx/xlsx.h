/*
 * xlsx.h - the one place that wraps libxlsxwriter: a workbook's lifecycle, its errors, and
 * the document properties, print set-up, cell writers, colours, A1 references and text widths
 * every workbook of assess uses (the diagnostic report, the portfolio, the acceptance workbook,
 * the fill-in form). The report, the portfolio and the acceptance workbook write their sheets through
 * xlsx/layout.h.
 *
 * Lifecycle: open -> write -> close -> verify -> rename.
 *
 *     xlsx_options o = {.replace = force, .env = {.scratch_dir = tmpdir_from_cli}};
 *     xlsx_book *b = xlsx_open("acme.xlsx", &o, &err);      // NULL: err says why
 *     lxw_worksheet *ws = xlsx_add_sheet(b, "概览");
 *     xlsx_string(b, ws, 0, 0, "企业名称", NULL);            // errors are kept, see below
 *     if (xlsx_close(b, &err)) ...                            // frees b, success or not
 *
 * - The workbook is written inside a private folder (".assess-XXXXXX", 0700) next to the
 *   target, because libxlsxwriter opens its output by name at the end: nobody else can swap
 *   that name for a symlink (common/atomicfile.h, ATOMICFILE_BY_NAME).
 * - libxlsxwriter's own scratch files (one per XML part) go to a private folder of their own,
 *   made with mkdtemp (0700) in o->env.scratch_dir, else /dev/shm when usable, else /tmp. A
 *   scratch folder with less than XLSX_SCRATCH_MIN bytes free is refused at open.
 * - libxlsxwriter does not notice when its scratch files cannot be written (a full folder
 *   gives parts of 0 bytes and a workbook_close() that succeeds), so xlsx_close() reads the
 *   finished zip back (xlsx_verify) before it is renamed over the target: the central
 *   directory is whole, every entry has its CRC and is not empty, every XML part ends with
 *   its root element's end tag, and the parts every workbook needs are there, one per sheet.
 * - On any failure nothing is left behind and the target keeps its old content.
 * - With replace, only a regular file is replaced, keeping its mode; anything else at the
 *   target (a symlink, /dev/null, a FIFO, a folder) is ASSESS_ERR_CANTCREAT.
 *
 * Errors: writers never fail loudly. The first libxlsxwriter error is kept in the book (with
 * the sheet set by xlsx_where), later writes become no-ops, and xlsx_close() turns it into
 * the assess_error: ASSESS_ERR_NOMEM for memory, ASSESS_ERR_IO for anything the disk did
 * (a full disk exits 74 from every command), ASSESS_ERR_CANTCREAT when the file cannot be
 * created, ASSESS_ERR_DATA for what the data asked that Excel cannot hold, else INTERNAL.
 * So a sheet reads as a list of cells.
 *
 * Ownership: the book owns the workbook; the workbook owns its sheets and formats. Strings
 * handed to the writers are copied by libxlsxwriter before the call returns. The book
 * borrows the options' strings until it is closed or aborted.
 */
#ifndef ASSESS_XLSX_H
#define ASSESS_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <xlsxwriter.h>
#include "common/error.h"
#include "common/lang.h"

/* Free bytes a scratch folder needs at open; the verification catches what runs out later. */
#define XLSX_SCRATCH_MIN (256u * 1024u)
/* Excel's limit on a cell's text, in characters. */
#define XLSX_CELL_MAX 32767
/*
 * libxlsxwriter's limit on a custom document property's value, in characters (a continuation
 * byte counts with the character before it, as in text_prefix_chars): longer is refused.
 */
#define XLSX_PROPERTY_MAX 255
/* The mark that ends a text cut to XLSX_CELL_MAX (xlsx_options.lang, .cut_mark). */
#define XLSX_CUT_MARK_ZH "…〔已截断，全文见答卷〕"
#define XLSX_CUT_MARK_EN "… [truncated; full text in the answer file]"

/*
 * What a workbook takes from the process around it, read by the CLI and handed down (the
 * library reads no environment and keeps no global state).
 */
typedef struct xlsx_env {
	const char *scratch_dir; /* the CLI's $TMPDIR; NULL: /dev/shm when usable, else /tmp */
	/*
	 * libxlsxwriter prints "[ERROR]..." lines of its own to stderr when it fails; the error
	 * xlsx_close() returns says it once, properly. hush(true, ctx) is called before the
	 * library writes the file and hush(false, ctx) after, so the CLI can silence them.
	 * NULL: nothing is silenced.
	 */
	void (*hush)(bool quiet, void *ctx);
	void *hush_ctx;
} xlsx_env;

typedef struct xlsx_options {
	bool replace;         /* --force: replace an existing regular file */
	bool constant_memory; /* libxlsxwriter's row-streaming mode (rows in order only) */
	xlsx_env env;
	const char *what;     /* for messages: "report"; NULL: "workbook" */
	qn_lang lang;         /* the workbook's: its cut mark's and its title's */
	const char *cut_mark; /* NULL: the language's, XLSX_CUT_MARK_ZH or XLSX_CUT_MARK_EN */
} xlsx_options;

typedef struct xlsx_book xlsx_book;

/* ASSESS_ERR_EXISTS, _CANTCREAT (folder, not a regular file), _IO (scratch full), _NOMEM. */
xlsx_book *xlsx_open(const char *path, const xlsx_options *o, assess_error *err);
lxw_workbook *xlsx_workbook(const xlsx_book *b);
/* The target path, as given to xlsx_open. */
const char *xlsx_path(const xlsx_book *b);
/* Writes, verifies and puts the file in place; frees b either way. */
assess_code xlsx_close(xlsx_book *b, assess_error *err);
/* Gives up: nothing is written, nothing is left; frees b. Accepts NULL. */
void xlsx_abort(xlsx_book *b);

/*
 * Removes what killed writers left in the folder of path: private folders (and the half
 * workbooks in them) whose lock nobody holds any more (common/atomicfile.h), and the
 * ".NAME.xlsx.XXXXXX" files of earlier versions, when they are regular files of this user left
 * unchanged for an hour (atomicfile_sweep_stale). Once per command and folder, not per
 * workbook: it reads the whole folder. Scratch folders are swept by xlsx_open itself. Best
 * effort; never fails.
 */
void xlsx_sweep(const char *path);
/* The same for a folder itself (a reports folder). */
void xlsx_sweep_folder(const char *folder);

/* Keeps e if it is the first error. */
void xlsx_check(xlsx_book *b, lxw_error e);
/* True once an error is kept: writers then do nothing. */
bool xlsx_failed(const xlsx_book *b);
/* The error kept; LXW_NO_ERROR while all is well. */
lxw_error xlsx_error(const xlsx_book *b);
/* Names the sheet being written, for the message of a later error (borrowed; NULL: none). */
void xlsx_where(xlsx_book *b, const char *sheet);
/* The code for a libxlsxwriter error (see above). */
assess_code xlsx_code(lxw_error e);
/*
 * The error kept, as xlsx_close() would return it ("cannot write the WHAT in sheet S: reason",
 * naming the target), for a writer that must stop before the close; ASSESS_OK while all is
 * well. The book is left as it is.
 */
assess_code xlsx_failure(const xlsx_book *b, assess_error *err);

/* Verifies a finished workbook at path with n_sheets worksheets (see above); err names path. */
assess_code xlsx_verify(const char *path, unsigned n_sheets, assess_error *err);

/* ---- sheets, formats and cells ---- */

/* A worksheet, its name checked first; NULL (with the error kept) when it cannot be added. */
lxw_worksheet *xlsx_add_sheet(xlsx_book *b, const char *name);
/*
 * How a sheet prints: on A4, as wide as pages_wide pages (0: one) and as many pages down as it
 * takes, with margins in inches (left, right, top, bottom; NULL keeps Excel's), and a header
 * and footer in Excel's codes ("&C&P / &N"; NULL or "" for none).
 */
typedef struct xlsx_page {
	bool landscape;
	const double *margins;
	uint16_t pages_wide;
	const char *header, *footer;
} xlsx_page;
/* The margins of the report and the acceptance workbook: room at the foot for the footer. */
extern const double xlsx_margins_narrow[4];
/* Sets up ws to print as p says; nothing after an error or without a sheet. */
void xlsx_page_setup(xlsx_book *b, lxw_worksheet *ws, const xlsx_page *p);
/*
 * The footer of the report's and the acceptance workbook's pages: the enterprise's name on the
 * left, the sheet's name in the middle, "page P of N" on the right. In the name '&', the codes'
 * escape, is doubled, and a name too long for the footer is cut before a character that would
 * not fit whole. Writes into out (size bytes, always terminated) and returns it.
 */
char *xlsx_footer_named(const char *name, qn_lang lang, char *out, size_t size);
/*
 * The title property of the report, the acceptance workbook and the form: what the workbook is,
 * then the enterprise's name when there is one ("诊断报告：名称", "Report: name"). A title too
 * long for out is cut before a character that does not fit whole: libxlsxwriter writes it into
 * docProps/core.xml as it is. Writes into out (size bytes, always terminated) and returns it.
 */
char *xlsx_title_named(const char *what, const char *name, qn_lang lang, char *out, size_t size);
/*
 * What a workbook's document properties say (docProps/core.xml and app.xml). Every workbook of
 * assess is about one enterprise, or about none (the portfolio), and says so the same way: the
 * title is what the workbook is, then the enterprise's name (xlsx_title_named, in the book's
 * language), and the company is that name; the author is who assessed it. The rest is each
 * workbook's own. NULL leaves a field out (libxlsxwriter writes an author and a company left
 * out as empty).
 */
typedef struct xlsx_properties {
	const char *what;   /* the title's start: "中小企业数字化水平诊断报告" */
	const char *name;   /* the enterprise's name: the title's end and the company */
	const char *author; /* the assessor */
	const char *subject, *category, *keywords, *status;
	const char *comments; /* PACKAGE_STRING, "assess 0.1.0", and what else */
	time_t created;       /* xlsx_created_time(); 0: now */
} xlsx_properties;
/* Sets b's document properties (strings are copied); an error is kept. */
void xlsx_set_properties(xlsx_book *b, const xlsx_properties *p);
/*
 * The font of a workbook's text in a language. Chinese is in Office's Chinese UI font, for
 * which LibreOffice substitutes a CJK font (Noto Sans CJK); English is in Calibri, whose
 * letters xlsx/layout.h measures at their own widths (LibreOffice shows Carlito, with the same
 * widths), and Excel and LibreOffice take a Chinese name in it from a CJK font.
 */
#define XLSX_FONT_ZH "等线"
#define XLSX_FONT_EN "Calibri"
const char *xlsx_font_name(qn_lang lang);
/* A format; NULL (with the error kept) when memory runs out. */
lxw_format *xlsx_add_format(xlsx_book *b);
/*
 * A format for the text of the report, the acceptance workbook and the form: the language's
 * font at XLSX_TEXT_SIZE points, at the top of its cell, so that a row grown for a neighbour's
 * wrapped text reads from its first line. NULL (with the error kept) when memory runs out.
 */
#define XLSX_TEXT_SIZE 10
lxw_format *xlsx_add_text_format(xlsx_book *b, qn_lang lang);
/*
 * Text. NULL or "" writes a blank cell that keeps the format (nothing without one). A text over
 * XLSX_CELL_MAX characters is cut, on a character boundary, and ends with the book's cut mark;
 * half a character at the end (a text cut by snprintf) is left out.
 */
void xlsx_string(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		 lxw_format *f);
void xlsx_number(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v,
		 lxw_format *f);
/* A formula with its value, so readers that do not recalculate see the right number. */
void xlsx_formula(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *formula,
		  double value, lxw_format *f);
/* A merged range with its text (cut like xlsx_string). */
void xlsx_merge(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r1, lxw_col_t c1, lxw_row_t r2,
		lxw_col_t c2, const char *s, lxw_format *f);
/*
 * The text as it will be stored: s itself, or a copy (kept in *copy for the caller to free)
 * cut with the mark when too long, or without the half character s ends in. NULL with *copy
 * NULL when memory runs out.
 */
const char *xlsx_cell_text(const xlsx_book *b, const char *s, char **copy);

/* "B7"; buf holds at least LXW_MAX_CELL_NAME_LENGTH bytes. */
void xlsx_cell_ref(lxw_row_t row, lxw_col_t col, char *buf, size_t size);
/* "$B$7" */
void xlsx_cell_ref_abs(lxw_row_t row, lxw_col_t col, char *buf, size_t size);
/* A workbook-wide name for one cell: ='SHEET'!$B$7. */
void xlsx_define_name(xlsx_book *b, const char *name, const char *sheet, lxw_row_t row,
		      lxw_col_t col);

/* Display columns a text takes: 2 for CJK and full-width characters, 1 otherwise. */
size_t xlsx_display_width(const char *s);

/*
 * A workbook's creation time: created when it is set (SOURCE_DATE_EPOCH, from the CLI), else
 * the assessment date (YYYY-MM-DD) at midnight UTC, so the same answers give the same bytes;
 * else now.
 */
time_t xlsx_created_time(time_t created, const char *date);

/* Colours the workbooks share (0xRRGGBB). */
enum {
	XLSX_COLOR_HEADER_FILL = 0xDDEBF7, /* table headers, the level box */
	XLSX_COLOR_LABEL_FILL = 0xF2F2F2,  /* labels, subtotal and total rows */
	XLSX_COLOR_BORDER = 0xBFBFBF,
	XLSX_COLOR_HEADING = 0x1F4E79,   /* section headings */
	XLSX_COLOR_NOTE = 0x595959,      /* small grey text */
	XLSX_COLOR_ALERT = 0xC00000,     /* the next-level verdict */
	XLSX_COLOR_GOOD_FILL = 0xC6EFCE, /* Excel's "good" style */
	XLSX_COLOR_GOOD_TEXT = 0x006100,
	XLSX_COLOR_BAD_FILL = 0xFFC7CE, /* Excel's "bad" style */
	XLSX_COLOR_BAD_TEXT = 0x9C0006,
	XLSX_COLOR_SCALE_LOW = 0xF8696B, /* red-yellow-green colour scale */
	XLSX_COLOR_SCALE_MID = 0xFFEB84,
	XLSX_COLOR_SCALE_HIGH = 0x63BE7B,
	/* The level charts' bars and the report's data bars: light, dark for what stands out. */
	XLSX_COLOR_BAR_LIGHT = 0x9DC3E6,
	XLSX_COLOR_BAR_DARK = 0x1F4E79
};

/*
 * The charts' text is in the workbook's font, xlsx_font_name(lang), as its cells are: the title
 * 11 points bold, the axes' numbers and names XLSX_CHART_AXIS_SIZE points unless a chart needs
 * them smaller, the legend at the axes' size so that it is no larger than they are.
 */
#define XLSX_CHART_AXIS_SIZE 8
void xlsx_chart_title(lxw_chart *chart, const char *title, qn_lang lang);
void xlsx_chart_axis_font(lxw_chart_axis *axis, double size, qn_lang lang);
/* Every chart's legend goes through here: position is libxlsxwriter's (LXW_CHART_LEGEND_*). */
void xlsx_chart_legend(lxw_chart *chart, uint8_t position, qn_lang lang);
/*
 * A bar chart of levels 0..max_level whose categories (the scenarios) run down in their table's
 * order: the charts' title and axis fonts, one level a step; legend is libxlsxwriter's position
 * (LXW_CHART_LEGEND_NONE, LXW_CHART_LEGEND_BOTTOM).
 */
void xlsx_chart_levels(lxw_chart *chart, const char *title, int max_level, uint8_t legend,
		       qn_lang lang);

/*
 * A data validation (a drop-down list, from values or a formula) on one cell. Every
 * validation goes through here: libxlsxwriter leaks a list formula's copy (xlsx/cells.c).
 */
void xlsx_data_validation(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
			  lxw_data_validation *v);

/* A red-yellow-green colour scale over a range, from low through mid to high. */
void xlsx_color_scale(xlsx_book *b, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
		      lxw_col_t c1, double low, double mid, double high);

#endif
