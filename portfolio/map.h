/*
 * map.h - a string-keyed hash table of small integers (open addressing, FNV-1a).
 *
 * The portfolio groups enterprises by industry and region and pairs a baseline assessment with
 * its post-transformation one by credit code; each needs "have I seen this key, and where".
 * Keys are copied; values are whatever index the caller keeps its records under.
 *
 *     portfolio_map *m = portfolio_map_new();
 *     size_t *slot; bool fresh;
 *     if (portfolio_map_put(m, "纺织服装", &slot, &fresh)) ... // NOMEM
 *     if (fresh) *slot = n_groups++;
 *     portfolio_map_free(m);
 *
 * Ownership: the map owns its key copies. A slot pointer is valid until the next put.
 */
#ifndef ASSESS_PORTFOLIO_MAP_H
#define ASSESS_PORTFOLIO_MAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct portfolio_map portfolio_map;

portfolio_map *portfolio_map_new(void);
void portfolio_map_free(portfolio_map *m);
/* Finds key or adds it (*fresh tells which); *slot is its value. Returns false on NOMEM. */
bool portfolio_map_put(portfolio_map *m, const char *key, size_t **slot, bool *fresh);
/* The value stored under key, or NULL. */
const size_t *portfolio_map_get(const portfolio_map *m, const char *key);
size_t portfolio_map_count(const portfolio_map *m);

#endif
