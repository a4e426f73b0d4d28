/* The record's fields as the comparison reads them (compare_internal.h). */
#include "config.h"
#include "compare/compare_internal.h"

#include <stdio.h>
#include <string.h>

const char *compare_source(const answers *a)
{
	(void)a;
	return NULL;
}

compare_instrument compare_recorded_instrument(const answers *a)
{
	(void)a;
	return (compare_instrument){NULL, NULL};
}

size_t compare_evidence_count(const answers *a, size_t question_index)
{
	const answer *ans = answers_get(a, question_index);
	return ans->note && *ans->note ? 1 : 0;
}

bool compare_evidence_added(const answers *before, const answers *after, size_t question_index)
{
	const char *nb = answers_get(before, question_index)->note;
	const char *na = answers_get(after, question_index)->note;
	return na && *na && !(nb && strcmp(nb, na) == 0);
}

void compare_evidence_text(const answers *a, size_t question_index, char *buf, size_t size)
{
	const char *note = answers_get(a, question_index)->note;
	snprintf(buf, size, "%s", note ? note : "");
}
