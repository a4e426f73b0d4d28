/* The questionnaire loader (XML, RELAX NG, then the build) on any text. */
#include "config.h"
#include "fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	assess_error err = {0};
	questionnaire *q = questionnaire_load_memory((const char *)data, size, "fuzz.xml", &err);
	if (!q && err.code == ASSESS_OK)
		abort(); /* a refusal must say why */
	questionnaire_free(q);
	return 0;
}
