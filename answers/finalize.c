/*
 * finalize.c - the finalized mark ({"at", "by"}): after it the answers are the record's and a
 * change needs answers_reopen(), whose reason goes into the history of the changes it allows.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdlib.h>
#include <string.h>

bool answers_finalized(const answers *a) { return a->rec && a->rec->fin_at; }
const char *answers_finalized_at(const answers *a) { return a->rec ? a->rec->fin_at : NULL; }
const char *answers_finalized_by(const answers *a) { return a->rec ? a->rec->fin_by : NULL; }

assess_code answers_check_open(const answers *a, assess_error *err)
{
	if (!answers_finalized(a))
		return ASSESS_OK;
	return assess_fail(err, ASSESS_ERR_DATA, answers_source(a), 0, 0,
			   "the record was finalized at %s: reopen it, with a reason, to change "
			   "an answer",
			   a->rec->fin_at);
}

static assess_code set_final(answers *a, const char *at, const char *by)
{
	struct answers_record *r = answers_record_get(a);
	char *at_copy = NULL, *by_copy = NULL;
	if (!r || answers_set_string(&at_copy, at) || answers_set_string(&by_copy, by)) {
		free(at_copy);
		return ASSESS_ERR_NOMEM;
	}
	free(r->fin_at);
	free(r->fin_by);
	r->fin_at = at_copy;
	r->fin_by = by_copy;
	return ASSESS_OK;
}

assess_code answers_finalize(answers *a, const char *at, const char *by, assess_error *err)
{
	char stamp[DATE_STAMP_MAX];
	assess_code rc = answers_check_open(a, err);
	if (rc || (rc = answers_stamp(at, stamp, err)))
		return rc;
	if (a->n_missing)
		return assess_fail(err, ASSESS_ERR_INCOMPLETE, answers_source(a), 0, 0,
				   "%zu question%s unanswered: a record is finalized complete",
				   a->n_missing, a->n_missing == 1 ? "" : "s");
	if (set_final(a, stamp, by && *by ? by : NULL))
		return assess_nomem(err, NULL);
	free(a->rec->reopen_reason);
	a->rec->reopen_reason = NULL;
	return ASSESS_OK;
}

assess_code answers_reopen(answers *a, const char *reason, assess_error *err)
{
	if (!answers_finalized(a))
		return assess_fail(err, ASSESS_ERR_DATA, answers_source(a), 0, 0,
				   "the record is not finalized: there is nothing to reopen");
	if (!reason || !*reason)
		return assess_fail(err, ASSESS_ERR_DATA, answers_source(a), 0, 0,
				   "reopening a finalized record needs a reason");
	if (answers_set_string(&a->rec->reopen_reason, reason))
		return assess_nomem(err, NULL);
	free(a->rec->fin_at);
	free(a->rec->fin_by);
	a->rec->fin_at = a->rec->fin_by = NULL;
	return ASSESS_OK;
}

assess_code answers_finalized_load(answers *a, const struct answers_load *ld, const cJSON *obj)
{
	if (answers_expect_object(ld, obj, "$.finalized"))
		return ASSESS_ERR_DATA;
	const cJSON *at = NULL, *by = NULL;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const cJSON **slot = strcmp(c->string, "at") == 0   ? &at
				     : strcmp(c->string, "by") == 0 ? &by
								    : NULL;
		if (!slot)
			return answers_fail_at(ld, "$.finalized", c->string, -1,
					       "unknown key \"%s\" (expected at, by)", c->string);
		if (answers_expect_string(ld, c, "$.finalized", c->string, -1))
			return ASSESS_ERR_DATA;
		*slot = c;
	}
	time_t t;
	if (!at)
		return answers_fail_at(ld, "$.finalized", NULL, -1,
				       "no \"at\": when it was "
				       "finalized");
	if (!date_parse_stamp(at->valuestring, &t, NULL))
		return answers_fail_at(ld, "$.finalized", "at", -1,
				       "expected a time as 2026-11-20T10:31:02+08:00");
	if (set_final(a, at->valuestring, by ? by->valuestring : NULL))
		return answers_fail_nomem(ld);
	return ASSESS_OK;
}

cJSON *answers_finalized_json(const answers *a, bool *ok)
{
	if (!answers_finalized(a))
		return NULL;
	cJSON *o = cJSON_CreateObject();
	*ok = o && answers_json_add_string(o, "at", a->rec->fin_at) &&
	      answers_json_add_string(o, "by", a->rec->fin_by);
	if (*ok)
		return o;
	cJSON_Delete(o);
	return NULL;
}
