/*
 * jsontree.h - what tests/unit/test_fastjson.c and fuzz/fuzz_fastjson.c both ask of a text:
 * the tree cJSON gives for the whole of it, as the answers loader asks for it, and whether
 * fastjson's tree is that tree, down to the links cJSON sets. Header only: the Check suite and
 * the fuzz target are built apart from each other.
 */
#ifndef ASSESS_TESTS_JSONTREE_H
#define ASSESS_TESTS_JSONTREE_H

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <cjson/cJSON.h>

/* cJSON's tree for the whole text (white space may follow); NULL if it refuses the text. */
static inline cJSON *jsontree_cjson(const char *text, size_t len)
{
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
	while (root && end < text + len && isspace((unsigned char)*end))
		end++;
	if (root && end != text + len) {
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

static inline bool jsontree_same_string(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Equal down to the links cJSON sets: a first member's prev is the last, a last's next NULL. */
static inline bool jsontree_same(const cJSON *a, const cJSON *b)
{
	if (a->type != b->type || a->valueint != b->valueint ||
	    memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) != 0 ||
	    !jsontree_same_string(a->valuestring, b->valuestring) ||
	    !jsontree_same_string(a->string, b->string))
		return false;
	const cJSON *x = a->child, *y = b->child;
	if (!x || !y)
		return !x && !y;
	if ((x->prev == NULL) != (y->prev == NULL))
		return false;
	const cJSON *last_x = NULL;
	for (; x && y; x = x->next, y = y->next) {
		if (last_x && x->prev != last_x)
			return false;
		if (!jsontree_same(x, y))
			return false;
		last_x = x;
	}
	return !x && !y && a->child->prev == last_x;
}

#endif
