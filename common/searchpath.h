/*
 * searchpath.h - finding an installed definition (a questionnaire, a policy) by id along a
 * colon-separated list of folders, as $ASSESS_QUESTIONNAIRES and $ASSESS_POLICIES give them.
 */
#ifndef ASSESS_SEARCHPATH_H
#define ASSESS_SEARCHPATH_H

#include <stdbool.h>
#include <stddef.h>
#include "common/error.h"

/* A '/' or a ".xml" ending: the name of a file, not an id. */
bool searchpath_is_path(const char *s);
/* Letters, digits, - _ . and not a leading '.': an id names a file, so it may not climb out. */
bool searchpath_valid_id(const char *id);
/* Writes the first DIR/ID.xml that exists into path; false when no folder has one. */
bool searchpath_find(const char *dirs, const char *id, char *path, size_t size);

/* What searchpath_locate() found a name to be. */
typedef enum searchpath_found {
	SEARCHPATH_FAILED = -1, /* err says why */
	SEARCHPATH_FILE,        /* a path, taken as given */
	SEARCHPATH_INSTALLED    /* an id found along the folders: the file must define that id */
} searchpath_found;

/*
 * Where the definition id_or_path names is, for every kind of definition alike: `kind` is the
 * word the errors use ("questionnaire", "policy"), `hint` what they add after the folders
 * looked in ("" or "; see `assess policies`"). A path must end in ".xml": names come from
 * answer files and command lines, and a definition is a file, never /etc/passwd or a device.
 * An id must be valid (searchpath_valid_id) and installed in one of dirs. *file is then
 * id_or_path itself or path (size bytes, written here). An id that cannot name a file is bad
 * data (ASSESS_ERR_DATA) wherever it comes from; one no folder has is ASSESS_ERR_NOTFOUND.
 */
searchpath_found searchpath_locate(const char *id_or_path, const char *dirs, const char *kind,
				   const char *hint, char *path, size_t size, const char **file,
				   assess_error *err);
/*
 * A file found as installed id `id` (SEARCHPATH_INSTALLED) that defines `defined` instead is
 * refused at path: ASSESS_ERR_DATA, with err filled. ASSESS_OK when they are the same.
 */
assess_code searchpath_check_id(const char *path, const char *kind, const char *defined,
				const char *id, assess_error *err);

#endif
