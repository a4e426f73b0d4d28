/*
 * compare-book.h - the acceptance workbook (验收对比表) of a comparison.
 *
 * Sheets, Chinese first (English with lang): 概览 Overview (enterprise, the two files, points
 * and level before and after, every condition of every level's gate, the verdict with a policy,
 * and a sign-off block for the assessors and the enterprise), 题目对比 Questions (every
 * question's answer and points before and after, changed rows highlighted), 场景对比 Scenarios
 * (the 16 scenario levels before and after, with a chart), 佐证登记 Evidence (what each file
 * records per question). Headers are frozen and print on every page; long texts wrap in
 * columns sized for CJK, rows grow to hold them.
 *
 * Written through xlsx/ (temporary file, verified, renamed), so a failure leaves nothing and
 * the old file as it was.
 *
 * Ownership: nothing is kept; the options' strings are borrowed for the call.
 */
#ifndef ASSESS_COMPARE_BOOK_H
#define ASSESS_COMPARE_BOOK_H

#include <time.h>
#include "compare/compare.h"
#include "compare/verdict.h"
#include "xlsx/xlsx.h"

typedef struct compare_book_options {
	qn_lang lang;
	bool replace;   /* --force: replace an existing file */
	xlsx_env env;   /* from the CLI (scratch folder, libxlsxwriter's messages) */
	time_t created; /* SOURCE_DATE_EPOCH; 0: AFTER's date at midnight UTC, else now */
} compare_book_options;

/* v may be NULL (no --policy). */
assess_code compare_book_write(const compare_result *c, const compare_verdict *v, const char *path,
			       const compare_book_options *o, assess_error *err);

#endif
