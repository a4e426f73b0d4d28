/*
 * keyset.h - a set of strings, to find a repeated key or id in time linear in their number.
 *
 * Loaders check that no object repeats a key and no definition repeats an id. Comparing each
 * with all before it took minutes on an object of 600,000 keys; this open-addressing table
 * takes each in constant time. It is kept and cleared between uses, so a stream of texts
 * allocates nothing once it has seen its largest object.
 *
 *     keyset *ks = keyset_new();
 *     keyset_clear(ks);
 *     for (each key k of length n)
 *         if (keyset_add(ks, k, n) != 0) ...repeated, or out of memory (-1)...
 *     keyset_free(ks);
 *
 * Ownership: the set keeps pointers to the keys, not copies; they must stay valid and
 * unchanged until the next keyset_clear() or keyset_free().
 */
#ifndef ASSESS_KEYSET_H
#define ASSESS_KEYSET_H

#include <stddef.h>

typedef struct keyset keyset;

keyset *keyset_new(void); /* NULL when memory runs out; allocates nothing more until used */
void keyset_free(keyset *ks);
/* Empties the set, keeping its memory for the next use. */
void keyset_clear(keyset *ks);
/* Adds key[0..len): 0 if it was new, 1 if the set already held it, -1 if memory ran out. */
int keyset_add(keyset *ks, const char *key, size_t len);

#endif
