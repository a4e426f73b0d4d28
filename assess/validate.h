/*
 * validate.h - check a definition file of any kind, for `assess validate`.
 */
#ifndef ASSESS_VALIDATE_H
#define ASSESS_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>
#include "assess/cli.h"

/*
 * Loads the XML definition at path by its root element (<questionnaire> or <policy>), with
 * every load-time check. On success writes a short description into what and returns true.
 */
bool validate_definition(cli *c, const char *path, char *what, size_t size, assess_error *err);

#endif
