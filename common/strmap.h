/*
 * strmap.h - a string-keyed hash table of small integers (open addressing, FNV-1a).
 *
 * A portfolio groups enterprises by industry and region and pairs a baseline assessment with
 * its post-transformation one by credit code; each needs "have I seen this key, and where".
 * Keys are copied; values are whatever index the caller keeps its records under.
 *
 *     strmap *m = strmap_new();
 *     size_t *slot; bool fresh;
 *     if (strmap_put(m, "纺织服装", &slot, &fresh)) ... // NOMEM
 *     if (fresh) *slot = n_groups++;
 *     strmap_free(m);
 *
 * Ownership: the map owns its key copies. A slot pointer is valid until the next put.
 */
#ifndef ASSESS_STRMAP_H
#define ASSESS_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct strmap strmap;

strmap *strmap_new(void);
void strmap_free(strmap *m);
/* Finds key or adds it (*fresh tells which); *slot is its value. Returns false on NOMEM. */
bool strmap_put(strmap *m, const char *key, size_t **slot, bool *fresh);
/* The value stored under key, or NULL. */
const size_t *strmap_get(const strmap *m, const char *key);
size_t strmap_count(const strmap *m);

#endif
