/*
 * fastjson.h - a strict JSON reader that builds cJSON's tree in reused memory, or declines.
 *
 * cJSON allocates every node and every string on its own, about 260 allocations for one answer
 * object, and cJSON_Delete() frees them one by one; on a stream of answer objects that was most
 * of the time. This reader takes the common case and builds the very tree cJSON_Parse() would,
 * in blocks of nodes and a copy of the text that are kept from one parse to the next:
 *   - RFC 8259 JSON, whitespace being space, tab, CR and LF;
 *   - strings without escapes or control characters, in valid UTF-8;
 *   - numbers that are integers of at most 15 digits (exact as doubles);
 *   - nesting at most FASTJSON_MAX_DEPTH deep, and no object repeating a key.
 * Anything else it declines, and the caller parses the text with cJSON, whose answer (the tree,
 * or where the text is wrong) then stands. So what this reader accepts is a subset of what cJSON
 * accepts, with the same tree; tests/unit/test_fastjson.c checks that on every fixture and on
 * mutations of them.
 *
 *     fastjson *fj = fastjson_new();
 *     const cJSON *root = fastjson_parse(fj, text, len);
 *     if (!root) { ...cJSON_ParseWithLength(text, len)... }
 *     fastjson_free(fj);
 *
 * Ownership: the tree belongs to the reader and lives until its next parse or fastjson_free().
 * Never hand it to cJSON_Delete(); to keep a part, copy it with cJSON_Duplicate().
 */
#ifndef ASSESS_FASTJSON_H
#define ASSESS_FASTJSON_H

#include <stddef.h>
#include <cjson/cJSON.h>

#define FASTJSON_MAX_DEPTH 64

typedef struct fastjson fastjson;

fastjson *fastjson_new(void); /* NULL when memory runs out */
void fastjson_free(fastjson *fj);
/*
 * The tree of text[0..len), or NULL when the reader declines: the text is not JSON, is JSON of a
 * kind left to cJSON (see above), or memory ran out.
 */
cJSON *fastjson_parse(fastjson *fj, const char *text, size_t len);

#endif
