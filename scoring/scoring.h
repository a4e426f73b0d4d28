/*
 * scoring.h - score a set of answers into points, scenario counts and a level.
 *
 * Points are exact thousandths (see common/decimal.h). The level is the highest L whose rule
 * (questionnaire.h, qn_level_rule) holds: total >= min_score, and at least min_scenarios
 * scenarios at level >= scenario_level, of which at least min_constrained are ★. Every rule's
 * gate is reported with what is missing, and a ranked list of gaps says which answers would
 * gain the most points or close a scenario gate of the next level.
 *
 *     scoring_result *r = scoring_run(answers, &err);
 *     printf("%d\n", r->level);
 *     scoring_free(r);
 *
 * Ownership: the result borrows the answers (and through them the questionnaire), which must
 * outlive it; the caller frees it with scoring_free(). Nothing is shared between results, so
 * results may be computed in parallel threads.
 */
#ifndef ASSESS_SCORING_H
#define ASSESS_SCORING_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <cjson/cJSON.h>
#include "answers/answers.h"

typedef struct scoring_gate {
	int level; /* 1..4 */
	bool met;  /* all three conditions hold */
	bool score_met;
	int64_t score_short; /* thousandths still missing; 0 when met */
	bool scenarios_met;
	int scenarios_have, scenarios_need; /* scenarios at >= rule's scenario_level */
	bool constrained_met;
	int constrained_have, constrained_need; /* ★ among them */
} scoring_gate;

typedef enum {
	SCORING_GAP_OPTION,  /* choose an option: gains points */
	SCORING_GAP_SCENARIO /* raise a scenario: helps the next level's scenario gate */
} scoring_gap_kind;

typedef struct scoring_gap {
	scoring_gap_kind kind;
	const qn_question *question;
	int option;           /* OPTION: index of the option to choose (single) or add (multi) */
	int64_t gain;         /* OPTION: points gained, thousandths */
	int from_level;       /* SCENARIO: current level */
	int to_level;         /* SCENARIO: level it must reach */
	int for_level;        /* SCENARIO: the enterprise level whose gate it helps */
	bool needed_for_star; /* SCENARIO: it is ★ and the ★ condition is short */
} scoring_gap;

typedef struct scoring_result {
	const answers *answers;
	const questionnaire *q;
	int64_t total;                  /* thousandths */
	int64_t max;                    /* thousandths */
	int level;                      /* 0 below level 1 */
	int64_t *question_points;       /* [questionnaire_n_questions] */
	int at_least[QN_MAX_LEVEL + 1]; /* scenarios at level >= L */
	int constrained_at_least[QN_MAX_LEVEL + 1];
	scoring_gate gates[QN_MAX_LEVEL + 1]; /* [1..questionnaire_n_levels] */
	scoring_gap *gaps;                    /* ranked: most useful first */
	size_t n_gaps;
} scoring_result;

scoring_result *scoring_run(const answers *a, assess_error *err);
enum {
	SCORING_NO_GAPS = 1 << 0 /* leave gaps empty: batch and stream runs print no advice, and
				     ranking the gaps costs more than the score itself */
};
scoring_result *scoring_run_flags(const answers *a, unsigned flags, assess_error *err);
void scoring_free(scoring_result *r);

int64_t scoring_indicator_points(const scoring_result *r, const qn_indicator *ind);
int64_t scoring_subdimension_points(const scoring_result *r, const qn_subdimension *sub);
int64_t scoring_dimension_points(const scoring_result *r, const qn_dimension *dim);
/* The gate of the level above the result's, or NULL at the top level. */
const scoring_gate *scoring_next_gate(const scoring_result *r);

/* One JSON object: total, level, dimensions, questions, scenarios, gates, gaps. Caller deletes. */
cJSON *scoring_to_json(const scoring_result *r, qn_lang lang);
/* A readable summary for a terminal. */
void scoring_print(FILE *out, const scoring_result *r, qn_lang lang);
/* One line on what the next level needs: "needs 6.5 more points and 2 more ★ scenarios at >= L3". */
void scoring_next_level_line(const scoring_result *r, qn_lang lang, char *buf, size_t size);
/* A gap as a sentence, e.g. "F2: choose E (60-100%), +1.5". */
void scoring_gap_text(const scoring_gap *g, qn_lang lang, char *buf, size_t size);

#endif
