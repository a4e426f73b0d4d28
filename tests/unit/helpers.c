/* What every Check runner shares: the bundled instrument, a resolver, and the runner itself. */
#include "config.h"

#include <stdlib.h>
#include "tests/unit/test.h"

static questionnaire *miit;

static void free_miit(void)
{
	questionnaire_free(miit);
}

const questionnaire *test_miit(void)
{
	if (!miit) {
		assess_error err = {0};
		miit = questionnaire_load(QUESTIONNAIRES_DIR "/miit-2024.xml", &err);
		ck_assert_msg(miit != NULL, "cannot load miit-2024: %s", err.msg);
		atexit(free_miit);
	}
	return miit;
}

const questionnaire *test_resolve(const char *id, void *ctx, assess_error *err)
{
	(void)ctx;
	if (strcmp(id, "miit-2024") == 0)
		return test_miit();
	assess_fail(err, ASSESS_ERR_NOTFOUND, NULL, 0, 0, "no questionnaire %s", id);
	return NULL;
}

answers *test_answers(const char *json, unsigned flags)
{
	assess_error err = {0};
	answers *a = answers_parse(json, strlen(json), "t.json", test_resolve, NULL, flags, &err);
	ck_assert_msg(a != NULL, "answers rejected: %s", err.msg);
	return a;
}

int test_run(const char *suite, test_tcase_maker const *makers)
{
	Suite *s = suite_create(suite);
	for (; *makers; makers++)
		suite_add_tcase(s, (*makers)());
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
