/*
 * Verification's "would this one answer change the level": the on-site answers with one
 * question as declared, scored again by the scorer itself, so the answer can never disagree
 * with what `assess score` would say of such a file.
 */
#include "config.h"
#include "compare/compare_internal.h"

/* Sets question i of dst to src's answer, through the same setter the interview uses. */
static assess_code copy_answer(answers *dst, const answers *src, size_t i, assess_error *err)
{
	char text[4 * QN_MAX_OPTIONS + 8];
	if (!answers_get(src, i)->given) {
		answers_clear(dst, i);
		return ASSESS_OK;
	}
	return answers_set_text(dst, i, answers_format(src, i, text, sizeof text), err);
}

static assess_code level_with(answers *scratch, const compare_result *c, size_t i, int *level,
			      assess_error *err)
{
	assess_code rc = copy_answer(scratch, c->before->answers, i, err);
	if (rc)
		return rc;
	scoring_result *r = scoring_run_flags(scratch, SCORING_NO_GAPS, err);
	if (!r)
		return err ? err->code : ASSESS_ERR_NOMEM;
	*level = r->level;
	scoring_free(r);
	return copy_answer(scratch, c->after->answers, i, err);
}

assess_code compare_levels_if_declared(compare_result *c, assess_error *err)
{
	answers *scratch = answers_new(c->q);
	assess_code rc = scratch ? ASSESS_OK : ASSESS_ERR_NOMEM;
	if (!scratch)
		assess_fail(err, rc, NULL, 0, 0, "out of memory");
	for (size_t i = 0; !rc && i < c->n_questions; i++)
		rc = copy_answer(scratch, c->after->answers, i, err);
	for (size_t i = 0; !rc && i < c->n_questions; i++) {
		compare_question *cq = &c->questions[i];
		if (!cq->differs)
			continue;
		rc = level_with(scratch, c, i, &cq->level_if_declared, err);
		cq->changes_level = !rc && cq->level_if_declared != c->level_after;
		c->n_changes_level += cq->changes_level;
	}
	answers_free(scratch);
	return rc;
}
