/*
 * form-layout.h - where things are in a self-assessment form, shared by the writer and the import.
 *
 * The layout is a function of the instrument and the form's language only, so the import
 * derives every cell it reads from the instrument it resolved, and checks each question's id
 * cell before trusting the row: nothing about positions is taken from the file.
 *
 * Sheets: instructions, profile, one per dimension (header row FORM_HEAD_ROW, questions from the
 * next row in instrument order), and the hidden FORM_META_SHEET with the instrument's id,
 * version and SHA-256 (also in the custom document properties) and the drop-down lists.
 *
 * Internal to form/; nothing here allocates.
 */
#ifndef ASSESS_FORM_LAYOUT_H
#define ASSESS_FORM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "answers/answers.h"
#include "common/lang.h"
#include "questionnaires/questionnaire.h"

#define FORM_META_SHEET "_assess"
/*
 * meta!B1: which layout this file follows. Layout 2 added the subsidy inputs sheet; a reader
 * that knows only layout 1 refuses a layout 2 form rather than dropping its figures unseen.
 */
#define FORM_MAGIC "assess-form-2"
#define FORM_MAGIC_V1 "assess-form-1" /* read: the same sheets without the subsidy inputs */
#define FORM_MAGIC_PREFIX "assess-form-"
#define FORM_PROP_ID "assess.questionnaire"
#define FORM_PROP_VERSION "assess.questionnaire_version"
#define FORM_PROP_SHA256 "assess.questionnaire_sha256"
/* Rows of the meta sheet (0-based; column B holds the value). */
enum {
	FORM_META_MAGIC,
	FORM_META_ID,
	FORM_META_VERSION,
	FORM_META_SHA256,
	FORM_META_LANG,
	FORM_META_ROWS
};
/* Meta rows from here on hold each question's drop-down items (C..) and points (row below). */
#define FORM_META_LIST_ROW 8

/* Dimension sheets: columns (0-based) and the header row. */
enum {
	FORM_COL_ID,
	FORM_COL_INDICATOR,
	FORM_COL_QUESTION,
	FORM_COL_ANSWER,
	FORM_COL_POINTS,
	FORM_COL_NOTES,
	FORM_COL_EVIDENCE,
	FORM_COL_TICKS
};
#define FORM_HEAD_ROW 2
#define FORM_TICK "✓"

/* The profile sheet: one row per field, label in A, value in B, from row FORM_PROFILE_ROW. */
#define FORM_PROFILE_ROW 2
typedef enum { FORM_PF_FIELD, FORM_PF_ABOVE_SCALE, FORM_PF_STAGE } form_profile_kind;
typedef struct form_profile_row {
	form_profile_kind kind;
	answers_field field;       /* for FORM_PF_FIELD */
	answers_profile_item item; /* its label: form_profile_label() */
	const char *hint_zh, *hint_en;
} form_profile_row;
extern const form_profile_row form_profile_rows[];
extern const size_t form_profile_n_rows;
/* The row's label in column A, as the writer writes it and the import expects it. */
const char *form_profile_label(const form_profile_row *p, qn_lang lang);

/*
 * The subsidy inputs sheet (after the profile): the status flags and finance figures of
 * docs/answer-format.md, one a row from FORM_SUBSIDY_ROW (header the row above), the key in B
 * (checked on import), the value in C, the project id in E. project_spend's one project is
 * given on its first part's row; batch and the flags take none.
 */
#define FORM_SUBSIDY_ROW 2
enum {
	FORM_SC_LABEL,
	FORM_SC_KEY,
	FORM_SC_VALUE,
	FORM_SC_UNIT,
	FORM_SC_PROJECT,
	FORM_SC_MEANING,
	FORM_SC_COLS
};
typedef enum { FORM_SR_STATUS, FORM_SR_MONEY, FORM_SR_SPEND, FORM_SR_BATCH } form_subsidy_kind;
typedef struct form_subsidy_row {
	form_subsidy_kind kind;
	int item;            /* a policy_status (FORM_SR_STATUS) or a policy_field */
	bool project;        /* E is an input: the figure's project (project_spend's, on its row) */
	const char *zh, *en; /* what it means, one line: form_subsidy_meaning() */
} form_subsidy_row;
extern const form_subsidy_row form_subsidy_rows[];
extern const size_t form_subsidy_n_rows;
const char *form_sheet_subsidy(qn_lang lang);
/*
 * What the row means, column F: the row's own line, but the above-scale flag's names the
 * profile sheet's row it must agree with, by that sheet's and that row's names (into buf).
 */
const char *form_subsidy_meaning(const form_subsidy_row *r, qn_lang lang, char *buf, size_t size);
/* The key in column B: "pilot_enterprise", "project_spend.software", "batch". */
const char *form_subsidy_key(const form_subsidy_row *r);
/*
 * A number cell's text read exactly ("420000", "4.2E+5", "420000.0"): 1 and *out when it is a
 * whole number (clamped to INT64_MIN/INT64_MAX beyond them), 0 for a number with a fraction,
 * -1 when the text is not a number.
 */
int form_whole_number(const char *text, int64_t *out);

const char *form_sheet_instructions(qn_lang lang);
const char *form_sheet_profile(qn_lang lang);
/* The dimension's sheet name, made safe for Excel (31 characters, no []:*?/\). */
void form_sheet_dimension(const qn_dimension *d, qn_lang lang, char *buf, size_t size);
/* The question's row (0-based) on its dimension's sheet. */
uint32_t form_question_row(const questionnaire *q, const qn_question *question);
/* Meta-sheet row of a question's drop-down items (the points are on the next row). */
uint32_t form_meta_row(const qn_question *question);
/* A single-choice drop-down item: "B. 已建成…" into buf. */
const char *form_option_item(const qn_option *o, qn_lang lang, char *buf, size_t size);
/*
 * The stage as the form's drop-down offers it and the import reads it back (in either
 * language): ANSWERS_STAGE_BEFORE_AFTER. NULL for no stage. Yes and no are lang_yes()/lang_no().
 */
const char *form_stage_word(answers_stage s, qn_lang lang);
/* Separates the evidence column from the notes inside an answer's one note text. */
#define FORM_EVIDENCE_MARK "\n[佐证] "

/* The lower-case hex SHA-256 of the instrument's definition file. */
assess_code form_instrument_sha256(const questionnaire *q, char out[65], assess_error *err);

#endif
