/*
 * compare.h - two scored assessments of one enterprise, side by side (the acceptance round).
 *
 * Given BEFORE and AFTER (each an answer set and its scoring result), compare_run() decides
 * which comparison the two files make, or refuses:
 *   progress      BEFORE is a baseline, AFTER a post assessment of the same enterprise: what the
 *                 transformation changed, question by question, in points, gates and level;
 *   verification  one stage, BEFORE declared by the enterprise (source "self"), AFTER rated on
 *                 site (source "onsite"): where the declaration claims more than the rating, and
 *                 whether each differing answer alone would change the on-site level.
 * It refuses (ASSESS_ERR_DATA, with the reason, and *refusal set) two enterprises (credit codes
 * differ; none or only one given needs COMPARE_SAME_ENTERPRISE), two instruments (another
 * questionnaire, or the same one recorded at another version or hash without COMPARE_RESCORE),
 * and two files that fit neither kind. Like git's diff core, it computes and does not print:
 * assess compare prints and writes it, and the portfolio pairs a programme's baseline and post
 * rows by its decision alone, compare_decide() on each row's compare_key, without a result.
 * COMPARE_SUMMARY skips the per-question work for a caller that wants levels and totals only.
 *
 *     compare_result *c = compare_run(before, after, 0, &why, &err);
 *     if (c) { printf("%d -> %d\n", c->level_before, c->level_after); compare_free(c); }
 *
 * Ownership: the result borrows both scoring results (and through them the answers and the one
 * questionnaire), which must outlive it; everything else in it belongs to it and dies with
 * compare_free(). Results share nothing.
 */
#ifndef ASSESS_COMPARE_H
#define ASSESS_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cjson/cJSON.h>
#include "answers/answers.h"
#include "common/error.h"
#include "scoring/scoring.h"

typedef enum { COMPARE_PROGRESS = 1, COMPARE_VERIFICATION } compare_kind;

enum {
	COMPARE_SAME_ENTERPRISE = 1 << 0, /* neither file (or only one) names a credit code: the
					     user vouches that both are one enterprise */
	COMPARE_RESCORE = 1 << 1,         /* the files recorded other versions of the instrument:
					     compare them as scored with the one loaded */
	COMPARE_SUMMARY = 1 << 2          /* levels, totals, dimensions and gates only */
};

/* Why compare_run() refused; COMPARE_ACCEPTED when it did not. */
typedef enum {
	COMPARE_ACCEPTED = 0,
	COMPARE_REFUSED_ENTERPRISE, /* the credit codes differ */
	COMPARE_REFUSED_UNNAMED,    /* a credit code is missing and no COMPARE_SAME_ENTERPRISE */
	COMPARE_REFUSED_INSTRUMENT, /* another questionnaire, version or hash */
	COMPARE_REFUSED_KIND        /* neither progress nor verification */
} compare_refusal;

/* One question (or scenario) in both files. */
typedef struct compare_question {
	const qn_question *question;         /* borrowed from the questionnaire */
	const answer *before, *after;        /* borrowed from the answers */
	int64_t points_before, points_after; /* thousandths; 0 for scenarios */
	int level_before, level_after;       /* scenarios: 0..4 (0 when not given) */
	bool differs;                        /* the answers are not the same */
	/* Verification: the declaration (BEFORE) claims more than the rating (AFTER): more points,
	 * or a higher scenario level. */
	bool declared_higher;
	/* Verification: the on-site answers with this one question as declared give another
	 * level (level_if_declared); false for questions that do not differ. */
	bool changes_level;
	int level_if_declared;
	size_t evidence_before, evidence_after; /* evidence items (or notes) recorded */
	bool evidence_added;                    /* AFTER records evidence BEFORE did not */
} compare_question;

typedef struct compare_dimension {
	const qn_dimension *dimension; /* scored dimensions only */
	int64_t before, after, delta;  /* thousandths */
} compare_dimension;

/* One level's gate in both files, condition by condition. */
typedef struct compare_gate {
	int level;
	const scoring_gate *before, *after; /* borrowed from the scoring results */
	bool before_met, after_met;
} compare_gate;

typedef struct compare_result {
	compare_kind kind;
	const scoring_result *before, *after;
	const questionnaire *q;
	int level_before, level_after;
	int64_t total_before, total_after, delta_total; /* thousandths */
	compare_dimension *dimensions;
	size_t n_dimensions;
	compare_gate gates[QN_MAX_LEVEL + 1]; /* [1..n_levels] */
	size_t n_levels;
	compare_question *questions; /* every question in questionnaire order (none with SUMMARY) */
	size_t n_questions;
	size_t n_differ;          /* questions whose answers differ */
	size_t n_declared_higher; /* verification */
	size_t n_changes_level;   /* verification */
	bool evidence_added_any;  /* some question's evidence_added */
	bool dates_out_of_order;  /* AFTER is dated before BEFORE: a warning, not a refusal */
	/* The enterprise the outputs name: AFTER's name and credit code, else BEFORE's, field by
	 * field (NULL when neither file gives it). Borrowed from the answers. */
	const char *name, *credit_code;
} compare_result;

/*
 * The little of an assessment the decision needs; a programme's pairing keeps it per credit
 * code and stage. Strings and the questionnaire are borrowed.
 */
typedef struct compare_key {
	const questionnaire *q;
	const char *credit_code; /* NULL when the file names none */
	answers_stage stage;
	const char *source;           /* assessment.source: "self", "onsite", or NULL */
	const char *version, *sha256; /* the instrument the file records; NULL when it does not */
} compare_key;

compare_key compare_key_of(const answers *a);
/* Which comparison two assessments make (*kind), or why they make none. compare_run() decides
 * with it, so a programme's pairing and assess compare never disagree. */
compare_refusal compare_decide(const compare_key *before, const compare_key *after, unsigned flags,
			       compare_kind *kind);

compare_result *compare_run(const scoring_result *before, const scoring_result *after,
			    unsigned flags, compare_refusal *refusal, assess_error *err);
void compare_free(compare_result *c);

const char *compare_kind_name(compare_kind k);                /* "progress", "verification" */
const char *compare_kind_label(compare_kind k, qn_lang lang); /* "改造前后对比", ... */
const char *compare_refusal_name(compare_refusal r);          /* "enterprise", "instrument", ... */

/*
 * {"kind", "before": {...}, "after": {...}, "delta": {"total", "total_milli", "dimensions"},
 *  "gates": [{"level", "before_met", "after_met", ...}], "questions": [{"id", "before",
 *  "after", "points_before", "points_after", "changes_level"...}], "warnings"}.
 * "before"/"after" carry score --json's own total, level and dimensions. Caller deletes;
 * NULL when out of memory.
 */
cJSON *compare_to_json(const compare_result *c, qn_lang lang);
/* A readable comparison for a terminal. */
void compare_print(FILE *out, const compare_result *c, qn_lang lang);

#endif
