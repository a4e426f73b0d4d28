/*
 * One enterprise under several policies: which projects two policies both pay for, what the
 * documents say about that (Jinjiang and Xiamen: only the higher, 就高不重复), and a combined
 * total that never adds an overlap silently.
 */
#include "config.h"
#include "policies/subsidy-internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"
#include "common/gbcode.h"
#include "common/grow.h"
#include "common/lang.h"
#include "common/text.h"

/* What result r pays for the project (tagged or not). */
static int64_t paid_for(const subsidy_result *r, const char *project, bool tagged)
{
	int64_t sum = 0;
	for (size_t i = 0; i < r->n_items; i++) {
		const subsidy_item *it = &r->items[i];
		if (it->status == SUBSIDY_PAID && it->project && it->project_tagged == tagged &&
		    strcmp(it->project, project) == 0)
			sum += it->amount;
	}
	return sum;
}

/* Every code of `inner`'s area lies in `outer`'s. */
static bool area_within(const policy *inner, const policy *outer)
{
	const policy_area *i = policy_area_get(inner), *o = policy_area_get(outer);
	if (!i->n_codes || !o->n_codes)
		return false;
	for (size_t k = 0; k < i->n_codes; k++) {
		bool in = false;
		for (size_t j = 0; !in && j < o->n_codes; j++)
			in = gbcode_division_covers(o->codes[j], i->codes[k]);
		if (!in)
			return false;
	}
	return true;
}

/* Whether policy p's document says "only the higher" of a project the other policy pays. */
static bool says_higher(const policy *p, const policy *other)
{
	policy_cross_rule rule = policy_cross_policy_rule(p);
	return rule == POLICY_CROSS_HIGHER_ANY ||
	       (rule == POLICY_CROSS_HIGHER_SAME_AREA && area_within(other, p));
}

static bool seen(const subsidy_combined *c, size_t a, size_t b, const subsidy_item *it)
{
	for (size_t k = 0; k < c->n_overlaps; k++)
		if (c->overlaps[k].a == a && c->overlaps[k].b == b &&
		    c->overlaps[k].project_tagged == it->project_tagged &&
		    strcmp(c->overlaps[k].project, it->project) == 0)
			return true;
	return false;
}

static assess_code add_overlaps(subsidy_combined *c, const subsidy_result *const *r, size_t a,
				size_t b, size_t *cap)
{
	for (size_t i = 0; i < r[a]->n_items; i++) {
		const subsidy_item *it = &r[a]->items[i];
		if (it->status != SUBSIDY_PAID || !it->project || !it->amount || seen(c, a, b, it))
			continue;
		int64_t other = paid_for(r[b], it->project, it->project_tagged);
		if (!other)
			continue;
		subsidy_overlap *grown =
			grow_array(c->overlaps, cap, c->n_overlaps + 1, sizeof *grown, 8);
		if (!grown)
			return ASSESS_ERR_NOMEM;
		c->overlaps = grown;
		const policy *pa = r[a]->policy, *pb = r[b]->policy;
		c->overlaps[c->n_overlaps++] =
			(subsidy_overlap){.project = it->project,
					  .project_tagged = it->project_tagged,
					  .a = a,
					  .b = b,
					  .amount_a =
						  paid_for(r[a], it->project, it->project_tagged),
					  .amount_b = other,
					  .by = says_higher(pa, pb)   ? policy_id(pa)
						: says_higher(pb, pa) ? policy_id(pb)
								      : NULL};
	}
	return ASSESS_OK;
}

subsidy_combined *subsidy_combine(const subsidy_result *const *r, size_t n, assess_error *err)
{
	subsidy_combined *c = calloc(1, sizeof *c);
	size_t cap = 0;
	if (!c)
		goto nomem;
	for (size_t a = 0; a < n; a++)
		c->sum += r[a]->total;
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++)
			if (add_overlaps(c, r, a, b, &cap))
				goto nomem;
	c->total = c->sum;
	for (size_t k = 0; k < c->n_overlaps; k++) {
		const subsidy_overlap *o = &c->overlaps[k];
		int64_t lower = o->amount_a < o->amount_b ? o->amount_a : o->amount_b;
		c->total -= lower;
		if (!o->by)
			c->undecided += lower;
	}
	return c;
nomem:
	subsidy_combined_free(c);
	assess_nomem(err, NULL);
	return NULL;
}

void subsidy_combined_free(subsidy_combined *c)
{
	if (!c)
		return;
	free(c->overlaps);
	free(c);
}

cJSON *subsidy_combined_to_json(const subsidy_combined *c, const subsidy_result *const *r)
{
	cJSON *o = cJSON_CreateObject(), *list = cJSON_AddArrayToObject(o, "overlaps");
	cJSON_AddNumberToObject(o, "sum", (double)c->sum);
	cJSON_AddNumberToObject(o, "total", (double)c->total);
	cJSON_AddNumberToObject(o, "undecided", (double)c->undecided);
	for (size_t k = 0; list && k < c->n_overlaps; k++) {
		const subsidy_overlap *ov = &c->overlaps[k];
		cJSON *e = cJSON_CreateObject(), *ids = cJSON_AddArrayToObject(e, "policies");
		cJSON *amounts = cJSON_AddArrayToObject(e, "amounts");
		cJSON_AddItemToArray(list, e);
		cJSON_AddStringToObject(e, "project", ov->project);
		cJSON_AddBoolToObject(e, "project_tagged", ov->project_tagged);
		cJSON_AddItemToArray(ids, cJSON_CreateString(r[ov->a]->policy_id));
		cJSON_AddItemToArray(ids, cJSON_CreateString(r[ov->b]->policy_id));
		cJSON_AddItemToArray(amounts, cJSON_CreateNumber((double)ov->amount_a));
		cJSON_AddItemToArray(amounts, cJSON_CreateNumber((double)ov->amount_b));
		cJSON_AddStringToObject(e, "rule", ov->by ? "higher" : "undecided");
		if (ov->by)
			cJSON_AddStringToObject(e, "by", ov->by);
		else
			cJSON_AddNullToObject(e, "by");
	}
	return o;
}

/* "改造项目投入" / the project id, for people. */
static const char *project_name(const subsidy_overlap *o, qn_lang lang)
{
	if (o->project_tagged)
		return o->project;
	int f = strcmp(o->project, "project_spend") == 0 ? -1 : policy_field_find(o->project);
	if (f >= 0)
		return qn_text_get(policy_field_label((policy_field)f), lang);
	return lang_pick(lang, "改造项目投入", "the transformation project's spend");
}

void subsidy_combined_print(FILE *out, const subsidy_combined *c, const subsidy_result *const *r,
			    qn_lang lang)
{
	char a[32], b[32], t[32];
	text_fprintf_escaped(out, "%s\n",
			     lang_pick(lang, "== 各政策合并 ==", "== The policies together =="));
	for (size_t k = 0; k < c->n_overlaps; k++) {
		const subsidy_overlap *o = &c->overlaps[k];
		const qn_text *ia = policy_issuer(r[o->a]->policy),
			      *ib = policy_issuer(r[o->b]->policy);
		decimal_format_yuan(o->amount_a, a, sizeof a);
		decimal_format_yuan(o->amount_b, b, sizeof b);
		text_fprintf_escaped(out,
				     lang_pick(lang, "同一项目（%s）：%s %s 元，%s %s 元；",
					       "One project (%s): %s %s yuan, %s %s yuan; "),
				     project_name(o, lang), qn_text_get(ia, lang), a,
				     qn_text_get(ib, lang), b);
		if (o->by)
			text_fprintf_escaped(
				out,
				lang_pick(
					lang, "%s的文件规定就高不重复，只计较高的一项\n",
					"the %s document pays only the higher (就高不重复): counted once\n"),
				qn_text_get(policy_issuer(strcmp(o->by, r[o->a]->policy_id) == 0
								  ? r[o->a]->policy
								  : r[o->b]->policy),
					    lang));
		else
			text_fprintf_escaped(
				out, "%s\n",
				lang_pick(
					lang,
					"两份文件均未规定能否叠加：合计只计较高的一项，另一项待确认",
					"neither document says whether both may pay: the total counts the "
					"higher, the other is undecided"));
	}
	decimal_format_yuan(c->total, t, sizeof t);
	text_fprintf_escaped(out, lang_pick(lang, "合并合计：%s 元", "Together: %s yuan"), t);
	if (c->undecided) {
		decimal_format_yuan(c->undecided, a, sizeof a);
		text_fprintf_escaped(
			out,
			lang_pick(
				lang, "；另有 %s 元取决于文件未规定的叠加，未计入",
				"; %s yuan more depend on stacking no document settles, not counted"),
			a);
	}
	if (c->sum != c->total) {
		decimal_format_yuan(c->sum, b, sizeof b);
		text_fprintf_escaped(
			out,
			lang_pick(
				lang, "（各政策合计相加为 %s 元，不能简单相加）",
				" (the policies' totals add up to %s yuan, which is not what is paid)"),
			b);
	}
	fputc('\n', out);
}
