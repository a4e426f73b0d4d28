/*
 * save.c - the model back into an answer file: JSON text in the key table's order, written
 * atomically.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/atomicfile.h"
#include "common/text.h"

const char *answers_format(const answers *a, size_t question_index, char *buf, size_t size)
{
	return answers_format_value(questionnaire_question(a->q, question_index),
				    &a->items[question_index], buf, size);
}

const char *answers_format_value(const qn_question *q, const answer *ans, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!ans->given)
		return buf;
	if (q->kind == QN_SCENARIO) {
		snprintf(buf, size, "%d", ans->level);
	} else if (q->kind == QN_SINGLE) {
		snprintf(buf, size, "%s", q->options[ans->choice].code);
	} else {
		size_t used = 0;
		for (size_t i = 0; i < q->n_options; i++)
			if (ans->mask & (1ULL << i))
				text_appendf(buf, size, &used, "%s%s", used ? " " : "",
					     q->options[i].code);
	}
	return buf;
}

bool answers_json_add(cJSON *parent, const char *key, cJSON *item)
{
	bool added = parent && item &&
		     (key ? cJSON_AddItemToObject(parent, key, item)
			  : cJSON_AddItemToArray(parent, item));
	if (!added)
		cJSON_Delete(item); /* not in the tree: still ours */
	return added;
}

bool answers_json_add_string(cJSON *parent, const char *key, const char *value)
{
	return !value || answers_json_add(parent, key, cJSON_CreateString(value));
}

cJSON *answers_value_json(const qn_question *q, const answer *ans)
{
	if (!ans->given)
		return cJSON_CreateNull();
	if (q->kind == QN_SCENARIO)
		return cJSON_CreateNumber(ans->level);
	if (q->kind == QN_SINGLE)
		return cJSON_CreateString(q->options[ans->choice].code);
	cJSON *arr = cJSON_CreateArray();
	bool ok = arr != NULL;
	for (size_t i = 0; ok && i < q->n_options; i++)
		if (ans->mask & (1ULL << i))
			ok = answers_json_add_string(arr, NULL, q->options[i].code);
	if (ok)
		return arr;
	cJSON_Delete(arr);
	return NULL;
}

static bool add_fields(cJSON *obj, const answers *a, int first, int last)
{
	bool ok = obj != NULL;
	for (int f = first; ok && f <= last; f++)
		ok = answers_json_add_string(obj, answers_field_keys[f], a->fields[f]);
	return ok;
}

static bool add_enterprise(cJSON *root, const answers *a)
{
	cJSON *ent = cJSON_AddObjectToObject(root, answers_top_keys[ANSWERS_TOP_ENTERPRISE]);
	return add_fields(ent, a, ANSWERS_NAME, ANSWERS_INDUSTRY_CODE) &&
	       (a->above_scale < 0 ||
		cJSON_AddBoolToObject(ent, ANSWERS_KEY_ABOVE_SCALE, a->above_scale));
}

static bool add_assessment(cJSON *root, const answers *a)
{
	cJSON *as = cJSON_AddObjectToObject(root, answers_top_keys[ANSWERS_TOP_ASSESSMENT]);
	return add_fields(as, a, ANSWERS_DATE, ANSWERS_DATE) &&
	       (a->stage == ANSWERS_STAGE_NONE ||
		answers_json_add_string(as, ANSWERS_KEY_STAGE, answers_stage_name(a->stage))) &&
	       add_fields(as, a, ANSWERS_ASSESSOR, ANSWERS_LANG) && answers_assessment_json(as, a);
}

/* A record member, when there is one to write; false when memory ran out making it. */
static bool add_member(cJSON *root, int key, cJSON *(*make)(const answers *, bool *),
		       const answers *a)
{
	bool ok = true;
	cJSON *value = make(a, &ok);
	return ok && (!value || answers_json_add(root, answers_top_keys[key], value));
}

/* The answers, and the notes when there are any. */
static bool add_answers(cJSON *root, const answers *a)
{
	cJSON *ans = cJSON_AddObjectToObject(root, answers_top_keys[ANSWERS_TOP_ANSWERS]);
	cJSON *notes = cJSON_CreateObject();
	bool ok = ans && notes;
	for (size_t i = 0; ok && i < questionnaire_n_questions(a->q); i++) {
		const qn_question *q = questionnaire_question(a->q, i);
		if (a->items[i].given)
			ok = answers_json_add(ans, q->id, answers_value_json(q, &a->items[i]));
		if (ok)
			ok = answers_json_add_string(notes, q->id, a->items[i].note);
	}
	if (ok && notes->child)
		return answers_json_add(root, answers_top_keys[ANSWERS_TOP_NOTES], notes);
	cJSON_Delete(notes);
	return ok;
}

static bool add_blocks(cJSON *root, const answers *a)
{
	bool ok = true;
	for (int b = 0; ok && b < ANSWERS_N_BLOCKS; b++)
		if (a->blocks[b])
			ok = answers_json_add(root, answers_block_names[b],
					      cJSON_Duplicate(a->blocks[b], 1));
	return ok;
}

char *answers_to_json(const answers *a)
{
	cJSON *root = cJSON_CreateObject();
	/* The file is stamped with the instrument of the command that writes it. */
	bool ok = root &&
		  answers_json_add_string(root, answers_top_keys[ANSWERS_TOP_QUESTIONNAIRE],
					  answers_questionnaire_ref(a)) &&
		  answers_json_add_string(root, answers_top_keys[ANSWERS_TOP_QN_VERSION],
					  questionnaire_version(a->q)) &&
		  answers_json_add_string(root, answers_top_keys[ANSWERS_TOP_QN_SHA256],
					  questionnaire_sha256(a->q)) &&
		  add_enterprise(root, a) && add_assessment(root, a) && add_answers(root, a) &&
		  add_member(root, ANSWERS_TOP_EVIDENCE, answers_evidence_json, a) &&
		  add_member(root, ANSWERS_TOP_FLAGS, answers_flags_json, a) &&
		  add_member(root, ANSWERS_TOP_HISTORY, answers_history_json, a) &&
		  add_member(root, ANSWERS_TOP_FINALIZED, answers_finalized_json, a) &&
		  add_blocks(root, a);
	/* A tree with a part missing is never printed: the file would lose it without a word. */
	char *text = ok ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	return text;
}

assess_code answers_save(const answers *a, const char *path, unsigned flags, assess_error *err)
{
	char *text = answers_to_json(a);
	if (!text)
		return assess_nomem(err, path);
	size_t n = strlen(text);
	text[n] = '\n'; /* cJSON_Print leaves no final newline; reuse the NUL's byte */
	assess_code rc = atomicfile_write(path, text, n + 1, flags, err);
	free(text);
	return rc;
}
