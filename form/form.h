/*
 * form.h - the self-assessment workbook: write a form to fill in Excel or WPS, import it back.
 *
 *     form_options fo = {.lang = QN_LANG_ZH, .prefill = baseline};
 *     if (form_write(q, &fo, "acme-form.xlsx", &err)) ...
 *
 *     answers *a = form_import("acme-form.xlsx", resolve, ctx, &io, &err);
 *     answers_save(a, "acme.json", 0, &err);
 *
 * The form carries the instrument's id, version and SHA-256 (custom document properties and a
 * hidden sheet); the import refuses a form made for another instrument or version, and
 * recomputes everything from the input cells: the formulas' feedback in the sheet is never read.
 * Errors name the cell: "acme-form.xlsx: 数字化基础!D5: reason" (ASSESS_ERR_DATA).
 *
 * Ownership: form_write borrows everything. form_import returns answers the caller frees with
 * answers_free(); the questionnaire they point to is the resolver's.
 */
#ifndef ASSESS_FORM_H
#define ASSESS_FORM_H

#include <stdbool.h>
#include <time.h>
#include "answers/answers.h"
#include "common/error.h"
#include "common/lang.h"
#include "questionnaires/questionnaire.h"
#include "xlsx/xlsx.h"

typedef struct form_options {
	qn_lang lang;
	bool replace;           /* replace an existing output (--force) */
	const answers *prefill; /* answers to fill in, or NULL; must be for the same instrument */
	xlsx_env env;           /* from the CLI: scratch folder, hush (xlsx/xlsx.h) */
	time_t created;         /* document time (SOURCE_DATE_EPOCH, from the CLI); 0: now */
} form_options;

/* Writes the form atomically; it is read back and checked before the rename (xlsx/xlsx.h). */
assess_code form_write(const questionnaire *q, const form_options *o, const char *path,
		       assess_error *err);

typedef struct form_import_options {
	bool allow_incomplete; /* unanswered questions are allowed (else ASSESS_ERR_INCOMPLETE) */
	time_t now;            /* the import time stamped on each answer; 0 means time(NULL) */
	/* Filled by the import: how many questions are unanswered, and the first of them. */
	size_t n_missing;
	char missing[600]; /* "数字化基础!H4 (F1), ..." */
} form_import_options;

/*
 * Reads a filled form. Unanswered questions fail with ASSESS_ERR_INCOMPLETE listing them
 * (each as SHEET!CELL) unless allow_incomplete. The answers come back as a self-assessment
 * (assessment.source "self") with one history entry per answer stamped with o->now.
 */
answers *form_import(const char *path, answers_resolver resolve, void *ctx, form_import_options *o,
		     assess_error *err);

#endif
