/*
 * subsidy-inputs.h - the finance, status and awards blocks of an answer file, checked and read into
 * exact integers for the subsidy engine (format: docs/answer-format.md, "finance, status,
 * awards"). Internal to policies/: other modules call subsidy_check_inputs().
 *
 * Ownership: inputs_read fills a caller-provided struct whose arrays the caller releases with
 * inputs_free(); award ids point into the answers, which must outlive the inputs.
 */
#ifndef ASSESS_INPUTS_H
#define ASSESS_INPUTS_H

#include <stdbool.h>
#include <stdint.h>
#include "answers/answers.h"
#include "policies/policy.h"

#define INPUTS_MAX_YUAN \
	100000000000000LL /* 10^14 yuan: a sum of a few times rate x base stays in int64 */

typedef struct inputs_award {
	const char *id;
	int64_t count;  /* 1 when the entry gives none */
	int64_t amount; /* yuan; -1 when the entry gives none */
	int index;      /* position in $.awards, for messages */
} inputs_award;

typedef struct subsidy_inputs {
	bool has[POLICY_F_MAX];
	int64_t value[POLICY_F_MAX];
	/* The project a figure belongs to ({"amount", "project"}; project_spend's "project"), or
	 * NULL: an untagged figure is a project of its own, as before tags. */
	const char *project[POLICY_F_MAX];
	int status[POLICY_STATUS_MAX]; /* 1 true, 0 false, -1 not given */
	const char *region_code;       /* $.enterprise.region_code (checked on load), or NULL */
	const char *region;            /* $.enterprise.region, free text, or NULL */
	const char *industry_code;     /* $.enterprise.industry_code (checked on load), or NULL */
	answers_stage stage;
	inputs_award *awards;
	size_t n_awards;
} subsidy_inputs;

/* ASSESS_OK, or ASSESS_ERR_DATA with the JSON path (and line:col where answers_locate finds it). */
assess_code inputs_read(const answers *a, subsidy_inputs *in, assess_error *err);
void inputs_free(subsidy_inputs *in);

/* Sum of the counts / the entries with that id. */
int64_t inputs_award_count(const subsidy_inputs *in, const char *id);
bool inputs_has_award(const subsidy_inputs *in, const char *id);

#endif
