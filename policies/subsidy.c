/*
 * The subsidy run: inputs and readings, every clause, then what acts across clauses (the
 * validity window, 就高不重复 stacking, class caps, a policy-wide cap), the funding splits, the
 * other reading of each conflict, warnings and the budget.
 */
#include "config.h"
#include "policies/subsidy-internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/keyset.h"
#include "common/date.h"
#include "common/decimal.h"
#include "common/gbcode.h"

/* ---- small shared helpers ---- */

void subsidy_say(struct subsidy_ctx *x, qn_text *t, qn_lang lang, bool append, const char *fmt, ...)
{
	char **slot = lang == QN_LANG_EN ? &t->en : &t->zh;
	const char *old = append && *slot ? *slot : "";
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	size_t len = strlen(old);
	char *s = n >= 0 ? arena_alloc(x->arena, len + (size_t)n + 1) : NULL;
	if (s) {
		memcpy(s, old, len);
		vsnprintf(s + len, (size_t)n + 1, fmt, aq);
		*slot = s;
	} else {
		x->nomem = true;
	}
	va_end(aq);
}

/* base = q x 10000 + r, so floor(base x bp / 10000) = q x bp + floor(r x bp / 10000), exactly. */
int64_t subsidy_apply_rate(int64_t base, int bp)
{
	return base / 10000 * bp + base % 10000 * bp / 10000;
}

int64_t subsidy_mul_sat(int64_t a, int64_t b)
{
	int64_t v;
	return __builtin_mul_overflow(a, b, &v) ? INT64_MAX : v;
}

char *subsidy_format_rate(int bp, char *buf, size_t size)
{
	int whole = bp / 100, frac = bp % 100;
	if (frac == 0)
		snprintf(buf, size, "%d%%", whole);
	else if (frac % 10 == 0)
		snprintf(buf, size, "%d.%d%%", whole, frac / 10);
	else
		snprintf(buf, size, "%d.%02d%%", whole, frac);
	return buf;
}

static const char *const status_names[SUBSIDY_STATUS_MAX] =
	{"paid",         "info",       "out-of-window",   "level-too-low",
	 "not-eligible", "no-input",   "under-threshold", "stacked",
	 "baseline",     "out-of-area"};
static const qn_text status_labels[SUBSIDY_STATUS_MAX] = {{"适用", "pays"},
							  {"仅供参考", "information only"},
							  {"不在有效期内", "outside the window"},
							  {"水平不足", "level too low"},
							  {"不符合条件", "not eligible"},
							  {"缺少数据", "input missing"},
							  {"未达门槛", "under the threshold"},
							  {"不重复享受", "stacking excluded"},
							  {"改造前评测", "baseline assessment"},
							  {"不在适用地区", "outside the area"}};

const char *subsidy_status_name(subsidy_status s)
{
	return (unsigned)s < SUBSIDY_STATUS_MAX ? status_names[s] : "?";
}

const char *subsidy_status_label(subsidy_status s, qn_lang lang)
{
	return (unsigned)s < SUBSIDY_STATUS_MAX ? qn_text_get(&status_labels[s], lang) : "?";
}

const char *subsidy_window_name(subsidy_window w)
{
	return w == SUBSIDY_WINDOW_EXPIRED   ? "expired"
	       : w == SUBSIDY_WINDOW_NOT_YET ? "not-yet"
					     : "in-force";
}

const char *subsidy_area_name(subsidy_area a)
{
	return a == SUBSIDY_AREA_OUT ? "out" : a == SUBSIDY_AREA_UNKNOWN ? "unknown" : "in";
}

static const struct {
	unsigned bit;
	const char *key;
	qn_text label;
} missing_inputs[] = {
	{1u << POLICY_STATUS_ABOVE_SCALE,
	 "status.above_scale",
	 {"是否为规模以上企业", "whether it is above scale"}},
	{1u << POLICY_STATUS_PARK,
	 "status.in_standard_park",
	 {"是否为标准化园区入园企业", "whether it is in a standardised park"}},
	{1u << POLICY_STATUS_LEADER,
	 "status.city_leader",
	 {"是否为市级产业龙头企业", "whether it is a city-level industry leader"}},
	{1u << POLICY_STATUS_PILOT,
	 "status.pilot_enterprise",
	 {"是否为试点企业", "whether it is a pilot enterprise"}},
	{SUBSIDY_MISSING_STAGE,
	 "assessment.stage",
	 {"评测阶段（改造前或改造后）", "the assessment stage (baseline or post)"}},
	{SUBSIDY_MISSING_AREA,
	 "enterprise.region_code",
	 {"所在地区（行政区划代码）", "where the enterprise is (region code)"}},
	{SUBSIDY_MISSING_INDUSTRY,
	 "enterprise.industry_code",
	 {"行业代码（GB/T 4754）", "the industry code (GB/T 4754)"}},
};

const char *subsidy_missing_key(unsigned bit)
{
	for (size_t i = 0; i < sizeof missing_inputs / sizeof missing_inputs[0]; i++)
		if (missing_inputs[i].bit == bit)
			return missing_inputs[i].key;
	return NULL;
}

const char *subsidy_missing_label(unsigned bit, qn_lang lang)
{
	for (size_t i = 0; i < sizeof missing_inputs / sizeof missing_inputs[0]; i++)
		if (missing_inputs[i].bit == bit)
			return qn_text_get(&missing_inputs[i].label, lang);
	return NULL;
}

/* ASCII letters compare without case ("Quanzhou" in "quanzhou city"); other bytes exactly. */
static bool contains(const char *text, const char *word)
{
	size_t n = strlen(word);
	for (const char *t = text; *t; t++) {
		size_t i = 0;
		while (i < n && t[i] &&
		       (t[i] == word[i] ||
			((unsigned char)t[i] < 128 && (t[i] | 32) == (word[i] | 32) &&
			 (word[i] | 32) >= 'a' && (word[i] | 32) <= 'z')))
			i++;
		if (i == n)
			return true;
	}
	return false;
}

static subsidy_area area_of(const policy *p, const char *code, const char *region,
			    const char **basis)
{
	const policy_area *ar = policy_area_get(p);
	*basis = NULL;
	if (!ar->n_codes && !ar->n_names)
		return SUBSIDY_AREA_IN;
	if (code) {
		*basis = "region_code";
		for (size_t i = 0; i < ar->n_codes; i++)
			if (gbcode_division_covers(ar->codes[i], code))
				return SUBSIDY_AREA_IN;
		return SUBSIDY_AREA_OUT;
	}
	if (region) {
		*basis = "region";
		for (size_t i = 0; i < ar->n_names; i++)
			if (contains(region, ar->names[i]))
				return SUBSIDY_AREA_IN;
		return SUBSIDY_AREA_OUT;
	}
	return SUBSIDY_AREA_UNKNOWN;
}

subsidy_area subsidy_area_of(const policy *p, const answers *a, const char **basis)
{
	return area_of(p, answers_field_get(a, ANSWERS_REGION_CODE),
		       answers_field_get(a, ANSWERS_REGION), basis);
}

const char *subsidy_window_label(subsidy_window w, qn_lang lang)
{
	if (w == SUBSIDY_WINDOW_EXPIRED)
		return lang == QN_LANG_EN ? "expired" : "已过期";
	if (w == SUBSIDY_WINDOW_NOT_YET)
		return lang == QN_LANG_EN ? "not yet in force" : "尚未施行";
	return lang == QN_LANG_EN ? "in force" : "在有效期内";
}

static const char *date_text(int yyyymmdd, char *buf, size_t size)
{
	return date_format(yyyymmdd, buf, size);
}

/* ---- warnings ---- */

static qn_text *warn(struct subsidy_ctx *x, subsidy_result *r, const char *code)
{
	subsidy_warning *w = &r->warnings[r->n_warnings++];
	w->code = code;
	return &w->text;
}

/*
 * Whether the assessment date is inside the window, and how it relates to the start. The dates
 * are written out in the zh arguments, where SUBSIDY_SAY skips them without texts.
 */
static void warn_date(struct subsidy_ctx *x, subsidy_result *r, const policy_window *w)
{
	char from[16], to[16], retro[16];
	if (r->window == SUBSIDY_WINDOW_EXPIRED)
		SUBSIDY_SAY(x, warn(x, r, "expired"),
			    ("政策已过期：有效期至 %s，评测日期为 %s，本政策不予支付",
			     date_text(w->to, to, sizeof to), r->date),
			    ("Expired: the policy was in force until %s and the assessment is "
			     "dated %s, so it pays nothing",
			     to, r->date));
	if (r->window == SUBSIDY_WINDOW_NOT_YET)
		SUBSIDY_SAY(x, warn(x, r, "not-yet"),
			    ("政策尚未施行：自 %s 起施行，评测日期为 %s，本政策不予支付",
			     date_text(w->from, from, sizeof from), r->date),
			    ("Not yet in force: the policy starts on %s and the assessment is "
			     "dated %s, so it pays nothing",
			     from, r->date));
	if (r->window == SUBSIDY_WINDOW_IN && w->retroactive_from && x->date < w->from)
		SUBSIDY_SAY(x, warn(x, r, "retroactive"),
			    ("评测日期早于正式施行日 %s，按文件规定追溯至 %s 参照执行",
			     date_text(w->from, from, sizeof from),
			     date_text(w->retroactive_from, retro, sizeof retro)),
			    ("The assessment is dated before the policy took effect on %s; the "
			     "document applies it back to %s",
			     from, retro));
}

/* What the window itself leaves open, whatever the date: an unknown start, a draft. */
static void warn_window(struct subsidy_ctx *x, subsidy_result *r)
{
	const policy_window *w = policy_window_get(x->p);
	qn_text note = policy_window_note(x->p);
	char from[16];
	warn_date(x, r, w);
	if (w->from_kind == POLICY_FROM_MONTH)
		SUBSIDY_SAY(x, warn(x, r, "start-day-unknown"),
			    ("文件只写明自 %s（月份）起施行，具体日期未定：按 %s 起算",
			     w->from_text, date_text(w->from, from, sizeof from)),
			    ("The document gives only the month it takes effect (%s), not the day: "
			     "the window is taken to open on %s",
			     w->from_text, from));
	if (w->from_kind == POLICY_FROM_ISSUE)
		SUBSIDY_SAY(x, warn(x, r, "start-unknown"),
			    ("文件自印发之日起施行，印发日期未知：不检查起始日"),
			    ("The document takes effect on its date of issue, which is not known: no "
			     "start date is checked"));
	if (note.zh)
		SUBSIDY_SAY(x, warn(x, r, "note"), ("%s", note.zh),
			    ("%s", qn_text_get(&note, QN_LANG_EN)));
}

static void say_spend_limit(struct subsidy_ctx *x, qn_text *t, const policy_spend_limit *sl,
			    int64_t part_yuan, int64_t total_yuan)
{
	char part[32], total[32], allowed[32], share[16], max[16];
	if (x->no_text)
		return;
	decimal_format_yuan(part_yuan, part, sizeof part);
	decimal_format_yuan(total_yuan, total, sizeof total);
	decimal_format_yuan(x->eff[sl->part], allowed, sizeof allowed);
	subsidy_format_rate((int)(part_yuan * 10000 / total_yuan), share, sizeof share);
	subsidy_format_rate(sl->max_bp, max, sizeof max);
	SUBSIDY_SAY(x, t,
		    ("%s：%s %s 占合计 %s 的 %s，超过 %s；超出部分不计入，按 %s 计", sl->text.zh,
		     policy_field_label(sl->part)->zh, part, total, share, max, allowed),
		    ("%s: %s of %s is %s of the total %s, over %s; the excess is not counted: %s",
		     qn_text_get(&sl->text, QN_LANG_EN), policy_field_label(sl->part)->en, part,
		     share, total, max, allowed));
}

/* The spend limit in force under the chosen readings, or NULL. */
static const policy_spend_limit *spend_limit(const struct subsidy_ctx *x)
{
	for (size_t i = 0; i < policy_n_spend_limits(x->p); i++) {
		const policy_spend_limit *sl = policy_spend_limit_at(x->p, i);
		const char *chosen = sl->reading ? subsidy_chosen_reading(x, sl->reading) : NULL;
		if (!sl->reading || (chosen && strcmp(chosen, sl->reading) == 0))
			return sl;
	}
	return NULL;
}

/* Eligible spend: the limited part counts only up to its share of the total. r is NULL in a
 * run that only wants the figures (the other reading): it warns nothing. */
static void apply_spend_limit(struct subsidy_ctx *x, subsidy_result *r)
{
	const policy_spend_limit *sl = spend_limit(x);
	memcpy(x->eff, x->in->value, sizeof x->eff);
	if (!sl || !x->in->has[sl->part] || sl->max_bp >= 10000)
		return;
	int64_t t = 0, p = x->in->value[sl->part];
	for (size_t i = 0; i < sl->n_of; i++)
		t += x->in->value[sl->of[i]];
	if (p * 10000 <= (int64_t)sl->max_bp * t)
		return;
	x->eff[sl->part] = (t - p) * sl->max_bp / (10000 - sl->max_bp);
	if (r)
		say_spend_limit(x, warn(x, r, "hardware-share"), sl, p, t);
}

/* ---- across clauses ---- */

/* The loser keeps in its detail what it would have paid on its own. */
static void exclude(struct subsidy_ctx *x, subsidy_item *loser, const subsidy_item *winner)
{
	char v[32], own[32], no[POLICY_NUMBER_MAX];
	const char *en = policy_number_text(winner->number, QN_LANG_EN, no, sizeof no);
	SUBSIDY_SAY(x, &loser->detail,
		    ("与%s%s就高不重复，按%s计 %s（本项单独可得 %s）", winner->number,
		     winner->title->zh, winner->number,
		     decimal_format_yuan(winner->amount, v, sizeof v),
		     decimal_format_yuan(loser->amount, own, sizeof own)),
		    ("only the higher of this and %s (%s) is paid (就高不重复): %s pays %s (this "
		     "alone would pay %s)",
		     en, qn_text_get(winner->title, QN_LANG_EN), en, v, own));
	loser->status = SUBSIDY_STACKED;
	loser->amount = 0;
	loser->stacked_with = winner->id;
}

typedef bool (*same_group)(const struct subsidy_ctx *, const subsidy_item *, const subsidy_item *);

/* Within each group (as `same` decides), only the highest amount is paid; ties go to the first. */
static void keep_highest(struct subsidy_ctx *x, subsidy_item *items, size_t n, same_group same)
{
	for (size_t i = 0; i < n; i++) {
		if (items[i].status != SUBSIDY_PAID)
			continue;
		size_t best = i;
		for (size_t j = i + 1; j < n; j++)
			if (items[j].status == SUBSIDY_PAID && same(x, &items[i], &items[j]) &&
			    items[j].amount > items[best].amount)
				best = j;
		for (size_t j = i; j < n; j++)
			if (j != best && items[j].status == SUBSIDY_PAID &&
			    same(x, &items[i], &items[j]))
				exclude(x, &items[j], &items[best]);
	}
}

static bool same_best_of(const struct subsidy_ctx *x, const subsidy_item *a, const subsidy_item *b)
{
	(void)x;
	return a->clause->best_of && b->clause->best_of &&
	       strcmp(a->clause->best_of, b->clause->best_of) == 0;
}

/*
 * Same class, same project, and the class pays one clause per project. Figures tagged with
 * one project id are one project, whichever clauses read them; untagged ones are the project
 * the clause names (project=), as before tags.
 */
static bool same_project(const struct subsidy_ctx *x, const subsidy_item *a, const subsidy_item *b)
{
	const policy_clause *ca = a->clause, *cb = b->clause;
	if (!ca->stacking_class || !cb->stacking_class ||
	    strcmp(ca->stacking_class, cb->stacking_class) != 0 ||
	    policy_class_find(x->p, ca->stacking_class)->rule != POLICY_STACK_ONE_PER_PROJECT)
		return false;
	if (a->project_tagged || b->project_tagged)
		return a->project_tagged && b->project_tagged &&
		       strcmp(a->project, b->project) == 0;
	return ca->project && cb->project && strcmp(ca->project, cb->project) == 0;
}

/* A class's total is capped: later items in document order are cut to what is left. */
static void apply_class_caps(struct subsidy_ctx *x, subsidy_item *items, size_t n)
{
	char cap[32], v[32];
	for (size_t c = 0; c < policy_n_classes(x->p); c++) {
		const policy_class *cl = policy_class_at(x->p, c);
		int64_t left = cl->cap;
		for (size_t i = 0; cl->cap >= 0 && i < n; i++) {
			subsidy_item *it = &items[i];
			if (it->status != SUBSIDY_PAID || !it->stacking_class ||
			    strcmp(it->stacking_class, cl->id) != 0)
				continue;
			if (it->amount > left) {
				it->amount = left;
				it->capped = true;
				SUBSIDY_ADD(x, &it->detail,
					    ("；%s合计不超过 %s，本项计 %s", cl->name.zh,
					     decimal_format_yuan(cl->cap, cap, sizeof cap),
					     decimal_format_yuan(left, v, sizeof v)),
					    ("; %s together at most %s: this pays %s",
					     qn_text_get(&cl->name, QN_LANG_EN), cap, v));
			}
			left -= it->amount;
		}
	}
}

/* Before the clause is set to pay nothing: why, and what it would have paid. */
static void say_out_of_window(struct subsidy_ctx *x, const subsidy_result *r, subsidy_item *it)
{
	const policy_window *w = policy_window_get(x->p);
	bool expired = r->window == SUBSIDY_WINDOW_EXPIRED;
	qn_text was = it->detail;
	char when[16], v[32];
	if (x->no_text)
		return;
	date_text(expired ? w->to : w->from, when, sizeof when);
	decimal_format_yuan(it->amount, v, sizeof v);
	if (expired)
		SUBSIDY_SAY(x, &it->detail, ("已过期（有效期至 %s）", when),
			    ("expired (in force until %s)", when));
	else
		SUBSIDY_SAY(x, &it->detail, ("尚未施行（自 %s 起）", when),
			    ("not yet in force (from %s)", when));
	if (it->status == SUBSIDY_PAID)
		SUBSIDY_ADD(x, &it->detail, ("；在有效期内可得 %s：%s", v, was.zh),
			    ("; in force it would pay %s: %s", v, was.en));
	else
		SUBSIDY_ADD(x, &it->detail, ("；另：%s", was.zh), ("; besides, %s", was.en));
}

/* Outside the window nothing pays; the detail keeps what the clause would have paid. */
static void apply_window(struct subsidy_ctx *x, const subsidy_result *r, subsidy_item *items,
			 size_t n)
{
	if (r->window == SUBSIDY_WINDOW_IN)
		return;
	for (size_t i = 0; i < n; i++) {
		subsidy_item *it = &items[i];
		if (it->status == SUBSIDY_INFO)
			continue;
		say_out_of_window(x, r, it);
		it->status = SUBSIDY_OUT_OF_WINDOW;
		it->amount = 0;
	}
}

static int64_t sum_paid(const subsidy_item *items, size_t n)
{
	int64_t t = 0;
	for (size_t i = 0; i < n; i++)
		t += items[i].status == SUBSIDY_PAID ? items[i].amount : 0;
	return t;
}

/* Every clause, then what acts across them; returns the total before a policy-wide cap. A run
 * for the figures only (the other reading, the post what-if) passes warn_to NULL. */
static int64_t run(struct subsidy_ctx *x, const subsidy_result *r, subsidy_item *items,
		   subsidy_result *warn_to)
{
	size_t n = policy_n_clauses(x->p);
	apply_spend_limit(x, warn_to);
	for (size_t i = 0; i < n; i++)
		subsidy_evaluate(x, policy_clause_at(x->p, i), &items[i]);
	keep_highest(x, items, n, same_best_of);
	keep_highest(x, items, n, same_project);
	apply_class_caps(x, items, n);
	apply_window(x, r, items, n);
	return sum_paid(items, n);
}

/* A policy-wide cap from a finance field (Jinjiang: the enterprise's fiscal contribution). */
static int64_t apply_total_cap(struct subsidy_ctx *x, subsidy_result *r, int64_t total)
{
	int f = policy_total_cap_field(x->p);
	const qn_text *t = policy_total_cap_text(x->p);
	char v[32], c[32];
	if (f < 0 || r->window != SUBSIDY_WINDOW_IN)
		return total;
	if (!x->in->has[f]) {
		SUBSIDY_SAY(x, warn(x, r, "total-cap"),
			    ("%s；答卷未提供%s，合计未按此核减", t->zh, policy_field_label(f)->zh),
			    ("%s; the answer file does not give the %s, so the total is not "
			     "checked against it",
			     qn_text_get(t, QN_LANG_EN), policy_field_label(f)->en));
		return total;
	}
	if (total <= x->in->value[f])
		return total;
	SUBSIDY_SAY(x, warn(x, r, "total-cap"),
		    ("%s：合计 %s 核减为 %s", t->zh, decimal_format_yuan(total, v, sizeof v),
		     decimal_format_yuan(x->in->value[f], c, sizeof c)),
		    ("%s: the total %s is cut to %s", qn_text_get(t, QN_LANG_EN), v, c));
	return x->in->value[f];
}

/* floor(amount x parts / all) for each payer but the first, who gets the remainder. */
static void split(struct subsidy_ctx *x, subsidy_item *it)
{
	const policy_clause *c = it->clause;
	int all = 0;
	if (!c->n_shares)
		return;
	if (!(it->shares = arena_calloc(x->arena, c->n_shares, sizeof *it->shares))) {
		x->nomem = true;
		return;
	}
	it->n_shares = c->n_shares;
	for (size_t i = 0; i < c->n_shares; i++)
		all += c->shares[i].parts;
	int64_t rest = it->amount;
	for (size_t i = c->n_shares; i-- > 0;) {
		it->shares[i].payer = &c->shares[i].payer;
		it->shares[i].parts = c->shares[i].parts;
		it->shares[i].amount = i ? it->amount / all * c->shares[i].parts +
						       it->amount % all * c->shares[i].parts / all
					 : rest;
		rest -= i ? it->shares[i].amount : 0;
	}
}

/* ---- readings: the file's choice, or CONFLICT=READING from the options ---- */

static assess_code choose_readings(const policy *p, const char *const *over, const char **chosen,
				   assess_error *err)
{
	for (size_t i = 0; i < policy_n_conflicts(p); i++)
		chosen[i] = policy_conflict_at(p, i)->chosen;
	for (size_t k = 0; over && over[k]; k++) {
		const char *eq = strchr(over[k], '=');
		size_t i = 0, len = eq ? (size_t)(eq - over[k]) : 0;
		for (; i < policy_n_conflicts(p); i++) {
			const policy_conflict *c = policy_conflict_at(p, i);
			if (strlen(c->id) != len || strncmp(c->id, over[k], len) != 0)
				continue;
			if (strcmp(eq + 1, c->readings[0].id) && strcmp(eq + 1, c->readings[1].id))
				return assess_fail(err, ASSESS_ERR_USAGE, NULL, 0, 0,
						   "conflict \"%s\" of policy %s has readings \"%s\" "
						   "and \"%s\", not \"%s\"",
						   c->id, policy_id(p), c->readings[0].id,
						   c->readings[1].id, eq + 1);
			chosen[i] = strcmp(eq + 1, c->readings[0].id) ? c->readings[1].id
								      : c->readings[0].id;
			break;
		}
		if (!eq || i == policy_n_conflicts(p))
			return assess_fail(err, ASSESS_ERR_USAGE, NULL, 0, 0,
					   "\"%s\": expected CONFLICT=READING naming a conflict of "
					   "policy %s",
					   over[k], policy_id(p));
	}
	return ASSESS_OK;
}

static bool is_reading_of(const char *reading, const policy_conflict *k)
{
	return reading &&
	       (strcmp(reading, k->readings[0].id) == 0 || strcmp(reading, k->readings[1].id) == 0);
}

static bool uses_conflict(const policy_clause *c, const policy_conflict *k)
{
	for (size_t i = 0; i < c->n_cases; i++)
		if (is_reading_of(c->cases[i].reading, k))
			return true;
	for (size_t i = 0; i < c->n_conds; i++)
		if (is_reading_of(c->conds[i].reading, k))
			return true;
	return false;
}

/* The whole run again under the other reading of conflict i, for the figures to compare. */
static void other_reading(struct subsidy_ctx *x, subsidy_result *r, size_t i)
{
	const policy_conflict *k = policy_conflict_at(x->p, i);
	subsidy_conflict *out = &r->conflicts[i];
	const char **mine = x->chosen;
	size_t n = policy_n_clauses(x->p);
	const char **alt = arena_calloc(x->arena, policy_n_conflicts(x->p), sizeof *alt);
	subsidy_item *items = arena_calloc(x->arena, n + 1, sizeof *items);
	if (!alt || !items) {
		x->nomem = true;
		return;
	}
	memcpy(alt, mine, policy_n_conflicts(x->p) * sizeof *alt);
	int which = strcmp(mine[i], k->readings[0].id) == 0 ? 1 : 0;
	alt[i] = k->readings[which].id;
	*out = (subsidy_conflict){.id = k->id,
				  .about = &k->about,
				  .chosen_id = mine[i],
				  .chosen = &k->readings[!which].text,
				  .other_id = alt[i],
				  .other = &k->readings[which].text};
	/* Only the amounts of this run are kept, so it never says anything. */
	bool no_text = x->no_text;
	x->chosen = alt;
	x->no_text = true;
	out->total_other = run(x, r, items, NULL);
	x->chosen = mine;
	x->no_text = no_text;
	apply_spend_limit(x, NULL); /* back to the chosen reading's figures */
	for (size_t j = 0; j < n; j++) {
		subsidy_item *it = &r->items[j];
		if (!uses_conflict(it->clause, k) && items[j].amount == it->amount)
			continue;
		it->other_reading_amount = items[j].amount;
		if (!it->reading)
			it->reading = mine[i];
	}
}

/* Baseline or no stage: the whole run again as a post-transformation assessment. */
static void post_what_if(struct subsidy_ctx *x, subsidy_result *r)
{
	size_t n = policy_n_clauses(x->p);
	subsidy_item *items;
	bool no_text = x->no_text, any = false;
	r->total_if_post = SUBSIDY_NONE;
	for (size_t i = 0; i < n; i++)
		any |= policy_clause_at(x->p, i)->post_only;
	if (x->post || !any || r->area == SUBSIDY_AREA_OUT)
		return;
	if (!(items = arena_calloc(x->arena, n + 1, sizeof *items))) {
		x->nomem = true;
		return;
	}
	x->post = true;
	x->no_text = true;
	r->total_if_post = run(x, r, items, NULL);
	x->post = false;
	x->no_text = no_text;
	apply_spend_limit(x, NULL);
}

/* Names, not ids: the readings are told by what they say. */
static void warn_conflict(struct subsidy_ctx *x, subsidy_result *r, const subsidy_conflict *c,
			  bool ambiguous)
{
	char other[32];
	/* A document read two ways, or saying two things: one sentence, its opening apart. */
	SUBSIDY_SAY(x, warn(x, r, ambiguous ? "reading" : "conflict"),
		    (ambiguous ? "文件可有两种理解：%s。本测算采用%s；按另一种理解（%s），合计为 %s"
			       : "文件前后不一致：%s。本测算采用%s；按另一读法（%s），合计为 %s",
		     c->about->zh, c->chosen->zh, c->other->zh,
		     decimal_format_yuan(c->total_other, other, sizeof other)),
		    (ambiguous
			     ? "The document can be read two ways: %s. This uses %s; read the other "
			       "way (%s), the total would be %s"
			     : "The document contradicts itself: %s. This uses %s; under the other "
			       "reading (%s) the total would be %s",
		     qn_text_get(c->about, QN_LANG_EN), qn_text_get(c->chosen, QN_LANG_EN),
		     qn_text_get(c->other, QN_LANG_EN), other));
}

/* ---- the rest of the warnings, and the budget ---- */

/*
 * Appends ", id" to the list while it fits whole, and "…" once when one does not: the list is
 * a warning, not an inventory, and an answer file may name thousands of awards.
 */
static bool list_add(char *list, size_t size, size_t *k, const char *id)
{
	size_t need = strlen(id) + (*k ? 2 : 0);
	if (*k + need + sizeof ", …" > size) {
		snprintf(list + *k, size - *k, "%s…", *k ? ", " : "");
		return false;
	}
	snprintf(list + *k, size - *k, "%s%s", *k ? ", " : "", id);
	*k += need;
	return true;
}

static void warn_unused_awards(struct subsidy_ctx *x, subsidy_result *r)
{
	char list[512] = "";
	size_t k = 0;
	bool any = false, room = true;
	/* Each id once: a set of those seen (without memory, an id may be listed twice). */
	keyset *seen = x->no_text ? NULL : keyset_new();
	for (size_t i = 0; i < x->in->n_awards && room; i++) {
		const char *id = x->in->awards[i].id;
		if (policy_award_find(x->p, id) || (seen && keyset_add(seen, id, strlen(id)) == 1))
			continue;
		any = true;
		if (x->no_text) /* one is enough to warn */
			break;
		room = list_add(list, sizeof list, &k, id);
	}
	keyset_free(seen);
	if (any)
		SUBSIDY_SAY(x, warn(x, r, "unused-award"), ("本政策不涉及以下奖项/认定：%s", list),
			    ("This policy does not read these awards: %s", list));
}

static void budget(struct subsidy_ctx *x, subsidy_result *r)
{
	const policy *p = x->p;
	char b[32], c[32];
	r->budget = policy_budget(p) >= 0 ? policy_budget(p) : SUBSIDY_NONE;
	r->budget_period = policy_budget_period(p);
	r->budget_binding = policy_budget_binding(p);
	r->n_budget_lines = policy_n_budget_lines(p);
	r->budget_lines = arena_calloc(x->arena, r->n_budget_lines + 1, sizeof *r->budget_lines);
	if (!r->budget_lines) {
		x->nomem = true;
		return;
	}
	for (size_t i = 0; i < r->n_budget_lines; i++) {
		const policy_budget_line *l = policy_budget_line_at(p, i);
		subsidy_budget_line *out = &r->budget_lines[i];
		out->name = &l->name;
		out->budget = l->yuan;
		for (size_t j = 0; j < r->n_items; j++)
			for (size_t k = 0; k < l->n_clauses; k++)
				if (strcmp(r->items[j].id, l->clauses[k]) == 0)
					out->claimed += r->items[j].amount;
		if (out->claimed > out->budget)
			SUBSIDY_SAY(x, warn(x, r, "budget"),
				    ("%s：本企业测算 %s，超过该项预算 %s", l->name.zh,
				     decimal_format_yuan(out->claimed, c, sizeof c),
				     decimal_format_yuan(out->budget, b, sizeof b)),
				    ("%s: this enterprise's %s is over the line's budget of %s",
				     qn_text_get(&l->name, QN_LANG_EN), c, b));
	}
}

/* How the area was decided, when it was not from the code. */
static void warn_area(struct subsidy_ctx *x, subsidy_result *r)
{
	const qn_text *t = &policy_area_get(x->p)->text;
	if (r->area == SUBSIDY_AREA_UNKNOWN)
		SUBSIDY_SAY(x, warn(x, r, "area-unknown"),
			    ("本政策适用于%s；答卷未提供所在地区（行政区划代码或地区），各条款均为"
			     "缺少数据",
			     t->zh),
			    ("The policy covers %s; the answer file says neither the region code nor "
			     "the region, so every clause lacks that input",
			     qn_text_get(t, QN_LANG_EN)));
	else if (r->area_basis && strcmp(r->area_basis, "region") == 0)
		SUBSIDY_SAY(x, warn(x, r, "area-by-name"),
			    ("答卷未提供行政区划代码，按所在地区文字“%s”判断是否属于%s",
			     x->in->region, t->zh),
			    ("No region code: whether the enterprise is in %s is judged from the "
			     "region text \"%s\"",
			     qn_text_get(t, QN_LANG_EN), x->in->region));
}

static void warnings(struct subsidy_ctx *x, subsidy_result *r, bool overridden)
{
	const qn_text *cross = policy_cross_policy(x->p);
	warn_window(x, r);
	for (size_t i = 0; i < r->n_conflicts; i++)
		warn_conflict(x, r, &r->conflicts[i],
			      policy_conflict_at(x->p, i)->kind == POLICY_CONFLICT_AMBIGUITY);
	if (overridden)
		SUBSIDY_SAY(
			x, warn(x, r, "level-override"),
			("假设测算：按改造后评测达到%s（命令行 --level 指定）计算，未采用答卷的评分"
			 "和评测阶段",
			 questionnaire_level_name(NULL, r->level, QN_LANG_ZH)),
			("A what-if: computed for a post-transformation assessment at %s (given "
			 "with --level), not the answers' score and stage",
			 questionnaire_level_name(NULL, r->level, QN_LANG_EN)));
	warn_area(x, r);
	if (cross->zh && r->window == SUBSIDY_WINDOW_IN)
		SUBSIDY_SAY(x, warn(x, r, "cross-policy"), ("%s", cross->zh),
			    ("%s", qn_text_get(cross, QN_LANG_EN)));
	warn_unused_awards(x, r);
}

/* ---- the run ---- */

subsidy_window subsidy_window_at(const policy_window *w, int date)
{
	int from = w->from_kind == POLICY_FROM_ISSUE ? 0
		   : w->retroactive_from             ? w->retroactive_from
						     : w->from;
	if (date > w->to)
		return SUBSIDY_WINDOW_EXPIRED;
	return date < from ? SUBSIDY_WINDOW_NOT_YET : SUBSIDY_WINDOW_IN;
}

static assess_code check_options(const subsidy_options *o, int *date, assess_error *err)
{
	if (!o->date || !date_parse(o->date, date))
		return assess_fail(err, ASSESS_ERR_USAGE, NULL, 0, 0,
				   "the assessment date \"%s\" is "
				   "not a date YYYY-MM-DD",
				   o->date ? o->date : "");
	if (o->level < 0 || o->level > QN_MAX_LEVEL)
		return assess_fail(err, ASSESS_ERR_USAGE, NULL, 0, 0, "level %d: expected 0 to 4",
				   o->level);
	return ASSESS_OK;
}

static bool allocate(struct subsidy_box *box, const policy *p)
{
	subsidy_result *r = &box->r;
	size_t n_warn = 16 + policy_n_conflicts(p) + policy_n_budget_lines(p);
	r->items = arena_calloc(box->arena, policy_n_clauses(p) + 1, sizeof *r->items);
	r->conflicts = arena_calloc(box->arena, policy_n_conflicts(p) + 1, sizeof *r->conflicts);
	r->warnings = arena_calloc(box->arena, n_warn, sizeof *r->warnings);
	return r->items && r->conflicts && r->warnings;
}

static void fill(struct subsidy_ctx *x, subsidy_result *r, const subsidy_options *o)
{
	r->n_items = policy_n_clauses(x->p);
	r->n_conflicts = policy_n_conflicts(x->p);
	r->total_before_cap = run(x, r, r->items, r);
	for (size_t i = 0; i < r->n_conflicts; i++)
		other_reading(x, r, i);
	post_what_if(x, r);
	warnings(x, r, o->level_overridden);
	r->total = apply_total_cap(x, r, r->total_before_cap);
	for (size_t i = 0; i < r->n_items; i++)
		split(x, &r->items[i]);
	budget(x, r);
}

subsidy_result *subsidy_compute(const policy *p, const answers *a, const subsidy_options *o,
				assess_error *err)
{
	subsidy_inputs in;
	int date = 0;
	/* check_options() is where a date that is no day is refused: date is set past it. */
	if (check_options(o, &date, err) || inputs_read(a, &in, err))
		return NULL;
	struct subsidy_box *box = calloc(1, sizeof *box);
	const char **chosen = calloc(policy_n_conflicts(p) + 1, sizeof *chosen);
	subsidy_result *r = box ? &box->r : NULL;
	const char *basis;
	subsidy_area area = area_of(p, in.region_code, in.region, &basis);
	bool post = o->level_overridden || in.stage == ANSWERS_STAGE_POST;
	struct subsidy_ctx x = {.p = p,
				.in = &in,
				.level = o->level,
				.date = date,
				.post = post,
				.area = area,
				.chosen = chosen,
				.no_text = o->no_text};
	if (!box || !chosen || !(box->arena = x.arena = arena_new()) || !allocate(box, p)) {
		assess_nomem(err, NULL);
		goto fail;
	}
	if (choose_readings(p, o->readings, chosen, err))
		goto fail;
	*r = (subsidy_result){.policy = p,
			      .policy_id = policy_id(p),
			      .title = policy_title(p),
			      .issuer = policy_issuer(p),
			      .level = o->level,
			      .level_overridden = o->level_overridden,
			      .stage = o->level_overridden ? ANSWERS_STAGE_POST : in.stage,
			      .area = area,
			      .area_basis = basis,
			      .total_if_post = SUBSIDY_NONE,
			      .items = r->items,
			      .conflicts = r->conflicts,
			      .warnings = r->warnings,
			      .window = subsidy_window_at(policy_window_get(p), date),
			      .date = arena_strdup(box->arena, o->date)};
	fill(&x, r, o);
	if (x.nomem || !r->date) {
		assess_nomem(err, NULL);
		goto fail;
	}
	/* The chosen readings must outlive this call: they are the policy's own strings. */
	free(chosen);
	inputs_free(&in);
	return r;
fail:
	free(chosen);
	inputs_free(&in);
	subsidy_free(r);
	return NULL;
}

void subsidy_free(subsidy_result *r)
{
	if (!r)
		return;
	struct subsidy_box *box = (struct subsidy_box *)r; /* r is the box's first member */
	arena_free(box->arena);
	free(box);
}

assess_code subsidy_check_inputs(const answers *a, assess_error *err)
{
	subsidy_inputs in;
	assess_code rc = inputs_read(a, &in, err);
	if (rc == ASSESS_OK)
		inputs_free(&in);
	return rc;
}
