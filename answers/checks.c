/*
 * checks.c - how a check fails (at a JSON path, with line and column), and the checks the
 * loader and the interview's setters share, so a value typed in is held to the file's rules.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "common/creditcode.h"
#include "common/date.h"
#include "common/gbcode.h"
#include "common/jsoncheck.h"
#include "common/jsonpos.h"
#include "common/text.h"

/* ---- failing at a JSON path ---- */

static assess_code vfail_path(const struct answers_load *ld, const char *path, int occurrence,
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

assess_code answers_fail_path(const struct answers_load *ld, const char *path, int occurrence,
			      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_code rc = vfail_path(ld, path, occurrence, fmt, ap);
	va_end(ap);
	return rc;
}

/*
 * Paths are spelled out here, on failure only: building one for every value read, ready for an
 * error that rarely comes, was a third of a stream's time.
 */
assess_code answers_fail_at(const struct answers_load *ld, const char *base, const char *key,
			    int index, const char *fmt, ...)
{
	char path[ASSESS_ERROR_PATH_MAX];
	size_t used = 0;
	path[0] = '\0';
	text_appendf(path, sizeof path, &used, "%s%s%s", base, key ? "." : "", key ? key : "");
	if (index >= 0)
		text_appendf(path, sizeof path, &used, "[%d]", index);
	va_list ap;
	va_start(ap, fmt);
	assess_code rc = vfail_path(ld, path, 1, fmt, ap);
	va_end(ap);
	return rc;
}

assess_code answers_fail_model(const answers *a, assess_error *err, const char *path,
			       const char *fmt, ...)
{
	int line = 0, col = 0;
	answers_locate(a, path, &line, &col);
	va_list ap;
	va_start(ap, fmt);
	assess_vfail(err, ASSESS_ERR_DATA, answers_source(a) ? answers_source(a) : "", line, col,
		     fmt, ap);
	va_end(ap);
	if (err)
		snprintf(err->path, sizeof err->path, "%s", path);
	return ASSESS_ERR_DATA;
}

assess_code answers_fail_nomem(const struct answers_load *ld)
{
	return assess_nomem(ld->err, ld->name);
}

const char *answers_type_name(const cJSON *v)
{
	if (answers_is_type(v, cJSON_String))
		return "a string";
	if (answers_is_type(v, cJSON_Number))
		return "a number";
	if (cJSON_IsBool(v))
		return "true/false";
	if (answers_is_type(v, cJSON_Array))
		return "an array";
	if (answers_is_type(v, cJSON_Object))
		return "an object";
	return "null";
}

assess_code answers_expect_object(const struct answers_load *ld, const cJSON *v, const char *path)
{
	if (answers_is_type(v, cJSON_Object))
		return ASSESS_OK;
	return answers_fail_at(ld, path, NULL, -1, "expected an object, got %s",
			       answers_type_name(v));
}

/* ---- what cJSON takes and an answer file may not hold ---- */

/*
 * NULs and control characters in strings (common/jsoncheck.h says which), then an object
 * that repeats a key. Both linear in the text: an object of 600,000 keys took 20 minutes when
 * each key was compared with all before it.
 */
assess_code answers_check_tree(const struct answers_load *ld, const cJSON *root)
{
	char path[ASSESS_ERROR_PATH_MAX] = "$", why[160];
	size_t at;
	int line, col;
	jsoncheck_char c = jsoncheck_strings(ld->text, ld->len, path, sizeof path, &at);
	if (c.kind) {
		text_position(ld->text, at, &line, &col);
		assess_fail(ld->err, ASSESS_ERR_DATA, ld->name, line, col, "%s",
			    jsoncheck_message(c, why, sizeof why));
		if (ld->err)
			snprintf(ld->err->path, sizeof ld->err->path, "%s", path);
		return ASSESS_ERR_DATA;
	}
	snprintf(path, sizeof path, "$");
	const char *key = NULL;
	int dup = jsoncheck_duplicate(root, path, sizeof path, &key);
	if (dup < 0)
		return answers_fail_nomem(ld);
	if (dup == 0)
		return ASSESS_OK;
	return answers_fail_path(ld, path, 2, "key \"%s\" appears more than once", key);
}

/* ---- fields ---- */

const char *answers_field_problem(answers_field f, const char *value, char *why, size_t size)
{
	if (f == ANSWERS_CREDIT_CODE && !creditcode_valid(value, why, size))
		return why;
	if (f == ANSWERS_DATE && !date_parse(value, &(int){0}))
		return "expected a date as YYYY-MM-DD";
	if (f == ANSWERS_NAME && !*value)
		return "the enterprise name is empty";
	if (f == ANSWERS_REGION_CODE && !gbcode_division_valid(value, why, size))
		return why;
	if (f == ANSWERS_INDUSTRY_CODE && !gbcode_industry_valid(value, why, size))
		return why;
	if (f == ANSWERS_LANG && strcmp(value, "zh") != 0 && strcmp(value, "en") != 0)
		return "expected \"zh\" or \"en\"";
	return NULL;
}

/* ---- one answer's value ---- */

/* The option v names; k is its place in a list, or -1 for a single choice. */
/* Where a value's error points: "$.answers" and the question's id, or where alone. */
#define BASE(where) ((where) ? (where) : "$.answers")
#define KEY(where, q) ((where) ? NULL : (q)->id)

static assess_code code_index(const struct answers_load *ld, const qn_question *q, const cJSON *v,
			      int k, int *index, const char *where)
{
	if (!answers_is_type(v, cJSON_String))
		return answers_fail_at(ld, BASE(where), KEY(where, q), k,
				       "expected an option code as a string, got %s",
				       answers_type_name(v));
	*index = qn_option_index(q, v->valuestring);
	if (*index < 0)
		return answers_fail_at(ld, BASE(where), KEY(where, q), k,
				       "question %s has no option \"%s\" (options %s..%s)", q->id,
				       v->valuestring, q->options[0].code,
				       q->options[q->n_options - 1].code);
	return ASSESS_OK;
}

static assess_code exclusive_conflict(const struct answers_load *ld, const qn_question *q,
				      uint64_t mask, const char *where)
{
	for (size_t i = 0; i < q->n_options; i++)
		if (q->options[i].exclusive && (mask & (1ULL << i)) && (mask & ~(1ULL << i)))
			return answers_fail_at(ld, BASE(where), KEY(where, q), -1,
					       "option %s (%s) of %s cannot be combined with other "
					       "options",
					       q->options[i].code,
					       qn_text_get(&q->options[i].label, QN_LANG_EN),
					       q->id);
	return ASSESS_OK;
}

static assess_code check_multi(const struct answers_load *ld, const qn_question *q, const cJSON *v,
			       answer *ans, const char *where)
{
	if (!answers_is_type(v, cJSON_Array))
		return answers_fail_at(ld, BASE(where), KEY(where, q), -1,
				       "%s takes several options: "
				       "expected an array of codes, got %s",
				       q->id, answers_type_name(v));
	if (!v->child)
		return answers_fail_at(ld, BASE(where), KEY(where, q), -1,
				       "empty list: choose at least one option of %s", q->id);
	int k = 0;
	for (const cJSON *c = v->child; c; c = c->next, k++) {
		int index;
		if (code_index(ld, q, c, k, &index, where))
			return ASSESS_ERR_DATA;
		if (ans->mask & (1ULL << index))
			return answers_fail_at(ld, BASE(where), KEY(where, q), k,
					       "option %s is listed twice", c->valuestring);
		ans->mask |= 1ULL << index;
	}
	return exclusive_conflict(ld, q, ans->mask, where);
}

assess_code answers_check_value(const struct answers_load *ld, const qn_question *q, const cJSON *v,
				answer *ans, const char *where)
{
	if (q->kind == QN_SINGLE) {
		if (answers_is_type(v, cJSON_Array))
			return answers_fail_at(ld, BASE(where), KEY(where, q), -1,
					       "%s takes one option: "
					       "expected a string, got an array",
					       q->id);
		if (code_index(ld, q, v, -1, &ans->choice, where))
			return ASSESS_ERR_DATA;
	} else if (q->kind == QN_MULTI) {
		if (check_multi(ld, q, v, ans, where))
			return ASSESS_ERR_DATA;
	} else {
		double d = answers_is_type(v, cJSON_Number) ? v->valuedouble : -1;
		if (!answers_is_type(v, cJSON_Number))
			return answers_fail_at(ld, BASE(where), KEY(where, q), -1,
					       "scenario %s takes a "
					       "level: an integer 0 to 4, got %s",
					       q->id, answers_type_name(v));
		if (!(d >= 0 && d <= QN_MAX_LEVEL) || d != (double)(int)d)
			return answers_fail_at(ld, BASE(where), KEY(where, q), -1,
					       "scenario %s takes a "
					       "level: an integer 0 to 4, got %g",
					       q->id, d);
		ans->level = (int)d;
	}
	ans->given = true;
	return ASSESS_OK;
}

/* ---- members of the record ---- */

assess_code answers_expect_string(const struct answers_load *ld, const cJSON *v, const char *base,
				  const char *key, int index)
{
	if (!answers_is_type(v, cJSON_String))
		return answers_fail_at(ld, base, key, index, "expected a string, got %s",
				       answers_type_name(v));
	if (!v->valuestring[0])
		return answers_fail_at(ld, base, key, index, "expected a non-empty string");
	return ASSESS_OK;
}

const qn_question *answers_expect_question(const struct answers_load *ld, const answers *a,
					   const char *base, const char *id)
{
	const qn_question *q = questionnaire_find(a->q, id);
	if (!q)
		answers_fail_at(ld, base, id, -1, "questionnaire %s has no question \"%s\"",
				questionnaire_id(a->q), id);
	return q;
}

bool answers_is_sha256(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++)
		if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
			return false;
	return n == 64;
}

/* ---- completeness ---- */

assess_code answers_check_complete(answers *a, const struct answers_load *ld, unsigned flags)
{
	size_t n = questionnaire_n_questions(a->q);
	a->n_missing = 0;
	for (size_t i = 0; i < n; i++)
		a->n_missing += !a->items[i].given;
	if (a->n_missing == 0 || (flags & ANSWERS_ALLOW_INCOMPLETE))
		return ASSESS_OK;
	assess_fail(ld->err, ASSESS_ERR_INCOMPLETE, ld->name, 0, 0,
		    "%zu unanswered question%s:", a->n_missing, a->n_missing == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++)
		if (!a->items[i].given)
			assess_error_append(ld->err, " %s", questionnaire_question(a->q, i)->id);
	assess_error_append(ld->err, " (--allow-incomplete scores them as 0)");
	return ASSESS_ERR_INCOMPLETE;
}
