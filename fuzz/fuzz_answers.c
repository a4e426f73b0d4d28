/* The answer loader on any text, and the subsidy engine's reading of its finance, status and
 * awards blocks (tagged figures, project ids): an answer set or an error, never a crash or a leak. */
#include "config.h"
#include "fuzz/fuzz.h"
#include "policies/subsidy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	assess_error err = {0};
	unsigned flags = size && (data[0] & 1) ? ANSWERS_ALLOW_INCOMPLETE : 0;
	answers *a = answers_parse((const char *)data, size, "fuzz.json", fuzz_resolve, NULL,
				   flags | ANSWERS_DIGEST, &err);
	if (a) {
		char *json = answers_to_json(a);
		free(json);
		assess_error inputs = {0};
		if (subsidy_check_inputs(a, &inputs) != ASSESS_OK && inputs.code == ASSESS_OK)
			abort(); /* a refusal must say why */
	} else if (err.code == ASSESS_OK) {
		abort(); /* a refusal must say why */
	}
	answers_free(a);
	return 0;
}
