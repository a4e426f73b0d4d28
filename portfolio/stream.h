/*
 * stream.h - score NDJSON answer objects line by line (`assess score --ndjson`).
 *
 * Each non-blank input line is one answer object (the format of an answer file, on one line).
 * Each gives one output line: the compact result below, or an error record naming the line and
 * the reason; the run goes on after a bad line. Memory does not grow with the input: the line
 * buffer, the output buffer and the questionnaire are reused, and each line's answers and
 * result are freed before the next. This is what lets the tool be the mapper of a Hadoop
 * Streaming or Spark pipe() job (docs/batch.md).
 *
 * Result line (one JSON object, fields in this order; numbers are exact decimals):
 *   {"source":"stdin","line":12,"questionnaire":"miit-2024",
 *    "enterprise":{"name":…,"credit_code":…,"industry":…,"size":…,"region":…,"above_scale":true},
 *    "stage":"post","date":"2026-11-20",
 *    "total":48.875,"total_milli":48875,"max":100,"level":2,
 *    "dimensions":{"F":20.75,"M":13.125,"R":15},
 *    "scenarios":{"at_least":[16,16,10,2,0],"constrained_at_least":[10,10,7,2,0]},
 *    "gates_met":[true,true,false,false],"missing":0}
 * Enterprise fields, stage and date appear only when the answer object has them.
 * Error line:
 *   {"source":"stdin","line":13,"error":{"code":"data","exit":65,"message":"…",
 *    "column":20,"path":"$.answers.F1"}}
 *
 *     portfolio_stream_options o = {.resolve = cli_questionnaire, .ctx = cli};
 *     portfolio_stream_stats st;
 *     if (portfolio_score_file("-", stdout, &o, &st, &err)) ...  // fatal: I/O, memory
 *     status = st.failed ? 65 : 0;
 *
 * Ownership: nothing is kept after a call; the resolver's questionnaires belong to its owner.
 */
#ifndef ASSESS_PORTFOLIO_STREAM_H
#define ASSESS_PORTFOLIO_STREAM_H

#include <stddef.h>
#include <stdio.h>
#include "answers/answers.h"
#include "common/error.h"
#include "common/textbuf.h"
#include "scoring/scoring.h"

/* The longest line read as an answer object; longer ones are skipped with an error record. */
#define PORTFOLIO_MAX_LINE (8u << 20)

typedef struct portfolio_stream_options {
	answers_resolver resolve;
	void *ctx;
	unsigned flags;  /* answers_parse flags: ANSWERS_ALLOW_INCOMPLETE */
	size_t max_line; /* 0 means PORTFOLIO_MAX_LINE */
} portfolio_stream_options;

typedef struct portfolio_stream_stats {
	long lines;    /* lines read, blank ones included */
	size_t scored; /* result lines written */
	size_t failed; /* error lines written */
} portfolio_stream_stats;

/*
 * Reads fd to its end and writes one line to out per non-blank input line. name is what the
 * output calls the input ("stdin", "part-0001.ndjson"). Returns ASSESS_OK when the whole input
 * was read and every output line written, whatever the lines held; ASSESS_ERR_IO (reading or
 * writing failed) or ASSESS_ERR_NOMEM stop the run. stats (may be NULL) counts what was done.
 */
assess_code portfolio_score_stream(int fd, const char *name, FILE *out,
				   const portfolio_stream_options *o, portfolio_stream_stats *stats,
				   assess_error *err);
/* The same for a file by name; "-" is standard input, called "stdin" in the output. */
assess_code portfolio_score_file(const char *path, FILE *out, const portfolio_stream_options *o,
				 portfolio_stream_stats *stats, assess_error *err);

/* The result line for one scored answer set, appended to b without a line end. */
void portfolio_result_json(textbuf *b, const char *source, long line, const scoring_result *r);
/* The error line for one input line, appended to b without a line end. */
void portfolio_error_json(textbuf *b, const char *source, long line, const assess_error *e);

/* A stable lower-case token for a code ("data", "syntax", "incomplete", ...). */
const char *portfolio_code_name(assess_code code);

/*
 * Answers parsed from one line of a file are named "FILE:LINE" so that the loader's messages
 * say where they come from; the loader then places errors at line 1 of that one-line text.
 * This rewrites such an error to FILE, LINE and the column within the line; errors about other
 * files (a questionnaire that cannot be loaded) are left as they are.
 */
void portfolio_error_relocate(assess_error *e, const char *unit_name, const char *file, long line);

#endif
