/*
 * arena.h - bump allocation for objects that live and die together.
 *
 * A loaded questionnaire or policy is read-only after load and freed as a whole, so its nodes and
 * strings come from one arena and arena_free() releases everything at once: no per-node free
 * paths to get wrong on a half-built tree.
 *
 * Ownership: arena_new() returns an arena the caller frees with arena_free() (NULL is fine).
 * Every pointer from arena_alloc()/arena_strdup() dies with the arena.
 */
#ifndef ASSESS_ARENA_H
#define ASSESS_ARENA_H

#include <stdbool.h>
#include <stddef.h>

typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
/* Zeroed, aligned for any type; NULL when memory runs out. */
void *arena_alloc(arena *a, size_t size);
void *arena_calloc(arena *a, size_t n, size_t size);
char *arena_strdup(arena *a, const char *s); /* NULL in, NULL out */
char *arena_strndup(arena *a, const char *s, size_t n);
/*
 * Whether any allocation from a has failed. A loader checks it at the end: a copy that could
 * not be made reads like an absent attribute, and what fails next is not what is wrong.
 */
bool arena_failed(const arena *a);

#endif
