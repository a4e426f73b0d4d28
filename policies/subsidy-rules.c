/* One clause worked out for one enterprise: its gate, its conditions, then its rule. */
#include "config.h"
#include "policies/subsidy-internal.h"

#include <stdio.h>
#include <string.h>
#include "common/decimal.h"
#include "common/text.h"

/*
 * A detail's piece in both languages, built side by side by text_appendf(). Each language
 * keeps its own length: once a piece does not fit, that language stays cut, and a later,
 * shorter piece (a closing "）") cannot make the cut text look whole, as strlen() would let it.
 * ADD_ZH/ADD_EN append after text2_clear(); base_label() and range_text() write whole texts.
 */
typedef struct {
	char zh[256], en[256];
	size_t zh_used, en_used;
} text2;

static void text2_clear(text2 *t)
{
	t->zh[0] = t->en[0] = '\0';
	t->zh_used = t->en_used = 0;
}

#define ADD_ZH(t, ...) text_appendf((t)->zh, sizeof(t)->zh, &(t)->zh_used, __VA_ARGS__)
#define ADD_EN(t, ...) text_appendf((t)->en, sizeof(t)->en, &(t)->en_used, __VA_ARGS__)

/* ---- reading the inputs ---- */

static bool term_value(const struct subsidy_ctx *x, const policy_term *t, int64_t *v)
{
	if (t->kind == POLICY_TERM_FIELD) {
		*v = x->eff[t->field];
		return x->in->has[t->field];
	}
	*v = inputs_award_count(x->in, t->award);
	return true; /* an award not held counts 0 */
}

/* The sum of the terms; false when the answer file gives none of them. */
static bool terms_value(const struct subsidy_ctx *x, const policy_term *t, size_t n, int64_t *v)
{
	bool any = false;
	*v = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t one;
		if (term_value(x, &t[i], &one)) {
			any = true;
			*v += one;
		}
	}
	return any;
}

static const char *award_name(const struct subsidy_ctx *x, const char *id, qn_lang lang)
{
	const policy_award *a = policy_award_find(x->p, id);
	return a ? qn_text_get(&a->name, lang) : id;
}

/* "上云年度服务费" for each term, joined with "、": names for people (the keys are in JSON). */
static void terms_text(const struct subsidy_ctx *x, const policy_term *t, size_t n, text2 *out)
{
	text2_clear(out);
	for (size_t i = 0; i < n; i++) {
		const char *sep = i ? "、" : "";
		if (t[i].kind == POLICY_TERM_FIELD) {
			const qn_text *l = policy_field_label(t[i].field);
			ADD_ZH(out, "%s%s", sep, l->zh);
			ADD_EN(out, "%s%s", i ? ", " : "", l->en);
		} else {
			ADD_ZH(out, "%s%s", sep, award_name(x, t[i].award, QN_LANG_ZH));
			ADD_EN(out, "%s%s", i ? ", " : "", award_name(x, t[i].award, QN_LANG_EN));
		}
	}
}

/* The label of what a base measures, for "X is 50,000". */
static void base_label(const struct subsidy_ctx *x, const policy_term *t, size_t n, text2 *out)
{
	if (n == 1 && t[0].kind == POLICY_TERM_FIELD) {
		snprintf(out->zh, sizeof out->zh, "%s", policy_field_label(t[0].field)->zh);
		snprintf(out->en, sizeof out->en, "%s", policy_field_label(t[0].field)->en);
	} else if (n == 1) {
		snprintf(out->zh, sizeof out->zh, "%s%s", award_name(x, t[0].award, QN_LANG_ZH),
			 t[0].kind == POLICY_TERM_AWARD_COUNT ? "数量" : "金额");
		snprintf(out->en, sizeof out->en, "%s (%s)", award_name(x, t[0].award, QN_LANG_EN),
			 t[0].kind == POLICY_TERM_AWARD_COUNT ? "count" : "amount");
	} else {
		snprintf(out->zh, sizeof out->zh, "改造投入合计");
		snprintf(out->en, sizeof out->en, "the project spend counted");
	}
}

static void range_text(const policy_range *r, text2 *out)
{
	char lo[32], hi[32] = "";
	bool h = r->hi.present, hin = r->hi.inclusive;
	decimal_format_yuan(r->lo.value, lo, sizeof lo);
	if (h)
		decimal_format_yuan(r->hi.value, hi, sizeof hi);
	snprintf(out->zh, sizeof out->zh, "%s %s%s%s", r->lo.inclusive ? "不少于" : "超过", lo,
		 h ? (hin ? "、不超过 " : "、低于 ") : "", hi);
	snprintf(out->en, sizeof out->en, "%s %s%s%s", r->lo.inclusive ? "at least" : "over", lo,
		 h ? (hin ? " and at most " : " and under ") : "", hi);
}

static bool in_range(const policy_range *r, int64_t v)
{
	if (r->lo.present && (r->lo.inclusive ? v < r->lo.value : v <= r->lo.value))
		return false;
	return !r->hi.present || (r->hi.inclusive ? v <= r->hi.value : v < r->hi.value);
}

/* ---- gate and conditions ---- */

#define AWARD_ZH(x, id) award_name((x), (id), QN_LANG_ZH)
#define AWARD_EN(x, id) award_name((x), (id), QN_LANG_EN)

static bool requires_award(struct subsidy_ctx *x, subsidy_item *it, const char *id)
{
	it->status = SUBSIDY_NOT_ELIGIBLE;
	SUBSIDY_SAY(x, &it->detail, ("需获得：%s", AWARD_ZH(x, id)),
		    ("requires: %s", AWARD_EN(x, id)));
	return false;
}

static bool missing_terms(struct subsidy_ctx *x, subsidy_item *it, const policy_term *t, size_t n)
{
	text2 names;
	it->status = SUBSIDY_NO_INPUT;
	if (x->no_text)
		return false;
	terms_text(x, t, n, &names);
	SUBSIDY_SAY(x, &it->detail, ("答卷未提供：%s", names.zh),
		    ("the answer file does not give: %s", names.en));
	return false;
}

static void say_out_of_range(struct subsidy_ctx *x, subsidy_item *it, const policy_term *t,
			     size_t n, int64_t v, const policy_range *r)
{
	text2 label, range;
	char vs[32];
	it->status = SUBSIDY_UNDER_THRESHOLD;
	if (x->no_text)
		return;
	base_label(x, t, n, &label);
	range_text(r, &range);
	decimal_format_yuan(v, vs, sizeof vs);
	SUBSIDY_SAY(x, &it->detail, ("%s为 %s，需%s", label.zh, vs, range.zh),
		    ("%s is %s; needs %s", label.en, vs, range.en));
}

static bool quantity_holds(struct subsidy_ctx *x, const policy_cond *c, subsidy_item *it)
{
	int64_t v;
	if (!terms_value(x, c->terms, c->n_terms, &v))
		return missing_terms(x, it, c->terms, c->n_terms);
	if (in_range(&c->range, v))
		return true;
	if (v == 0 && c->n_terms == 1 && c->terms[0].kind == POLICY_TERM_AWARD_COUNT)
		return requires_award(x, it, c->terms[0].award);
	say_out_of_range(x, it, c->terms, c->n_terms, v, &c->range);
	return false;
}

static bool ratio_holds(struct subsidy_ctx *x, const policy_cond *c, subsidy_item *it)
{
	int64_t num, den;
	char rate[16];
	text2 n, d;
	term_value(x, &c->terms[0], &num);
	term_value(x, &c->terms[1], &den);
	if (den > 0 && num * 10000 >= (int64_t)c->min_bp * den)
		return true;
	it->status = SUBSIDY_NOT_ELIGIBLE;
	if (x->no_text)
		return false;
	base_label(x, &c->terms[0], 1, &n);
	base_label(x, &c->terms[1], 1, &d);
	subsidy_format_rate(c->min_bp, rate, sizeof rate);
	SUBSIDY_SAY(x, &it->detail,
		    ("%s（%lld）需达到%s（%lld）的 %s", n.zh, (long long)num, d.zh, (long long)den,
		     rate),
		    ("%s (%lld) must be at least %s of %s (%lld)", n.en, (long long)num, rate, d.en,
		     (long long)den));
	return false;
}

static bool status_holds(struct subsidy_ctx *x, const policy_cond *c, subsidy_item *it)
{
	const qn_text *l = policy_status_label(c->status);
	int v = x->in->status[c->status];
	if (v < 0) /* not given: worked out as if it held, then shown as "input missing" */
		x->pending |= 1u << c->status;
	if (v != 0)
		return true;
	it->status = SUBSIDY_NOT_ELIGIBLE;
	SUBSIDY_SAY(x, &it->detail, ("仅限%s", l->zh), ("only for a %s", l->en));
	return false;
}

static const char *section_name(char s, qn_lang lang)
{
	static const struct {
		char s;
		qn_text name;
	} names[] = {{'B', {"采矿业", "mining"}},
		     {'C', {"制造业", "manufacturing"}},
		     {'D',
		      {"电力、热力、燃气及水生产和供应业",
		       "electricity, heat, gas and water supply"}}};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].s == s)
			return qn_text_get(&names[i].name, lang);
	return NULL;
}

/* "制造业（门类 C）" / "采矿业、制造业…（门类 B、C、D）" for the detail. */
static void sections_text(const char *sections, text2 *out)
{
	text2_clear(out);
	for (size_t i = 0; sections[i]; i++) {
		const char *zh = section_name(sections[i], QN_LANG_ZH);
		const char *en = section_name(sections[i], QN_LANG_EN);
		ADD_ZH(out, "%s%s", i ? "、" : "", zh ? zh : "");
		ADD_EN(out, "%s%s", i ? ", " : "", en ? en : "");
	}
	ADD_ZH(out, "（GB/T 4754 门类 ");
	ADD_EN(out, " (GB/T 4754 section%s ", sections[1] ? "s" : "");
	for (size_t i = 0; sections[i]; i++) {
		ADD_ZH(out, "%s%c", i ? "、" : "", sections[i]);
		ADD_EN(out, "%s%c", i ? ", " : "", sections[i]);
	}
	ADD_ZH(out, "）");
	ADD_EN(out, ")");
}

static bool industry_holds(struct subsidy_ctx *x, const policy_cond *c, subsidy_item *it)
{
	const char *code = x->in->industry_code;
	text2 need;
	if (!code) {
		x->pending |= SUBSIDY_MISSING_INDUSTRY;
		return true;
	}
	if (strchr(c->sections, code[0]))
		return true;
	it->status = SUBSIDY_NOT_ELIGIBLE;
	if (x->no_text)
		return false;
	sections_text(c->sections, &need);
	SUBSIDY_SAY(x, &it->detail, ("仅限%s；本企业行业代码 %s 属门类 %c", need.zh, code, code[0]),
		    ("only for %s; the enterprise's industry code %s is in section %c", need.en,
		     code, code[0]));
	return false;
}

static bool cond_holds(struct subsidy_ctx *x, const policy_cond *c, subsidy_item *it)
{
	bool held = c->award && inputs_has_award(x->in, c->award);
	switch (c->kind) {
	case POLICY_COND_STATUS:
		return status_holds(x, c, it);
	case POLICY_COND_AWARD:
		return held || requires_award(x, it, c->award);
	case POLICY_COND_NO_AWARD:
		if (!held)
			return true;
		it->status = SUBSIDY_NOT_ELIGIBLE;
		SUBSIDY_SAY(x, &it->detail, ("已享受%s的不再享受", AWARD_ZH(x, c->award)),
			    ("not for holders of: %s", AWARD_EN(x, c->award)));
		return false;
	case POLICY_COND_QUANTITY:
		return quantity_holds(x, c, it);
	case POLICY_COND_RATIO:
		return ratio_holds(x, c, it);
	case POLICY_COND_INDUSTRY:
		return industry_holds(x, c, it);
	}
	return false;
}

static bool gate_holds(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	if (x->level < c->min_level) {
		it->status = SUBSIDY_LEVEL_TOO_LOW;
		SUBSIDY_SAY(x, &it->detail,
			    ("需改造后达到%s及以上，当前为%s",
			     questionnaire_level_name(NULL, c->min_level, QN_LANG_ZH),
			     questionnaire_level_name(NULL, x->level, QN_LANG_ZH)),
			    ("needs %s or above after transformation; the level is %s",
			     questionnaire_level_name(NULL, c->min_level, QN_LANG_EN),
			     questionnaire_level_name(NULL, x->level, QN_LANG_EN)));
		return false;
	}
	for (size_t i = 0; i < c->n_conds; i++) {
		const policy_cond *k = &c->conds[i];
		const char *chosen = k->reading ? subsidy_chosen_reading(x, k->reading) : NULL;
		if (k->reading && (!chosen || strcmp(chosen, k->reading) != 0))
			continue; /* a condition of the reading not chosen */
		if (k->reading)
			it->reading = k->reading;
		if (!cond_holds(x, k, it))
			return false;
	}
	return true;
}

/* ---- cases ---- */

const char *subsidy_chosen_reading(const struct subsidy_ctx *x, const char *reading)
{
	for (size_t i = 0; i < policy_n_conflicts(x->p); i++) {
		const policy_conflict *k = policy_conflict_at(x->p, i);
		if (strcmp(k->readings[0].id, reading) == 0 ||
		    strcmp(k->readings[1].id, reading) == 0)
			return x->chosen[i];
	}
	return NULL;
}

/* 1 matches, 0 does not, -1 cannot tell (the batch is not given). */
static int case_matches(const struct subsidy_ctx *x, const policy_case *k)
{
	const char *chosen = k->reading ? subsidy_chosen_reading(x, k->reading) : NULL;
	if (k->reading && (!chosen || strcmp(chosen, k->reading) != 0))
		return 0;
	if (k->min_level > x->level || (k->status >= 0 && x->in->status[k->status] != 1) ||
	    (k->award && !inputs_has_award(x->in, k->award)))
		return 0;
	if (k->batch && !x->in->has[POLICY_F_BATCH])
		return -1;
	return !k->batch || x->in->value[POLICY_F_BATCH] == k->batch;
}

/* "三级" / "第一批" / a status or award: what made a case apply, for the detail. */
static void case_label(const struct subsidy_ctx *x, const policy_case *k, text2 *out)
{
	const char *zh = "", *en = "";
	if (k->min_level) {
		zh = questionnaire_level_name(NULL, x->level, QN_LANG_ZH);
		en = questionnaire_level_name(NULL, x->level, QN_LANG_EN);
	} else if (k->status >= 0) {
		zh = policy_status_label(k->status)->zh;
		en = policy_status_label(k->status)->en;
	} else if (k->award) {
		zh = AWARD_ZH(x, k->award);
		en = AWARD_EN(x, k->award);
	}
	if (k->batch && !k->min_level) {
		snprintf(out->zh, sizeof out->zh, "第%d批", k->batch);
		snprintf(out->en, sizeof out->en, "batch %d", k->batch);
		return;
	}
	snprintf(out->zh, sizeof out->zh, "%s", zh);
	snprintf(out->en, sizeof out->en, "%s", en);
}

static const policy_case *find_case(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	for (size_t i = 0; i < c->n_cases; i++) {
		int m = case_matches(x, &c->cases[i]);
		if (m > 0) {
			it->reading = c->cases[i].reading;
			return &c->cases[i];
		}
		if (m < 0) {
			it->status = SUBSIDY_NO_INPUT;
			SUBSIDY_SAY(x, &it->detail, ("答卷未提供：改造批次"),
				    ("the answer file does not give: the transformation batch"));
			return NULL;
		}
	}
	if (c->kind != POLICY_RULE_INFO) {
		it->status = SUBSIDY_NOT_ELIGIBLE;
		SUBSIDY_SAY(x, &it->detail, ("没有适用于本企业的比例或上限"),
			    ("no rate or cap of the clause applies to this enterprise"));
	}
	return NULL;
}

/* ---- rules ---- */

static int64_t capped(subsidy_item *it, int64_t v, int64_t cap)
{
	if (cap >= 0 && v > cap) {
		it->capped = true;
		return cap;
	}
	return v;
}

static void describe_cap(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it,
			 const policy_case *k)
{
	char cap[32];
	text2 why;
	if (!it->capped || x->no_text)
		return;
	case_label(x, k, &why);
	if (!why.zh[0] && c->min_level) { /* the last row of a level-gated clause: still by level */
		snprintf(why.zh, sizeof why.zh, "%s",
			 questionnaire_level_name(NULL, x->level, QN_LANG_ZH));
		snprintf(why.en, sizeof why.en, "%s",
			 questionnaire_level_name(NULL, x->level, QN_LANG_EN));
	}
	decimal_format_yuan(it->cap, cap, sizeof cap);
	if (why.zh[0])
		SUBSIDY_ADD(x, &it->detail, ("，超过上限 %s（%s），按上限计", cap, why.zh),
			    (", over the cap of %s (%s): capped", cap, why.en));
	else
		SUBSIDY_ADD(x, &it->detail, ("，超过上限 %s，按上限计", cap),
			    (", over the cap of %s: capped", cap));
}

/* Each awards[] entry with the id is one project: rate and cap apply per entry. */
static void rate_per_award(struct subsidy_ctx *x, const policy_clause *c, const policy_case *k,
			   subsidy_item *it)
{
	const char *id = c->base[0].award;
	char rate[16], b[32], v[32];
	int n = 0;
	it->computed = it->base = 0;
	SUBSIDY_SAY(x, &it->detail, ("%s", ""), ("%s", ""));
	for (size_t i = 0; i < x->in->n_awards; i++) {
		const inputs_award *aw = &x->in->awards[i];
		if (strcmp(aw->id, id) != 0)
			continue;
		if (aw->amount < 0) {
			it->status = SUBSIDY_NO_INPUT;
			SUBSIDY_SAY(
				x, &it->detail,
				("答卷未提供：%s的金额（奖项第 %d 项）", AWARD_ZH(x, id),
				 aw->index + 1),
				("the answer file does not give: the amount of %s (award entry %d)",
				 AWARD_EN(x, id), aw->index + 1));
			return;
		}
		int64_t one = capped(it, subsidy_apply_rate(aw->amount, k->rate_bp), k->cap);
		it->base += aw->amount;
		it->computed += one;
		SUBSIDY_ADD(x, &it->detail,
			    ("%s%s × %s = %s", n ? "；" : "",
			     subsidy_format_rate(k->rate_bp, rate, sizeof rate),
			     decimal_format_yuan(aw->amount, b, sizeof b),
			     decimal_format_yuan(one, v, sizeof v)),
			    ("%s%s × %s = %s", n ? "; " : "", rate, b, v));
		n++;
	}
	if (!n) {
		it->base = SUBSIDY_NONE;
		requires_award(x, it, id);
		return;
	}
	if (it->capped)
		SUBSIDY_ADD(x, &it->detail,
			    ("（每项上限 %s）", decimal_format_yuan(k->cap, b, sizeof b)),
			    (" (each capped at %s)", b));
	it->amount = capped(it, it->computed, c->total_cap);
	if (it->amount < it->computed)
		SUBSIDY_ADD(x, &it->detail,
			    ("；合计上限 %s", decimal_format_yuan(c->total_cap, b, sizeof b)),
			    ("; at most %s in total", b));
	it->status = SUBSIDY_PAID;
}

static void rate_rule(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	const policy_case *k = find_case(x, c, it);
	char rate[16], b[32], v[32];
	if (!k)
		return;
	it->rate_bp = k->rate_bp;
	it->cap = k->cap;
	if (c->base[0].kind == POLICY_TERM_AWARD_AMOUNT) {
		rate_per_award(x, c, k, it);
		return;
	}
	if (!terms_value(x, c->base, c->n_base, &it->base)) {
		missing_terms(x, it, c->base, c->n_base);
		return;
	}
	if (c->threshold.lo.present && !in_range(&c->threshold, it->base)) {
		say_out_of_range(x, it, c->base, c->n_base, it->base, &c->threshold);
		return;
	}
	it->computed = subsidy_apply_rate(it->base, k->rate_bp);
	it->amount = capped(it, it->computed, k->cap);
	it->status = SUBSIDY_PAID;
	if (x->no_text)
		return;
	subsidy_format_rate(k->rate_bp, rate, sizeof rate);
	decimal_format_yuan(it->base, b, sizeof b);
	decimal_format_yuan(it->computed, v, sizeof v);
	SUBSIDY_SAY(x, &it->detail, ("%s × %s = %s", rate, b, v), ("%s × %s = %s", rate, b, v));
	describe_cap(x, c, it, k);
	if (!c->rate_stated)
		SUBSIDY_ADD(x, &it->detail, ("（文件只规定上限，按不超过实际费用计）"),
			    (" (the document states only a ceiling: counted as at most the amount "
			     "paid)"));
}

/* The tier the base fell in (tier < n_tiers), or that it fell in none. */
static void say_tier(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it, size_t tier)
{
	text2 label, range;
	char b[32], v[32];
	if (x->no_text)
		return;
	base_label(x, c->base, c->n_base, &label);
	decimal_format_yuan(it->base, b, sizeof b);
	range_text(&c->tiers[tier < c->n_tiers ? tier : 0].range, &range);
	if (tier < c->n_tiers)
		SUBSIDY_SAY(x, &it->detail,
			    ("%s %s，属于“%s”档：%s", label.zh, b, range.zh,
			     decimal_format_yuan(it->amount, v, sizeof v)),
			    ("%s %s falls in the tier \"%s\": %s", label.en, b, range.en, v));
	else
		SUBSIDY_SAY(x, &it->detail,
			    ("%s为 %s，不在任何一档（首档：%s）", label.zh, b, range.zh),
			    ("%s is %s, in no tier (the first: %s)", label.en, b, range.en));
}

static void tiers_rule(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	size_t i = 0;
	if (!terms_value(x, c->base, c->n_base, &it->base)) {
		missing_terms(x, it, c->base, c->n_base);
		return;
	}
	it->base_is_count = c->base[0].kind == POLICY_TERM_AWARD_COUNT;
	if (it->base_is_count && it->base == 0) {
		requires_award(x, it, c->base[0].award);
		return;
	}
	while (i < c->n_tiers && !in_range(&c->tiers[i].range, it->base))
		i++;
	if (i < c->n_tiers) {
		it->computed = it->amount = c->tiers[i].yuan;
		it->status = SUBSIDY_PAID;
	} else {
		it->status = SUBSIDY_UNDER_THRESHOLD;
	}
	say_tier(x, c, it, i);
}

static void per_item_rule(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	char each[32], v[32], cap[32];
	it->count = inputs_award_count(x->in, c->count.award);
	if (it->count == 0) {
		requires_award(x, it, c->count.award);
		return;
	}
	it->cap = c->cap;
	it->computed = subsidy_mul_sat(it->count, c->yuan);
	it->amount = capped(it, it->computed, c->cap);
	it->status = SUBSIDY_PAID;
	if (x->no_text)
		return;
	decimal_format_yuan(c->yuan, each, sizeof each);
	decimal_format_yuan(it->computed, v, sizeof v);
	SUBSIDY_SAY(x, &it->detail, ("%lld 项 × %s = %s", (long long)it->count, each, v),
		    ("%lld × %s = %s", (long long)it->count, each, v));
	if (it->capped)
		SUBSIDY_ADD(x, &it->detail,
			    ("，超过累计上限 %s，按上限计",
			     decimal_format_yuan(c->cap, cap, sizeof cap)),
			    (", over the accumulation cap of %s: capped", cap));
}

static void fixed_rule(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	char v[32], hi[32];
	it->computed = it->amount = c->yuan;
	it->status = SUBSIDY_PAID;
	if (x->no_text)
		return;
	decimal_format_yuan(c->yuan, v, sizeof v);
	if (c->up_to >= 0)
		SUBSIDY_SAY(x, &it->detail,
			    ("%s–%s，按下限计", v, decimal_format_yuan(c->up_to, hi, sizeof hi)),
			    ("%s to %s: counted at the lower end", v, hi));
	else if (c->at_most)
		SUBSIDY_SAY(x, &it->detail, ("最高 %s（文件只给上限，按上限计）", v),
			    ("up to %s (the document gives only a ceiling: counted at it)", v));
	else
		SUBSIDY_SAY(x, &it->detail, ("一次性 %s", v), ("a one-off %s", v));
}

static void info_rule(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	const policy_case *k = c->n_cases ? find_case(x, c, it) : NULL;
	char cap[32];
	text2 why;
	it->status = SUBSIDY_INFO;
	SUBSIDY_SAY(x, &it->detail, ("%s", c->note.zh), ("%s", qn_text_get(&c->note, QN_LANG_EN)));
	if (!k)
		return;
	it->cap = k->cap;
	if (x->no_text)
		return;
	case_label(x, k, &why);
	decimal_format_yuan(k->cap, cap, sizeof cap);
	if (why.zh[0])
		SUBSIDY_ADD(x, &it->detail, ("；本企业适用上限 %s（%s）", cap, why.zh),
			    ("; the cap for this enterprise: %s (%s)", cap, why.en));
	else
		SUBSIDY_ADD(x, &it->detail, ("；本企业适用上限 %s", cap),
			    ("; the cap for this enterprise: %s", cap));
}

/* The project an item pays for across policies: the tag of the first tagged figure it reads,
 * else the figure itself (project_spend for its parts); none for clauses paid on awards. */
static void project_of(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	for (size_t i = 0; i < c->n_base; i++) {
		const policy_term *t = &c->base[i];
		if (t->kind == POLICY_TERM_FIELD && x->in->project[t->field]) {
			/* The tag is the answers': the result keeps a copy. */
			it->project = arena_strdup(x->arena, x->in->project[t->field]);
			it->project_tagged = true;
			x->nomem |= !it->project;
			return;
		}
	}
	for (size_t i = 0; i < c->n_base; i++) {
		const policy_term *t = &c->base[i];
		if (t->kind == POLICY_TERM_FIELD) {
			it->project = t->field <= POLICY_F_OTHER_HARDWARE
					      ? "project_spend"
					      : policy_field_name(t->field);
			return;
		}
	}
}

/* "是否为试点企业、评测阶段" for the inputs missing. */
static void missing_text(unsigned missing, text2 *out)
{
	text2_clear(out);
	for (unsigned bit = 1, k = 0; bit; bit <<= 1) {
		if (!(missing & bit) || !subsidy_missing_key(bit))
			continue;
		ADD_ZH(out, "%s%s", k ? "、" : "", subsidy_missing_label(bit, QN_LANG_ZH));
		ADD_EN(out, "%s%s", k ? ", " : "", subsidy_missing_label(bit, QN_LANG_EN));
		k++;
	}
}

/*
 * A clause that would pay, but for an input the file lacks or a baseline stage: it pays 0 now
 * and keeps what it would pay in would_pay, its working in the detail.
 */
static void hold_back(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	bool baseline = c->post_only && !x->post && x->in->stage == ANSWERS_STAGE_BASELINE;
	qn_text was = it->detail;
	text2 names;
	char v[32];
	if (c->post_only && !x->post && !baseline)
		x->pending |= SUBSIDY_MISSING_STAGE;
	if (!x->pending && !baseline)
		return;
	it->missing = x->pending;
	it->would_pay = it->amount;
	it->amount = 0;
	it->status = x->pending ? SUBSIDY_NO_INPUT : SUBSIDY_BASELINE;
	if (x->no_text)
		return;
	decimal_format_yuan(it->would_pay, v, sizeof v);
	missing_text(x->pending, &names);
	if (x->pending)
		SUBSIDY_SAY(x, &it->detail,
			    ("答卷未提供：%s；齐备且符合时可得 %s：%s", names.zh, v, was.zh),
			    ("the answer file does not give: %s; given and met, it would pay %s: %s",
			     names.en, v, qn_text_get(&was, QN_LANG_EN)));
	if (x->pending && baseline)
		SUBSIDY_ADD(x, &it->detail, ("；另：改造前（基线）评测不予支付，改造后评测方可"),
			    ("; besides, a baseline assessment is not paid, only a post one"));
	else if (!x->pending)
		SUBSIDY_SAY(x, &it->detail,
			    ("改造前（基线）评测不予支付；改造后评测达到%s时可得 %s：%s",
			     questionnaire_level_name(NULL, x->level, QN_LANG_ZH), v, was.zh),
			    ("a baseline (before transformation) assessment is not paid; a "
			     "post-transformation assessment at %s would get %s: %s",
			     questionnaire_level_name(NULL, x->level, QN_LANG_EN), v,
			     qn_text_get(&was, QN_LANG_EN)));
}

void subsidy_evaluate(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it)
{
	static const char *const kinds[] = {"rate", "tiers", "per-item", "fixed", "info"};
	*it = (subsidy_item){.clause = c,
			     .id = c->id,
			     .number = c->number,
			     .title = &c->title,
			     .text = &c->text,
			     .kind = kinds[c->kind],
			     .stacking_class = c->stacking_class,
			     .base = SUBSIDY_NONE,
			     .rate_bp = SUBSIDY_NONE,
			     .cap = SUBSIDY_NONE,
			     .count = SUBSIDY_NONE,
			     .would_pay = SUBSIDY_NONE,
			     .other_reading_amount = SUBSIDY_NONE};
	x->pending = x->area == SUBSIDY_AREA_UNKNOWN ? SUBSIDY_MISSING_AREA : 0;
	project_of(x, c, it);
	if (x->area == SUBSIDY_AREA_OUT) {
		it->status = SUBSIDY_OUT_OF_AREA;
		SUBSIDY_SAY(x, &it->detail, ("本企业不在本政策适用地区内"),
			    ("the enterprise is outside the area of the policy"));
		return;
	}
	if (c->kind == POLICY_RULE_INFO) {
		info_rule(x, c, it);
		return;
	}
	if (!gate_holds(x, c, it))
		return;
	if (c->kind == POLICY_RULE_RATE)
		rate_rule(x, c, it);
	else if (c->kind == POLICY_RULE_TIERS)
		tiers_rule(x, c, it);
	else if (c->kind == POLICY_RULE_PER_ITEM)
		per_item_rule(x, c, it);
	else
		fixed_rule(x, c, it);
	if (it->status == SUBSIDY_PAID && c->note.zh)
		SUBSIDY_ADD(x, &it->detail, ("。%s", c->note.zh),
			    (". %s", qn_text_get(&c->note, QN_LANG_EN)));
	if (it->status == SUBSIDY_PAID)
		hold_back(x, c, it);
}
