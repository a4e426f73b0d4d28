/*
 * portfolio-book.h - the portfolio workbook: one row per enterprise, and what the rows add up to.
 *
 * Sheets, Chinese first (English with QN_LANG_EN):
 *   概览 Overview          counts, the level distribution by stage and its chart
 *   目标 Targets           the programme's targets: above-scale share at level >= 2, level-4
 *                          count, subsidies against the budget (the over-budget case named),
 *                          budget lines, stages side by side, baseline -> post transitions
 *   按行业 / 按地区         breakdown by industry and by region
 *   场景热力图 Heat map     scenario levels: distribution, and mean level by industry and
 *                          region, coloured by a 0-4 colour scale
 *   企业明细 Enterprises    one row per enterprise: profile, total, dimensions, level, every
 *                          scenario's level (colour scale), scenario and ★ counts, subsidy,
 *                          report file
 *   错误 Errors            every input that failed, with where and why
 *
 * Rows and errors stream into the workbook as they come (libxlsxwriter's constant-memory mode:
 * a row is written out when the next one starts), so memory stays flat whatever the number of
 * enterprises; the summary sheets are filled from the tally at the end. The file is written
 * to a temporary name in the target's folder and renamed into place only when complete.
 *
 *     portfolio_book *b = portfolio_book_new("portfolio.xlsx", &opts, &err);
 *     portfolio_book_row(b, &row, &err);                 // for each enterprise
 *     portfolio_book_error(b, PORTFOLIO_STEP_INPUT, &e, &err);  // for each failure
 *     portfolio_book_close(b, tally, &targets, &err);    // frees b, success or not
 *
 * Ownership: the book borrows the options' pointers until it is closed or aborted.
 */
#ifndef ASSESS_PORTFOLIO_BOOK_H
#define ASSESS_PORTFOLIO_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "common/error.h"
#include "policies/policy.h"
#include "portfolio/tally.h"
#include "scoring/scoring.h"
#include "xlsx/xlsx.h"

typedef struct portfolio_book_options {
	qn_lang lang;
	bool replace;            /* replace an existing file (--force) */
	time_t created;          /* document date; 0 for now */
	xlsx_env env;            /* from the CLI: scratch folder ($TMPDIR; NULL: /tmp), hush */
	const policy *policy;    /* NULL: no subsidy column, no budget */
	bool reports;            /* a column naming each enterprise's report file */
	const char *reports_dir; /* their folder: each name links to its file (relative path) */
} portfolio_book_options;

/* Where a failure happened, for the Errors sheet. */
typedef enum {
	PORTFOLIO_STEP_INPUT,     /* reading or scoring the answers */
	PORTFOLIO_STEP_DUPLICATE, /* the same credit code and stage seen before */
	PORTFOLIO_STEP_SUBSIDY,   /* the subsidy could not be computed (the row is kept) */
	PORTFOLIO_STEP_REPORT     /* the diagnostic report could not be written */
} portfolio_step;

typedef struct portfolio_row {
	size_t seq;         /* row number, 1-based */
	const char *source; /* "a.json", "part.ndjson:12" */
	const scoring_result *score;
	const portfolio_subsidy *subsidy; /* NULL or not computed: the cell stays empty */
	const char *report_file;          /* NULL when no report */
} portfolio_row;

typedef struct portfolio_book portfolio_book;

portfolio_book *portfolio_book_new(const char *path, const portfolio_book_options *o,
				   assess_error *err);
assess_code portfolio_book_row(portfolio_book *b, const portfolio_row *row, assess_error *err);
/* e is the failure as the loader reported it (file, line, column, path, message). */
assess_code portfolio_book_error(portfolio_book *b, portfolio_step step, const assess_error *e,
				 assess_error *err);
/* Writes the summary sheets, closes and commits the file; frees b either way. */
assess_code portfolio_book_close(portfolio_book *b, const portfolio_tally *t,
				 const portfolio_targets *targets, assess_error *err);
/* Leaves no file behind; frees b. Accepts NULL. */
void portfolio_book_abort(portfolio_book *b);

#endif
