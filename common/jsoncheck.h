/*
 * jsoncheck.h - what cJSON accepts but a data file may not hold: repeated keys, NULs and
 * control characters in strings.
 *
 * cJSON takes an object that repeats a key (and keeps both members), copies raw control bytes
 * inside strings (RFC 8259 forbids them), and cuts a string at an escaped \u0000, so
 * "ACME\u0000EVIL" would load as "ACME". Loaders run these checks after cJSON parsed a text
 * and refuse the text with the JSON path they give. Both are linear in the text.
 *
 *     char path[160] = "$";
 *     size_t at;
 *     jsoncheck_char bad = jsoncheck_strings(text, len, path, sizeof path, &at);
 *     if (bad.kind) ...refuse at offset `at`, path `path`...
 *     int dup = jsoncheck_duplicate(root, path, sizeof path, &key);  (1: a repeat)
 */
#ifndef ASSESS_JSONCHECK_H
#define ASSESS_JSONCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <cjson/cJSON.h>

typedef enum {
	JSONCHECK_OK = 0,
	JSONCHECK_NUL,    /* \u0000 in a string or key */
	JSONCHECK_RAW,    /* a byte below 0x20 written as it is inside a string */
	JSONCHECK_ESCAPED /* an escaped control character other than \t \n \r */
} jsoncheck_kind;

typedef struct {
	jsoncheck_kind kind;
	unsigned code; /* the character, U+0000 to U+001F */
} jsoncheck_char;

/*
 * Scans a text cJSON parsed for the first string or key holding a NUL or a control character
 * (tab, line feed and carriage return are allowed when escaped, as notes need them). On a find,
 * sets path (which holds "$" or the path of the text's root on entry, cap bytes) to the JSON
 * path of the string and *offset to the offending byte. Text that is not JSON is scanned as
 * far as it is, and what follows is not reported.
 */
jsoncheck_char jsoncheck_strings(const char *text, size_t len, char *path, size_t cap,
				 size_t *offset);
/* The message for a find ("a NUL character (\u0000) is not allowed in text"), in buf. */
const char *jsoncheck_message(jsoncheck_char c, char *buf, size_t size);

/*
 * How deep text[0..offset) leaves the nesting of objects and arrays (strings skipped): cJSON
 * stops at CJSON_NESTING_LIMIT levels and says only where, so a loader asks this to say why.
 */
size_t jsoncheck_depth(const char *text, size_t offset);

/*
 * Looks in the tree for an object that repeats a key, in document order; on a find, appends
 * the path of the second member so named to path (which holds the root's path on entry), sets
 * *key to its key (in the tree) and returns 1. 0 when every object's keys differ, -1 when
 * memory runs out.
 */
int jsoncheck_duplicate(const cJSON *root, char *path, size_t cap, const char **key);

#endif
