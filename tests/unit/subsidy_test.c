/* Shared by the subsidy suites (subsidy_test.h). */
#include "config.h"
#include "tests/unit/subsidy_test.h"

#include <stdio.h>
#include <stdlib.h>

/* The shipped policies, loaded once per process; and a place in each one's area. */
static const struct {
	const char *id, *region_code;
} shipped[] = {{"quanzhou", "350503"},
	       {"jinjiang", "350582"},
	       {"putian", "350302"},
	       {"xiamen", "350203"},
	       {"pingluo", "640221"}};
#define N_SHIPPED (sizeof shipped / sizeof shipped[0])
static policy *loaded[N_SHIPPED];

static void free_policies(void)
{
	for (size_t i = 0; i < N_SHIPPED; i++)
		policy_free(loaded[i]);
}

const policy *sub_policy(const char *id)
{
	static bool registered;
	for (size_t i = 0; i < N_SHIPPED; i++) {
		if (strcmp(shipped[i].id, id) != 0)
			continue;
		if (!loaded[i]) {
			assess_error err = {0};
			if (!registered)
				atexit(free_policies);
			registered = true;
			loaded[i] = policy_open(id, POLICIES_DIR, &err);
			ck_assert_msg(loaded[i] != NULL, "%s: %s", id, err.msg);
		}
		return loaded[i];
	}
	ck_abort_msg("no policy %s", id);
	return NULL;
}

policy *sub_policy_xml(const char *xml)
{
	assess_error err = {0};
	policy *p = policy_load_memory(xml, strlen(xml), "t.xml", &err);
	ck_assert_msg(p != NULL, "t.xml: %s", err.msg);
	return p;
}

answers *sub_answers_raw(const char *blocks)
{
	char json[8192];
	snprintf(json, sizeof json, "{\"questionnaire\": \"miit-2024\", \"answers\": {}%s%s}",
		 *blocks ? ", " : "", blocks);
	return test_answers(json, ANSWERS_ALLOW_INCOMPLETE);
}

static void add_default(cJSON *obj, const char *key, cJSON *value)
{
	if (!cJSON_GetObjectItem(obj, key))
		cJSON_AddItemToObject(obj, key, value);
	else
		cJSON_Delete(value);
}

static cJSON *block(cJSON *root, const char *key)
{
	cJSON *b = cJSON_GetObjectItem(root, key);
	return b ? b : cJSON_AddObjectToObject(root, key);
}

answers *sub_answers(const char *id, const char *blocks)
{
	char json[8192];
	const char *code = NULL;
	for (size_t i = 0; i < N_SHIPPED; i++)
		if (strcmp(shipped[i].id, id) == 0)
			code = shipped[i].region_code;
	snprintf(json, sizeof json, "{%s}", blocks);
	cJSON *root = cJSON_Parse(json);
	ck_assert_msg(root != NULL, "the test's blocks are not JSON: %s", blocks);
	cJSON *ent = block(root, "enterprise"), *as = block(root, "assessment");
	cJSON *st = block(root, "status");
	if (code && !cJSON_GetObjectItem(ent, "region"))
		add_default(ent, "region_code", cJSON_CreateString(code));
	add_default(ent, "industry_code", cJSON_CreateString("C34"));
	add_default(as, "stage", cJSON_CreateString("post"));
	add_default(st, "pilot_enterprise", cJSON_CreateTrue());
	cJSON_AddStringToObject(root, "questionnaire", "miit-2024");
	cJSON_AddItemToObject(root, "answers", cJSON_CreateObject());
	char *text = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	answers *a = test_answers(text, ANSWERS_ALLOW_INCOMPLETE);
	free(text);
	return a;
}

static subsidy_result *compute(const char *id, const subsidy_options *o, answers *a)
{
	assess_error err = {0};
	subsidy_result *r = subsidy_compute(sub_policy(id), a, o, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	answers_free(a); /* the result keeps nothing of the answers */
	return r;
}

subsidy_result *sub_calc_with(const char *id, const subsidy_options *o, const char *blocks)
{
	return compute(id, o, sub_answers(id, blocks));
}

subsidy_result *sub_calc(const char *id, int level, const char *date, const char *blocks)
{
	subsidy_options o = {.level = level, .date = date};
	return sub_calc_with(id, &o, blocks);
}

subsidy_result *sub_calc_raw(const char *id, int level, const char *date, const char *blocks)
{
	subsidy_options o = {.level = level, .date = date};
	return compute(id, &o, sub_answers_raw(blocks));
}

const subsidy_item *sub_item(const subsidy_result *r, const char *id)
{
	for (size_t i = 0; i < r->n_items; i++)
		if (strcmp(r->items[i].id, id) == 0)
			return &r->items[i];
	ck_abort_msg("no clause %s in %s", id, r->policy_id);
	return NULL;
}

bool sub_warned(const subsidy_result *r, const char *code)
{
	for (size_t i = 0; i < r->n_warnings; i++)
		if (strcmp(r->warnings[i].code, code) == 0)
			return true;
	return false;
}
