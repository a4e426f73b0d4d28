/*
 * identity.c - who and what an assessment was: the instrument's version and hash the file was
 * answered with, assessment.source, the team, the interviewees and the site-visit dates.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/grow.h"
#include "common/text.h"

/* ---- the instrument ---- */

const char *answers_questionnaire_version(const answers *a)
{
	return a->rec ? a->rec->qn_version : NULL;
}

const char *answers_questionnaire_sha256(const answers *a)
{
	return a->rec ? a->rec->qn_sha : NULL;
}

bool answers_instrument_matches(const answers *a)
{
	const char *sha = answers_questionnaire_sha256(a);
	return !sha || strcmp(sha, questionnaire_sha256(a->q)) == 0;
}

const char *answers_rescore_text(const answers *a, qn_lang lang, char *buf, size_t size)
{
	if (answers_instrument_matches(a))
		return NULL;
	const char *v = answers_questionnaire_version(a);
	snprintf(buf, size,
		 lang_pick(lang,
			   "答卷依据问卷 %s 版（SHA-256 %.12s…）作答，按已安装的 %s 版（SHA-256 "
			   "%.12s…）重新评分（--rescore）。",
			   "The answers were given with version %s of the questionnaire (SHA-256 "
			   "%.12s…) and are scored with the installed version %s (SHA-256 %.12s…), "
			   "as --rescore asked."),
		 v ? v : "?", answers_questionnaire_sha256(a), questionnaire_version(a->q),
		 questionnaire_sha256(a->q));
	return buf;
}

assess_code answers_identity_load(answers *a, const struct answers_load *ld, const cJSON *version,
				  const cJSON *sha)
{
	if (version && answers_expect_string(ld, version, "$.questionnaire_version", NULL, -1))
		return ASSESS_ERR_DATA;
	if (sha && !(answers_is_type(sha, cJSON_String) && answers_is_sha256(sha->valuestring)))
		return answers_fail_at(ld, "$.questionnaire_sha256", NULL, -1,
				       "expected the SHA-256 of the questionnaire file: 64 "
				       "lower-case hex digits");
	struct answers_record *r = answers_record_get(a);
	if (!r || (version && answers_set_string(&r->qn_version, version->valuestring)) ||
	    (sha && answers_set_string(&r->qn_sha, sha->valuestring)))
		return answers_fail_nomem(ld);
	return ASSESS_OK;
}

/* ---- source ---- */

answers_origin answers_origin_get(const answers *a)
{
	return a->rec ? a->rec->origin : ANSWERS_SOURCE_NONE;
}

void answers_origin_set(answers *a, answers_origin s)
{
	struct answers_record *r =
		s == ANSWERS_SOURCE_NONE && !a->rec ? NULL : answers_record_get(a);
	if (r)
		r->origin = s;
}

const char *answers_origin_name(answers_origin s)
{
	return s == ANSWERS_SOURCE_ONSITE ? "onsite" : s == ANSWERS_SOURCE_SELF ? "self" : "";
}

const char *answers_origin_label(answers_origin s, answers_origin_wording w, qn_lang lang)
{
	/* [wording][origin - ANSWERS_SOURCE_ONSITE] */
	static const qn_text labels[ANSWERS_ORIGIN_N_WORDINGS][2] = {
		[ANSWERS_ORIGIN_SHORT] = {{"现场评定", "on site"}, {"自评", "self"}},
		[ANSWERS_ORIGIN_CHOICE] = {{"现场评定", "on site"}, {"自评", "self-assessment"}},
		[ANSWERS_ORIGIN_ASSESSMENT] = {{"现场评定", "rated on site"},
					       {"企业自评", "self-declared"}},
		[ANSWERS_ORIGIN_EXPLAINED] =
			{{"现场评定（评测人员到企业现场查看、访谈）",
			  "On site (the assessors visited the enterprise and interviewed its people)"},
			 {"企业自评（由企业自行填报，未经现场评定）",
			  "Self-assessment (declared by the enterprise, not assessed on site)"}},
	};
	if ((s != ANSWERS_SOURCE_ONSITE && s != ANSWERS_SOURCE_SELF) ||
	    (unsigned)w >= ANSWERS_ORIGIN_N_WORDINGS)
		return NULL;
	return qn_text_get(&labels[w][s - ANSWERS_SOURCE_ONSITE], lang);
}

/* ---- people ---- */

size_t answers_team_count(const answers *a) { return a->rec ? a->rec->team.n : 0; }
size_t answers_interviewees_count(const answers *a) { return a->rec ? a->rec->interviewees.n : 0; }

const answers_person *answers_team_get(const answers *a, size_t i)
{
	return i < answers_team_count(a) ? &a->rec->team.items[i] : NULL;
}

const answers_person *answers_interviewee_get(const answers *a, size_t i)
{
	return i < answers_interviewees_count(a) ? &a->rec->interviewees.items[i] : NULL;
}

static void person_clear(answers_person *p)
{
	free(p->name);
	free(p->role);
	free(p->organisation);
	free(p->title);
}

/* Appends a copy of *p to the list; -1 (nothing added) when out of memory. */
static int person_push(struct answers_people *list, const answers_person *p)
{
	answers_person copy = {0};
	answers_person *bigger =
		grow_array(list->items, &list->cap, list->n + 1, sizeof *bigger, 4);
	if (!bigger)
		return -1;
	list->items = bigger;
	if (answers_set_string(&copy.name, p->name) || answers_set_string(&copy.role, p->role) ||
	    answers_set_string(&copy.organisation, p->organisation) ||
	    answers_set_string(&copy.title, p->title)) {
		person_clear(&copy);
		return -1;
	}
	list->items[list->n++] = copy;
	return 0;
}

static assess_code person_add(answers *a, bool team, const answers_person *p, assess_error *err)
{
	if (!p->name || !*p->name)
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0, "a person needs a name");
	struct answers_record *r = answers_record_get(a);
	if (!r || person_push(team ? &r->team : &r->interviewees, p))
		return assess_nomem(err, NULL);
	return ASSESS_OK;
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

assess_code answers_team_add(answers *a, const char *name, const char *role,
			     const char *organisation, assess_error *err)
{
	answers_person p = {(char *)name, (char *)nonempty(role), (char *)nonempty(organisation),
			    NULL};
	return person_add(a, true, &p, err);
}

assess_code answers_interviewee_add(answers *a, const char *name, const char *title,
				    assess_error *err)
{
	answers_person p = {(char *)name, NULL, NULL, (char *)nonempty(title)};
	return person_add(a, false, &p, err);
}

void answers_people_clear(struct answers_people *list)
{
	for (size_t i = 0; i < list->n; i++)
		person_clear(&list->items[i]);
	free(list->items);
	*list = (struct answers_people){0};
}

void answers_team_clear(answers *a)
{
	if (a->rec)
		answers_people_clear(&a->rec->team);
}

void answers_interviewees_clear(answers *a)
{
	if (a->rec)
		answers_people_clear(&a->rec->interviewees);
}

/* ---- site visits ---- */

size_t answers_site_visits_count(const answers *a) { return a->rec ? a->rec->n_visits : 0; }

int answers_site_visit_get(const answers *a, size_t i)
{
	return i < answers_site_visits_count(a) ? a->rec->visits[i] : 0;
}

assess_code answers_site_visit_add(answers *a, int yyyymmdd, assess_error *err)
{
	if (!date_valid_day(yyyymmdd))
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0, "not a calendar date");
	struct answers_record *r = answers_record_get(a);
	int *bigger = r ? grow_array(r->visits, &r->cap_visits, r->n_visits + 1, sizeof *bigger, 4)
			: NULL;
	if (!bigger)
		return assess_nomem(err, NULL);
	r->visits = bigger;
	r->visits[r->n_visits++] = yyyymmdd;
	return ASSESS_OK;
}

void answers_site_visits_clear(answers *a)
{
	if (!a->rec)
		return;
	free(a->rec->visits);
	a->rec->visits = NULL;
	a->rec->n_visits = a->rec->cap_visits = 0;
}

/* ---- loading the assessment's record members ---- */

static assess_code load_source(answers *a, const struct answers_load *ld, const cJSON *c)
{
	const char *s = cJSON_GetStringValue(c);
	answers_origin o = !s                         ? ANSWERS_SOURCE_NONE
			   : strcmp(s, "onsite") == 0 ? ANSWERS_SOURCE_ONSITE
			   : strcmp(s, "self") == 0   ? ANSWERS_SOURCE_SELF
						      : ANSWERS_SOURCE_NONE;
	if (o == ANSWERS_SOURCE_NONE)
		return answers_fail_at(ld, "$.assessment", "source", -1,
				       "expected \"onsite\" (an assessor on site) or \"self\" (the "
				       "enterprise's own declaration)");
	if (!answers_record_get(a))
		return answers_fail_nomem(ld);
	a->rec->origin = o;
	return ASSESS_OK;
}

/* A team member has a name, a role and an organisation; an interviewee a name and a title. */
static bool person_may_have(bool team, int k)
{
	return k == PERSON_NAME || (team ? k != PERSON_TITLE : k == PERSON_TITLE);
}

/* Fails on a person's key of no known name, listing the ones it may have from the key table. */
static assess_code unknown_person_key(const struct answers_load *ld, const char *path, bool team,
				      const char *key)
{
	char known[64];
	size_t used = 0;
	known[0] = '\0';
	for (int k = 0; k < PERSON_MAX; k++)
		if (person_may_have(team, k))
			text_appendf(known, sizeof known, &used, "%s%s", used ? ", " : "",
				     answers_person_keys[k]);
	return answers_fail_at(ld, path, key, -1, "unknown key \"%s\" (expected %s)", key, known);
}

/* One person at path (e.g. "$.assessment.team[2]"), each member into its slot by the key table. */
static assess_code load_person(const struct answers_load *ld, const cJSON *obj, const char *path,
			       bool team, answers_person *p)
{
	const char **slots[PERSON_MAX] = {[PERSON_NAME] = (const char **)&p->name,
					  [PERSON_ROLE] = (const char **)&p->role,
					  [PERSON_ORGANISATION] = (const char **)&p->organisation,
					  [PERSON_TITLE] = (const char **)&p->title};
	if (answers_expect_object(ld, obj, path))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		int k = 0;
		while (k < PERSON_MAX && !(person_may_have(team, k) &&
					   strcmp(c->string, answers_person_keys[k]) == 0))
			k++;
		if (k == PERSON_MAX)
			return unknown_person_key(ld, path, team, c->string);
		if (answers_expect_string(ld, c, path, c->string, -1))
			return ASSESS_ERR_DATA;
		*slots[k] = c->valuestring;
	}
	if (!p->name)
		return answers_fail_at(ld, path, NULL, -1, "no \"%s\"",
				       answers_person_keys[PERSON_NAME]);
	return ASSESS_OK;
}

static assess_code load_people(answers *a, const struct answers_load *ld, const cJSON *arr,
			       bool team)
{
	const char *base = team ? "$.assessment.team" : "$.assessment.interviewees";
	if (!answers_is_type(arr, cJSON_Array))
		return answers_fail_at(ld, base, NULL, -1, "expected an array of people, got %s",
				       answers_type_name(arr));
	struct answers_record *r = answers_record_get(a);
	if (!r)
		return answers_fail_nomem(ld);
	int i = 0;
	for (const cJSON *c = arr->child; c; c = c->next, i++) {
		char path[64];
		snprintf(path, sizeof path, "%s[%d]", base, i);
		answers_person p = {0};
		if (load_person(ld, c, path, team, &p))
			return ASSESS_ERR_DATA;
		if (person_push(team ? &r->team : &r->interviewees, &p))
			return answers_fail_nomem(ld);
	}
	return ASSESS_OK;
}

static assess_code load_visits(answers *a, const struct answers_load *ld, const cJSON *arr)
{
	if (!answers_is_type(arr, cJSON_Array))
		return answers_fail_at(ld, "$.assessment.site_visits", NULL, -1,
				       "expected an array of dates, got %s",
				       answers_type_name(arr));
	int i = 0;
	for (const cJSON *c = arr->child; c; c = c->next, i++) {
		int day;
		if (!answers_is_type(c, cJSON_String) || !date_parse(c->valuestring, &day))
			return answers_fail_at(ld, "$.assessment.site_visits", NULL, i,
					       "expected a date as YYYY-MM-DD");
		if (answers_site_visit_add(a, day, NULL))
			return answers_fail_nomem(ld);
	}
	return ASSESS_OK;
}

assess_code answers_assessment_member(answers *a, const struct answers_load *ld, const cJSON *c,
				      bool *taken)
{
	*taken = true;
	if (strcmp(c->string, answers_record_keys[ANSWERS_RECORD_SOURCE]) == 0)
		return load_source(a, ld, c);
	if (strcmp(c->string, answers_record_keys[ANSWERS_RECORD_TEAM]) == 0)
		return load_people(a, ld, c, true);
	if (strcmp(c->string, answers_record_keys[ANSWERS_RECORD_INTERVIEWEES]) == 0)
		return load_people(a, ld, c, false);
	if (strcmp(c->string, answers_record_keys[ANSWERS_RECORD_SITE_VISITS]) == 0)
		return load_visits(a, ld, c);
	*taken = false;
	return ASSESS_OK;
}

/* ---- writing them back ---- */

static bool add_people(cJSON *as, const char *key, const struct answers_people *list)
{
	if (!list->n)
		return true;
	const answers_person *p = list->items;
	cJSON *arr = cJSON_AddArrayToObject(as, key);
	bool ok = arr != NULL;
	for (size_t i = 0; ok && i < list->n; i++) {
		cJSON *o = cJSON_CreateObject();
		ok = answers_json_add(arr, NULL, o);
		const char *vals[PERSON_MAX] = {[PERSON_NAME] = p[i].name,
						[PERSON_ROLE] = p[i].role,
						[PERSON_ORGANISATION] = p[i].organisation,
						[PERSON_TITLE] = p[i].title};
		for (int k = 0; ok && k < PERSON_MAX; k++)
			ok = answers_json_add_string(o, answers_person_keys[k], vals[k]);
	}
	return ok;
}

bool answers_assessment_json(cJSON *as, const answers *a)
{
	const struct answers_record *r = a->rec;
	if (!as || !r)
		return as != NULL;
	if (r->origin != ANSWERS_SOURCE_NONE &&
	    !answers_json_add_string(as, answers_record_keys[ANSWERS_RECORD_SOURCE],
				     answers_origin_name(r->origin)))
		return false;
	if (!add_people(as, answers_record_keys[ANSWERS_RECORD_TEAM], &r->team) ||
	    !add_people(as, answers_record_keys[ANSWERS_RECORD_INTERVIEWEES], &r->interviewees))
		return false;
	if (!r->n_visits)
		return true;
	cJSON *arr = cJSON_AddArrayToObject(as, answers_record_keys[ANSWERS_RECORD_SITE_VISITS]);
	bool ok = arr != NULL;
	for (size_t i = 0; ok && i < r->n_visits; i++) {
		char buf[DATE_TEXT_MAX];
		ok = answers_json_add_string(arr, NULL, date_format(r->visits[i], buf, sizeof buf));
	}
	return ok;
}
