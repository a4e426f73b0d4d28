#include "config.h"
#include "policies/policy-build.h"

#include <stdlib.h>
#include <string.h>
#include "common/arena.h"
#include "common/date.h"
#include "common/decimal.h"
#include "common/gbcode.h"
#include "common/xmldoc.h"

extern const char policy_schema[];
extern const size_t policy_schema_len;

/* ---- around the clauses ---- */

static int read_window(struct build *b, const xmlNode *root)
{
	xmlNode *w = xmldoc_first(root, "window");
	policy_window *win = &b->p->window;
	if (!w)
		return pb_fail_at(b, root,
				  "policy %s has no <window>: every policy must say when it "
				  "is in force (<window from=\"...\" to=\"...\"/> after <source>)",
				  b->p->id);
	char *from = pb_attr(b, w, "from"), *retro = pb_attr(b, w, "retroactive-from"), day[16];
	win->from_text = from;
	win->to_text = pb_attr(b, w, "to");
	if (!from || !win->to_text)
		return pb_nomem(b);
	win->from_kind = strcmp(from, "issue") == 0 ? POLICY_FROM_ISSUE
			 : strlen(from) == 7        ? POLICY_FROM_MONTH
						    : POLICY_FROM_DAY;
	snprintf(day, sizeof day, "%s%s", from, win->from_kind == POLICY_FROM_MONTH ? "-01" : "");
	if (win->from_kind != POLICY_FROM_ISSUE && !date_parse(day, &win->from))
		return pb_fail_at(b, w,
				  "from=\"%s\" is not a real date (YYYY-MM-DD, YYYY-MM or issue)",
				  from);
	if (!date_parse(win->to_text, &win->to))
		return pb_fail_at(b, w, "to=\"%s\" is not a real date", win->to_text);
	if (retro && !date_parse(retro, &win->retroactive_from))
		return pb_fail_at(b, w, "retroactive-from=\"%s\" is not a real date", retro);
	if (win->from > win->to)
		return pb_fail_at(b, w, "the window ends (%s) before it starts (%s)", win->to_text,
				  from);
	if (retro && (win->from_kind == POLICY_FROM_ISSUE || win->retroactive_from > win->from))
		return pb_fail_at(b, w,
				  "retroactive-from must be a date before the window's start");
	return pb_child_bitext(b, w, "note", &b->p->window_note);
}

static int read_conflict(struct build *b, xmlNode *c, policy_conflict *out)
{
	size_t k = 0;
	out->id = pb_attr(b, c, "id");
	out->chosen = pb_attr(b, c, "chosen");
	out->line = xmldoc_line(c);
	char *kind = pb_attr(b, c, "kind");
	out->kind = kind && strcmp(kind, "reading") == 0 ? POLICY_CONFLICT_AMBIGUITY
							 : POLICY_CONFLICT_CONTRADICTION;
	if (pb_child_bitext(b, c, "about", &out->about))
		return -1;
	for (xmlNode *r = xmldoc_first(c, "reading"); r; r = xmldoc_next(r, "reading"), k++) {
		out->readings[k].id = pb_attr(b, r, "id");
		if (pb_bitext(b, r, &out->readings[k].text))
			return -1;
	}
	if (strcmp(out->readings[0].id, out->readings[1].id) == 0)
		return pb_fail_at(b, c, "conflict \"%s\": its two readings have the same id",
				  out->id);
	if (strcmp(out->chosen, out->readings[0].id) != 0 &&
	    strcmp(out->chosen, out->readings[1].id) != 0)
		return pb_fail_at(b, c,
				  "conflict \"%s\": chosen=\"%s\" is neither reading (%s, %s)",
				  out->id, out->chosen, out->readings[0].id, out->readings[1].id);
	return 0;
}

static int read_conflicts(struct build *b, const xmlNode *root)
{
	xmlNode *cs = xmldoc_first(root, "conflicts");
	size_t k = 0;
	b->p->n_conflicts = xmldoc_count(cs, "conflict");
	if (!(b->p->conflicts = pb_alloc_n(b, b->p->n_conflicts, sizeof(policy_conflict))))
		return -1;
	for (xmlNode *c = xmldoc_first(cs, "conflict"); c; c = xmldoc_next(c, "conflict"), k++) {
		if (read_conflict(b, c, &b->p->conflicts[k]))
			return -1;
		/* A reading names its conflict wherever it is used: ids are unique in the file. */
		for (size_t j = 0; j < k; j++)
			for (int r = 0; r < 2; r++)
				for (int q = 0; q < 2; q++)
					if (strcmp(b->p->conflicts[j].readings[r].id,
						   b->p->conflicts[k].readings[q].id) == 0)
						return pb_fail_at(
							b, c,
							"reading \"%s\" is also a reading of "
							"conflict \"%s\"",
							b->p->conflicts[k].readings[q].id,
							b->p->conflicts[j].id);
	}
	return 0;
}

static int read_classes(struct build *b, const xmlNode *root)
{
	xmlNode *st = xmldoc_first(root, "stacking");
	size_t k = 0;
	b->p->n_classes = xmldoc_count(st, "class");
	if (!(b->p->classes = pb_kind_begin(b, st, "class", sizeof(policy_class))))
		return -1;
	for (xmlNode *c = xmldoc_first(st, "class"); c; c = xmldoc_next(c, "class"), k++) {
		policy_class *cl = &b->p->classes[k];
		char *rule = pb_attr(b, c, "rule");
		cl->id = pb_attr(b, c, "id");
		cl->cap = -1;
		cl->rule = rule && strcmp(rule, "one-per-project") == 0
				   ? POLICY_STACK_ONE_PER_PROJECT
				   : POLICY_STACK_TOGETHER;
		if (pb_amount(b, c, "cap", &cl->cap) || pb_bitext(b, c, &cl->name))
			return -1;
		int repeated = pb_id_repeated(b, cl->id);
		if (repeated)
			return repeated < 0
				       ? -1
				       : pb_fail_at(b, c, "class \"%s\" is declared twice", cl->id);
	}
	return 0;
}

static int read_field(struct build *b, const xmlNode *n, const char *text, policy_field *out)
{
	policy_term t;
	if (pb_term(b, n, text, &t))
		return -1;
	if (t.kind != POLICY_TERM_FIELD)
		return pb_fail_at(b, n, "\"%s\": a spend limit reads finance fields only", text);
	*out = t.field;
	return 0;
}

static int read_spend_limit(struct build *b, const xmlNode *n, policy_spend_limit *sl)
{
	char *part = pb_attr(b, n, "part");
	policy_term *terms;
	if (!part)
		return pb_nomem(b);
	sl->reading = pb_attr(b, n, "reading");
	if (pb_check_reading(b, n, sl->reading) || read_field(b, n, part, &sl->part) ||
	    pb_terms(b, n, "of", &terms, &sl->n_of) || pb_rate(b, n, "max-rate", &sl->max_bp) ||
	    pb_bitext(b, n, &sl->text))
		return -1;
	if (!(sl->of = pb_alloc_n(b, sl->n_of, sizeof *sl->of)))
		return -1;
	bool has_part = false;
	for (size_t i = 0; i < sl->n_of; i++) {
		if (terms[i].kind != POLICY_TERM_FIELD)
			return pb_fail_at(b, n, "of=: a spend limit reads finance fields only");
		sl->of[i] = terms[i].field;
		has_part |= terms[i].field == sl->part;
	}
	if (!has_part)
		return pb_fail_at(b, n, "of= must include the part (%s) it limits", part);
	return 0;
}

static int read_spend_limits(struct build *b, const xmlNode *root)
{
	size_t k = 0;
	b->p->n_spend_limits = xmldoc_count(root, "spend-limit");
	if (!(b->p->spend_limits = pb_alloc_n(b, b->p->n_spend_limits, sizeof *b->p->spend_limits)))
		return -1;
	for (xmlNode *n = xmldoc_first(root, "spend-limit"); n; n = xmldoc_next(n, "spend-limit"))
		if (read_spend_limit(b, n, &b->p->spend_limits[k++]))
			return -1;
	return 0;
}

/* <area codes="350500" names="泉州 Quanzhou">: every code a real division. */
static int read_area(struct build *b, const xmlNode *root)
{
	xmlNode *n = xmldoc_first(root, "area");
	policy_area *a = &b->p->area;
	char why[160];
	if (!n)
		return 0;
	if (pb_words(b, n, "codes", &a->codes, &a->n_codes) ||
	    pb_words(b, n, "names", &a->names, &a->n_names) || pb_bitext(b, n, &a->text))
		return -1;
	for (size_t i = 0; i < a->n_codes; i++)
		if (!gbcode_division_valid(a->codes[i], why, sizeof why))
			return pb_fail_at(b, n, "area code \"%s\": %s", a->codes[i], why);
	return 0;
}

static int read_cross_policy(struct build *b, const xmlNode *root)
{
	xmlNode *n = xmldoc_first(root, "cross-policy");
	char *rule = n ? pb_attr(b, n, "rule") : NULL;
	b->p->cross_rule = !rule                         ? POLICY_CROSS_SILENT
			   : strcmp(rule, "higher") == 0 ? POLICY_CROSS_HIGHER_ANY
							 : POLICY_CROSS_HIGHER_SAME_AREA;
	return pb_child_bitext(b, root, "cross-policy", &b->p->cross_policy);
}

static int read_total_cap(struct build *b, const xmlNode *root)
{
	xmlNode *n = xmldoc_first(root, "total-cap");
	policy_field f;
	b->p->total_cap_field = -1;
	if (!n)
		return 0;
	char *field = pb_attr(b, n, "field");
	if (!field)
		return pb_nomem(b);
	if (read_field(b, n, field, &f) || pb_bitext(b, n, &b->p->total_cap_text))
		return -1;
	b->p->total_cap_field = (int)f;
	return 0;
}

static int read_budget_line(struct build *b, xmlNode *l, policy_budget_line *line)
{
	return pb_words(b, l, "clauses", &line->clauses, &line->n_clauses) ||
			       pb_amount(b, l, "yuan", &line->yuan) || pb_bitext(b, l, &line->name)
		       ? -1
		       : 0;
}

static int read_budget(struct build *b, const xmlNode *root)
{
	xmlNode *n = xmldoc_first(root, "budget");
	policy *p = b->p;
	size_t k = 0;
	int64_t sum = 0;
	p->budget = -1;
	if (!n)
		return 0;
	char *binding = pb_attr(b, n, "binding");
	p->budget_period = pb_attr(b, n, "period");
	p->budget_binding = binding && strcmp(binding, "true") == 0;
	p->n_lines = xmldoc_count(n, "line");
	if (pb_amount(b, n, "yuan", &p->budget) || pb_bitext(b, n, &p->budget_text) ||
	    !(p->lines = pb_alloc_n(b, p->n_lines, sizeof *p->lines)) ||
	    !(p->line_lines = pb_alloc_n(b, p->n_lines, sizeof(int))))
		return -1;
	for (xmlNode *l = xmldoc_first(n, "line"); l; l = xmldoc_next(l, "line"), k++) {
		p->line_lines[k] = xmldoc_line(l);
		if (read_budget_line(b, l, &p->lines[k]))
			return -1;
		sum += p->lines[k].yuan;
	}
	if (p->n_lines && sum != p->budget)
		return pb_fail_at(b, n,
				  "the budget lines add up to %lld yuan, not the budget's %lld",
				  (long long)sum, (long long)p->budget);
	return 0;
}

static int read_awards(struct build *b, const xmlNode *root)
{
	xmlNode *as = xmldoc_first(root, "awards");
	size_t k = 0;
	b->p->n_awards = 0;
	if (!(b->p->awards = pb_kind_begin(b, as, "award", sizeof(policy_award))))
		return -1;
	for (xmlNode *a = xmldoc_first(as, "award"); a; a = xmldoc_next(a, "award"), k++) {
		policy_award *aw = &b->p->awards[k];
		aw->id = pb_attr(b, a, "id");
		if (!aw->id || pb_bitext(b, a, &aw->name))
			return aw->id ? -1 : pb_nomem(b);
		int repeated = pb_id_repeated(b, aw->id);
		if (repeated)
			return repeated < 0
				       ? -1
				       : pb_fail_at(b, a, "award \"%s\" is declared twice", aw->id);
		b->p->n_awards = k + 1;
	}
	return 0;
}

static int check_budget_refs(struct build *b)
{
	for (size_t i = 0; i < b->p->n_lines; i++)
		for (size_t j = 0; j < b->p->lines[i].n_clauses; j++)
			if (!policy_clause_find(b->p, b->p->lines[i].clauses[j]))
				return pb_fail_line(b, b->p->line_lines[i],
						    "budget line names clause \"%s\", which the file "
						    "does not have",
						    b->p->lines[i].clauses[j]);
	return 0;
}

static int build_tree(void *ctx, xmlNode *root)
{
	struct build *b = ctx;
	policy *p = b->p;
	p->id = pb_attr(b, root, "id");
	p->version = pb_attr(b, root, "version");
	if (!p->id || !p->version)
		return pb_nomem(b);
	if (pb_child_bitext(b, root, "title", &p->title) ||
	    pb_child_bitext(b, root, "issuer", &p->issuer) ||
	    pb_child_bitext(b, root, "source", &p->source) || read_area(b, root) ||
	    read_window(b, root) || read_conflicts(b, root) || read_classes(b, root) ||
	    read_spend_limits(b, root) || read_total_cap(b, root) || read_cross_policy(b, root) ||
	    read_budget(b, root) || read_awards(b, root) || pb_clauses(b, root))
		return -1;
	return check_budget_refs(b);
}

static void *load_memory(const char *xml, size_t len, const char *name, assess_error *err)
{
	policy *p = calloc(1, sizeof *p);
	struct build b = {p, name, err, NULL};
	if (!p || !(p->arena = arena_new()) || !(p->path = arena_strdup(p->arena, name))) {
		pb_nomem(&b);
		policy_free(p);
		return NULL;
	}
	int built = xmldoc_build(xml, len, name, policy_schema, policy_schema_len, p->arena,
				 build_tree, &b, err);
	keyset_free(b.ids);
	if (built) {
		policy_free(p);
		return NULL;
	}
	return p;
}

policy *policy_load_memory(const char *xml, size_t len, const char *name, assess_error *err)
{
	return load_memory(xml, len, name, err);
}

policy *policy_load(const char *path, assess_error *err)
{
	return xmldoc_load_file(path, POLICY_MAX_FILE, load_memory, err);
}

void policy_free(policy *p)
{
	if (!p)
		return;
	arena_free(p->arena);
	free(p);
}

/* ---- access ---- */

const char *policy_id(const policy *p) { return p->id; }
const char *policy_version(const policy *p) { return p->version; }
const char *policy_path(const policy *p) { return p->path; }
const qn_text *policy_title(const policy *p) { return &p->title; }
const qn_text *policy_issuer(const policy *p) { return &p->issuer; }
const qn_text *policy_source(const policy *p) { return &p->source; }
const policy_window *policy_window_get(const policy *p) { return &p->window; }
qn_text policy_window_note(const policy *p) { return p->window_note; }
size_t policy_n_clauses(const policy *p) { return p->n_clauses; }
size_t policy_n_classes(const policy *p) { return p->n_classes; }
size_t policy_n_conflicts(const policy *p) { return p->n_conflicts; }
size_t policy_n_awards(const policy *p) { return p->n_awards; }
size_t policy_n_spend_limits(const policy *p) { return p->n_spend_limits; }
const policy_area *policy_area_get(const policy *p) { return &p->area; }
policy_cross_rule policy_cross_policy_rule(const policy *p) { return p->cross_rule; }

const policy_spend_limit *policy_spend_limit_at(const policy *p, size_t i)
{
	return i < p->n_spend_limits ? &p->spend_limits[i] : NULL;
}
int policy_total_cap_field(const policy *p) { return p->total_cap_field; }
const qn_text *policy_total_cap_text(const policy *p) { return &p->total_cap_text; }
const qn_text *policy_cross_policy(const policy *p) { return &p->cross_policy; }
int64_t policy_budget(const policy *p) { return p->budget; }
const char *policy_budget_period(const policy *p) { return p->budget_period; }
bool policy_budget_binding(const policy *p) { return p->budget_binding; }
const qn_text *policy_budget_text(const policy *p) { return &p->budget_text; }
size_t policy_n_budget_lines(const policy *p) { return p->n_lines; }

const policy_clause *policy_clause_at(const policy *p, size_t i)
{
	return i < p->n_clauses ? &p->clauses[i] : NULL;
}

const policy_clause *policy_clause_find(const policy *p, const char *id)
{
	for (size_t i = 0; i < p->n_clauses; i++)
		if (strcmp(p->clauses[i].id, id) == 0)
			return &p->clauses[i];
	return NULL;
}

const policy_class *policy_class_at(const policy *p, size_t i)
{
	return i < p->n_classes ? &p->classes[i] : NULL;
}

const policy_class *policy_class_find(const policy *p, const char *id)
{
	for (size_t i = 0; id && i < p->n_classes; i++)
		if (strcmp(p->classes[i].id, id) == 0)
			return &p->classes[i];
	return NULL;
}

const policy_conflict *policy_conflict_at(const policy *p, size_t i)
{
	return i < p->n_conflicts ? &p->conflicts[i] : NULL;
}

const policy_award *policy_award_at(const policy *p, size_t i)
{
	return i < p->n_awards ? &p->awards[i] : NULL;
}

const policy_award *policy_award_find(const policy *p, const char *id)
{
	for (size_t i = 0; id && i < p->n_awards; i++)
		if (strcmp(p->awards[i].id, id) == 0)
			return &p->awards[i];
	return NULL;
}

const policy_budget_line *policy_budget_line_at(const policy *p, size_t i)
{
	return i < p->n_lines ? &p->lines[i] : NULL;
}
