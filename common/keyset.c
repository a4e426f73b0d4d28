#include "config.h"
#include "common/keyset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct slot {
	const char *key; /* NULL: empty */
	size_t len;
	uint64_t hash;
};

struct keyset {
	struct slot *slots;
	size_t cap;  /* a power of two, or 0 */
	size_t used; /* keys held; kept at most half of cap */
};

keyset *keyset_new(void) { return calloc(1, sizeof(keyset)); }

void keyset_free(keyset *ks)
{
	if (!ks)
		return;
	free(ks->slots);
	free(ks);
}

void keyset_clear(keyset *ks)
{
	/*
	 * Wiping costs the table's size: after one huge object, give the table back rather than
	 * wipe it for every small one that follows.
	 */
	if (ks->cap > 1024 && ks->used * 8 < ks->cap) {
		free(ks->slots);
		ks->slots = NULL;
		ks->cap = 0;
	} else if (ks->used) {
		memset(ks->slots, 0, ks->cap * sizeof *ks->slots);
	}
	ks->used = 0;
}

/* FNV-1a, then a multiply to spread it over the high bits the index uses. */
static uint64_t hash(const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 0x100000001b3ULL;
	return h * 0x9E3779B97F4A7C15ULL;
}

static struct slot *find(struct slot *slots, size_t cap, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)(h >> 32) & (cap - 1);
	while (slots[i].key &&
	       !(slots[i].hash == h && slots[i].len == len && memcmp(slots[i].key, key, len) == 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(keyset *ks)
{
	size_t cap = ks->cap ? ks->cap * 2 : 64;
	if (cap > SIZE_MAX / 2 / sizeof(struct slot))
		return -1;
	struct slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < ks->cap; i++)
		if (ks->slots[i].key)
			*find(slots, cap, ks->slots[i].key, ks->slots[i].len, ks->slots[i].hash) =
				ks->slots[i];
	free(ks->slots);
	ks->slots = slots;
	ks->cap = cap;
	return 0;
}

int keyset_add(keyset *ks, const char *key, size_t len)
{
	if ((ks->used + 1) * 2 > ks->cap && grow(ks))
		return -1;
	uint64_t h = hash(key, len);
	struct slot *s = find(ks->slots, ks->cap, key, len, h);
	if (s->key)
		return 1;
	*s = (struct slot){key, len, h};
	ks->used++;
	return 0;
}
