#include "config.h"
#include "common/fastjson.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "common/jsonbytes.h"
#include "common/keyset.h"
#include "common/text.h"

#define NODES_PER_BLOCK 256
/* Keys an object's duplicate check compares by a packed prefix; larger objects use a keyset. */
#define QUICK_KEYS 64
/* NULs after the copy of the text, so that eight-byte loads never read past it. */
#define PADDING 8

struct block {
	struct block *next;
	cJSON nodes[NODES_PER_BLOCK];
};

struct fastjson {
	struct block *first; /* kept from one parse to the next */
	struct block *cur;
	size_t used; /* nodes used in cur */
	char *copy;  /* the text, then PADDING NULs; a string's closing quote becomes its NUL */
	size_t cap;
	keyset *keys; /* for objects of more than QUICK_KEYS keys; made when first needed */
};

/*
 * One parse. The scanning functions take and return the position as a local pointer, never
 * through this struct: a store through a char pointer may alias the struct, so the compiler
 * would reload and store it for every byte. They need no end: the copy is followed by PADDING
 * NULs, and a NUL is no JSON token, so a scan that reaches it stops there and declines.
 */
struct scan {
	fastjson *fj;
	int depth;
};

fastjson *fastjson_new(void) { return calloc(1, sizeof(fastjson)); }

void fastjson_free(fastjson *fj)
{
	if (!fj)
		return;
	for (struct block *b = fj->first, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(fj->copy);
	keyset_free(fj->keys);
	free(fj);
}

static inline cJSON *new_node(fastjson *fj)
{
	if (fj->used == NODES_PER_BLOCK || !fj->cur) {
		/* The next block: one kept from an earlier, larger text, or a new one. */
		struct block **slot = fj->cur ? &fj->cur->next : &fj->first;
		if (!*slot) {
			if (!(*slot = malloc(sizeof(struct block))))
				return NULL;
			(*slot)->next = NULL;
		}
		fj->cur = *slot;
		fj->used = 0;
	}
	cJSON *n = &fj->cur->nodes[fj->used++];
	memset(n, 0, sizeof *n);
	return n;
}

static inline char *skip_space(char *p)
{
	/* Streams are compact: the first test ends most calls. */
	while ((unsigned char)*p <= ' ' && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	return p;
}

/*
 * At an opening quote: sets *out to the string, NUL-terminated in place, and returns the
 * position after it; NULL to decline. Eight bytes at a time: the padding after the text is
 * NULs, which stop the scan like any control character.
 */
static inline char *string(char *p, char **out, size_t *len)
{
	char *start = ++p;
	bool ascii = true;
	for (;;) {
		uint64_t w = jsonbytes_load8(p);
		uint64_t flags = jsonbytes_stops(w) | (ascii ? w & JSONBYTES_HIGH : 0);
		if (!flags) {
			p += 8;
			continue;
		}
		p += jsonbytes_first(flags);
		if (*p == '"')
			break;
		if ((unsigned char)*p < 0x80)
			return NULL; /* an escape or a control character: cJSON's to read */
		ascii = false; /* checked as UTF-8 below; from here on such bytes do not stop */
	}
	*len = (size_t)(p - start);
	if (!ascii && !text_utf8_valid(start, *len, NULL))
		return NULL;
	*p = '\0';
	*out = start;
	return p + 1;
}

/*
 * An integer of at most 15 digits, stored as cJSON (strtod) would; NULL to decline. A fraction
 * or an exponent after it is declined by the caller, which expects , ] } or the end there.
 */
static inline char *number(char *p, cJSON *n)
{
	bool negative = *p == '-';
	p += negative;
	const char *digits = p;
	uint64_t u = 0;
	while (*p >= '0' && *p <= '9')
		u = u * 10 + (uint64_t)(*p++ - '0');
	size_t count = (size_t)(p - digits);
	if (count == 0 || count > 15 || (digits[0] == '0' && count > 1))
		return NULL;
	double d = negative ? -(double)u : (double)u;
	n->type = cJSON_Number;
	n->valuedouble = d;
	n->valueint = d >= INT_MAX ? INT_MAX : d <= (double)INT_MIN ? INT_MIN : (int)d;
	return p;
}

static inline char *literal(char *p, const char *word, size_t len)
{
	return memcmp(p, word, len) == 0 ? p + len : NULL;
}

static char *value(struct scan *s, char *p, cJSON *n);

/* A key as the duplicate check compares it first: its length and its first eight bytes. */
struct key {
	uint64_t head;
	size_t len;
	const char *text;
};

/* An object's keys so far: a 256-bit filter of all of them, the first QUICK_KEYS packed. */
struct keys {
	uint64_t filter[4];
	struct key first[QUICK_KEYS];
};

/*
 * Whether k repeats one of the n keys before it, for the first QUICK_KEYS keys of an object;
 * records k. Most keys miss the filter and cost a few instructions; a hit compares for real.
 * Later keys are left to no_repeats(), once the object is read.
 */
static inline bool repeated(struct keys *ks, size_t n, const char *k, size_t len)
{
	if (n >= QUICK_KEYS)
		return false;
	uint64_t mask = len >= 8 ? ~0ULL : (1ULL << (8 * len)) - 1;
	struct key key = {jsonbytes_load8(k) & mask, len, k};
	unsigned h = (unsigned)(((key.head ^ len) * 0x9E3779B97F4A7C15ULL) >> 56);
	uint64_t bit = 1ULL << (h & 63);
	bool maybe = ks->filter[h >> 6] & bit;
	ks->filter[h >> 6] |= bit;
	ks->first[n] = key;
	if (!maybe)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ks->first[i].head == key.head && ks->first[i].len == len &&
		    (len <= 8 || memcmp(ks->first[i].text, k, len) == 0))
			return true;
	return false;
}

/*
 * Whether the keys of an object larger than QUICK_KEYS are all different: one pass through a
 * hash set, so an object of 600,000 keys costs what 600,000 lookups do. False also when memory
 * runs out, which declines the text like a repeat.
 */
static bool no_repeats(fastjson *fj, const cJSON *first)
{
	if (!fj->keys && !(fj->keys = keyset_new()))
		return false;
	keyset_clear(fj->keys);
	for (const cJSON *m = first; m; m = m->next)
		if (keyset_add(fj->keys, m->string, strlen(m->string)) != 0)
			return false;
	return true;
}

/* The members of an array or object, from its opening bracket; close is ']' or '}'. */
static char *members(struct scan *s, char *p, cJSON *parent, char close)
{
	struct keys keys;
	cJSON *last = NULL;
	size_t n = 0;
	p = skip_space(p + 1);
	if (*p == close)
		return p + 1;
	memset(keys.filter, 0, sizeof keys.filter);
	for (;;) {
		cJSON *m = new_node(s->fj);
		if (!m)
			return NULL;
		m->prev = last;
		*(last ? &last->next : &parent->child) = m;
		last = m;
		if (close == '}') {
			size_t len;
			if (*p != '"' || !(p = string(p, &m->string, &len)) ||
			    repeated(&keys, n, m->string, len))
				return NULL;
			p = skip_space(p);
			if (*p++ != ':')
				return NULL;
			p = skip_space(p);
		}
		n++;
		/* Most values are strings: read them here, without a call to value(). */
		if (*p == '"') {
			size_t len;
			m->type = cJSON_String;
			p = string(p, &m->valuestring, &len);
		} else {
			p = value(s, p, m);
		}
		if (!p)
			return NULL;
		p = skip_space(p);
		if (*p == close)
			break;
		if (*p++ != ',')
			return NULL;
		p = skip_space(p);
	}
	parent->child->prev = last; /* as cJSON links them: the first member's prev is the last */
	if (close == '}' && n > QUICK_KEYS && !no_repeats(s->fj, parent->child))
		return NULL;
	return p + 1;
}

static char *value(struct scan *s, char *p, cJSON *n)
{
	size_t len;
	switch (*p) {
	case '"':
		n->type = cJSON_String;
		return string(p, &n->valuestring, &len);
	case '{':
	case '[':
		if (++s->depth > FASTJSON_MAX_DEPTH)
			return NULL;
		n->type = *p == '{' ? cJSON_Object : cJSON_Array;
		p = members(s, p, n, *p == '{' ? '}' : ']');
		s->depth--;
		return p;
	case 't':
		n->type = cJSON_True;
		n->valueint = 1;
		return literal(p, "true", 4);
	case 'f':
		n->type = cJSON_False;
		return literal(p, "false", 5);
	case 'n':
		n->type = cJSON_NULL;
		return literal(p, "null", 4);
	default:
		return number(p, n);
	}
}

cJSON *fastjson_parse(fastjson *fj, const char *text, size_t len)
{
	if (len > SIZE_MAX - PADDING)
		return NULL;
	if (len + PADDING > fj->cap) {
		char *grown = realloc(fj->copy, len + PADDING);
		if (!grown)
			return NULL;
		fj->copy = grown;
		fj->cap = len + PADDING;
	}
	memcpy(fj->copy, text, len);
	memset(fj->copy + len, 0, PADDING);
	fj->cur = NULL;
	fj->used = 0;
	struct scan s = {fj, 0};
	cJSON *root = new_node(fj);
	char *p = root ? value(&s, skip_space(fj->copy), root) : NULL;
	return p && skip_space(p) == fj->copy + len ? root : NULL;
}
