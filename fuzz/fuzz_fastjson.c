/*
 * fastjson against cJSON: whatever fastjson takes, cJSON takes with the same tree, down to
 * the links (tests/jsontree.h, as tests/unit/test_fastjson.c checks on fixtures); else it must
 * decline.
 */
#include "config.h"
#include "common/fastjson.h"
#include "fuzz/fuzz.h"
#include "tests/jsontree.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static fastjson *fj;
	if (!fj && !(fj = fastjson_new()))
		abort();
	const char *text = (const char *)data;
	cJSON *fast = fastjson_parse(fj, text, size);
	if (!fast)
		return 0;
	cJSON *slow = jsontree_cjson(text, size);
	if (!slow || !jsontree_same(fast, slow))
		abort(); /* fastjson took what cJSON refuses, or built another tree */
	cJSON_Delete(slow);
	return 0;
}
