#include "config.h"
#include "portfolio/tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"
#include "common/grow.h"
#include "common/strmap.h"
#include "compare/compare.h"

#define N_STAGES 3 /* answers_stage: none, baseline, post */
#define N_LEVELS (QN_MAX_LEVEL + 1)

struct portfolio_group {
	char *name;
	portfolio_counts counts[N_STAGES];
	int64_t *scenario_sum; /* [N_STAGES][n_scenarios] */
};

/*
 * What one credit code has been seen with: its row, level, instrument and subsidy per stage
 * (0 / -1 / NULL when not). The subsidy is kept so the portfolio's total can leave out a
 * baseline's money when the enterprise has a post row: the money belongs to that row.
 */
struct pair {
	size_t seq[N_STAGES];
	int level[N_STAGES];
	const questionnaire *q[N_STAGES];
	bool subsidy_computed[N_STAGES];
	int64_t subsidy[N_STAGES];
};

struct grouping {
	strmap *index;
	portfolio_group **groups;
	size_t n, cap;
};

struct portfolio_tally {
	const questionnaire *q;
	const qn_question **scenarios;
	size_t n_scenarios;
	size_t rows;
	portfolio_counts counts[N_STAGES];
	size_t *scenario_levels; /* [N_STAGES][n_scenarios][N_LEVELS] */
	struct grouping by[PORTFOLIO_N_GROUPINGS];
	strmap *codes;
	struct pair *pairs;
	size_t n_pairs, cap_pairs;
	int64_t budget;
	int64_t running[PORTFOLIO_N_BASES];
	size_t exhausted_at[PORTFOLIO_N_BASES];
	char *exhausted_by[PORTFOLIO_N_BASES];
	size_t n_lines;
	int64_t *line_claimed; /* [N_STAGES][n_lines] */
};

portfolio_tally *portfolio_tally_new(const questionnaire *q, int64_t budget, size_t n_budget_lines)
{
	portfolio_tally *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->q = q;
	t->budget = budget;
	t->n_lines = n_budget_lines;
	size_t n_questions = q ? questionnaire_n_questions(q) : 0;
	t->scenarios = calloc(n_questions + 1, sizeof *t->scenarios);
	for (size_t i = 0; t->scenarios && i < n_questions; i++)
		if (questionnaire_question(q, i)->kind == QN_SCENARIO)
			t->scenarios[t->n_scenarios++] = questionnaire_question(q, i);
	t->scenario_levels = calloc(N_STAGES * (t->n_scenarios + 1) * N_LEVELS, sizeof(size_t));
	t->line_claimed = calloc(N_STAGES * (n_budget_lines + 1), sizeof(int64_t));
	t->codes = strmap_new();
	for (int g = 0; g < PORTFOLIO_N_GROUPINGS; g++)
		t->by[g].index = strmap_new();
	if (!t->scenarios || !t->scenario_levels || !t->line_claimed || !t->codes ||
	    !t->by[0].index || !t->by[1].index) {
		portfolio_tally_free(t);
		return NULL;
	}
	return t;
}

void portfolio_tally_free(portfolio_tally *t)
{
	if (!t)
		return;
	for (int g = 0; g < PORTFOLIO_N_GROUPINGS; g++) {
		for (size_t i = 0; i < t->by[g].n; i++) {
			free(t->by[g].groups[i]->name);
			free(t->by[g].groups[i]->scenario_sum);
			free(t->by[g].groups[i]);
		}
		free(t->by[g].groups);
		strmap_free(t->by[g].index);
	}
	for (int b = 0; b < PORTFOLIO_N_BASES; b++)
		free(t->exhausted_by[b]);
	strmap_free(t->codes);
	free(t->pairs);
	free(t->scenarios);
	free(t->scenario_levels);
	free(t->line_claimed);
	free(t);
}

static int scenario_level(const answers *a, const qn_question *q)
{
	return answers_scenario_level(answers_get(a, q->index));
}

static void count_row(portfolio_counts *c, const scoring_result *r, const portfolio_subsidy *sub)
{
	int above = answers_above_scale(r->answers);
	c->n++;
	c->level[r->level]++;
	c->above_scale += above == 1;
	c->above_scale_l2 += above == 1 && r->level >= 2;
	c->scale_unknown += above < 0;
	c->total_milli += r->total;
	if (sub && sub->computed) {
		c->subsidy += sub->total;
		c->subsidy_rows++;
	}
}

static void add_counts(portfolio_counts *to, const portfolio_counts *from)
{
	to->n += from->n;
	for (int l = 0; l < N_LEVELS; l++)
		to->level[l] += from->level[l];
	to->above_scale += from->above_scale;
	to->above_scale_l2 += from->above_scale_l2;
	to->scale_unknown += from->scale_unknown;
	to->total_milli += from->total_milli;
	to->subsidy += from->subsidy;
	to->subsidy_rows += from->subsidy_rows;
}

static portfolio_group *find_group(portfolio_tally *t, struct grouping *gr, const char *name)
{
	size_t *slot;
	bool fresh;
	if (!strmap_put(gr->index, name, &slot, &fresh))
		return NULL;
	if (!fresh)
		return gr->groups[*slot];
	portfolio_group **grown = grow_array(gr->groups, &gr->cap, gr->n + 1, sizeof *grown, 16);
	if (!grown)
		return NULL;
	gr->groups = grown;
	portfolio_group *g = calloc(1, sizeof *g);
	if (g && (!(g->name = strdup(name)) ||
		  !(g->scenario_sum = calloc(N_STAGES * (t->n_scenarios + 1), sizeof(int64_t))))) {
		free(g->name);
		free(g);
		g = NULL;
	}
	if (!g)
		return NULL;
	*slot = gr->n;
	gr->groups[gr->n++] = g;
	return g;
}

/* The pairing record of a credit code, created on first sight. */
static struct pair *find_pair(portfolio_tally *t, const char *code)
{
	size_t *slot;
	bool fresh;
	if (!strmap_put(t->codes, code, &slot, &fresh))
		return NULL;
	if (!fresh)
		return &t->pairs[*slot];
	struct pair *grown =
		grow_array(t->pairs, &t->cap_pairs, t->n_pairs + 1, sizeof *grown, 256);
	if (!grown)
		return NULL;
	t->pairs = grown;
	*slot = t->n_pairs;
	t->pairs[t->n_pairs] = (struct pair){.level = {-1, -1, -1}};
	return &t->pairs[t->n_pairs++];
}

size_t portfolio_tally_duplicate(const portfolio_tally *t, const answers *a)
{
	const char *code = answers_field_get(a, ANSWERS_CREDIT_CODE);
	const size_t *slot = code ? strmap_get(t->codes, code) : NULL;
	return slot ? t->pairs[*slot].seq[answers_stage_get(a)] : 0;
}

/* "名称 91350…" of the row that went over the budget: the workbook names it. */
static char *row_label(const answers *a)
{
	const char *name = answers_field_get(a, ANSWERS_NAME);
	const char *code = answers_field_get(a, ANSWERS_CREDIT_CODE);
	size_t n = (name ? strlen(name) : 0) + (code ? strlen(code) : 0) + 2;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", name ? name : "", name && code ? " " : "",
			 code ? code : "");
	return s;
}

static bool add_budget(portfolio_tally *t, int basis, size_t seq, const answers *a, int64_t amount)
{
	t->running[basis] += amount;
	if (t->budget < 0 || t->exhausted_at[basis] || t->running[basis] <= t->budget)
		return true;
	t->exhausted_at[basis] = seq;
	return (t->exhausted_by[basis] = row_label(a)) != NULL;
}

static bool add_groups(portfolio_tally *t, const scoring_result *r, const portfolio_subsidy *sub,
		       int stage)
{
	static const answers_field fields[PORTFOLIO_N_GROUPINGS] = {ANSWERS_INDUSTRY,
								    ANSWERS_REGION};
	for (int by = 0; by < PORTFOLIO_N_GROUPINGS; by++) {
		const char *name = answers_field_get(r->answers, fields[by]);
		portfolio_group *g = find_group(t, &t->by[by], name ? name : "");
		if (!g)
			return false;
		count_row(&g->counts[stage], r, sub);
		for (size_t i = 0; i < t->n_scenarios; i++)
			g->scenario_sum[stage * t->n_scenarios + i] +=
				scenario_level(r->answers, t->scenarios[i]);
	}
	return true;
}

assess_code portfolio_tally_add(portfolio_tally *t, size_t seq, const scoring_result *r,
				const portfolio_subsidy *sub, assess_error *err)
{
	const answers *a = r->answers;
	int stage = (int)answers_stage_get(a);
	const char *code = answers_field_get(a, ANSWERS_CREDIT_CODE);
	struct pair *p = code ? find_pair(t, code) : NULL;
	if ((code && !p) || !add_groups(t, r, sub, stage))
		return assess_nomem(err, NULL);
	if (p) {
		p->seq[stage] = seq;
		p->level[stage] = r->level;
		p->q[stage] = r->q;
		p->subsidy_computed[stage] = sub && sub->computed;
		p->subsidy[stage] = sub && sub->computed ? sub->total : 0;
	}
	count_row(&t->counts[stage], r, sub);
	for (size_t i = 0; i < t->n_scenarios; i++)
		t->scenario_levels[(stage * t->n_scenarios + i) * N_LEVELS +
				   scenario_level(a, t->scenarios[i])]++;
	if (sub && sub->computed) {
		if (!add_budget(t, stage, seq, a, sub->total) ||
		    !add_budget(t, PORTFOLIO_BASIS_ALL, seq, a, sub->total))
			return assess_nomem(err, NULL);
		for (size_t l = 0; sub->line_claims && l < t->n_lines; l++)
			t->line_claimed[stage * t->n_lines + l] += sub->line_claims[l];
	}
	t->rows++;
	return ASSESS_OK;
}

const questionnaire *portfolio_tally_questionnaire(const portfolio_tally *t) { return t->q; }
size_t portfolio_tally_rows(const portfolio_tally *t) { return t->rows; }
int64_t portfolio_tally_budget(const portfolio_tally *t) { return t->budget; }
size_t portfolio_tally_n_budget_lines(const portfolio_tally *t) { return t->n_lines; }
size_t portfolio_tally_n_scenarios(const portfolio_tally *t) { return t->n_scenarios; }
const char *portfolio_group_name(const portfolio_group *g) { return g->name; }

const qn_question *portfolio_tally_scenario(const portfolio_tally *t, size_t i)
{
	return i < t->n_scenarios ? t->scenarios[i] : NULL;
}

int portfolio_tally_basis(const portfolio_tally *t)
{
	return t->counts[ANSWERS_STAGE_POST].n ? ANSWERS_STAGE_POST : PORTFOLIO_BASIS_ALL;
}

/* The stages a basis covers: one, or all three. */
static int first_stage(int basis) { return basis == PORTFOLIO_BASIS_ALL ? 0 : basis; }
static int last_stage(int basis) { return basis == PORTFOLIO_BASIS_ALL ? N_STAGES - 1 : basis; }

/* A baseline and a post row that compare as progress (compare_decide, as assess compare). */
static bool progress_pair(const struct pair *p)
{
	if (p->level[ANSWERS_STAGE_BASELINE] < 0 || p->level[ANSWERS_STAGE_POST] < 0)
		return false;
	/* Paired by credit code already: the same enterprise. */
	compare_key b = {.q = p->q[ANSWERS_STAGE_BASELINE], .stage = ANSWERS_STAGE_BASELINE};
	compare_key a = {.q = p->q[ANSWERS_STAGE_POST], .stage = ANSWERS_STAGE_POST};
	compare_kind kind;
	return compare_decide(&b, &a, COMPARE_SAME_ENTERPRISE, &kind) == COMPARE_ACCEPTED &&
	       kind == COMPARE_PROGRESS;
}

void portfolio_tally_counts(const portfolio_tally *t, const portfolio_group *g, int basis,
			    portfolio_counts *out)
{
	*out = (portfolio_counts){0};
	for (int s = first_stage(basis); s <= last_stage(basis); s++)
		add_counts(out, g ? &g->counts[s] : &t->counts[s]);
	if (g || basis != PORTFOLIO_BASIS_ALL)
		return;
	/* Every row counts, but an enterprise's money is counted once: on its post row. */
	for (size_t i = 0; i < t->n_pairs; i++) {
		const struct pair *p = &t->pairs[i];
		if (p->subsidy_computed[ANSWERS_STAGE_BASELINE] &&
		    p->subsidy_computed[ANSWERS_STAGE_POST]) {
			out->subsidy -= p->subsidy[ANSWERS_STAGE_BASELINE];
			out->subsidy_rows--;
		}
	}
}

int64_t portfolio_tally_scenario_sum(const portfolio_tally *t, const portfolio_group *g, int basis,
				     size_t scenario)
{
	int64_t sum = 0;
	for (int s = first_stage(basis); s <= last_stage(basis); s++) {
		if (g) {
			sum += g->scenario_sum[s * t->n_scenarios + scenario];
			continue;
		}
		for (int l = 0; l < N_LEVELS; l++)
			sum += (int64_t)l *
			       (int64_t)t->scenario_levels[(s * t->n_scenarios + scenario) *
								   N_LEVELS +
							   l];
	}
	return sum;
}

void portfolio_tally_scenario_levels(const portfolio_tally *t, int basis, size_t scenario,
				     size_t out[QN_MAX_LEVEL + 1])
{
	memset(out, 0, N_LEVELS * sizeof *out);
	for (int s = first_stage(basis); s <= last_stage(basis); s++)
		for (int l = 0; l < N_LEVELS; l++)
			out[l] +=
				t->scenario_levels[(s * t->n_scenarios + scenario) * N_LEVELS + l];
}

struct ranked {
	const portfolio_group *g;
	size_t n;
};

static int ranked_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->g->name, b->g->name);
}

const portfolio_group **portfolio_tally_groups(const portfolio_tally *t, portfolio_grouping by,
					       int basis, size_t *n)
{
	const struct grouping *gr = &t->by[by];
	struct ranked *r = malloc((gr->n + 1) * sizeof *r);
	const portfolio_group **out = malloc((gr->n + 1) * sizeof *out);
	*n = 0;
	if (!r || !out) {
		free(r);
		free(out);
		return NULL;
	}
	for (size_t i = 0; i < gr->n; i++) {
		portfolio_counts c;
		portfolio_tally_counts(t, gr->groups[i], basis, &c);
		if (c.n)
			r[(*n)++] = (struct ranked){gr->groups[i], c.n};
	}
	qsort(r, *n, sizeof *r, ranked_cmp);
	for (size_t i = 0; i < *n; i++)
		out[i] = r[i].g;
	free(r);
	return out;
}

void portfolio_tally_pairing(const portfolio_tally *t, portfolio_pairing *out)
{
	*out = (portfolio_pairing){0};
	for (size_t i = 0; i < t->n_pairs; i++) {
		const struct pair *p = &t->pairs[i];
		if (p->level[ANSWERS_STAGE_BASELINE] < 0 || p->level[ANSWERS_STAGE_POST] < 0)
			continue;
		if (!progress_pair(p)) {
			out->refused++;
			continue;
		}
		out->matrix[p->level[ANSWERS_STAGE_BASELINE]][p->level[ANSWERS_STAGE_POST]]++;
		out->pairs++;
		out->post_level2 += p->level[ANSWERS_STAGE_POST] >= 2;
	}
}

size_t portfolio_tally_transitions(const portfolio_tally *t,
				   size_t out[QN_MAX_LEVEL + 1][QN_MAX_LEVEL + 1])
{
	portfolio_pairing pg;
	portfolio_tally_pairing(t, &pg);
	memcpy(out, pg.matrix, sizeof pg.matrix);
	return pg.pairs;
}

size_t portfolio_tally_budget_exhausted_at(const portfolio_tally *t, int basis)
{
	return t->exhausted_at[basis];
}

const char *portfolio_tally_budget_exhausted_by(const portfolio_tally *t, int basis)
{
	return t->exhausted_by[basis];
}

int64_t portfolio_tally_line_claimed(const portfolio_tally *t, int basis, size_t line)
{
	int64_t sum = 0;
	for (int s = first_stage(basis); s <= last_stage(basis); s++)
		sum += t->line_claimed[s * t->n_lines + line];
	return sum;
}

void portfolio_targets_judge(const portfolio_tally *t, const portfolio_targets *tg,
			     portfolio_verdicts *v)
{
	portfolio_counts c;
	*v = (portfolio_verdicts){.basis = portfolio_tally_basis(t)};
	portfolio_tally_counts(t, NULL, v->basis, &c);
	v->level2_have = c.above_scale_l2;
	v->level2_of = c.above_scale;
	if (tg->level2_share < 0)
		v->level2 = PORTFOLIO_TARGET_UNSET;
	else if (c.above_scale == 0)
		v->level2 = PORTFOLIO_TARGET_NO_DATA;
	else /* have / of >= share / 10000, in integers */
		v->level2 = (uint64_t)c.above_scale_l2 * 10000u >=
					    (uint64_t)tg->level2_share * c.above_scale
				    ? PORTFOLIO_TARGET_MET
				    : PORTFOLIO_TARGET_MISSED;
	v->level4_have = c.level[QN_MAX_LEVEL];
	if (tg->level4_count < 0)
		v->level4 = PORTFOLIO_TARGET_UNSET;
	else
		v->level4 = v->level4_have >= (size_t)tg->level4_count ? PORTFOLIO_TARGET_MET
								       : PORTFOLIO_TARGET_MISSED;
	v->spent = c.subsidy;
	if (t->budget < 0) {
		v->budget = PORTFOLIO_TARGET_UNSET;
		return;
	}
	v->budget = c.subsidy <= t->budget ? PORTFOLIO_TARGET_MET : PORTFOLIO_TARGET_MISSED;
	v->over = c.subsidy > t->budget ? c.subsidy - t->budget : 0;
	v->exhausted_at = t->exhausted_at[v->basis];
}

bool portfolio_parse_share(const char *text, int *hundredths)
{
	char buf[32];
	size_t n = strlen(text);
	int64_t v;
	if (n == 0 || n >= sizeof buf)
		return false;
	memcpy(buf, text, n + 1);
	if (buf[n - 1] == '%')
		buf[--n] = '\0';
	if (!decimal_parse_scaled(buf, 2, &v) || v < 0 || v > 10000)
		return false;
	*hundredths = (int)v;
	return true;
}
