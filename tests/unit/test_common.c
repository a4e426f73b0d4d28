/* common/: decimals, text, credit codes, SHA-256, JSON positions, errors, atomic files. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include "common/atomicfile.h"
#include "common/creditcode.h"
#include "common/decimal.h"
#include "common/filelock.h"
#include "common/jsonlex.h"
#include "common/jsonpos.h"
#include "common/sha256.h"
#include "common/text.h"
#include "common/xmldoc.h"
#include "policies/policy.h"
#include "tests/unit/test.h"

START_TEST(decimal_parses_exactly)
{
	int64_t v = 0;
	ck_assert(decimal_parse_milli("0.7", &v) && v == 700);
	ck_assert(decimal_parse_milli("1.875", &v) && v == 1875);
	ck_assert(decimal_parse_milli("7.5", &v) && v == 7500);
	ck_assert(decimal_parse_milli("100", &v) && v == 100000);
	ck_assert(decimal_parse_milli("-3.25", &v) && v == -3250);
	ck_assert(decimal_parse_milli("0", &v) && v == 0);
}
END_TEST

START_TEST(decimal_refuses_inexact_text)
{
	int64_t v = 42;
	ck_assert(!decimal_parse_milli("1.2345", &v)); /* a fourth decimal would be rounded */
	ck_assert(!decimal_parse_milli("1.", &v));
	ck_assert(!decimal_parse_milli("1e3", &v));
	ck_assert(!decimal_parse_milli(" 1", &v));
	ck_assert(!decimal_parse_milli("", &v));
	ck_assert(!decimal_parse_milli("99999999999999999999", &v));
	ck_assert_int_eq(v, 42);
}
END_TEST

START_TEST(decimal_formats_shortest_exact)
{
	char buf[32];
	ck_assert_str_eq(decimal_format_milli(60000, buf, sizeof buf), "60");
	ck_assert_str_eq(decimal_format_milli(59999, buf, sizeof buf), "59.999");
	ck_assert_str_eq(decimal_format_milli(6500, buf, sizeof buf), "6.5");
	ck_assert_str_eq(decimal_format_milli(13125, buf, sizeof buf), "13.125");
	ck_assert_str_eq(decimal_format_milli(20750, buf, sizeof buf), "20.75");
	ck_assert_str_eq(decimal_format_milli(-700, buf, sizeof buf), "-0.7");
	ck_assert_str_eq(decimal_format_yuan(1234567, buf, sizeof buf), "1,234,567");
	ck_assert_str_eq(decimal_format_yuan(300000, buf, sizeof buf), "300,000");
	ck_assert_str_eq(decimal_format_yuan(999, buf, sizeof buf), "999");
	ck_assert_str_eq(decimal_format_yuan(-50001, buf, sizeof buf), "-50,001");
}
END_TEST

START_TEST(decimal_sum_of_sevenths_is_exact)
{
	/* Ten 0.7s in binary floating point make 6.999999999999999; in thousandths, 7000. */
	int64_t one, sum = 0;
	ck_assert(decimal_parse_milli("0.7", &one));
	for (int i = 0; i < 10; i++)
		sum += one;
	ck_assert_int_eq(sum, 7000);
	ck_assert(decimal_milli_to_double(59999) < 60.0);
	ck_assert(decimal_milli_to_double(60000) == 60.0);
}
END_TEST

START_TEST(utf8_validation)
{
	size_t bad = 0;
	ck_assert(text_utf8_valid("数字化 ok", strlen("数字化 ok"), &bad));
	ck_assert(!text_utf8_valid("ab\xff", 3, &bad) && bad == 2);
	ck_assert(!text_utf8_valid("\xc0\xaf", 2, &bad) && bad == 0);         /* overlong '/' */
	ck_assert(!text_utf8_valid("\xed\xa0\x80", 3, &bad) && bad == 0);     /* surrogate */
	ck_assert(!text_utf8_valid("x\xe6\x95", 3, &bad) && bad == 1);        /* truncated */
	ck_assert(!text_utf8_valid("\xf4\x90\x80\x80", 4, &bad) && bad == 0); /* > U+10FFFF */
	/* Long ASCII runs take the eight-byte path; the offset must stay exact. */
	ck_assert(!text_utf8_valid("abcdefghijklmnopq\xff", 18, &bad) && bad == 17);
	ck_assert(!text_utf8_valid("abcdefgh\xe6\x95", 10, &bad) && bad == 8);
	ck_assert(
		text_utf8_valid("abcdefgh数字化abcdefgh", strlen("abcdefgh数字化abcdefgh"), &bad));
}
END_TEST

START_TEST(text_width_and_position)
{
	int line, col;
	ck_assert_uint_eq(text_display_width("数字化基础"), 10);
	ck_assert_uint_eq(text_display_width("F1 网络"), 7);
	ck_assert_uint_eq(text_display_width("（★）"),
			  5); /* full-width parentheses are wide, ★ is not */
	text_position("ab\n数字x", strlen("ab\n数字"), &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 3);
	/* A raw NUL is counted, not taken for the end of the text. */
	text_position("a\0b\nc\0d", 6, &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 3);
}
END_TEST

START_TEST(codepoint_widths_add_up_to_the_text)
{
	ck_assert_uint_eq(text_codepoint_width('a'), 1);
	ck_assert_uint_eq(text_codepoint_width('\t'), 0);
	ck_assert_uint_eq(text_codepoint_width(0x301), 0);  /* a combining acute */
	ck_assert_uint_eq(text_codepoint_width(0x6570), 2); /* 数 */
	ck_assert_uint_eq(text_codepoint_width(0x20000), 2);
	ck_assert_uint_eq(text_codepoint_width(0xFFFD), 1); /* what a bad byte reads as */
	const char *s = "F1 数字\xe6x", *p = s;
	size_t sum = 0;
	while (*p)
		sum += text_codepoint_width(text_next_codepoint(&p));
	ck_assert_uint_eq(sum, text_display_width(s));
}
END_TEST

START_TEST(text_cuts_between_characters)
{
	/* one character of each length: a, é, 数, 𠀀 (bytes 0, 1-2, 3-5, 6-9) */
	const char *s = "a\xc3\xa9\xe6\x95\xb0\xf0\xa0\x80\x80";
	static const size_t whole[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 10};
	ck_assert_uint_eq(text_char_len('a'), 1);
	ck_assert_uint_eq(text_char_len(0x80), 1); /* a stray continuation byte */
	ck_assert_uint_eq(text_char_len(0xC3), 2);
	ck_assert_uint_eq(text_char_len(0xE6), 3);
	ck_assert_uint_eq(text_char_len(0xF0), 4);
	for (size_t max = 0; max < sizeof whole / sizeof whole[0]; max++)
		ck_assert_msg(text_prefix_bytes(s, max) == whole[max], "%zu bytes: %zu", max,
			      text_prefix_bytes(s, max));
	ck_assert_uint_eq(text_prefix_bytes(s, SIZE_MAX), 10);
	ck_assert_uint_eq(text_prefix_bytes("", 5), 0);
	/* a text cut short by snprintf loses the half character at its end */
	ck_assert_uint_eq(text_prefix_bytes("ab\xe6\x95", 10), 2);
	ck_assert_uint_eq(text_prefix_bytes("\xf0\xa0\x80", 3), 0);
	/* a stray continuation byte stands for itself */
	ck_assert_uint_eq(text_prefix_bytes("a\x80"
					    "b",
					    2),
			  2);
	ck_assert_uint_eq(text_prefix_bytes("\x80\x80", 1), 1);

	size_t chars = 99;
	static const size_t first[] = {0, 1, 3, 6, 10, 10};
	for (size_t max = 0; max < sizeof first / sizeof first[0]; max++) {
		ck_assert_uint_eq(text_prefix_chars(s, max, &chars), first[max]);
		ck_assert_uint_eq(chars, max < 4 ? max : 4);
	}
	ck_assert_uint_eq(text_prefix_chars(s, SIZE_MAX, NULL), 10);
	ck_assert_uint_eq(text_prefix_chars("ab\xe6\x95", 3, &chars), 4); /* half a character */
	ck_assert_uint_eq(chars, 3);
	ck_assert_uint_eq(text_prefix_chars("a\x80"
					    "b",
					    1, &chars),
			  2); /* goes with the a */
	ck_assert_uint_eq(chars, 1);
}
END_TEST

START_TEST(text_is_appended_up_to_the_end)
{
	/* 8 bytes of buffer and guard bytes after it, which no append may touch */
	char mem[16];
	char *buf = mem;
	size_t used = 0;
	memset(mem, '#', sizeof mem);
	buf[0] = '\0';
	ck_assert(text_appendf(buf, 8, &used, "%s", "ab"));
	ck_assert(text_appendf(buf, 8, &used, "%d", 12));
	ck_assert_uint_eq(used, 4);
	ck_assert_str_eq(buf, "ab12");
	/* "数" is 3 bytes and only 3 are left with the NUL: it goes whole, not in half */
	ck_assert(!text_appendf(buf, 8, &used, "-%s", "数"));
	ck_assert_str_eq(buf, "ab12-");
	ck_assert_uint_eq(used, 8); /* full: snprintf's would-be length is not added */
	/* a full buffer stays as it is: nothing written past its end, nothing carried on */
	ck_assert(!text_appendf(buf, 8, &used, "%s", "x"));
	ck_assert(!text_appendf(buf, 8, &used, "%s", "a much longer text than the buffer"));
	ck_assert_str_eq(buf, "ab12-");
	ck_assert_uint_eq(used, 8);
	for (size_t i = 8; i < sizeof mem; i++)
		ck_assert_int_eq(mem[i], '#');
	/* a caller's used already past the end (its own sums overflowed) is a full buffer */
	used = 9;
	ck_assert(!text_appendf(buf, 8, &used, "%s", "y"));
	ck_assert_uint_eq(used, 8);
	ck_assert_str_eq(buf, "ab12-");
	/* exactly filling the buffer fits */
	used = 0;
	ck_assert(text_appendf(buf, 8, &used, "%s", "数数a"));
	ck_assert_uint_eq(used, 7);
	ck_assert(text_appendf(buf, 8, &used, "%s", ""));
	ck_assert(!text_appendf(buf, 8, &used, "%s", "b"));
	ck_assert_str_eq(buf, "数数a");
	/* nothing fits in no room at all, and nothing is written */
	used = 0;
	ck_assert(!text_appendf(mem + 12, 0, &used, "%s", "z"));
	ck_assert_int_eq(mem[12], '#');
}
END_TEST

START_TEST(digits_are_read_or_refused)
{
	ck_assert_int_eq(text_digits("2026-11", 4), 2026);
	ck_assert_int_eq(text_digits("0835", 2), 8);
	ck_assert_int_eq(text_digits("350582", 6), 350582);
	ck_assert_int_eq(text_digits("x", 0), 0);
	ck_assert_int_eq(text_digits("20 6", 4), -1);
	ck_assert_int_eq(text_digits("+1", 2), -1);
	ck_assert_int_eq(text_digits("1", 2), -1); /* the end is not a digit */
}
END_TEST

/* What precedes the root is skipped whole: a comment's own '<' is no element. */
START_TEST(root_element_past_comments)
{
	static const char *const cases[][2] = {
		{"<policy format=\"1\">", "policy"},
		{"<?xml version=\"1.0\"?>\n<questionnaire>", "questionnaire"},
		{"<!-- licence: see <policy> in the notes -->\n<questionnaire id=\"x\">",
		 "questionnaire"},
		{"<!-- a -->\n<?pi x > y?><!-- <b> -->\n<policy>", "policy"},
		{"<!DOCTYPE policy>\n<questionnaire/>", "questionnaire"},
		{"<policy/>", "policy"},
	};
	char name[16];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_msg(xmldoc_root_name(cases[i][0], name, sizeof name), "%s", cases[i][0]);
		ck_assert_str_eq(name, cases[i][1]);
	}
	/* The text ends inside a comment, or before any element: no root to name. */
	static const char *const none[] = {"", "no markup", "<?xml?>", "<!-- <policy>", "<?pi"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		ck_assert_msg(!xmldoc_root_name(none[i], name, sizeof name), "%s", none[i]);
		ck_assert_str_eq(name, "");
	}
	/* A name longer than the buffer is cut to fit. */
	ck_assert(xmldoc_root_name("<questionnaire>", name, 7));
	ck_assert_str_eq(name, "questi");
}
END_TEST

START_TEST(suffixes_and_extensions)
{
	ck_assert(text_ends_with("miit-2024.xml", ".xml"));
	ck_assert(text_ends_with(".xml", ".xml"));
	ck_assert(text_ends_with("x", ""));
	ck_assert(!text_ends_with("miit-2024.XML", ".xml")); /* as strcmp compares */
	ck_assert(!text_ends_with("ml", ".xml"));
	ck_assert(!text_ends_with(NULL, "/sharedStrings"));
	ck_assert(text_has_extension_anycase("a.json", ".json"));
	ck_assert(text_has_extension_anycase("A.JSON", ".json"));
	ck_assert(text_has_extension_anycase("x.NDJson", ".ndjson"));
	ck_assert(!text_has_extension_anycase(".json", ".json")); /* a hidden file's whole name */
	ck_assert(!text_has_extension_anycase("json", ".json"));
	ck_assert(!text_has_extension_anycase("a.json.tmp", ".json"));
	ck_assert(text_has_extension("miit-2024.xml", ".xml"));
	ck_assert(!text_has_extension("MIIT.XML", ".xml")); /* as strcmp compares */
	ck_assert(!text_has_extension(".xml", ".xml"));
	ck_assert(text_has_extension("a.xml", ".xml"));
}
END_TEST

static void ck_folder(const char *path, const char *folder)
{
	size_t n;
	const char *f = text_path_folder(path, &n);
	ck_assert_msg(n == strlen(folder) && strncmp(f, folder, n) == 0, "%s: %.*s", path, (int)n,
		      f);
}

START_TEST(folder_of_a_path)
{
	ck_folder("out/acme.json", "out");
	ck_folder("a/b/acme.json", "a/b");
	ck_folder("/acme.json", "/");
	ck_folder("acme.json", ".");
	ck_folder("a/", "a");
	ck_folder("", ".");
}
END_TEST

START_TEST(paths_are_joined_or_refused)
{
	char buf[10];
	ck_assert(text_path_join(buf, sizeof buf, "out", "a.pdf"));
	ck_assert_str_eq(buf, "out/a.pdf");
	ck_assert(!text_path_join(buf, sizeof buf, "out", "ab.pdf")); /* 11 bytes with the NUL */
	ck_assert(text_path_join(buf, sizeof buf, ".", "ab.pdf"));
	ck_assert_str_eq(buf, "./ab.pdf");
}
END_TEST

START_TEST(credit_codes)
{
	char why[128];
	ck_assert(creditcode_valid("91350582MA2Y8K3L0Q", why, sizeof why));
	ck_assert(creditcode_valid("91350500MA31XP7C4M", why, sizeof why));
	ck_assert(!creditcode_valid("91350500MA31XP7C4N", why, sizeof why));
	ck_assert_str_eq(why, "check character is 'N', expected 'M'");
	ck_assert(!creditcode_valid("91350500MA31XP7CIM", why, sizeof why));
	ck_assert(!creditcode_valid("9135", why, sizeof why));
	ck_assert(!creditcode_valid("91350500ma31xp7c4m", why,
				    sizeof why)); /* lower case is not the code */
	ck_assert_int_eq(creditcode_check_char("91350200MA34T5QB2"), 'X');
}
END_TEST

START_TEST(sha256_known_vectors)
{
	char hex[65];
	sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two =
		"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: 2 blocks */
	sha256_hex(two, strlen(two), hex);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}
END_TEST

/* %s arguments are data: escaped, with width and precision; the rest is printf's. */
START_TEST(fprintf_escapes_its_string_arguments)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	ck_assert_int_eq(text_fprintf_escaped(f, "[%-8s|%3d|%.3s|%zu|%5s|%-3s|%c|%lld%%|%*u]\n",
					      "a\x1B[2J", -7, "ab\xC2\x85", (size_t)42, "\xC2\x85",
					      "长", 'x', 123456789012LL, 4, 9u),
			 0);
	fclose(f);
	ck_assert_str_eq(buf, "[a\\x1B[2J| -7|ab\\xC2|42|\\u0085|长|x|123456789012%|   9]\n");
	free(buf);
}
END_TEST

START_TEST(jsonlex_finds_where_tokens_end)
{
	const char *t = " \f\x01{\"a\\\"]\": [1, -2.5e3, true], \"b\": null} x";
	size_t n = strlen(t);
	ck_assert_uint_eq(jsonlex_space(t, n, 0), 3);    /* cJSON's whitespace, not only RFC's */
	ck_assert_uint_eq(jsonlex_string(t, n, 4), 10);  /* the escaped quote stays inside */
	ck_assert_uint_eq(jsonlex_scalar(t, n, 16), 22); /* -2.5e3 */
	ck_assert_uint_eq(jsonlex_value(t, n, 11), 29);  /* the array */
	ck_assert_uint_eq(jsonlex_value(t, n, 3), 41);   /* the object: "]" in a key is text */
	ck_assert_uint_eq(jsonlex_value(t, n, 41), n);   /* x, to the end */
	ck_assert_uint_eq(jsonlex_string("\"ab\\", 4, 0), 4); /* cut short */
}
END_TEST

START_TEST(jsonpos_finds_values)
{
	const char *t = "{\"a\": 1,\n \"b\": {\"c\": [10, {\"d\": \"x\"}]},\n \"a\": 2}";
	size_t off;
	ck_assert(jsonpos_find(t, strlen(t), "$.b.c[1].d", 1, &off));
	ck_assert_int_eq(t[off], '"');
	ck_assert_int_eq(t[off + 1], 'x');
	ck_assert(jsonpos_find(t, strlen(t), "$.a", 2, &off));
	ck_assert_int_eq(t[off], '2');
	ck_assert(!jsonpos_find(t, strlen(t), "$.b.c[5]", 1, &off));
	ck_assert(!jsonpos_find(t, strlen(t), "$.z", 1, &off));
}
END_TEST

START_TEST(jsonpos_steps_over_any_whitespace)
{
	/* cJSON's whitespace, which the text was parsed with: every byte up to the space. */
	const char *t = "{\f\"a\":\x01[1,\v{\"b\":\x01true}]}";
	size_t off;
	ck_assert(jsonpos_find(t, strlen(t), "$.a[1].b", 1, &off));
	ck_assert_int_eq(t[off], 't');
	const char nul[] = "[\0\"x\"]";
	ck_assert(jsonpos_find(nul, sizeof nul - 1, "$[0]", 1, &off));
	ck_assert_uint_eq(off, 2);
}
END_TEST

START_TEST(every_error_code_has_text_and_exit)
{
	for (int c = 0; c < ASSESS_ERR_MAX; c++) {
		ck_assert_str_ne(assess_strerror((assess_code)c), "unknown error");
		ck_assert(c == ASSESS_OK || assess_exit_code((assess_code)c) >= 64);
	}
	ck_assert_int_eq(assess_exit_code(ASSESS_ERR_USAGE), EX_USAGE);
	ck_assert_int_eq(assess_exit_code(ASSESS_ERR_DATA), EX_DATAERR);
	ck_assert_int_eq(assess_exit_code(ASSESS_ERR_NOINPUT), EX_NOINPUT);
	ck_assert_int_eq(assess_exit_code(ASSESS_ERR_CANTCREAT), EX_CANTCREAT);
	ck_assert_int_eq(assess_exit_code(ASSESS_ERR_IO), EX_IOERR);
	/* One list: the stream's tokens and the Errors sheet's labels come with every code. */
	for (int c = 0; c < ASSESS_ERR_MAX; c++) {
		ck_assert(assess_code_name((assess_code)c)[0]);
		ck_assert(assess_code_label((assess_code)c, 0)[0]);
		ck_assert(assess_code_label((assess_code)c, 1)[0]);
		for (int d = 0; d < c; d++)
			ck_assert_str_ne(assess_code_name((assess_code)c),
					 assess_code_name((assess_code)d));
	}
	ck_assert_str_eq(assess_code_name(ASSESS_ERR_DATA), "data");
	ck_assert_str_eq(assess_code_name(ASSESS_ERR_MAX), "internal");
	ck_assert_str_eq(assess_code_label(ASSESS_ERR_IO, 0), "读写错误");
	ck_assert_str_eq(assess_code_label(ASSESS_ERR_IO, 1), "I/O error");
	ck_assert_str_eq(assess_strerror(ASSESS_ERR_MAX), "unknown error");
}
END_TEST

/* An id that cannot name a file is bad data for questionnaires and policies alike (65). */
START_TEST(invalid_ids_are_data_errors)
{
	assess_error err = {0};
	ck_assert_ptr_null(questionnaire_open("a b", QUESTIONNAIRES_DIR, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_ptr_null(policy_open("a b", POLICIES_DIR, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_int_eq(assess_exit_code(err.code), EX_DATAERR);
}
END_TEST

START_TEST(error_format_like_a_compiler)
{
	assess_error err = {0};
	char buf[1024];
	assess_fail(&err, ASSESS_ERR_DATA, "a.json", 3, 7, "bad %s", "thing");
	assess_error_format(&err, buf, sizeof buf);
	ck_assert_str_eq(buf, "a.json:3:7: bad thing");
	snprintf(err.path, sizeof err.path, "$.answers.F1");
	assess_error_format(&err, buf, sizeof buf);
	ck_assert_str_eq(buf, "a.json:3:7: $.answers.F1: bad thing");
	assess_fail(&err, ASSESS_ERR_IO, "out.xlsx", 0, 0, "disk full");
	assess_error_format(&err, buf, sizeof buf);
	ck_assert_str_eq(buf, "out.xlsx: disk full");
}
END_TEST

/* Running out of memory reads the same everywhere: the input, no place in it, the code's words. */
START_TEST(out_of_memory_is_said_one_way)
{
	assess_error err = {0};
	char buf[1024];
	assess_fail_path(&err, ASSESS_ERR_DATA, "a.json", "$.answers.F1", "bad thing");
	err.line = 3;
	ck_assert_int_eq(assess_nomem(&err, "a.json"), ASSESS_ERR_NOMEM);
	ck_assert_int_eq(err.code, ASSESS_ERR_NOMEM);
	assess_error_format(&err, buf, sizeof buf);
	ck_assert_str_eq(buf, "a.json: out of memory");
	ck_assert_int_eq(assess_nomem(&err, NULL), ASSESS_ERR_NOMEM);
	ck_assert_str_eq(err.file, "");
	ck_assert_str_eq(err.msg, "out of memory");
	ck_assert_int_eq(assess_nomem(NULL, "a.json"), ASSESS_ERR_NOMEM);
}
END_TEST

/* Nothing readable there is a missing input (exit 66), whatever else kept it shut an I/O error. */
START_TEST(an_input_that_cannot_be_opened_is_said_one_way)
{
	assess_error err = {0};
	char buf[1024], want[1024];
	ck_assert_int_eq(assess_cannot_open(&err, "a.json", ENOENT), ASSESS_ERR_NOINPUT);
	assess_error_format(&err, buf, sizeof buf);
	snprintf(want, sizeof want, "a.json: cannot open: %s", strerror(ENOENT));
	ck_assert_str_eq(buf, want);
	ck_assert_int_eq(assess_cannot_open(&err, "a.json", EACCES), ASSESS_ERR_NOINPUT);
	ck_assert_int_eq(assess_cannot_open(&err, "f/a.json", ENOTDIR), ASSESS_ERR_NOINPUT);
	ck_assert_int_eq(assess_cannot_open(&err, "a.json", EIO), ASSESS_ERR_IO);
	ck_assert_int_eq(err.code, ASSESS_ERR_IO);
	ck_assert_int_eq(assess_cannot_open(NULL, "a.json", EMFILE), ASSESS_ERR_IO);
}
END_TEST

/* A message longer than the record holds is cut between characters. */
START_TEST(a_long_error_message_ends_whole)
{
	assess_error err = {0};
	char text[1000];
	size_t n = 0, bad;
	text[n++] = 'a';
	for (; n + 3 < sizeof text; n += 3)
		memcpy(text + n, "数", 3);
	text[n] = '\0';
	assess_fail(&err, ASSESS_ERR_DATA, "a.json", 0, 0, "%s", text);
	ck_assert_msg(text_utf8_valid(err.msg, strlen(err.msg), &bad), "byte %zu", bad);
	ck_assert_uint_eq(strlen(err.msg), 1 + 255 * 3);
	assess_fail(&err, ASSESS_ERR_DATA, "a.json", 0, 0, "x");
	assess_error_append(&err, ": %s", text);
	ck_assert_msg(text_utf8_valid(err.msg, strlen(err.msg), &bad), "byte %zu", bad);
	ck_assert_uint_eq(strlen(err.msg), 3 + 1 + 254 * 3);
}
END_TEST

TCase *make_common_tcase(void)
{
	const TTest *tests[] = {decimal_parses_exactly,
				decimal_refuses_inexact_text,
				decimal_formats_shortest_exact,
				decimal_sum_of_sevenths_is_exact,
				utf8_validation,
				text_width_and_position,
				text_cuts_between_characters,
				text_is_appended_up_to_the_end,
				codepoint_widths_add_up_to_the_text,
				digits_are_read_or_refused,
				suffixes_and_extensions,
				root_element_past_comments,
				folder_of_a_path,
				paths_are_joined_or_refused,
				credit_codes,
				sha256_known_vectors,
				fprintf_escapes_its_string_arguments,
				jsonlex_finds_where_tokens_end,
				jsonpos_finds_values,
				jsonpos_steps_over_any_whitespace,
				every_error_code_has_text_and_exit,
				invalid_ids_are_data_errors,
				error_format_like_a_compiler,
				out_of_memory_is_said_one_way,
				an_input_that_cannot_be_opened_is_said_one_way,
				a_long_error_message_ends_whole,
				NULL};
	return test_tcase("common", NULL, NULL, 0, tests);
}

/* ---- atomic files: each test works in a fresh folder ---- */

START_TEST(atomic_write_creates_and_refuses_to_clobber)
{
	const char *path = test_in_dir("out.json");
	assess_error err = {0};
	ck_assert_ok(atomicfile_write(path, "one", 3, 0, &err), &err);
	ck_assert_file_eq(path, "one");
	ck_assert_int_eq(atomicfile_write(path, "two", 3, 0, &err), ASSESS_ERR_EXISTS);
	ck_assert_file_eq(path, "one");
	ck_assert_ok(atomicfile_write(path, "two", 3, ATOMICFILE_REPLACE, &err), &err);
	ck_assert_file_eq(path, "two");
	ck_assert_int_eq(test_dir_entries(), 1); /* no temporary file left behind */
}
END_TEST

START_TEST(atomic_abort_leaves_nothing)
{
	const char *path = test_in_dir("report.xlsx");
	assess_error err = {0};
	atomicfile *af = atomicfile_begin(path, 0, &err);
	ck_assert_ptr_nonnull(af);
	fputs("partial", atomicfile_stream(af));
	ck_assert_int_eq(test_dir_entries(), 1); /* the temporary file */
	atomicfile_abort(af);
	ck_assert_int_eq(test_dir_entries(), 0);
	ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

START_TEST(atomic_write_into_missing_folder_fails_cleanly)
{
	const char *path = test_in_dir("no/such/out.json");
	assess_error err = {0};
	ck_assert_int_eq(atomicfile_write(path, "x", 1, 0, &err), ASSESS_ERR_CANTCREAT);
	ck_assert_str_eq(err.file, path);
}
END_TEST

START_TEST(atomic_by_name_for_other_writers)
{
	const char *path = test_in_dir("named.txt");
	assess_error err = {0};
	atomicfile *af = atomicfile_begin(path, 0, &err);
	atomicfile_close_stream(af);
	test_write_file(atomicfile_tmppath(af), "by name");
	ck_assert_ok(atomicfile_commit(af, &err), &err);
	ck_assert_file_eq(path, "by name");
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_ne(st.st_mode & 0044, 0); /* readable by others, as a normal output file */
}
END_TEST

START_TEST(atomic_force_replaces_regular_files_only)
{
	const char *other = test_in_dir("precious.txt");
	assess_error err = {0};
	struct stat st;
	ck_assert_ok(atomicfile_write(other, "keep", 4, 0, &err), &err);
	/* A symlink: --force must not write through it, nor replace the link. */
	const char *path = test_in_dir("link.xlsx");
	ck_assert_int_eq(symlink(other, path), 0);
	ck_assert_int_eq(atomicfile_write(path, "evil", 4, ATOMICFILE_REPLACE, &err),
			 ASSESS_ERR_CANTCREAT);
	ck_assert_msg_has(&err, "not a regular file (a symbolic link)");
	ck_assert_file_eq(other, "keep");
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert(S_ISLNK(st.st_mode));
	/* A FIFO, and a folder. */
	path = test_in_dir("fifo");
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	ck_assert_int_eq(atomicfile_write(path, "x", 1, ATOMICFILE_REPLACE, &err),
			 ASSESS_ERR_CANTCREAT);
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	path = test_in_dir("folder");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_int_eq(atomicfile_write(path, "x", 1, ATOMICFILE_REPLACE | ATOMICFILE_BY_NAME,
					  &err),
			 ASSESS_ERR_CANTCREAT);
	ck_assert_int_eq(test_dir_entries(), 4); /* no temporary left */
}
END_TEST

START_TEST(atomic_force_keeps_the_mode)
{
	const char *path = test_in_dir("out.json");
	assess_error err = {0};
	struct stat st;
	ck_assert_ok(atomicfile_write(path, "one", 3, 0, &err), &err);
	ck_assert_int_eq(chmod(path, 0640), 0);
	ck_assert_ok(atomicfile_write(path, "two", 3, ATOMICFILE_REPLACE, &err), &err);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0640);
	/* The same for a writer by name. */
	ck_assert_int_eq(chmod(path, 0604), 0);
	atomicfile *af = atomicfile_begin(path, ATOMICFILE_REPLACE | ATOMICFILE_BY_NAME, &err);
	ck_assert_ptr_nonnull(af);
	test_write_file(atomicfile_tmppath(af), "three");
	ck_assert_ok(atomicfile_commit(af, &err), &err);
	ck_assert_file_eq(path, "three");
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0604);
}
END_TEST

/* #10.6: the name a writer opens later lies in a folder only this user can change. */
START_TEST(atomic_by_name_lives_in_a_private_folder)
{
	char dir[256];
	assess_error err = {0};
	struct stat st;
	atomicfile *af = atomicfile_begin(test_in_dir("report.xlsx"), ATOMICFILE_BY_NAME, &err);
	ck_assert_ptr_nonnull(af);
	ck_assert_ptr_null(atomicfile_stream(af));
	snprintf(dir, sizeof dir, "%s", atomicfile_tmppath(af));
	*strrchr(dir, '/') = '\0';
	ck_assert_str_ne(dir, test_dir);
	ck_assert_int_eq(lstat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 07777, 0700);
	ck_assert_int_ne(access(atomicfile_tmppath(af), F_OK), 0); /* nothing to swap yet */
	atomicfile_abort(af);
	ck_assert_int_eq(test_dir_entries(), 0);
}
END_TEST

START_TEST(atomic_long_names_fit)
{
	char name[256];
	assess_error err = {0};
	memset(name, 'n', 245);
	snprintf(name + 245, sizeof name - 245, ".json");
	const char *path = test_in_dir(name);
	ck_assert_ok(atomicfile_write(path, "x", 1, 0, &err), &err);
	ck_assert_file_eq(path, "x");
	unlink(path);
	atomicfile *af = atomicfile_begin(path, ATOMICFILE_BY_NAME, &err);
	ck_assert_ptr_nonnull(af);
	test_write_file(atomicfile_tmppath(af), "y");
	ck_assert_ok(atomicfile_commit(af, &err), &err);
	ck_assert_file_eq(path, "y");
	ck_assert_int_eq(test_dir_entries(), 1);
}
END_TEST

/* Sets path's times an hour back: old enough for a sweep (a link's own times, not its
 * target's). */
static void make_hour_old(const char *path)
{
	struct timespec hour_ago[2] = {{.tv_sec = time(NULL) - 3600},
				       {.tv_sec = time(NULL) - 3600}};
	ck_assert_msg(utimensat(AT_FDCWD, path, hour_ago, AT_SYMLINK_NOFOLLOW) == 0,
		      "cannot set the times of %s", path);
}

/* A killed writer's private folder goes at the next sweep; a live one's stays. */
START_TEST(atomic_sweep_removes_only_stale_folders)
{
	static const char *const entries[] = {"output", NULL};
	char stale[256], file[300];
	assess_error err = {0};
	int fd;
	atomicfile *live = atomicfile_begin(test_in_dir("live.xlsx"), ATOMICFILE_BY_NAME, &err);
	ck_assert_ptr_nonnull(live);
	char *dir = atomicfile_private_dir(test_dir, ATOMICFILE_DIR_PREFIX, &fd);
	ck_assert_ptr_nonnull(dir);
	snprintf(stale, sizeof stale, "%s", dir);
	snprintf(file, sizeof file, "%s/output", dir);
	test_write_file(file, "half a workbook");
	close(fd); /* its process died: the lock is gone */
	free(dir);
	/* Too young to be sure: left alone. */
	atomicfile_sweep(test_dir, ATOMICFILE_DIR_PREFIX, entries);
	ck_assert_int_eq(test_dir_entries(), 2);
	make_hour_old(stale);
	char live_dir[256];
	snprintf(live_dir, sizeof live_dir, "%s", atomicfile_tmppath(live));
	*strrchr(live_dir, '/') = '\0';
	make_hour_old(live_dir);
	atomicfile_sweep(test_dir, ATOMICFILE_DIR_PREFIX, entries);
	ck_assert_int_eq(test_dir_entries(), 1); /* the live one, still locked */
	ck_assert_int_ne(access(stale, F_OK), 0);
	ck_assert_int_eq(access(live_dir, F_OK), 0);
	atomicfile_abort(live);
	ck_assert_int_eq(test_dir_entries(), 0);
}
END_TEST

/* A file in test_dir named name, its times an hour back when old. Returns its path
 * (test_in_dir's). */
static const char *leftover(const char *name, bool old)
{
	const char *path = test_in_dir(name);
	test_write_file(path, "half a workbook");
	if (old)
		make_hour_old(path);
	return path;
}

static bool present(const char *name)
{
	struct stat st;
	return lstat(test_in_dir(name), &st) == 0;
}

/*
 * What earlier versions left beside a workbook (".NAME.xlsx.XXXXXX") goes, when it is a
 * regular file of ours left unchanged long enough and unlocked; nothing else does.
 */
START_TEST(atomic_sweep_stale_removes_only_old_temporaries)
{
	static const char *const kept_names[] =
		{".young.xlsx.Ab12Cd", /* unchanged for less than the age: maybe still written */
		 ".short.xlsx.Ab12C",  /* not mkstemp's six characters */
		 ".other.xlsx.Ab12C!", ".acme.json.Ab12Cd",   "acme.xlsx.Ab12Cd",
		 ".xlsx.Ab12Cd",       ".acme.xlsx.Ab12Cd.x", NULL};
	leftover(".acme.xlsx.Ab12Cd", true);
	leftover(".a.b.xlsx.000000", true);
	leftover(".young.xlsx.Ab12Cd", false);
	for (const char *const *n = kept_names + 1; *n; n++)
		leftover(*n, true);
	/* A link, a folder and a FIFO under the name: not what any version wrote. */
	const char *target = leftover("target", true);
	const char *path = test_in_dir(".link.xlsx.Ab12Cd");
	ck_assert_int_eq(symlink(target, path), 0);
	make_hour_old(path);
	path = test_in_dir(".dir.xlsx.Ab12Cd");
	ck_assert_int_eq(mkdir(path, 0700), 0);
	make_hour_old(path);
	path = test_in_dir(".fifo.xlsx.Ab12Cd");
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	make_hour_old(path);
	/* One still locked by its writer. */
	int held = open(leftover(".held.xlsx.Ab12Cd", true), O_RDONLY | O_CLOEXEC);
	ck_assert_int_ge(held, 0);
	ck_assert_int_eq(flock(held, LOCK_EX), 0);
	/* Another user's (root can make one). */
	bool foreign =
		geteuid() == 0 && chown(leftover(".theirs.xlsx.Ab12Cd", true), 65534, 65534) == 0;
	int before = test_dir_entries();

	atomicfile_sweep_stale(test_dir, ".xlsx", 600);
	ck_assert(!present(".acme.xlsx.Ab12Cd"));
	ck_assert(!present(".a.b.xlsx.000000"));
	ck_assert_int_eq(test_dir_entries(), before - 2);
	for (const char *const *n = kept_names; *n; n++)
		ck_assert_msg(present(*n), "%s was removed", *n);
	ck_assert(present(".link.xlsx.Ab12Cd") && present("target"));
	ck_assert(present(".dir.xlsx.Ab12Cd") && present(".fifo.xlsx.Ab12Cd"));
	ck_assert(present(".held.xlsx.Ab12Cd"));
	ck_assert(!foreign || present(".theirs.xlsx.Ab12Cd"));
	close(held);
	atomicfile_sweep_stale(test_dir, ".xlsx", 600);
	ck_assert(!present(".held.xlsx.Ab12Cd")); /* its writer let go */
	rmdir(test_in_dir(".dir.xlsx.Ab12Cd"));
}
END_TEST

START_TEST(filelock_one_holder_at_a_time)
{
	const char *path = test_in_dir("acme.json"), *companion = test_in_dir(".acme.json.lock");
	assess_error err = {0};
	filelock *held = filelock_take(path, &err);
	ck_assert_msg(held != NULL, "%s", err.msg);
	ck_assert_int_eq(access(companion, F_OK), 0);
	/* flock() locks belong to the open file: a second take in this process is refused too. */
	ck_assert_ptr_null(filelock_take(path, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_CANTCREAT);
	char want[64];
	snprintf(want, sizeof want, "(process %ld)", (long)getpid());
	ck_assert_msg_has(&err, want);
	filelock_release(held);
	ck_assert_int_ne(access(companion, F_OK), 0); /* removed on release */
	held = filelock_take(path, &err);
	ck_assert_ptr_nonnull(held);
	filelock_release(held);
	path = test_in_dir("no-such-folder/acme.json");
	ck_assert_ptr_null(filelock_take(path, &err));
	ck_assert_msg_has(&err, "cannot create");
	ck_assert_int_eq(test_dir_entries(), 0);
}
END_TEST

TCase *make_atomicfile_tcase(void)
{
	const TTest *tests[] = {atomic_write_creates_and_refuses_to_clobber,
				atomic_abort_leaves_nothing,
				atomic_write_into_missing_folder_fails_cleanly,
				atomic_by_name_for_other_writers,
				atomic_force_replaces_regular_files_only,
				atomic_force_keeps_the_mode,
				atomic_by_name_lives_in_a_private_folder,
				atomic_long_names_fit,
				atomic_sweep_removes_only_stale_folders,
				atomic_sweep_stale_removes_only_old_temporaries,
				filelock_one_holder_at_a_time,
				NULL};
	return test_tcase("atomicfile", test_dir_make, test_dir_remove, 0, tests);
}

/* ---- the tests' own folders ---- */

/* Where the test that fails on purpose records the folder it worked in. */
static char failing_note[512];

START_TEST(fails_in_its_folder)
{
	test_write_file(test_in_dir("made"), "");
	test_write_file(failing_note, test_dir);
	ck_abort_msg("fails on purpose");
}
END_TEST

/* A test that fails ends its process before its teardown; its folder goes all the same. */
START_TEST(a_failed_test_leaves_no_folder)
{
	snprintf(failing_note, sizeof failing_note, "%s", test_in_dir("failed-in"));
	const TTest *tests[] = {fails_in_its_folder, NULL};
	Suite *s = suite_create("fails");
	suite_add_tcase(s, test_tcase("fails", test_dir_make, test_dir_remove, 0, tests));
	ck_assert_int_eq(test_run_suite(s, CK_FORK, CK_SILENT), 1);
	char *failed_in = test_read_file(failing_note, NULL);
	struct stat st;
	ck_assert_msg(stat(failed_in, &st) != 0, "%s is left", failed_in);
	free(failed_in);
}
END_TEST

/* A path from test_in_dir is still its own after many more. */
START_TEST(paths_in_the_folder_last_the_whole_test)
{
	const char *first = test_in_dir("first");
	for (int i = 0; i < 8; i++)
		test_in_dir("later");
	ck_assert_str_eq(first + strlen(test_dir), "/first");
}
END_TEST

TCase *make_test_dir_tcase(void)
{
	const TTest *tests[] = {a_failed_test_leaves_no_folder,
				paths_in_the_folder_last_the_whole_test, NULL};
	return test_tcase("test-dir", test_dir_make, test_dir_remove, 0, tests);
}
