/* The fewest steps to each level: a knapsack for the points, the cheapest scenarios for the
 * scenario gates (see plan.h for why the two parts can be solved apart). */
#include "config.h"
#include "scoring/plan.h"

#include <stdlib.h>
#include <string.h>
#include "common/grow.h"

struct scoring_plan_set {
	scoring_plan plans[QN_MAX_LEVEL];
	size_t n;
};

/* The answers a scored question passes through, one step at a time. */
typedef struct ladder {
	const qn_question *q;
	scoring_plan_value start;
	scoring_plan_value *rungs; /* rungs[j]: the answer after j + 1 steps */
	int64_t *cum;              /* cum[j]: points gained after j + 1 steps */
	size_t n;
} ladder;

typedef struct search {
	const scoring_result *r;
	ladder *ladders;
	size_t n_ladders;
	size_t total_steps; /* every rung of every ladder */
	int64_t *best;      /* [(n_ladders + 1) * (total_steps + 1)]: most points, -1 none */
	uint16_t *take;     /* same shape: steps taken on ladder i-1 for that best */
} search;

static scoring_plan_value value_of(const answer *a)
{
	scoring_plan_value v = {.given = a->given};
	if (a->given) {
		v.choice = a->choice;
		v.mask = a->mask;
		v.level = a->level;
	}
	return v;
}

static int64_t single_points(const qn_question *q, const scoring_plan_value *v)
{
	return v->given ? q->options[v->choice].points : 0;
}

/* Single: each rung is the option with the fewest points above the last (first on a tie). */
static size_t single_rungs(ladder *l)
{
	const qn_question *q = l->q;
	int64_t now = single_points(q, &l->start), base = now;
	size_t n = 0;
	for (;;) {
		int next = -1;
		for (size_t i = 0; i < q->n_options; i++)
			if (q->options[i].points > now &&
			    (next < 0 || q->options[i].points < q->options[next].points))
				next = (int)i;
		if (next < 0)
			return n;
		now = q->options[next].points;
		if (l->rungs) {
			l->rungs[n] = (scoring_plan_value){.given = true, .choice = next};
			l->cum[n] = now - base;
		}
		n++;
	}
}

static bool has_exclusive(const qn_question *q, uint64_t mask)
{
	for (size_t i = 0; i < q->n_options; i++)
		if (q->options[i].exclusive && (mask >> i & 1))
			return true;
	return false;
}

/* Multi: add the options not yet chosen that carry points, most points first. */
static size_t multi_rungs(ladder *l)
{
	const qn_question *q = l->q;
	uint64_t mask = l->start.given && !has_exclusive(q, l->start.mask) ? l->start.mask : 0;
	int64_t gained = 0;
	size_t n = 0;
	for (;;) {
		int next = -1;
		for (size_t i = 0; i < q->n_options; i++)
			if (!q->options[i].exclusive && q->options[i].points > 0 &&
			    !(mask >> i & 1) &&
			    (next < 0 || q->options[i].points > q->options[next].points))
				next = (int)i;
		if (next < 0)
			return n;
		mask |= 1ULL << next;
		gained += q->options[next].points;
		if (l->rungs) {
			l->rungs[n] = (scoring_plan_value){.given = true, .mask = mask};
			l->cum[n] = gained;
		}
		n++;
	}
}

static size_t count_rungs(ladder *l)
{
	return l->q->kind == QN_SINGLE ? single_rungs(l) : multi_rungs(l);
}

static void search_free(search *s)
{
	for (size_t i = 0; i < s->n_ladders; i++) {
		free(s->ladders[i].rungs);
		free(s->ladders[i].cum);
	}
	free(s->ladders);
	free(s->best);
	free(s->take);
}

static int build_ladders(search *s)
{
	const questionnaire *q = s->r->q;
	size_t n = questionnaire_n_questions(q);
	s->ladders = calloc(n ? n : 1, sizeof *s->ladders);
	if (!s->ladders)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const qn_question *qq = questionnaire_question(q, i);
		if (qq->kind == QN_SCENARIO)
			continue;
		ladder *l = &s->ladders[s->n_ladders++];
		l->q = qq;
		l->start = value_of(answers_get(s->r->answers, i));
		l->n = count_rungs(l);
		if (!l->n)
			continue;
		l->rungs = malloc(l->n * sizeof *l->rungs);
		l->cum = malloc(l->n * sizeof *l->cum);
		if (!l->rungs || !l->cum)
			return -1;
		count_rungs(l);
		s->total_steps += l->n;
	}
	return 0;
}

/*
 * best[i][t]: the most points t steps can gain on the first i ladders (-1: t steps cannot be
 * spent there). take[i][t]: how many of them went to ladder i-1. Ties keep the fewer steps on
 * the later ladder, so the answer is the same on every run.
 */
static int knapsack(search *s)
{
	size_t w = s->total_steps + 1, cells = (s->n_ladders + 1) * w;
	s->best = malloc(cells * sizeof *s->best);
	s->take = calloc(cells, sizeof *s->take);
	if (!s->best || !s->take)
		return -1;
	for (size_t t = 0; t < w; t++)
		s->best[t] = t == 0 ? 0 : -1;
	for (size_t i = 1; i <= s->n_ladders; i++) {
		const ladder *l = &s->ladders[i - 1];
		const int64_t *prev = s->best + (i - 1) * w;
		int64_t *row = s->best + i * w;
		uint16_t *take = s->take + i * w;
		for (size_t t = 0; t < w; t++) {
			row[t] = prev[t];
			take[t] = 0;
			for (size_t k = 1; k <= l->n && k <= t; k++) {
				if (prev[t - k] < 0)
					continue;
				int64_t v = prev[t - k] + l->cum[k - 1];
				if (v > row[t]) {
					row[t] = v;
					take[t] = (uint16_t)k;
				}
			}
		}
	}
	return 0;
}

static int push_step(scoring_plan *p, size_t *cap, scoring_plan_step st)
{
	scoring_plan_step *grown = grow_array(p->steps, cap, p->n_steps + 1, sizeof *grown, 16);
	if (!grown)
		return -1;
	p->steps = grown;
	p->steps[p->n_steps++] = st;
	return 0;
}

/* Scenario i's cost to the bar; the scenario plan takes those with the lowest. */
typedef struct pick {
	size_t index;
	int level; /* now, 0 when unanswered */
	bool given;
	bool star;
	int cost;
	bool taken;
} pick;

static int pick_cmp(const void *pa, const void *pb)
{
	const pick *a = pa, *b = pb;
	if (a->cost != b->cost)
		return a->cost < b->cost ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Takes `need` of the untaken picks (★ only when star_only), cheapest first. */
static int take_cheapest(pick *picks, size_t n, int need, bool star_only)
{
	for (size_t i = 0; i < n && need > 0; i++) {
		if (picks[i].taken || (star_only && !picks[i].star))
			continue;
		picks[i].taken = true;
		need--;
	}
	return need > 0 ? -1 : 0;
}

static int scenario_steps(const search *s, const qn_level_rule *rule, scoring_plan *p, size_t *cap,
			  bool *reachable)
{
	const scoring_result *r = s->r;
	size_t nq = questionnaire_n_questions(r->q), n = 0;
	pick *picks = calloc(nq ? nq : 1, sizeof *picks);
	if (!picks)
		return -1;
	for (size_t i = 0; i < nq; i++) {
		const qn_question *q = questionnaire_question(r->q, i);
		const answer *a = answers_get(r->answers, i);
		int level = answers_scenario_level(a);
		if (q->kind != QN_SCENARIO || level >= rule->scenario_level)
			continue;
		picks[n++] = (pick){.index = i,
				    .level = level,
				    .given = a->given,
				    .star = q->constrained,
				    .cost = rule->scenario_level - level};
	}
	qsort(picks, n, sizeof *picks, pick_cmp);
	int star_need = rule->min_constrained - r->constrained_at_least[rule->scenario_level];
	int all_need = rule->min_scenarios - r->at_least[rule->scenario_level];
	star_need = star_need > 0 ? star_need : 0;
	all_need = all_need > star_need ? all_need - star_need : 0;
	*reachable = !take_cheapest(picks, n, star_need, true) &&
		     !take_cheapest(picks, n, all_need, false);
	/* Listed ★ first, then in questionnaire order: the order the report reads them in. */
	int rc = 0;
	for (int pass = 0; pass < 2 && *reachable && !rc; pass++) {
		for (size_t i = 0; i < nq && !rc; i++) {
			const pick *pk = NULL;
			for (size_t j = 0; j < n; j++)
				if (picks[j].index == i && picks[j].taken)
					pk = &picks[j];
			if (!pk || pk->star != (pass == 0))
				continue;
			const qn_question *q = questionnaire_question(r->q, i);
			scoring_plan_value from = {.given = pk->given, .level = pk->level};
			for (int l = pk->level + 1; l <= rule->scenario_level && !rc; l++) {
				scoring_plan_value to = {.given = true, .level = l};
				rc = push_step(p, cap,
					       (scoring_plan_step){.question = q,
								   .from = from,
								   .to = to});
				from = to;
			}
		}
	}
	free(picks);
	return rc;
}

typedef struct group {
	size_t ladder;
	size_t k;
} group;

static int group_cmp(const void *pa, const void *pb, const search *s)
{
	const group *a = pa, *b = pb;
	int64_t ga = s->ladders[a->ladder].cum[a->k - 1], gb = s->ladders[b->ladder].cum[b->k - 1];
	if (ga != gb)
		return ga > gb ? -1 : 1;
	return a->ladder < b->ladder ? -1 : a->ladder > b->ladder;
}

/* Insertion sort: qsort has no context argument in C11, and there are at most a few dozen. */
static void sort_groups(group *g, size_t n, const search *s)
{
	for (size_t i = 1; i < n; i++) {
		group x = g[i];
		size_t j = i;
		while (j > 0 && group_cmp(&g[j - 1], &x, s) > 0) {
			g[j] = g[j - 1];
			j--;
		}
		g[j] = x;
	}
}

/* The fewest steps that gain at least `shortfall`, and among them the most points. */
static int point_steps(const search *s, int64_t shortfall, scoring_plan *p, size_t *cap,
		       bool *reachable)
{
	size_t w = s->total_steps + 1, t = 0;
	const int64_t *last = s->best + s->n_ladders * w;
	while (t < w && last[t] < shortfall)
		t++;
	*reachable = t < w;
	if (!*reachable || t == 0)
		return 0;
	p->gain = last[t];
	group *groups = malloc((s->n_ladders + 1) * sizeof *groups);
	if (!groups)
		return -1;
	size_t ng = 0;
	for (size_t i = s->n_ladders; i > 0; i--) {
		size_t k = s->take[i * w + t];
		if (k)
			groups[ng++] = (group){.ladder = i - 1, .k = k};
		t -= k;
	}
	sort_groups(groups, ng, s);
	int rc = 0;
	for (size_t g = 0; g < ng && !rc; g++) {
		const ladder *l = &s->ladders[groups[g].ladder];
		scoring_plan_value from = l->start;
		int64_t before = 0;
		for (size_t k = 0; k < groups[g].k && !rc; k++) {
			rc = push_step(p, cap,
				       (scoring_plan_step){.question = l->q,
							   .from = from,
							   .to = l->rungs[k],
							   .gain = l->cum[k] - before});
			from = l->rungs[k];
			before = l->cum[k];
			p->n_point_steps++;
		}
	}
	free(groups);
	return rc;
}

static int plan_level(const search *s, int level, scoring_plan *p, bool *reachable)
{
	const scoring_result *r = s->r;
	const qn_level_rule *rule = questionnaire_level_rule(r->q, level);
	int64_t shortfall = rule->min_score - r->total;
	size_t cap = 0;
	bool scen_ok = false, points_ok = false;
	*p = (scoring_plan){.level = level};
	if (scenario_steps(s, rule, p, &cap, &scen_ok) ||
	    point_steps(s, shortfall > 0 ? shortfall : 0, p, &cap, &points_ok)) {
		free(p->steps);
		return -1;
	}
	*reachable = scen_ok && points_ok;
	if (!*reachable) {
		free(p->steps);
		*p = (scoring_plan){.level = level};
	}
	return 0;
}

scoring_plan_set *scoring_plan_find(const scoring_result *r, assess_error *err)
{
	scoring_plan_set *set = calloc(1, sizeof *set);
	search s = {.r = r};
	if (!set || build_ladders(&s) || knapsack(&s))
		goto nomem;
	for (int l = r->level + 1; l <= (int)questionnaire_n_levels(r->q); l++) {
		bool reachable;
		if (plan_level(&s, l, &set->plans[set->n], &reachable))
			goto nomem;
		if (reachable)
			set->n++;
	}
	search_free(&s);
	return set;
nomem:
	search_free(&s);
	scoring_plan_set_free(set);
	assess_nomem(err, answers_source(r->answers));
	return NULL;
}

void scoring_plan_set_free(scoring_plan_set *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->plans[i].steps);
	free(s);
}

size_t scoring_plan_count(const scoring_plan_set *s) { return s ? s->n : 0; }

const scoring_plan *scoring_plan_at(const scoring_plan_set *s, size_t i)
{
	return s && i < s->n ? &s->plans[i] : NULL;
}

const scoring_plan *scoring_plan_for(const scoring_plan_set *s, int level)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (s->plans[i].level == level)
			return &s->plans[i];
	return NULL;
}
