#include "config.h"
#include "common/jsonpos.h"

#include <stdlib.h>
#include <string.h>
#include "common/jsonlex.h"

/* Is the string token at i exactly key (no escapes in keys we look up)? */
static int key_is(const char *t, size_t len, size_t i, const char *key, size_t klen)
{
	return i + klen + 1 < len && t[i] == '"' && strncmp(t + i + 1, key, klen) == 0 &&
	       t[i + 1 + klen] == '"';
}

static int member(const char *t, size_t len, size_t *i, const char *key, size_t klen,
		  int occurrence)
{
	size_t p = jsonlex_space(t, len, *i);
	if (p >= len || t[p] != '{')
		return 0;
	p++;
	for (;;) {
		p = jsonlex_space(t, len, p);
		if (p >= len || t[p] != '"')
			return 0;
		int hit = key_is(t, len, p, key, klen);
		p = jsonlex_space(t, len, jsonlex_string(t, len, p));
		if (p >= len || t[p] != ':')
			return 0;
		p = jsonlex_space(t, len, p + 1);
		if (hit && --occurrence <= 0) {
			*i = p;
			return 1;
		}
		p = jsonlex_space(t, len, jsonlex_value(t, len, p));
		if (p >= len || t[p] != ',')
			return 0;
		p++;
	}
}

static int element(const char *t, size_t len, size_t *i, long index)
{
	size_t p = jsonlex_space(t, len, *i);
	if (p >= len || t[p] != '[')
		return 0;
	p = jsonlex_space(t, len, p + 1);
	for (long k = 0; k < index; k++) {
		p = jsonlex_space(t, len, jsonlex_value(t, len, p));
		if (p >= len || t[p] != ',')
			return 0;
		p = jsonlex_space(t, len, p + 1);
	}
	*i = p;
	return p < len && t[p] != ']';
}

bool jsonpos_find(const char *text, size_t len, const char *path, int occurrence, size_t *offset)
{
	size_t i = jsonlex_space(text, len, 0);
	if (*path++ != '$')
		return false;
	while (*path) {
		if (*path == '.') {
			const char *key = ++path;
			size_t klen = strcspn(key, ".[");
			path += klen;
			if (!member(text, len, &i, key, klen, *path ? 1 : occurrence))
				return false;
		} else if (*path == '[') {
			char *end;
			long index = strtol(path + 1, &end, 10);
			if (*end != ']' || !element(text, len, &i, index))
				return false;
			path = end + 1;
		} else {
			return false;
		}
	}
	*offset = i;
	return true;
}
