/*
 * textbuf.h - a growable text buffer for writing JSON lines without building a tree.
 *
 * Scoring a stream writes one small JSON object per input line. Building a cJSON tree for each
 * costs more than the scoring itself, so the line is appended to a buffer that is reused from
 * one line to the next: after the first few lines nothing is allocated.
 *
 *     textbuf b = {0};
 *     textbuf_add(&b, "{\"total\":");
 *     textbuf_milli(&b, 48875);           // 48.875, exact
 *     textbuf_add(&b, "}");
 *     if (!b.failed) fwrite(b.data, 1, b.len, out);
 *     textbuf_free(&b);
 *
 * Ownership: the buffer owns data; textbuf_free() releases it and leaves an empty buffer.
 * An allocation failure sets `failed` and turns later appends into no-ops, so a writer checks
 * once at the end.
 */
#ifndef ASSESS_TEXTBUF_H
#define ASSESS_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct textbuf {
	char *data; /* NUL-terminated once anything was added */
	size_t len;
	size_t cap;
	bool failed; /* an allocation failed: the contents are incomplete */
} textbuf;

/* Empties the buffer for reuse, keeping its memory; clears `failed`. */
void textbuf_reset(textbuf *b);
void textbuf_free(textbuf *b);
void textbuf_grow_add(textbuf *b, const char *s, size_t n);

/* Inline, so that appending a literal costs a copy of a few bytes, not two library calls. */
static inline void textbuf_addn(textbuf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap && !b->failed) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		textbuf_grow_add(b, s, n);
	}
}

static inline void textbuf_add(textbuf *b, const char *s) { textbuf_addn(b, s, strlen(s)); }

/* A string literal: its length is known when compiling, so no strlen per call. */
#define textbuf_lit(b, literal) textbuf_addn((b), "" literal, sizeof(literal) - 1)

/* s as a JSON string literal, quotes included; s must be valid UTF-8 (NULL writes null). */
void textbuf_json_string(textbuf *b, const char *s);
void textbuf_int(textbuf *b, int64_t v);
void textbuf_uint(textbuf *b, uint64_t v);
/* Thousandths as the shortest exact decimal, which is also a JSON number: 59999 -> 59.999. */
void textbuf_milli(textbuf *b, int64_t milli);

#endif
