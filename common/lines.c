#include "config.h"
#include "common/lines.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LINES_CHUNK (64u << 10)

struct lines_reader {
	int fd;
	char *buf;
	size_t cap;   /* bytes allocated; data never fills the last one (room for a NUL) */
	size_t start; /* first byte not yet returned */
	size_t end;   /* end of the bytes read */
	size_t max_len;
	size_t consumed; /* bytes returned or skipped before buf[start] */
	long number;
	bool eof;
	void (*before_wait)(void *ctx);
	void *ctx;
};

lines_reader *lines_new(int fd, size_t max_len, void (*before_wait)(void *ctx), void *ctx)
{
	lines_reader *l = calloc(1, sizeof *l);
	if (!l)
		return NULL;
	l->cap = LINES_CHUNK < max_len + 2 ? LINES_CHUNK : max_len + 2;
	l->buf = malloc(l->cap);
	if (!l->buf) {
		free(l);
		return NULL;
	}
	l->fd = fd;
	l->max_len = max_len;
	l->before_wait = before_wait;
	l->ctx = ctx;
	return l;
}

void lines_free(lines_reader *l)
{
	if (!l)
		return;
	free(l->buf);
	free(l);
}

int lines_blank(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\f' &&
		    text[i] != '\v')
			return 0;
	return 1;
}

/* Moves the unread bytes to the front and reads more; grows the buffer up to max_len + 2. */
static lines_status fill(lines_reader *l)
{
	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->consumed += l->start;
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end + 1 >= l->cap && l->cap < l->max_len + 2) {
		size_t cap = l->cap * 2 < l->max_len + 2 ? l->cap * 2 : l->max_len + 2;
		char *grown = realloc(l->buf, cap);
		if (!grown)
			return LINES_NOMEM;
		l->buf = grown;
		l->cap = cap;
	}
	if (l->before_wait)
		l->before_wait(l->ctx);
	ssize_t n;
	do
		n = read(l->fd, l->buf + l->end, l->cap - 1 - l->end);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return LINES_IOERR;
	if (n == 0)
		l->eof = true;
	l->end += (size_t)n;
	return LINES_OK;
}

/* Drops the rest of an over-long line, up to and including its LF. */
static lines_status skip_line(lines_reader *l)
{
	for (;;) {
		char *nl = memchr(l->buf + l->start, '\n', l->end - l->start);
		if (nl) {
			l->start = (size_t)(nl - l->buf) + 1;
			return LINES_TOO_LONG;
		}
		l->start = l->end;
		if (l->eof)
			return LINES_TOO_LONG;
		lines_status st = fill(l);
		if (st != LINES_OK)
			return st;
	}
}

static void take(lines_reader *l, size_t len, size_t next, lines_line *line)
{
	char *text = l->buf + l->start;
	text[len] = '\0';
	if (len > 0 && text[len - 1] == '\r')
		text[--len] = '\0';
	if (l->number == 0 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	l->number++;
	l->start = next;
	*line = (lines_line){.text = text,
			     .len = len,
			     .number = l->number,
			     .offset = l->consumed + l->start};
}

lines_status lines_next(lines_reader *l, lines_line *line)
{
	for (;;) {
		size_t have = l->end - l->start;
		char *nl = memchr(l->buf + l->start, '\n', have);
		if (nl) {
			size_t len = (size_t)(nl - (l->buf + l->start));
			if (len > l->max_len + (nl > l->buf + l->start && nl[-1] == '\r'))
				goto too_long;
			take(l, len, l->start + len + 1, line);
			return LINES_OK;
		}
		if (l->eof) {
			if (have == 0)
				return LINES_EOF;
			take(l, have, l->end, line);
			return LINES_OK;
		}
		if (have > l->max_len)
			goto too_long;
		lines_status st = fill(l);
		if (st != LINES_OK)
			return st;
	}
too_long:
	l->number++;
	lines_status st = skip_line(l);
	*line = (lines_line){.text = NULL,
			     .len = 0,
			     .number = l->number,
			     .offset = l->consumed + l->start};
	return st;
}
