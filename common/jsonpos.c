#include "config.h"
#include "common/jsonpos.h"

#include <stdlib.h>
#include <string.h>

struct scan {
	const char *t;
	size_t len;
};

/* cJSON's whitespace, which it parsed the text with: every byte up to the space. */
static size_t skip_ws(const struct scan *s, size_t i)
{
	while (i < s->len && (unsigned char)s->t[i] <= ' ')
		i++;
	return i;
}

static size_t skip_string(const struct scan *s, size_t i)
{
	for (i++; i < s->len && s->t[i] != '"'; i++)
		if (s->t[i] == '\\')
			i++;
	return i < s->len ? i + 1 : s->len;
}

static size_t skip_value(const struct scan *s, size_t i)
{
	i = skip_ws(s, i);
	if (i >= s->len)
		return s->len;
	if (s->t[i] == '"')
		return skip_string(s, i);
	if (s->t[i] != '{' && s->t[i] != '[') {
		while (i < s->len && (unsigned char)s->t[i] > ' ' && !strchr(",]}", s->t[i]))
			i++;
		return i;
	}
	int depth = 0;
	for (; i < s->len; i++) {
		char c = s->t[i];
		if (c == '"') {
			i = skip_string(s, i) - 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if ((c == '}' || c == ']') && --depth == 0) {
			return i + 1;
		}
	}
	return s->len;
}

/* Is the string token at i exactly key (no escapes in keys we look up)? */
static int key_is(const struct scan *s, size_t i, const char *key, size_t klen)
{
	return i + klen + 1 < s->len && s->t[i] == '"' && strncmp(s->t + i + 1, key, klen) == 0 &&
	       s->t[i + 1 + klen] == '"';
}

static int member(const struct scan *s, size_t *i, const char *key, size_t klen, int occurrence)
{
	size_t p = skip_ws(s, *i);
	if (p >= s->len || s->t[p] != '{')
		return 0;
	p++;
	for (;;) {
		p = skip_ws(s, p);
		if (p >= s->len || s->t[p] != '"')
			return 0;
		int hit = key_is(s, p, key, klen);
		p = skip_ws(s, skip_string(s, p));
		if (p >= s->len || s->t[p] != ':')
			return 0;
		p = skip_ws(s, p + 1);
		if (hit && --occurrence <= 0) {
			*i = p;
			return 1;
		}
		p = skip_ws(s, skip_value(s, p));
		if (p >= s->len || s->t[p] != ',')
			return 0;
		p++;
	}
}

static int element(const struct scan *s, size_t *i, long index)
{
	size_t p = skip_ws(s, *i);
	if (p >= s->len || s->t[p] != '[')
		return 0;
	p = skip_ws(s, p + 1);
	for (long k = 0; k < index; k++) {
		p = skip_ws(s, skip_value(s, p));
		if (p >= s->len || s->t[p] != ',')
			return 0;
		p = skip_ws(s, p + 1);
	}
	*i = p;
	return p < s->len && s->t[p] != ']';
}

bool jsonpos_find(const char *text, size_t len, const char *path, int occurrence, size_t *offset)
{
	struct scan s = {text, len};
	size_t i = skip_ws(&s, 0);
	if (*path++ != '$')
		return false;
	while (*path) {
		if (*path == '.') {
			const char *key = ++path;
			size_t klen = strcspn(key, ".[");
			path += klen;
			if (!member(&s, &i, key, klen, *path ? 1 : occurrence))
				return false;
		} else if (*path == '[') {
			char *end;
			long index = strtol(path + 1, &end, 10);
			if (*end != ']' || !element(&s, &i, index))
				return false;
			path = end + 1;
		} else {
			return false;
		}
	}
	*offset = i;
	return true;
}
