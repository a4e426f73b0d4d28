#include "config.h"
#include "questionnaires/questionnaire.h"

#include <string.h>
#include "common/searchpath.h"
#include "common/text.h"

static questionnaire *load_checked(const char *path, const char *id, assess_error *err)
{
	questionnaire *q = questionnaire_load(path, err);
	if (q && strcmp(questionnaire_id(q), id) != 0) {
		assess_fail(err, ASSESS_ERR_DATA, path, 0, 0,
			    "defines questionnaire \"%s\", but is installed as \"%s\"",
			    questionnaire_id(q), id);
		questionnaire_free(q);
		return NULL;
	}
	return q;
}

questionnaire *questionnaire_open(const char *id_or_path, const char *search_path,
				  assess_error *err)
{
	char path[4096];
	if (searchpath_is_path(id_or_path)) {
		/* A path an answer file gives: a definition file, never /etc/passwd or a device. */
		if (!text_ends_with(id_or_path, ".xml")) {
			assess_fail(
				err, ASSESS_ERR_DATA, NULL, 0, 0,
				"\"%s\" is neither a questionnaire id nor the path of an .xml file",
				id_or_path);
			return NULL;
		}
		return questionnaire_load(id_or_path, err);
	}
	if (!searchpath_valid_id(id_or_path)) {
		assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
			    "\"%s\" is not a questionnaire id (letters, digits, - _ .)",
			    id_or_path);
		return NULL;
	}
	if (searchpath_find(search_path, id_or_path, path, sizeof path))
		return load_checked(path, id_or_path, err);
	assess_fail(err, ASSESS_ERR_NOTFOUND, NULL, 0, 0,
		    "questionnaire \"%s\" is not installed (looked in %s)", id_or_path,
		    search_path ? search_path : "no folder");
	return NULL;
}
