/*
 * keys.c - the one table of an answer file's keys: the loader sorts by it, the saver writes in
 * its order, and an unknown key's error lists it.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <string.h>

const char *const answers_top_keys[TOP_MAX] = {"questionnaire",
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

const char *const answers_record_keys[RECORD_MAX] = {"source", "team", "interviewees",
						     "site_visits"};

bool answers_record_is_compound(const char *key)
{
	for (int k = RECORD_TEAM; k < RECORD_MAX; k++)
		if (strcmp(answers_record_keys[k], key) == 0)
			return true;
	for (int k = TOP_EVIDENCE; k <= TOP_FINALIZED; k++)
		if (strcmp(answers_top_keys[k], key) == 0)
			return true;
	return false;
}
