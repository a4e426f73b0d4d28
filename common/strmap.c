#include "config.h"
#include "common/strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *key; /* NULL: empty */
	uint64_t hash;
	size_t value;
};

struct strmap {
	struct entry *slots;
	size_t cap; /* a power of two */
	size_t count;
};

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 14695981039346656037ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

strmap *strmap_new(void)
{
	strmap *m = calloc(1, sizeof *m);
	if (m && !(m->slots = calloc(64, sizeof *m->slots))) {
		free(m);
		return NULL;
	}
	if (m)
		m->cap = 64;
	return m;
}

void strmap_free(strmap *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	free(m);
}

static struct entry *probe(struct entry *slots, size_t cap, const char *key, uint64_t hash)
{
	for (size_t i = hash & (cap - 1);; i = (i + 1) & (cap - 1))
		if (!slots[i].key || (slots[i].hash == hash && strcmp(slots[i].key, key) == 0))
			return &slots[i];
}

/* Keeps the table at most half full, so probes stay short. */
static bool grow(strmap *m)
{
	size_t cap = m->cap * 2;
	struct entry *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			*probe(slots, cap, m->slots[i].key, m->slots[i].hash) = m->slots[i];
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return true;
}

bool strmap_put(strmap *m, const char *key, size_t **slot, bool *fresh)
{
	uint64_t hash = fnv1a(key);
	struct entry *e = probe(m->slots, m->cap, key, hash);
	*fresh = !e->key;
	if (e->key) {
		*slot = &e->value;
		return true;
	}
	if ((m->count + 1) * 2 > m->cap) {
		if (!grow(m))
			return false;
		e = probe(m->slots, m->cap, key, hash);
	}
	if (!(e->key = strdup(key)))
		return false;
	e->hash = hash;
	e->value = 0;
	m->count++;
	*slot = &e->value;
	return true;
}

const size_t *strmap_get(const strmap *m, const char *key)
{
	const struct entry *e = probe(m->slots, m->cap, key, fnv1a(key));
	return e->key ? &e->value : NULL;
}

size_t strmap_count(const strmap *m) { return m->count; }
