#include "config.h"
#include "answers/answers.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/atomicfile.h"
#include "common/creditcode.h"
#include "common/fastjson.h"
#include "common/jsonpos.h"
#include "common/readfile.h"
#include "common/sha256.h"
#include "common/text.h"

#define ANSWERS_MAX_FILE (8u << 20)

struct answers {
	const questionnaire *q;
	char *fields[ANSWERS_FIELD_MAX];
	unsigned own_fields;  /* bit f: fields[f] was set alone (the interview) and is freed alone */
	char *strings;        /* one block for the fields as loaded and the source name */
	int above_scale;
	answers_stage stage;
	cJSON *blocks[3];
	char *source;         /* the name given at load, in strings */
	char sha[65];
	size_t n_missing;
	answer items[];       /* one per question, in questionnaire order */
};

static const char *const block_names[3] = {"finance", "status", "awards"};
static const char *const field_keys[ANSWERS_FIELD_MAX] = {
	"name", "credit_code", "industry", "size", "region", "date", "assessor"};

/* What a load carries: the text for positions, and where errors go. */
struct load {
	const char *text;
	size_t len;
	const char *name;
	assess_error *err;
	bool borrowed; /* the tree is fastjson's: copy what is kept, never delete it */
};

static assess_code vfail_path(const struct load *ld, const char *path, int occurrence,
			      const char *fmt, va_list ap)
{
	int line = 0, col = 0;
	size_t off;
	if (ld->text && jsonpos_find(ld->text, ld->len, path, occurrence, &off))
		text_position(ld->text, off, &line, &col);
	assess_vfail(ld->err, ASSESS_ERR_DATA, ld->name, line, col, fmt, ap);
	if (ld->err)
		snprintf(ld->err->path, sizeof ld->err->path, "%s", path);
	return ASSESS_ERR_DATA;
}

/* Fails at the occurrence-th value with this JSON path (a key can repeat). */
static assess_code fail_path(const struct load *ld, const char *path, int occurrence,
			     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static assess_code fail_path(const struct load *ld, const char *path, int occurrence,
			     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_code rc = vfail_path(ld, path, occurrence, fmt, ap);
	va_end(ap);
	return rc;
}

/*
 * Fails at base.key[index] ("$.answers" "F1" 2); key may be NULL and index -1. Paths are
 * spelled out here, on failure only: building one for every value read, ready for an error
 * that rarely comes, was a third of a stream's time.
 */
static assess_code fail_at(const struct load *ld, const char *base, const char *key, int index,
			   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static assess_code fail_at(const struct load *ld, const char *base, const char *key, int index,
			   const char *fmt, ...)
{
	char path[ASSESS_ERROR_PATH_MAX];
	int n = snprintf(path, sizeof path, "%s%s%s", base, key ? "." : "", key ? key : "");
	if (index >= 0 && n >= 0 && (size_t)n < sizeof path)
		snprintf(path + n, sizeof path - (size_t)n, "[%d]", index);
	va_list ap;
	va_start(ap, fmt);
	assess_code rc = vfail_path(ld, path, 1, fmt, ap);
	va_end(ap);
	return rc;
}

answers *answers_new(const questionnaire *q)
{
	answers *a = calloc(1, sizeof *a + (questionnaire_n_questions(q) + 1) * sizeof(answer));
	if (!a)
		return NULL;
	a->q = q;
	a->above_scale = -1;
	a->n_missing = questionnaire_n_questions(q);
	return a;
}

void answers_free(answers *a)
{
	if (!a)
		return;
	size_t n = questionnaire_n_questions(a->q);
	for (size_t i = 0; i < n; i++)
		if (a->items[i].note) /* notes are rare: skip the call */
			free(a->items[i].note);
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++)
		if (a->own_fields & (1u << f))
			free(a->fields[f]);
	for (int b = 0; b < 3; b++)
		cJSON_Delete(a->blocks[b]);
	free(a->strings);
	free(a);
}

/* ---- checks shared by the loader and the setters ---- */

/* The value of n decimal digits at s, or -1 if one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] + (m == 2 && leap);
}

/* Returns NULL if value suits field f, else the reason. */
static const char *field_problem(answers_field f, const char *value, char *why, size_t size)
{
	if (f == ANSWERS_CREDIT_CODE && !creditcode_valid(value, why, size))
		return why;
	if (f == ANSWERS_DATE && !valid_date(value))
		return "expected a date as YYYY-MM-DD";
	if (f == ANSWERS_NAME && !*value)
		return "the enterprise name is empty";
	return NULL;
}

static int set_string(char **slot, const char *value)
{
	char *copy = value ? strdup(value) : NULL;
	if (value && !copy)
		return -1;
	free(*slot);
	*slot = copy;
	return 0;
}

static int set_field(answers *a, answers_field f, const char *value)
{
	char *copy = value ? strdup(value) : NULL;
	if (value && !copy)
		return -1;
	if (a->own_fields & (1u << f))
		free(a->fields[f]);
	a->fields[f] = copy;
	a->own_fields |= 1u << f;
	return 0;
}

/*
 * Copies the fields found in the file, and the source name, into one block: one allocation
 * per answer set instead of eight, which a stream of them notices.
 */
static int store_strings(answers *a, const char *const found[ANSWERS_FIELD_MAX],
			 const char *source)
{
	size_t sizes[ANSWERS_FIELD_MAX + 1], total = 0;
	for (int f = 0; f <= ANSWERS_FIELD_MAX; f++) {
		const char *s = f < ANSWERS_FIELD_MAX ? found[f] : source;
		sizes[f] = s ? strlen(s) + 1 : 0;
		total += sizes[f];
	}
	if (total == 0)
		return 0;
	char *p = a->strings = malloc(total);
	if (!p)
		return -1;
	for (int f = 0; f <= ANSWERS_FIELD_MAX; f++) {
		if (!sizes[f])
			continue;
		char *copy = memcpy(p, f < ANSWERS_FIELD_MAX ? found[f] : source, sizes[f]);
		*(f < ANSWERS_FIELD_MAX ? &a->fields[f] : &a->source) = copy;
		p += sizes[f];
	}
	return 0;
}

/* ---- loading ---- */

/*
 * cJSON_IsString() and its kin, inline: the loader asks about a hundred times per answer
 * object, and a call into the library each time showed in a stream's profile.
 */
static inline bool is_type(const cJSON *v, int type)
{
	return v && (v->type & 0xFF) == type;
}

static assess_code check_duplicates(const struct load *ld, const cJSON *node, char *path,
				    size_t cap)
{
	size_t base = strlen(path);
	int i = 0;
	for (const cJSON *c = node->child; c; c = c->next, i++) {
		if (is_type(node, cJSON_Object)) {
			int seen = 1;
			for (const cJSON *p = node->child; p != c; p = p->next)
				seen += strcmp(p->string, c->string) == 0;
			snprintf(path + base, cap - base, ".%s", c->string);
			if (seen > 1)
				return fail_path(ld, path, seen, "key \"%s\" appears more than once",
						 c->string);
		} else {
			snprintf(path + base, cap - base, "[%d]", i);
		}
		if (c->child && check_duplicates(ld, c, path, cap))
			return ASSESS_ERR_DATA;
		path[base] = '\0';
	}
	return ASSESS_OK;
}

/* The quick test every load runs; check_duplicates() then finds and names the repeated key. */
static bool has_duplicate_key(const cJSON *node)
{
	for (const cJSON *c = node->child; c; c = c->next) {
		for (const cJSON *p = node->child; is_type(node, cJSON_Object) && p != c; p = p->next)
			if (p->string[0] == c->string[0] && strcmp(p->string, c->string) == 0)
				return true;
		if (c->child && has_duplicate_key(c))
			return true;
	}
	return false;
}

static assess_code parse_json(const struct load *ld, cJSON **out)
{
	size_t bad;
	int line, col;
	if (!text_utf8_valid(ld->text, ld->len, &bad)) {
		text_position(ld->text, bad, &line, &col);
		return assess_fail(ld->err, ASSESS_ERR_SYNTAX, ld->name, line, col,
				   "invalid UTF-8 (byte 0x%02X)", (unsigned char)ld->text[bad]);
	}
	const char *end = NULL;
	*out = cJSON_ParseWithLengthOpts(ld->text, ld->len, &end, 0);
	if (!*out) {
		text_position(ld->text, end ? (size_t)(end - ld->text) : 0, &line, &col);
		return assess_fail(ld->err, ld->len ? ASSESS_ERR_SYNTAX : ASSESS_ERR_SYNTAX, ld->name,
				   line, col, "%s", ld->len ? "not valid JSON here"
							    : "empty file: expected a JSON object");
	}
	size_t rest = (size_t)(end - ld->text);
	while (rest < ld->len && isspace((unsigned char)ld->text[rest]))
		rest++;
	if (rest < ld->len) {
		text_position(ld->text, rest, &line, &col);
		return assess_fail(ld->err, ASSESS_ERR_SYNTAX, ld->name, line, col,
				   "unexpected text after the JSON object");
	}
	if (!is_type(*out, cJSON_Object))
		return fail_at(ld, "$", NULL, -1, "expected a JSON object");
	if (!has_duplicate_key(*out))
		return ASSESS_OK;
	char path[ASSESS_ERROR_PATH_MAX] = "$";
	return check_duplicates(ld, *out, path, sizeof path);
}

static const char *type_name(const cJSON *v)
{
	if (is_type(v, cJSON_String))
		return "a string";
	if (is_type(v, cJSON_Number))
		return "a number";
	if (cJSON_IsBool(v))
		return "true/false";
	if (is_type(v, cJSON_Array))
		return "an array";
	if (is_type(v, cJSON_Object))
		return "an object";
	return "null";
}

static assess_code expect_object(const struct load *ld, const cJSON *v, const char *path)
{
	if (is_type(v, cJSON_Object))
		return ASSESS_OK;
	return fail_at(ld, path, NULL, -1, "expected an object, got %s", type_name(v));
}

/* A member of the enterprise or assessment block: base is "$.enterprise" or "$.assessment". */
static assess_code load_field(answers *a, const struct load *ld, const cJSON *c, const char *base,
			      int first, int last, const char *found[ANSWERS_FIELD_MAX])
{
	char why[160];
	int f = first;
	while (f <= last && !text_equal(field_keys[f], c->string))
		f++;
	if (first == ANSWERS_NAME && text_equal(c->string, "above_scale")) {
		if (!cJSON_IsBool(c))
			return fail_at(ld, base, c->string, -1, "expected true or false, got %s",
				       type_name(c));
		a->above_scale = cJSON_IsTrue(c);
		return ASSESS_OK;
	}
	if (first == ANSWERS_DATE && text_equal(c->string, "stage")) {
		const char *s = cJSON_GetStringValue(c);
		a->stage = !s ? ANSWERS_STAGE_NONE : strcmp(s, "baseline") == 0 ? ANSWERS_STAGE_BASELINE
			   : strcmp(s, "post") == 0 ? ANSWERS_STAGE_POST : ANSWERS_STAGE_NONE;
		if (a->stage == ANSWERS_STAGE_NONE)
			return fail_at(ld, base, c->string, -1, "expected \"baseline\" or \"post\"");
		return ASSESS_OK;
	}
	if (f > last)
		return fail_at(ld, base, c->string, -1, "unknown key \"%s\" in %s", c->string,
			       base + 2);
	if (!is_type(c, cJSON_String))
		return fail_at(ld, base, c->string, -1, "expected a string, got %s", type_name(c));
	const char *problem = field_problem((answers_field)f, c->valuestring, why, sizeof why);
	if (problem)
		return fail_at(ld, base, c->string, -1, "%s", problem);
	found[f] = c->valuestring;
	return ASSESS_OK;
}

/* Checks the fields of one block; found[] gets the strings, which stay the tree's. */
static assess_code load_fields(answers *a, const struct load *ld, const cJSON *obj,
			       const char *base, int first, int last,
			       const char *found[ANSWERS_FIELD_MAX])
{
	if (!obj)
		return ASSESS_OK;
	if (expect_object(ld, obj, base))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next)
		if (load_field(a, ld, c, base, first, last, found))
			return ASSESS_ERR_DATA;
	return ASSESS_OK;
}

/* The option v names; k is its place in a list, or -1 for a single choice. */
static assess_code code_index(const struct load *ld, const qn_question *q, const cJSON *v, int k,
			      int *index)
{
	if (!is_type(v, cJSON_String))
		return fail_at(ld, "$.answers", q->id, k,
			       "expected an option code as a string, got %s", type_name(v));
	*index = qn_option_index(q, v->valuestring);
	if (*index < 0)
		return fail_at(ld, "$.answers", q->id, k,
			       "question %s has no option \"%s\" (options %s..%s)", q->id,
			       v->valuestring, q->options[0].code, q->options[q->n_options - 1].code);
	return ASSESS_OK;
}

static assess_code exclusive_conflict(const struct load *ld, const qn_question *q, uint64_t mask)
{
	for (size_t i = 0; i < q->n_options; i++)
		if (q->options[i].exclusive && (mask & (1ULL << i)) && (mask & ~(1ULL << i)))
			return fail_at(ld, "$.answers", q->id, -1,
				       "option %s (%s) of %s cannot be combined with other options",
				       q->options[i].code, qn_text_get(&q->options[i].label, QN_LANG_EN),
				       q->id);
	return ASSESS_OK;
}

static assess_code load_multi(const struct load *ld, const qn_question *q, const cJSON *v,
			      answer *ans)
{
	if (!is_type(v, cJSON_Array))
		return fail_at(ld, "$.answers", q->id, -1, "%s takes several options: expected an "
			       "array of codes, got %s", q->id, type_name(v));
	if (!v->child)
		return fail_at(ld, "$.answers", q->id, -1,
			       "empty list: choose at least one option of %s", q->id);
	int k = 0;
	for (const cJSON *c = v->child; c; c = c->next, k++) {
		int index;
		if (code_index(ld, q, c, k, &index))
			return ASSESS_ERR_DATA;
		if (ans->mask & (1ULL << index))
			return fail_at(ld, "$.answers", q->id, k, "option %s is listed twice",
				       c->valuestring);
		ans->mask |= 1ULL << index;
	}
	return exclusive_conflict(ld, q, ans->mask);
}

static assess_code load_answer(const struct load *ld, const qn_question *q, const cJSON *v,
			       answer *ans)
{
	if (q->kind == QN_SINGLE) {
		if (is_type(v, cJSON_Array))
			return fail_at(ld, "$.answers", q->id, -1, "%s takes one option: expected a "
				       "string, got an array", q->id);
		if (code_index(ld, q, v, -1, &ans->choice))
			return ASSESS_ERR_DATA;
	} else if (q->kind == QN_MULTI) {
		if (load_multi(ld, q, v, ans))
			return ASSESS_ERR_DATA;
	} else {
		double d = is_type(v, cJSON_Number) ? v->valuedouble : -1;
		if (!is_type(v, cJSON_Number))
			return fail_at(ld, "$.answers", q->id, -1, "scenario %s takes a level: an "
				       "integer 0 to 4, got %s", q->id, type_name(v));
		if (!(d >= 0 && d <= QN_MAX_LEVEL) || d != (double)(int)d)
			return fail_at(ld, "$.answers", q->id, -1, "scenario %s takes a level: an "
				       "integer 0 to 4, got %g", q->id, d);
		ans->level = (int)d;
	}
	ans->given = true;
	return ASSESS_OK;
}

/* Answer files list questions in questionnaire order: try the one after the last first. */
static const qn_question *find_question(const questionnaire *q, const char *id, size_t *next)
{
	const qn_question *guess =
		*next < questionnaire_n_questions(q) ? questionnaire_question(q, *next) : NULL;
	const qn_question *found =
		guess && text_equal(guess->id, id) ? guess : questionnaire_find(q, id);
	if (found)
		*next = found->index + 1;
	return found;
}

static assess_code load_answers(answers *a, const struct load *ld, const cJSON *obj)
{
	size_t next = 0;
	if (!obj)
		return fail_at(ld, "$", NULL, -1, "no \"answers\" object");
	if (expect_object(ld, obj, "$.answers"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = find_question(a->q, c->string, &next);
		if (!q)
			return fail_at(ld, "$.answers", c->string, -1,
				       "questionnaire %s has no question \"%s\"",
				       questionnaire_id(a->q), c->string);
		if (load_answer(ld, q, c, &a->items[q->index]))
			return ASSESS_ERR_DATA;
	}
	return ASSESS_OK;
}

static assess_code load_notes(answers *a, const struct load *ld, const cJSON *obj)
{
	if (!obj)
		return ASSESS_OK;
	if (expect_object(ld, obj, "$.notes"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = questionnaire_find(a->q, c->string);
		if (!q)
			return fail_at(ld, "$.notes", c->string, -1,
				       "a note for \"%s\", which is not a question", c->string);
		if (!is_type(c, cJSON_String))
			return fail_at(ld, "$.notes", c->string, -1, "expected a string, got %s",
				       type_name(c));
		if (set_string(&a->items[q->index].note, c->valuestring))
			return assess_fail(ld->err, ASSESS_ERR_NOMEM, ld->name, 0, 0, "out of memory");
	}
	return ASSESS_OK;
}

static assess_code check_complete(answers *a, const struct load *ld, unsigned flags)
{
	size_t n = questionnaire_n_questions(a->q);
	a->n_missing = 0;
	for (size_t i = 0; i < n; i++)
		a->n_missing += !a->items[i].given;
	if (a->n_missing == 0 || (flags & ANSWERS_ALLOW_INCOMPLETE))
		return ASSESS_OK;
	assess_fail(ld->err, ASSESS_ERR_INCOMPLETE, ld->name, 0, 0, "%zu unanswered question%s:",
		    a->n_missing, a->n_missing == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++)
		if (!a->items[i].given)
			assess_error_append(ld->err, " %s", questionnaire_question(a->q, i)->id);
	assess_error_append(ld->err, " (--allow-incomplete scores them as 0)");
	return ASSESS_ERR_INCOMPLETE;
}

/* The members an answer file may have, in the order of top_keys[]. */
enum { TOP_QUESTIONNAIRE, TOP_ENTERPRISE, TOP_ASSESSMENT, TOP_ANSWERS, TOP_NOTES, TOP_FINANCE,
       TOP_STATUS, TOP_AWARDS, TOP_MAX };
static const char *const top_keys[TOP_MAX] = {"questionnaire", "enterprise", "assessment",
					      "answers", "notes", "finance", "status", "awards"};

/* Files each member of root under its key in top[]; fails on a key of no such name. */
static assess_code sort_top_keys(const struct load *ld, cJSON *root, cJSON *top[TOP_MAX])
{
	memset(top, 0, TOP_MAX * sizeof *top);
	for (cJSON *c = root->child; c; c = c->next) {
		int k = 0;
		while (k < TOP_MAX && !text_equal(top_keys[k], c->string))
			k++;
		if (k == TOP_MAX)
			return fail_at(ld, "$", c->string, -1, "unknown key \"%s\" (expected questionnaire, "
				       "enterprise, assessment, answers, notes, finance, status, awards)",
				       c->string);
		top[k] = c;
	}
	return ASSESS_OK;
}

/* The finance, status and awards blocks, kept for the subsidy engine unless told not to. */
static assess_code keep_blocks(answers *a, const struct load *ld, cJSON *root,
			       cJSON *const top[TOP_MAX], unsigned flags)
{
	if (flags & ANSWERS_NO_BLOCKS)
		return ASSESS_OK;
	for (int b = 0; b < 3; b++) {
		cJSON *block = top[TOP_FINANCE + b];
		if (!block)
			continue;
		/* A borrowed tree dies with the reader's next text: the answers keep a copy. */
		a->blocks[b] = ld->borrowed ? cJSON_Duplicate(block, 1)
					    : cJSON_DetachItemViaPointer(root, block);
		if (!a->blocks[b])
			return assess_fail(ld->err, ASSESS_ERR_NOMEM, ld->name, 0, 0, "out of memory");
	}
	return ASSESS_OK;
}

static const questionnaire *resolve_questionnaire(const struct load *ld, const cJSON *qid,
						  answers_resolver resolve, void *ctx)
{
	if (!is_type(qid, cJSON_String)) {
		fail_at(ld, qid ? "$.questionnaire" : "$", NULL, -1,
			"expected \"questionnaire\": the id of the questionnaire answered");
		return NULL;
	}
	const questionnaire *q = resolve(qid->valuestring, ctx, ld->err);
	/* A missing questionnaire is reported against the answer file that names it. */
	if (!q && ld->err && !ld->err->file[0]) {
		assess_error inner = *ld->err;
		fail_at(ld, "$.questionnaire", NULL, -1, "%s", inner.msg);
		ld->err->code = inner.code;
	}
	return q;
}

static answers *bind(cJSON *root, const struct load *ld, answers_resolver resolve, void *ctx,
		     unsigned flags)
{
	cJSON *top[TOP_MAX];
	if (sort_top_keys(ld, root, top))
		return NULL;
	const questionnaire *q = resolve_questionnaire(ld, top[TOP_QUESTIONNAIRE], resolve, ctx);
	if (!q)
		return NULL;
	answers *a = answers_new(q);
	if (!a) {
		assess_fail(ld->err, ASSESS_ERR_NOMEM, ld->name, 0, 0, "out of memory");
		return NULL;
	}
	const char *found[ANSWERS_FIELD_MAX] = {0};
	if (load_fields(a, ld, top[TOP_ENTERPRISE], "$.enterprise", ANSWERS_NAME, ANSWERS_REGION,
			found) ||
	    load_fields(a, ld, top[TOP_ASSESSMENT], "$.assessment", ANSWERS_DATE,
			ANSWERS_ASSESSOR, found) ||
	    load_answers(a, ld, top[TOP_ANSWERS]) || load_notes(a, ld, top[TOP_NOTES]) ||
	    check_complete(a, ld, flags) || keep_blocks(a, ld, root, top, flags)) {
		answers_free(a);
		return NULL;
	}
	if (store_strings(a, found, ld->name)) {
		answers_free(a);
		assess_fail(ld->err, ASSESS_ERR_NOMEM, ld->name, 0, 0, "out of memory");
		return NULL;
	}
	return a;
}

struct answers_reader {
	answers_resolver resolve;
	void *ctx;
	unsigned flags;
	fastjson *fj; /* NULL: every text goes to cJSON */
};

answers_reader *answers_reader_new(answers_resolver resolve, void *ctx, unsigned flags)
{
	answers_reader *r = malloc(sizeof *r);
	if (!r)
		return NULL;
	*r = (answers_reader){resolve, ctx, flags, fastjson_new()};
	if (!r->fj) {
		free(r);
		return NULL;
	}
	return r;
}

void answers_reader_free(answers_reader *r)
{
	if (!r)
		return;
	fastjson_free(r->fj);
	free(r);
}

/*
 * The JSON tree of the text: fastjson's when it takes the text (*borrowed, not to be deleted),
 * else cJSON's, whose errors then stand.
 */
static assess_code read_tree(const answers_reader *r, const struct load *ld, cJSON **root,
			     bool *borrowed)
{
	*root = r->fj ? fastjson_parse(r->fj, ld->text, ld->len) : NULL;
	*borrowed = is_type(*root, cJSON_Object);
	if (*borrowed)
		return ASSESS_OK;
	*root = NULL;
	return parse_json(ld, root);
}

answers *answers_reader_parse(answers_reader *r, const char *json, size_t len, const char *name,
			      assess_error *err)
{
	struct load ld = {json, len, name, err, false};
	cJSON *root = NULL;
	answers *a = NULL;
	if (read_tree(r, &ld, &root, &ld.borrowed) == ASSESS_OK)
		a = bind(root, &ld, r->resolve, r->ctx, r->flags);
	if (!ld.borrowed)
		cJSON_Delete(root);
	if (a && (r->flags & ANSWERS_DIGEST))
		sha256_hex(json, len, a->sha);
	return a;
}

answers *answers_parse(const char *json, size_t len, const char *name, answers_resolver resolve,
		       void *ctx, unsigned flags, assess_error *err)
{
	/* Without memory for the fast reader, cJSON alone reads the text. */
	answers_reader one = {resolve, ctx, flags, fastjson_new()};
	answers *a = answers_reader_parse(&one, json, len, name, err);
	fastjson_free(one.fj);
	return a;
}

answers *answers_load(const char *path, answers_resolver resolve, void *ctx, unsigned flags,
		      assess_error *err)
{
	size_t len;
	char *buf = readfile_all(path, ANSWERS_MAX_FILE, &len, err);
	if (!buf)
		return NULL;
	answers *a = answers_parse(buf, len, path, resolve, ctx, flags | ANSWERS_DIGEST, err);
	free(buf);
	return a;
}

/* ---- access ---- */

const questionnaire *answers_questionnaire(const answers *a) { return a->q; }
const char *answers_source(const answers *a) { return a->source; }
const char *answers_sha256(const answers *a) { return a->sha; }
size_t answers_n_missing(const answers *a) { return a->n_missing; }
int answers_above_scale(const answers *a) { return a->above_scale; }
answers_stage answers_stage_get(const answers *a) { return a->stage; }

const answer *answers_items(const answers *a) { return a->items; }

const answer *answers_get(const answers *a, size_t question_index)
{
	return question_index < questionnaire_n_questions(a->q) ? &a->items[question_index] : NULL;
}

const char *answers_field_get(const answers *a, answers_field f)
{
	return (unsigned)f < ANSWERS_FIELD_MAX ? a->fields[f] : NULL;
}

const char *answers_stage_name(answers_stage s)
{
	return s == ANSWERS_STAGE_BASELINE ? "baseline" : s == ANSWERS_STAGE_POST ? "post" : "";
}

const cJSON *answers_block(const answers *a, const char *name)
{
	for (int b = 0; b < 3; b++)
		if (strcmp(block_names[b], name) == 0)
			return a->blocks[b];
	return NULL;
}

/* ---- setting (the interview) ---- */

assess_code answers_set_field(answers *a, answers_field f, const char *value, assess_error *err)
{
	char why[160];
	const char *problem = value ? field_problem(f, value, why, sizeof why) : NULL;
	if (problem)
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0, "%s", problem);
	if (set_field(a, f, value && *value ? value : NULL))
		return assess_fail(err, ASSESS_ERR_NOMEM, NULL, 0, 0, "out of memory");
	return ASSESS_OK;
}

void answers_set_above_scale(answers *a, int value) { a->above_scale = value; }
void answers_set_stage(answers *a, answers_stage s) { a->stage = s; }

static void recount_missing(answers *a)
{
	a->n_missing = 0;
	for (size_t i = 0; i < questionnaire_n_questions(a->q); i++)
		a->n_missing += !a->items[i].given;
}

assess_code answers_set_text(answers *a, size_t question_index, const char *codes,
			     assess_error *err)
{
	const qn_question *q = questionnaire_question(a->q, question_index);
	struct load ld = {NULL, 0, NULL, err, false};
	cJSON *v = NULL;
	answer ans = {0};
	if (q->kind == QN_SCENARIO) {
		char *end;
		long level = strtol(codes, &end, 10);
		while (isspace((unsigned char)*end))
			end++;
		if (end == codes || *end || level < 0 || level > QN_MAX_LEVEL)
			return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
					   "a scenario level is a number from 0 to 4");
		v = cJSON_CreateNumber((double)level);
	} else {
		v = cJSON_CreateArray();
		for (const char *p = codes; v && *p; p++) {
			if (isspace((unsigned char)*p) || *p == ',')
				continue;
			char code[2] = {(char)toupper((unsigned char)*p), 0};
			cJSON_AddItemToArray(v, cJSON_CreateString(code));
		}
		if (v && q->kind == QN_SINGLE && cJSON_GetArraySize(v) != 1) {
			cJSON_Delete(v);
			return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
					   "%s takes exactly one option", q->id);
		}
		if (v && q->kind == QN_SINGLE) {
			cJSON *only = cJSON_DetachItemFromArray(v, 0);
			cJSON_Delete(v);
			v = only;
		}
	}
	if (!v)
		return assess_fail(err, ASSESS_ERR_NOMEM, NULL, 0, 0, "out of memory");
	assess_code rc = load_answer(&ld, q, v, &ans);
	cJSON_Delete(v);
	if (rc)
		return rc;
	ans.note = a->items[question_index].note;
	a->items[question_index] = ans;
	recount_missing(a);
	return ASSESS_OK;
}

assess_code answers_set_note(answers *a, size_t question_index, const char *note)
{
	return set_string(&a->items[question_index].note, note && *note ? note : NULL)
		       ? ASSESS_ERR_NOMEM : ASSESS_OK;
}

void answers_clear(answers *a, size_t question_index)
{
	char *note = a->items[question_index].note;
	memset(&a->items[question_index], 0, sizeof(answer));
	a->items[question_index].note = note;
	recount_missing(a);
}

/* ---- writing ---- */

const char *answers_format(const answers *a, size_t question_index, char *buf, size_t size)
{
	const qn_question *q = questionnaire_question(a->q, question_index);
	const answer *ans = &a->items[question_index];
	buf[0] = '\0';
	if (!ans->given)
		return buf;
	if (q->kind == QN_SCENARIO) {
		snprintf(buf, size, "%d", ans->level);
	} else if (q->kind == QN_SINGLE) {
		snprintf(buf, size, "%s", q->options[ans->choice].code);
	} else {
		size_t used = 0;
		for (size_t i = 0; i < q->n_options && used + 1 < size; i++)
			if (ans->mask & (1ULL << i))
				used += (size_t)snprintf(buf + used, size - used, "%s%s",
							 used ? " " : "", q->options[i].code);
	}
	return buf;
}

static cJSON *answer_json(const qn_question *q, const answer *ans)
{
	if (q->kind == QN_SCENARIO)
		return cJSON_CreateNumber(ans->level);
	if (q->kind == QN_SINGLE)
		return cJSON_CreateString(q->options[ans->choice].code);
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; arr && i < q->n_options; i++)
		if (ans->mask & (1ULL << i))
			cJSON_AddItemToArray(arr, cJSON_CreateString(q->options[i].code));
	return arr;
}

static void add_fields(cJSON *obj, const answers *a, int first, int last)
{
	for (int f = first; f <= last; f++)
		if (a->fields[f])
			cJSON_AddStringToObject(obj, field_keys[f], a->fields[f]);
}

char *answers_to_json(const answers *a)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "questionnaire", questionnaire_id(a->q));
	cJSON *ent = cJSON_AddObjectToObject(root, "enterprise");
	cJSON *as = NULL, *ans = NULL, *notes = NULL;
	add_fields(ent, a, ANSWERS_NAME, ANSWERS_REGION);
	if (a->above_scale >= 0)
		cJSON_AddBoolToObject(ent, "above_scale", a->above_scale);
	as = cJSON_AddObjectToObject(root, "assessment");
	add_fields(as, a, ANSWERS_DATE, ANSWERS_DATE);
	if (a->stage != ANSWERS_STAGE_NONE)
		cJSON_AddStringToObject(as, "stage", answers_stage_name(a->stage));
	add_fields(as, a, ANSWERS_ASSESSOR, ANSWERS_ASSESSOR);
	ans = cJSON_AddObjectToObject(root, "answers");
	notes = cJSON_CreateObject();
	for (size_t i = 0; i < questionnaire_n_questions(a->q); i++) {
		const qn_question *q = questionnaire_question(a->q, i);
		if (a->items[i].given)
			cJSON_AddItemToObject(ans, q->id, answer_json(q, &a->items[i]));
		if (a->items[i].note)
			cJSON_AddStringToObject(notes, q->id, a->items[i].note);
	}
	if (notes && notes->child)
		cJSON_AddItemToObject(root, "notes", notes);
	else
		cJSON_Delete(notes);
	for (int b = 0; b < 3; b++)
		if (a->blocks[b])
			cJSON_AddItemToObject(root, block_names[b], cJSON_Duplicate(a->blocks[b], 1));
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	return text;
}

assess_code answers_save(const answers *a, const char *path, unsigned flags, assess_error *err)
{
	char *text = answers_to_json(a);
	if (!text)
		return assess_fail(err, ASSESS_ERR_NOMEM, path, 0, 0, "out of memory");
	size_t n = strlen(text);
	text[n] = '\n';  /* cJSON_Print leaves no final newline; reuse the NUL's byte */
	assess_code rc = atomicfile_write(path, text, n + 1, flags, err);
	free(text);
	return rc;
}
