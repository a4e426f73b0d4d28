/*
 * lines.h - read NDJSON input one line at a time, in bounded memory.
 *
 * getline() would grow its buffer to the longest line it meets, so one runaway line (a file
 * that is not NDJSON at all) could take all memory. This reader keeps one buffer that grows to
 * at most max_len bytes: a longer line is skipped to its end and reported as too long, and the
 * lines after it are read as usual. A UTF-8 byte-order mark before the first line and a CR
 * before each LF are dropped.
 *
 *     portfolio_lines *l = portfolio_lines_new(STDIN_FILENO, 8 << 20, NULL, NULL);
 *     portfolio_line line;
 *     while (portfolio_lines_next(l, &line) == PORTFOLIO_LINE_OK) ...
 *     portfolio_lines_free(l);
 *
 * It reads the file descriptor with read(2), which returns what is there rather than waiting for
 * a full buffer, and calls before_wait (if given) each time it is about to read: a filter flushes
 * its output there, so that a program feeding it a line at a time gets each answer promptly.
 *
 * Ownership: the reader borrows the descriptor (the caller closes it). line.text points into the
 * reader's buffer and is valid until the next call.
 */
#ifndef ASSESS_PORTFOLIO_LINES_H
#define ASSESS_PORTFOLIO_LINES_H

#include <stddef.h>

typedef enum {
	PORTFOLIO_LINE_OK,        /* a line: text, len, number */
	PORTFOLIO_LINE_TOO_LONG,  /* a line longer than max_len was skipped; number is set */
	PORTFOLIO_LINE_EOF,       /* no more lines */
	PORTFOLIO_LINE_IOERR,     /* reading failed (errno is set) */
	PORTFOLIO_LINE_NOMEM
} portfolio_line_status;

typedef struct portfolio_line {
	char *text;      /* NUL-terminated, without the line end */
	size_t len;
	long number;     /* 1-based */
	size_t offset;   /* bytes of input consumed so far, for progress */
} portfolio_line;

typedef struct portfolio_lines portfolio_lines;

portfolio_lines *portfolio_lines_new(int fd, size_t max_len, void (*before_wait)(void *ctx),
				     void *ctx);
portfolio_line_status portfolio_lines_next(portfolio_lines *l, portfolio_line *line);
void portfolio_lines_free(portfolio_lines *l);

/* True if the line holds nothing but white space (such lines are skipped, not errors). */
int portfolio_line_blank(const char *text, size_t len);

#endif
