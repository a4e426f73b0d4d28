/*
 * answers.c - the model: an answer set's life, its getters, and the setters the interview uses
 * (which hold a value typed in to the loader's checks, in checks.c).
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/lang.h"
#include "common/text.h"

answers *answers_new(const questionnaire *q)
{
	answers *a = calloc(1, sizeof *a + (questionnaire_n_questions(q) + 1) * sizeof(answer));
	if (!a)
		return NULL;
	a->q = q;
	a->above_scale = -1;
	a->n_missing = questionnaire_n_questions(q);
	return a;
}

void answers_free(answers *a)
{
	if (!a)
		return;
	size_t n = questionnaire_n_questions(a->q);
	for (size_t i = 0; i < n; i++)
		if (a->items[i].note) /* notes are rare: skip the call */
			free(a->items[i].note);
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++)
		if (a->own_fields & (1u << f))
			free(a->fields[f]);
	for (int b = 0; b < ANSWERS_N_BLOCKS; b++)
		cJSON_Delete(a->blocks[b]);
	answers_record_free(a->rec, n);
	free(a->strings);
	free(a->qref);
	free(a);
}

struct answers_record *answers_record_get(answers *a)
{
	if (!a->rec)
		a->rec = calloc(1, sizeof *a->rec);
	return a->rec;
}

void answers_record_free(struct answers_record *r, size_t n_questions)
{
	if (!r)
		return;
	free(r->qn_version);
	free(r->qn_sha);
	answers_people_clear(&r->team);
	answers_people_clear(&r->interviewees);
	free(r->visits);
	for (size_t i = 0; r->evidence && i < n_questions; i++)
		answers_evidence_clear(&r->evidence[i]);
	free(r->evidence);
	for (size_t i = 0; r->flags && i < n_questions; i++)
		free(r->flags[i]);
	free(r->flags);
	answers_history_clear(r);
	free(r->fin_at);
	free(r->fin_by);
	free(r->reopen_reason);
	free(r);
}

bool answers_equal(const qn_question *q, const answer *x, const answer *y)
{
	if (x->given != y->given)
		return false;
	if (!x->given)
		return true;
	if (q->kind == QN_SCENARIO)
		return x->level == y->level;
	if (q->kind == QN_SINGLE)
		return x->choice == y->choice;
	return x->mask == y->mask;
}

int answers_set_string(char **slot, const char *value)
{
	char *copy = value ? strdup(value) : NULL;
	if (value && !copy)
		return -1;
	free(*slot);
	*slot = copy;
	return 0;
}

/* ---- access ---- */

const questionnaire *answers_questionnaire(const answers *a) { return a->q; }
const char *answers_source(const answers *a) { return a->source; }

const char *answers_questionnaire_ref(const answers *a)
{
	return a->qref ? a->qref : questionnaire_id(a->q);
}

assess_code answers_set_questionnaire_ref(answers *a, const char *ref)
{
	char *copy = ref ? strdup(ref) : NULL;
	if (ref && !copy)
		return ASSESS_ERR_NOMEM;
	free(a->qref);
	a->qref = copy;
	return ASSESS_OK;
}
const char *answers_sha256(const answers *a) { return a->sha; }
size_t answers_n_missing(const answers *a) { return a->n_missing; }
int answers_above_scale(const answers *a) { return a->above_scale; }
answers_stage answers_stage_get(const answers *a) { return a->stage; }

const answer *answers_items(const answers *a) { return a->items; }

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

const char *answers_stage_label(answers_stage s, answers_stage_wording w, qn_lang lang)
{
	/* [wording][stage - ANSWERS_STAGE_BASELINE] */
	static const qn_text labels[ANSWERS_STAGE_N_WORDINGS][2] = {
		[ANSWERS_STAGE_SHORT] = {{"改造前", "baseline"}, {"改造后", "post"}},
		[ANSWERS_STAGE_BEFORE_AFTER] = {{"改造前", "before"}, {"改造后", "after"}},
		[ANSWERS_STAGE_ASSESSMENT] = {{"改造前评测", "baseline"},
					      {"改造后评测", "post-transformation"}},
		[ANSWERS_STAGE_TITLE] = {{"改造前评测", "Baseline (before transformation)"},
					 {"改造后评测", "Post-transformation assessment"}},
		[ANSWERS_STAGE_GLOSSED] = {{"改造前（基线）", "baseline (before transformation)"},
					   {"改造后", "post-transformation"}},
	};
	if ((s != ANSWERS_STAGE_BASELINE && s != ANSWERS_STAGE_POST) ||
	    (unsigned)w >= ANSWERS_STAGE_N_WORDINGS)
		return NULL;
	return qn_text_get(&labels[w][s - ANSWERS_STAGE_BASELINE], lang);
}

const char *answers_profile_label(answers_profile_item item, answers_profile_wording w,
				  qn_lang lang)
{
	/* [wording][item]; a wording's blank entry is ANSWERS_PROFILE_FIELD's */
	static const qn_text labels[ANSWERS_PROFILE_N_WORDINGS][ANSWERS_PROFILE_N_ITEMS] = {
		[ANSWERS_PROFILE_FIELD] =
			{
				[ANSWERS_PROFILE_NAME] = {"企业名称", "Enterprise name"},
				[ANSWERS_PROFILE_CREDIT_CODE] = {"统一社会信用代码",
								 "Unified social credit code"},
				[ANSWERS_PROFILE_INDUSTRY] = {"所属行业", "Industry"},
				[ANSWERS_PROFILE_INDUSTRY_CODE] = {"行业代码", "Industry code"},
				[ANSWERS_PROFILE_SIZE] = {"企业规模", "Size"},
				[ANSWERS_PROFILE_ABOVE_SCALE] = {"规模以上企业",
								 "Above designated size"},
				[ANSWERS_PROFILE_REGION] = {"所在地区", "Region"},
				[ANSWERS_PROFILE_REGION_CODE] = {"地区代码", "Region code"},
				[ANSWERS_PROFILE_DATE] = {"评测日期", "Assessment date"},
				[ANSWERS_PROFILE_STAGE] = {"评测阶段", "Stage"},
				[ANSWERS_PROFILE_SOURCE] = {"评测方式", "Source"},
				[ANSWERS_PROFILE_ASSESSOR] = {"评测人员", "Assessor"},
				[ANSWERS_PROFILE_REPORT_NO] = {"报告编号", "Report number"},
				[ANSWERS_PROFILE_TEAM] = {"评测组", "Team"},
				[ANSWERS_PROFILE_INTERVIEWEES] = {"受访人", "Interviewees"},
				[ANSWERS_PROFILE_SITE_VISITS] = {"现场走访日期", "Site visits"},
			},
		[ANSWERS_PROFILE_COLUMN] =
			{
				[ANSWERS_PROFILE_NAME] = {"企业名称", "Enterprise"},
				[ANSWERS_PROFILE_CREDIT_CODE] = {"统一社会信用代码", "Credit code"},
				[ANSWERS_PROFILE_INDUSTRY] = {"行业", "Industry"},
				[ANSWERS_PROFILE_SIZE] = {"规模", "Size"},
				[ANSWERS_PROFILE_ABOVE_SCALE] = {"规上", "Above scale"},
				[ANSWERS_PROFILE_REGION] = {"地区", "Region"},
				[ANSWERS_PROFILE_DATE] = {"评测日期", "Date"},
				[ANSWERS_PROFILE_STAGE] = {"阶段", "Stage"},
			},
		[ANSWERS_PROFILE_QUESTION] =
			{
				[ANSWERS_PROFILE_ABOVE_SCALE] = {"是否规模以上企业",
								 "Above designated size?"},
			},
		[ANSWERS_PROFILE_FORM] =
			{
				[ANSWERS_PROFILE_ASSESSOR] = {"填表人及联系方式",
							      "Filled in by (name, contact)"},
			},
		[ANSWERS_PROFILE_OVERVIEW] = {[ANSWERS_PROFILE_NAME] = {"企业名称", "Name"}},
		[ANSWERS_PROFILE_RECORD] =
			{
				[ANSWERS_PROFILE_DATE] = {"评测日期", "Assessed on"},
				[ANSWERS_PROFILE_SOURCE] = {"评测方式", "How assessed"},
				[ANSWERS_PROFILE_TEAM] = {"评测组", "Assessment team"},
				[ANSWERS_PROFILE_INTERVIEWEES] = {"受访人员", "Interviewees"},
				[ANSWERS_PROFILE_SITE_VISITS] = {"现场评定日期", "Days on site"},
			},
	};
	if ((unsigned)item >= ANSWERS_PROFILE_N_ITEMS || (unsigned)w >= ANSWERS_PROFILE_N_WORDINGS)
		return NULL;
	const qn_text *t =
		labels[w][item].zh ? &labels[w][item] : &labels[ANSWERS_PROFILE_FIELD][item];
	return qn_text_get(t, lang);
}

const char *answers_identification(const answers *a, answers_ident_wording w, qn_lang lang,
				   char *buf, size_t size)
{
	return answers_identify(a->fields[ANSWERS_NAME], a->fields[ANSWERS_CREDIT_CODE], w, lang,
				buf, size);
}

const char *answers_identify(const char *name, const char *code, answers_ident_wording w,
			     qn_lang lang, char *buf, size_t size)
{
	bool both = name && code;
	const char *head = w == ANSWERS_IDENT_LINE ? lang_pick(lang, "企业：", "Enterprise: ") : "";
	const char *open = both ? lang_pick(lang, "（", " (") : "";
	const char *close = both ? lang_pick(lang, "）", ")") : "";
	if (!size)
		return NULL;
	buf[0] = '\0';
	if (!name && !code)
		return NULL;
	/* what stays whole around the name; the name gets the room that is left */
	size_t fixed = strlen(head) + strlen(open) + (code ? strlen(code) : 0) + strlen(close);
	size_t room = size - 1 > fixed ? size - 1 - fixed : 0;
	int n = name ? (int)text_prefix_bytes(name, room) : 0;
	snprintf(buf, size, "%s%.*s%s%s%s", head, n, name ? name : "", open, code ? code : "",
		 close);
	buf[text_prefix_bytes(buf, size - 1)] = '\0'; /* a buffer too small even for the code */
	return buf;
}

const cJSON *answers_block(const answers *a, const char *name)
{
	for (int b = 0; b < ANSWERS_N_BLOCKS; b++)
		if (strcmp(answers_block_names[b], name) == 0)
			return a->blocks[b];
	return NULL;
}

int answers_status_flag(const answers *a, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(answers_block(a, "status"), key);
	return cJSON_IsBool(v) ? cJSON_IsTrue(v) : -1;
}

assess_code answers_set_status_flag(answers *a, const char *key, int value)
{
	cJSON **status = &a->blocks[ANSWERS_TOP_STATUS - ANSWERS_TOP_FINANCE];
	if (*status && !cJSON_IsObject(*status))
		return ASSESS_ERR_DATA;
	if (value < 0) {
		cJSON_DeleteItemFromObjectCaseSensitive(*status, key);
		if (*status && !(*status)->child) { /* nothing left: no block, as before */
			cJSON_Delete(*status);
			*status = NULL;
		}
		return ASSESS_OK;
	}
	if (!*status && !(*status = cJSON_CreateObject()))
		return ASSESS_ERR_NOMEM;
	cJSON *flag = cJSON_CreateBool(value != 0);
	if (!flag)
		return ASSESS_ERR_NOMEM;
	bool ok = cJSON_GetObjectItemCaseSensitive(*status, key)
			  ? cJSON_ReplaceItemInObjectCaseSensitive(*status, key, flag)
			  : cJSON_AddItemToObject(*status, key, flag);
	if (!ok) { /* not attached: still ours */
		cJSON_Delete(flag);
		return ASSESS_ERR_NOMEM;
	}
	return ASSESS_OK;
}

assess_code answers_set_block(answers *a, const char *name, cJSON *block)
{
	for (int b = 0; b < ANSWERS_N_BLOCKS; b++)
		if (strcmp(answers_block_names[b], name) == 0) {
			cJSON_Delete(a->blocks[b]);
			a->blocks[b] = block;
			return ASSESS_OK;
		}
	cJSON_Delete(block);
	return ASSESS_ERR_USAGE;
}

/* ---- setting (the interview) ---- */

static int set_field(answers *a, answers_field f, const char *value)
{
	char *copy = value ? strdup(value) : NULL;
	if (value && !copy)
		return -1;
	if (a->own_fields & (1u << f))
		free(a->fields[f]);
	a->fields[f] = copy;
	a->own_fields |= 1u << f;
	return 0;
}

assess_code answers_set_field(answers *a, answers_field f, const char *value, assess_error *err)
{
	char why[160];
	const char *problem = value ? answers_field_problem(f, value, why, sizeof why) : NULL;
	if (problem)
		return assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0, "%s", problem);
	if (set_field(a, f, value && *value ? value : NULL))
		return assess_nomem(err, NULL);
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

/* codes as typed ("B C E", "bce", "B,C", "3") as the JSON value the loader checks. */
static assess_code typed_value(const qn_question *q, const char *codes, cJSON **out,
			       assess_error *err)
{
	cJSON *v = NULL;
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
		return assess_nomem(err, NULL);
	*out = v;
	return ASSESS_OK;
}

assess_code answers_set_text(answers *a, size_t question_index, const char *codes,
			     assess_error *err)
{
	const qn_question *q = questionnaire_question(a->q, question_index);
	struct answers_load ld = {NULL, 0, NULL, err, false};
	answer ans = {0};
	cJSON *v = NULL;
	assess_code rc = answers_check_open(a, err);
	if (!rc)
		rc = typed_value(q, codes, &v, err);
	if (rc)
		return rc;
	rc = answers_check_value(&ld, q, v, &ans, NULL);
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
	return answers_set_string(&a->items[question_index].note, note && *note ? note : NULL)
		       ? ASSESS_ERR_NOMEM
		       : ASSESS_OK;
}

assess_code answers_clear(answers *a, size_t question_index, assess_error *err)
{
	assess_code rc = answers_check_open(a, err);
	if (rc)
		return rc;
	char *note = a->items[question_index].note;
	memset(&a->items[question_index], 0, sizeof(answer));
	a->items[question_index].note = note;
	recount_missing(a);
	return ASSESS_OK;
}
