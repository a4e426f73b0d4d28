#include "config.h"
#include "questionnaires/questionnaire.h"

#include <stdlib.h>
#include <string.h>
#include "common/arena.h"
#include "common/decimal.h"
#include "common/grow.h"
#include "common/keyset.h"
#include "common/sha256.h"
#include "common/xmldoc.h"

extern const char questionnaire_schema[];
extern const size_t questionnaire_schema_len;

#define QN_MAX_FILE (16u << 20)

struct questionnaire {
	arena *arena;
	char *id, *version, *path;
	char sha[65]; /* of the definition's bytes, so an answer file can name them */
	qn_text title;
	qn_text checklist_source;
	qn_text source;
	int64_t total;
	qn_dimension *dims;
	size_t n_dims;
	qn_question **questions;
	size_t n_questions, n_scenarios, n_constrained;
	qn_level_rule levels[QN_MAX_LEVEL + 1]; /* levels[L] for L = 1..n_levels */
	size_t n_levels;
	qn_reading *readings;
	size_t n_readings;
};

/* What the builder carries while it walks the document. */
struct build {
	questionnaire *q;
	const char *name;
	assess_error *err;
	keyset *ids;          /* every id so far, of any node: they share one namespace */
	size_t cap_questions; /* room in q->questions */
};

static int nomem(struct build *b)
{
	assess_nomem(b->err, b->name);
	return -1;
}

static int fail_at(struct build *b, const xmlNode *n, const char *fmt, const char *a, const char *c)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	/* Every caller passes a literal with exactly two %s; the helper keeps messages one line each. */
	assess_fail(b->err, ASSESS_ERR_DATA, b->name, xmldoc_line(n), 0, fmt, a, c);
#pragma GCC diagnostic pop
	return -1;
}

static int read_bitext(struct build *b, const xmlNode *n, qn_text *t)
{
	return xmldoc_bitext(b->q->arena, n, &t->zh, &t->en) ? 0 : nomem(b);
}

static int read_child_bitext(struct build *b, const xmlNode *n, const char *name, qn_text *t)
{
	xmlNode *c = xmldoc_first(n, name);
	return c ? read_bitext(b, c, t) : 0;
}

/* The schema guarantees the pattern; this turns it into thousandths. */
static int read_points(struct build *b, const xmlNode *n, const char *attr, int64_t *out)
{
	char *v = xmldoc_attr(b->q->arena, n, attr);
	*out = 0;
	if (v && !decimal_parse_milli(v, out))
		return fail_at(b, n, "%s=\"%s\" is not a decimal with at most 3 places", attr, v);
	return 0;
}

/* The schema allows any non-negative integer; counts beyond 10000 are certainly mistakes. */
static int read_int(struct build *b, const xmlNode *n, const char *attr, int *out)
{
	char *v = xmldoc_attr(b->q->arena, n, attr), *end = NULL;
	long value = v ? strtol(v, &end, 10) : 0;
	if (v && (*end || value < 0 || value > 10000))
		return fail_at(b, n, "%s=\"%s\" is not a whole number from 0 to 10000", attr, v);
	*out = (int)value;
	return 0;
}

static int read_bool(struct build *b, const xmlNode *n, const char *attr)
{
	char *v = xmldoc_attr(b->q->arena, n, attr);
	return v && (strcmp(v, "true") == 0 || strcmp(v, "1") == 0);
}

/* Dimension, subdimension, indicator and question ids share one namespace. */
static int claim_id(struct build *b, const xmlNode *n, const char *id)
{
	if (!id || (!b->ids && !(b->ids = keyset_new())))
		return nomem(b);
	/* A set, not a list: 20,000 indicators took 9 s when each was compared with all before. */
	int seen = keyset_add(b->ids, id, strlen(id));
	if (seen > 0)
		return fail_at(b, n, "id \"%s\" is used twice%s", id, "");
	return seen < 0 ? nomem(b) : 0;
}

static int read_options(struct build *b, xmlNode *qn, qn_question *question)
{
	question->n_options = xmldoc_count(qn, "option");
	if (question->n_options > QN_MAX_OPTIONS)
		return fail_at(b, qn, "question %s has more than 26 options (A..Z)%s", question->id,
			       "");
	question->options = arena_calloc(b->q->arena, question->n_options, sizeof(qn_option));
	if (!question->options)
		return nomem(b);
	size_t k = 0, n_exclusive = 0;
	for (xmlNode *on = xmldoc_first(qn, "option"); on; on = xmldoc_next(on, "option"), k++) {
		qn_option *o = &question->options[k];
		o->code = xmldoc_attr(b->q->arena, on, "code");
		o->exclusive = read_bool(b, on, "exclusive");
		if (!o->code || read_points(b, on, "points", &o->points) ||
		    read_bitext(b, on, &o->label))
			return -1;
		/* Codes are typed at the interview prompt, so they run A, B, C... with no holes
		 * (and qn_option_index() counts on it). */
		char want[2] = {(char)('A' + k), '\0'};
		if (strcmp(o->code, want) != 0)
			return fail_at(b, on, "option code \"%s\" out of order: expected \"%s\"",
				       o->code, want);
		if (o->exclusive && (question->kind != QN_MULTI || o->points != 0))
			return fail_at(b, on,
				       "option %s of %s: only a 0-point option of a multi "
				       "question can be exclusive",
				       o->code, question->id);
		n_exclusive += o->exclusive;
		if (question->kind == QN_SINGLE && o->points > question->max_points)
			question->max_points = o->points;
		if (question->kind == QN_MULTI)
			question->max_points += o->points;
	}
	if (n_exclusive > 1)
		return fail_at(b, qn, "question %s has more than one exclusive option%s",
			       question->id, "");
	return 0;
}

static int read_scenario(struct build *b, xmlNode *qn, qn_question *question)
{
	question->constrained = read_bool(b, qn, "constrained");
	for (xmlNode *lt = xmldoc_first(qn, "level-text"); lt; lt = xmldoc_next(lt, "level-text")) {
		int level;
		if (read_int(b, lt, "level", &level))
			return -1;
		if (read_bitext(b, lt, &question->level_text[level]))
			return -1;
	}
	b->q->n_scenarios++;
	b->q->n_constrained += question->constrained;
	return 0;
}

static int read_evidence(struct build *b, xmlNode *qn, qn_question *question)
{
	xmlNode *ev = xmldoc_first(qn, "evidence");
	question->n_evidence = xmldoc_count(ev, "item");
	question->evidence = arena_calloc(b->q->arena, question->n_evidence + 1, sizeof(qn_text));
	if (!question->evidence)
		return nomem(b);
	size_t k = 0;
	for (xmlNode *it = xmldoc_first(ev, "item"); it; it = xmldoc_next(it, "item"))
		if (read_bitext(b, it, &question->evidence[k++]))
			return -1;
	return 0;
}

/* One checklist entry: its option must be the question's, its level a scenario's 1..4. */
static int read_entry(struct build *b, xmlNode *e, qn_question *question, qn_checklist_entry *c)
{
	c->id = xmldoc_attr(b->q->arena, e, "id");
	char *opt = xmldoc_attr(b->q->arena, e, "option");
	char *lv = xmldoc_attr(b->q->arena, e, "level");
	c->option = -1;
	if (claim_id(b, e, c->id) || read_bitext(b, e, &c->text))
		return -1;
	if (opt &&
	    (question->kind == QN_SCENARIO || (c->option = qn_option_index(question, opt)) < 0))
		return fail_at(b, e,
			       "checklist entry %s names option %s, which its question does not "
			       "have",
			       c->id, opt);
	if (lv && (question->kind != QN_SCENARIO || lv[0] == '0'))
		return fail_at(b, e,
			       "checklist entry %s: level=\"%s\" is for a scenario's levels 1 "
			       "to 4",
			       c->id, lv);
	c->level = lv ? lv[0] - '0' : 0; /* the schema allows one digit 0..4 */
	return 0;
}

static int read_checklist(struct build *b, xmlNode *qn, qn_question *question)
{
	xmlNode *cl = xmldoc_first(qn, "checklist");
	question->n_checklist = xmldoc_count(cl, "entry");
	question->checklist =
		arena_calloc(b->q->arena, question->n_checklist + 1, sizeof(qn_checklist_entry));
	if (!question->checklist)
		return nomem(b);
	size_t k = 0;
	for (xmlNode *e = xmldoc_first(cl, "entry"); e; e = xmldoc_next(e, "entry"))
		if (read_entry(b, e, question, &question->checklist[k++]))
			return -1;
	return 0;
}

static qn_question *read_question(struct build *b, xmlNode *qn, const qn_indicator *ind,
				  bool scored)
{
	qn_question *question = arena_alloc(b->q->arena, sizeof *question);
	if (!question) {
		nomem(b);
		return NULL;
	}
	char *kind = xmldoc_attr(b->q->arena, qn, "kind");
	question->id = xmldoc_attr(b->q->arena, qn, "id");
	question->indicator = ind;
	question->index = b->q->n_questions;
	question->kind = !kind                           ? QN_SINGLE
			 : strcmp(kind, "multi") == 0    ? QN_MULTI
			 : strcmp(kind, "scenario") == 0 ? QN_SCENARIO
							 : QN_SINGLE;
	if (claim_id(b, qn, question->id) || read_child_bitext(b, qn, "text", &question->text) ||
	    read_child_bitext(b, qn, "guidance", &question->guidance) ||
	    read_evidence(b, qn, question))
		return NULL;
	if (scored == (question->kind == QN_SCENARIO)) {
		fail_at(b, qn, "question %s: %s", question->id,
			scored ? "a scenario question belongs in a dimension with scored=\"false\""
			       : "an unscored dimension holds only scenario questions");
		return NULL;
	}
	int rc = question->kind == QN_SCENARIO ? read_scenario(b, qn, question)
					       : read_options(b, qn, question);
	return rc || read_checklist(b, qn, question) ? NULL : question;
}

/* A parent's declared points must be the sum of its children's; absent means "the sum". */
static int check_sum(struct build *b, const xmlNode *n, const char *id, int64_t *declared,
		     int64_t sum, bool declared_present)
{
	if (!declared_present) {
		*declared = sum;
		return 0;
	}
	if (*declared == sum)
		return 0;
	char d[32], s[32];
	decimal_format_milli(*declared, d, sizeof d);
	decimal_format_milli(sum, s, sizeof s);
	assess_fail(b->err, ASSESS_ERR_DATA, b->name, xmldoc_line(n), 0,
		    "%s declares %s points but its parts add up to %s", id, d, s);
	return -1;
}

static int push_question(struct build *b, qn_question *question)
{
	qn_question **grown = grow_array(b->q->questions, &b->cap_questions, b->q->n_questions + 1,
					 sizeof *grown, 64);
	if (!grown)
		return nomem(b);
	b->q->questions = grown;
	b->q->questions[b->q->n_questions++] = question;
	return 0;
}

/*
 * What a dimension, a subdimension and an indicator each begin with: an id of their own, a name,
 * points (left alone when not declared) and room for their children, the elements named child.
 * Returns the children's zeroed array (*n_children long), or NULL after the error.
 */
static void *read_head(struct build *b, xmlNode *n, char **id, qn_text *name, int64_t *points,
		       const char *child, size_t size, size_t *n_children)
{
	*id = xmldoc_attr(b->q->arena, n, "id");
	if (claim_id(b, n, *id))
		return NULL;
	*n_children = xmldoc_count(n, child);
	void *children = arena_calloc(b->q->arena, *n_children, size);
	if (!*id || !children) {
		nomem(b);
		return NULL;
	}
	if (read_child_bitext(b, n, "name", name) || read_points(b, n, "points", points))
		return NULL;
	return children;
}

static int read_indicator(struct build *b, xmlNode *in, qn_indicator *ind, bool scored)
{
	ind->questions = read_head(b, in, &ind->id, &ind->name, &ind->points, "question",
				   sizeof(qn_question *), &ind->n_questions);
	if (!ind->questions)
		return -1;
	int64_t sum = 0;
	size_t k = 0;
	for (xmlNode *qn = xmldoc_first(in, "question"); qn; qn = xmldoc_next(qn, "question")) {
		qn_question *question = read_question(b, qn, ind, scored);
		if (!question || push_question(b, question))
			return -1;
		ind->questions[k++] = question;
		sum += question->max_points;
	}
	return check_sum(b, in, ind->id, &ind->points, sum, xmlHasProp(in, BAD_CAST "points"));
}

static int read_subdimension(struct build *b, xmlNode *sn, qn_subdimension *sub, bool scored)
{
	sub->indicators = read_head(b, sn, &sub->id, &sub->name, &sub->points, "indicator",
				    sizeof(qn_indicator), &sub->n_indicators);
	if (!sub->indicators)
		return -1;
	int64_t sum = 0;
	size_t k = 0;
	for (xmlNode *in = xmldoc_first(sn, "indicator"); in;
	     in = xmldoc_next(in, "indicator"), k++) {
		sub->indicators[k].subdimension = sub;
		if (read_indicator(b, in, &sub->indicators[k], scored))
			return -1;
		sum += sub->indicators[k].points;
	}
	return check_sum(b, sn, sub->id, &sub->points, sum, xmlHasProp(sn, BAD_CAST "points"));
}

static int read_dimension(struct build *b, xmlNode *dn, qn_dimension *dim)
{
	dim->scored = xmlHasProp(dn, BAD_CAST "points") != NULL;
	dim->subdimensions = read_head(b, dn, &dim->id, &dim->name, &dim->points, "subdimension",
				       sizeof(qn_subdimension), &dim->n_subdimensions);
	if (!dim->subdimensions)
		return -1;
	int64_t sum = 0;
	size_t k = 0;
	for (xmlNode *sn = xmldoc_first(dn, "subdimension"); sn;
	     sn = xmldoc_next(sn, "subdimension"), k++) {
		dim->subdimensions[k].dimension = dim;
		if (read_subdimension(b, sn, &dim->subdimensions[k], dim->scored))
			return -1;
		sum += dim->subdimensions[k].points;
	}
	return check_sum(b, dn, dim->id, &dim->points, sum, dim->scored);
}

static int read_level(struct build *b, xmlNode *ln)
{
	int value;
	if (read_int(b, ln, "value", &value))
		return -1;
	if (value < 1 || (size_t)value != b->q->n_levels + 1)
		return fail_at(b, ln, "levels must be numbered 1, 2, 3... in order%s%s", "", "");
	qn_level_rule *r = &b->q->levels[value];
	r->level = value;
	if (read_points(b, ln, "min-score", &r->min_score) ||
	    read_child_bitext(b, ln, "name", &r->name) ||
	    read_child_bitext(b, ln, "meaning", &r->meaning))
		return -1;
	if (read_int(b, ln, "scenario-level", &r->scenario_level) ||
	    read_int(b, ln, "min-scenarios", &r->min_scenarios) ||
	    read_int(b, ln, "min-constrained", &r->min_constrained))
		return -1;
	b->q->n_levels++;
	return 0;
}

/* Level rules that could never be met, or that contradict each other, are data errors. */
static int check_level(struct build *b, xmlNode *ln, const qn_level_rule *r)
{
	const qn_level_rule *prev = r->level > 1 ? &b->q->levels[r->level - 1] : NULL;
	if (r->min_score > b->q->total)
		return fail_at(b, ln, "level %s needs more points than the total %s", r->name.zh,
			       "");
	if (prev && r->min_score < prev->min_score)
		return fail_at(b, ln, "level %s needs fewer points than the level below it%s",
			       r->name.zh, "");
	if ((size_t)r->min_scenarios > b->q->n_scenarios || r->min_constrained > r->min_scenarios ||
	    (size_t)r->min_constrained > b->q->n_constrained)
		return fail_at(b, ln,
			       "level %s asks for more scenarios than the questionnaire has "
			       "(or more ★ than scenarios)%s",
			       r->name.zh, "");
	return 0;
}

static int read_levels(struct build *b, xmlNode *root)
{
	xmlNode *levels = xmldoc_first(root, "levels");
	for (xmlNode *ln = xmldoc_first(levels, "level"); ln; ln = xmldoc_next(ln, "level"))
		if (read_level(b, ln) || b->q->n_levels > QN_MAX_LEVEL)
			return b->q->n_levels > QN_MAX_LEVEL
				       ? fail_at(b, ln, "at most 4 levels%s%s", "", "")
				       : -1;
	size_t k = 1;
	for (xmlNode *ln = xmldoc_first(levels, "level"); ln; ln = xmldoc_next(ln, "level"))
		if (check_level(b, ln, &b->q->levels[k++]))
			return -1;
	return 0;
}

static int read_readings(struct build *b, xmlNode *root)
{
	xmlNode *rs = xmldoc_first(root, "readings");
	b->q->n_readings = xmldoc_count(rs, "reading");
	b->q->readings = arena_calloc(b->q->arena, b->q->n_readings + 1, sizeof(qn_reading));
	if (!b->q->readings)
		return nomem(b);
	size_t k = 0;
	for (xmlNode *r = xmldoc_first(rs, "reading"); r; r = xmldoc_next(r, "reading"), k++) {
		b->q->readings[k].id = xmldoc_attr(b->q->arena, r, "id");
		if (read_child_bitext(b, r, "name", &b->q->readings[k].name) ||
		    read_bitext(b, r, &b->q->readings[k].text))
			return -1;
	}
	return 0;
}

/* <scenario question= constrained=>: a scenario's ★ flag under the other reading. */
static int read_alt_scenario(struct build *b, xmlNode *n, qn_alt_change *ch)
{
	const char *id = xmldoc_attr(b->q->arena, n, "question");
	if (!id)
		return nomem(b);
	ch->kind = QN_ALT_CONSTRAINED;
	ch->question = questionnaire_find(b->q, id);
	if (!ch->question || ch->question->kind != QN_SCENARIO)
		return fail_at(b, n, "alternative: %s is not a scenario of this questionnaire%s",
			       id, "");
	ch->constrained = read_bool(b, n, "constrained");
	return 0;
}

/* <level value= ...>: the attributes given replace the encoded rule's. */
static int read_alt_level(struct build *b, xmlNode *n, qn_alt_change *ch)
{
	int value;
	if (read_int(b, n, "value", &value))
		return -1;
	if (value < 1 || (size_t)value > b->q->n_levels)
		return fail_at(b, n, "alternative: there is no such level%s%s", "", "");
	ch->kind = QN_ALT_LEVEL;
	ch->rule = b->q->levels[value];
	qn_level_rule *r = &ch->rule;
	if ((xmlHasProp(n, BAD_CAST "min-score") &&
	     read_points(b, n, "min-score", &r->min_score)) ||
	    (xmlHasProp(n, BAD_CAST "scenario-level") &&
	     read_int(b, n, "scenario-level", &r->scenario_level)) ||
	    (xmlHasProp(n, BAD_CAST "min-scenarios") &&
	     read_int(b, n, "min-scenarios", &r->min_scenarios)) ||
	    (xmlHasProp(n, BAD_CAST "min-constrained") &&
	     read_int(b, n, "min-constrained", &r->min_constrained)))
		return -1;
	if (r->min_score > b->q->total || r->min_constrained > r->min_scenarios ||
	    (size_t)r->min_scenarios > b->q->n_scenarios)
		return fail_at(b, n, "alternative: level %s could never be met%s", r->name.zh, "");
	return 0;
}

/* <option question= code= requires="B C D">: the option scores only with all of those. */
static int read_alt_option(struct build *b, xmlNode *n, qn_alt_change *ch)
{
	const char *id = xmldoc_attr(b->q->arena, n, "question");
	const char *code = xmldoc_attr(b->q->arena, n, "code");
	const char *with = xmldoc_attr(b->q->arena, n, "requires");
	if (!id || !code || !with)
		return nomem(b);
	ch->kind = QN_ALT_REQUIRES;
	ch->question = questionnaire_find(b->q, id);
	if (!ch->question || ch->question->kind != QN_MULTI)
		return fail_at(b, n, "alternative: %s is not a multiple-choice question%s", id, "");
	ch->option = qn_option_index(ch->question, code);
	if (ch->option < 0)
		return fail_at(b, n, "alternative: %s has no option %s", id, code);
	for (const char *c = with; *c; c++) {
		if (*c == ' ')
			continue;
		char one[2] = {*c, '\0'};
		int k = qn_option_index(ch->question, one);
		if (k < 0 || k == ch->option || (c[1] && c[1] != ' '))
			return fail_at(b, n,
				       "alternative: requires=\"%s\" is not a list of other "
				       "options of %s",
				       with, id);
		ch->with |= 1ULL << k;
	}
	return 0;
}

/* After the tree and the levels: alternatives name questions and levels. */
static int read_alternatives(struct build *b, xmlNode *root)
{
	xmlNode *rs = xmldoc_first(root, "readings");
	size_t k = 0;
	for (xmlNode *r = xmldoc_first(rs, "reading"); r; r = xmldoc_next(r, "reading"), k++) {
		xmlNode *alt = xmldoc_first(r, "alternative");
		qn_reading *rd = &b->q->readings[k];
		size_t n = 0;
		for (xmlNode *c = alt ? alt->children : NULL; c; c = c->next)
			n += c->type == XML_ELEMENT_NODE;
		if (!n)
			continue;
		rd->changes = arena_calloc(b->q->arena, n, sizeof *rd->changes);
		if (!rd->changes)
			return nomem(b);
		for (xmlNode *c = alt->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			qn_alt_change *ch = &rd->changes[rd->n_changes++];
			const char *name = (const char *)c->name;
			int rc = strcmp(name, "scenario") == 0 ? read_alt_scenario(b, c, ch)
				 : strcmp(name, "level") == 0  ? read_alt_level(b, c, ch)
							       : read_alt_option(b, c, ch);
			if (rc)
				return -1;
		}
	}
	return 0;
}

static int build_tree(void *ctx, xmlNode *root)
{
	struct build *b = ctx;
	questionnaire *q = b->q;
	q->id = xmldoc_attr(q->arena, root, "id");
	q->version = xmldoc_attr(q->arena, root, "version");
	if (read_child_bitext(b, root, "title", &q->title) ||
	    read_child_bitext(b, root, "checklist-source", &q->checklist_source) ||
	    read_child_bitext(b, root, "source", &q->source) ||
	    read_points(b, root, "total", &q->total) || read_readings(b, root))
		return -1;
	q->n_dims = xmldoc_count(root, "dimension");
	q->dims = arena_calloc(q->arena, q->n_dims, sizeof(qn_dimension));
	if (!q->id || !q->version || !q->dims)
		return nomem(b);
	int64_t sum = 0;
	size_t k = 0;
	for (xmlNode *dn = xmldoc_first(root, "dimension"); dn;
	     dn = xmldoc_next(dn, "dimension"), k++) {
		if (read_dimension(b, dn, &q->dims[k]))
			return -1;
		sum += q->dims[k].points;
	}
	if (check_sum(b, root, q->id, &q->total, sum, true))
		return -1;
	return read_levels(b, root) || read_alternatives(b, root) ? -1 : 0;
}

static void *load_memory(const char *xml, size_t len, const char *name, assess_error *err)
{
	questionnaire *q = calloc(1, sizeof *q);
	struct build b = {.q = q, .name = name, .err = err};
	if (!q || !(q->arena = arena_new()) || !(q->path = arena_strdup(q->arena, name))) {
		nomem(&b);
		questionnaire_free(q);
		return NULL;
	}
	sha256_hex(xml, len, q->sha);
	int built = xmldoc_build(xml, len, name, questionnaire_schema, questionnaire_schema_len,
				 q->arena, build_tree, &b, err);
	keyset_free(b.ids);
	if (built) {
		questionnaire_free(q);
		return NULL;
	}
	return q;
}

questionnaire *questionnaire_load_memory(const char *xml, size_t len, const char *name,
					 assess_error *err)
{
	return load_memory(xml, len, name, err);
}

questionnaire *questionnaire_load(const char *path, assess_error *err)
{
	return xmldoc_load_file(path, QN_MAX_FILE, load_memory, err);
}

void questionnaire_free(questionnaire *q)
{
	if (!q)
		return;
	free(q->questions);
	arena_free(q->arena);
	free(q);
}

const char *questionnaire_id(const questionnaire *q) { return q->id; }
const char *questionnaire_version(const questionnaire *q) { return q->version; }
const char *questionnaire_sha256(const questionnaire *q) { return q->sha; }
const qn_text *questionnaire_checklist_source(const questionnaire *q)
{
	return &q->checklist_source;
}

const qn_checklist_entry *qn_checklist_find(const qn_question *question, const char *id)
{
	for (size_t k = 0; k < question->n_checklist; k++)
		if (strcmp(question->checklist[k].id, id) == 0)
			return &question->checklist[k];
	return NULL;
}
const qn_text *questionnaire_title(const questionnaire *q) { return &q->title; }
const qn_text *questionnaire_source(const questionnaire *q) { return &q->source; }
const char *questionnaire_path(const questionnaire *q) { return q->path; }
int64_t questionnaire_total(const questionnaire *q) { return q->total; }
size_t questionnaire_n_dimensions(const questionnaire *q) { return q->n_dims; }
size_t questionnaire_n_questions(const questionnaire *q) { return q->n_questions; }
size_t questionnaire_n_scenarios(const questionnaire *q) { return q->n_scenarios; }
size_t questionnaire_n_constrained(const questionnaire *q) { return q->n_constrained; }
size_t questionnaire_n_levels(const questionnaire *q) { return q->n_levels; }
size_t questionnaire_n_readings(const questionnaire *q) { return q->n_readings; }

const qn_dimension *questionnaire_dimension(const questionnaire *q, size_t i)
{
	return i < q->n_dims ? &q->dims[i] : NULL;
}

qn_question *const *questionnaire_questions(const questionnaire *q) { return q->questions; }

const qn_question *questionnaire_question(const questionnaire *q, size_t i)
{
	return i < q->n_questions ? q->questions[i] : NULL;
}

const qn_question *questionnaire_find(const questionnaire *q, const char *id)
{
	for (size_t i = 0; i < q->n_questions; i++)
		if (strcmp(q->questions[i]->id, id) == 0)
			return q->questions[i];
	return NULL;
}

const qn_level_rule *questionnaire_level_rule(const questionnaire *q, int level)
{
	return level >= 1 && (size_t)level <= q->n_levels ? &q->levels[level] : NULL;
}

const char *questionnaire_level_name(const questionnaire *q, int level, qn_lang lang)
{
	static const char *const zh[] = {"未达一级", "一级", "二级", "三级", "四级"};
	static const char *const en[] = {"below level 1", "level 1", "level 2", "level 3",
					 "level 4"};
	if (level < 0 || level > QN_MAX_LEVEL)
		return "?";
	if (!q)
		return lang_pick(lang, zh[level], en[level]);
	const qn_level_rule *rule = questionnaire_level_rule(q, level);
	if (!rule)
		return lang_pick(lang, "未达一级", "Below level 1");
	return qn_text_get(&rule->name, lang);
}

const char *questionnaire_scenario_level(int level, qn_scenario_level_wording w, qn_lang lang)
{
	static const char *const zh[] = {"0 级", "1 级", "2 级", "3 级", "4 级"};
	static const char *const en[QN_SCENARIO_LEVEL_N_WORDINGS][QN_MAX_LEVEL + 1] = {
		[QN_SCENARIO_LEVEL_SHORT] = {"L0", "L1", "L2", "L3", "L4"},
		[QN_SCENARIO_LEVEL_TITLE] = {"Level 0", "Level 1", "Level 2", "Level 3", "Level 4"},
		[QN_SCENARIO_LEVEL_SENTENCE] = {"level 0", "level 1", "level 2", "level 3",
						"level 4"},
		[QN_SCENARIO_LEVEL_CODE] = {"L0", "L1", "L2", "L3", "L4"},
	};
	if (level < 0 || level > QN_MAX_LEVEL || (unsigned)w >= QN_SCENARIO_LEVEL_N_WORDINGS)
		return NULL;
	/* A code is the same in both languages, as the options' letters are. */
	if (w == QN_SCENARIO_LEVEL_CODE)
		return en[w][level];
	return lang_pick(lang, zh[level], en[w][level]);
}

const qn_reading *questionnaire_reading(const questionnaire *q, size_t i)
{
	return i < q->n_readings ? &q->readings[i] : NULL;
}

int qn_option_index(const qn_question *question, const char *code)
{
	/* read_options() lets codes run only A, B, C... so the letter is the index. */
	size_t i = (size_t)((unsigned char)code[0] - 'A');
	return i < question->n_options && code[1] == '\0' ? (int)i : -1;
}

const char *qn_text_get(const qn_text *t, qn_lang lang)
{
	if (lang == QN_LANG_EN && t->en)
		return t->en;
	return t->zh ? t->zh : "";
}

const char *qn_kind_name(qn_kind kind)
{
	static const char *const names[] = {"single", "multi", "scenario"};
	return names[kind];
}
