/*
 * Out of memory, on purpose: each operation is run with allocations failing from the Nth on,
 * for N = 0, 1, 2... until it succeeds. Every failure must be reported as ASSESS_ERR_NOMEM
 * (never a crash, never another error), and a report that cannot be written leaves no file
 * behind. Leaks on those paths show under valgrind and LeakSanitizer, which CI runs this under.
 *
 * The check_alloc program is linked with -Wl,--wrap for malloc, calloc, realloc, strdup and
 * strndup, so every allocation made by the project's own code comes here. Allocations inside
 * the shared libraries (cJSON, libxml2, libxlsxwriter) are not counted: this tests what our
 * code does when one of its own requests is refused; where a test sets cJSON's hooks to this
 * program's malloc (saving an answer file), cJSON's are counted too.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "answers/answers.h"
#include "answers/record.h"
#include "common/atomicfile.h"
#include "common/fastjson.h"
#include "common/grow.h"
#include "common/readfile.h"
#include "compare/compare.h"
#include "compare/verdict.h"
#include "form/form.h"
#include "interview/interview.h"
#include "policies/policy.h"
#include "policies/subsidy.h"
#include "reports/report.h"
#include "scoring/plan.h"
#include "scoring/scoring.h"
#include "tests/unit/test.h"

/* An operation that still has not succeeded after this many refusals is looping. */
#define MAX_STEPS 20000

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

/* Allocations left before they start failing; -1 never fails. Test-only state. */
static long allowance = -1;
/* Allocations left before the one that alone is refused; -1 for none. */
static long single = -1;

static bool refuse(void)
{
	if (single >= 0)
		return single-- == 0;
	if (allowance == 0)
		return true;
	if (allowance > 0)
		allowance--;
	return false;
}

void *__wrap_malloc(size_t size) { return refuse() ? NULL : __real_malloc(size); }
void *__wrap_calloc(size_t n, size_t size) { return refuse() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t size) { return refuse() ? NULL : __real_realloc(p, size); }
char *__wrap_strdup(const char *s) { return refuse() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return refuse() ? NULL : __real_strndup(s, n); }

/* One attempt: returns ASSESS_OK, or the code it failed with. ctx is the test's. */
typedef assess_code (*attempt)(void *ctx, assess_error *err);

/* Descriptors watched around each attempt: standard input, output and error, Check's own. */
#define FDS_WATCHED 64

/* What a descriptor is: open or not, and which file. */
struct fd_seen {
	bool open;
	dev_t dev;
	ino_t ino;
};

static void fds_note(struct fd_seen *seen)
{
	for (int fd = 0; fd < FDS_WATCHED; fd++) {
		struct stat st;
		seen[fd] = (struct fd_seen){0};
		if (fstat(fd, &st) == 0)
			seen[fd] = (struct fd_seen){true, st.st_dev, st.st_ino};
	}
}

/*
 * An attempt, failed or not, leaves the descriptors as it found them: it closes none it did
 * not open (a failure path once closed standard input, and then Check's result file, which
 * stopped a CK_FORK=no run) and keeps none open.
 */
static void fds_check(const struct fd_seen *before, int n)
{
	struct fd_seen now[FDS_WATCHED];
	fds_note(now);
	for (int fd = 0; fd < FDS_WATCHED; fd++)
		ck_assert_msg(now[fd].open == before[fd].open && now[fd].dev == before[fd].dev &&
				      now[fd].ino == before[fd].ino,
			      "with %d allocations allowed: descriptor %d %s", n, fd,
			      !before[fd].open ? "was left open"
			      : !now[fd].open  ? "was closed by someone who did not open it"
					       : "now names another file");
}

/*
 * Runs op with allocations failing from the nth on, for n = 0, 1, 2... Returns how many
 * attempts failed before one succeeded. The allowance is lifted before any assertion, since
 * Check allocates too.
 */
static int until_it_succeeds(attempt op, void *ctx)
{
	struct fd_seen fds[FDS_WATCHED];
	fds_note(fds);
	for (int n = 0; n < MAX_STEPS; n++) {
		assess_error err = {0};
		allowance = n;
		assess_code rc = op(ctx, &err);
		allowance = -1;
		fds_check(fds, n);
		if (rc == ASSESS_OK)
			return n;
		ck_assert_msg(rc == ASSESS_ERR_NOMEM,
			      "with %d allocations allowed: code %d, not NOMEM: %s", n, (int)rc,
			      err.msg);
		ck_assert_msg(err.code == ASSESS_ERR_NOMEM, "the error record says %d",
			      (int)err.code);
	}
	ck_abort_msg("still failing after %d attempts", MAX_STEPS);
	return -1;
}

static assess_code load_example(void *ctx, assess_error *err)
{
	answers *a = answers_load(TEST_EXAMPLE, test_resolve, NULL, 0, err);
	if (a && !answers_block(a, "finance")) {
		answers_free(a);
		return assess_fail(err, ASSESS_ERR_INTERNAL, NULL, 0, 0, "finance block lost");
	}
	answers_free(a);
	return a ? ASSESS_OK : err->code;
}

START_TEST(loading_answers)
{
	test_miit(); /* loaded once, outside the loop */
	ck_assert_int_gt(until_it_succeeds(load_example, NULL), 2);
}
END_TEST

/* The record's members one at a time (answers_record_take, as the interview's salvage uses it). */
static assess_code take_record_members(void *ctx, assess_error *err)
{
	const cJSON *record = ctx;
	answers *a = answers_new(test_miit());
	if (!a)
		return assess_nomem(err, NULL);
	assess_code rc = ASSESS_OK;
	for (const cJSON *m = record->child; m && rc == ASSESS_OK; m = m->next)
		rc = answers_record_take(a, m->string, m, "x.json", err);
	if (rc == ASSESS_OK && answers_history_count(a) != 1)
		rc = assess_fail(err, ASSESS_ERR_INTERNAL, NULL, 0, 0, "history lost");
	answers_free(a);
	return rc;
}

/* A record with every member, as answers_record_take takes them one by one. */
static const char full_record[] =
	"{\"source\": \"onsite\", \"team\": [{\"name\": \"王工\", \"role\": \"组长\"}],"
	" \"interviewees\": [{\"name\": \"陈总\"}], \"site_visits\": [\"2026-11-20\"],"
	" \"evidence\": {\"F1\": [{\"title\": \"网络拓扑图\", \"checklist\": \"F1.1\"}]},"
	" \"flags\": {\"F2\": \"合同待补\"}, \"history\": [{\"at\": "
	"\"2026-11-20T10:00:00+08:00\", \"question\": \"F2\", \"from\": null, \"to\": \"C\"}],"
	" \"finalized\": {\"at\": \"2026-11-20T11:00:00+08:00\", \"by\": \"王工\"}}";

START_TEST(taking_record_members)
{
	test_miit();
	cJSON *record = cJSON_Parse(full_record);
	ck_assert_ptr_nonnull(record);
	ck_assert_int_gt(until_it_succeeds(take_record_members, record), 5);
	cJSON_Delete(record);
}
END_TEST

/*
 * Saving, with one allocation refused at a time, cJSON's own among them (its hooks are this
 * program's malloc, which the link wraps): a tree that lost a member must fail the save as
 * out of memory, never write a file without it. Every save that succeeds writes the full one.
 */
static assess_code save_refusing(const answers *a, const char *path, long n, bool *reached,
				 assess_error *err)
{
	cJSON_Hooks hooks = {malloc, free};
	cJSON_InitHooks(&hooks);
	single = n;
	assess_code rc = answers_save(a, path, ATOMICFILE_REPLACE, err);
	*reached = single < 0;
	single = -1;
	cJSON_InitHooks(NULL);
	return rc;
}

START_TEST(saving_answers_refuses_a_partial_file)
{
	answers *a = test_example();
	cJSON *record = cJSON_Parse(full_record);
	assess_error err = {0};
	for (const cJSON *m = record ? record->child : NULL; m; m = m->next)
		ck_assert_ok(answers_record_take(a, m->string, m, "x.json", &err), &err);
	const char *path = test_in_dir("saved.json");
	char *want = answers_to_json(a);
	ck_assert_ptr_nonnull(want);
	bool reached = true;
	long n = 0;
	for (; reached && n < MAX_STEPS; n++) {
		assess_error e = {0};
		assess_code rc = save_refusing(a, path, n, &reached, &e);
		ck_assert_msg(rc == ASSESS_OK || rc == ASSESS_ERR_NOMEM, "allocation %ld: %s", n,
			      e.msg);
		if (rc != ASSESS_OK)
			continue;
		size_t len;
		char *got = readfile_all(path, 1 << 20, &len, &e);
		ck_assert_ptr_nonnull(got);
		ck_assert_msg(len == strlen(want) + 1 && strncmp(got, want, len - 1) == 0,
			      "allocation %ld refused, saved:\n%s", n, got);
		free(got);
	}
	ck_assert_int_gt(n, 100);                /* cJSON's allocations were counted too */
	ck_assert_int_eq(test_dir_entries(), 1); /* no temporary file left by a refusal */
	free(want);
	cJSON_Delete(record);
	answers_free(a);
}
END_TEST

/* Two lines through one reader: the second reuses the reader's memory. */
static assess_code read_stream(void *ctx, assess_error *err)
{
	const char *line = ctx;
	answers_reader *r = answers_reader_new(test_resolve, NULL, 0);
	if (!r)
		return assess_nomem(err, NULL);
	assess_code rc = ASSESS_OK;
	for (int i = 0; i < 2 && rc == ASSESS_OK; i++) {
		answers *a = answers_reader_parse(r, line, strlen(line), "s", err);
		rc = a ? ASSESS_OK : err->code;
		answers_free(a);
	}
	answers_reader_free(r);
	return rc;
}

START_TEST(reading_a_stream)
{
	size_t len;
	char *text = readfile_all(TEST_EXAMPLE, 1 << 20, &len, NULL);
	for (char *p = text; *p; p++)
		*p = *p == '\n' ? ' ' : *p;
	test_miit();
	ck_assert_int_gt(until_it_succeeds(read_stream, text), 2);
	free(text);
}
END_TEST

static assess_code parse_plain(void *ctx, assess_error *err)
{
	const char *text = ctx;
	fastjson *fj = fastjson_new();
	cJSON *root = fj ? fastjson_parse(fj, text, strlen(text)) : NULL;
	fastjson_free(fj);
	return root ? ASSESS_OK : assess_fail(err, ASSESS_ERR_NOMEM, NULL, 0, 0, "declined");
}

START_TEST(fastjson_declines_when_memory_runs_out)
{
	char big[8000];
	int n = sprintf(big, "[");
	for (int i = 0; i < 600; i++) /* more nodes than one block holds */
		n += sprintf(big + n, "%s{\"k\":%d}", i ? "," : "", i);
	sprintf(big + n, "]");
	ck_assert_int_ge(until_it_succeeds(parse_plain, big), 3);
}
END_TEST

struct scored {
	answers *a;
	const policy *p;
	const char *dir;
};

static assess_code score(void *ctx, assess_error *err)
{
	struct scored *s = ctx;
	scoring_result *r = scoring_run(s->a, err);
	scoring_free(r);
	return r ? ASSESS_OK : err->code;
}

/* The plans and their JSON: a refusal in either is NOMEM (the JSON's own, inside cJSON, are
 * not counted). */
static assess_code plan(void *ctx, assess_error *err)
{
	struct scored *s = ctx;
	scoring_result *r = scoring_run(s->a, err);
	scoring_plan_set *ps = r ? scoring_plan_find(r, err) : NULL;
	assess_code rc = ps ? ASSESS_OK : err->code;
	scoring_plan_set_free(ps);
	scoring_free(r);
	return rc;
}

static assess_code subsidy(void *ctx, assess_error *err)
{
	struct scored *s = ctx;
	subsidy_options o = {.level = 2, .date = "2026-11-20"};
	subsidy_result *r = subsidy_compute(s->p, s->a, &o, err);
	subsidy_free(r);
	return r ? ASSESS_OK : err->code;
}

/* Every installed policy, then the combined view: what `assess subsidy FILE` does. */
static assess_code combined(void *ctx, assess_error *err)
{
	struct scored *s = ctx;
	static const char *const ids[] = {"quanzhou", "jinjiang"};
	subsidy_result *r[2] = {NULL, NULL};
	policy *p[2] = {NULL, NULL};
	subsidy_options o = {.level = 2, .level_overridden = true, .date = "2024-06-01"};
	assess_code rc = ASSESS_OK;
	for (int i = 0; i < 2 && !rc; i++)
		if (!(p[i] = policy_open(ids[i], POLICIES_DIR, err)) ||
		    !(r[i] = subsidy_assess(p[i], s->a, NULL, &o, err)))
			rc = err->code;
	subsidy_combined *c = rc ? NULL : subsidy_combine((const subsidy_result *const *)r, 2, err);
	if (!rc && !c)
		rc = err->code;
	subsidy_combined_free(c);
	for (int i = 0; i < 2; i++) {
		subsidy_free(r[i]);
		policy_free(p[i]);
	}
	return rc;
}

/* What `assess subsidy --policy pingluo --policy all FILE` is asked for. */
static assess_code choose_policies(void *ctx, assess_error *err)
{
	static const char *const asked[] = {"pingluo", "all"};
	size_t n = 0, *n_out = ctx;
	bool whole = true;
	char **ids = policy_ids_expand(POLICIES_DIR, asked, 2, &n, err);
	for (size_t i = 0; ids && i < n; i++) {
		whole = whole && ids[i];
		free(ids[i]);
	}
	free(ids);
	*n_out = n;
	if (!whole)
		return assess_fail(err, ASSESS_ERR_INTERNAL, NULL, 0, 0, "an id was lost");
	return ids ? ASSESS_OK : err->code;
}

START_TEST(choosing_policies_when_memory_runs_out)
{
	size_t n = 0;
	ck_assert_int_gt(until_it_succeeds(choose_policies, &n), 0);
	ck_assert_uint_eq(n, 1 + 5); /* pingluo, then the five installed */
}
END_TEST

START_TEST(scoring_and_subsidies)
{
	assess_error err = {0};
	struct scored s = {test_example(), NULL, NULL};
	ck_assert_int_gt(until_it_succeeds(score, &s), 0);
	ck_assert_int_gt(until_it_succeeds(plan, &s), 0);
	static const char *const ids[] = {"quanzhou", "pingluo", "putian", "jinjiang", "xiamen"};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		policy *p = policy_open(ids[i], POLICIES_DIR, &err);
		ck_assert_msg(p != NULL, "%s", err.msg);
		s.p = p;
		ck_assert_int_gt(until_it_succeeds(subsidy, &s), 0);
		policy_free(p);
	}
	ck_assert_int_gt(until_it_succeeds(combined, &s), 0);
	answers_free(s.a);
}
END_TEST

/* The example against its post assessment: the comparison and the verdict against Quanzhou. */
struct compared {
	scoring_result *before, *after;
	const policy *p;
};

static assess_code compare_pair(void *ctx, assess_error *err)
{
	struct compared *x = ctx;
	compare_result *c = compare_run(x->before, x->after, 0, NULL, err);
	compare_verdict *v = c ? compare_verdict_run(c, x->p, err) : NULL;
	assess_code rc = v ? ASSESS_OK : err->code;
	compare_verdict_free(v);
	compare_free(c);
	return rc;
}

START_TEST(comparing_two_assessments)
{
	assess_error err = {0};
	answers *b = test_example();
	answers *a = answers_load(EXAMPLES_DIR "/quanzhou-sports-post.json", test_resolve, NULL, 0,
				  &err);
	ck_assert_msg(a != NULL, "%s", err.msg);
	policy *p = policy_open("quanzhou", POLICIES_DIR, &err);
	ck_assert_ptr_nonnull(p);
	struct compared x = {scoring_run(b, &err), scoring_run(a, &err), p};
	ck_assert(x.before && x.after);
	ck_assert_int_gt(until_it_succeeds(compare_pair, &x), 0);
	scoring_free(x.before);
	scoring_free(x.after);
	policy_free(p);
	answers_free(a);
	answers_free(b);
}
END_TEST

/* An output written through a stream to the path ctx, replacing what is there. */
static assess_code write_atomically(void *ctx, assess_error *err)
{
	return atomicfile_write(ctx, "{}\n", 3, ATOMICFILE_REPLACE, err);
}

/* An output at the path ctx named for a writer that opens it itself (a workbook), given up on. */
static assess_code begin_by_name(void *ctx, assess_error *err)
{
	atomicfile *af = atomicfile_begin(ctx, ATOMICFILE_BY_NAME, err);
	atomicfile_abort(af);
	allowance = -1;
	ck_assert_int_eq(test_dir_entries(), 1); /* out.json; no private folder left */
	return af ? ASSESS_OK : err->code;
}

/*
 * A refusal before the handle is set up once made atomicfile_abort close descriptor 0 (the
 * lock descriptor calloc left at 0): standard input, or whatever had taken its number. So
 * descriptor 0 is certainly open here, and until_it_succeeds checks it is still open after.
 */
START_TEST(atomic_output_closes_only_its_own_descriptors)
{
	if (fcntl(0, F_GETFD) < 0)
		ck_assert_int_eq(open("/dev/null", O_RDONLY), 0);
	ck_assert_int_gt(until_it_succeeds(write_atomically, (void *)test_in_dir("out.json")), 1);
	ck_assert_int_gt(until_it_succeeds(begin_by_name, (void *)test_in_dir("out.xlsx")), 1);
}
END_TEST

static assess_code load_definitions(void *ctx, assess_error *err)
{
	const char *dir = ctx;
	questionnaire *q = questionnaire_open("miit-2024", dir, err);
	policy *p = q ? policy_open("pingluo", dir, err) : NULL;
	questionnaire_free(q);
	policy_free(p);
	return p ? ASSESS_OK : err->code;
}

static void copy_file(const char *from, const char *dir, const char *name)
{
	size_t len;
	char to[512];
	char *text = readfile_all(from, 1 << 22, &len, NULL);
	ck_assert_ptr_nonnull(text);
	snprintf(to, sizeof to, "%s/%s", dir, name);
	FILE *f = fopen(to, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(text, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	free(text);
}

/*
 * The definitions' first arena copy is their path: folders whose names differ by 16 bytes move
 * every later copy by one arena slot, so each run puts a different one at a chunk boundary,
 * where the refusal lands. (One layout once hid an attribute read as absent.)
 */
START_TEST(loading_definitions)
{
	for (int shift = 0; shift < 8; shift++) {
		char dir[256];
		int n = snprintf(dir, sizeof dir, "%s/", test_dir);
		memset(dir + n, 'd', (size_t)(1 + 16 * shift));
		dir[n + 1 + 16 * shift] = '\0';
		ck_assert_int_eq(mkdir(dir, 0700), 0);
		copy_file(QUESTIONNAIRES_DIR "/miit-2024.xml", dir, "miit-2024.xml");
		copy_file(POLICIES_DIR "/pingluo.xml", dir, "pingluo.xml");
		ck_assert_int_gt(until_it_succeeds(load_definitions, dir), 2);
		char path[512];
		snprintf(path, sizeof path, "%s/miit-2024.xml", dir);
		unlink(path);
		snprintf(path, sizeof path, "%s/pingluo.xml", dir);
		unlink(path);
		rmdir(dir);
	}
}
END_TEST

static assess_code write_report(void *ctx, assess_error *err)
{
	struct scored *s = ctx;
	char path[128];
	scoring_result *r = scoring_run(s->a, err);
	report_options o = {.lang = QN_LANG_ZH};
	snprintf(path, sizeof path, "%s/report.xlsx", s->dir);
	assess_code rc = r ? report_write(r, &o, path, err) : err->code;
	scoring_free(r);
	/* The promise under test: a report that failed left nothing, not even a temporary. */
	allowance = -1;
	ck_assert_int_eq(test_dir_entries(), rc == ASSESS_OK ? 1 : 0);
	if (rc == ASSESS_OK)
		unlink(path);
	return rc;
}

START_TEST(report_leaves_nothing_when_memory_runs_out)
{
	struct scored s = {test_example(), NULL, test_dir};
	ck_assert_int_gt(until_it_succeeds(write_report, &s), 2);
	answers_free(s.a);
}
END_TEST

/* The same with the record's sheets: the record, the evidence register, the changed answers. */
START_TEST(record_report_leaves_nothing_when_memory_runs_out)
{
	static const char json[] =
		"{\"questionnaire\": \"miit-2024\", \"assessment\": {\"report_no\": \"T-1\", "
		"\"source\": \"onsite\", \"team\": [{\"name\": \"王工\", \"role\": \"组长\"}], "
		"\"interviewees\": [{\"name\": \"陈总\"}], \"site_visits\": [\"2026-11-20\"]}, "
		"\"answers\": {\"F1\": [\"B\"], \"F2\": \"E\"}, \"flags\": {\"F1\": \"核对\"}, "
		"\"evidence\": {\"F1\": [{\"title\": \"拓扑图\", \"checklist\": \"F1.2\"}]}, "
		"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\", "
		"\"from\": \"D\", \"to\": \"E\", \"by\": \"王工\", \"reason\": \"复核\"}]}";
	struct scored s = {test_answers(json, ANSWERS_ALLOW_INCOMPLETE), NULL, test_dir};
	ck_assert_int_gt(until_it_succeeds(write_report, &s), 2);
	answers_free(s.a);
}
END_TEST

/* A form written, then imported: both come back NOMEM, and a form that failed left nothing. */
static assess_code write_form(void *ctx, assess_error *err)
{
	struct scored *s = ctx;
	char path[512];
	snprintf(path, sizeof path, "%s/form.xlsx", s->dir);
	form_options o = {.prefill = s->a};
	assess_code rc = form_write(test_miit(), &o, path, err);
	allowance = -1;
	ck_assert_int_eq(test_dir_entries(), rc == ASSESS_OK ? 1 : 0);
	if (rc == ASSESS_OK)
		unlink(path);
	return rc;
}

static assess_code import_form(void *ctx, assess_error *err)
{
	form_import_options o = {0};
	answers *a = form_import(ctx, test_resolve, NULL, &o, err);
	answers_free(a);
	return a ? ASSESS_OK : err->code;
}

START_TEST(form_and_import_when_memory_runs_out)
{
	struct scored s = {test_example(), NULL, test_dir};
	ck_assert_int_gt(until_it_succeeds(write_form, &s), 2);
	char path[512];
	snprintf(path, sizeof path, "%s/filled.xlsx", test_dir);
	form_options o = {.prefill = s.a};
	assess_error err = {0};
	ck_assert_ok(form_write(test_miit(), &o, path, &err), &err);
	ck_assert_int_gt(until_it_succeeds(import_form, path), 2);
	answers_free(s.a);
}
END_TEST

/* A growth that realloc refuses leaves the array, its elements and its capacity as they were. */
/*
 * A line typed into an interview in lang, with allocations failing from the nth on, for n = 0,
 * 1, 2... until it is taken: every refusal says out of memory in the session's language
 * (words) and never in the other one (foreign).
 */
static void type_when_memory_runs_out(qn_lang lang, const char *words, const char *foreign)
{
	const char *path = test_in_dir(lang == QN_LANG_EN ? "en.json" : "zh.json");
	bool refused = true;
	int n = 0;
	for (; refused && n < MAX_STEPS; n++) {
		char *text = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&text, &len);
		answers *a = answers_new(test_miit());
		interview_options o = {.lang = lang,
				       .path = path,
				       .today = "2026-11-23",
				       .width = 80};
		interview *iv = a && out ? interview_new(a, &o, out) : NULL;
		assess_error err = {0};
		ck_assert_msg(iv && interview_start(iv, &err) == ASSESS_OK, "%s", err.msg);
		fflush(out);
		size_t start = len;
		allowance = n;
		interview_input(iv, "泉州示例运动用品有限公司"); /* the enterprise's name */
		allowance = -1;
		fflush(out);
		const char *said = text + start;
		refused = strstr(said, "  ! ") != NULL;
		ck_assert_msg(!refused || strstr(said, words),
			      "with %d allocations allowed, no \"%s\":\n%s", n, words, said);
		ck_assert_msg(!strstr(said, foreign), "with %d allocations allowed, \"%s\":\n%s", n,
			      foreign, said);
		ck_assert_msg(refused || answers_field_get(a, ANSWERS_NAME), "the name was lost");
		interview_free(iv);
		answers_free(a);
		fclose(out);
		free(text);
	}
	ck_assert_int_gt(n, 1);
}

START_TEST(interview_says_out_of_memory_in_its_language)
{
	type_when_memory_runs_out(QN_LANG_ZH, "内存不足", "out of memory");
	type_when_memory_runs_out(QN_LANG_EN, "out of memory", "内存不足");
}
END_TEST

START_TEST(grow_keeps_the_array_when_memory_runs_out)
{
	size_t cap = 0;
	single = 0;
	int *refused = grow_array(NULL, &cap, 1, sizeof(int), 4);
	single = -1;
	ck_assert_ptr_null(refused);
	ck_assert_uint_eq(cap, 0);
	int *items = grow_array(NULL, &cap, 4, sizeof *items, 4);
	ck_assert_ptr_nonnull(items);
	for (int i = 0; i < 4; i++)
		items[i] = i + 1;
	single = 0;
	refused = grow_array(items, &cap, 5, sizeof *items, 4);
	single = -1;
	ck_assert_ptr_null(refused);
	ck_assert_uint_eq(cap, 4);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(items[i], i + 1);
	items = grow_array(items, &cap, 5, sizeof *items, 4);
	ck_assert_ptr_nonnull(items);
	ck_assert_uint_eq(cap, 8);
	ck_assert_int_eq(items[3], 4);
	free(items);
}
END_TEST

TCase *make_alloc_tcase(void)
{
	const TTest *tests[] = {loading_answers,
				reading_a_stream,
				taking_record_members,
				saving_answers_refuses_a_partial_file,
				fastjson_declines_when_memory_runs_out,
				scoring_and_subsidies,
				choosing_policies_when_memory_runs_out,
				comparing_two_assessments,
				loading_definitions,
				atomic_output_closes_only_its_own_descriptors,
				report_leaves_nothing_when_memory_runs_out,
				record_report_leaves_nothing_when_memory_runs_out,
				form_and_import_when_memory_runs_out,
				grow_keeps_the_array_when_memory_runs_out,
				interview_says_out_of_memory_in_its_language,
				NULL};
	return test_tcase("alloc", test_dir_make, test_dir_remove, 300, tests);
}
