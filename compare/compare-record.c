/*
 * The record's fields as the comparison reads them (compare_internal.h): assessment.source,
 * the instrument stamp and the evidence of answers/record.h. A file without an evidence list
 * (format 1) counts its notes as what the assessor saw.
 */
#include "config.h"
#include "compare/compare_internal.h"

#include <string.h>
#include "answers/record.h"
#include "common/text.h"

const char *compare_source(const answers *a)
{
	answers_origin o = answers_origin_get(a);
	return o == ANSWERS_SOURCE_NONE ? NULL : answers_origin_name(o);
}

compare_instrument compare_recorded_instrument(const answers *a)
{
	return (compare_instrument){answers_questionnaire_version(a),
				    answers_questionnaire_sha256(a)};
}

static bool has_note(const answers *a, size_t i)
{
	const char *note = answers_get(a, i)->note;
	return note && *note;
}

size_t compare_evidence_count(const answers *a, size_t question_index)
{
	if (answers_evidence_total(a))
		return answers_evidence_count(a, question_index);
	return has_note(a, question_index) ? 1 : 0;
}

static bool same_item(const answers_evidence *x, const answers_evidence *y)
{
	if (x->sha256 && y->sha256)
		return strcmp(x->sha256, y->sha256) == 0;
	return strcmp(x->title, y->title) == 0 &&
	       (x->file && y->file ? strcmp(x->file, y->file) == 0 : !x->file && !y->file);
}

/* An item of AFTER that BEFORE does not have (by hash, else by title and file). */
static bool item_added(const answers *before, const answers *after, size_t i)
{
	for (size_t k = 0; k < answers_evidence_count(after, i); k++) {
		const answers_evidence *e = answers_evidence_get(after, i, k);
		bool seen = false;
		for (size_t j = 0; !seen && j < answers_evidence_count(before, i); j++)
			seen = same_item(e, answers_evidence_get(before, i, j));
		if (!seen)
			return true;
	}
	return false;
}

bool compare_evidence_added(const answers *before, const answers *after, size_t question_index)
{
	if (answers_evidence_total(after))
		return item_added(before, after, question_index);
	const char *nb = answers_get(before, question_index)->note;
	const char *na = answers_get(after, question_index)->note;
	return na && *na && !(nb && strcmp(nb, na) == 0);
}

/* The items, one a line, as many as fit in buf. */
static void items_text(const answers *a, size_t question_index, char *buf, size_t size)
{
	size_t used = 0;
	for (size_t k = 0; k < answers_evidence_count(a, question_index) && used < size; k++) {
		const answers_evidence *e = answers_evidence_get(a, question_index, k);
		text_appendf(buf, size, &used, "%s%s%s%s%s%.12s%s", used ? "\n" : "", e->title,
			     e->file ? " (" : "", e->file ? e->file : "",
			     e->sha256 ? ", sha256 " : "", e->sha256 ? e->sha256 : "",
			     e->file ? ")" : "");
	}
}

void compare_evidence_text(const answers *a, size_t question_index, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!answers_evidence_total(a))
		snprintf(buf, size, "%s",
			 has_note(a, question_index) ? answers_get(a, question_index)->note : "");
	else
		items_text(a, question_index, buf, size);
	/* A text cut to the buffer goes into the workbook's XML as it is: no half character. */
	buf[text_prefix_bytes(buf, size)] = '\0';
}
