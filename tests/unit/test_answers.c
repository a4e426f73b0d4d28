/* answers/: loading, checking, editing and writing answer files. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include "common/atomicfile.h"
#include "common/readfile.h"
#include "tests/unit/test.h"

static size_t idx(const char *id) { return questionnaire_find(test_miit(), id)->index; }

START_TEST(example_loads_with_profile_and_blocks)
{
	answers *a = test_example();
	char buf[64];
	ck_assert_str_eq(answers_field_get(a, ANSWERS_NAME), "泉州示例运动用品有限公司");
	ck_assert_str_eq(answers_field_get(a, ANSWERS_CREDIT_CODE), "91350582MA2Y8K3L0Q");
	ck_assert_str_eq(answers_field_get(a, ANSWERS_DATE), "2026-11-20");
	ck_assert_int_eq(answers_above_scale(a), 1);
	ck_assert_int_eq(answers_stage_get(a), ANSWERS_STAGE_BASELINE);
	ck_assert_uint_eq(answers_n_missing(a), 0);
	ck_assert_str_eq(answers_format(a, idx("F4"), buf, sizeof buf), "D G H M N");
	ck_assert_str_eq(answers_format(a, idx("F2"), buf, sizeof buf), "C");
	ck_assert_str_eq(answers_format(a, idx("S03"), buf, sizeof buf), "3");
	ck_assert_str_eq(answers_get(a, idx("F1"))->note,
			 "现场查看车间工控网络拓扑图与办公网络拓扑图");
	ck_assert_ptr_nonnull(answers_block(a, "finance"));
	ck_assert_ptr_null(answers_block(a, "awards"));
	ck_assert_uint_eq(strlen(answers_sha256(a)), 64);
	answers_free(a);
}
END_TEST

START_TEST(digest_is_of_the_bytes_loaded)
{
	size_t len;
	assess_error err = {0};
	char *buf = readfile_all(TEST_EXAMPLE, 1 << 20, &len, &err);
	answers *a = test_example();
	answers *b = answers_parse(buf, len, "x", test_resolve, NULL, ANSWERS_DIGEST, &err);
	answers *c = answers_parse(buf, len, "x", test_resolve, NULL, 0, &err);
	ck_assert_str_eq(answers_sha256(a), answers_sha256(b));
	ck_assert_str_eq(answers_sha256(c), ""); /* not asked for: not computed */
	answers_free(a);
	answers_free(b);
	answers_free(c);
	free(buf);
}
END_TEST

START_TEST(set_text_accepts_the_typed_forms)
{
	answers *a = answers_new(test_miit());
	assess_error err = {0};
	char buf[64];
	ck_assert_ok(answers_set_text(a, idx("F1"), "B C E", &err), &err);
	ck_assert_str_eq(answers_format(a, idx("F1"), buf, sizeof buf), "B C E");
	ck_assert_ok(answers_set_text(a, idx("F1"), "ced", &err), &err);
	ck_assert_str_eq(answers_format(a, idx("F1"), buf, sizeof buf), "C D E");
	ck_assert_ok(answers_set_text(a, idx("F1"), "B,C", &err), &err);
	ck_assert_ok(answers_set_text(a, idx("F2"), " e ", &err), &err);
	ck_assert_str_eq(answers_format(a, idx("F2"), buf, sizeof buf), "E");
	ck_assert_ok(answers_set_text(a, idx("S05"), "4", &err), &err);
	ck_assert_int_eq(answers_get(a, idx("S05"))->level, 4);
	ck_assert_uint_eq(answers_n_missing(a), 28);
	answers_free(a);
}
END_TEST

START_TEST(set_text_refuses_with_reasons)
{
	answers *a = answers_new(test_miit());
	assess_error err = {0};
	ck_assert_int_eq(answers_set_text(a, idx("F6"), "A B", &err), ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "cannot be combined");
	ck_assert_int_eq(answers_set_text(a, idx("F2"), "A B", &err), ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "exactly one option");
	ck_assert_int_eq(answers_set_text(a, idx("F2"), "Q", &err), ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "has no option \"Q\"");
	ck_assert_int_eq(answers_set_text(a, idx("S01"), "5", &err), ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_set_text(a, idx("S01"), "x", &err), ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_set_text(a, idx("F1"), "", &err), ASSESS_ERR_DATA);
	ck_assert_uint_eq(answers_n_missing(a), 31); /* nothing half-set */
	ck_assert_int_eq(answers_set_field(a, ANSWERS_CREDIT_CODE, "91350500MA31XP7C4N", &err),
			 ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_set_field(a, ANSWERS_DATE, "2026-13-01", &err), ASSESS_ERR_DATA);
	ck_assert_ok(answers_set_field(a, ANSWERS_DATE, "2024-02-29", &err), &err);
	answers_free(a);
}
END_TEST

START_TEST(write_then_read_gives_the_same_answers)
{
	answers *a = test_example();
	char *text = answers_to_json(a);
	answers *b = test_answers(text, 0);
	char x[64], y[64];
	for (size_t i = 0; i < questionnaire_n_questions(test_miit()); i++)
		ck_assert_str_eq(answers_format(a, i, x, sizeof x),
				 answers_format(b, i, y, sizeof y));
	ck_assert_str_eq(answers_field_get(b, ANSWERS_ASSESSOR), "张工（示例服务商）");
	ck_assert_int_eq(answers_stage_get(b), ANSWERS_STAGE_BASELINE);
	ck_assert_ptr_nonnull(answers_block(b, "status"));
	ck_assert_str_eq(answers_get(b, idx("S03"))->note, answers_get(a, idx("S03"))->note);
	free(text);
	answers_free(a);
	answers_free(b);
}
END_TEST

START_TEST(save_is_atomic_and_replaces)
{
	test_dir_make(); /* the one test of its case that writes a file */
	const char *path = test_in_dir("saved.json");
	test_write_file(path, "");
	answers *a = answers_new(test_miit());
	assess_error err = {0};
	ck_assert_ok(answers_set_text(a, idx("R1"), "C", &err), &err);
	ck_assert_int_eq(answers_save(a, path, 0, &err), ASSESS_ERR_EXISTS); /* made above */
	ck_assert_ok(answers_save(a, path, ATOMICFILE_REPLACE, &err), &err);
	answers *b = answers_load(path, test_resolve, NULL, ANSWERS_ALLOW_INCOMPLETE, &err);
	ck_assert_msg(b != NULL, "%s", err.msg);
	ck_assert_int_eq(answers_get(b, idx("R1"))->choice, 2);
	ck_assert_uint_eq(answers_n_missing(b), 30);
	answers_free(a);
	answers_free(b);
	test_dir_remove();
}
END_TEST

START_TEST(incomplete_lists_every_missing_id)
{
	assess_error err = {0};
	const char *j = "{\"questionnaire\": \"miit-2024\", \"answers\": {\"F1\": [\"A\"]}}";
	test_answers_refused(j, 0, &err);
	ck_assert_int_eq(err.code, ASSESS_ERR_INCOMPLETE);
	ck_assert_msg_has(&err, "30 unanswered questions: F2 F3");
	ck_assert_msg_has(&err, "R3 R4 (--allow-incomplete");
	answers *a = test_answers(j, ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_uint_eq(answers_n_missing(a), 30);
	answers_free(a);
}
END_TEST

START_TEST(errors_carry_line_column_and_path)
{
	assess_error err = {0};
	const char *j = "{\"questionnaire\": \"miit-2024\",\n \"answers\": {\n  \"F2\": \"Z\"}}";
	test_answers_refused(j, 0, &err);
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.answers.F2");
	ck_assert_int_eq(err.line, 3);
	ck_assert_int_eq(err.column, 9);
	const char *dup = "{\"questionnaire\": \"miit-2024\", \"answers\": {}, \"answers\": {}}";
	test_answers_refused(dup, 0, &err);
	ck_assert_msg_has(&err, "appears more than once");
	ck_assert_int_eq(err.column, 58);
}
END_TEST

/* The example as one NDJSON line, with its name spelled through a JSON escape. */
static char *example_line(bool escaped)
{
	size_t len;
	char *text = readfile_all(TEST_EXAMPLE, 1 << 20, &len, NULL);
	ck_assert_ptr_nonnull(text);
	for (char *p = text; *p; p++)
		if (*p == '\n')
			*p = ' ';
	if (escaped) {
		char *name = strstr(text, "泉州示例");
		ck_assert_ptr_nonnull(name);
		/* 泉 is U+6CC9: six bytes of escape in place of three of UTF-8, so the text grows. */
		char *grown = malloc(len + 4);
		size_t head = (size_t)(name - text);
		memcpy(grown, text, head);
		memcpy(grown + head, "\\u6cc9", 6);
		strcpy(grown + head + 6, name + 3);
		free(text);
		text = grown;
	}
	return text;
}

START_TEST(reader_reads_a_stream_like_single_files)
{
	assess_error err = {0};
	char *plain = example_line(false), *escaped = example_line(true);
	answers_reader *r = answers_reader_new(test_resolve, NULL, 0);
	answers *a = answers_reader_parse(r, plain, strlen(plain), "s:1", &err);
	ck_assert_msg(a != NULL, "%s", err.msg);
	/* The next object reuses the reader's memory: what a kept must be a's own. */
	answers *b = answers_reader_parse(r, escaped, strlen(escaped), "s:2", &err);
	ck_assert_msg(b != NULL, "%s", err.msg);
	ck_assert_str_eq(answers_field_get(a, ANSWERS_NAME), "泉州示例运动用品有限公司");
	ck_assert_str_eq(answers_field_get(b, ANSWERS_NAME), "泉州示例运动用品有限公司");
	ck_assert_str_eq(answers_source(a), "s:1");
	ck_assert_str_eq(answers_get(a, idx("F1"))->note, answers_get(b, idx("F1"))->note);
	const cJSON *fa = answers_block(a, "finance"), *fb = answers_block(b, "finance");
	ck_assert_ptr_nonnull(fa);
	ck_assert(cJSON_Compare(fa, fb, 1));
	answers *c = answers_reader_parse(r, "{\"extra\": 1}", 12, "s:3", &err);
	ck_assert_ptr_null(c);
	ck_assert_msg_has(&err, "unknown key");
	ck_assert(cJSON_Compare(fa, fb, 1)); /* still whole after the reader moved on */
	answers_free(a);
	answers_free(b);
	answers_reader_free(r);
	free(plain);
	free(escaped);
}
END_TEST

START_TEST(no_blocks_checks_them_but_keeps_none)
{
	assess_error err = {0};
	char *line = example_line(false);
	answers_reader *r = answers_reader_new(test_resolve, NULL, ANSWERS_NO_BLOCKS);
	answers *a = answers_reader_parse(r, line, strlen(line), "s:1", &err);
	ck_assert_msg(a != NULL, "%s", err.msg);
	ck_assert_ptr_null(answers_block(a, "finance"));
	ck_assert_ptr_null(answers_block(a, "status"));
	answers_free(a);
	const char *bad = "{\"questionnaire\": \"miit-2024\", \"answers\": {}, "
			  "\"finance\": {\"x\": 1, \"x\": 2}}";
	ck_assert_ptr_null(answers_reader_parse(r, bad, strlen(bad), "s:2", &err));
	ck_assert_msg_has(&err, "key \"x\" appears more than once");
	ck_assert_str_eq(err.path, "$.finance.x");
	answers_reader_free(r);
	free(line);
}
END_TEST

/* Positions come from the text the answers were read from, not from the file read again. */
START_TEST(locate_finds_a_path_in_the_text_loaded)
{
	const char *json = "{\"questionnaire\": \"miit-2024\",\n"
			   " \"answers\": {\"F2\": \"B\"},\n"
			   " \"finance\": {\"rd_invest\": 1,\n   \"cloud_annual_fee\": 5}}";
	assess_error err = {0};
	int line, col;
	answers *a = answers_parse(json, strlen(json), "never-on-disk.json", test_resolve, NULL,
				   ANSWERS_ALLOW_INCOMPLETE, &err);
	ck_assert_msg(a != NULL, "%s", err.msg);
	ck_assert(answers_locate(a, "$.finance.cloud_annual_fee", &line, &col));
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(col, 24);
	ck_assert(answers_locate(a, "answers.F2", &line, &col));
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 20);
	ck_assert(!answers_locate(a, "finance.no_such_key", &line, &col));
	ck_assert_int_eq(line, 0);
	answers_free(a);
	a = answers_parse(json, strlen(json), "s:1", test_resolve, NULL,
			  ANSWERS_ALLOW_INCOMPLETE | ANSWERS_NO_BLOCKS, &err);
	ck_assert(!answers_locate(a, "$.answers.F1", &line, &col));
	answers_free(a);
	a = answers_new(test_miit());
	ck_assert(!answers_locate(a, "$.answers.F1", &line, &col));
	ck_assert_int_eq(col, 0);
	answers_free(a);
}
END_TEST

TCase *make_answers_tcase(void)
{
	const TTest *tests[] =
		{example_loads_with_profile_and_blocks,   digest_is_of_the_bytes_loaded,
		 set_text_accepts_the_typed_forms,        set_text_refuses_with_reasons,
		 write_then_read_gives_the_same_answers,  save_is_atomic_and_replaces,
		 incomplete_lists_every_missing_id,       errors_carry_line_column_and_path,
		 reader_reads_a_stream_like_single_files, no_blocks_checks_them_but_keeps_none,
		 locate_finds_a_path_in_the_text_loaded,  NULL};
	return test_tcase("answers", NULL, NULL, 0, tests);
}
