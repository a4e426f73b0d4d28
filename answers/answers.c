#include "config.h"
#include "answers/answers.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/atomicfile.h"
#include "common/creditcode.h"
#include "common/jsonpos.h"
#include "common/readfile.h"
#include "common/sha256.h"
#include "common/text.h"

#define ANSWERS_MAX_FILE (8u << 20)

struct answers {
	const questionnaire *q;
	answer *items;
	char *fields[ANSWERS_FIELD_MAX];
	int above_scale;
	answers_stage stage;
	cJSON *blocks[3];
	char *source;
	char sha[65];
	size_t n_missing;
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
};

static assess_code fail_at(const struct load *ld, const char *path, int occurrence,
			   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static assess_code fail_at(const struct load *ld, const char *path, int occurrence,
			   const char *fmt, ...)
{
	va_list ap;
	int line = 0, col = 0;
	size_t off;
	if (ld->text && jsonpos_find(ld->text, ld->len, path, occurrence, &off))
		text_position(ld->text, off, &line, &col);
	va_start(ap, fmt);
	assess_vfail(ld->err, ASSESS_ERR_DATA, ld->name, line, col, fmt, ap);
	va_end(ap);
	if (ld->err)
		snprintf(ld->err->path, sizeof ld->err->path, "%s", path);
	return ASSESS_ERR_DATA;
}

answers *answers_new(const questionnaire *q)
{
	answers *a = calloc(1, sizeof *a);
	if (!a)
		return NULL;
	a->q = q;
	a->above_scale = -1;
	a->n_missing = questionnaire_n_questions(q);
	a->items = calloc(questionnaire_n_questions(q) + 1, sizeof(answer));
	if (!a->items) {
		free(a);
		return NULL;
	}
	return a;
}

void answers_free(answers *a)
{
	if (!a)
		return;
	for (size_t i = 0; a->items && i < questionnaire_n_questions(a->q); i++)
		free(a->items[i].note);
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++)
		free(a->fields[f]);
	for (int b = 0; b < 3; b++)
		cJSON_Delete(a->blocks[b]);
	free(a->items);
	free(a->source);
	free(a);
}

/* ---- checks shared by the loader and the setters ---- */

static int valid_date(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
		return 0;
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

/* ---- loading ---- */

/*
 * snprintf(buf, size, "%s%s", head, tail) without printf's cost: the loader builds a JSON path
 * for every value it reads (for its error messages), and on a stream of answer objects that
 * was a third of the time.
 */
static void path_join(char *buf, size_t size, const char *head, const char *tail)
{
	size_t h = strlen(head), t = strlen(tail);
	if (h + t < size) {
		memcpy(buf, head, h);
		memcpy(buf + h, tail, t + 1);
	} else {
		snprintf(buf, size, "%s%s", head, tail);
	}
}

/* "[k]" for path_join. */
static const char *index_text(int k, char buf[16])
{
	char digits[12];
	int n = 0;
	unsigned u = (unsigned)k;
	do
		digits[n++] = (char)('0' + u % 10);
	while ((u /= 10) && n < 11);
	buf[0] = '[';
	for (int i = 0; i < n; i++)
		buf[1 + i] = digits[n - 1 - i];
	buf[1 + n] = ']';
	buf[2 + n] = '\0';
	return buf;
}

static assess_code check_duplicates(const struct load *ld, const cJSON *node, char *path,
				    size_t cap)
{
	size_t base = strlen(path);
	int i = 0;
	for (const cJSON *c = node->child; c; c = c->next, i++) {
		if (cJSON_IsObject(node)) {
			int seen = 1;
			for (const cJSON *p = node->child; p != c; p = p->next)
				seen += strcmp(p->string, c->string) == 0;
			snprintf(path + base, cap - base, ".%s", c->string);
			if (seen > 1)
				return fail_at(ld, path, seen, "key \"%s\" appears more than once",
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
		for (const cJSON *p = node->child; cJSON_IsObject(node) && p != c; p = p->next)
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
	if (!cJSON_IsObject(*out))
		return fail_at(ld, "$", 1, "expected a JSON object");
	if (!has_duplicate_key(*out))
		return ASSESS_OK;
	char path[ASSESS_ERROR_PATH_MAX] = "$";
	return check_duplicates(ld, *out, path, sizeof path);
}

static const char *type_name(const cJSON *v)
{
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "true/false";
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsObject(v))
		return "an object";
	return "null";
}

static assess_code expect_object(const struct load *ld, const cJSON *v, const char *path)
{
	if (cJSON_IsObject(v))
		return ASSESS_OK;
	return fail_at(ld, path, 1, "expected an object, got %s", type_name(v));
}

static assess_code load_fields(answers *a, const struct load *ld, const cJSON *obj,
			       const char *block, int first, int last)
{
	char path[ASSESS_ERROR_PATH_MAX], head[32], why[160];
	if (!obj)
		return ASSESS_OK;
	snprintf(path, sizeof path, "$.%s", block);
	snprintf(head, sizeof head, "$.%s.", block);
	if (expect_object(ld, obj, path))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		path_join(path, sizeof path, head, c->string);
		int f = first;
		while (f <= last && strcmp(field_keys[f], c->string) != 0)
			f++;
		if (strcmp(block, "enterprise") == 0 && strcmp(c->string, "above_scale") == 0) {
			if (!cJSON_IsBool(c))
				return fail_at(ld, path, 1, "expected true or false, got %s",
					       type_name(c));
			a->above_scale = cJSON_IsTrue(c);
			continue;
		}
		if (strcmp(block, "assessment") == 0 && strcmp(c->string, "stage") == 0) {
			const char *s = cJSON_GetStringValue(c);
			a->stage = !s ? ANSWERS_STAGE_NONE : strcmp(s, "baseline") == 0 ? ANSWERS_STAGE_BASELINE
				   : strcmp(s, "post") == 0 ? ANSWERS_STAGE_POST : ANSWERS_STAGE_NONE;
			if (a->stage == ANSWERS_STAGE_NONE)
				return fail_at(ld, path, 1, "expected \"baseline\" or \"post\"");
			continue;
		}
		if (f > last)
			return fail_at(ld, path, 1, "unknown key \"%s\" in %s", c->string, block);
		if (!cJSON_IsString(c))
			return fail_at(ld, path, 1, "expected a string, got %s", type_name(c));
		const char *problem = field_problem((answers_field)f, c->valuestring, why, sizeof why);
		if (problem)
			return fail_at(ld, path, 1, "%s", problem);
		if (set_string(&a->fields[f], c->valuestring))
			return assess_fail(ld->err, ASSESS_ERR_NOMEM, ld->name, 0, 0, "out of memory");
	}
	return ASSESS_OK;
}

static assess_code code_index(const struct load *ld, const qn_question *q, const cJSON *v,
			      const char *path, int *index)
{
	if (!cJSON_IsString(v))
		return fail_at(ld, path, 1, "expected an option code as a string, got %s",
			       type_name(v));
	*index = qn_option_index(q, v->valuestring);
	if (*index < 0)
		return fail_at(ld, path, 1, "question %s has no option \"%s\" (options %s..%s)",
			       q->id, v->valuestring, q->options[0].code,
			       q->options[q->n_options - 1].code);
	return ASSESS_OK;
}

static assess_code exclusive_conflict(const struct load *ld, const qn_question *q, uint64_t mask,
				      const char *path)
{
	for (size_t i = 0; i < q->n_options; i++)
		if (q->options[i].exclusive && (mask & (1ULL << i)) && (mask & ~(1ULL << i)))
			return fail_at(ld, path, 1,
				       "option %s (%s) of %s cannot be combined with other options",
				       q->options[i].code, qn_text_get(&q->options[i].label, QN_LANG_EN),
				       q->id);
	return ASSESS_OK;
}

static assess_code load_multi(const struct load *ld, const qn_question *q, const cJSON *v,
			      const char *path, answer *ans)
{
	char ipath[ASSESS_ERROR_PATH_MAX + 16], ktext[16];
	if (!cJSON_IsArray(v))
		return fail_at(ld, path, 1, "%s takes several options: expected an array of codes, "
			       "got %s", q->id, type_name(v));
	if (!v->child)
		return fail_at(ld, path, 1, "empty list: choose at least one option of %s", q->id);
	int k = 0;
	for (const cJSON *c = v->child; c; c = c->next, k++) {
		int index;
		path_join(ipath, sizeof ipath, path, index_text(k, ktext));
		if (code_index(ld, q, c, ipath, &index))
			return ASSESS_ERR_DATA;
		if (ans->mask & (1ULL << index))
			return fail_at(ld, ipath, 1, "option %s is listed twice", c->valuestring);
		ans->mask |= 1ULL << index;
	}
	return exclusive_conflict(ld, q, ans->mask, path);
}

static assess_code load_answer(const struct load *ld, const qn_question *q, const cJSON *v,
			       answer *ans)
{
	char path[ASSESS_ERROR_PATH_MAX];
	path_join(path, sizeof path, "$.answers.", q->id);
	if (q->kind == QN_SINGLE) {
		if (cJSON_IsArray(v))
			return fail_at(ld, path, 1, "%s takes one option: expected a string, got an "
				       "array", q->id);
		if (code_index(ld, q, v, path, &ans->choice))
			return ASSESS_ERR_DATA;
	} else if (q->kind == QN_MULTI) {
		if (load_multi(ld, q, v, path, ans))
			return ASSESS_ERR_DATA;
	} else {
		double d = cJSON_IsNumber(v) ? v->valuedouble : -1;
		if (!cJSON_IsNumber(v))
			return fail_at(ld, path, 1, "scenario %s takes a level: an integer 0 to 4, got %s",
				       q->id, type_name(v));
		if (d != floor(d) || d < 0 || d > QN_MAX_LEVEL)
			return fail_at(ld, path, 1, "scenario %s takes a level: an integer 0 to 4, got %g",
				       q->id, d);
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
		guess && strcmp(guess->id, id) == 0 ? guess : questionnaire_find(q, id);
	if (found)
		*next = found->index + 1;
	return found;
}

static assess_code load_answers(answers *a, const struct load *ld, const cJSON *obj)
{
	char path[ASSESS_ERROR_PATH_MAX];
	size_t next = 0;
	if (!obj)
		return fail_at(ld, "$", 1, "no \"answers\" object");
	if (expect_object(ld, obj, "$.answers"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = find_question(a->q, c->string, &next);
		if (!q) {
			path_join(path, sizeof path, "$.answers.", c->string);
			return fail_at(ld, path, 1, "questionnaire %s has no question \"%s\"",
				       questionnaire_id(a->q), c->string);
		}
		if (load_answer(ld, q, c, &a->items[q->index]))
			return ASSESS_ERR_DATA;
	}
	return ASSESS_OK;
}

static assess_code load_notes(answers *a, const struct load *ld, const cJSON *obj)
{
	char path[ASSESS_ERROR_PATH_MAX];
	if (!obj)
		return ASSESS_OK;
	if (expect_object(ld, obj, "$.notes"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = questionnaire_find(a->q, c->string);
		path_join(path, sizeof path, "$.notes.", c->string);
		if (!q)
			return fail_at(ld, path, 1, "a note for \"%s\", which is not a question",
				       c->string);
		if (!cJSON_IsString(c))
			return fail_at(ld, path, 1, "expected a string, got %s", type_name(c));
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

static const char *const top_keys[] = {"questionnaire", "enterprise", "assessment", "answers",
				       "notes", "finance", "status", "awards", NULL};

static assess_code check_top_keys(const struct load *ld, const cJSON *root)
{
	char path[ASSESS_ERROR_PATH_MAX];
	for (const cJSON *c = root->child; c; c = c->next) {
		int k = 0;
		while (top_keys[k] && strcmp(top_keys[k], c->string) != 0)
			k++;
		path_join(path, sizeof path, "$.", c->string);
		if (!top_keys[k])
			return fail_at(ld, path, 1, "unknown key \"%s\" (expected questionnaire, "
				       "enterprise, assessment, answers, notes, finance, status, awards)",
				       c->string);
	}
	return ASSESS_OK;
}

static answers *bind(cJSON *root, const struct load *ld, answers_resolver resolve, void *ctx,
		     unsigned flags)
{
	const cJSON *qid = cJSON_GetObjectItemCaseSensitive(root, "questionnaire");
	if (!cJSON_IsString(qid)) {
		fail_at(ld, qid ? "$.questionnaire" : "$", 1,
			"expected \"questionnaire\": the id of the questionnaire answered");
		return NULL;
	}
	const questionnaire *q = resolve(qid->valuestring, ctx, ld->err);
	if (!q) {
		/* A missing questionnaire is reported against the answer file that names it. */
		if (ld->err && !ld->err->file[0]) {
			assess_error inner = *ld->err;
			fail_at(ld, "$.questionnaire", 1, "%s", inner.msg);
			ld->err->code = inner.code;
		}
		return NULL;
	}
	answers *a = answers_new(q);
	if (!a) {
		assess_fail(ld->err, ASSESS_ERR_NOMEM, ld->name, 0, 0, "out of memory");
		return NULL;
	}
	if (load_fields(a, ld, cJSON_GetObjectItemCaseSensitive(root, "enterprise"), "enterprise",
			ANSWERS_NAME, ANSWERS_REGION) ||
	    load_fields(a, ld, cJSON_GetObjectItemCaseSensitive(root, "assessment"), "assessment",
			ANSWERS_DATE, ANSWERS_ASSESSOR) ||
	    load_answers(a, ld, cJSON_GetObjectItemCaseSensitive(root, "answers")) ||
	    load_notes(a, ld, cJSON_GetObjectItemCaseSensitive(root, "notes")) ||
	    check_complete(a, ld, flags)) {
		answers_free(a);
		return NULL;
	}
	for (int b = 0; b < 3; b++)
		a->blocks[b] = cJSON_DetachItemFromObjectCaseSensitive(root, block_names[b]);
	return a;
}

answers *answers_parse(const char *json, size_t len, const char *name, answers_resolver resolve,
		       void *ctx, unsigned flags, assess_error *err)
{
	struct load ld = {json, len, name, err};
	cJSON *root = NULL;
	answers *a = NULL;
	if (parse_json(&ld, &root) == ASSESS_OK && check_top_keys(&ld, root) == ASSESS_OK)
		a = bind(root, &ld, resolve, ctx, flags);
	cJSON_Delete(root);
	if (a && (flags & ANSWERS_DIGEST))
		sha256_hex(json, len, a->sha);
	if (a && name && !(a->source = strdup(name))) {
		answers_free(a);
		assess_fail(err, ASSESS_ERR_NOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
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
	if (set_string(&a->fields[f], value && *value ? value : NULL))
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
	struct load ld = {NULL, 0, NULL, err};
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
