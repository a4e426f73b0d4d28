/* Deciding what two assessments compare as, and the comparison itself (compare.h). */
#include "config.h"
#include "compare/compare.h"

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
		return lang == QN_LANG_EN ? "declaration against on-site rating"
					  : "自评与现场评定核对";
	return lang == QN_LANG_EN ? "before and after the transformation" : "改造前后对比";
}

const char *compare_refusal_name(compare_refusal r)
{
	static const char *const names[] = {"", "enterprise", "unnamed", "instrument", "kind"};
	return (unsigned)r < sizeof names / sizeof *names ? names[r] : "";
}

static const char *or_dash(const char *s) { return s && *s ? s : "-"; }

compare_key compare_key_of(const answers *a)
{
	compare_instrument in = compare_recorded_instrument(a);
	return (compare_key){.q = answers_questionnaire(a),
			     .credit_code = answers_field_get(a, ANSWERS_CREDIT_CODE),
			     .stage = answers_stage_get(a),
			     .source = compare_source(a),
			     .version = in.version,
			     .sha256 = in.sha256};
}

static bool differ(const char *x, const char *y) { return x && y && strcmp(x, y) != 0; }

static bool is(const char *s, const char *want) { return s && strcmp(s, want) == 0; }

compare_refusal compare_decide(const compare_key *b, const compare_key *a, unsigned flags,
			       compare_kind *kind)
{
	if (differ(b->credit_code, a->credit_code))
		return COMPARE_REFUSED_ENTERPRISE;
	if ((!b->credit_code || !a->credit_code) && !(flags & COMPARE_SAME_ENTERPRISE))
		return COMPARE_REFUSED_UNNAMED;
	if (b->q != a->q)
		return COMPARE_REFUSED_INSTRUMENT;
	if (!(flags & COMPARE_RESCORE) &&
	    (differ(b->version, a->version) || differ(b->sha256, a->sha256)))
		return COMPARE_REFUSED_INSTRUMENT;
	if (b->stage == ANSWERS_STAGE_BASELINE && a->stage == ANSWERS_STAGE_POST) {
		*kind = COMPARE_PROGRESS;
		return COMPARE_ACCEPTED;
	}
	if (b->stage == a->stage && is(b->source, "self") && is(a->source, "onsite")) {
		*kind = COMPARE_VERIFICATION;
		return COMPARE_ACCEPTED;
	}
	return COMPARE_REFUSED_KIND;
}

static void instrument_reason(const compare_key *b, const compare_key *a, assess_error *err,
			      const char *file)
{
	const char *qb = questionnaire_id(b->q), *qa = questionnaire_id(a->q);
	if (b->q != a->q && strcmp(qb, qa) != 0)
		assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
			    "different instruments: %s before, %s after", qb, qa);
	else if (b->q != a->q)
		assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
			    "different instruments: %s before, %s after (two definitions loaded)",
			    questionnaire_path(b->q), questionnaire_path(a->q));
	else if (differ(b->version, a->version))
		assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
			    "different instruments: version %s before, %s after (--rescore "
			    "compares them as scored now)",
			    b->version, a->version);
	else
		assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
			    "different instruments: sha256 %.12s… before, %.12s… after "
			    "(--rescore compares them as scored now)",
			    b->sha256, a->sha256);
}

/* The refusal in words, as the user will read it. */
static void refusal_reason(compare_refusal why, const compare_key *b, const compare_key *a,
			   const char *file, assess_error *err)
{
	char bs[64], as[64];
	switch (why) {
	case COMPARE_REFUSED_ENTERPRISE:
		assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
			    "different enterprises: credit code %s before, %s after",
			    b->credit_code, a->credit_code);
		return;
	case COMPARE_REFUSED_UNNAMED:
		assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
			    "cannot tell the two files are one enterprise: %s "
			    "(--same-enterprise says they are)",
			    b->credit_code   ? "AFTER names no credit code"
			    : a->credit_code ? "BEFORE names no credit code"
					     : "neither names a credit code");
		return;
	case COMPARE_REFUSED_INSTRUMENT:
		instrument_reason(b, a, err, file);
		return;
	default:
		break;
	}
	snprintf(bs, sizeof bs, "%s/%s", or_dash(answers_stage_name(b->stage)), or_dash(b->source));
	snprintf(as, sizeof as, "%s/%s", or_dash(answers_stage_name(a->stage)), or_dash(a->source));
	assess_fail(err, ASSESS_ERR_DATA, file, 0, 0,
		    "the two files fit neither comparison (stage/source %s before, %s after): "
		    "progress needs baseline then post, verification one stage, self then onsite",
		    bs, as);
	if (b->stage == ANSWERS_STAGE_POST && a->stage == ANSWERS_STAGE_BASELINE)
		assess_error_append(err, "; the files look swapped: the baseline comes first");
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
	cq->differs = !answers_equal(q, cq->before, cq->after);
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
	const char *db = answers_field_get(b, ANSWERS_DATE),
		   *da = answers_field_get(a, ANSWERS_DATE);
	return db && da && strcmp(da, db) < 0;
}

/* AFTER is the newer word on the enterprise; BEFORE fills what AFTER leaves out. */
static const char *enterprise_field(const answers *before, const answers *after, answers_field f)
{
	const char *v = answers_field_get(after, f);
	return v ? v : answers_field_get(before, f);
}

compare_result *compare_run(const scoring_result *before, const scoring_result *after,
			    unsigned flags, compare_refusal *refusal, assess_error *err)
{
	const answers *b = before->answers, *a = after->answers;
	compare_kind kind = COMPARE_PROGRESS;
	compare_key kb = compare_key_of(b), ka = compare_key_of(a);
	compare_refusal why = compare_decide(&kb, &ka, flags, &kind);
	if (refusal)
		*refusal = why;
	if (why) {
		refusal_reason(why, &kb, &ka, answers_source(a), err);
		return NULL;
	}
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
	c->name = enterprise_field(b, a, ANSWERS_NAME);
	c->credit_code = enterprise_field(b, a, ANSWERS_CREDIT_CODE);
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
	assess_nomem(err, answers_source(a));
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
