#include "config.h"
#include "scoring/scoring.h"

#include <stdlib.h>
#include <string.h>
#include "common/grow.h"

static int64_t question_points(const qn_question *q, const answer *ans)
{
	if (!ans->given || q->kind == QN_SCENARIO)
		return 0;
	if (q->kind == QN_SINGLE)
		return q->options[ans->choice].points;
	/* Without a branch per option: which options an enterprise ticks is not predictable. */
	int64_t sum = 0;
	for (size_t i = 0; i < q->n_options; i++)
		sum += (int64_t)((ans->mask >> i) & 1) * q->options[i].points;
	return sum;
}

static void count_scenarios(scoring_result *r)
{
	size_t n = questionnaire_n_questions(r->q);
	qn_question *const *questions = questionnaire_questions(r->q);
	const answer *given = answers_items(r->answers);
	for (size_t i = 0; i < n; i++) {
		const qn_question *q = questions[i];
		const answer *ans = &given[i];
		if (q->kind != QN_SCENARIO)
			continue;
		int level = answers_scenario_level(ans);
		for (int l = 0; l <= QN_MAX_LEVEL; l++) {
			r->at_least[l] += l <= level;
			r->constrained_at_least[l] += (l <= level) & q->constrained;
		}
	}
}

static void evaluate_gate(scoring_result *r, const qn_level_rule *rule, scoring_gate *g)
{
	g->level = rule->level;
	g->score_met = r->total >= rule->min_score;
	g->score_short = g->score_met ? 0 : rule->min_score - r->total;
	g->scenarios_have = r->at_least[rule->scenario_level];
	g->scenarios_need = rule->min_scenarios;
	g->scenarios_met = g->scenarios_have >= g->scenarios_need;
	g->constrained_have = r->constrained_at_least[rule->scenario_level];
	g->constrained_need = rule->min_constrained;
	g->constrained_met = g->constrained_have >= g->constrained_need;
	g->met = g->score_met && g->scenarios_met && g->constrained_met;
}

static int push_gap(scoring_result *r, size_t *cap, scoring_gap gap)
{
	scoring_gap *grown = grow_array(r->gaps, cap, r->n_gaps + 1, sizeof *grown, 32);
	if (!grown)
		return -1;
	r->gaps = grown;
	r->gaps[r->n_gaps++] = gap;
	return 0;
}

/* Single: the best option, if better than the answer. Multi: each additive option not chosen. */
static int option_gaps(scoring_result *r, size_t *cap, const qn_question *q, const answer *ans)
{
	int64_t now = r->question_points[q->index];
	if (q->kind == QN_SINGLE) {
		int best = -1;
		for (size_t i = 0; i < q->n_options; i++)
			if (q->options[i].points > now &&
			    (best < 0 || q->options[i].points > q->options[best].points))
				best = (int)i;
		if (best < 0)
			return 0;
		return push_gap(r, cap,
				(scoring_gap){.kind = SCORING_GAP_OPTION,
					      .question = q,
					      .option = best,
					      .gain = q->options[best].points - now});
	}
	for (size_t i = 0; i < q->n_options; i++) {
		if (q->options[i].exclusive || q->options[i].points <= 0 ||
		    (ans->given && (ans->mask & (1ULL << i))))
			continue;
		if (push_gap(r, cap,
			     (scoring_gap){.kind = SCORING_GAP_OPTION,
					   .question = q,
					   .option = (int)i,
					   .gain = q->options[i].points}))
			return -1;
	}
	return 0;
}

/* Scenarios below the next level's bar, when its scenario or ★ condition is short. */
static int scenario_gaps(scoring_result *r, size_t *cap)
{
	const scoring_gate *g = scoring_next_gate(r);
	if (!g || (g->scenarios_met && g->constrained_met))
		return 0;
	const qn_level_rule *rule = questionnaire_level_rule(r->q, g->level);
	for (size_t i = 0; i < questionnaire_n_questions(r->q); i++) {
		const qn_question *q = questionnaire_question(r->q, i);
		const answer *ans = answers_get(r->answers, i);
		int level = answers_scenario_level(ans);
		if (q->kind != QN_SCENARIO || level >= rule->scenario_level)
			continue;
		/* With only the ★ condition short, raising a plain scenario does not help. */
		if (g->scenarios_met && !q->constrained)
			continue;
		scoring_gap gap = {.kind = SCORING_GAP_SCENARIO,
				   .question = q,
				   .from_level = level,
				   .to_level = rule->scenario_level,
				   .for_level = g->level,
				   .needed_for_star = q->constrained && !g->constrained_met};
		if (push_gap(r, cap, gap))
			return -1;
	}
	return 0;
}

/*
 * Order: what the next level's scenario gate needs (★ first, then the smallest step), then
 * points by gain; ties keep questionnaire order, so the list is stable.
 */
static int gap_cmp(const void *pa, const void *pb)
{
	const scoring_gap *a = pa, *b = pb;
	if (a->kind != b->kind)
		return a->kind == SCORING_GAP_SCENARIO ? -1 : 1;
	if (a->kind == SCORING_GAP_SCENARIO) {
		if (a->needed_for_star != b->needed_for_star)
			return a->needed_for_star ? -1 : 1;
		int sa = a->to_level - a->from_level, sb = b->to_level - b->from_level;
		if (sa != sb)
			return sa < sb ? -1 : 1;
	} else if (a->gain != b->gain) {
		return a->gain > b->gain ? -1 : 1;
	}
	if (a->question->index != b->question->index)
		return a->question->index < b->question->index ? -1 : 1;
	return a->option < b->option ? -1 : a->option > b->option;
}

static int find_gaps(scoring_result *r)
{
	size_t cap = 0;
	if (scenario_gaps(r, &cap))
		return -1;
	for (size_t i = 0; i < questionnaire_n_questions(r->q); i++) {
		const qn_question *q = questionnaire_question(r->q, i);
		if (q->kind != QN_SCENARIO && option_gaps(r, &cap, q, answers_get(r->answers, i)))
			return -1;
	}
	if (r->n_gaps > 1)
		qsort(r->gaps, r->n_gaps, sizeof *r->gaps, gap_cmp);
	return 0;
}

scoring_result *scoring_run(const answers *a, assess_error *err)
{
	return scoring_run_flags(a, 0, err);
}

scoring_result *scoring_run_flags(const answers *a, unsigned flags, assess_error *err)
{
	const questionnaire *q = answers_questionnaire(a);
	size_t n = questionnaire_n_questions(q);
	/* The points share the result's allocation: a stream scores one answer set per line. */
	scoring_result *r = calloc(1, sizeof *r + (n + 1) * sizeof(int64_t));
	if (!r)
		goto nomem;
	r->question_points = (int64_t *)(r + 1);
	r->answers = a;
	r->q = q;
	r->max = questionnaire_total(q);
	qn_question *const *questions = questionnaire_questions(q);
	const answer *given = answers_items(a);
	for (size_t i = 0; i < n; i++) {
		r->question_points[i] = question_points(questions[i], &given[i]);
		r->total += r->question_points[i];
	}
	count_scenarios(r);
	for (int l = 1; l <= (int)questionnaire_n_levels(q); l++) {
		evaluate_gate(r, questionnaire_level_rule(q, l), &r->gates[l]);
		if (r->gates[l].met)
			r->level = l;
	}
	if (!(flags & SCORING_NO_GAPS) && find_gaps(r))
		goto nomem;
	return r;
nomem:
	scoring_free(r);
	assess_nomem(err, answers_source(a));
	return NULL;
}

void scoring_free(scoring_result *r)
{
	if (!r)
		return;
	free(r->gaps);
	free(r);
}

int64_t scoring_indicator_points(const scoring_result *r, const qn_indicator *ind)
{
	int64_t sum = 0;
	for (size_t i = 0; i < ind->n_questions; i++)
		sum += r->question_points[ind->questions[i]->index];
	return sum;
}

int64_t scoring_subdimension_points(const scoring_result *r, const qn_subdimension *sub)
{
	int64_t sum = 0;
	for (size_t i = 0; i < sub->n_indicators; i++)
		sum += scoring_indicator_points(r, &sub->indicators[i]);
	return sum;
}

int64_t scoring_dimension_points(const scoring_result *r, const qn_dimension *dim)
{
	int64_t sum = 0;
	for (size_t i = 0; i < dim->n_subdimensions; i++)
		sum += scoring_subdimension_points(r, &dim->subdimensions[i]);
	return sum;
}

const scoring_gate *scoring_next_gate(const scoring_result *r)
{
	int next = r->level + 1;
	return next <= (int)questionnaire_n_levels(r->q) ? &r->gates[next] : NULL;
}
