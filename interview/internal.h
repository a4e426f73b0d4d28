/*
 * internal.h - what the interview's source files share: the session record, input parsing
 * (input.c), screen layout (screen.c) and the profile steps (profile.c). Not installed.
 */
#ifndef ASSESS_INTERVIEW_INTERNAL_H
#define ASSESS_INTERVIEW_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "interview/interview.h"

#define IV_TR(iv, zh, en) lang_pick((iv)->lang, zh, en)
#define IV_MSG_MAX 512

typedef enum {
	IV_START,    /* nothing shown yet */
	IV_PROFILE,  /* one enterprise/assessment field at a time */
	IV_QUESTION, /* one question at a time */
	IV_REVIEW,   /* everything answered: Enter finalizes and finishes */
	IV_REASON    /* an earlier answer is being changed: the next line is why */
} iv_stage;

struct interview {
	answers *a;
	const questionnaire *q;
	FILE *out;
	qn_lang lang;
	char *path;
	unsigned flags;
	char today[11];
	size_t width;
	const char *(*remember)(const char *assessor, void *ctx);
	void *remember_ctx;

	iv_stage stage;
	int field;                 /* IV_PROFILE: the step shown */
	bool profile_return;       /* IV_PROFILE: opened with p; go back to `current` after */
	size_t current;            /* IV_QUESTION: the question shown */
	const qn_dimension *shown; /* the dimension whose banner was shown last */
	interview_status status;

	/* IV_REASON: the change waiting for its reason (canon "" withdraws the answer). */
	char pending[128];
	char *pending_note;

	bool dirty; /* the last save failed: the file is behind */
	assess_error save_err;
	char prompt[256];
};

/* ---- input.c: turning a typed line into something the answers accept ---- */

/*
 * A copy of s, trimmed, with full-width ASCII folded to ASCII, 、 to ',' and the ideographic
 * space to ' ', so that input typed with a Chinese input method still parses. Caller frees.
 */
char *iv_fold(const char *s);
/* s trimmed of ASCII and ideographic spaces at both ends, in place; returns s. */
char *iv_trim(char *s);
/* Why a line cannot be taken at all (invalid UTF-8, control characters), or NULL. */
const char *iv_line_problem(const interview *iv, const char *line);
/*
 * Parses codes typed for q ("B C E", "bce", "B,C", "3") into the canonical text answers_set_text
 * takes ("B C E", "3"). False with a message for the assessor in msg.
 */
bool iv_parse_answer(const interview *iv, const qn_question *q, const char *folded, char *canon,
		     size_t canon_size, char *msg, size_t msg_size);
/* A question by id ("S01", "s1") or by its number in order ("12"); -1 if none. */
long iv_find_question(const questionnaire *q, const char *arg);
/* Upper-cases and checks a credit code; false with a message in msg. */
bool iv_credit_code(const interview *iv, const char *folded, char *code, size_t code_size,
		    char *msg, size_t msg_size);
/*
 * The region code (GB/T 2260, six digits) and the industry code (GB/T 4754-2017, a section
 * letter and 2-4 digits; lower case is taken) typed, without spaces, into code; false with a
 * message in the session's language, the loader's rule, in msg.
 */
bool iv_region_code(const interview *iv, const char *folded, char *code, size_t code_size,
		    char *msg, size_t msg_size);
bool iv_industry_code(const interview *iv, const char *folded, char *code, size_t code_size,
		      char *msg, size_t msg_size);
/* "2026/11/3", "2026.11.03" and "20261103" as "2026-11-03" (date_parse_typed); else false. */
bool iv_date(const char *folded, char *out, size_t size);

/* ---- screen.c: what the assessor sees ---- */

/*
 * text cut to at most columns display columns and size bytes, at a character boundary, with
 * "…" where it was cut. A prompt must stay short and whole UTF-8: libedit crashes on a prompt
 * cut inside a character (a long Chinese name once did).
 */
void iv_clip(const char *text, size_t columns, char *out, size_t size);
#define IV_PROMPT_VALUE_COLUMNS 32
/* lead, then text wrapped to the session's width; continuation lines align after lead. */
void iv_wrap(const interview *iv, const char *lead, const char *text);
void iv_printf(const interview *iv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* What was wrong with the last line ("  ! " in front, so it stands out). */
void iv_say(const interview *iv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Out of memory, in the session's language: the error table's own words (assess_code_label). */
const char *iv_nomem_words(const interview *iv);
void iv_say_nomem(const interview *iv);
/* A refusal from the library: its message, or out of memory in the session's language. */
void iv_say_error(const interview *iv, const assess_error *err);
/* What the last line did. */
void iv_tell(const interview *iv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void iv_show_question(interview *iv);
void iv_show_help(const interview *iv);
void iv_show_keys(const interview *iv);
void iv_show_missing(const interview *iv, bool with_text);
void iv_show_review(const interview *iv);

/* ---- profile.c: the enterprise and assessment fields ---- */

int iv_profile_steps(void);
/* First field not yet filled in, or iv_profile_steps() when all are. */
int iv_profile_first_missing(const interview *iv);
void iv_profile_show(const interview *iv);
void iv_profile_prompt(interview *iv);
/* Acts on a line for the current field (not a command); true when the field was taken. */
bool iv_profile_take(interview *iv, const char *raw);
/* Shows the current field's explanation (?). */
void iv_profile_help(const interview *iv);
/* The field is required (the enterprise name) and still empty: it cannot be skipped. */
bool iv_profile_required_missing(const interview *iv, int field);
void iv_profile_say_required(const interview *iv);
/* Clears the current field (-); false if it is required. */
bool iv_profile_clear(interview *iv);

/* ---- interview-record.c: evidence, flags and time at each question ---- */

/* Who is changing the record: the assessor field, or NULL. */
const char *iv_by(const interview *iv);
void iv_show_evidence(const interview *iv);
/* ":e" shows, ":e N" ticks checklist entry N, ":e -K" removes item K, ":e FILE|TITLE" adds. */
void iv_evidence_command(interview *iv, const char *arg);
/* ":f TEXT" flags the question to verify, ":f -" removes the flag, ":f" shows it. */
void iv_flag_command(interview *iv, const char *arg);
/* What a bare note or flag command shows: the text the question has (after lead), then usage. */
void iv_show_remark(const interview *iv, const char *lead, const char *have, const char *usage);
/* Seconds the history says were spent on the question's answers (answers_seconds_spent). */
long iv_seconds_spent(const interview *iv, size_t question);
/* " · 用时 1:05", with a mark when rushed; "" for -1. */
void iv_format_spent(const interview *iv, long seconds, char *buf, size_t size);

/* ---- interview.c: shared by the parts ---- */

/* A lone b g l p q s (or "g ID"): the keys before commands took a ':'; refused with a hint. */
bool iv_is_old_key(const char *folded);
/* The list of commands, after a line that looked like an old key or an unknown command. */
void iv_command_hint(const interview *iv);

void iv_save(interview *iv);
bool iv_answered(const interview *iv, size_t i);

#endif
