/*
 * compare_internal.h - what the compare module's files share; not part of its interface.
 *
 * The record's fields (who declared, which instrument version, what evidence was seen) are read
 * here in one place, compare-record.c, so the rest of the module does not care how answers/
 * keeps them.
 */
#ifndef ASSESS_COMPARE_INTERNAL_H
#define ASSESS_COMPARE_INTERNAL_H

#include "compare/compare.h"

/* assessment.source: "self", "onsite", or NULL when the file does not say. Borrowed. */
const char *compare_source(const answers *a);

/* The instrument a file records it was answered with; NULL members when it does not say. */
typedef struct compare_instrument {
	const char *version;
	const char *sha256;
} compare_instrument;
compare_instrument compare_recorded_instrument(const answers *a);

/* Evidence recorded for one question (items, or a note in files without an evidence list). */
size_t compare_evidence_count(const answers *a, size_t question_index);
/* AFTER records evidence for the question that BEFORE does not. */
bool compare_evidence_added(const answers *before, const answers *after, size_t question_index);

/* What a file records for one question, one item a line ("" when nothing). */
void compare_evidence_text(const answers *a, size_t question_index, char *buf, size_t size);

/* Verification: fills every differing question's level_if_declared and changes_level. */
assess_code compare_levels_if_declared(compare_result *c, assess_error *err);

#endif
