#include "config.h"
#include "portfolio/buf.h"

#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"

static bool reserve(portfolio_buf *b, size_t extra)
{
	if (b->failed)
		return false;
	if (b->len + extra + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + extra + 1)
		cap *= 2;
	char *grown = realloc(b->data, cap);
	if (!grown) {
		b->failed = true;
		return false;
	}
	b->data = grown;
	b->cap = cap;
	return true;
}

void portfolio_buf_reset(portfolio_buf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->data)
		b->data[0] = '\0';
}

void portfolio_buf_free(portfolio_buf *b)
{
	free(b->data);
	*b = (portfolio_buf){0};
}

/* The slow path of portfolio_buf_addn(): grow, then append. */
void portfolio_buf_grow_add(portfolio_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void portfolio_buf_json_string(portfolio_buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	if (!s) {
		portfolio_buf_add(b, "null");
		return;
	}
	portfolio_buf_add(b, "\"");
	const char *run = s;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		portfolio_buf_addn(b, run, (size_t)((const char *)p - run));
		char esc[7] = {'\\', (char)*p, 0};
		if (*p == '\n')
			esc[1] = 'n';
		else if (*p == '\t')
			esc[1] = 't';
		else if (*p == '\r')
			esc[1] = 'r';
		else if (*p < 0x20)
			memcpy(esc + 1, (char[]){'u', '0', '0', hex[*p >> 4], hex[*p & 15]}, 5);
		portfolio_buf_add(b, esc);
		run = (const char *)p + 1;
	}
	portfolio_buf_add(b, run);
	portfolio_buf_add(b, "\"");
}

void portfolio_buf_uint(portfolio_buf *b, uint64_t v)
{
	char digits[24];
	size_t n = sizeof digits;
	do {
		digits[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	portfolio_buf_addn(b, digits + n, sizeof digits - n);
}

void portfolio_buf_int(portfolio_buf *b, int64_t v)
{
	if (v < 0)
		portfolio_buf_addn(b, "-", 1);
	portfolio_buf_uint(b, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

/* Same text as decimal_format_milli(), without printf: a stream writes several per line. */
void portfolio_buf_milli(portfolio_buf *b, int64_t milli)
{
	uint64_t a = milli < 0 ? (uint64_t)0 - (uint64_t)milli : (uint64_t)milli;
	unsigned frac = (unsigned)(a % DECIMAL_MILLI);
	if (milli < 0)
		portfolio_buf_addn(b, "-", 1);
	portfolio_buf_uint(b, a / DECIMAL_MILLI);
	if (frac == 0)
		return;
	char digits[4] = {'.', (char)('0' + frac / 100), (char)('0' + frac / 10 % 10),
			  (char)('0' + frac % 10)};
	size_t n = 4;
	while (digits[n - 1] == '0')
		n--;
	portfolio_buf_addn(b, digits, n);
}
