/*
 * policy-build.h - internal to the policy loader: the policy's layout and the helpers that read
 * values out of the document, shared by policy.c (the document around the clauses) and
 * policy-clause.c (the clauses). Not for other modules: they use policies/policy.h.
 *
 * Every helper returns 0 or -1; on -1 the build's error has been filled with file:line.
 */
#ifndef ASSESS_POLICY_BUILD_H
#define ASSESS_POLICY_BUILD_H

#include <libxml/tree.h>
#include "common/arena.h"
#include "common/keyset.h"
#include "policies/policy.h"

struct policy {
	arena *arena;
	char *id, *version, *path;
	qn_text title, issuer, source;
	policy_window window;
	qn_text window_note;
	policy_conflict *conflicts;
	size_t n_conflicts;
	policy_class *classes;
	size_t n_classes;
	policy_spend_limit *spend_limits;
	size_t n_spend_limits;
	policy_area area;
	policy_cross_rule cross_rule;
	int total_cap_field;
	qn_text total_cap_text, cross_policy;
	int64_t budget;
	const char *budget_period;
	bool budget_binding;
	qn_text budget_text;
	policy_budget_line *lines;
	size_t n_lines;
	int *line_lines; /* source line of each budget line, for late checks */
	policy_award *awards;
	size_t n_awards;
	policy_clause *clauses;
	size_t n_clauses;
};

/* What the builder carries while it walks the document. */
struct build {
	policy *p;
	const char *name;
	assess_error *err;
	keyset *ids; /* the ids of the kind being read (classes, awards, clauses); NULL until used */
};

int pb_nomem(struct build *b);
int pb_fail_line(struct build *b, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define pb_fail_at(b, node, ...) pb_fail_line((b), xmldoc_line(node), __VA_ARGS__)
/* n + 1 zeroed elements from the arena (so that n may be 0); NULL after pb_nomem. */
void *pb_alloc_n(struct build *b, size_t n, size_t size);
char *pb_attr(struct build *b, const xmlNode *n, const char *name);
/*
 * Ids of one kind (classes, awards, clauses), checked for repeats in time linear in their
 * number: pb_kind_begin() makes room for the elements named `name` under parent, as
 * pb_alloc_n() does for their count, and starts the kind's ids afresh; then pb_id_repeated()
 * for each: 0 when new, 1 when repeated, -1 after pb_nomem (id NULL counts as memory that ran
 * out).
 */
void *pb_kind_begin(struct build *b, const xmlNode *parent, const char *name, size_t size);
int pb_id_repeated(struct build *b, const char *id);

int pb_bitext(struct build *b, const xmlNode *n, qn_text *t);
int pb_child_bitext(struct build *b, const xmlNode *n, const char *name, qn_text *t);
/* Attribute values; an absent attribute leaves *out alone. */
int pb_amount(struct build *b, const xmlNode *n, const char *name, int64_t *out);
int pb_rate(struct build *b, const xmlNode *n, const char *name, int *bp);
int pb_level(struct build *b, const xmlNode *n, const char *name, int *out);
int pb_status(struct build *b, const xmlNode *n, const char *value, int *out);
int pb_check_award(struct build *b, const xmlNode *n, const char *id);
/* A reading= names a reading declared in <conflicts> (NULL: none is named). */
int pb_check_reading(struct build *b, const xmlNode *n, const char *reading);
int pb_term(struct build *b, const xmlNode *n, const char *text, policy_term *t);
/* A space-separated list of terms (an absent attribute gives none). */
int pb_terms(struct build *b, const xmlNode *n, const char *name, policy_term **out, size_t *count);
/* Splits a space-separated attribute into words in the arena. */
int pb_words(struct build *b, const xmlNode *n, const char *name, const char ***out, size_t *count);

/* over/from and under/through on n; fails on a range that holds no whole number. */
int pb_range(struct build *b, const xmlNode *n, policy_range *r);
bool pb_ranges_overlap(const policy_range *a, const policy_range *c);
/* "over 50,000 through 100,000" for messages. */
void pb_range_text(const policy_range *r, char *buf, size_t size);

/* policy-clause.c */
int pb_clauses(struct build *b, const xmlNode *root);

#endif
