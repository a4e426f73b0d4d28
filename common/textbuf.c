#include "config.h"
#include "common/textbuf.h"

#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"
#include "common/grow.h"
#include "common/jsonbytes.h"

static bool reserve(textbuf *b, size_t extra)
{
	if (b->failed)
		return false;
	/* A length past size_t is refused like memory that runs out. */
	size_t need = b->len + 1 + extra;
	char *grown = need > extra ? grow_array(b->data, &b->cap, need, 1, 256) : NULL;
	if (!grown) {
		b->failed = true;
		return false;
	}
	b->data = grown;
	return true;
}

void textbuf_reset(textbuf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->data)
		b->data[0] = '\0';
}

void textbuf_free(textbuf *b)
{
	free(b->data);
	*b = (textbuf){0};
}

/* The slow path of textbuf_addn(): grow, then append. */
void textbuf_grow_add(textbuf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* The escape for a quote, a backslash or a control character. */
static void add_escape(textbuf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[7] = {'\\', (char)c, 0};
	if (c == '\n')
		esc[1] = 'n';
	else if (c == '\t')
		esc[1] = 't';
	else if (c == '\r')
		esc[1] = 'r';
	else if (c < 0x20)
		memcpy(esc + 1, (char[]){'u', '0', '0', hex[c >> 4], hex[c & 15]}, 5);
	textbuf_add(b, esc);
}

void textbuf_json_string(textbuf *b, const char *s)
{
	if (!s) {
		textbuf_lit(b, "null");
		return;
	}
	size_t n = strlen(s), run = 0, i = 0;
	textbuf_lit(b, "\"");
	while (i < n) {
		if (n - i >= 8) {
			uint64_t flags = jsonbytes_stops(jsonbytes_load8(s + i));
			if (!flags) {
				i += 8;
				continue;
			}
			i += jsonbytes_first(flags);
		} else if ((unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\') {
			i++;
			continue;
		}
		textbuf_addn(b, s + run, i - run);
		add_escape(b, (unsigned char)s[i]);
		run = ++i;
	}
	textbuf_addn(b, s + run, n - run);
	textbuf_lit(b, "\"");
}

void textbuf_uint(textbuf *b, uint64_t v)
{
	if (v < 10) { /* most numbers of a result line: counts and levels */
		char digit = (char)('0' + v);
		textbuf_addn(b, &digit, 1);
		return;
	}
	char digits[24];
	size_t n = sizeof digits;
	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	textbuf_addn(b, digits + n, sizeof digits - n);
}

void textbuf_int(textbuf *b, int64_t v)
{
	if (v < 0)
		textbuf_addn(b, "-", 1);
	textbuf_uint(b, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

/* Same text as decimal_format_milli(), without printf: a stream writes several per line. */
void textbuf_milli(textbuf *b, int64_t milli)
{
	uint64_t a = milli < 0 ? (uint64_t)0 - (uint64_t)milli : (uint64_t)milli;
	unsigned frac = (unsigned)(a % DECIMAL_MILLI);
	if (milli < 0)
		textbuf_addn(b, "-", 1);
	textbuf_uint(b, a / DECIMAL_MILLI);
	if (frac == 0)
		return;
	char digits[4] = {'.', (char)('0' + frac / 100), (char)('0' + frac / 10 % 10),
			  (char)('0' + frac % 10)};
	size_t n = 4;
	while (digits[n - 1] == '0')
		n--;
	textbuf_addn(b, digits, n);
}
