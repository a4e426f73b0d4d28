/*
 * fastjson against cJSON: whatever fastjson takes, cJSON takes with the same tree, down to
 * the links (as tests/unit/test_fastjson.c checks on fixtures); else it must decline.
 */
#include "config.h"
#include <ctype.h>
#include "common/fastjson.h"
#include "fuzz/fuzz.h"

static cJSON *cjson_tree(const char *text, size_t len)
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

static int same_string(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_tree(const cJSON *a, const cJSON *b)
{
	if (a->type != b->type || a->valueint != b->valueint ||
	    memcmp(&a->valuedouble, &b->valuedouble, sizeof(double)) != 0 ||
	    !same_string(a->valuestring, b->valuestring) || !same_string(a->string, b->string))
		return 0;
	const cJSON *x = a->child, *y = b->child, *last = NULL;
	if (!x || !y)
		return !x && !y;
	for (; x && y; x = x->next, y = y->next) {
		if (last && x->prev != last)
			return 0;
		if (!same_tree(x, y))
			return 0;
		last = x;
	}
	return !x && !y && a->child->prev == last;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static fastjson *fj;
	if (!fj && !(fj = fastjson_new()))
		abort();
	const char *text = (const char *)data;
	cJSON *fast = fastjson_parse(fj, text, size);
	if (!fast)
		return 0;
	cJSON *slow = cjson_tree(text, size);
	if (!slow || !same_tree(fast, slow))
		abort(); /* fastjson took what cJSON refuses, or built another tree */
	cJSON_Delete(slow);
	return 0;
}
