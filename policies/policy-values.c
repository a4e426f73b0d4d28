/* Reading values out of a policy document: texts, amounts, rates, terms, ranges. */
#include "config.h"
#include "policies/policy-build.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "common/decimal.h"
#include "common/xmldoc.h"

int pb_nomem(struct build *b)
{
	assess_nomem(b->err, b->name);
	return -1;
}

int pb_fail_line(struct build *b, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_vfail(b->err, ASSESS_ERR_DATA, b->name, line, 0, fmt, ap);
	va_end(ap);
	return -1;
}

void *pb_alloc_n(struct build *b, size_t n, size_t size)
{
	void *v = arena_calloc(b->p->arena, n + 1, size);
	if (!v)
		pb_nomem(b);
	return v;
}

char *pb_attr(struct build *b, const xmlNode *n, const char *name)
{
	return xmldoc_attr(b->p->arena, n, name);
}

void *pb_kind_begin(struct build *b, const xmlNode *parent, const char *name, size_t size)
{
	if (b->ids)
		keyset_clear(b->ids);
	return pb_alloc_n(b, xmldoc_count(parent, name), size);
}

int pb_id_repeated(struct build *b, const char *id)
{
	if (!id || (!b->ids && !(b->ids = keyset_new())))
		return pb_nomem(b);
	int seen = keyset_add(b->ids, id, strlen(id));
	return seen < 0 ? pb_nomem(b) : seen;
}

int pb_check_reading(struct build *b, const xmlNode *n, const char *reading)
{
	for (size_t i = 0; reading && i < b->p->n_conflicts; i++)
		for (int r = 0; r < 2; r++)
			if (strcmp(b->p->conflicts[i].readings[r].id, reading) == 0)
				return 0;
	if (reading)
		return pb_fail_at(b, n, "reading \"%s\" is not declared in <conflicts>", reading);
	return 0;
}

int pb_bitext(struct build *b, const xmlNode *n, qn_text *t)
{
	return xmldoc_bitext(b->p->arena, n, &t->zh, &t->en) ? 0 : pb_nomem(b);
}

int pb_child_bitext(struct build *b, const xmlNode *n, const char *name, qn_text *t)
{
	xmlNode *c = xmldoc_first(n, name);
	return c ? pb_bitext(b, c, t) : 0;
}

/* The schema allows a sign so that this can say what is wrong with a negative amount. */
int pb_amount(struct build *b, const xmlNode *n, const char *name, int64_t *out)
{
	char *v = pb_attr(b, n, name);
	int64_t x;
	if (!v)
		return 0;
	if (!decimal_parse_scaled(v, 0, &x))
		return pb_fail_at(b, n, "%s=\"%s\": expected a whole number of yuan", name, v);
	if (x < 0)
		return pb_fail_at(b, n, "%s=\"%s\" is negative: amounts are whole yuan >= 0", name,
				  v);
	*out = x;
	return 0;
}

int pb_rate(struct build *b, const xmlNode *n, const char *name, int *bp)
{
	char *v = pb_attr(b, n, name);
	if (!v)
		return 0;
	if (!policy_parse_rate(v, bp))
		return pb_fail_at(b, n, "%s=\"%s\": expected a percentage with at most 2 decimals",
				  name, v);
	if (*bp < 0 || *bp > 10000)
		return pb_fail_at(b, n, "%s=\"%s\" is %s: a rate runs from 0%% to 100%%", name, v,
				  *bp < 0 ? "negative" : "over 100%");
	return 0;
}

int pb_level(struct build *b, const xmlNode *n, const char *name, int *out)
{
	char *v = pb_attr(b, n, name);
	if (v)
		*out = v[0] - '0'; /* the schema allows one digit, 0 to 4 */
	return 0;
}

int pb_status(struct build *b, const xmlNode *n, const char *value, int *out)
{
	*out = policy_status_find(value);
	if (*out < 0)
		return pb_fail_at(b, n,
				  "unknown status \"%s\": expected above_scale, "
				  "in_standard_park, city_leader or pilot_enterprise",
				  value);
	return 0;
}

int pb_check_award(struct build *b, const xmlNode *n, const char *id)
{
	if (id && !policy_award_find(b->p, id))
		return pb_fail_at(b, n, "award \"%s\" is not declared in <awards>", id);
	return 0;
}

int pb_term(struct build *b, const xmlNode *n, const char *text, policy_term *t)
{
	if (strncmp(text, "award:", 6) == 0 || strncmp(text, "count:", 6) == 0) {
		t->kind = text[0] == 'a' ? POLICY_TERM_AWARD_AMOUNT : POLICY_TERM_AWARD_COUNT;
		t->award = arena_strdup(b->p->arena, text + 6);
		return t->award ? pb_check_award(b, n, t->award) : pb_nomem(b);
	}
	int f = policy_field_find(text);
	if (f < 0)
		return pb_fail_at(b, n,
				  "unknown finance field \"%s\" (expected one of those listed "
				  "in docs/answer-format.md, or award:ID, count:ID)",
				  text);
	t->kind = POLICY_TERM_FIELD;
	t->field = (policy_field)f;
	return 0;
}

int pb_words(struct build *b, const xmlNode *n, const char *name, const char ***out, size_t *count)
{
	char *v = pb_attr(b, n, name), *save = NULL;
	size_t cap = 1;
	*count = 0;
	for (const char *s = v; s && *s; s++)
		cap += *s == ' ' || *s == '\t' || *s == '\n';
	if (!(*out = pb_alloc_n(b, cap, sizeof **out)))
		return -1;
	for (char *w = v ? strtok_r(v, " \t\r\n", &save) : NULL; w;
	     w = strtok_r(NULL, " \t\r\n", &save))
		(*out)[(*count)++] = w;
	return 0;
}

int pb_terms(struct build *b, const xmlNode *n, const char *name, policy_term **out, size_t *count)
{
	const char **words;
	if (pb_words(b, n, name, &words, count) || !(*out = pb_alloc_n(b, *count, sizeof **out)))
		return -1;
	for (size_t i = 0; i < *count; i++)
		if (pb_term(b, n, words[i], &(*out)[i]))
			return -1;
	return 0;
}

static int bound(struct build *b, const xmlNode *n, const char *incl, const char *excl,
		 policy_bound *out)
{
	const char *name = xmlHasProp(n, BAD_CAST incl) ? incl : excl;
	if (!xmlHasProp(n, BAD_CAST name))
		return 0;
	out->present = true;
	out->inclusive = name == incl;
	return pb_amount(b, n, name, &out->value);
}

/* The range as closed integer bounds: amounts and counts are whole numbers. */
static void closed(const policy_range *r, int64_t *lo, int64_t *hi)
{
	*lo = !r->lo.present ? INT64_MIN : r->lo.inclusive ? r->lo.value : r->lo.value + 1;
	*hi = !r->hi.present ? INT64_MAX : r->hi.inclusive ? r->hi.value : r->hi.value - 1;
}

int pb_range(struct build *b, const xmlNode *n, policy_range *r)
{
	int64_t lo, hi;
	if (bound(b, n, "from", "over", &r->lo) || bound(b, n, "through", "under", &r->hi))
		return -1;
	closed(r, &lo, &hi);
	if (lo > hi)
		return pb_fail_at(b, n,
				  "the bounds leave no amount: the lower bound is not below "
				  "the upper one");
	return 0;
}

bool pb_ranges_overlap(const policy_range *a, const policy_range *c)
{
	int64_t alo, ahi, clo, chi;
	closed(a, &alo, &ahi);
	closed(c, &clo, &chi);
	return (alo > clo ? alo : clo) <= (ahi < chi ? ahi : chi);
}

void pb_range_text(const policy_range *r, char *buf, size_t size)
{
	char lo[32], hi[32];
	decimal_format_yuan(r->lo.value, lo, sizeof lo);
	decimal_format_yuan(r->hi.value, hi, sizeof hi);
	if (r->hi.present)
		snprintf(buf, size, "%s %s %s %s", r->lo.inclusive ? "from" : "over", lo,
			 r->hi.inclusive ? "through" : "under", hi);
	else
		snprintf(buf, size, "%s %s", r->lo.inclusive ? "from" : "over", lo);
}
