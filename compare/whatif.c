/*
 * Verification's "would this one answer change the level": the on-site answers with one
 * question as declared, scored again by the scorer itself, so the answer can never disagree
 * with what `assess score` would say of such a file.
 */
#include "config.h"
#include "compare/compare_internal.h"

/* Sets question i of dst (a fresh answer set: i unanswered) to src's answer, through the same
 * setter the interview uses. */
static assess_code copy_answer(answers *dst, const answers *src, size_t i, assess_error *err)
{
	char text[4 * QN_MAX_OPTIONS + 8];
	if (!answers_get(src, i)->given)
		return ASSESS_OK;
	return answers_set_text(dst, i, answers_format(src, i, text, sizeof text), err);
}

/* The level of AFTER's answers with question `which` taken from BEFORE. */
static assess_code level_with(const compare_result *c, size_t which, int *level, assess_error *err)
{
	answers *scratch = answers_new(c->q);
	if (!scratch)
		return assess_nomem(err, NULL);
	assess_code rc = ASSESS_OK;
	for (size_t i = 0; !rc && i < c->n_questions; i++)
		rc = copy_answer(scratch, i == which ? c->before->answers : c->after->answers, i,
				 err);
	scoring_result *r = rc ? NULL : scoring_run_flags(scratch, SCORING_NO_GAPS, err);
	if (r)
		*level = r->level;
	else if (!rc)
		rc = err && err->code ? err->code : ASSESS_ERR_NOMEM;
	scoring_free(r);
	answers_free(scratch);
	return rc;
}

assess_code compare_levels_if_declared(compare_result *c, assess_error *err)
{
	for (size_t i = 0; i < c->n_questions; i++) {
		compare_question *cq = &c->questions[i];
		if (!cq->differs)
			continue;
		assess_code rc = level_with(c, i, &cq->level_if_declared, err);
		if (rc)
			return rc;
		cq->changes_level = cq->level_if_declared != c->level_after;
		c->n_changes_level += cq->changes_level;
	}
	return ASSESS_OK;
}
