#include "config.h"
#include "common/grow.h"

#include <stdint.h>
#include <stdlib.h>

void *grow_array(void *items, size_t *cap, size_t need, size_t size, size_t first)
{
	if (*cap && need <= *cap)
		return items;
	/* n * size must fit in a size_t: past max the doubling stops, and a need past it fails. */
	size_t max = SIZE_MAX / size;
	if (need > max)
		return NULL;
	/* With *cap > 0, need > *cap here: the loop doubles at least once. */
	size_t n = *cap ? *cap : first ? first : 1;
	while (n < need)
		n = n > max / 2 ? max : n * 2;
	if (n > max)
		n = max;
	void *grown = realloc(items, n * size);
	if (!grown)
		return NULL;
	*cap = n;
	return grown;
}
