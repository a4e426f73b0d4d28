/* What every Check runner shares: the bundled instrument, a resolver, and the runner itself. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "common/readfile.h"
#include "tests/unit/test.h"

static questionnaire *miit;

static void free_miit(void) { questionnaire_free(miit); }

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

void test_answers_refused(const char *json, unsigned flags, assess_error *err)
{
	answers *a = answers_parse(json, strlen(json), "t.json", test_resolve, NULL, flags, err);
	ck_assert_msg(a == NULL, "answers accepted: %s", json);
}

answers *test_example(void)
{
	assess_error err = {0};
	answers *a = answers_load(TEST_EXAMPLE, test_resolve, NULL, 0, &err);
	ck_assert_msg(a != NULL, "the example: %s", err.msg);
	return a;
}

void test_tcase_add(TCase *tc, const TTest *const *tests)
{
	for (; *tests; tests++)
		tcase_add_test(tc, *tests);
}

TCase *test_tcase(const char *name, SFun setup, SFun teardown, double timeout,
		  const TTest *const *tests)
{
	TCase *tc = tcase_create(name);
	if (setup || teardown)
		tcase_add_checked_fixture(tc, setup, teardown);
	if (timeout > 0)
		tcase_set_timeout(tc, timeout);
	test_tcase_add(tc, tests);
	return tc;
}

static void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	char sub[1024];
	for (struct dirent *e; d && (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		if (unlink(sub) != 0)
			remove_tree(sub);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

/*
 * Check runs each test and its checked fixture in a child process, and a test that fails ends
 * the child before its teardown: so every test folder is made inside this one, which the
 * runner, in the parent, makes before the tests and removes after them.
 */
#define TEST_ROOT_TEMPLATE "/tmp/assess-check.XXXXXX"
/* Sized to its template, so the compiler can see that a test folder's name fits test_dir. */
static char test_root[sizeof TEST_ROOT_TEMPLATE];

int test_run_suite(Suite *s, enum fork_status fork, enum print_output mode)
{
	char outer[sizeof test_root];
	memcpy(outer, test_root, sizeof outer); /* a suite run by a test inside another */
	memcpy(test_root, TEST_ROOT_TEMPLATE, sizeof test_root);
	if (!mkdtemp(test_root)) {
		perror(test_root);
		return -1;
	}
	SRunner *sr = srunner_create(s);
	srunner_set_fork_status(sr, fork);
	srunner_run_all(sr, mode);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	remove_tree(test_root);
	memcpy(test_root, outer, sizeof outer);
	return failed;
}

int test_run(const char *suite, test_tcase_maker const *makers)
{
	Suite *s = suite_create(suite);
	for (; *makers; makers++)
		suite_add_tcase(s, (*makers)());
	return test_run_suite(s, CK_FORK_GETENV, CK_NORMAL) ? EXIT_FAILURE : EXIT_SUCCESS;
}

char test_dir[64];

/* The paths test_in_dir has given out since test_dir_make: none is written twice in a test. */
static char paths[TEST_IN_DIR_MAX][512];
static int n_paths;

const char *test_in_dir(const char *name)
{
	ck_assert_msg(n_paths < TEST_IN_DIR_MAX, "a test asks test_in_dir for over %d paths",
		      TEST_IN_DIR_MAX);
	char *path = paths[n_paths++];
	ck_assert_int_lt(snprintf(path, sizeof paths[0], "%s/%s", test_dir, name),
			 (int)sizeof paths[0]);
	return path;
}

void test_dir_make(void)
{
	snprintf(test_dir, sizeof test_dir, "%s/XXXXXX", test_root);
	n_paths = 0;
	ck_assert_ptr_nonnull(mkdtemp(test_dir));
}

void test_dir_remove(void) { remove_tree(test_dir); }

int test_dir_entries(void)
{
	DIR *d = opendir(test_dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (d)
		closedir(d);
	return n;
}

void test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	ck_assert_msg(f != NULL, "cannot write %s", path);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

char *test_read_file(const char *path, size_t *len)
{
	assess_error err = {0};
	char *data = readfile_all(path, TEST_READ_MAX, len, &err);
	ck_assert_msg(data != NULL, "%s: %s", path, err.msg);
	return data;
}
