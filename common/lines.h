/*
 * lines.h - read NDJSON input one line at a time, in bounded memory.
 *
 * getline() would grow its buffer to the longest line it meets, so one runaway line (a file
 * that is not NDJSON at all) could take all memory. This reader keeps one buffer that grows to
 * at most max_len bytes: a longer line is skipped to its end and reported as too long, and the
 * lines after it are read as usual. A UTF-8 byte-order mark before the first line and a CR
 * before each LF are dropped.
 *
 *     lines_reader *l = lines_new(STDIN_FILENO, 8 << 20, NULL, NULL);
 *     lines_line line;
 *     while (lines_next(l, &line) == LINES_OK) ...
 *     lines_free(l);
 *
 * It reads the file descriptor with read(2), which returns what is there rather than waiting for
 * a full buffer, and calls before_wait (if given) each time it is about to read: a filter flushes
 * its output there, so that a program feeding it a line at a time gets each answer promptly.
 *
 * Ownership: the reader borrows the descriptor (the caller closes it). line.text points into the
 * reader's buffer and is valid until the next call.
 */
#ifndef ASSESS_LINES_H
#define ASSESS_LINES_H

#include <stddef.h>

typedef enum {
	LINES_OK,       /* a line: text, len, number */
	LINES_TOO_LONG, /* a line longer than max_len was skipped; number is set */
	LINES_EOF,      /* no more lines */
	LINES_IOERR,    /* reading failed (errno is set) */
	LINES_NOMEM
} lines_status;

typedef struct lines_line {
	char *text; /* NUL-terminated, without the line end */
	size_t len;
	long number;   /* 1-based */
	size_t offset; /* bytes of input consumed so far, for progress */
} lines_line;

typedef struct lines_reader lines_reader;

lines_reader *lines_new(int fd, size_t max_len, void (*before_wait)(void *ctx), void *ctx);
lines_status lines_next(lines_reader *l, lines_line *line);
void lines_free(lines_reader *l);

/* True if the line holds nothing but white space (such lines are skipped, not errors). */
int lines_blank(const char *text, size_t len);

#endif
