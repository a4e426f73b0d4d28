/*
 * fuzz.h - what the libFuzzer targets share: the bundled instrument, loaded once, and a
 * resolver for the answer loaders that knows only it. See docs/HACKING.md ("Fuzzing").
 */
#ifndef ASSESS_FUZZ_H
#define ASSESS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "answers/answers.h"
#include "questionnaires/questionnaire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled 2024 instrument; aborts (a crash libFuzzer reports) if it does not load. */
static const questionnaire *fuzz_miit(void)
{
	static questionnaire *q;
	if (!q) {
		assess_error err = {0};
		q = questionnaire_load(QUESTIONNAIRES_DIR "/miit-2024.xml", &err);
		if (!q)
			abort();
	}
	return q;
}

/* Resolves "miit-2024" only: the fuzzer must never make the loader open a path. */
static inline const questionnaire *fuzz_resolve(const char *id, void *ctx, assess_error *err)
{
	(void)ctx;
	if (strcmp(id, "miit-2024") == 0)
		return fuzz_miit();
	assess_fail(err, ASSESS_ERR_NOTFOUND, NULL, 0, 0, "not installed");
	return NULL;
}

#endif
