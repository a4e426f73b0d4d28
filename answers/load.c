/*
 * load.c - an answer file's JSON text into the model: the tree is sorted by the key table,
 * each block is checked where it is read, and the first problem fails at its JSON path.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/jsoncheck.h"
#include "common/jsonlex.h"
#include "common/readfile.h"
#include "common/sha256.h"
#include "common/text.h"

assess_code answers_parse_json(const struct answers_load *ld, cJSON **out)
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
		size_t at = end ? (size_t)(end - ld->text) : 0;
		text_position(ld->text, at, &line, &col);
		if (jsoncheck_depth(ld->text, at) >= CJSON_NESTING_LIMIT)
			return assess_fail(ld->err, ASSESS_ERR_SYNTAX, ld->name, line, col,
					   "objects and arrays nested more than %d deep",
					   CJSON_NESTING_LIMIT);
		return assess_fail(ld->err, ASSESS_ERR_SYNTAX, ld->name, line, col, "%s",
				   ld->len ? "not valid JSON here"
					   : "empty file: expected a JSON object");
	}
	/* After the object, what cJSON skips between tokens: a stray ^Z is no text. */
	size_t rest = jsonlex_space(ld->text, ld->len, (size_t)(end - ld->text));
	if (rest < ld->len) {
		text_position(ld->text, rest, &line, &col);
		return assess_fail(ld->err, ASSESS_ERR_SYNTAX, ld->name, line, col,
				   "unexpected text after the JSON object");
	}
	if (!answers_is_type(*out, cJSON_Object))
		return answers_fail_at(ld, "$", NULL, -1, "expected a JSON object");
	return answers_check_tree(ld, *out);
}

/*
 * Copies the fields found in the file, the source name and, for answers_locate, the text (when
 * given) into one block: one allocation per answer set instead of eight, which a stream of them
 * notices.
 */
static int store_strings(answers *a, const char *const found[ANSWERS_FIELD_MAX], const char *source,
			 const struct answers_load *text)
{
	size_t sizes[ANSWERS_FIELD_MAX + 1], total = text ? text->len + 1 : 0;
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
	if (text) {
		memcpy(p, text->text, text->len);
		p[text->len] = '\0';
		a->text = p;
		a->text_len = text->len;
	}
	return 0;
}

/* A member of the enterprise or assessment block: base is "$.enterprise" or "$.assessment". */
static assess_code load_field(answers *a, const struct answers_load *ld, const cJSON *c,
			      const char *base, int first, int last,
			      const char *found[ANSWERS_FIELD_MAX])
{
	char why[160];
	int f = first;
	while (f <= last && !text_equal(answers_field_keys[f], c->string))
		f++;
	if (first == ANSWERS_NAME && text_equal(c->string, ANSWERS_KEY_ABOVE_SCALE)) {
		if (!cJSON_IsBool(c))
			return answers_fail_at(ld, base, c->string, -1,
					       "expected true or false, got %s",
					       answers_type_name(c));
		a->above_scale = cJSON_IsTrue(c);
		return ASSESS_OK;
	}
	if (first == ANSWERS_DATE && text_equal(c->string, ANSWERS_KEY_STAGE)) {
		const char *s = cJSON_GetStringValue(c);
		a->stage = !s                           ? ANSWERS_STAGE_NONE
			   : strcmp(s, "baseline") == 0 ? ANSWERS_STAGE_BASELINE
			   : strcmp(s, "post") == 0     ? ANSWERS_STAGE_POST
							: ANSWERS_STAGE_NONE;
		if (a->stage == ANSWERS_STAGE_NONE)
			return answers_fail_at(ld, base, c->string, -1,
					       "expected \"baseline\" or \"post\"");
		return ASSESS_OK;
	}
	if (f > last && first == ANSWERS_DATE) {
		bool taken = false;
		assess_code rc = answers_assessment_member(a, ld, c, &taken);
		if (taken)
			return rc;
	}
	if (f > last)
		return answers_fail_at(ld, base, c->string, -1, "unknown key \"%s\" in %s",
				       c->string, base + 2);
	if (!answers_is_type(c, cJSON_String))
		return answers_fail_at(ld, base, c->string, -1, "expected a string, got %s",
				       answers_type_name(c));
	const char *problem =
		answers_field_problem((answers_field)f, c->valuestring, why, sizeof why);
	if (problem)
		return answers_fail_at(ld, base, c->string, -1, "%s", problem);
	found[f] = c->valuestring;
	return ASSESS_OK;
}

/* Checks the fields of one block; found[] gets the strings, which stay the tree's. */
static assess_code load_fields(answers *a, const struct answers_load *ld, const cJSON *obj,
			       const char *base, int first, int last,
			       const char *found[ANSWERS_FIELD_MAX])
{
	if (!obj)
		return ASSESS_OK;
	if (answers_expect_object(ld, obj, base))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next)
		if (load_field(a, ld, c, base, first, last, found))
			return ASSESS_ERR_DATA;
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

static assess_code load_answers(answers *a, const struct answers_load *ld, const cJSON *obj)
{
	size_t next = 0;
	if (!obj)
		return answers_fail_at(ld, "$", NULL, -1, "no \"answers\" object");
	if (answers_expect_object(ld, obj, "$.answers"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = find_question(a->q, c->string, &next);
		if (!q)
			return answers_fail_at(ld, "$.answers", c->string, -1,
					       "questionnaire %s has no question \"%s\"",
					       questionnaire_id(a->q), c->string);
		if (answers_check_value(ld, q, c, &a->items[q->index], NULL))
			return ASSESS_ERR_DATA;
	}
	return ASSESS_OK;
}

static assess_code load_notes(answers *a, const struct answers_load *ld, const cJSON *obj)
{
	if (!obj)
		return ASSESS_OK;
	if (answers_expect_object(ld, obj, "$.notes"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = questionnaire_find(a->q, c->string);
		if (!q)
			return answers_fail_at(ld, "$.notes", c->string, -1,
					       "a note for \"%s\", which is not a question",
					       c->string);
		if (!answers_is_type(c, cJSON_String))
			return answers_fail_at(ld, "$.notes", c->string, -1,
					       "expected a string, got %s", answers_type_name(c));
		if (answers_set_string(&a->items[q->index].note, c->valuestring))
			return answers_fail_nomem(ld);
	}
	return ASSESS_OK;
}

/* Fails on a top-level key of no known name, listing the known ones from the key table. */
static assess_code unknown_top_key(const struct answers_load *ld, const char *key)
{
	char known[256];
	size_t used = 0;
	known[0] = '\0';
	for (int k = 0; k < ANSWERS_TOP_MAX; k++)
		text_appendf(known, sizeof known, &used, "%s%s", k ? ", " : "",
			     answers_top_keys[k]);
	return answers_fail_at(ld, "$", key, -1, "unknown key \"%s\" (expected %s)", key, known);
}

/* Files each member of root under its key in top[]; fails on a key of no such name. */
static assess_code sort_top_keys(const struct answers_load *ld, cJSON *root,
				 cJSON *top[ANSWERS_TOP_MAX])
{
	memset(top, 0, ANSWERS_TOP_MAX * sizeof *top);
	for (cJSON *c = root->child; c; c = c->next) {
		int k = 0;
		while (k < ANSWERS_TOP_MAX && !text_equal(answers_top_keys[k], c->string))
			k++;
		if (k == ANSWERS_TOP_MAX)
			return unknown_top_key(ld, c->string);
		top[k] = c;
	}
	return ASSESS_OK;
}

/* The finance, status and awards blocks, kept for the subsidy engine unless told not to. */
static assess_code keep_blocks(answers *a, const struct answers_load *ld, cJSON *root,
			       cJSON *const top[ANSWERS_TOP_MAX], unsigned flags)
{
	if (flags & ANSWERS_NO_BLOCKS)
		return ASSESS_OK;
	for (int b = 0; b < ANSWERS_N_BLOCKS; b++) {
		cJSON *block = top[ANSWERS_TOP_FINANCE + b];
		if (!block)
			continue;
		/* A borrowed tree dies with the reader's next text: the answers keep a copy. */
		a->blocks[b] = ld->borrowed ? cJSON_Duplicate(block, 1)
					    : cJSON_DetachItemViaPointer(root, block);
		if (!a->blocks[b])
			return answers_fail_nomem(ld);
	}
	return ASSESS_OK;
}

/* The record's members (record.h); a format 1 file has none and allocates nothing here. */
/* A file answered with another definition than the one it would be scored with. */
static assess_code other_instrument(const answers *a, const struct answers_load *ld)
{
	const char *v = answers_questionnaire_version(a);
	return answers_fail_at(ld, "$.questionnaire_sha256", NULL, -1,
			       "answered with %s version %s (SHA-256 %.12s…), but the installed "
			       "definition is version %s (SHA-256 %.12s…): --rescore scores it "
			       "with the installed one",
			       questionnaire_id(a->q), v ? v : "?", answers_questionnaire_sha256(a),
			       questionnaire_version(a->q), questionnaire_sha256(a->q));
}

static assess_code load_record(answers *a, const struct answers_load *ld,
			       cJSON *const top[ANSWERS_TOP_MAX], unsigned flags)
{
	assess_code rc = ASSESS_OK;
	if (top[ANSWERS_TOP_QN_VERSION] || top[ANSWERS_TOP_QN_SHA256])
		rc = answers_identity_load(a, ld, top[ANSWERS_TOP_QN_VERSION],
					   top[ANSWERS_TOP_QN_SHA256]);
	if (!rc && !(flags & ANSWERS_RESCORE) && !answers_instrument_matches(a))
		rc = other_instrument(a, ld);
	if (!rc && top[ANSWERS_TOP_EVIDENCE])
		rc = answers_evidence_load(a, ld, top[ANSWERS_TOP_EVIDENCE]);
	if (!rc && top[ANSWERS_TOP_FLAGS])
		rc = answers_flags_load(a, ld, top[ANSWERS_TOP_FLAGS]);
	if (!rc && top[ANSWERS_TOP_HISTORY])
		rc = answers_history_load(a, ld, top[ANSWERS_TOP_HISTORY]);
	if (!rc && top[ANSWERS_TOP_FINALIZED])
		rc = answers_finalized_load(a, ld, top[ANSWERS_TOP_FINALIZED]);
	return rc;
}

assess_code answers_record_take(answers *a, const char *key, const cJSON *v, const char *name,
				assess_error *err)
{
	struct answers_load ld = {.name = name ? name : "", .err = err};
	if (strcmp(key, answers_top_keys[ANSWERS_TOP_EVIDENCE]) == 0)
		return answers_evidence_load(a, &ld, v);
	if (strcmp(key, answers_top_keys[ANSWERS_TOP_FLAGS]) == 0)
		return answers_flags_load(a, &ld, v);
	if (strcmp(key, answers_top_keys[ANSWERS_TOP_HISTORY]) == 0)
		return answers_history_load(a, &ld, v);
	if (strcmp(key, answers_top_keys[ANSWERS_TOP_FINALIZED]) == 0)
		return answers_finalized_load(a, &ld, v);
	/* The members of "assessment" are told apart by their key: v under it, in a copy. */
	cJSON *holder = cJSON_CreateObject(), *copy = cJSON_Duplicate(v, 1);
	if (!holder || !copy || !cJSON_AddItemToObject(holder, key, copy)) {
		cJSON_Delete(holder);
		cJSON_Delete(copy);
		return answers_fail_nomem(&ld);
	}
	bool taken = false;
	assess_code rc = answers_assessment_member(a, &ld, copy, &taken);
	cJSON_Delete(holder);
	if (!taken)
		return assess_fail(err, ASSESS_ERR_DATA, ld.name, 0, 0,
				   "\"%s\" is not a member of the record", key);
	return rc;
}

static const questionnaire *resolve_questionnaire(const struct answers_load *ld, const cJSON *qid,
						  answers_resolver resolve, void *ctx)
{
	if (!answers_is_type(qid, cJSON_String)) {
		answers_fail_at(ld, qid ? "$.questionnaire" : "$", NULL, -1,
				"expected \"questionnaire\": the id of the questionnaire answered");
		return NULL;
	}
	const questionnaire *q = resolve(qid->valuestring, ctx, ld->err);
	/* A missing questionnaire is reported against the answer file that names it. */
	if (!q && ld->err && !ld->err->file[0]) {
		assess_error inner = *ld->err;
		answers_fail_at(ld, "$.questionnaire", NULL, -1, "%s", inner.msg);
		ld->err->code = inner.code;
	}
	return q;
}

answers *answers_bind(cJSON *root, const struct answers_load *ld, answers_resolver resolve,
		      void *ctx, unsigned flags)
{
	cJSON *top[ANSWERS_TOP_MAX];
	if (sort_top_keys(ld, root, top))
		return NULL;
	const questionnaire *q =
		resolve_questionnaire(ld, top[ANSWERS_TOP_QUESTIONNAIRE], resolve, ctx);
	if (!q)
		return NULL;
	answers *a = answers_new(q);
	if (!a) {
		answers_fail_nomem(ld);
		return NULL;
	}
	const char *found[ANSWERS_FIELD_MAX] = {0};
	if (load_fields(a, ld, top[ANSWERS_TOP_ENTERPRISE], "$.enterprise", ANSWERS_NAME,
			ANSWERS_INDUSTRY_CODE, found) ||
	    load_fields(a, ld, top[ANSWERS_TOP_ASSESSMENT], "$.assessment", ANSWERS_DATE,
			ANSWERS_LANG, found) ||
	    load_answers(a, ld, top[ANSWERS_TOP_ANSWERS]) ||
	    load_notes(a, ld, top[ANSWERS_TOP_NOTES]) || load_record(a, ld, top, flags) ||
	    answers_check_complete(a, ld, flags) || keep_blocks(a, ld, root, top, flags)) {
		answers_free(a);
		return NULL;
	}
	/* A file that names its questionnaire by path keeps naming it so when saved again. The
	 * text is kept where the blocks are, for the subsidy engine's errors (answers_locate). */
	const char *ref = top[ANSWERS_TOP_QUESTIONNAIRE]->valuestring;
	if (store_strings(a, found, ld->name, (flags & ANSWERS_NO_BLOCKS) ? NULL : ld) ||
	    (strcmp(ref, questionnaire_id(q)) != 0 && answers_set_questionnaire_ref(a, ref))) {
		answers_free(a);
		answers_fail_nomem(ld);
		return NULL;
	}
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
