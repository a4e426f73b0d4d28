/*
 * creditcode.h - the 18-character unified social credit code (GB 32100-2015).
 */
#ifndef ASSESS_CREDITCODE_H
#define ASSESS_CREDITCODE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Returns true if code is 18 characters from the standard's 31-character alphabet
 * (0-9 and A-Z without I, O, Z, S, V) whose last character is the check character.
 * Otherwise writes a short English reason into why (if not NULL).
 */
bool creditcode_valid(const char *code, char *why, size_t why_size);
/* The check character for the first 17 characters, or '\0' if one is outside the alphabet. */
char creditcode_check_char(const char *first17);

#endif
