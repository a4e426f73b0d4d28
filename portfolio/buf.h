/*
 * buf.h - a growable text buffer for writing JSON lines without building a tree.
 *
 * Scoring a stream writes one small JSON object per input line. Building a cJSON tree for each
 * costs more than the scoring itself, so the line is appended to a buffer that is reused from
 * one line to the next: after the first few lines nothing is allocated.
 *
 *     portfolio_buf b = {0};
 *     portfolio_buf_add(&b, "{\"total\":");
 *     portfolio_buf_milli(&b, 48875);           // 48.875, exact
 *     portfolio_buf_add(&b, "}");
 *     if (!b.failed) fwrite(b.data, 1, b.len, out);
 *     portfolio_buf_free(&b);
 *
 * Ownership: the buffer owns data; portfolio_buf_free() releases it and leaves an empty buffer.
 * An allocation failure sets `failed` and turns later appends into no-ops, so a writer checks
 * once at the end.
 */
#ifndef ASSESS_PORTFOLIO_BUF_H
#define ASSESS_PORTFOLIO_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct portfolio_buf {
	char *data;     /* NUL-terminated once anything was added */
	size_t len;
	size_t cap;
	bool failed;    /* an allocation failed: the contents are incomplete */
} portfolio_buf;

/* Empties the buffer for reuse, keeping its memory; clears `failed`. */
void portfolio_buf_reset(portfolio_buf *b);
void portfolio_buf_free(portfolio_buf *b);
void portfolio_buf_grow_add(portfolio_buf *b, const char *s, size_t n);

/* Inline, so that appending a literal costs a copy of a few bytes, not two library calls. */
static inline void portfolio_buf_addn(portfolio_buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap && !b->failed) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
	} else {
		portfolio_buf_grow_add(b, s, n);
	}
}

static inline void portfolio_buf_add(portfolio_buf *b, const char *s)
{
	portfolio_buf_addn(b, s, strlen(s));
}

/* A string literal: its length is known when compiling, so no strlen per call. */
#define portfolio_buf_lit(b, literal) portfolio_buf_addn((b), "" literal, sizeof(literal) - 1)

/* s as a JSON string literal, quotes included; s must be valid UTF-8 (NULL writes null). */
void portfolio_buf_json_string(portfolio_buf *b, const char *s);
void portfolio_buf_int(portfolio_buf *b, int64_t v);
void portfolio_buf_uint(portfolio_buf *b, uint64_t v);
/* Thousandths as the shortest exact decimal, which is also a JSON number: 59999 -> 59.999. */
void portfolio_buf_milli(portfolio_buf *b, int64_t milli);

#endif
