/* The subsidy policy loader on any text. */
#include "config.h"
#include "fuzz/fuzz.h"
#include "policies/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	assess_error err = {0};
	policy *p = policy_load_memory((const char *)data, size, "fuzz.xml", &err);
	if (!p && err.code == ASSESS_OK)
		abort();
	policy_free(p);
	return 0;
}
