/*
 * tally.h - what a portfolio adds up while its enterprises stream past.
 *
 * The level distribution, the breakdown by industry and by region, the scenario heat map,
 * baseline/post pairs, subsidies against the programme budget and the programme's targets, all
 * from one pass and in memory that grows with the number of distinct groups and credit codes,
 * never with the rows themselves (a row is a few dozen bytes of pairing data at most).
 *
 * Every count is kept per assessment stage (not stated, baseline, post). All stages together
 * count every row, but an enterprise's subsidy once: a baseline's money is left out when the
 * enterprise has a post row (the money belongs to the post-transformation row). A pilot's targets are
 * about the state after transformation, so they, the breakdowns and the heat map are judged on
 * one basis: the post-transformation assessments when the batch has any, otherwise all rows
 * (portfolio_tally_basis()). The workbook says which.
 *
 *     portfolio_tally *t = portfolio_tally_new(q, budget, n_budget_lines);
 *     if (!portfolio_tally_duplicate(t, answers)) portfolio_tally_add(t, seq, result, &sub, &err);
 *     portfolio_targets_judge(t, &targets, &verdicts);
 *     portfolio_tally_free(t);
 *
 * Ownership: the tally copies every string it keeps; it borrows the questionnaire.
 */
#ifndef ASSESS_PORTFOLIO_TALLY_H
#define ASSESS_PORTFOLIO_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "common/error.h"
#include "scoring/scoring.h"

/* Bases: the three stages (answers_stage values) and all rows together. */
enum { PORTFOLIO_BASIS_ALL = 3, PORTFOLIO_N_BASES = 4 };

typedef struct portfolio_counts {
	size_t n;                       /* rows */
	size_t level[QN_MAX_LEVEL + 1]; /* rows at each level */
	size_t above_scale;             /* declared above designated size (规上) */
	size_t above_scale_l2;          /* of which at level >= 2 */
	size_t scale_unknown;           /* above_scale not given */
	int64_t total_milli;            /* sum of the totals; the mean is total_milli / n */
	int64_t subsidy;                /* yuan, summed over rows with a computed subsidy */
	size_t subsidy_rows;
} portfolio_counts;

typedef enum {
	PORTFOLIO_BY_INDUSTRY,
	PORTFOLIO_BY_REGION,
	PORTFOLIO_N_GROUPINGS
} portfolio_grouping;

typedef struct portfolio_group portfolio_group;

/* One enterprise's subsidy as the tally needs it. */
typedef struct portfolio_subsidy {
	bool computed;              /* false: no policy, or the computation failed */
	int64_t total;              /* yuan */
	const int64_t *line_claims; /* [n_budget_lines]: what it draws on each budget line */
} portfolio_subsidy;

typedef struct portfolio_tally portfolio_tally;

/*
 * budget: the programme budget in yuan, or -1; n_budget_lines: lines the policy splits it into.
 * q may be NULL for a batch in which nothing could be scored (an empty tally).
 */
portfolio_tally *portfolio_tally_new(const questionnaire *q, int64_t budget, size_t n_budget_lines);
void portfolio_tally_free(portfolio_tally *t);

/* The row number of an earlier row with this credit code and stage; 0 if none (or no code). */
size_t portfolio_tally_duplicate(const portfolio_tally *t, const answers *a);
/* Counts one scored row (seq is its row number, 1-based). sub may be NULL. */
assess_code portfolio_tally_add(portfolio_tally *t, size_t seq, const scoring_result *r,
				const portfolio_subsidy *sub, assess_error *err);

const questionnaire *portfolio_tally_questionnaire(const portfolio_tally *t);
size_t portfolio_tally_rows(const portfolio_tally *t);
/* ANSWERS_STAGE_POST when any row is a post-transformation assessment, else PORTFOLIO_BASIS_ALL. */
int portfolio_tally_basis(const portfolio_tally *t);
/* Counts of the whole portfolio (g NULL) or of one group, on a basis. */
void portfolio_tally_counts(const portfolio_tally *t, const portfolio_group *g, int basis,
			    portfolio_counts *out);

/* Groups with at least one row on basis, most rows first (ties by name). Caller frees the array. */
const portfolio_group **portfolio_tally_groups(const portfolio_tally *t, portfolio_grouping by,
					       int basis, size_t *n);
const char *portfolio_group_name(const portfolio_group *g); /* "" when not given */
/* Sum of one scenario's levels over the group's rows (g NULL: the whole portfolio). */
int64_t portfolio_tally_scenario_sum(const portfolio_tally *t, const portfolio_group *g, int basis,
				     size_t scenario);
/* How many rows have scenario `scenario` (0-based among the scenarios) at each level 0..4. */
void portfolio_tally_scenario_levels(const portfolio_tally *t, int basis, size_t scenario,
				     size_t out[QN_MAX_LEVEL + 1]);
/* The questionnaire's scenario questions in order (the heat map's columns). */
size_t portfolio_tally_n_scenarios(const portfolio_tally *t);
const qn_question *portfolio_tally_scenario(const portfolio_tally *t, size_t i);

/*
 * Enterprises (by credit code) with both a baseline and a post row, paired as assess compare
 * pairs them (compare_decide: the same instrument, baseline then post).
 */
typedef struct portfolio_pairing {
	size_t matrix[QN_MAX_LEVEL + 1][QN_MAX_LEVEL + 1]; /* [baseline level][post level] */
	size_t pairs;       /* paired enterprises: the matrix's sum */
	size_t post_level2; /* of them at level >= 2 after the transformation */
	size_t refused;     /* a baseline and a post row that do not compare (two instruments) */
} portfolio_pairing;
void portfolio_tally_pairing(const portfolio_tally *t, portfolio_pairing *out);
/* The matrix alone: out[baseline][post]; returns the pairs. */
size_t portfolio_tally_transitions(const portfolio_tally *t,
				   size_t out[QN_MAX_LEVEL + 1][QN_MAX_LEVEL + 1]);

int64_t portfolio_tally_budget(const portfolio_tally *t); /* yuan, -1 when none */
/* Row whose subsidy first took the running total (input order) over the budget; 0 if none. */
size_t portfolio_tally_budget_exhausted_at(const portfolio_tally *t, int basis);
/* Its name and credit code, or NULL. */
const char *portfolio_tally_budget_exhausted_by(const portfolio_tally *t, int basis);
size_t portfolio_tally_n_budget_lines(const portfolio_tally *t);
int64_t portfolio_tally_line_claimed(const portfolio_tally *t, int basis, size_t line);

/* ---- the programme's targets ---- */

typedef struct portfolio_targets {
	int level2_share;  /* hundredths of a percent: 9500 is 95%; -1 when not given */
	long level4_count; /* enterprises at level 4; -1 when not given */
} portfolio_targets;

typedef enum {
	PORTFOLIO_TARGET_UNSET, /* no target given (the actual value is still shown) */
	PORTFOLIO_TARGET_MET,
	PORTFOLIO_TARGET_MISSED,
	PORTFOLIO_TARGET_NO_DATA /* nothing to judge on (no above-scale rows, no policy) */
} portfolio_target_status;

typedef struct portfolio_verdicts {
	int basis;
	portfolio_target_status level2;
	size_t level2_have, level2_of; /* above-scale rows at level >= 2, above-scale rows */
	portfolio_target_status level4;
	size_t level4_have;
	portfolio_target_status budget; /* MET: within budget; MISSED: over it */
	int64_t spent;                  /* yuan */
	int64_t over;                   /* spent - budget when over, else 0 */
	size_t exhausted_at;            /* row at which the running total went over */
} portfolio_verdicts;

/* Judges the targets on the tally's basis; exact integer comparisons (>= for the share). */
void portfolio_targets_judge(const portfolio_tally *t, const portfolio_targets *tg,
			     portfolio_verdicts *v);
/* Parses a share target: "95", "95%", "92.5%" into hundredths of a percent (0..10000). */
bool portfolio_parse_share(const char *text, int *hundredths);

#endif
