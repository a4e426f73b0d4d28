/*
 * Input limits: what an attacker's input costs (linear, never quadratic) and what it may not
 * hold (NULs, control characters, repeated keys). common/keyset, common/jsoncheck, and the
 * loaders that use them.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "common/fastjson.h"
#include "common/jsoncheck.h"
#include "common/keyset.h"
#include "common/readfile.h"
#include "common/text.h"
#include "policies/policy.h"
#include "tests/unit/test.h"

/* Enough keys that comparing each with all before it takes minutes, one a few milliseconds. */
#define MANY 200000

/* {"k0":0,"k1":1,...} with MANY keys, then extra (e.g. ",\"k5\":0"), then "}" and tail. */
static char *many_keys(const char *head, const char *extra, const char *tail, size_t *len)
{
	size_t cap = strlen(head) + strlen(extra) + strlen(tail) + (size_t)MANY * 24 + 8;
	char *t = malloc(cap);
	ck_assert_ptr_nonnull(t);
	size_t n = (size_t)snprintf(t, cap, "%s{", head);
	for (int k = 0; k < MANY; k++)
		n += (size_t)snprintf(t + n, cap - n, "%s\"key-%d\":%d", k ? "," : "", k, k);
	n += (size_t)snprintf(t + n, cap - n, "%s}%s", extra, tail);
	*len = n;
	return t;
}

START_TEST(keyset_finds_repeats)
{
	keyset *ks = keyset_new();
	char(*names)[16] = malloc(MANY * sizeof *names);
	ck_assert_ptr_nonnull(names);
	for (int i = 0; i < MANY; i++) {
		snprintf(names[i], sizeof names[i], "k%d", i);
		ck_assert_int_eq(keyset_add(ks, names[i], strlen(names[i])), 0);
	}
	ck_assert_int_eq(keyset_add(ks, "k77", 3), 1);
	ck_assert_int_eq(keyset_add(ks, "k7", 2), 1);
	ck_assert_int_eq(keyset_add(ks, "k", 1), 0);
	ck_assert_int_eq(keyset_add(ks, "k77x", 3), 1); /* the length is what counts */
	keyset_clear(ks);
	ck_assert_int_eq(keyset_add(ks, "k77", 3), 0);
	ck_assert_int_eq(keyset_add(ks, "", 0), 0);
	ck_assert_int_eq(keyset_add(ks, "", 0), 1);
	keyset_clear(ks);
	keyset_clear(ks);
	ck_assert_int_eq(keyset_add(ks, "k77", 3), 0);
	keyset_free(ks);
	keyset_free(NULL);
	free(names);
}
END_TEST

static jsoncheck_kind strings_kind(const char *text, const char *want_path, size_t want_at)
{
	char path[160] = "$";
	size_t at = 0;
	jsoncheck_char c = jsoncheck_strings(text, strlen(text), path, sizeof path, &at);
	if (c.kind) {
		ck_assert_msg(strcmp(path, want_path) == 0, "%s: path %s, not %s", text, path,
			      want_path);
		ck_assert_msg(at == want_at, "%s: offset %zu, not %zu", text, at, want_at);
	}
	return c.kind;
}

START_TEST(strings_refuse_nul_and_controls)
{
	ck_assert_int_eq(strings_kind("{\"name\":\"ACME\\u0000EVIL\"}", "$.name", 13),
			 JSONCHECK_NUL);
	ck_assert_int_eq(strings_kind("{\"a\":[1,{\"b\":\"x\x1b[31m\"}]}", "$.a[1].b", 15),
			 JSONCHECK_RAW);
	ck_assert_int_eq(strings_kind("{\"a\":\"x\ny\"}", "$.a", 7), JSONCHECK_RAW);
	ck_assert_int_eq(strings_kind("{\"a\":\"\\u001B\"}", "$.a", 6), JSONCHECK_ESCAPED);
	ck_assert_int_eq(strings_kind("{\"a\":\"\\b\"}", "$.a", 6), JSONCHECK_ESCAPED);
	ck_assert_int_eq(strings_kind("[\"ok\",\"\\f\"]", "$[1]", 7), JSONCHECK_ESCAPED);
	ck_assert_int_eq(strings_kind("{\"k\\u0000\":1}", "$.k", 3), JSONCHECK_NUL);
	/* What is fine: escaped tab and line breaks, an escaped backslash before "u0000". */
	ck_assert_int_eq(strings_kind("{\"a\":\"x\\ny\\tz\\r\\u000a\"}", "", 0), JSONCHECK_OK);
	ck_assert_int_eq(strings_kind("{\"a\":\"\\\\u0000\"}", "", 0), JSONCHECK_OK);
	ck_assert_int_eq(strings_kind("{\"a\":\"\\\"\\u0041\", \"b\" : [true, null, -1.5e3]}", "",
				      0),
			 JSONCHECK_OK);
	/* Cut texts are scanned as far as they go. */
	ck_assert_int_eq(strings_kind("{\"a\":\"abc", "", 0), JSONCHECK_OK);
	ck_assert_int_eq(strings_kind("{\"a\":\"\\u00", "", 0), JSONCHECK_OK);
	char buf[160];
	jsoncheck_char nul = {JSONCHECK_NUL, 0}, esc = {JSONCHECK_ESCAPED, 0x1b};
	ck_assert_str_eq(jsoncheck_message(nul, buf, sizeof buf),
			 "a NUL character (\\u0000) is not allowed in text");
	ck_assert_str_eq(jsoncheck_message(esc, buf, sizeof buf),
			 "control character U+001B is not allowed in text");
}
END_TEST

START_TEST(strings_are_checked_past_any_whitespace)
{
	/* cJSON steps over every byte up to the space between tokens, so the scan does too. */
	ck_assert_int_eq(strings_kind("{\f\"name\":\"ACME\\u0000EVIL\"}", "$.name", 14),
			 JSONCHECK_NUL);
	ck_assert_int_eq(strings_kind("[1\x01,\v\"\\u0000\"]", "$[1]", 6), JSONCHECK_NUL);
	const char nul[] = "{\"a\":\0\"x\x1b\"}";
	char path[16] = "$";
	size_t at = 0;
	ck_assert_int_eq(jsoncheck_strings(nul, sizeof nul - 1, path, sizeof path, &at).kind,
			 JSONCHECK_RAW);
	ck_assert_str_eq(path, "$.a");
	ck_assert_uint_eq(at, 8);
}
END_TEST

static int duplicate(const char *text, char *path, size_t cap)
{
	cJSON *root = cJSON_Parse(text);
	ck_assert_ptr_nonnull(root);
	snprintf(path, cap, "$");
	const char *key = NULL;
	int r = jsoncheck_duplicate(root, path, cap, &key);
	if (r == 1)
		ck_assert_ptr_nonnull(key);
	cJSON_Delete(root);
	return r;
}

START_TEST(duplicates_in_document_order)
{
	char path[160];
	ck_assert_int_eq(duplicate("{\"a\":{\"x\":1,\"x\":2},\"a\":3}", path, sizeof path), 1);
	ck_assert_str_eq(path, "$.a.x");
	ck_assert_int_eq(duplicate("{\"a\":[{\"y\":1},{\"y\":1,\"y\":2}]}", path, sizeof path), 1);
	ck_assert_str_eq(path, "$.a[1].y");
	ck_assert_int_eq(duplicate("{\"a\":1,\"b\":{\"a\":1},\"c\":[{\"a\":1},{\"a\":2}]}", path,
				   sizeof path),
			 0);
	/* Big objects go through the hash set. */
	const char *big =
		"{\"k0\":0,\"k1\":0,\"k2\":0,\"k3\":0,\"k4\":0,\"k5\":0,\"k6\":0,\"k7\":0,"
		"\"k8\":{\"z\":1,\"z\":1},\"k9\":0,\"k3\":0}";
	ck_assert_int_eq(duplicate(big, path, sizeof path), 1);
	ck_assert_str_eq(path, "$.k8.z");
}
END_TEST

/* 200,000 keys: found (or not) at once, by the tree check, fastjson and the answers loader. */
START_TEST(many_keys_are_linear)
{
	size_t len;
	char *text = many_keys("", "", "", &len);
	fastjson *fj = fastjson_new();
	ck_assert_ptr_nonnull(fastjson_parse(fj, text, len));
	char path[160] = "$";
	cJSON *root = cJSON_ParseWithLength(text, len);
	const char *key;
	ck_assert_int_eq(jsoncheck_duplicate(root, path, sizeof path, &key), 0);
	cJSON_Delete(root);
	free(text);

	text = many_keys("", ",\"key-5\":0", "", &len);
	ck_assert_ptr_null(fastjson_parse(fj, text, len));
	root = cJSON_ParseWithLength(text, len);
	ck_assert_int_eq(jsoncheck_duplicate(root, path, sizeof path, &key), 1);
	ck_assert_str_eq(path, "$.key-5");
	cJSON_Delete(root);
	free(text);
	fastjson_free(fj);

	text = many_keys("{\"questionnaire\":\"miit-2024\",\"finance\":", ",\"key-7\":0", "}",
			 &len);
	assess_error err = {0};
	ck_assert_ptr_null(answers_parse(text, len, "t.json", test_resolve, NULL, 0, &err));
	ck_assert_str_eq(err.path, "$.finance.key-7");
	ck_assert_msg_has(&err, "key \"key-7\" appears more than once");
	free(text);
}
END_TEST

/* The loader refuses what cJSON would cut or take as it is, naming the value. */
START_TEST(answers_refuse_nul_and_controls)
{
	static const struct {
		const char *text, *path, *msg;
	} bad[] = {
		{"{\"questionnaire\":\"miit-2024\",\"enterprise\":{\"name\":\"ACME\\u0000EVIL\"}}",
		 "$.enterprise.name", "NUL"},
		{"{\"questionnaire\":\"miit-2024\",\"enterprise\":{\"credit_code\":"
		 "\"91350500MA31XP7C4M\\u0000junk\"}}",
		 "$.enterprise.credit_code", "NUL"},
		{"{\"questionnaire\":\"miit-2024\",\"answers\":{\"F2\\u0000x\":\"A\"}}",
		 "$.answers.F2", "NUL"},
		{"{\"questionnaire\":\"miit-2024\",\"notes\":{\"F2\":\"\x1b[2J\"}}", "$.notes.F2",
		 "U+001B"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assess_error err = {0};
		test_answers_refused(bad[i].text, ANSWERS_ALLOW_INCOMPLETE, &err);
		ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
		ck_assert_str_eq(err.path, bad[i].path);
		ck_assert_msg_has(&err, bad[i].msg);
		ck_assert_int_eq(err.line, 1);
	}
	/* A note may keep its line breaks, written as JSON writes them. */
	answers *a =
		test_answers("{\"questionnaire\":\"miit-2024\",\"enterprise\":{\"name\":\"A\","
			     "\"credit_code\":\"91350500MA31XP7C4M\"},\"answers\":{\"F2\":\"A\"},"
			     "\"notes\":{\"F2\":\"one\\ntwo\\tthree\"}}",
			     ANSWERS_ALLOW_INCOMPLETE);
	answers_free(a);
}
END_TEST

/* Text from data reaches the terminal escaped: no line of its own, no terminal sequence. */
START_TEST(escaped_for_the_terminal)
{
	char buf[64];
	ck_assert_str_eq(text_escape("ok\nassess: x: all good", buf, sizeof buf),
			 "ok\\nassess: x: all good");
	ck_assert_str_eq(text_escape("\x1b[2J\x7f\t\r", buf, sizeof buf), "\\x1B[2J\\x7F\\t\\r");
	ck_assert_str_eq(text_escape("泉州\xc2\x9b"
				     "2J\xc2\xa0",
				     buf, sizeof buf),
			 "泉州\\u009B2J\xc2\xa0"); /* C1 escaped, NBSP kept */
	ck_assert_str_eq(text_escape("bad\xff\xc3", buf, sizeof buf), "bad\\xFF\\xC3");
	/* Cut before what does not fit whole: no half character, no half escape. */
	ck_assert_str_eq(text_escape("ab泉", buf, 5), "ab");
	ck_assert_str_eq(text_escape("abc\n", buf, 5), "abc");
	ck_assert_str_eq(text_escape("abc", buf, 1), "");
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(text_fputs_escaped("a\nb\x1b", f), 0);
	rewind(f);
	ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
	ck_assert_str_eq(buf, "a\\nb\\x1B");
	fclose(f);
}
END_TEST

/* The size cap is exact: max bytes are read, max + 1 refused; definitions are regular files. */
START_TEST(readfile_cap_and_regular_files)
{
	test_dir_make(); /* the one test of its case that writes a file */
	const char *path = test_in_dir("block");
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ck_assert_int_ge(fd, 0);
	char block[100];
	memset(block, 'x', sizeof block);
	ck_assert_int_eq(write(fd, block, sizeof block), 100);
	close(fd);
	assess_error err = {0};
	size_t len = 0;
	char *buf = readfile_all(path, 100, &len, &err);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(len, 100);
	free(buf);
	buf = readfile_regular(path, 100, &len, &err);
	ck_assert_ptr_nonnull(buf);
	free(buf);
	ck_assert_ptr_null(readfile_all(path, 99, &len, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_str_eq(err.msg, "file is larger than the limit of 99 bytes");
	test_dir_remove();
	ck_assert_ptr_null(readfile_regular("/dev/zero", 100, &len, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_NOINPUT);
	ck_assert_msg_has(&err, "not a regular file");
	ck_assert_ptr_null(readfile_regular("/tmp", 100, &len, &err));
	ck_assert_msg_has(&err, "not a regular file");
	ck_assert_ptr_null(questionnaire_load("/dev/null", &err));
	ck_assert_msg_has(&err, "not a regular file");
}
END_TEST

/* Lines end at LF, CR LF or a lone CR; deep nesting is measured, strings skipped. */
START_TEST(positions_and_depth)
{
	int line, col;
	text_position("a\rb\rc", 4, &line, &col);
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(col, 1);
	text_position("a\r\nb\r\nxy", 7, &line, &col);
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(col, 2);
	text_position("ab\ncd", 5, &line, &col);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(col, 3);
	ck_assert_uint_eq(jsoncheck_depth("{\"a\":[[\"[{\\\"\",{", 16), 4);
	ck_assert_uint_eq(jsoncheck_depth("[[]]", 4), 0);
	/* The answers loader says why cJSON stopped. */
	char deep[2100];
	size_t n = (size_t)snprintf(deep, sizeof deep, "{\"a\":");
	memset(deep + n, '[', 1000);
	memset(deep + n + 1000, ']', 1000);
	n += 2000;
	deep[n++] = '}';
	assess_error err = {0};
	ck_assert_ptr_null(answers_parse(deep, n, "d.json", test_resolve, NULL, 0, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_SYNTAX);
	ck_assert_str_eq(err.msg, "objects and arrays nested more than 1000 deep");
}
END_TEST

/* Question Q`i` on a line of its own, its one option worth `points`; its length. */
static size_t question(char *t, size_t cap, int i, int points)
{
	return (size_t)snprintf(t, cap,
				"<question id=\"Q%d\" kind=\"single\"><text><zh>q</zh></text>"
				"<option code=\"A\" points=\"%d\"><zh>a</zh></option></question>\n",
				i, points);
}

/*
 * head, then before NUMBER after for each number from 0 to n - 1, then tail: a large text of
 * many like parts. Its length goes to *len; the caller frees it.
 */
static char *numbered(const char *head, const char *before, const char *after, int n,
		      const char *tail, size_t *len)
{
	size_t cap =
		strlen(head) + (size_t)n * (strlen(before) + strlen(after) + 11) + strlen(tail) + 1;
	char *t = malloc(cap);
	ck_assert_ptr_nonnull(t);
	size_t k = (size_t)snprintf(t, cap, "%s", head);
	for (int i = 0; i < n; i++)
		k += (size_t)snprintf(t + k, cap - k, "%s%d%s", before, i, after);
	k += (size_t)snprintf(t + k, cap - k, "%s", tail);
	*len = k;
	return t;
}

/*
 * The mini questionnaire with n questions Q0..Q(n-1) (Q0 holds its one point), then `gap`
 * blank lines and, when again >= 0, Q`again` once more, worth nothing: an id used twice.
 */
static char *questions(int n, int gap, int again, size_t *len)
{
	size_t cap = sizeof TEST_MINI_HEAD + (size_t)(n + 1) * 160 + (size_t)gap + 256;
	char *t = malloc(cap);
	ck_assert_ptr_nonnull(t);
	size_t k = (size_t)snprintf(t, cap, "%s", TEST_MINI_HEAD);
	for (int i = 0; i < n; i++)
		k += question(t + k, cap - k, i, i == 0);
	memset(t + k, '\n', (size_t)gap);
	k += (size_t)gap;
	if (again >= 0)
		k += question(t + k, cap - k, again, 0);
	k += (size_t)snprintf(t + k, cap - k, "%s", TEST_MINI_TAIL);
	*len = k;
	return t;
}

/* questions(n, gap, again) is refused for the id used twice, with `why`, at `line`. */
static void refused_again(int n, int gap, int again, const char *why, int line)
{
	size_t len;
	assess_error err = {0};
	char *xml = questions(n, gap, again, &len);
	ck_assert_ptr_null(questionnaire_load_memory(xml, len, "t.xml", &err));
	ck_assert_msg_has(&err, why);
	ck_assert_int_eq(err.line, line);
	free(xml);
}

/*
 * 30,000 questions: 20,000 took 9 s when each id was compared with all before it, and take
 * well under a second with the id register; small enough to stay inside the time limit under
 * ASan and valgrind on a busy machine.
 */
START_TEST(many_ids_are_linear)
{
	size_t len;
	assess_error err = {0};
	char *xml = questions(30000, 0, -1, &len);
	questionnaire *q = questionnaire_load_memory(xml, len, "t.xml", &err);
	ck_assert_msg(q != NULL, "%s", err.msg);
	ck_assert_uint_eq(questionnaire_n_questions(q), 30000);
	questionnaire_free(q);
	free(xml);
	refused_again(30000, 0, 29999, "id \"Q29999\" is used twice", 30008);
}
END_TEST

/*
 * 100,000 award ids, one a line, the last repeating the first: compared with all before them
 * they took over 10 s; with the id register, well under one.
 */
START_TEST(many_policy_ids_are_linear)
{
	size_t n;
	char *xml = numbered("<policy format=\"1\" id=\"t\" version=\"1\"><title><zh>t</zh>"
			     "</title><issuer><zh>t</zh></issuer><source><zh>t</zh></source>"
			     "<window from=\"2025-01-01\" to=\"2025-12-31\"/>\n<awards>\n",
			     "<award id=\"a", "\"><zh>x</zh></award>\n", 99999,
			     "<award id=\"a0\"><zh>x</zh></award>\n"
			     "</awards><clause id=\"1\" number=\"一\"><title><zh>c</zh></title>"
			     "<text><zh>c</zh></text><info><zh>c</zh></info></clause></policy>\n",
			     &n);
	assess_error err = {0};
	ck_assert_ptr_null(policy_load_memory(xml, n, "t.xml", &err));
	ck_assert_msg_has(&err, "award \"a0\" is declared twice");
	ck_assert_int_eq(err.line, 100002);
	free(xml);
}
END_TEST

/* Lines past 65,535 are counted as they are (libxml2 stops at 65535 unless told). */
START_TEST(lines_past_65535) { refused_again(1, 70000, 0, "id \"Q0\" is used twice", 70009); }
END_TEST

/* An element of 100,000 attributes is refused at once (libxml2 would compare them pairwise). */
START_TEST(attributes_are_capped)
{
	size_t n;
	char *xml = numbered("<?xml version=\"1.0\"?>\n<!-- a='1' b='2' -->\n<q", " a", "='='",
			     100000, "/>", &n);
	assess_error err = {0};
	ck_assert_ptr_null(questionnaire_load_memory(xml, n, "t.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_int_eq(err.line, 3);
	ck_assert_msg_has(&err, "an element has more than 256 attributes");
	free(xml);
	/* 256 are still read (and then judged by the schema). */
	xml = numbered("<q", " a", "=\"x=y\"", 256, "/>", &n);
	ck_assert_ptr_null(questionnaire_load_memory(xml, n, "t.xml", &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_SCHEMA);
	free(xml);
}
END_TEST

TCase *make_limits_tcase(void)
{
	const TTest *tests[] = {keyset_finds_repeats,
				strings_refuse_nul_and_controls,
				strings_are_checked_past_any_whitespace,
				duplicates_in_document_order,
				many_keys_are_linear,
				answers_refuse_nul_and_controls,
				escaped_for_the_terminal,
				readfile_cap_and_regular_files,
				positions_and_depth,
				many_ids_are_linear,
				many_policy_ids_are_linear,
				lines_past_65535,
				attributes_are_capped,
				NULL};
	/* 10 s: a quadratic id check takes about 20 s on 30,000 ids here, the register well under
	 * one. Sanitizer and valgrind runs scale it with CK_TIMEOUT_MULTIPLIER (tests/local.mk). */
	return test_tcase("limits", NULL, NULL, 10, tests);
}
