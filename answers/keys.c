/*
 * keys.c - the one table of an answer file's keys: the loader sorts by it, the saver writes in
 * its order, and an unknown key's error lists it.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <string.h>

const char *const answers_top_keys[ANSWERS_TOP_MAX] = {"questionnaire",
						       "questionnaire_version",
						       "questionnaire_sha256",
						       "enterprise",
						       "assessment",
						       "answers",
						       "notes",
						       "evidence",
						       "flags",
						       "history",
						       "finalized",
						       "finance",
						       "status",
						       "awards"};

const char *const answers_block_names[ANSWERS_N_BLOCKS] = {"finance", "status", "awards"};

const char *const answers_field_keys[ANSWERS_FIELD_MAX] = {"name",          "credit_code",
							   "industry",      "size",
							   "region",        "region_code",
							   "industry_code", "date",
							   "assessor",      "report_no",
							   "lang"};

const char *const answers_record_keys[ANSWERS_RECORD_MAX] = {"source", "team", "interviewees",
							     "site_visits"};

const char *const answers_person_keys[PERSON_MAX] = {"name", "role", "organisation", "title"};

const char *answers_top_key(answers_top k)
{
	return k >= 0 && k < ANSWERS_TOP_MAX ? answers_top_keys[k] : NULL;
}

const char *answers_record_key(answers_record_member m)
{
	return m >= 0 && m < ANSWERS_RECORD_MAX ? answers_record_keys[m] : NULL;
}

const char *answers_field_key(answers_field f)
{
	return f >= 0 && f < ANSWERS_FIELD_MAX ? answers_field_keys[f] : NULL;
}

const char *answers_block_key(size_t b)
{
	return b < ANSWERS_N_BLOCKS ? answers_block_names[b] : NULL;
}

bool answers_record_is_compound(const char *key)
{
	for (int k = ANSWERS_RECORD_TEAM; k < ANSWERS_RECORD_MAX; k++)
		if (strcmp(answers_record_keys[k], key) == 0)
			return true;
	for (int k = ANSWERS_TOP_EVIDENCE; k <= ANSWERS_TOP_FINALIZED; k++)
		if (strcmp(answers_top_keys[k], key) == 0)
			return true;
	return false;
}

bool answers_record_is_person_key(const char *key)
{
	for (int k = 0; k < PERSON_MAX; k++)
		if (strcmp(answers_person_keys[k], key) == 0)
			return true;
	return false;
}
