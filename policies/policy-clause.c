/* Reading the clauses of a policy document: conditions, the one rule of each, the split. */
#include "config.h"
#include "policies/policy-build.h"

#include <string.h>
#include "common/decimal.h"
#include "common/xmldoc.h"

static bool named(const xmlNode *n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

static int read_batch(struct build *b, const xmlNode *n, int *out)
{
	char *v = pb_attr(b, n, "batch");
	int64_t x;
	if (!v)
		return 0;
	if (!decimal_parse_scaled(v, 0, &x) || x < 1 || x > 99)
		return pb_fail_at(b, n, "batch=\"%s\": expected a batch number 1 to 99", v);
	*out = (int)x;
	return 0;
}

/* A row of a rate (rate + optional cap) or of an info rule (cap only). */
static int read_case(struct build *b, const xmlNode *n, policy_case *c, bool with_rate)
{
	char *status = pb_attr(b, n, "status");
	c->status = -1;
	c->cap = -1;
	c->rate_bp = -1;
	c->award = pb_attr(b, n, "award");
	c->reading = pb_attr(b, n, "reading");
	c->line = xmldoc_line(n);
	if ((status && pb_status(b, n, status, &c->status)) || read_batch(b, n, &c->batch) ||
	    pb_level(b, n, "min-level", &c->min_level) || pb_check_award(b, n, c->award) ||
	    pb_check_reading(b, n, c->reading) || pb_amount(b, n, "cap", &c->cap))
		return -1;
	return with_rate ? pb_rate(b, n, "rate", &c->rate_bp) : 0;
}

static bool matches_all(const policy_case *c)
{
	return !c->min_level && !c->batch && c->status < 0 && !c->award;
}

/* First match wins, so a row after one that matches everything (in its reading) is dead. */
static int check_cases(struct build *b, const policy_clause *c)
{
	for (size_t j = 1; j < c->n_cases; j++)
		for (size_t i = 0; i < j; i++)
			if (matches_all(&c->cases[i]) &&
			    (!c->cases[i].reading ||
			     (c->cases[j].reading &&
			      strcmp(c->cases[i].reading, c->cases[j].reading) == 0)))
				return pb_fail_line(b, c->cases[j].line,
						    "this case can never apply: the case at line %d "
						    "has no condition and comes first",
						    c->cases[i].line);
	return 0;
}

static int read_cases(struct build *b, const xmlNode *rule, policy_clause *c, bool with_rate)
{
	size_t k = 0;
	c->n_cases = xmldoc_count(rule, "case");
	if (!(c->cases = pb_alloc_n(b, c->n_cases ? c->n_cases : 1, sizeof *c->cases)))
		return -1;
	if (!c->n_cases && with_rate) { /* the short form: rate= and cap= on <rate> itself */
		c->n_cases = 1;
		return read_case(b, rule, &c->cases[0], true);
	}
	for (xmlNode *n = xmldoc_first(rule, "case"); n; n = xmldoc_next(n, "case"))
		if (read_case(b, n, &c->cases[k++], with_rate))
			return -1;
	return check_cases(b, c);
}

static bool has_term(const policy_clause *c, policy_term_kind kind)
{
	for (size_t i = 0; i < c->n_base; i++)
		if (c->base[i].kind == kind)
			return true;
	return false;
}

static int read_rate_rule(struct build *b, const xmlNode *r, policy_clause *c)
{
	c->kind = POLICY_RULE_RATE;
	c->rate_stated = !xmlHasProp(r, BAD_CAST "stated");
	if (pb_terms(b, r, "base", &c->base, &c->n_base) ||
	    pb_amount(b, r, "total-cap", &c->total_cap))
		return -1;
	if (has_term(c, POLICY_TERM_AWARD_COUNT))
		return pb_fail_at(b, r,
				  "a rate applies to money: count:ID belongs in <per-item> or "
				  "<tiers>");
	if (has_term(c, POLICY_TERM_AWARD_AMOUNT) && c->n_base > 1)
		return pb_fail_at(b, r,
				  "a base of award:ID is computed per award entry and cannot "
				  "be added to other terms");
	if (c->total_cap >= 0 && !has_term(c, POLICY_TERM_AWARD_AMOUNT))
		return pb_fail_at(b, r,
				  "total-cap limits the sum over award entries: it needs a "
				  "base of award:ID");
	if ((xmlHasProp(r, BAD_CAST "over") || xmlHasProp(r, BAD_CAST "from")) &&
	    pb_range(b, r, &c->threshold))
		return -1;
	return read_cases(b, r, c, true);
}

static int read_tiers_rule(struct build *b, const xmlNode *r, policy_clause *c)
{
	size_t k = 0;
	c->kind = POLICY_RULE_TIERS;
	c->n_tiers = xmldoc_count(r, "tier");
	if (pb_terms(b, r, "base", &c->base, &c->n_base) ||
	    !(c->tiers = pb_alloc_n(b, c->n_tiers, sizeof *c->tiers)))
		return -1;
	if (has_term(c, POLICY_TERM_AWARD_COUNT) && c->n_base > 1)
		return pb_fail_at(b, r, "a count (count:ID) cannot be added to other terms");
	for (xmlNode *t = xmldoc_first(r, "tier"); t; t = xmldoc_next(t, "tier"), k++) {
		policy_tier *tier = &c->tiers[k];
		char a[96], o[96];
		tier->line = xmldoc_line(t);
		if (pb_range(b, t, &tier->range) || pb_amount(b, t, "yuan", &tier->yuan))
			return -1;
		for (size_t j = 0; j < k; j++) {
			if (!pb_ranges_overlap(&c->tiers[j].range, &tier->range))
				continue;
			pb_range_text(&tier->range, a, sizeof a);
			pb_range_text(&c->tiers[j].range, o, sizeof o);
			return pb_fail_at(b, t,
					  "tier \"%s\" overlaps the tier \"%s\" at line %d: an "
					  "amount must fall in one tier at most",
					  a, o, c->tiers[j].line);
		}
	}
	return 0;
}

static int read_per_item_rule(struct build *b, const xmlNode *r, policy_clause *c)
{
	char *count = pb_attr(b, r, "count");
	c->kind = POLICY_RULE_PER_ITEM;
	if (!count)
		return pb_nomem(b);
	if (pb_term(b, r, count, &c->count) || pb_amount(b, r, "yuan", &c->yuan) ||
	    pb_amount(b, r, "cap", &c->cap))
		return -1;
	if (c->count.kind != POLICY_TERM_AWARD_COUNT)
		return pb_fail_at(b, r, "count=\"%s\": a per-item award counts count:ID", count);
	return 0;
}

static int read_fixed_rule(struct build *b, const xmlNode *r, policy_clause *c)
{
	c->kind = POLICY_RULE_FIXED;
	c->at_most = xmlHasProp(r, BAD_CAST "at-most") != NULL;
	if (pb_amount(b, r, "yuan", &c->yuan) || pb_amount(b, r, "up-to", &c->up_to))
		return -1;
	if (c->up_to >= 0 && c->up_to < c->yuan)
		return pb_fail_at(b, r, "up-to is below yuan: a range runs from yuan up to up-to");
	if (!c->n_conds && !c->min_level)
		return pb_fail_at(b, r,
				  "a fixed grant needs a condition (<requires>, min-level), "
				  "or it would pay every enterprise");
	return 0;
}

static int read_info_rule(struct build *b, const xmlNode *r, policy_clause *c)
{
	c->kind = POLICY_RULE_INFO;
	return read_cases(b, r, c, false) || pb_bitext(b, r, &c->note) ? -1 : 0;
}

static int read_rule(struct build *b, const xmlNode *rule, policy_clause *c)
{
	static const struct {
		const char *name;
		int (*read)(struct build *, const xmlNode *, policy_clause *);
	} rules[] = {{"rate", read_rate_rule},
		     {"tiers", read_tiers_rule},
		     {"per-item", read_per_item_rule},
		     {"fixed", read_fixed_rule},
		     {"info", read_info_rule}};
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (named(rule, rules[i].name))
			return rules[i].read(b, rule, c);
	return pb_fail_at(b, rule, "unknown rule <%s>",
			  (const char *)rule->name); /* schema-proof */
}

static int read_ratio(struct build *b, const xmlNode *n, policy_cond *cond, const char *share)
{
	char *of = pb_attr(b, n, "of");
	cond->kind = POLICY_COND_RATIO;
	cond->n_terms = 2;
	if (!of || !(cond->terms = pb_alloc_n(b, 2, sizeof *cond->terms)))
		return of ? -1 : pb_nomem(b);
	return pb_term(b, n, share, &cond->terms[0]) || pb_term(b, n, of, &cond->terms[1]) ||
			       pb_rate(b, n, "from-rate", &cond->min_bp)
		       ? -1
		       : 0;
}

/* industry="B C D" into "BCD". */
static int read_industry(struct build *b, const xmlNode *n, policy_cond *cond)
{
	const char **words;
	size_t k;
	char *sections;
	if (pb_words(b, n, "industry", &words, &k) || !(sections = pb_alloc_n(b, k, 1)))
		return -1;
	for (size_t i = 0; i < k; i++)
		sections[i] = words[i][0];
	cond->kind = POLICY_COND_INDUSTRY;
	cond->sections = sections;
	return 0;
}

static int read_cond(struct build *b, const xmlNode *n, policy_cond *cond)
{
	char *status = pb_attr(b, n, "status"), *share = pb_attr(b, n, "share");
	int s;
	cond->line = xmldoc_line(n);
	cond->award = pb_attr(b, n, "award");
	cond->reading = pb_attr(b, n, "reading");
	if (pb_check_reading(b, n, cond->reading))
		return -1;
	if (xmlHasProp(n, BAD_CAST "industry"))
		return read_industry(b, n, cond);
	if (named(n, "unless") || cond->award) {
		cond->kind = named(n, "unless") ? POLICY_COND_NO_AWARD : POLICY_COND_AWARD;
		return pb_check_award(b, n, cond->award);
	}
	if (status) {
		cond->kind = POLICY_COND_STATUS;
		if (pb_status(b, n, status, &s))
			return -1;
		cond->status = (policy_status)s;
		return 0;
	}
	if (share)
		return read_ratio(b, n, cond, share);
	cond->kind = POLICY_COND_QUANTITY;
	return pb_terms(b, n, "quantity", &cond->terms, &cond->n_terms) ||
			       pb_range(b, n, &cond->range)
		       ? -1
		       : 0;
}

static int read_conds(struct build *b, const xmlNode *n, policy_clause *c)
{
	size_t k = 0;
	c->n_conds = xmldoc_count(n, "requires") + xmldoc_count(n, "unless");
	if (!(c->conds = pb_alloc_n(b, c->n_conds, sizeof *c->conds)))
		return -1;
	for (xmlNode *e = xmldoc_first(n, NULL); e; e = xmldoc_next(e, NULL))
		if ((named(e, "requires") || named(e, "unless")) && read_cond(b, e, &c->conds[k++]))
			return -1;
	return 0;
}

static int read_split(struct build *b, const xmlNode *n, policy_clause *c)
{
	xmlNode *split = xmldoc_first(n, "split");
	size_t k = 0;
	c->n_shares = xmldoc_count(split, "share");
	if (!(c->shares = pb_alloc_n(b, c->n_shares, sizeof *c->shares)))
		return -1;
	for (xmlNode *s = xmldoc_first(split, "share"); s; s = xmldoc_next(s, "share"), k++) {
		int64_t parts = 0;
		if (pb_amount(b, s, "parts", &parts) || pb_bitext(b, s, &c->shares[k].payer))
			return -1;
		if (parts < 1 || parts > 1000)
			return pb_fail_at(b, s, "parts=\"%lld\": expected 1 to 1000",
					  (long long)parts);
		c->shares[k].parts = (int)parts;
	}
	return 0;
}

static xmlNode *rule_node(const xmlNode *n)
{
	for (xmlNode *e = xmldoc_first(n, NULL); e; e = xmldoc_next(e, NULL))
		if (!named(e, "title") && !named(e, "text") && !named(e, "requires") &&
		    !named(e, "unless"))
			return e;
	return NULL;
}

static int read_attrs(struct build *b, const xmlNode *n, policy_clause *c, size_t k)
{
	c->id = pb_attr(b, n, "id");
	c->number = pb_attr(b, n, "number");
	c->stacking_class = pb_attr(b, n, "class");
	c->project = pb_attr(b, n, "project");
	c->best_of = pb_attr(b, n, "best-of");
	c->post_only = xmlHasProp(n, BAD_CAST "stage") != NULL; /* the schema allows "post" only */
	c->line = xmldoc_line(n);
	c->up_to = c->cap = c->total_cap = -1;
	if (!c->id || !c->number)
		return pb_nomem(b);
	int repeated = pb_id_repeated(b, c->id);
	for (size_t j = 0; repeated > 0 && j < k; j++) /* only on the error: where the first is */
		if (strcmp(b->p->clauses[j].id, c->id) == 0)
			return pb_fail_at(b, n, "clause id \"%s\" is used twice (first at line %d)",
					  c->id, b->p->clauses[j].line);
	if (repeated < 0)
		return -1;
	if (c->stacking_class && !policy_class_find(b->p, c->stacking_class))
		return pb_fail_at(b, n, "class \"%s\" is not declared in <stacking>",
				  c->stacking_class);
	if (c->project && !c->stacking_class)
		return pb_fail_at(b, n,
				  "project= groups clauses within a stacking class: add class=");
	return pb_level(b, n, "min-level", &c->min_level);
}

static int read_clause(struct build *b, const xmlNode *n, policy_clause *c, size_t k)
{
	xmlNode *rule;
	if (read_attrs(b, n, c, k) || pb_child_bitext(b, n, "title", &c->title) ||
	    pb_child_bitext(b, n, "text", &c->text) || read_conds(b, n, c))
		return -1;
	if (!(rule = rule_node(n)))
		return pb_fail_at(b, n, "clause %s has no rule", c->id); /* schema-proof */
	if (read_rule(b, rule, c) || read_split(b, n, c))
		return -1;
	if (c->kind == POLICY_RULE_INFO && xmldoc_first(n, "note"))
		return pb_fail_at(b, n,
				  "an info clause says why in <info>; <note> is for the "
				  "other rules");
	return c->kind == POLICY_RULE_INFO ? 0 : pb_child_bitext(b, n, "note", &c->note);
}

int pb_clauses(struct build *b, const xmlNode *root)
{
	size_t k = 0;
	b->p->n_clauses = 0;
	if (!(b->p->clauses = pb_kind_begin(b, root, "clause", sizeof(policy_clause))))
		return -1;
	for (xmlNode *n = xmldoc_first(root, "clause"); n; n = xmldoc_next(n, "clause"), k++) {
		if (read_clause(b, n, &b->p->clauses[k], k))
			return -1;
		b->p->n_clauses = k + 1;
	}
	return 0;
}
