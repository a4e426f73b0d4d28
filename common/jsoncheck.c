#include "config.h"
#include "common/jsoncheck.h"

#include <stdio.h>
#include <string.h>
#include "common/jsonlex.h"
#include "common/keyset.h"
#include "common/text.h"

/* ---- strings in the text ---- */

struct walk {
	const char *t;
	size_t len;
	size_t i;
	char *path;
	size_t cap;
	jsoncheck_char found;
	size_t at;
};

static void skip_ws(struct walk *w) { w->i = jsonlex_space(w->t, w->len, w->i); }

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* The code of a \uXXXX escape at t[i] (the backslash), or -1. */
static long escape_code(const struct walk *w, size_t i)
{
	if (i + 5 >= w->len || w->t[i + 1] != 'u')
		return -1;
	long v = 0;
	for (int k = 2; k < 6; k++) {
		int d = hex(w->t[i + (size_t)k]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static bool bad(struct walk *w, jsoncheck_kind kind, unsigned code, size_t at)
{
	w->found = (jsoncheck_char){kind, code};
	w->at = at;
	return false;
}

/* A string at the quote w->i; false when it holds what is refused (or the text ends). */
static bool string(struct walk *w)
{
	size_t i = w->i + 1;
	for (; i < w->len && w->t[i] != '"'; i++) {
		unsigned char c = (unsigned char)w->t[i];
		if (c < 0x20)
			return bad(w, c ? JSONCHECK_RAW : JSONCHECK_NUL, c, i);
		if (c != '\\')
			continue;
		long code = escape_code(w, i);
		char e = i + 1 < w->len ? w->t[i + 1] : '\0';
		if (code == 0)
			return bad(w, JSONCHECK_NUL, 0, i);
		if ((code > 0 && code < 0x20 && code != '\t' && code != '\n' && code != '\r') ||
		    e == 'b' || e == 'f')
			return bad(w, JSONCHECK_ESCAPED,
				   code > 0   ? (unsigned)code
				   : e == 'b' ? 8
					      : 12,
				   i);
		i++;
	}
	w->i = i + 1;
	return i < w->len;
}

static bool value(struct walk *w);

/*
 * Sets path (cap bytes) to its first base bytes and one step: a member ".key" (n bytes of key)
 * or an element "[index]". Both walks name what they find with these.
 */
static void path_key(char *path, size_t cap, size_t base, const char *key, int n)
{
	text_appendf(path, cap, &base, ".%.*s", n, key);
}

static void path_index(char *path, size_t cap, size_t base, int index)
{
	text_appendf(path, cap, &base, "[%d]", index);
}

static bool members(struct walk *w, char close)
{
	size_t base = strlen(w->path);
	int index = 0;
	w->i++;
	skip_ws(w);
	if (w->i < w->len && w->t[w->i] == close) {
		w->i++;
		return true;
	}
	for (;; index++) {
		skip_ws(w);
		if (close == '}') {
			if (w->i >= w->len || w->t[w->i] != '"')
				return false;
			size_t key = w->i + 1;
			/* The key is named in the path even when it is the key that is wrong. */
			bool ok = string(w);
			if (!ok && !w->found.kind)
				return false;
			size_t klen = (ok ? w->i - 1 : w->at) - key;
			path_key(w->path, w->cap, base, w->t + key, (int)(klen > 100 ? 100 : klen));
			if (!ok)
				return false;
			skip_ws(w);
			if (w->i >= w->len || w->t[w->i] != ':')
				return false;
			w->i++;
		} else {
			path_index(w->path, w->cap, base, index);
		}
		if (!value(w))
			return false;
		w->path[base < w->cap ? base : w->cap - 1] = '\0';
		skip_ws(w);
		if (w->i < w->len && w->t[w->i] == close) {
			w->i++;
			return true;
		}
		if (w->i >= w->len || w->t[w->i] != ',')
			return false;
		w->i++;
	}
}

static bool value(struct walk *w)
{
	skip_ws(w);
	if (w->i >= w->len)
		return false;
	char c = w->t[w->i];
	if (c == '"')
		return string(w);
	if (c == '{' || c == '[')
		return members(w, c == '{' ? '}' : ']');
	w->i = jsonlex_scalar(w->t, w->len, w->i);
	return true;
}

jsoncheck_char jsoncheck_strings(const char *text, size_t len, char *path, size_t cap,
				 size_t *offset)
{
	struct walk w = {text, len, 0, path, cap, {JSONCHECK_OK, 0}, 0};
	value(&w);
	if (w.found.kind && offset)
		*offset = w.at;
	return w.found;
}

const char *jsoncheck_message(jsoncheck_char c, char *buf, size_t size)
{
	if (c.kind == JSONCHECK_NUL)
		snprintf(buf, size, "a NUL character (\\u0000) is not allowed in text");
	else if (c.kind == JSONCHECK_RAW && (c.code == '\t' || c.code == '\n' || c.code == '\r'))
		snprintf(buf, size,
			 "a tab or line break inside a string must be written \\t, \\n "
			 "or \\r (RFC 8259)");
	else if (c.kind)
		snprintf(buf, size, "control character U+%04X is not allowed in text", c.code);
	else
		snprintf(buf, size, "no error");
	return buf;
}

size_t jsoncheck_depth(const char *text, size_t offset)
{
	size_t depth = 0;
	for (size_t i = 0; i < offset; i++) {
		char c = text[i];
		if (c == '"')
			i = jsonlex_string(text, offset, i) - 1;
		else if (c == '{' || c == '[')
			depth++;
		else if ((c == '}' || c == ']') && depth)
			depth--;
	}
	return depth;
}

/* ---- repeated keys in the tree ---- */

/* The first member of obj whose key an earlier member has, or NULL (or out of memory). */
static const cJSON *first_repeat(const cJSON *obj, keyset **ks, bool *nomem)
{
	/* Small objects, most of them, compare directly: no hashing, no memory. */
	size_t n = 0;
	for (const cJSON *c = obj->child; c && n <= 8; c = c->next)
		n++;
	if (n <= 8) {
		for (const cJSON *c = obj->child; c; c = c->next)
			for (const cJSON *p = obj->child; p != c; p = p->next)
				if (strcmp(p->string, c->string) == 0)
					return c;
		return NULL;
	}
	if (!*ks && !(*ks = keyset_new())) {
		*nomem = true;
		return NULL;
	}
	keyset_clear(*ks);
	for (const cJSON *c = obj->child; c; c = c->next) {
		int r = keyset_add(*ks, c->string, strlen(c->string));
		if (r) {
			*nomem = r < 0;
			return r > 0 ? c : NULL;
		}
	}
	return NULL;
}

static int walk_tree(const cJSON *node, keyset **ks, char *path, size_t cap, const char **key)
{
	bool object = (node->type & 0xFF) == cJSON_Object, nomem = false;
	/* The object's own keys first; the set is then free for its members' objects. */
	const cJSON *repeat = object ? first_repeat(node, ks, &nomem) : NULL;
	if (nomem)
		return -1;
	size_t base = strlen(path);
	int i = 0;
	for (const cJSON *c = node->child; c; c = c->next, i++) {
		if (object)
			path_key(path, cap, base, c->string, (int)strlen(c->string));
		else
			path_index(path, cap, base, i);
		if (c == repeat) {
			*key = c->string;
			return 1;
		}
		int r = c->child ? walk_tree(c, ks, path, cap, key) : 0;
		if (r)
			return r;
		if (base < cap)
			path[base] = '\0';
	}
	return 0;
}

int jsoncheck_duplicate(const cJSON *root, char *path, size_t cap, const char **key)
{
	keyset *ks = NULL; /* made for the first object of more than eight keys */
	int r = walk_tree(root, &ks, path, cap, key);
	keyset_free(ks);
	return r;
}
