/*
 * report_internal.h - what the sheets of the report share; not part of the public API.
 *
 * report_write() (report.c) opens the workbook and builds a report_ctx; each sheet-NAME.c
 * writes one worksheet from it. Cell writers never fail loudly: the first libxlsxwriter error
 * is kept in the book (xlsx/xlsx.h), later writes become no-ops, and xlsx_close() turns it
 * into an assess_error and leaves nothing behind. So a sheet reads as a list of cells.
 *
 * Ownership: the context borrows the result, the options and the workbook; formats belong to
 * the workbook. Strings handed to libxlsxwriter are copied by it before the call returns.
 */
#ifndef ASSESS_REPORT_INTERNAL_H
#define ASSESS_REPORT_INTERNAL_H

#include <stdint.h>
#include <xlsxwriter.h>
#include "answers/record.h"
#include "reports/report.h"
#include "scoring/plan.h"
#include "xlsx/layout.h"
#include "xlsx/xlsx.h"

#define RP_MAX_COLS XLSX_SHEET_MAX_COLS

typedef struct report_formats {
	lxw_format *title;   /* the report's heading */
	lxw_format *heading; /* a section heading inside a sheet */
	lxw_format *header;  /* table column headers: bold, shaded, wrapped, bordered */
	lxw_format *label;   /* key of a key/value row */
	lxw_format *text;    /* table cell, wrapped, top-aligned */
	lxw_format *center;  /* short codes and marks */
	lxw_format *points;  /* points: up to three decimals, no trailing zeros */
	lxw_format *share;   /* 0.0% */
	lxw_format *integer;
	lxw_format *sub_label; /* subtotal rows: bold on a light fill */
	lxw_format *sub_points;
	lxw_format *sub_share;
	lxw_format *level_big; /* the level on the overview */
	lxw_format *verdict;   /* the next-level line */
	lxw_format *note;      /* small grey explanatory text */
	lxw_format *good;      /* conditional: met, full marks */
	lxw_format *bad;       /* conditional: not met, nothing earned */
	lxw_format *mono;      /* digests and ids */
	lxw_format *money;     /* whole yuan with thousands separators */
	lxw_format *sub_money;
	lxw_format *rate;   /* a rate as a percentage */
	lxw_format *hash;   /* a full SHA-256, small, wrapped onto two lines */
	lxw_format *box;    /* a signature or seal box: darker border, text at the top left */
	lxw_format *draft;  /* the 暂定 banner on page 1 */
	lxw_format *absent; /* a table cell saying what is not recorded: grey */
} report_formats;

typedef struct report_ctx {
	xlsx_book *book; /* keeps the first error and the sheet it happened in */
	lxw_workbook *wb;
	const scoring_result *r;
	const scoring_plan_set
		*plans; /* the fewest steps to each higher level; owned by report_write */
	const questionnaire *q;
	const report_options *opt;
	qn_lang lang;
	report_formats f;
	char footer[256]; /* "&L<enterprise>&R page &P of &N", escaped */
	/*
	 * A draft (暂定): questions unanswered, or a record not finalized. A format 1 file has no
	 * record to finalize, so only unanswered questions make its report a draft.
	 */
	bool draft;
	char header[256]; /* "&C暂定 …" on every page of a draft, else empty */
} report_ctx;

/* Sheet names, so that charts and formulas on one sheet can point at another. */
const char *rp_sheet_name(const report_ctx *c, int which);
enum {
	RP_OVERVIEW,
	RP_INDICATORS,
	RP_SCENARIOS,
	RP_GAPS,
	RP_METHOD,
	RP_SUBSIDY,
	RP_RECORD,
	RP_EVIDENCE,
	RP_CHANGES
};

/*
 * Adds a worksheet with the report's print set-up (A4, landscape for the wide tables, footer,
 * margins, a draft's header). A sheet of the report is written through xlsx/layout.h; its ctx
 * is the report_ctx.
 */
void rp_sheet_begin(xlsx_sheet *s, report_ctx *c, int which);
/* points / max as a formula over two cells of the same row (blank when max is 0). */
void rp_share(xlsx_sheet *s, lxw_row_t row, lxw_col_t col, lxw_col_t points_col, lxw_col_t max_col,
	      int64_t points, int64_t max, lxw_format *f);
/* A section heading in column A, on a taller row; returns the next row. */
lxw_row_t rp_heading(xlsx_sheet *s, lxw_row_t row, const char *text);
/*
 * A label in column A and its value merged across B..last_col; an empty or NULL value shows
 * absent in absent_f instead (未填 on page 1, 未记录 in the record), so a blank never passes
 * for an answer. Returns the next row.
 */
lxw_row_t rp_key_value(xlsx_sheet *s, lxw_row_t row, lxw_col_t last_col, const char *key,
		       const char *value, lxw_format *f, const char *absent, lxw_format *absent_f);
/* A row of column headers; with repeat, frozen and repeated on every printed page. */
void rp_header_row(xlsx_sheet *s, lxw_row_t row, const char *const *titles, int n, bool repeat);
/* A draft's banner across columns A..last_col of one row, in red; nothing when not a draft. */
void rp_draft_banner(xlsx_sheet *s, lxw_row_t row, lxw_col_t last_col);
/*
 * A table sheet: in row 0 the sheet's name, the report number and a draft's 暂定
 * mark; in row 1 the column headers. Both are frozen and repeated on every printed page.
 * Returns the first row of the table, 2, or 0 when the sheet could not be added.
 */
lxw_row_t rp_table_begin(xlsx_sheet *s, report_ctx *c, int which, const char *const *titles, int n);
/* Row 0: the sheet's name, the report number and 暂定 on a draft, repeated on every page. */
lxw_row_t rp_sheet_title(xlsx_sheet *s, int which, lxw_col_t last_col);

/* Texts shared by the sheets. */
/* The answer in words: "C 超过20%，不超过40%", one chosen option per line for multi. */
void rp_answer_text(const report_ctx *c, const qn_question *q, char *buf, size_t size);
/* The same for any value of the question (a history entry's from or to); "" when not given. */
void rp_value_text(const report_ctx *c, const qn_question *q, const answer *ans, char *buf,
		   size_t size);
/*
 * The ids of the unanswered questions, ", " between them ("S03, R2"), written into buf after
 * the `used` bytes the caller's own words take (0 for none) and cut to size. Returns how many
 * it listed: 0, with nothing written, when every question is answered, so that the caller can
 * say what stands for none.
 */
size_t rp_missing_ids(const report_ctx *c, char *buf, size_t size, size_t used);
/* What makes the report a draft, in a few words: "答卷尚未定稿，2 题未作答"; "" if none. */
const char *rp_draft_reason(const report_ctx *c, char *buf, size_t size);

void report_sheet_overview(report_ctx *c);
void report_sheet_indicators(report_ctx *c);
void report_sheet_scenarios(report_ctx *c);
void report_sheet_gaps(report_ctx *c);
void report_sheet_method(report_ctx *c);
void report_sheet_subsidy(report_ctx *c);
void report_sheet_record(report_ctx *c);   /* 评测记录: who, when, the statement, signatures */
void report_sheet_evidence(report_ctx *c); /* 证据登记: only when evidence is recorded */
void report_sheet_changes(report_ctx *c);  /* 答案变更: only when an answer was changed */

#endif
