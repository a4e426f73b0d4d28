/*
 * interview.h - administer a questionnaire on site, one typed line at a time.
 *
 * A session walks the enterprise profile (name, credit code, industry, size, above-scale,
 * region, assessment date, stage, assessor) and then every question in document order, grouped
 * by dimension. It reads one line of input at a time and writes what to show next to a stream,
 * so it runs the same under a terminal, a pipe or a unit test; the terminal itself (line
 * editing, TTY detection) is the caller's business (assess/cmd-interview.c).
 *
 * The answer file is written atomically after every change (answers_save), so a crash or a
 * kill at any moment leaves the last complete state on disk. Keys and the line format are
 * documented in docs/interview.md.
 *
 *     interview_options o = {.lang = QN_LANG_ZH, .path = "acme.json",
 *                            .flags = INTERVIEW_CREATE, .today = "2026-11-23"};
 *     interview *iv = interview_new(a, &o, stdout);
 *     if (interview_start(iv, &err)) ...                  // first save; shows the first prompt
 *     while (interview_status_get(iv) == INTERVIEW_ASKING && (line = read(interview_prompt(iv))))
 *         interview_input(iv, line);
 *     if (interview_close(iv, &err)) ...                  // the last save failed
 *     interview_free(iv);
 *
 * Ownership: the session borrows the answers (which it fills in) and the output stream; both
 * must outlive it. Options are copied.
 */
#ifndef ASSESS_INTERVIEW_H
#define ASSESS_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "answers/answers.h"
#include "common/error.h"

typedef struct interview interview;

typedef enum {
	INTERVIEW_ASKING = 0, /* waiting for the next line */
	INTERVIEW_PAUSED,     /* the assessor saved and quit (q); the file may be incomplete */
	INTERVIEW_FINISHED    /* every question answered and the assessor finished */
} interview_status;

enum {
	INTERVIEW_CREATE = 1 << 0, /* the answer file must not exist yet (no --force) */
	INTERVIEW_RESUME =
		1 << 1, /* the answers were loaded from the file: continue where it stopped */
	/* the record was finalized and reopened (answers_reopen): its reason covers every change */
	INTERVIEW_REOPENED = 1 << 2
};

typedef struct interview_options {
	qn_lang lang;
	const char *path;  /* the answer file; written after every change */
	unsigned flags;    /* INTERVIEW_CREATE, INTERVIEW_RESUME */
	const char *today; /* YYYY-MM-DD offered as the assessment date, or NULL */
	size_t width;      /* columns to wrap text to; 0 means 80 */
	/*
	 * The team this assessor worked with last time ("张工/组长/示例服务商; 李工/评测员"), offered
	 * when the team is still empty; NULL when none is known. May be NULL.
	 */
	const char *(*remember)(const char *assessor, void *ctx);
	void *remember_ctx;
} interview_options;

/* NULL when out of memory. */
interview *interview_new(answers *a, const interview_options *o, FILE *out);
void interview_free(interview *iv);

/* Writes the answer file for the first time and shows the first screen. */
assess_code interview_start(interview *iv, assess_error *err);
/* The short prompt for the next line ("F2 [C]> "). Valid until the next call on iv. */
const char *interview_prompt(const interview *iv);
/* Acts on one line (without its newline) and shows what comes next. */
interview_status interview_input(interview *iv, const char *line);
interview_status interview_status_get(const interview *iv);
/*
 * Ends the session (end of input or after PAUSED/FINISHED): saves again if the last save
 * failed and says what is still unanswered. Fails when the file could not be written.
 */
assess_code interview_close(interview *iv, assess_error *err);

/*
 * After interview_close failed: writes the answers to a new file, STEM.rescue-N.json beside the
 * answer file, else in home (NULL: not tried), and puts its path in where. Never replaces a
 * file. Fails, with where "", when neither folder takes it.
 */
assess_code interview_rescue(interview *iv, const char *home, char *where, size_t size,
			     assess_error *err);

/*
 * Writes data to a new file STEM.KIND-N.json beside path (acme.backup-1.json), else in home
 * (NULL: not tried), and puts its path in where; "" and an error when neither takes it.
 */
assess_code interview_keep_copy(const char *path, const char *kind, const char *home,
				const char *data, size_t len, char *where, size_t size,
				assess_error *err);

/*
 * What interview_salvage took, and what it could not take ("F3 credit_code history[5…]
 * finance"): parts of the record are named by their path, with "…" where a break lost the part
 * and everything after it.
 */
typedef struct interview_salvaged {
	size_t answers, fields, notes, n_dropped;
	size_t record; /* parts of the record: source, people, visits, items, entries, flags */
	char dropped[512];
} interview_salvaged;

/*
 * What can be read from a damaged answer file's text (NUL-terminated): the questionnaire it
 * names (else fallback), and every answer, note and profile field the answers' setters accept,
 * wherever the text around them is broken; and the record (answers/record.h) part by part, as
 * the loader reads it: the source, each team member, interviewee and site visit, each evidence
 * item, flag and history entry, and the finalization (taken last, so a finalized record still
 * gets its answers). A list cut short keeps the parts before the cut. The status flags are
 * carried over (the pilot flag is asked in the profile); the finance and awards blocks are not,
 * nor the stamp of another definition of the instrument (questionnaire_sha256, named). NULL
 * with err when nothing can be read. The caller frees the answers.
 */
answers *interview_salvage(const char *text, const char *name, const char *fallback,
			   answers_resolver resolve, void *ctx, interview_salvaged *got,
			   assess_error *err);

/* The team as the profile shows and takes it ("张工/组长/示例服务商; 李工/评测员"), into buf. */
const char *interview_team_line(const interview *iv, char *buf, size_t size);

/* The terminal was resized: wrap to width columns from now on (0 means 80). */
void interview_set_width(interview *iv, size_t width);
/* Unanswered questions right now. */
size_t interview_n_missing(const interview *iv);

#endif
