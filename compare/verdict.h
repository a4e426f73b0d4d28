/*
 * verdict.h - the acceptance verdict of a comparison against one subsidy policy.
 *
 * Line by line, each met, not met, or input missing, with the reason:
 *   level     AFTER's level reaches the level the policy pays for (its lowest clause gate);
 *   stage     AFTER is a post-transformation assessment rated on site;
 *   window    AFTER's date is inside the policy's validity window;
 *   evidence  every ★ scenario counted for that level (at or above the rule's scenario level in
 *             AFTER) has evidence recorded;
 *   subsidy   what the policy pays on AFTER, beside what BEFORE would have been paid.
 * The verdict is accepted when every line is met.
 *
 *     compare_verdict *v = compare_verdict_run(cmp, policy, &err);
 *     compare_verdict_print(stdout, v, QN_LANG_ZH);
 *     compare_verdict_free(v);
 *
 * Ownership: the verdict borrows the comparison and the policy, which must outlive it; it owns
 * its two subsidy results and its texts.
 */
#ifndef ASSESS_COMPARE_VERDICT_H
#define ASSESS_COMPARE_VERDICT_H

#include "compare/compare.h"
#include "policies/policy.h"
#include "policies/subsidy.h"

typedef enum { COMPARE_MET = 0, COMPARE_NOT_MET, COMPARE_MISSING } compare_line_status;

typedef enum {
	COMPARE_LINE_LEVEL,
	COMPARE_LINE_STAGE,
	COMPARE_LINE_WINDOW,
	COMPARE_LINE_EVIDENCE,
	COMPARE_LINE_SUBSIDY,
	COMPARE_LINE_MAX
} compare_line_id;

#define COMPARE_LINE_TEXT_MAX 512

typedef struct compare_verdict_line {
	compare_line_id id;
	compare_line_status status;
	char text[2][COMPARE_LINE_TEXT_MAX]; /* the reason, [QN_LANG_ZH] and [QN_LANG_EN] */
} compare_verdict_line;

typedef struct compare_verdict {
	const compare_result *cmp;
	const policy *policy;
	int level_paid_for; /* lowest clause gate; 0 when the policy sets none */
	compare_verdict_line lines[COMPARE_LINE_MAX];
	subsidy_result *after, *before;        /* NULL when a date is missing */
	int64_t payable_after, payable_before; /* yuan; SUBSIDY_NONE when not computed */
	bool accepted;                         /* every line met */
} compare_verdict;

compare_verdict *compare_verdict_run(const compare_result *cmp, const policy *p, assess_error *err);
void compare_verdict_free(compare_verdict *v);

const char *compare_line_name(compare_line_id id);           /* "level", "stage", ... */
const char *compare_line_status_name(compare_line_status s); /* "met", "not_met", "missing" */
const char *compare_line_status_label(compare_line_status s, qn_lang lang);
const char *compare_line_label(compare_line_id id, qn_lang lang); /* "等级", "Level" */

/* {"policy", "accepted", "level_paid_for", "payable_after", "payable_before",
 *  "lines": [{"id", "status", "label", "text"}]}. Caller deletes. */
cJSON *compare_verdict_to_json(const compare_verdict *v, qn_lang lang);
void compare_verdict_print(FILE *out, const compare_verdict *v, qn_lang lang);

#endif
