/*
 * plan.h - the fewest steps from an enterprise's answers to each level above its own.
 *
 * A step is one of:
 *   - a single-choice answer moving to the next option with more points;
 *   - one more option on a multi-choice question (from the exclusive "none", or from no
 *     answer, the first step replaces it);
 *   - a scenario one level up (from no answer, the first step gives it level 1).
 * Level L is reached when its gate holds (scoring.h: points, scenarios at the rule's scenario
 * level, ★ among them). Scenarios carry no points, so the points part and the scenario part
 * are solved apart and added: the points part exactly, by a knapsack over the questions of
 * (steps -> most points), taking the fewest steps that close the shortfall and, among those,
 * the most points; the scenario part by taking the cheapest ★ scenarios the ★ condition needs,
 * then the cheapest of all the rest the count condition needs (cheapest: fewest levels to the
 * bar), which an exchange argument shows is optimal. tests/unit/test_plan.c checks both against
 * a breadth-first search over every answer set on small instruments.
 *
 *     scoring_plan_set *ps = scoring_plan_find(r, &err);
 *     const scoring_plan *p = scoring_plan_for(ps, r->level + 1);
 *     for (size_t i = 0; p && i < p->n_steps; i++) ...
 *     scoring_plan_set_free(ps);
 *
 * Steps come in the order they are to be taken: scenarios (★ first), then answers by points
 * gained; the steps on one question are consecutive, each starting where the last one ended,
 * so applying every step's `to` in turn gives the answers that reach the level.
 *
 * Ownership: the set borrows the result (and through it the answers and questionnaire), which
 * must outlive it; scoring_plan_set_free() frees the plans and their steps. Nothing is shared,
 * so plans for different results may be found in parallel threads.
 */
#ifndef ASSESS_SCORING_PLAN_H
#define ASSESS_SCORING_PLAN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <cjson/cJSON.h>
#include "scoring/scoring.h"

/* One answer before or after a step: what the answer file would hold for the question. */
typedef struct scoring_plan_value {
	bool given;    /* false: the question is unanswered (JSON null) */
	int choice;    /* QN_SINGLE: option index */
	uint64_t mask; /* QN_MULTI: options chosen */
	int level;     /* QN_SCENARIO: 0..4 */
} scoring_plan_value;

typedef struct scoring_plan_step {
	const qn_question *question;
	scoring_plan_value from, to;
	int64_t gain; /* points gained, thousandths; 0 for a scenario */
} scoring_plan_step;

typedef struct scoring_plan {
	int level; /* the level this plan reaches */
	scoring_plan_step *steps;
	size_t n_steps;       /* the fewest that reach the level */
	size_t n_point_steps; /* of which on scored questions */
	int64_t gain;         /* points the plan adds, thousandths */
} scoring_plan;

typedef struct scoring_plan_set scoring_plan_set;

/*
 * Plans for every level above r->level that can be reached (an instrument's loader makes
 * sure each level can be; a plan is left out only if it could not). NULL and ASSESS_ERR_NOMEM
 * in err when memory runs out.
 */
scoring_plan_set *scoring_plan_find(const scoring_result *r, assess_error *err);
void scoring_plan_set_free(scoring_plan_set *s);
size_t scoring_plan_count(const scoring_plan_set *s);
const scoring_plan *scoring_plan_at(const scoring_plan_set *s, size_t i);
/* The plan that reaches `level`, or NULL (at or below the current level, or above the top). */
const scoring_plan *scoring_plan_for(const scoring_plan_set *s, int level);

/*
 * The plans as JSON: [{"level": L, "steps": [{"question", "from", "to", "gain"}, ...]}, ...],
 * from/to as the answer file writes them ("C", ["B","C"], 3, or null). Caller deletes; NULL
 * when memory runs out.
 */
cJSON *scoring_plan_to_json(const scoring_plan_set *s);
/* One answer value as the answer file writes it (above); NULL when memory runs out. */
cJSON *scoring_plan_value_json(const qn_question *q, const scoring_plan_value *v);

/*
 * Actions: the steps said the way a person would do them. Consecutive steps that raise one
 * single-choice answer or one scenario are one action ("bring quality management to level
 * 3: ..."); each option added to a multi-choice answer is one action.
 */
size_t scoring_plan_n_actions(const scoring_plan *p);
/* Action i in words, from the instrument's option and scenario descriptors. Returns the
 * number of steps it takes (0 when i is out of range, buf then ""). */
size_t scoring_plan_action_text(const scoring_plan *p, size_t i, qn_lang lang, char *buf,
				size_t size);
/* The next level's plan for a terminal: a heading and one numbered line per action. */
void scoring_plan_print(FILE *out, const scoring_plan *p, const questionnaire *q, qn_lang lang);

#endif
