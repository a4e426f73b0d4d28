#include "config.h"
#include "questionnaires/questionnaire.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int looks_like_path(const char *s)
{
	size_t n = strlen(s);
	return strchr(s, '/') || (n > 4 && strcmp(s + n - 4, ".xml") == 0);
}

/* Ids name files, so they may not climb out of the folder they are looked up in. */
static int valid_id(const char *id)
{
	if (!*id || *id == '.')
		return 0;
	for (const char *p = id; *p; p++)
		if (!(*p == '-' || *p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
		      (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			return 0;
	return 1;
}

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

/* Tries dir/id.xml for each folder in a colon-separated list; *found says whether one existed. */
static questionnaire *try_dirs(const char *dirs, const char *id, int *found, assess_error *err)
{
	char *copy = strdup(dirs), *save = NULL;
	questionnaire *q = NULL;
	for (char *d = copy ? strtok_r(copy, ":", &save) : NULL; d && !*found;
	     d = strtok_r(NULL, ":", &save)) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.xml", d, id);
		if (access(path, F_OK) == 0) {
			*found = 1;
			q = load_checked(path, id, err);
		}
	}
	free(copy);
	return q;
}

questionnaire *questionnaire_open(const char *id_or_path, const char *search_path,
				  assess_error *err)
{
	if (looks_like_path(id_or_path))
		return questionnaire_load(id_or_path, err);
	if (!valid_id(id_or_path)) {
		assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
			    "\"%s\" is not a questionnaire id (letters, digits, - _ .)", id_or_path);
		return NULL;
	}
	int found = 0;
	questionnaire *q = search_path ? try_dirs(search_path, id_or_path, &found, err) : NULL;
	if (!found)
		assess_fail(err, ASSESS_ERR_NOTFOUND, NULL, 0, 0,
			    "questionnaire \"%s\" is not installed (looked in %s)", id_or_path,
			    search_path ? search_path : "no folder");
	return q;
}
