#include "config.h"
#include "common/searchpath.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "common/text.h"

bool searchpath_is_path(const char *s) { return strchr(s, '/') || text_has_extension(s, ".xml"); }

bool searchpath_valid_id(const char *id)
{
	if (!*id || *id == '.')
		return false;
	for (const char *p = id; *p; p++)
		if (!(*p == '-' || *p == '_' || *p == '.' || (*p >= '0' && *p <= '9') ||
		      (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			return false;
	return true;
}

/* Walks the list in place: nothing to allocate, so nothing to fail but the lookup itself. */
bool searchpath_find(const char *dirs, const char *id, char *path, size_t size)
{
	for (const char *d = dirs; d && *d;) {
		const char *colon = strchr(d, ':');
		size_t len = colon ? (size_t)(colon - d) : strlen(d);
		if (len > 0) {
			int n = snprintf(path, size, "%.*s/%s.xml", (int)len, d, id);
			if (n > 0 && (size_t)n < size && access(path, F_OK) == 0)
				return true;
		}
		d = colon ? colon + 1 : NULL;
	}
	return false;
}

searchpath_found searchpath_locate(const char *id_or_path, const char *dirs, const char *kind,
				   const char *hint, char *path, size_t size, const char **file,
				   assess_error *err)
{
	if (searchpath_is_path(id_or_path)) {
		*file = id_or_path;
		if (text_ends_with(id_or_path, ".xml"))
			return SEARCHPATH_FILE;
		assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
			    "\"%s\" is neither a %s id nor the path of an .xml file", id_or_path,
			    kind);
		return SEARCHPATH_FAILED;
	}
	*file = path;
	if (!searchpath_valid_id(id_or_path)) {
		assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
			    "\"%s\" is not a %s id (letters, digits, - _ .)", id_or_path, kind);
		return SEARCHPATH_FAILED;
	}
	if (searchpath_find(dirs, id_or_path, path, size))
		return SEARCHPATH_INSTALLED;
	assess_fail(err, ASSESS_ERR_NOTFOUND, NULL, 0, 0,
		    "%s \"%s\" is not installed (looked in %s%s)", kind, id_or_path,
		    dirs ? dirs : "no folder", hint);
	return SEARCHPATH_FAILED;
}

assess_code searchpath_check_id(const char *path, const char *kind, const char *defined,
				const char *id, assess_error *err)
{
	if (strcmp(defined, id) == 0)
		return ASSESS_OK;
	return assess_fail(err, ASSESS_ERR_DATA, path, 0, 0,
			   "defines %s \"%s\", but is installed as \"%s\"", kind, defined, id);
}
