/* The interview's salvage of a damaged answer file on any text: answers or a reason, never a crash. */
#include "config.h"
#include "fuzz/fuzz.h"
#include "interview/interview.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	assess_error err = {0};
	interview_salvaged got;
	char *text = malloc(size + 1); /* salvage reads NUL-terminated text, as readfile gives it */
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	answers *a =
		interview_salvage(text, "fuzz.json", "miit-2024", fuzz_resolve, NULL, &got, &err);
	if (a) {
		char *json = answers_to_json(a);
		free(json);
	} else if (err.code == ASSESS_OK) {
		abort(); /* nothing salvaged must say why */
	}
	answers_free(a);
	free(text);
	return 0;
}
