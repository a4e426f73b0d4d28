/*
 * What can still be read from a damaged answer file (#10): a hand edit that broke the JSON, a
 * wrong option code, a file cut short. The text is scanned for "key": value pairs rather than
 * parsed as a whole, so a fault in one place does not hide what is readable elsewhere; each
 * value goes through the answers' own setters, so nothing unchecked gets in.
 */
#include "config.h"
#include "interview/interview.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "answers/record.h"
#include "common/jsoncheck.h"
#include "common/text.h"
#include "policies/policy.h"

#define SECTION_MAX 32

typedef struct salvage {
	answers *a;
	const questionnaire *q;
	interview_salvaged *got;
	const char *name; /* the damaged file, for the record's errors */
	size_t used;      /* bytes of got->dropped */
	cJSON *finalized; /* taken last: a finalized record takes no answers */
} salvage;

static void dropped(salvage *s, const char *what)
{
	s->got->n_dropped++;
	/* a name is listed whole or not at all, and a shorter one after it may still be */
	if (s->used + strlen(what) + 3 < sizeof s->got->dropped)
		text_appendf(s->got->dropped, sizeof s->got->dropped, &s->used, "%s%s",
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
	for (const cJSON *c = v->child; c; c = c->next)
		if (!cJSON_IsString(c) ||
		    !text_appendf(buf, size, &used, "%s%s", used ? " " : "", c->valuestring))
			return false;
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

static void take_field(salvage *s, const char *key, const cJSON *v)
{
	if (strcmp(key, ANSWERS_KEY_ABOVE_SCALE) == 0 && cJSON_IsBool(v)) {
		answers_set_above_scale(s->a, cJSON_IsTrue(v));
		s->got->fields++;
		return;
	}
	for (answers_stage st = ANSWERS_STAGE_BASELINE; st <= ANSWERS_STAGE_POST; st++)
		if (strcmp(key, ANSWERS_KEY_STAGE) == 0 && cJSON_IsString(v) &&
		    strcmp(v->valuestring, answers_stage_name(st)) == 0) {
			answers_set_stage(s->a, st);
			s->got->fields++;
			return;
		}
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++) {
		if (strcmp(answers_field_key((answers_field)f), key) != 0)
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

/*
 * The value's text [p, end) holds no NUL or control character the loader refuses: the setters
 * see cJSON's decoded strings, which a \u0001 reaches, and a file saved with one would not
 * load on the next resume.
 */
static bool clean(const char *p, const char *end)
{
	char path[8] = "$";
	size_t at;
	return jsoncheck_strings(p, (size_t)(end - p), path, sizeof path, &at).kind == JSONCHECK_OK;
}

/* ---- the record: each part through the answers' own reader (answers_record_take) ---- */

/* Whether section is the file's top-level key k, or the record's member m of "assessment". */
static bool is_top(const char *section, answers_top k)
{
	return strcmp(section, answers_top_key(k)) == 0;
}

static bool is_record(const char *section, answers_record_member m)
{
	return strcmp(section, answers_record_key(m)) == 0;
}

/* Inside a team member or an interviewee: their keys, not the assessment's. */
static bool person_key(const char *section, const char *key)
{
	return (is_record(section, ANSWERS_RECORD_TEAM) ||
		is_record(section, ANSWERS_RECORD_INTERVIEWEES)) &&
	       answers_record_is_person_key(key);
}

static void take_record(salvage *s, const char *key, const cJSON *v, const char *what)
{
	assess_error err = {0};
	if (v && answers_record_take(s->a, key, v, s->name, &err) == ASSESS_OK)
		s->got->record++;
	else
		dropped(s, what);
}

/* v as the one element of a list, or the one member id of an object, without copying it. */
static cJSON *wrap(const char *id, cJSON *v)
{
	cJSON *w = id ? cJSON_CreateObject() : cJSON_CreateArray();
	if (!w)
		return NULL;
	if (id && !cJSON_AddItemReferenceToObject(w, id, v)) {
		cJSON_Delete(w);
		return NULL;
	}
	if (!id && !cJSON_AddItemReferenceToArray(w, v)) {
		cJSON_Delete(w);
		return NULL;
	}
	return w;
}

/* The name of what is dropped: "history[3]", "flags.F2", "evidence.F1[0]". */
static const char *part_name(char *buf, size_t size, const char *key, const char *id, int k)
{
	if (id && k >= 0)
		snprintf(buf, size, "%s.%s[%d]", key, id, k);
	else if (id)
		snprintf(buf, size, "%s.%s", key, id);
	else
		snprintf(buf, size, "%s[%d]", key, k);
	return buf;
}

/*
 * One part of a record member: element k of a list (id NULL), member id of an object, or item
 * k of question id's evidence (in_item).
 */
static void take_part(salvage *s, const char *key, const char *id, int k, cJSON *v, bool in_item)
{
	char what[96];
	if (is_top(key, ANSWERS_TOP_EVIDENCE) && !in_item && cJSON_IsArray(v)) {
		int i = 0;
		for (cJSON *item = v->child; item; item = item->next, i++)
			take_part(s, key, id, i, item, true);
		return;
	}
	if (!in_item) {
		cJSON *w = wrap(id, v);
		take_record(s, key, w, part_name(what, sizeof what, key, id, id ? -1 : k));
		cJSON_Delete(w); /* the wrapper only: it holds v by reference */
		return;
	}
	/* {"F1": [item]}: the object owns the list, which holds the item by reference. */
	cJSON *list = wrap(NULL, v), *w = list ? cJSON_CreateObject() : NULL;
	if (w && cJSON_AddItemToObject(w, id, list))
		list = NULL;
	else {
		cJSON_Delete(w);
		w = NULL;
	}
	take_record(s, key, w, part_name(what, sizeof what, key, id, k));
	cJSON_Delete(w);
	cJSON_Delete(list);
}

/* What a break loses: the part at it and everything after ("history[5…]", "flags.F3…"). */
static void dropped_from(salvage *s, const char *key, const char *qid, const char *id, int k)
{
	char what[96];
	if (qid)
		snprintf(what, sizeof what, "%s.%s[%d…]", key, qid, k);
	else if (id && *id)
		snprintf(what, sizeof what, "%s.%s…", key, id);
	else if (id)
		snprintf(what, sizeof what, "%s…", key);
	else
		snprintf(what, sizeof what, "%s[%d…]", key, k);
	dropped(s, what);
}

/*
 * The list or object at p (its '[' or '{'), part by part: each part that reads whole is taken,
 * so a file cut short inside the history keeps the entries before the cut. qid: the list is
 * that question's evidence. Returns where the scan goes on: after the closing bracket (*whole),
 * or at the part that does not read, which is named with what follows it.
 */
static const char *take_container(salvage *s, const char *key, const char *qid, const char *p,
				  bool *whole)
{
	bool object = *p == '{';
	char close = object ? '}' : ']', what[96];
	int k = 0;
	*whole = false;
	for (p = skip_space(p + 1); *p != close; k++) {
		char id[64] = "";
		const char *end = NULL;
		if (object) {
			cJSON *mk = *p ? cJSON_ParseWithOpts(p, &end, 0) : NULL;
			bool ok =
				cJSON_IsString(mk) && end && *skip_space(end) == ':' &&
				(size_t)snprintf(id, sizeof id, "%s", mk->valuestring) < sizeof id;
			cJSON_Delete(mk);
			if (!ok) {
				dropped_from(s, key, NULL, "", k);
				return p;
			}
			p = skip_space(skip_space(end) + 1);
		}
		cJSON *v = *p ? cJSON_ParseWithOpts(p, &end, 0) : NULL;
		if (!v || !end) {
			cJSON_Delete(v);
			/* Question id's evidence, broken inside: its items before the break. */
			if (object && !qid && is_top(key, ANSWERS_TOP_EVIDENCE) && *p == '[')
				return take_container(s, key, id, p, whole);
			dropped_from(s, key, qid, object ? id : NULL, k);
			return p;
		}
		if (clean(p, end))
			take_part(s, key, qid ? qid : object ? id : NULL, k, v, qid != NULL);
		else
			dropped(s, part_name(what, sizeof what, key,
					     qid      ? qid
					     : object ? id
						      : NULL,
					     qid || !object ? k : -1));
		cJSON_Delete(v);
		p = skip_space(end);
		if (*p == ',')
			p = skip_space(p + 1);
	}
	*whole = !qid; /* a question's evidence closed, but not the evidence object around it */
	return p + 1;
}

/* A record member's value at v: finalized whole and kept for last, the lists part by part. */
static const char *take_member(salvage *s, const char *key, const char *v, bool *whole)
{
	const char *end = NULL;
	*whole = false;
	if (!is_top(key, ANSWERS_TOP_FINALIZED) && (*v == '[' || *v == '{'))
		return take_container(s, key, NULL, v, whole);
	cJSON *val = cJSON_ParseWithOpts(v, &end, 0);
	if (!val || !end) {
		cJSON_Delete(val);
		dropped(s, key);
		return v;
	}
	*whole = true;
	if (!clean(v, end)) {
		cJSON_Delete(val);
		dropped(s, key);
		return end;
	}
	if (is_top(key, ANSWERS_TOP_FINALIZED) && !s->finalized) {
		s->finalized = val;
		return end;
	}
	take_record(s, key, val, key); /* of the wrong type, or a second finalized: named */
	cJSON_Delete(val);
	return end;
}

/* A status flag the subsidy policies read (the interview asks the pilot flag): theirs only. */
static void take_status(salvage *s, const char *key, const cJSON *v)
{
	char what[64];
	if (policy_status_find(key) >= 0 && cJSON_IsBool(v) &&
	    answers_set_status_flag(s->a, key, cJSON_IsTrue(v)) == ASSESS_OK) {
		s->got->fields++;
		return;
	}
	snprintf(what, sizeof what, "status.%s", key);
	dropped(s, what);
}

static void take(salvage *s, const char *section, const char *key, const cJSON *v)
{
	if (is_top(section, ANSWERS_TOP_ANSWERS))
		take_answer(s, key, v, false);
	else if (is_top(section, ANSWERS_TOP_NOTES))
		take_answer(s, key, v, true);
	else if (is_top(section, ANSWERS_TOP_STATUS))
		take_status(s, key, v);
	else if (is_record(key, ANSWERS_RECORD_SOURCE) && is_top(section, ANSWERS_TOP_ASSESSMENT))
		take_record(s, key, v, key);
	else if (is_top(section, ANSWERS_TOP_ENTERPRISE) ||
		 is_top(section, ANSWERS_TOP_ASSESSMENT) ||
		 ((is_record(section, ANSWERS_RECORD_TEAM) ||
		   is_record(section, ANSWERS_RECORD_INTERVIEWEES) ||
		   is_record(section, ANSWERS_RECORD_SITE_VISITS)) &&
		  !person_key(section, key)))
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
		if (answers_record_is_compound(k->valuestring)) {
			/* What it reads is taken; after a break, its inner keys are not the section's. */
			bool whole;
			const char *next = take_member(s, k->valuestring, v, &whole);
			if (!whole)
				snprintf(section, sizeof section, "%s", k->valuestring);
			cJSON_Delete(k);
			p = next;
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
		if (val && vend && !clean(v, vend)) {
			char what[96];
			snprintf(what, sizeof what,
				 is_top(section, ANSWERS_TOP_NOTES) ? "%s (note)" : "%s",
				 k->valuestring);
			dropped(s, what);
			p = vend;
		} else if (val && vend) {
			take(s, section, k->valuestring, val);
			p = vend;
		} else {
			if (is_top(section, ANSWERS_TOP_ANSWERS))
				dropped(s, k->valuestring);
			p = v;
		}
		cJSON_Delete(val);
		cJSON_Delete(k);
	}
}

/* The string member key ("questionnaire"), wherever the text still has it; into buf. */
static bool member_named(const char *text, const char *key, char *buf, size_t size)
{
	char quoted[64];
	snprintf(quoted, sizeof quoted, "\"%s\"", key);
	const char *p = strstr(text, quoted);
	if (!p)
		return false;
	p = skip_space(p + strlen(quoted));
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
	const char *use =
		member_named(text, answers_top_key(ANSWERS_TOP_QUESTIONNAIRE), qname, sizeof qname)
			? qname
			: fallback;
	const questionnaire *q = use ? resolve(use, ctx, err) : NULL;
	memset(got, 0, sizeof *got);
	if (!q) {
		if (!use)
			assess_fail(
				err, ASSESS_ERR_DATA, name, 0, 0,
				"nothing can be salvaged: the file does not say its questionnaire");
		return NULL;
	}
	salvage s = {.a = answers_new(q), .q = q, .got = got, .name = name};
	if (!s.a) {
		assess_nomem(err, name);
		return NULL;
	}
	scan(&s, text);
	/* Answered with another definition: going on stamps the installed one, so say so. */
	char sha[80];
	const char *sha_key = answers_top_key(ANSWERS_TOP_QN_SHA256),
		   *fin_key = answers_top_key(ANSWERS_TOP_FINALIZED);
	if (member_named(text, sha_key, sha, sizeof sha) &&
	    strcmp(sha, questionnaire_sha256(q)) != 0)
		dropped(&s, sha_key);
	if (s.finalized)
		take_record(&s, fin_key, s.finalized, fin_key);
	cJSON_Delete(s.finalized);
	/* The blocks for the subsidy engine are JSON the scan does not rebuild; status it reads. */
	for (size_t b = 0; answers_block_key(b); b++) {
		char quoted[32];
		snprintf(quoted, sizeof quoted, "\"%s\"", answers_block_key(b));
		if (!is_top(answers_block_key(b), ANSWERS_TOP_STATUS) && strstr(text, quoted))
			dropped(&s, answers_block_key(b));
	}
	if (use == qname && strcmp(qname, questionnaire_id(q)) != 0 &&
	    answers_set_questionnaire_ref(s.a, qname) != ASSESS_OK) {
		answers_free(s.a);
		assess_nomem(err, name);
		return NULL;
	}
	if (!got->answers && !got->fields && !got->notes && !got->record) {
		answers_free(s.a);
		assess_fail(err, ASSESS_ERR_DATA, name, 0, 0, "nothing can be salvaged from it");
		return NULL;
	}
	return s.a;
}
