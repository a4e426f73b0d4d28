/*
 * jsonlex.h - where the tokens of a JSON text end, in text cJSON has parsed.
 *
 * cJSON keeps no positions, so what needs one walks the text again: common/jsoncheck.h for
 * the strings cJSON decodes too leniently, common/jsonpos.h for where a path's value stands.
 * Both walk text that cJSON took (or read as far as it could), so what separates its tokens is
 * what cJSON skipped, and these functions only find where a token ends: they check nothing.
 * A position is a byte offset into text[0, len); each function returns len when the text ends
 * first.
 *
 *     size_t i = jsonlex_space(text, len, 0);
 *     if (i < len && text[i] == '"')
 *             i = jsonlex_string(text, len, i);   // past the closing quote
 */
#ifndef ASSESS_JSONLEX_H
#define ASSESS_JSONLEX_H

#include <stddef.h>

/*
 * Past the whitespace at i: cJSON's, every byte up to the space (NUL too), not only the four
 * of RFC 8259. A scan that stopped at a form feed cJSON stepped over would miss what follows.
 */
size_t jsonlex_space(const char *text, size_t len, size_t i);
/* Past the string whose opening quote is at i; a backslash takes the byte after it along. */
size_t jsonlex_string(const char *text, size_t len, size_t i);
/* Past the number, true, false or null at i: to the , ] } or whitespace after it. */
size_t jsonlex_scalar(const char *text, size_t len, size_t i);
/* Past the value at or after whitespace at i: an object or array with all it holds. */
size_t jsonlex_value(const char *text, size_t len, size_t i);

#endif
