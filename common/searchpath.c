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
