/*
 * grow.h - room for more elements in an array that doubles as it grows.
 *
 * Lists built one element at a time (gaps, plan steps, overlaps, inputs, groups) keep an
 * array, its length and its capacity. Growing it by doubling is one rule, written here once:
 * its first capacity, the doubling, the size that would overflow size_t, and the array left
 * intact when memory runs out.
 *
 *     thing *items = NULL;
 *     size_t n = 0, cap = 0;
 *     thing *grown = grow_array(items, &cap, n + 1, sizeof *items, 16);
 *     if (!grown)
 *         ...out of memory: items and cap are as they were...
 *     items = grown;
 *     items[n++] = next;
 *
 * The array is passed and returned as a value, never through a `void **`: storing a `thing *`
 * through a `void **` would write one pointer type through another.
 *
 * Ownership: the array is the caller's, before and after; it is allocated with realloc(), so
 * the caller frees it with free(). On success the array passed in may have moved: only the
 * one returned is valid. On failure nothing changes and the caller still owns the old array.
 */
#ifndef ASSESS_GROW_H
#define ASSESS_GROW_H

#include <stddef.h>

/*
 * An array of *cap elements of size bytes (NULL when *cap is 0) with room for at least need
 * of them. When it already has, items comes back as it is (unless *cap is 0: an empty array
 * is given room for first elements, so a successful call never returns NULL). Otherwise the
 * capacity is first (or *cap) doubled until it holds need, at most SIZE_MAX / size elements,
 * *cap is set to it and the array moved there. size and first are at least 1.
 *
 * Returns NULL, with the array and *cap unchanged, when need elements of size bytes would
 * not fit in a size_t or realloc() refuses.
 */
void *grow_array(void *items, size_t *cap, size_t need, size_t size, size_t first);

#endif
