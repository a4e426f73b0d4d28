/*
 * searchpath.h - finding an installed definition (a questionnaire, a policy) by id along a
 * colon-separated list of folders, as $ASSESS_QUESTIONNAIRES and $ASSESS_POLICIES give them.
 */
#ifndef ASSESS_SEARCHPATH_H
#define ASSESS_SEARCHPATH_H

#include <stdbool.h>
#include <stddef.h>

/* A '/' or a ".xml" ending: the name of a file, not an id. */
bool searchpath_is_path(const char *s);
/* Letters, digits, - _ . and not a leading '.': an id names a file, so it may not climb out. */
bool searchpath_valid_id(const char *id);
/* Writes the first DIR/ID.xml that exists into path; false when no folder has one. */
bool searchpath_find(const char *dirs, const char *id, char *path, size_t size);

#endif
