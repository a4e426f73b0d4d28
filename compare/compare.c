/* Deciding what two assessments compare as, and the comparison itself (compare.h). */
#include "config.h"
#include "compare/compare.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "compare/compare_internal.h"

const char *compare_kind_name(compare_kind k)
{
	return k == COMPARE_VERIFICATION ? "verification" : "progress";
}

const char *compare_kind_label(compare_kind k, qn_lang lang)
{
	if (k == COMPARE_VERIFICATION)
		return lang == QN_LANG_EN ? "declaration against on-site rating" : "自评与现场评定核对";
	return lang == QN_LANG_EN ? "before and after the transformation" : "改造前后对比";
}

const char *compare_refusal_name(compare_refusal r)
{
	static const char *const names[] = {"", "enterprise", "unnamed", "instrument", "kind"};
	return (unsigned)r < sizeof names / sizeof *names ? names[r] : "";
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static assess_code refuse(assess_error *err, compare_refusal *out, compare_refusal why,
			  const answers *after, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static assess_code refuse(assess_error *err, compare_refusal *out, compare_refusal why,
			  const answers *after, const char *fmt, ...)
{
	va_list ap;
	if (out)
		*out = why;
	va_start(ap, fmt);
	assess_code rc = assess_vfail(err, ASSESS_ERR_DATA, answers_source(after), 0, 0, fmt, ap);
	va_end(ap);
	return rc;
}

static assess_code check_enterprise(const answers *b, const answers *a, unsigned flags,
				    compare_refusal *why, assess_error *err)
{
	const char *cb = answers_field_get(b, ANSWERS_CREDIT_CODE);
	const char *ca = answers_field_get(a, ANSWERS_CREDIT_CODE);
	if (cb && ca && strcmp(cb, ca) != 0)
		return refuse(err, why, COMPARE_REFUSED_ENTERPRISE, a,
			      "different enterprises: credit code %s before, %s after", cb, ca);
	if ((!cb || !ca) && !(flags & COMPARE_SAME_ENTERPRISE))
		return refuse(err, why, COMPARE_REFUSED_UNNAMED, a,
			      "cannot tell the two files are one enterprise: %s "
			      "(--same-enterprise says they are)",
			      cb ? "AFTER names no credit code"
				 : ca ? "BEFORE names no credit code" : "neither names a credit code");
	return ASSESS_OK;
}

static assess_code check_instrument(const answers *b, const answers *a, unsigned flags,
				    compare_refusal *why, assess_error *err)
{
	const questionnaire *qb = answers_questionnaire(b), *qa = answers_questionnaire(a);
	if (qb != qa && strcmp(questionnaire_id(qb), questionnaire_id(qa)) != 0)
		return refuse(err, why, COMPARE_REFUSED_INSTRUMENT, a,
			      "different instruments: %s before, %s after", questionnaire_id(qb),
			      questionnaire_id(qa));
	if (qb != qa)
		return refuse(err, why, COMPARE_REFUSED_INSTRUMENT, a,
			      "different instruments: %s before, %s after (two definitions loaded)",
			      questionnaire_path(qb), questionnaire_path(qa));
	compare_instrument ib = compare_recorded_instrument(b), ia = compare_recorded_instrument(a);
	if (flags & COMPARE_RESCORE)
		return ASSESS_OK;
	if (ib.version && ia.version && strcmp(ib.version, ia.version) != 0)
		return refuse(err, why, COMPARE_REFUSED_INSTRUMENT, a,
			      "different instruments: version %s before, %s after (--rescore "
			      "compares them as scored now)", ib.version, ia.version);
	if (ib.sha256 && ia.sha256 && strcmp(ib.sha256, ia.sha256) != 0)
		return refuse(err, why, COMPARE_REFUSED_INSTRUMENT, a,
			      "different instruments: sha256 %.12s… before, %.12s… after "
			      "(--rescore compares them as scored now)", ib.sha256, ia.sha256);
	return ASSESS_OK;
}

static assess_code decide_kind(const answers *b, const answers *a, compare_kind *kind,
			       compare_refusal *why, assess_error *err)
{
	answers_stage sb = answers_stage_get(b), sa = answers_stage_get(a);
	const char *ob = compare_source(b), *oa = compare_source(a);
	if (sb == ANSWERS_STAGE_BASELINE && sa == ANSWERS_STAGE_POST) {
		*kind = COMPARE_PROGRESS;
		return ASSESS_OK;
	}
	if (sb == sa && ob && oa && strcmp(ob, "self") == 0 && strcmp(oa, "onsite") == 0) {
		*kind = COMPARE_VERIFICATION;
		return ASSESS_OK;
	}
	char bs[64], as[64];
	snprintf(bs, sizeof bs, "%s/%s", or_dash(answers_stage_name(sb)), or_dash(ob));
	snprintf(as, sizeof as, "%s/%s", or_dash(answers_stage_name(sa)), or_dash(oa));
	refuse(err, why, COMPARE_REFUSED_KIND, a,
		      "the two files fit neither comparison (stage/source %s before, %s after): "
		      "progress needs baseline then post, verification one stage, self then onsite",
		      bs, as);
	if (sb == ANSWERS_STAGE_POST && sa == ANSWERS_STAGE_BASELINE)
		assess_error_append(err, "; the files look swapped: the baseline comes first");
	return ASSESS_ERR_DATA;
}

static bool same_answer(const qn_question *q, const answer *x, const answer *y)
{
	if (x->given != y->given)
		return false;
	if (!x->given)
		return true;
	if (q->kind == QN_SCENARIO)
		return x->level == y->level;
	if (q->kind == QN_SINGLE)
		return x->choice == y->choice;
	return x->mask == y->mask;
}

static void fill_question(compare_result *c, size_t i)
{
	const qn_question *q = questionnaire_question(c->q, i);
	compare_question *cq = &c->questions[i];
	cq->question = q;
	cq->before = answers_get(c->before->answers, i);
	cq->after = answers_get(c->after->answers, i);
	cq->points_before = c->before->question_points[i];
	cq->points_after = c->after->question_points[i];
	cq->level_before = cq->before->given && q->kind == QN_SCENARIO ? cq->before->level : 0;
	cq->level_after = cq->after->given && q->kind == QN_SCENARIO ? cq->after->level : 0;
	cq->differs = !same_answer(q, cq->before, cq->after);
	cq->level_if_declared = c->level_after;
	if (c->kind == COMPARE_VERIFICATION && cq->differs)
		cq->declared_higher = q->kind == QN_SCENARIO ? cq->level_before > cq->level_after
							     : cq->points_before > cq->points_after;
	cq->evidence_before = compare_evidence_count(c->before->answers, i);
	cq->evidence_after = compare_evidence_count(c->after->answers, i);
	cq->evidence_added = compare_evidence_added(c->before->answers, c->after->answers, i);
	c->n_differ += cq->differs;
	c->n_declared_higher += cq->declared_higher;
	c->evidence_added_any |= cq->evidence_added;
}

static int fill_dimensions(compare_result *c)
{
	size_t n = questionnaire_n_dimensions(c->q);
	c->dimensions = calloc(n ? n : 1, sizeof *c->dimensions);
	if (!c->dimensions)
		return -1;
	for (size_t d = 0; d < n; d++) {
		const qn_dimension *dim = questionnaire_dimension(c->q, d);
		if (!dim->scored)
			continue;
		compare_dimension *cd = &c->dimensions[c->n_dimensions++];
		cd->dimension = dim;
		cd->before = scoring_dimension_points(c->before, dim);
		cd->after = scoring_dimension_points(c->after, dim);
		cd->delta = cd->after - cd->before;
	}
	return 0;
}

static void fill_gates(compare_result *c)
{
	c->n_levels = questionnaire_n_levels(c->q);
	for (int l = 1; l <= (int)c->n_levels && l <= QN_MAX_LEVEL; l++) {
		compare_gate *g = &c->gates[l];
		g->level = l;
		g->before = &c->before->gates[l];
		g->after = &c->after->gates[l];
		g->before_met = g->before->met;
		g->after_met = g->after->met;
	}
}

/* Dates are YYYY-MM-DD (checked on load), so text order is date order. */
static bool dates_out_of_order(const answers *b, const answers *a)
{
	const char *db = answers_field_get(b, ANSWERS_DATE), *da = answers_field_get(a, ANSWERS_DATE);
	return db && da && strcmp(da, db) < 0;
}

compare_result *compare_run(const scoring_result *before, const scoring_result *after,
			    unsigned flags, compare_refusal *refusal, assess_error *err)
{
	const answers *b = before->answers, *a = after->answers;
	compare_kind kind = COMPARE_PROGRESS;
	if (refusal)
		*refusal = COMPARE_ACCEPTED;
	if (check_enterprise(b, a, flags, refusal, err) || check_instrument(b, a, flags, refusal, err) ||
	    decide_kind(b, a, &kind, refusal, err))
		return NULL;
	compare_result *c = calloc(1, sizeof *c);
	if (!c)
		goto nomem;
	c->kind = kind;
	c->before = before;
	c->after = after;
	c->q = before->q;
	c->level_before = before->level;
	c->level_after = after->level;
	c->total_before = before->total;
	c->total_after = after->total;
	c->delta_total = after->total - before->total;
	c->dates_out_of_order = dates_out_of_order(b, a);
	fill_gates(c);
	if (fill_dimensions(c))
		goto nomem;
	if (flags & COMPARE_SUMMARY)
		return c;
	c->n_questions = questionnaire_n_questions(c->q);
	c->questions = calloc(c->n_questions ? c->n_questions : 1, sizeof *c->questions);
	if (!c->questions)
		goto nomem;
	for (size_t i = 0; i < c->n_questions; i++)
		fill_question(c, i);
	if (kind == COMPARE_VERIFICATION && compare_levels_if_declared(c, err))
		goto fail;
	return c;
nomem:
	assess_fail(err, ASSESS_ERR_NOMEM, answers_source(a), 0, 0, "out of memory");
fail:
	compare_free(c);
	return NULL;
}

void compare_free(compare_result *c)
{
	if (!c)
		return;
	free(c->dimensions);
	free(c->questions);
	free(c);
}
