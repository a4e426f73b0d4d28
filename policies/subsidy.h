/*
 * subsidy.h - what one subsidy policy pays one enterprise.
 *
 * The engine takes a loaded policy (policies/policy.h), an answer file (its "finance", "status"
 * and "awards" blocks, see docs/answer-format.md), the digitization level reached and the
 * assessment date, and works out every clause of the policy in document order: the base, the
 * rate, the cap that applies, the amount, who pays which share, or why the clause pays nothing.
 *
 * Money is whole yuan (int64_t) and rates are basis points (5000 = 50%). rate x base is rounded
 * DOWN to the yuan (floor); a funding split gives each payer floor(amount x parts / all parts)
 * and the first payer the remainder, so the shares always add up to the amount.
 *
 *     subsidy_options o = {.level = 3, .date = "2026-11-20"};
 *     subsidy_result *r = subsidy_compute(policy, answers, &o, &err);
 *     if (r) { subsidy_print(stdout, r, QN_LANG_ZH); subsidy_free(r); }
 *
 * With .no_text the result has the same figures but no explanation sentences (see below).
 *
 * Ownership: the result borrows the policy (titles, clause texts and payer names point into it),
 * which must outlive the result; it does not keep the answers. Every other string and array in
 * the result belongs to the result and dies with subsidy_free(). Results share nothing, so they
 * may be computed in parallel threads over one policy.
 */
#ifndef ASSESS_SUBSIDY_H
#define ASSESS_SUBSIDY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <cjson/cJSON.h>
#include "answers/answers.h"
#include "common/error.h"
#include "policies/policy.h"
#include "questionnaires/questionnaire.h"

#define SUBSIDY_NONE (-1) /* in base, rate_bp, cap, count: "this clause has no such figure" */

/* Why a clause pays what it pays. Everything but SUBSIDY_PAID pays 0. */
typedef enum {
	SUBSIDY_PAID = 0,        /* applies; amount is what it pays (may be 0 if the base is 0) */
	SUBSIDY_INFO,            /* informational: the document leaves the amount to others */
	SUBSIDY_OUT_OF_WINDOW,   /* the assessment is dated outside the policy's window */
	SUBSIDY_LEVEL_TOO_LOW,   /* the level reached is below the clause's gate */
	SUBSIDY_NOT_ELIGIBLE,    /* a status, award, batch or ratio condition does not hold */
	SUBSIDY_NO_INPUT,        /* the answer file lacks a figure the clause is computed from */
	SUBSIDY_UNDER_THRESHOLD, /* the base is at or below the threshold, or in no tier */
	SUBSIDY_STACKED,         /* another clause pays for the same project (就高不重复) */
	SUBSIDY_BASELINE,    /* a post-transformation clause on a baseline assessment: would_pay is
			     what a post assessment at this level would get */
	SUBSIDY_OUT_OF_AREA, /* the enterprise is outside the area the policy covers */
	SUBSIDY_STATUS_MAX
} subsidy_status;

/* Whether the enterprise is in the area the policy covers (policy_area_get()). */
typedef enum {
	SUBSIDY_AREA_IN = 0, /* covered (or the policy declares no area) */
	SUBSIDY_AREA_OUT,    /* outside: the policy pays nothing, said in one line */
	SUBSIDY_AREA_UNKNOWN /* neither region_code nor region: every clause "input missing" */
} subsidy_area;

/*
 * The inputs an item lacks to be paid (subsidy_item.missing), each with what the clause would
 * pay once given (would_pay): bit (1 << s) for a status flag s (policy_status), and these.
 */
enum {
	SUBSIDY_MISSING_STAGE = 1u << 8, /* $.assessment.stage, for a post-transformation clause */
	SUBSIDY_MISSING_AREA = 1u << 9,  /* $.enterprise.region_code (or region) */
	SUBSIDY_MISSING_INDUSTRY = 1u << 10 /* $.enterprise.industry_code */
};

typedef enum {
	SUBSIDY_WINDOW_IN = 0,  /* in force on the assessment date */
	SUBSIDY_WINDOW_EXPIRED, /* the window ended before the assessment date */
	SUBSIDY_WINDOW_NOT_YET  /* the window starts after the assessment date */
} subsidy_window;

/* One payer's part of a clause's amount (e.g. 中央 3 of 3:1:1). */
typedef struct subsidy_share {
	const qn_text *payer; /* borrowed from the policy */
	int parts;            /* 3 of 3:1:1 */
	int64_t amount;       /* yuan */
} subsidy_share;

/* One clause of the policy, worked out. */
typedef struct subsidy_item {
	const policy_clause *clause; /* borrowed: everything the policy file says about it */
	const char *id;              /* the clause's id in the file ("1", "5-national") */
	const char *number;          /* as the document numbers it: "（一）", "二（二）" */
	const qn_text *title;        /* short title, zh/en */
	const qn_text *text;         /* a paraphrase of the clause, zh/en */
	const char *kind;            /* "rate", "tiers", "per-item", "fixed", "info" */
	const char *stacking_class;  /* "subsidy", "award"...; NULL when the policy has none */
	subsidy_status status;
	int64_t base;       /* yuan (or a count for count-based tiers); SUBSIDY_NONE */
	bool base_is_count; /* base counts things (SMEs, scenes, sessions), not yuan */
	int rate_bp;        /* basis points; SUBSIDY_NONE when the clause has no rate */
	int64_t cap;        /* yuan, the cap that applied; SUBSIDY_NONE when none */
	int64_t count;      /* per-item: how many items; SUBSIDY_NONE otherwise */
	int64_t computed;   /* before caps, stacking and class limits (yuan) */
	int64_t amount;     /* what the clause pays (yuan); 0 unless SUBSIDY_PAID */
	/* SUBSIDY_NO_INPUT for inputs in `missing`, SUBSIDY_BASELINE: what it would pay once they
	 * are given (favourably) or on a post assessment; SUBSIDY_NONE otherwise. */
	int64_t would_pay;
	unsigned missing; /* SUBSIDY_MISSING_* and status bits: what the answer file lacks */
	/* The project the amount pays for, across policies: the figures' project id when tagged
	 * ("erp-2024"), else the figure it reads ("project_spend", "cloud_annual_fee"); NULL for
	 * clauses paid on awards. */
	const char *project;
	bool project_tagged;
	bool capped;              /* amount was limited by a cap or a class/total limit */
	const char *stacked_with; /* SUBSIDY_STACKED: id of the clause paid instead */
	const char *reading;      /* id of the conflict reading the figures come from, or NULL */
	int64_t other_reading_amount; /* under the other reading of a conflict; SUBSIDY_NONE */
	subsidy_share *shares;        /* funding split of amount; n_shares 0 when none stated */
	size_t n_shares;
	qn_text detail; /* how it was computed, or why it pays nothing; {NULL, NULL} with no_text */
} subsidy_item;

/* A place where the document contradicts itself, the reading the file chose, and the other. */
typedef struct subsidy_conflict {
	const char *id;        /* "batch-rates" */
	const qn_text *about;  /* what disagrees */
	const char *chosen_id; /* "body" */
	const qn_text *chosen; /* what the chosen reading says */
	const char *other_id;  /* "table" */
	const qn_text *other;  /* what the other reading says */
	int64_t total_other;   /* the policy's total under the other reading (yuan) */
} subsidy_conflict;

typedef struct subsidy_warning {
	/* "expired", "not-yet", "start-day-unknown", "start-unknown", "retroactive", "note",
	 * "conflict", "hardware-share", "level-override", "total-cap", "cross-policy",
	 * "budget", "unused-award" */
	const char *code;
	qn_text text; /* {NULL, NULL} with no_text: the code says what it is */
} subsidy_warning;

/* One line of the programme budget, with what this enterprise's clauses draw on it. */
typedef struct subsidy_budget_line {
	const qn_text *name;
	int64_t budget;  /* yuan */
	int64_t claimed; /* this result's amounts from the clauses on the line */
} subsidy_budget_line;

typedef struct subsidy_result {
	const policy *policy;  /* borrowed */
	const char *policy_id; /* "quanzhou" */
	const qn_text *title;  /* the document's title */
	const qn_text *issuer; /* "泉州市" */
	const char *date;      /* the assessment date used, YYYY-MM-DD */
	subsidy_window window;
	int level;             /* the level the clauses were computed for */
	bool level_overridden; /* from --level rather than the answer file's score */
	/* $.assessment.stage; a --level run counts as post (a what-if), whatever the file says */
	answers_stage stage;
	subsidy_area area;
	const char *area_basis; /* "region_code", "region", or NULL (no area, or unknown) */
	/* Baseline or no stage: the total a post-transformation assessment at this level would
	 * get, the same inputs otherwise; SUBSIDY_NONE for a post assessment. */
	int64_t total_if_post;
	subsidy_item *items; /* every clause, in document order */
	size_t n_items;
	int64_t total;            /* yuan: the sum of the items' amounts, after total caps */
	int64_t total_before_cap; /* the same before a policy-wide cap (Jinjiang's fiscal cap) */
	subsidy_conflict *conflicts;
	size_t n_conflicts;
	subsidy_warning *warnings;
	size_t n_warnings;
	int64_t budget;            /* the programme budget in yuan; SUBSIDY_NONE when none */
	const char *budget_period; /* "programme" or "year" */
	bool budget_binding;       /* false when the document says shortfalls are met elsewhere */
	subsidy_budget_line *budget_lines;
	size_t n_budget_lines;
} subsidy_result;

typedef struct subsidy_options {
	int level; /* 0..4: the level the answer file scores to, or --level */
	/* --level: a what-if for a post-transformation assessment at that level, whatever the
	 * file's stage; the output says so */
	bool level_overridden;
	const char *date; /* YYYY-MM-DD of the assessment (required) */
	/* "CONFLICT=READING" choices overriding the file's, NULL-terminated; may be NULL */
	const char *const *readings;
	/*
	 * Leave out the explanations: every item's detail and every warning's text stay
	 * {NULL, NULL} (qn_text_get() gives ""), and nothing is formatted or allocated for them.
	 * Every figure, status, code, conflict, share and budget line is the same as without it;
	 * texts borrowed from the policy (titles, conflicts, payers) are there as ever, they cost
	 * nothing.
	 * For callers that only add up the figures (the portfolio): the sentences are about two
	 * thirds of the engine's cost.
	 */
	bool no_text;
} subsidy_options;

/*
 * Checks the finance, status and awards blocks of an answer file against the documented
 * format and reports the first problem with its JSON path ($.finance.cloud_annual_fee) and,
 * where the answers kept their text (answers_locate), its line and column. subsidy_compute()
 * calls it too.
 */
assess_code subsidy_check_inputs(const answers *a, assess_error *err);

/* NULL with err filled on bad inputs (ASSESS_ERR_DATA) or an unknown reading (ASSESS_ERR_USAGE). */
subsidy_result *subsidy_compute(const policy *p, const answers *a, const subsidy_options *o,
				assess_error *err);

struct scoring_result;
/*
 * Score, then subsidy, as every command does it: the level is what the answers score to
 * (`scored`, or scored here when NULL) unless o->level_overridden gives o->level (--level, a
 * post-transformation what-if); the date is o->date or else $.assessment.date, and without
 * either the answers are refused (ASSESS_ERR_DATA at $.assessment.date). The stage is the
 * file's. Otherwise as subsidy_compute(); `scored` is borrowed.
 */
subsidy_result *subsidy_assess(const policy *p, const answers *a,
			       const struct scoring_result *scored, const subsidy_options *o,
			       assess_error *err);
void subsidy_free(subsidy_result *r);

/* "paid", "info", "out-of-window", "level-too-low", "not-eligible", "no-input",
 * "under-threshold", "stacked", "baseline", "out-of-area" (JSON), and a short label. */
const char *subsidy_status_name(subsidy_status s);
const char *subsidy_status_label(subsidy_status s, qn_lang lang);
const char *subsidy_window_name(subsidy_window w); /* "in-force", "expired", "not-yet" */
const char *subsidy_area_name(subsidy_area a);     /* "in", "out", "unknown" */
/* The answer-file key of one missing bit ("assessment.stage", "status.pilot_enterprise"), and
 * what it is called in each language. NULL for a bit that is not one. */
const char *subsidy_missing_key(unsigned bit);
const char *subsidy_missing_label(unsigned bit, qn_lang lang);
/* Whether the enterprise of the answers is in the policy's area; *basis as in the result. */
subsidy_area subsidy_area_of(const policy *p, const answers *a, const char **basis);
/* Whether a policy is in force on a date (YYYYMMDD), as subsidy_compute() decides it. */
subsidy_window subsidy_window_at(const policy_window *w, int date);
const char *subsidy_window_label(subsidy_window w, qn_lang lang); /* "有效", "已过期"... */
/* "50%", "12.5%": basis points as an exact percentage. */
char *subsidy_format_rate(int bp, char *buf, size_t size);

/*
 * {"policy", "title", "date", "window", "level", "level_overridden", "total", "items": [{"clause",
 * "number", "title", "status", "amount", "base", "rate_bp", "rate", "cap", "computed", "shares",
 * "detail", ...}], "conflicts", "warnings", "budget"}. Amounts are integers in yuan.
 * Caller deletes.
 */
cJSON *subsidy_to_json(const subsidy_result *r, qn_lang lang);
/* A readable table for a terminal. */
void subsidy_print(FILE *out, const subsidy_result *r, qn_lang lang);

/* ---- several policies for one enterprise ---- */

/*
 * One project two policies pay for: the same project id, or the same untagged figure (both
 * read project_spend). `by` is the policy whose document settles it (only the higher is paid:
 * Jinjiang's 就高不重复 reaches other policies); NULL when both documents are silent, and then
 * the combined view pays the higher for sure and shows the lower as undecided.
 */
typedef struct subsidy_overlap {
	const char *project; /* borrowed from the results */
	bool project_tagged;
	size_t a, b;                /* indexes of the two results */
	int64_t amount_a, amount_b; /* what each pays for the project (yuan) */
	const char *by; /* the policy id whose document says "only the higher", or NULL */
} subsidy_overlap;

typedef struct subsidy_combined {
	int64_t sum;       /* the policies' totals added up: never the answer when they overlap */
	int64_t total;     /* paid for sure: each overlap counted once, at the higher amount */
	int64_t undecided; /* more, if the overlaps no document settles are paid by both */
	subsidy_overlap *overlaps;
	size_t n_overlaps;
} subsidy_combined;

/*
 * The combined view of results for one enterprise (borrowed; they must outlive it). NULL only
 * when out of memory. Caller frees with subsidy_combined_free().
 */
subsidy_combined *subsidy_combine(const subsidy_result *const *r, size_t n, assess_error *err);
void subsidy_combined_free(subsidy_combined *c);
/* {"sum", "total", "undecided", "overlaps": [{"project", "project_tagged", "policies",
 * "amounts", "rule": "higher"|"undecided", "by"}]}. Caller deletes. */
cJSON *subsidy_combined_to_json(const subsidy_combined *c, const subsidy_result *const *r);
/* The combined total, each overlap and what settles it, and a warning where nothing does. */
void subsidy_combined_print(FILE *out, const subsidy_combined *c, const subsidy_result *const *r,
			    qn_lang lang);

#endif
