/*
 * history.c - the history of an answer set: one entry per change of an answer, append-only,
 * {"at", "question", "from", "to", "by", "reason"}, with from and to as answer-file values
 * (from null for the first answer, to null for an answer withdrawn).
 *
 * Loading checks each entry's form; whether the entries agree with one another and with the
 * answers is answers_history_check's question, which validate asks: a hand-corrected answer
 * file still loads and scores, and validate says where its record disagrees.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "common/grow.h"

size_t answers_history_count(const answers *a) { return a->rec ? a->rec->n_history : 0; }

const answers_change *answers_history_get(const answers *a, size_t i)
{
	return i < answers_history_count(a) ? &a->rec->history[i] : NULL;
}

assess_code answers_stamp(const char *at, char buf[DATE_STAMP_MAX], assess_error *err)
{
	time_t t;
	if (!at) {
		if (!*date_format_stamp(time(NULL), buf, DATE_STAMP_MAX))
			return assess_fail(err, ASSESS_ERR_INTERNAL, NULL, 0, 0,
					   "the local time cannot be written");
		return ASSESS_OK;
	}
	if (!date_parse_stamp(at, &t, NULL))
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
				   "\"%s\" is not a time as "
				   "2026-11-20T10:31:02+08:00",
				   at);
	snprintf(buf, DATE_STAMP_MAX, "%s", at);
	return ASSESS_OK;
}

/* The last value recorded for question qi before entry `before`; not given when none. */
static answer last_recorded(const struct answers_record *r, size_t qi, size_t before)
{
	answer none = {0};
	for (size_t i = before; r && i-- > 0;)
		if (r->history[i].question == qi)
			return r->history[i].to;
	return none;
}

static bool has_entry(const struct answers_record *r, size_t qi)
{
	for (size_t i = 0; i < r->n_history; i++)
		if (r->history[i].question == qi)
			return true;
	return false;
}

/* The strings an entry owns (its answers' notes are never kept: see push). */
static void change_clear(answers_change *c)
{
	free(c->at);
	free(c->by);
	free(c->reason);
}

void answers_history_clear(struct answers_record *r)
{
	for (size_t i = 0; i < r->n_history; i++)
		change_clear(&r->history[i]);
	free(r->history);
	r->history = NULL;
	r->n_history = r->cap_history = 0;
}

static int push(answers *a, const answers_change *c)
{
	struct answers_record *r = answers_record_get(a);
	answers_change *bigger =
		r ? grow_array(r->history, &r->cap_history, r->n_history + 1, sizeof *bigger, 16)
		  : NULL;
	if (!bigger)
		return -1;
	r->history = bigger;
	answers_change copy = {.question = c->question, .from = c->from, .to = c->to};
	copy.from.note = copy.to.note = NULL;
	if (answers_set_string(&copy.at, c->at) || answers_set_string(&copy.by, c->by) ||
	    answers_set_string(&copy.reason, c->reason)) {
		change_clear(&copy);
		return -1;
	}
	r->history[r->n_history++] = copy;
	r->has_history = true;
	return 0;
}

assess_code answers_history_append(answers *a, size_t question_index, const char *at,
				   const char *by, const char *reason, assess_error *err)
{
	const qn_question *q = questionnaire_question(a->q, question_index);
	if (!q)
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0, "no such question");
	assess_code rc = answers_check_open(a, err);
	char stamp[DATE_STAMP_MAX];
	if (rc || (rc = answers_stamp(at, stamp, err)))
		return rc;
	answers_change c = {.at = stamp,
			    .question = question_index,
			    .from = last_recorded(a->rec, question_index, answers_history_count(a)),
			    .to = a->items[question_index]};
	if (answers_equal(q, &c.from, &c.to))
		return ASSESS_OK;
	c.by = (char *)(by && *by ? by : NULL);
	c.reason = (char *)(reason && *reason ? reason : a->rec ? a->rec->reopen_reason : NULL);
	if (push(a, &c))
		return assess_nomem(err, NULL);
	return ASSESS_OK;
}

static assess_code disagree(const answers *a, const char *path, assess_error *err, const char *id,
			    const char *what, const char *got, const char *want)
{
	return answers_fail_model(a, err, path, "the history of %s disagrees: %s %s, but %s", id,
				  what, *got ? got : "null", want);
}

assess_code answers_history_check(const answers *a, assess_error *err)
{
	const struct answers_record *r = a->rec;
	char path[ASSESS_ERROR_PATH_MAX], got[128], want[160], was[128];
	for (size_t i = 0; r && i < r->n_history; i++) {
		const answers_change *c = &r->history[i];
		const qn_question *q = questionnaire_question(a->q, c->question);
		answer before = last_recorded(r, c->question, i);
		if (answers_equal(q, &before, &c->from))
			continue;
		snprintf(path, sizeof path, "$.history[%zu].from", i);
		answers_format_value(q, &before, was, sizeof was);
		snprintf(want, sizeof want, "the entry before it left %s", *was ? was : "null");
		return disagree(a, path, err, q->id, "this change is from",
				answers_format_value(q, &c->from, got, sizeof got), want);
	}
	/* A question with no entry was answered before the history began (format 1 continued). */
	for (size_t qi = 0; r && qi < questionnaire_n_questions(a->q); qi++) {
		const qn_question *q = questionnaire_question(a->q, qi);
		answer last = last_recorded(r, qi, r->n_history);
		if (!has_entry(r, qi) || answers_equal(q, &last, &a->items[qi]))
			continue;
		snprintf(path, sizeof path, "$.answers.%s", q->id);
		answers_format_value(q, &a->items[qi], was, sizeof was);
		snprintf(want, sizeof want, "the answer is %s", *was ? was : "not given");
		return disagree(a, path, err, q->id, "its last entry leaves",
				answers_format_value(q, &last, got, sizeof got), want);
	}
	return ASSESS_OK;
}

/* ---- time spent ---- */

long answers_seconds_spent(const answers *a, size_t question_index)
{
	long total = -1;
	time_t before = 0;
	bool have_before = false;
	for (size_t k = 0; k < answers_history_count(a); k++) {
		const answers_change *c = answers_history_get(a, k);
		time_t t;
		if (!date_parse_stamp(c->at, &t, NULL))
			continue;
		/* The time since the entry before is taken as spent on this entry's question. */
		if (c->question == question_index && have_before && t >= before)
			total = (total < 0 ? 0 : total) + (long)(t - before);
		before = t;
		have_before = true;
	}
	return total;
}

static int by_value(const void *x, const void *y)
{
	long a = *(const long *)x, b = *(const long *)y;
	return (a > b) - (a < b);
}

assess_code answers_time_spent(const answers *a, answers_time *out)
{
	size_t n = questionnaire_n_questions(a->q);
	long *spent = malloc((n ? n : 1) * sizeof *spent);
	if (!spent)
		return ASSESS_ERR_NOMEM;
	*out = (answers_time){0};
	for (size_t i = 0; i < n; i++) {
		long s = answers_seconds_spent(a, i);
		if (s < 0)
			continue;
		spent[out->n_timed++] = s;
		out->total += s;
		out->n_rushed += s < ANSWERS_RUSHED_SECONDS;
	}
	if (out->n_timed) {
		qsort(spent, out->n_timed, sizeof *spent, by_value);
		size_t m = out->n_timed / 2;
		out->median = out->n_timed % 2 ? spent[m] : (spent[m - 1] + spent[m]) / 2;
	}
	free(spent);
	return ASSESS_OK;
}

/* ---- loading and writing ---- */

/* from or to: null, or a value the question takes. */
static assess_code load_value(const struct answers_load *ld, const qn_question *q, const cJSON *v,
			      const char *path, answer *out)
{
	memset(out, 0, sizeof *out);
	if (cJSON_IsNull(v))
		return ASSESS_OK;
	return answers_check_value(ld, q, v, out, path);
}

static assess_code load_entry(const struct answers_load *ld, const answers *a, const cJSON *obj,
			      int i, answers_change *c)
{
	char path[64], vpath[ASSESS_ERROR_PATH_MAX];
	snprintf(path, sizeof path, "$.history[%d]", i);
	if (answers_expect_object(ld, obj, path))
		return ASSESS_ERR_DATA;
	const cJSON *k[6] = {0};
	static const char *const keys[6] = {"at", "question", "from", "to", "by", "reason"};
	for (const cJSON *m = obj->child; m; m = m->next) {
		int j = 0;
		while (j < 6 && strcmp(keys[j], m->string) != 0)
			j++;
		if (j == 6)
			return answers_fail_at(ld, path, m->string, -1,
					       "unknown key \"%s\" (expected "
					       "at, question, from, to, by, reason)",
					       m->string);
		k[j] = m;
	}
	for (int j = 0; j < 4; j++)
		if (!k[j])
			return answers_fail_at(ld, path, NULL, -1, "no \"%s\"", keys[j]);
	time_t t;
	if (answers_expect_string(ld, k[0], path, "at", -1))
		return ASSESS_ERR_DATA;
	if (!date_parse_stamp(k[0]->valuestring, &t, NULL))
		return answers_fail_at(ld, path, "at", -1,
				       "expected a time as "
				       "2026-11-20T10:31:02+08:00");
	if (answers_expect_string(ld, k[1], path, "question", -1))
		return ASSESS_ERR_DATA;
	const qn_question *q = questionnaire_find(a->q, k[1]->valuestring);
	if (!q)
		return answers_fail_at(ld, path, "question", -1,
				       "questionnaire %s has no question "
				       "\"%s\"",
				       questionnaire_id(a->q), k[1]->valuestring);
	for (int j = 4; j < 6; j++)
		if (k[j] && answers_expect_string(ld, k[j], path, keys[j], -1))
			return ASSESS_ERR_DATA;
	*c = (answers_change){.at = k[0]->valuestring,
			      .question = q->index,
			      .by = k[4] ? k[4]->valuestring : NULL,
			      .reason = k[5] ? k[5]->valuestring : NULL};
	snprintf(vpath, sizeof vpath, "%s.from", path);
	if (load_value(ld, q, k[2], vpath, &c->from))
		return ASSESS_ERR_DATA;
	snprintf(vpath, sizeof vpath, "%s.to", path);
	return load_value(ld, q, k[3], vpath, &c->to);
}

assess_code answers_history_load(answers *a, const struct answers_load *ld, const cJSON *arr)
{
	if (!answers_is_type(arr, cJSON_Array))
		return answers_fail_at(ld, "$.history", NULL, -1,
				       "expected an array of changes, "
				       "got %s",
				       answers_type_name(arr));
	struct answers_record *r = answers_record_get(a);
	if (!r)
		return answers_fail_nomem(ld);
	r->has_history = true;
	int i = 0;
	for (const cJSON *c = arr->child; c; c = c->next, i++) {
		answers_change ch;
		if (load_entry(ld, a, c, i, &ch))
			return ASSESS_ERR_DATA;
		if (push(a, &ch))
			return answers_fail_nomem(ld);
	}
	return ASSESS_OK;
}

cJSON *answers_history_json(const answers *a, bool *ok)
{
	if (!a->rec || !a->rec->has_history)
		return NULL;
	cJSON *arr = cJSON_CreateArray();
	*ok = arr != NULL;
	for (size_t i = 0; *ok && i < a->rec->n_history; i++) {
		const answers_change *c = &a->rec->history[i];
		const qn_question *q = questionnaire_question(a->q, c->question);
		cJSON *o = cJSON_CreateObject();
		*ok = answers_json_add(arr, NULL, o) && answers_json_add_string(o, "at", c->at) &&
		      answers_json_add_string(o, "question", q->id) &&
		      answers_json_add(o, "from", answers_value_json(q, &c->from)) &&
		      answers_json_add(o, "to", answers_value_json(q, &c->to)) &&
		      answers_json_add_string(o, "by", c->by) &&
		      answers_json_add_string(o, "reason", c->reason);
	}
	if (*ok)
		return arr;
	cJSON_Delete(arr);
	return NULL;
}
