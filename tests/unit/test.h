/*
 * test.h - shared helpers for the Check suites.
 */
#ifndef ASSESS_TEST_H
#define ASSESS_TEST_H

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "answers/answers.h"
#include "common/error.h"
#include "common/readfile.h"
#include "questionnaires/questionnaire.h"

/* Fails at the caller's line with the error's message when code is not ASSESS_OK. */
#define ck_assert_ok(code, err) \
	ck_assert_msg((code) == ASSESS_OK, "unexpected error %d: %s", (int)(code), (err)->msg)
/* The error message contains the fragment. */
#define ck_assert_msg_has(err, fragment)                                                     \
	ck_assert_msg(strstr((err)->msg, (fragment)) != NULL, "message \"%s\" lacks \"%s\"", \
		      (err)->msg, (fragment))

/* The bundled 2024 instrument, loaded once per process (read-only, freed at exit). */
const questionnaire *test_miit(void);
/* A resolver for answers_parse that knows only test_miit(). */
const questionnaire *test_resolve(const char *id, void *ctx, assess_error *err);
/* Answers parsed from a JSON literal; fails the test on error. */
answers *test_answers(const char *json, unsigned flags);
/* The same JSON literal refused, the reason in *err; fails the test when it is accepted. */
void test_answers_refused(const char *json, unsigned flags, assess_error *err);
/* The bundled example enterprise (examples/quanzhou-sports-baseline.json), loaded. */
#define TEST_EXAMPLE EXAMPLES_DIR "/quanzhou-sports-baseline.json"
answers *test_example(void);

/*
 * A questionnaire of one level, dimension, sub-dimension and indicator, open for the questions
 * a test puts between TEST_MINI_HEAD and TEST_MINI_TAIL (questionnaire_load_memory).
 */
#define TEST_MINI_HEAD                                                                         \
	"<?xml version=\"1.0\"?>\n"                                                            \
	"<questionnaire format=\"1\" id=\"t\" version=\"1\" total=\"1\">\n"                    \
	"<title><zh>t</zh></title>\n"                                                          \
	"<levels><level value=\"1\" min-score=\"1\" scenario-level=\"1\" min-scenarios=\"0\" " \
	"min-constrained=\"0\"><name><zh>一级</zh></name></level></levels>\n"                \
	"<dimension id=\"D\" points=\"1\"><name><zh>d</zh></name>\n"                           \
	"<subdimension id=\"S\"><name><zh>s</zh></name>\n"                                     \
	"<indicator id=\"I\"><name><zh>i</zh></name>\n"
#define TEST_MINI_TAIL "</indicator></subdimension></dimension></questionnaire>\n"

/*
 * A fresh folder per test: add test_dir_make/test_dir_remove as a checked fixture, then
 * work in test_dir. test_dir_entries() counts what is in it (leftover temporary files).
 * The folder is made inside one that test_run_suite makes and removes, so a test that fails
 * (and so skips its teardown) leaves nothing behind either.
 */
extern char test_dir[64];
void test_dir_make(void);
void test_dir_remove(void);
int test_dir_entries(void);
/*
 * test_dir/name. The path stays good until the test ends: each of a test's first
 * TEST_IN_DIR_MAX calls has a buffer of its own, and a call past them fails the test.
 */
#define TEST_IN_DIR_MAX 32
const char *test_in_dir(const char *name);
/* Writes text to path, created or emptied first; fails the test when it cannot. */
void test_write_file(const char *path, const char *text);
/* The whole file at path, NUL-terminated, its length in *len (len may be NULL); the caller
 * frees it. Fails the test when it cannot be read or is over TEST_READ_MAX. */
#define TEST_READ_MAX (1u << 24)
char *test_read_file(const char *path, size_t *len);
/* The file at path holds text and nothing more; a file that cannot be read fails here too. */
#define ck_assert_file_eq(path, text)                                                \
	do {                                                                         \
		assess_error file_err_ = {0};                                        \
		char *file_ = readfile_all((path), TEST_READ_MAX, NULL, &file_err_); \
		ck_assert_msg(file_ != NULL, "%s: %s", (path), file_err_.msg);       \
		ck_assert_str_eq(file_, (text));                                     \
		free(file_);                                                         \
	} while (0)

/*
 * A TCase from data, so that each make_*_tcase is a list of its tests: the name, a checked
 * fixture (setup and teardown, both NULL for none), a timeout in seconds (0 keeps Check's
 * default) and the tests (START_TEST names a const TTest *), NULL-ended, added in order.
 * The TCase is the caller's until suite_add_tcase takes it.
 */
TCase *test_tcase(const char *name, SFun setup, SFun teardown, double timeout,
		  const TTest *const *tests);
/* Adds more NULL-ended tests to tc, for a case that puts a loop test between them. */
void test_tcase_add(TCase *tc, const TTest *const *tests);

/*
 * Runs s with sr's fork status fork (CK_FORK_GETENV: as CK_FORK says) and prints as mode says;
 * the number of tests that failed, or -1 when the tests' folder cannot be made. s is freed.
 */
int test_run_suite(Suite *s, enum fork_status fork, enum print_output mode);
/* Runs the TCases the NULL-terminated makers return as one suite; the exit status for main(). */
typedef TCase *(*test_tcase_maker)(void);
int test_run(const char *suite, test_tcase_maker const *makers);

/*
 * Every TCase maker, declared once for the file that defines it and the runner that lists it,
 * grouped by runner (main_NAME.c).
 */
/* core */
TCase *make_common_tcase(void);
TCase *make_grow_tcase(void);
TCase *make_atomicfile_tcase(void);
TCase *make_test_dir_tcase(void);
TCase *make_fastjson_tcase(void);
TCase *make_questionnaire_tcase(void);
TCase *make_answers_tcase(void);
TCase *make_record_tcase(void);
TCase *make_scoring_tcase(void);
TCase *make_vocab_tcase(void);
TCase *make_limits_tcase(void);
/* alloc */
TCase *make_alloc_tcase(void);
/* cli */
TCase *make_cli_tcase(void);
/* compare */
TCase *make_compare_tcase(void);
TCase *make_compare_book_tcase(void);
/* form */
TCase *make_form_tcase(void);
/* interview */
TCase *make_interview_input_tcase(void);
TCase *make_interview_screen_tcase(void);
TCase *make_interview_session_tcase(void);
/* plan */
TCase *make_plan_tcase(void);
TCase *make_reading_tcase(void);
/* policy */
TCase *make_policy_tcase(void);
TCase *make_policy_files_tcase(void);
TCase *make_subsidy_tcase(void);
TCase *make_subsidy_inputs_tcase(void);
TCase *make_subsidy_quanzhou_tcase(void);
TCase *make_subsidy_jinjiang_tcase(void);
TCase *make_subsidy_putian_tcase(void);
TCase *make_subsidy_xiamen_tcase(void);
TCase *make_subsidy_pingluo_tcase(void);
TCase *make_subsidy_rules_tcase(void);
/* portfolio */
TCase *make_portfolio_tcase(void);
TCase *make_portfolio_io_tcase(void);
/* report */
TCase *make_report_tcase(void);
/* xlsx */
TCase *make_xlsx_tcase(void);
/* xlsx_reader */
TCase *make_xlsx_reader_tcase(void);

#endif
