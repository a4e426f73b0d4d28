/*
 * jsonpos.h - find where a JSON path points in the source text.
 *
 * cJSON keeps no positions, so when a loader rejects a value it asks this scanner where the
 * value stands, to report file:line:column as well as the path. Only error paths use it.
 */
#ifndef ASSESS_JSONPOS_H
#define ASSESS_JSONPOS_H

#include <stdbool.h>
#include <stddef.h>

/*
 * path is "$", "$.answers.F1" or "$.awards[2].name". Sets *offset to the first byte of the
 * value (for the occurrence-th member of that name, counting from 1, when an object repeats a
 * key). Returns false if the text has no such value.
 */
bool jsonpos_find(const char *text, size_t len, const char *path, int occurrence, size_t *offset);

#endif
