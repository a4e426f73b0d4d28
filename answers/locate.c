/*
 * locate.c - where a JSON path stands in the text the answers were read from. cJSON keeps no
 * positions, and checks made after loading (the subsidy engine's finance, status and awards)
 * still name line and column: the text is kept for them and scanned only on an error.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include "common/jsonpos.h"
#include "common/text.h"

bool answers_locate(const answers *a, const char *json_path, int *line, int *col)
{
	char full[ASSESS_ERROR_PATH_MAX + 2];
	size_t off;
	*line = *col = 0;
	if (!a || !a->text || !json_path)
		return false;
	if (json_path[0] != '$') {
		snprintf(full, sizeof full, "$.%s", json_path);
		json_path = full;
	}
	if (!jsonpos_find(a->text, a->text_len, json_path, 1, &off))
		return false;
	text_position(a->text, off, line, col);
	return true;
}
