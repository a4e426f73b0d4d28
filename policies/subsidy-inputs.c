#include "config.h"
#include "policies/subsidy-inputs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole number in [min, max]; cJSON holds numbers as doubles, exact up to 2^53. */
static assess_code whole(const answers *a, const cJSON *v, const char *path, int64_t min,
			 int64_t max, const char *what, int64_t *out, assess_error *err)
{
	double d = cJSON_IsNumber(v) ? v->valuedouble : 0;
	if (!cJSON_IsNumber(v))
		return answers_fail_model(a, err, path, "expected %s, got %s", what,
					  answers_type_name(v));
	if (d != floor(d) || d < (double)min || d > (double)max)
		return answers_fail_model(a, err, path,
					  "expected %s (a whole number from %lld to %lld), got %s",
					  what, (long long)min, (long long)max,
					  d != floor(d) ? "a fraction" : "a number out of range");
	*out = (int64_t)d;
	return ASSESS_OK;
}

/*
 * An id of letters, digits, - _ . (at most 48): an award id starts with a letter, a project id
 * may start with a digit ("2024-erp").
 */
static bool valid_id(const char *s, bool letter_first)
{
	bool letter = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
	if (!*s || strlen(s) > 48 || (letter_first && !letter))
		return false;
	for (; *s; s++)
		if (!(*s == '-' || *s == '_' || *s == '.' || (*s >= '0' && *s <= '9') ||
		      (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return false;
	return true;
}

static assess_code read_project(const answers *a, const cJSON *v, const char *path,
				const char **out, assess_error *err)
{
	if (!cJSON_IsString(v))
		return answers_fail_model(a, err, path, "expected a project id as a string, got %s",
					  answers_type_name(v));
	if (!valid_id(v->valuestring, false))
		return answers_fail_model(
			a, err, path,
			"\"%s\" is not a project id (letters, digits, - _ ., at most 48)",
			v->valuestring);
	*out = v->valuestring;
	return ASSESS_OK;
}

/* {"amount": N, "project": "ID"}: a money figure that names its project. */
static assess_code read_tagged(const answers *a, const cJSON *v, const char *path, int f,
			       subsidy_inputs *in, assess_error *err)
{
	char kp[ASSESS_ERROR_PATH_MAX + 16];
	const cJSON *amount = NULL;
	for (const cJSON *c = v->child; c; c = c->next) {
		snprintf(kp, sizeof kp, "%s.%s", path, c->string);
		if (strcmp(c->string, "amount") == 0)
			amount = c;
		else if (strcmp(c->string, "project") == 0) {
			if (read_project(a, c, kp, &in->project[f], err))
				return ASSESS_ERR_DATA;
		} else
			return answers_fail_model(
				a, err, kp,
				"unknown key \"%s\" in a figure (expected amount, project)",
				c->string);
	}
	if (!amount)
		return answers_fail_model(a, err, path,
					  "a figure given as an object needs \"amount\"");
	snprintf(kp, sizeof kp, "%s.amount", path);
	return whole(a, amount, kp, 0, INPUTS_MAX_YUAN, "an amount in whole yuan", &in->value[f],
		     err);
}

static assess_code read_field(const answers *a, const cJSON *v, const char *path, int f,
			      subsidy_inputs *in, assess_error *err)
{
	bool batch = f == POLICY_F_BATCH;
	in->has[f] = true;
	if (!batch && cJSON_IsObject(v))
		return read_tagged(a, v, path, f, in, err);
	return whole(a, v, path, batch ? 1 : 0, batch ? 99 : INPUTS_MAX_YUAN,
		     batch ? "a batch number" : "an amount in whole yuan", &in->value[f], err);
}

static assess_code read_spend(const answers *a, const cJSON *obj, subsidy_inputs *in,
			      assess_error *err)
{
	char path[ASSESS_ERROR_PATH_MAX], name[64];
	const char *project = NULL;
	if (!cJSON_IsObject(obj))
		return answers_fail_model(
			a, err, "$.finance.project_spend",
			"expected an object "
			"{\"software\", \"cloud\", \"hardware\", \"services\"}, got %s",
			answers_type_name(obj));
	for (const cJSON *c = obj->child; c; c = c->next) {
		snprintf(path, sizeof path, "$.finance.project_spend.%s", c->string);
		snprintf(name, sizeof name, "project_spend.%s", c->string);
		if (strcmp(c->string, "project") == 0) {
			if (read_project(a, c, path, &project, err))
				return ASSESS_ERR_DATA;
			continue;
		}
		int f = policy_field_find(name);
		if (f < 0)
			return answers_fail_model(
				a, err, path,
				"unknown key \"%s\" in project_spend (expected "
				"software, cloud, hardware, other_hardware, services, project)",
				c->string);
		if (cJSON_IsObject(c))
			return answers_fail_model(
				a, err, path,
				"the parts of project_spend are amounts: name the project "
				"once, as project_spend.project");
		if (read_field(a, c, path, f, in, err))
			return ASSESS_ERR_DATA;
	}
	/* The parts are one project: the tag is theirs, given or not. */
	for (int f = POLICY_F_SOFTWARE; f <= POLICY_F_OTHER_HARDWARE; f++)
		in->project[f] = project;
	return ASSESS_OK;
}

static assess_code read_finance(const answers *a, subsidy_inputs *in, assess_error *err)
{
	const cJSON *fin = answers_block(a, "finance");
	char path[ASSESS_ERROR_PATH_MAX];
	if (!fin)
		return ASSESS_OK;
	if (!cJSON_IsObject(fin))
		return answers_fail_model(a, err, "$.finance", "expected an object, got %s",
					  answers_type_name(fin));
	for (const cJSON *c = fin->child; c; c = c->next) {
		snprintf(path, sizeof path, "$.finance.%s", c->string);
		int f = strchr(c->string, '.') ? -1 : policy_field_find(c->string);
		if (strcmp(c->string, "project_spend") == 0) {
			if (read_spend(a, c, in, err))
				return ASSESS_ERR_DATA;
			continue;
		}
		if (f < 0)
			return answers_fail_model(
				a, err, path,
				"unknown key \"%s\" in finance (see "
				"docs/answer-format.md, \"finance, status, awards\")",
				c->string);
		if (read_field(a, c, path, f, in, err))
			return ASSESS_ERR_DATA;
	}
	return ASSESS_OK;
}

static assess_code read_status(const answers *a, subsidy_inputs *in, assess_error *err)
{
	const cJSON *st = answers_block(a, "status");
	char path[ASSESS_ERROR_PATH_MAX];
	for (int s = 0; s < POLICY_STATUS_MAX; s++)
		in->status[s] = -1;
	if (st && !cJSON_IsObject(st))
		return answers_fail_model(a, err, "$.status", "expected an object, got %s",
					  answers_type_name(st));
	for (const cJSON *c = st ? st->child : NULL; c; c = c->next) {
		int s = policy_status_find(c->string);
		snprintf(path, sizeof path, "$.status.%s", c->string);
		if (s < 0)
			return answers_fail_model(
				a, err, path,
				"unknown key \"%s\" in status (expected above_scale, "
				"in_standard_park, city_leader, pilot_enterprise)",
				c->string);
		if (!cJSON_IsBool(c))
			return answers_fail_model(a, err, path, "expected true or false, got %s",
						  answers_type_name(c));
		in->status[s] = cJSON_IsTrue(c);
	}
	int ent = answers_above_scale(a);
	int *mine = &in->status[POLICY_STATUS_ABOVE_SCALE];
	if (ent >= 0 && *mine >= 0 && ent != *mine)
		return answers_fail_model(a, err, "$.status.above_scale",
					  "contradicts $.enterprise.above_scale");
	if (*mine < 0)
		*mine = ent;
	return ASSESS_OK;
}

static assess_code read_award_object(const answers *a, const cJSON *o, const char *path,
				     inputs_award *aw, assess_error *err)
{
	char kp[ASSESS_ERROR_PATH_MAX + 16];
	for (const cJSON *c = o->child; c; c = c->next) {
		snprintf(kp, sizeof kp, "%s.%s", path, c->string);
		if (strcmp(c->string, "id") == 0 && cJSON_IsString(c))
			aw->id = c->valuestring;
		else if (strcmp(c->string, "id") == 0)
			return answers_fail_model(a, err, kp,
						  "expected the award's id as a string, got %s",
						  answers_type_name(c));
		else if (strcmp(c->string, "count") == 0 &&
			 whole(a, c, kp, 1, 1000000, "a count", &aw->count, err))
			return ASSESS_ERR_DATA;
		else if (strcmp(c->string, "amount") == 0 &&
			 whole(a, c, kp, 0, INPUTS_MAX_YUAN, "an amount in whole yuan", &aw->amount,
			       err))
			return ASSESS_ERR_DATA;
		else if (strcmp(c->string, "note") == 0 && !cJSON_IsString(c))
			return answers_fail_model(a, err, kp, "expected a string, got %s",
						  answers_type_name(c));
		else if (strcmp(c->string, "id") && strcmp(c->string, "count") &&
			 strcmp(c->string, "amount") && strcmp(c->string, "note"))
			return answers_fail_model(
				a, err, kp,
				"unknown key \"%s\" in an award (expected id, count, "
				"amount, note)",
				c->string);
	}
	if (!aw->id)
		return answers_fail_model(a, err, path, "an award object needs \"id\"");
	return ASSESS_OK;
}

static assess_code read_award(const answers *a, const cJSON *v, int i, inputs_award *aw,
			      assess_error *err)
{
	char path[ASSESS_ERROR_PATH_MAX];
	snprintf(path, sizeof path, "$.awards[%d]", i);
	*aw = (inputs_award){.count = 1, .amount = -1, .index = i};
	if (cJSON_IsString(v))
		aw->id = v->valuestring;
	else if (!cJSON_IsObject(v))
		return answers_fail_model(a, err, path,
					  "expected an award id or {\"id\", \"count\", \"amount\"}, "
					  "got %s",
					  answers_type_name(v));
	else if (read_award_object(a, v, path, aw, err))
		return ASSESS_ERR_DATA;
	if (!valid_id(aw->id, true))
		return answers_fail_model(a, err, path,
					  "\"%s\" is not an award id (a letter, then letters, "
					  "digits, - _ .)",
					  aw->id);
	return ASSESS_OK;
}

static assess_code read_awards(const answers *a, subsidy_inputs *in, assess_error *err)
{
	const cJSON *aws = answers_block(a, "awards");
	if (!aws)
		return ASSESS_OK;
	if (!cJSON_IsArray(aws))
		return answers_fail_model(a, err, "$.awards", "expected an array, got %s",
					  answers_type_name(aws));
	int n = cJSON_GetArraySize(aws), i = 0;
	if (!(in->awards = calloc((size_t)n + 1, sizeof *in->awards)))
		return assess_nomem(err, NULL);
	for (const cJSON *c = aws->child; c; c = c->next, i++) {
		if (read_award(a, c, i, &in->awards[i], err))
			return ASSESS_ERR_DATA;
		in->n_awards++;
	}
	return ASSESS_OK;
}

assess_code inputs_read(const answers *a, subsidy_inputs *in, assess_error *err)
{
	*in = (subsidy_inputs){.region_code = answers_field_get(a, ANSWERS_REGION_CODE),
			       .region = answers_field_get(a, ANSWERS_REGION),
			       .industry_code = answers_field_get(a, ANSWERS_INDUSTRY_CODE),
			       .stage = answers_stage_get(a)};
	assess_code rc = read_finance(a, in, err);
	if (!rc)
		rc = read_status(a, in, err);
	if (!rc)
		rc = read_awards(a, in, err);
	if (rc)
		inputs_free(in);
	return rc;
}

void inputs_free(subsidy_inputs *in)
{
	free(in->awards);
	in->awards = NULL;
	in->n_awards = 0;
}

int64_t inputs_award_count(const subsidy_inputs *in, const char *id)
{
	int64_t n = 0;
	for (size_t i = 0; i < in->n_awards; i++)
		if (strcmp(in->awards[i].id, id) == 0)
			n += in->awards[i].count;
	return n;
}

bool inputs_has_award(const subsidy_inputs *in, const char *id)
{
	return inputs_award_count(in, id) > 0;
}
