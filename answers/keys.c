/*
 * keys.c - the one table of an answer file's keys: the loader sorts by it, the saver writes in
 * its order, and an unknown key's error lists it.
 */
#include "config.h"
#include "answers/answers_internal.h"

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
