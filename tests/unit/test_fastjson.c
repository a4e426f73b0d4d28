/*
 * common/fastjson: whatever it accepts, cJSON accepts with the same tree (tests on fixed texts,
 * on every JSON fixture of the suite, and on mutations of them); what it declines is left to
 * cJSON, whose answer stands.
 */
#include "config.h"

#include <dirent.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "common/fastjson.h"
#include "common/readfile.h"
#include "tests/jsontree.h"
#include "tests/unit/test.h"

/* The property: accepted means cJSON accepts too, with the same tree. Returns whether taken. */
static bool check_text(fastjson *fj, const char *text, size_t len)
{
	cJSON *fast = fastjson_parse(fj, text, len);
	if (!fast)
		return false;
	cJSON *slow = jsontree_cjson(text, len);
	int shown = len < 200 ? (int)len : 200;
	ck_assert_msg(slow != NULL, "fastjson took what cJSON refuses: %.*s", shown, text);
	ck_assert_msg(jsontree_same(fast, slow), "trees differ for: %.*s", shown, text);
	cJSON_Delete(slow);
	return true;
}

static bool check_str(fastjson *fj, const char *text) { return check_text(fj, text, strlen(text)); }

/* Each of the n texts, read one after another by one fastjson, is taken (or, when !taken,
 * declined). */
static void check_each(const char *const *texts, size_t n, bool taken)
{
	fastjson *fj = fastjson_new();
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(check_str(fj, texts[i]) == taken, "%s: %s",
			      taken ? "declined" : "took", texts[i]);
	fastjson_free(fj);
}

START_TEST(takes_plain_json_as_cjson_does)
{
	static const char *const taken[] =
		{"{}",
		 "[]",
		 " {\"a\" : 1 }\n",
		 "\"plain\"",
		 "0",
		 "-0",
		 "123456789012345",
		 "-2147483648",
		 "2147483647",
		 "2147483648",
		 "true",
		 "false",
		 "null",
		 "{\"a\":[1,2,[3,{\"b\":null}]],\"c\":\"企业\",\"d\":true}",
		 "[\"\",\"x\",\"\xF0\x9F\x98\x80\"]",
		 "\t[ 1 , 2 ]\r\n"};
	check_each(taken, sizeof taken / sizeof *taken, true);
}
END_TEST

START_TEST(declines_what_it_leaves_to_cjson)
{
	static const char *const declined[] = {"",
					       " ",
					       "{\"a\":\"x\\ny\"}",
					       "\"\\u00e9\"",
					       "1.5",
					       "1e3",
					       "1E3",
					       "01",
					       "-",
					       "1234567890123456",
					       "\xEF\xBB\xBF{}",
					       "{\"a\":1,\"a\":2}",
					       "{\"a\":1}x",
					       "tru",
					       "[1,]",
					       "{\"a\"}",
					       "{\"a\":}",
					       "[1 2]",
					       "\"a\tb\"",
					       "\"\xC3\x28\"",
					       "\"\xED\xA0\x80\"",
					       "{\"a\":1",
					       "\"open",
					       "+1",
					       "NaN",
					       "{\"a\":1}\v",
					       "[1]\f",
					       "{'a':1}",
					       "{\"x\":{\"k\":1,\"k\":1}}"};
	check_each(declined, sizeof declined / sizeof *declined, false);
	fastjson *fj = fastjson_new();
	ck_assert(!fastjson_parse(fj, "{\"a\":1}\0", 8)); /* a NUL is not white space */
	ck_assert(!fastjson_parse(fj, "\"a\0b\"", 5));
	fastjson_free(fj);
}
END_TEST

START_TEST(nesting_and_many_keys)
{
	char text[4096];
	fastjson *fj = fastjson_new();
	int n = 0;
	for (int d = 0; d < FASTJSON_MAX_DEPTH; d++)
		text[n++] = '[';
	for (int d = 0; d < FASTJSON_MAX_DEPTH; d++)
		text[n++] = ']';
	ck_assert(check_text(fj, text, (size_t)n));
	memmove(text + 1, text, (size_t)n);
	text[0] = '[';
	text[n + 1] = ']';
	ck_assert(!check_text(fj, text, (size_t)n + 2)); /* one level deeper than it reads */

	/* 100 keys: the first 64 packed, the rest compared by name, a repeat found either way. */
	n = sprintf(text, "{");
	for (int k = 0; k < 100; k++)
		n += sprintf(text + n, "%s\"key-%d-long-name\":%d", k ? "," : "", k, k);
	sprintf(text + n, "}");
	ck_assert(check_str(fj, text));
	sprintf(text + n, ",\"key-3-long-name\":0}");
	ck_assert(!check_str(fj, text));
	sprintf(text + n, ",\"key-80-long-name\":0}");
	ck_assert(!check_str(fj, text));
	sprintf(text + n, ",\"key-80-long-namf\":0}");
	ck_assert(check_str(fj, text));
	fastjson_free(fj);
}
END_TEST

START_TEST(tree_lives_until_the_next_parse)
{
	char big[20000];
	int n = sprintf(big, "[");
	for (int i = 0; i < 1000; i++)
		n += sprintf(big + n, "%s\"v%d\"", i ? "," : "", i);
	sprintf(big + n, "]");
	fastjson *fj = fastjson_new();
	cJSON *root = fastjson_parse(fj, big, strlen(big));
	ck_assert_int_eq(cJSON_GetArraySize(root), 1000);
	ck_assert_str_eq(cJSON_GetArrayItem(root, 999)->valuestring, "v999");
	cJSON *kept = cJSON_Duplicate(cJSON_GetArrayItem(root, 500), 1);
	/* A smaller text reuses the blocks of nodes; the copy is the caller's. */
	root = fastjson_parse(fj, "{\"a\":\"b\"}", 9);
	ck_assert_str_eq(cJSON_GetObjectItemCaseSensitive(root, "a")->valuestring, "b");
	ck_assert_str_eq(kept->valuestring, "v500");
	cJSON_Delete(kept);
	fastjson_free(fj);
}
END_TEST

/* Every JSON fixture under dir (recursively) and each line of its NDJSON files, to fn. */
static int walk_fixtures(const char *dir, fastjson *fj, int (*fn)(fastjson *, const char *, size_t))
{
	int count = 0;
	DIR *d = opendir(dir);
	ck_assert_msg(d != NULL, "cannot open %s", dir);
	for (struct dirent *e; (e = readdir(d));) {
		char path[1024];
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t nlen = strlen(e->d_name);
		bool json = nlen > 5 && strcmp(e->d_name + nlen - 5, ".json") == 0;
		bool ndjson = nlen > 7 && strcmp(e->d_name + nlen - 7, ".ndjson") == 0;
		if (!json && !ndjson) {
			if (e->d_type == DT_DIR)
				count += walk_fixtures(path, fj, fn);
			continue;
		}
		size_t len;
		char *text = readfile_all(path, 8u << 20, &len, NULL);
		ck_assert_msg(text != NULL, "cannot read %s", path);
		if (json) {
			count += fn(fj, text, len);
		} else {
			for (char *line = text, *nl; line < text + len; line = nl + 1) {
				nl = memchr(line, '\n', (size_t)(text + len - line));
				nl = nl ? nl : text + len;
				count += fn(fj, line, (size_t)(nl - line));
			}
		}
		free(text);
	}
	closedir(d);
	return count;
}

static int check_fixture(fastjson *fj, const char *text, size_t len)
{
	return check_text(fj, text, len);
}

START_TEST(fixtures_read_alike)
{
	fastjson *fj = fastjson_new();
	int taken = walk_fixtures(TESTS_SRCDIR, fj, check_fixture) +
		    walk_fixtures(EXAMPLES_DIR, fj, check_fixture);
	/* Most fixtures are plain answer files: if none is taken, the fast path is gone. */
	ck_assert_msg(taken >= 40, "fastjson took only %d fixtures", taken);
	fastjson_free(fj);
}
END_TEST

/* A small generator (xorshift) so that every run mutates the same way. */
static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* Each fixture changed 200 ways: a byte replaced, inserted or removed, a span doubled. */
static int check_mutations(fastjson *fj, const char *text, size_t len)
{
	static const char bytes[] = "\"\\{}[],:01-.eE \t\n\r\x1f\x80\xc3\xe4\xbf\xff"
				    "atfnu";
	static uint64_t state = 0x9E3779B97F4A7C15ULL;
	char *buf = malloc(2 * len + 2);
	int taken = 0;
	for (int round = 0; round < 200 && len > 0; round++) {
		size_t at = next_random(&state) % len, n = len;
		char b = bytes[next_random(&state) % (sizeof bytes - 1)];
		memcpy(buf, text, len);
		switch (next_random(&state) % 4) {
		case 0:
			buf[at] = b;
			break;
		case 1:
			memmove(buf + at + 1, buf + at, len - at);
			buf[at] = b;
			n++;
			break;
		case 2:
			memmove(buf + at, buf + at + 1, len - at - 1);
			n--;
			break;
		default: {
			size_t span = next_random(&state) % (len - at) + 1;
			memmove(buf + at + span, buf + at, len - at);
			n += span;
		}
		}
		taken += check_text(fj, buf, n);
	}
	free(buf);
	return taken;
}

START_TEST(mutations_read_alike)
{
	fastjson *fj = fastjson_new();
	int taken = walk_fixtures(TESTS_SRCDIR, fj, check_mutations);
	ck_assert_msg(taken > 100, "only %d mutations were taken: the property was barely tried",
		      taken);
	fastjson_free(fj);
}
END_TEST

TCase *make_fastjson_tcase(void)
{
	const TTest *tests[] = {takes_plain_json_as_cjson_does,
				declines_what_it_leaves_to_cjson,
				nesting_and_many_keys,
				tree_lives_until_the_next_parse,
				fixtures_read_alike,
				mutations_read_alike,
				NULL};
	return test_tcase("fastjson", NULL, NULL, 60, tests);
}
