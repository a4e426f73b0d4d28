#include "config.h"
#include "questionnaires/questionnaire.h"

#include "common/searchpath.h"

questionnaire *questionnaire_open(const char *id_or_path, const char *search_path,
				  assess_error *err)
{
	char path[4096];
	const char *file;
	searchpath_found found = searchpath_locate(id_or_path, search_path, "questionnaire", "",
						   path, sizeof path, &file, err);
	if (found == SEARCHPATH_FAILED)
		return NULL;
	questionnaire *q = questionnaire_load(file, err);
	if (q && found == SEARCHPATH_INSTALLED &&
	    searchpath_check_id(file, "questionnaire", questionnaire_id(q), id_or_path, err)) {
		questionnaire_free(q);
		return NULL;
	}
	return q;
}
