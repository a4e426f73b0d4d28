/*
 * What can still be read from a damaged answer file (#10): a hand edit that broke the JSON, a
 * wrong option code, a file cut short. The text is scanned for "key": value pairs rather than
 * parsed as a whole, so a fault in one place does not hide what is readable elsewhere; each
 * value goes through the answers' own setters, so nothing unchecked gets in.
 */
#include "config.h"
#include "interview/interview.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#define SECTION_MAX 32

typedef struct salvage {
	answers *a;
	const questionnaire *q;
	interview_salvaged *got;
	size_t used; /* bytes of got->dropped */
} salvage;

static void dropped(salvage *s, const char *what)
{
	s->got->n_dropped++;
	if (s->used + strlen(what) + 3 < sizeof s->got->dropped)
		s->used += (size_t)snprintf(s->got->dropped + s->used,
					    sizeof s->got->dropped - s->used, "%s%s",
					    s->used ? " " : "", what);
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

/* An answer value as the codes answers_set_text takes: "B C", "3", "E"; false if no such shape. */
static bool codes_of(const cJSON *v, char *buf, size_t size)
{
	if (cJSON_IsString(v))
		return (size_t)snprintf(buf, size, "%s", v->valuestring) < size;
	if (cJSON_IsNumber(v))
		return (size_t)snprintf(buf, size, "%d", v->valueint) < size;
	if (!cJSON_IsArray(v))
		return false;
	size_t used = 0;
	buf[0] = '\0';
	for (const cJSON *c = v->child; c; c = c->next) {
		if (!cJSON_IsString(c) || used + strlen(c->valuestring) + 2 >= size)
			return false;
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? " " : "",
					 c->valuestring);
	}
	return true;
}

static void take_answer(salvage *s, const char *key, const cJSON *v, bool note)
{
	const qn_question *qq = questionnaire_find(s->q, key);
	char codes[256], what[64];
	assess_error err = {0};
	snprintf(what, sizeof what, note ? "%s (note)" : "%s", key);
	if (!qq) {
		dropped(s, what);
		return;
	}
	if (note) {
		if (cJSON_IsString(v) &&
		    answers_set_note(s->a, qq->index, v->valuestring) == ASSESS_OK)
			s->got->notes++;
		else
			dropped(s, what);
		return;
	}
	if (!answers_get(s->a, qq->index)->given && codes_of(v, codes, sizeof codes) &&
	    answers_set_text(s->a, qq->index, codes, &err) == ASSESS_OK)
		s->got->answers++;
	else
		dropped(s, what);
}

static const char *const field_keys[ANSWERS_FIELD_MAX] = {[ANSWERS_NAME] = "name",
							  [ANSWERS_CREDIT_CODE] = "credit_code",
							  [ANSWERS_INDUSTRY] = "industry",
							  [ANSWERS_SIZE] = "size",
							  [ANSWERS_REGION] = "region",
							  [ANSWERS_DATE] = "date",
							  [ANSWERS_ASSESSOR] = "assessor",
							  [ANSWERS_REGION_CODE] = "region_code",
							  [ANSWERS_INDUSTRY_CODE] = "industry_code",
							  [ANSWERS_REPORT_NO] = "report_no",
							  [ANSWERS_LANG] = "lang"};

static void take_field(salvage *s, const char *key, const cJSON *v)
{
	if (strcmp(key, "above_scale") == 0 && cJSON_IsBool(v)) {
		answers_set_above_scale(s->a, cJSON_IsTrue(v));
		s->got->fields++;
		return;
	}
	if (strcmp(key, "stage") == 0 && cJSON_IsString(v) &&
	    (strcmp(v->valuestring, "baseline") == 0 || strcmp(v->valuestring, "post") == 0)) {
		answers_set_stage(s->a, v->valuestring[0] == 'b' ? ANSWERS_STAGE_BASELINE
								 : ANSWERS_STAGE_POST);
		s->got->fields++;
		return;
	}
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++) {
		if (!field_keys[f] || strcmp(field_keys[f], key) != 0)
			continue;
		if (cJSON_IsString(v) && !answers_field_get(s->a, (answers_field)f) &&
		    answers_set_field(s->a, (answers_field)f, v->valuestring, NULL) == ASSESS_OK) {
			s->got->fields++;
			return;
		}
		break;
	}
	dropped(s, key);
}

static void take(salvage *s, const char *section, const char *key, const cJSON *v)
{
	if (strcmp(section, "answers") == 0)
		take_answer(s, key, v, false);
	else if (strcmp(section, "notes") == 0)
		take_answer(s, key, v, true);
	else if (strcmp(section, "enterprise") == 0 || strcmp(section, "assessment") == 0)
		take_field(s, key, v);
}

/* Each "key": value in the text, in order; an opening brace makes its key the section. */
static void scan(salvage *s, const char *text)
{
	char section[SECTION_MAX] = "";
	for (const char *p = strchr(text, '"'); p; p = *p ? strchr(p, '"') : NULL) {
		const char *end = NULL;
		cJSON *k = cJSON_ParseWithOpts(p, &end, 0);
		if (!cJSON_IsString(k) || !end) {
			cJSON_Delete(k);
			p++;
			continue;
		}
		const char *colon = skip_space(end),
			   *v = skip_space(*colon == ':' ? colon + 1 : colon);
		if (*colon != ':') {
			cJSON_Delete(k);
			p = end;
			continue;
		}
		if (*v == '{') {
			snprintf(section, sizeof section, "%s", k->valuestring);
			cJSON_Delete(k);
			p = v + 1;
			continue;
		}
		const char *vend = NULL;
		cJSON *val = cJSON_ParseWithOpts(v, &vend, 0);
		if (val && vend) {
			take(s, section, k->valuestring, val);
			p = vend;
		} else {
			if (strcmp(section, "answers") == 0)
				dropped(s, k->valuestring);
			p = v;
		}
		cJSON_Delete(val);
		cJSON_Delete(k);
	}
}

/* The "questionnaire" member, wherever the text still has it; into buf. */
static bool questionnaire_named(const char *text, char *buf, size_t size)
{
	const char *p = strstr(text, "\"questionnaire\"");
	if (!p)
		return false;
	p = skip_space(p + strlen("\"questionnaire\""));
	if (*p != ':')
		return false;
	cJSON *v = cJSON_ParseWithOpts(skip_space(p + 1), NULL, 0);
	bool ok = cJSON_IsString(v) && (size_t)snprintf(buf, size, "%s", v->valuestring) < size;
	cJSON_Delete(v);
	return ok;
}

answers *interview_salvage(const char *text, const char *name, const char *fallback,
			   answers_resolver resolve, void *ctx, interview_salvaged *got,
			   assess_error *err)
{
	char qname[4096];
	const char *use = questionnaire_named(text, qname, sizeof qname) ? qname : fallback;
	const questionnaire *q = use ? resolve(use, ctx, err) : NULL;
	memset(got, 0, sizeof *got);
	if (!q) {
		if (!use)
			assess_fail(
				err, ASSESS_ERR_DATA, name, 0, 0,
				"nothing can be salvaged: the file does not say its questionnaire");
		return NULL;
	}
	salvage s = {.a = answers_new(q), .q = q, .got = got};
	if (!s.a) {
		assess_fail(err, ASSESS_ERR_NOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
	scan(&s, text);
	/* The blocks for the subsidy engine are JSON the scan does not rebuild. */
	static const char *const blocks[] = {"\"finance\"", "\"status\"", "\"awards\""};
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (strstr(text, blocks[i])) {
			char bare[16];
			snprintf(bare, sizeof bare, "%.*s", (int)strlen(blocks[i]) - 2,
				 blocks[i] + 1);
			dropped(&s, bare);
		}
	if (use == qname && strcmp(qname, questionnaire_id(q)) != 0 &&
	    answers_set_questionnaire_ref(s.a, qname) != ASSESS_OK) {
		answers_free(s.a);
		assess_fail(err, ASSESS_ERR_NOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
	if (!got->answers && !got->fields && !got->notes) {
		answers_free(s.a);
		assess_fail(err, ASSESS_ERR_DATA, name, 0, 0, "nothing can be salvaged from it");
		return NULL;
	}
	return s.a;
}
