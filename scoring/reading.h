/*
 * reading.h - the result under the other reading of each open point of the standard.
 *
 * An instrument records where the standard is open (questionnaire.h, qn_reading); where the
 * other reading can change a figure it carries that reading as data (an <alternative>: a
 * scenario's ★ flag, a level rule, an option that scores only with others). This module scores
 * the same answers under each such alternative, one at a time, so a report can say whether the
 * level depends on a point nobody could check.
 *
 *     int level; int64_t total;
 *     scoring_reading_eval(r, questionnaire_reading(q, i), &level, &total);
 *
 * Ownership: nothing is allocated but the JSON, which the caller deletes.
 */
#ifndef ASSESS_SCORING_READING_H
#define ASSESS_SCORING_READING_H

#include <stdint.h>
#include <cjson/cJSON.h>
#include "scoring/scoring.h"

/* The level and total (thousandths) of r's answers under rd's alternative; r's own for a
 * reading without one. */
void scoring_reading_eval(const scoring_result *r, const qn_reading *rd, int *level,
			  int64_t *total);
/* [{"id", "level", "total"}, ...] for every reading with an alternative; NULL on no memory. */
cJSON *scoring_reading_json(const scoring_result *r);
/* The i-th reading (from *i on) whose alternative changes the level; its level in *level.
 * NULL when there is none: "the level is the same under every open reading". */
const qn_reading *scoring_reading_next_change(const scoring_result *r, size_t *i, int *level);

#endif
