/* interview/: parsing typed input, screen layout, and whole sessions fed line by line. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/text.h"
#include "answers/record.h"
#include "interview/internal.h"
#include "policies/policy.h"
#include "tests/unit/test.h"

/* link() as on a FAT or exFAT USB stick when no_links is set (the program wraps link). */
static int no_links;
int __real_link(const char *from, const char *to);
int __wrap_link(const char *from, const char *to);
int __wrap_link(const char *from, const char *to)
{
	if (no_links) {
		errno = EPERM;
		return -1;
	}
	return __real_link(from, to);
}

static const qn_question *question(const char *id)
{
	const qn_question *q = questionnaire_find(test_miit(), id);
	ck_assert_msg(q != NULL, "no question %s", id);
	return q;
}

/* ---- the session a test drives: output to memory, its answer file in the test folder ---- */

/*
 * The session the running test drives, file-wide so that a test says only what it types and
 * what it expects: the fixture makes the test folder before each test and ends the session
 * after it, passed or failed. The answer file is stick/acme.json in the test folder, the folder
 * standing for the USB stick an assessor saves to, which a test may pull out and put back.
 */
typedef struct session {
	char stick[96];
	char path[128];
	answers *a;
	interview *iv;
	FILE *out;
	char *text;
	size_t len;
	size_t mark;    /* output before this offset has been looked at */
	answers *saved; /* the answer file as last read back */
} session;

static session s;

static void session_begin(answers *a, qn_lang lang, unsigned flags, size_t width)
{
	memset(&s, 0, sizeof s);
	snprintf(s.stick, sizeof s.stick, "%s", test_in_dir("stick"));
	ck_assert_msg(mkdir(s.stick, 0700) == 0 || errno == EEXIST, "cannot make %s", s.stick);
	snprintf(s.path, sizeof s.path, "%s/acme.json", s.stick);
	s.a = a ? a : answers_new(test_miit());
	s.out = open_memstream(&s.text, &s.len);
	interview_options o = {.lang = lang,
			       .path = s.path,
			       .flags = flags,
			       .today = "2026-11-23",
			       .width = width};
	s.iv = interview_new(s.a, &o, s.out);
	ck_assert_ptr_nonnull(s.iv);
}

static void session_start(void)
{
	assess_error err = {0};
	ck_assert_ok(interview_start(s.iv, &err), &err);
}

/* A new answer file, on an 80-column screen. */
static void session_open(qn_lang lang)
{
	session_begin(NULL, lang, INTERVIEW_CREATE, 80);
	session_start();
}

/* The answers a taken up again, as from their file (the session frees them). */
static void session_resume(answers *a)
{
	session_begin(a, QN_LANG_ZH, INTERVIEW_RESUME, 80);
	session_start();
}

/* Ends the session and removes its answer file, which the test's next session may create. */
static void session_end(void)
{
	interview_free(s.iv);
	answers_free(s.a);
	answers_free(s.saved);
	if (s.out)
		fclose(s.out);
	free(s.text);
	if (s.path[0])
		unlink(s.path);
	memset(&s, 0, sizeof s);
}

/* Everything shown since the last call. */
static const char *shown(void)
{
	fflush(s.out);
	const char *since = s.text + s.mark;
	s.mark = s.len;
	return since;
}

static interview_status feed(const char *line)
{
	shown();
	return interview_input(s.iv, line);
}

/* The output out has fragment in it; a failure shows all of it. */
#define ck_has(out, fragment)                                                               \
	do {                                                                                \
		const char *has_ = (out);                                                   \
		ck_assert_msg(strstr(has_, (fragment)) != NULL, "output lacks \"%s\":\n%s", \
			      (fragment), has_);                                            \
	} while (0)
#define ck_shown_has(fragment) ck_has(shown(), fragment)

/*
 * One line typed into a session still asking, and what it should answer: a fragment of what it
 * shows and the prompt it asks with next (NULL: not looked at). A script ends with a NULL line.
 */
typedef struct step {
	const char *line;
	const char *shows;
	const char *prompt;
} step;

static void play(const step *script)
{
	for (size_t i = 0; script[i].line; i++) {
		const step *t = &script[i];
		ck_assert_msg(feed(t->line) == INTERVIEW_ASKING,
			      "step %zu \"%s\": no longer asking", i, t->line);
		const char *out = t->shows ? shown() : NULL;
		if (out)
			ck_assert_msg(strstr(out, t->shows) != NULL,
				      "step %zu \"%s\": output lacks \"%s\":\n%s", i, t->line,
				      t->shows, out);
		if (t->prompt)
			ck_assert_msg(strcmp(interview_prompt(s.iv), t->prompt) == 0,
				      "step %zu \"%s\": prompt \"%s\", want \"%s\"", i, t->line,
				      interview_prompt(s.iv), t->prompt);
	}
}

/* The answer file as the loader reads it back with flags; the session keeps it until the next. */
static const answers *reload(unsigned flags)
{
	assess_error err = {0};
	answers_free(s.saved);
	s.saved = answers_load(s.path, test_resolve, NULL, flags, &err);
	ck_assert_msg(s.saved != NULL, "saved file does not load: %s", err.msg);
	return s.saved;
}

/* What is saved so far, read back as a resume would read it: gaps allowed. */
static const answers *saved(void) { return reload(ANSWERS_ALLOW_INCOMPLETE); }

/* The answer file's folder disappears, as when the stick is pulled out, and comes back. */
static void stick_pull(void)
{
	ck_assert_msg(rename(s.stick, test_in_dir("gone")) == 0, "cannot move %s", s.stick);
}

static void stick_back(void)
{
	ck_assert_msg(rename(test_in_dir("gone"), s.stick) == 0, "cannot move %s back", s.stick);
}

static const char *answer_text(const answers *a, const char *id, char *buf, size_t size)
{
	return answers_format(a, question(id)->index, buf, size);
}

static const char *const profile_lines[] = {"泉州示例运动用品有限公司",
					    "91350582ma2y8k3l0q",
					    "休闲体育用品",
					    "c 2442", /* the industry code, folded to C2442 */
					    "2",
					    "y",
					    "y", /* a pilot enterprise */
					    "福建省泉州市晋江市",
					    "350582",
					    "2026/11/20",
					    "1",
					    "张工（示例服务商）",
					    "1",
					    "张工/组长/示例服务商",
					    "王总/总经理",
					    "",
					    "QZ-2026-017",
					    NULL};

/* The example file's answers as an assessor would type them: varied spellings, two notes. */
static const char *const answer_lines[] = {"B C # 现场查看车间工控网络拓扑图与办公网络拓扑图",
					   "c",
					   "B",
					   "D G H M N",
					   "C",
					   "BC",
					   "B",
					   "2",
					   "1",
					   "3 # 销售订单在ERP中录入，与库存、财务数据打通",
					   "1",
					   "2",
					   "2",
					   "2",
					   "1",
					   "1",
					   "1",
					   "2",
					   "2",
					   "3",
					   "2",
					   "2",
					   "1",
					   "D",
					   "B,C",
					   "Ｂ Ｄ",
					   "B",
					   "B",
					   "C",
					   "C",
					   "B",
					   NULL};

static void feed_all(const char *const *lines)
{
	for (int i = 0; lines[i]; i++)
		ck_assert_msg(feed(lines[i]) == INTERVIEW_ASKING,
			      "line %d \"%s\": no longer asking", i, lines[i]);
}

/* ---- input ---- */

START_TEST(fold_turns_ime_input_into_ascii)
{
	char *f = iv_fold("\xE3\x80\x80ＢＣ，Ｅ、f？\xE3\x80\x80");
	ck_assert_str_eq(f, "BC,E,f?");
	free(f);
	f = iv_fold("  公司（泉州）  ");
	ck_assert_str_eq(f, "公司(泉州)");
	free(f);
	char trimmed[] = "\xE3\x80\x80 企业 名称 \t";
	ck_assert_str_eq(iv_trim(trimmed), "企业 名称");
}
END_TEST

static bool parse(const char *id, const char *typed, char *canon, char *msg)
{
	interview iv = {.lang = QN_LANG_ZH};
	return iv_parse_answer(&iv, question(id), typed, canon, 128, msg, IV_MSG_MAX);
}

START_TEST(answers_parse_in_every_spelling)
{
	char canon[128], msg[IV_MSG_MAX];
	static const char *const multi[] = {"B C E", "BCE", "b,c,e", "e c b", "B, C;E", "BBCE"};
	for (size_t i = 0; i < sizeof multi / sizeof multi[0]; i++) {
		ck_assert_msg(parse("F1", multi[i], canon, msg), "%s: %s", multi[i], msg);
		ck_assert_str_eq(canon, "B C E");
	}
	ck_assert(parse("F2", "c", canon, msg));
	ck_assert_str_eq(canon, "C");
	ck_assert(parse("S03", "4", canon, msg));
	ck_assert_str_eq(canon, "4");
	ck_assert(parse("F6", "A", canon, msg));
	ck_assert_str_eq(canon, "A");
}
END_TEST

START_TEST(bad_answers_say_why)
{
	char canon[128], msg[IV_MSG_MAX];
	ck_assert(!parse("F1", "A B", canon, msg));
	ck_assert_msg(strstr(msg, "选项 A（无）不能与其他选项同时选择"), "%s", msg);
	ck_assert(!parse("F2", "B C", canon, msg));
	ck_assert_msg(strstr(msg, "F2 是单选题"), "%s", msg);
	ck_assert(!parse("F2", "F", canon, msg));
	ck_assert_msg(strstr(msg, "F2 没有选项 F（可选 A 到 E）"), "%s", msg);
	ck_assert(!parse("F1", "B 中", canon, msg));
	ck_assert_msg(strstr(msg, "“中”不是选项字母"), "%s", msg);
	ck_assert(!parse("S01", "5", canon, msg));
	ck_assert_msg(strstr(msg, "0 到 4"), "%s", msg);
	ck_assert(!parse("S01", "B", canon, msg));
	ck_assert(!parse("S01", "2 3", canon, msg));
	ck_assert(!parse("F1", ",", canon, msg));
	ck_assert_msg(strstr(msg, "请输入选项字母"), "%s", msg);
	interview en = {.lang = QN_LANG_EN};
	ck_assert(!iv_parse_answer(&en, question("F1"), "A C", canon, 128, msg, sizeof msg));
	ck_assert_msg(strstr(msg, "option A (None of these) cannot be combined"), "%s", msg);
}
END_TEST

START_TEST(questions_are_found_by_id_or_number)
{
	const questionnaire *q = test_miit();
	ck_assert_int_eq(iv_find_question(q, "S01"), 7);
	ck_assert_int_eq(iv_find_question(q, "s1"), 7);
	ck_assert_int_eq(iv_find_question(q, "S005"), 11);
	ck_assert_int_eq(iv_find_question(q, "r4"), 30);
	ck_assert_int_eq(iv_find_question(q, "12"), 11);
	ck_assert_int_eq(iv_find_question(q, "1"), 0);
	ck_assert_int_eq(iv_find_question(q, "31"), 30);
	ck_assert_int_eq(iv_find_question(q, "32"), -1);
	ck_assert_int_eq(iv_find_question(q, "0"), -1);
	ck_assert_int_eq(iv_find_question(q, "F8"), -1);
	ck_assert_int_eq(iv_find_question(q, "C"), -1);
	ck_assert_int_eq(iv_find_question(q, "S1x"), -1);
}
END_TEST

static bool code(const char *typed, char *out, char *msg)
{
	interview iv = {.lang = QN_LANG_ZH};
	return iv_credit_code(&iv, typed, out, 64, msg, IV_MSG_MAX);
}

START_TEST(credit_codes_are_checked_with_reasons)
{
	char out[64], msg[IV_MSG_MAX];
	ck_assert(code("91350582MA2Y8K3L0Q", out, msg));
	ck_assert(code("9135 0582 ma2y 8k3l 0q", out, msg));
	ck_assert_str_eq(out, "91350582MA2Y8K3L0Q");
	ck_assert(!code("91350582MA2Y8K3L0R", out, msg));
	ck_assert_msg(strstr(msg, "第 18 位应为 Q，输入的是 R"), "%s", msg);
	ck_assert(!code("91350582MA2Y8K3L0", out, msg));
	ck_assert_msg(strstr(msg, "应为 18 位，输入了 17 位"), "%s", msg);
	ck_assert(!code("91350582MA2Y8K3LOQ", out, msg));
	ck_assert_msg(strstr(msg, "第 17 位“O”不是代码字符"), "%s", msg);
	ck_assert(!code("91350582MA2Y8K3L0中", out, msg));
	ck_assert_msg(strstr(msg, "第 18 位“中”"), "%s", msg);
}
END_TEST

/* A code typed in characters longer than the buffer holds is cut between two of them. */
START_TEST(credit_code_too_long_is_cut_between_characters)
{
	char typed[18 * 4 + 1] = "", out[64], msg[IV_MSG_MAX];
	for (int i = 0; i < 18; i++)
		strcat(typed, "\xF0\x9F\x98\x80"); /* U+1F600, four bytes */
	ck_assert(!code(typed, out, msg));
	ck_assert_msg(text_utf8_valid(out, strlen(out), NULL), "a code cut inside a character");
	ck_assert_uint_eq(strlen(out), 15 * 4);
	ck_assert_msg(strstr(msg, "第 1 位“\xF0\x9F\x98\x80”"), "%s", msg);
}
END_TEST

/* So are a region and an industry code: what is kept of one that is too long ends whole. */
START_TEST(division_codes_too_long_are_cut_between_characters)
{
	interview iv = {.lang = QN_LANG_ZH};
	char typed[18 * 4 + 1] = "", out[64], msg[IV_MSG_MAX];
	for (int i = 0; i < 18; i++)
		strcat(typed, "\xF0\x9F\x98\x80"); /* U+1F600, four bytes */
	ck_assert(!iv_region_code(&iv, typed, out, sizeof out, msg, sizeof msg));
	ck_assert_msg(text_utf8_valid(out, strlen(out), NULL), "a region cut inside a character");
	ck_assert_uint_eq(strlen(out), 15 * 4);
	ck_assert(!iv_industry_code(&iv, typed, out, sizeof out, msg, sizeof msg));
	ck_assert_uint_eq(strlen(out), 15 * 4);
	ck_assert(iv_region_code(&iv, "35 05 82", out, sizeof out, msg, sizeof msg));
	ck_assert_str_eq(out, "350582");
	ck_assert(iv_industry_code(&iv, "c 2442", out, sizeof out, msg, sizeof msg));
	ck_assert_str_eq(out, "C2442");
}
END_TEST

START_TEST(dates_take_common_separators)
{
	char out[16];
	ck_assert(iv_date("2026/11/3", out, sizeof out));
	ck_assert_str_eq(out, "2026-11-03");
	ck_assert(iv_date("2026.1.05", out, sizeof out));
	ck_assert_str_eq(out, "2026-01-05");
	ck_assert(iv_date("20261120", out, sizeof out));
	ck_assert_str_eq(out, "2026-11-20");
	ck_assert(!iv_date("2026-11/20", out, sizeof out));
	ck_assert(!iv_date("2026-11-20x", out, sizeof out));
	ck_assert(!iv_date("yesterday", out, sizeof out));
}
END_TEST

START_TEST(lines_that_cannot_be_taken)
{
	interview iv = {.lang = QN_LANG_ZH};
	ck_assert_ptr_null(iv_line_problem(&iv, "B C # 看到了拓扑图"));
	ck_assert_ptr_nonnull(strstr(iv_line_problem(&iv, "\xD6\xD0"), "UTF-8")); /* 中 in GBK */
	ck_assert_ptr_nonnull(strstr(iv_line_problem(&iv, "\x1b[A"), "控制字符"));
}
END_TEST

/* ---- screen ---- */

/* Every line of text fits in width columns. */
static void assert_fits(const char *text, size_t width)
{
	char *copy = strdup(text), *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ck_assert_msg(text_display_width(line) <= width, "%zu columns > %zu: \"%s\"",
			      text_display_width(line), width, line);
	free(copy);
}

START_TEST(wrapping_counts_display_width)
{
	session_begin(NULL, QN_LANG_ZH, INTERVIEW_CREATE, 40);
	iv_wrap(s.iv, "  * B  ",
		"使用防火墙、网络分区、入侵检测、身份认证等网络安全产品或服务，"
		"并且 keeps English words whole across lines");
	const char *out = shown();
	assert_fits(out, 40);
	/* Continuation lines start under the text, after the 7 columns of the lead. */
	ck_has(out, "\n       ");
	ck_assert_msg(strstr(out, "Eng\n") == NULL && strstr(out, "wor\n") == NULL, "%s", out);
	/* No line starts with Chinese closing punctuation. */
	ck_assert_msg(strstr(out, "\n       ，") == NULL && strstr(out, "\n       、") == NULL,
		      "%s", out);
}
END_TEST

START_TEST(question_screen_shows_progress_options_and_answer)
{
	session_open(QN_LANG_ZH);
	feed("甲公司");
	feed(":g S05");
	const char *out = shown();
	ck_has(out, "12/31 · 数字化经营 · 生产执行数字化（已答 0）");
	ck_has(out, "【数字化经营】16 个场景");
	ck_has(out, "    0  未达到一级");
	ck_assert_str_eq(interview_prompt(s.iv), "S05> ");
	feed("3");
	feed(":b");
	out = shown();
	ck_has(out, "  * 3  ");
	ck_has(out, "当前答案：3（回车保留）");
	ck_assert_str_eq(interview_prompt(s.iv), "S05 [3]> ");
	feed("?");
	ck_shown_has("佐证材料（请企业出示）");
}
END_TEST

START_TEST(screens_fit_a_narrow_terminal)
{
	session_begin(NULL, QN_LANG_ZH, INTERVIEW_CREATE, 50);
	session_start();
	feed("甲公司");
	for (size_t i = 0; i < questionnaire_n_questions(test_miit()); i++) {
		char line[32];
		snprintf(line, sizeof line, ":g %zu", i + 1);
		feed(line);
		feed("?");
	}
	/* Prompts are the terminal's business, so look at the whole transcript minus them. */
	assert_fits(s.text, 50);
}
END_TEST

/* ---- sessions ---- */

START_TEST(a_whole_interview_writes_the_example)
{
	char got[128], want[128];
	session_open(QN_LANG_ZH);
	feed_all(profile_lines);
	ck_assert_str_eq(interview_prompt(s.iv), "F1> ");
	feed_all(answer_lines);
	ck_assert_str_eq(interview_prompt(s.iv), "完成> ");
	ck_assert_int_eq(feed(""), INTERVIEW_FINISHED);
	const answers *a = reload(0); /* no gaps left */
	answers *ex = test_example();
	/* The example gives no codes; the session took them, and the pilot flag. */
	for (int f = 0; f <= ANSWERS_ASSESSOR; f++)
		if (f != ANSWERS_REGION_CODE && f != ANSWERS_INDUSTRY_CODE)
			ck_assert_pstr_eq(answers_field_get(a, (answers_field)f),
					  answers_field_get(ex, (answers_field)f));
	ck_assert_str_eq(answers_field_get(a, ANSWERS_REGION_CODE), "350582");
	ck_assert_str_eq(answers_field_get(a, ANSWERS_INDUSTRY_CODE), "C2442");
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), 1);
	ck_assert_int_eq(answers_above_scale(a), 1);
	ck_assert_int_eq(answers_stage_get(a), ANSWERS_STAGE_BASELINE);
	for (size_t i = 0; i < questionnaire_n_questions(test_miit()); i++) {
		const char *id = questionnaire_question(test_miit(), i)->id;
		ck_assert_str_eq(answer_text(a, id, got, sizeof got),
				 answer_text(ex, id, want, sizeof want));
		const char *n1 = answers_get(a, i)->note, *n2 = answers_get(ex, i)->note;
		ck_assert_str_eq(n1 ? n1 : "-", n2 ? n2 : "-");
	}
	answers_free(ex);
}
END_TEST

START_TEST(every_line_is_saved_at_once)
{
	char buf[64];
	session_open(QN_LANG_ZH);
	ck_assert_ptr_null(answers_field_get(saved(), ANSWERS_NAME));
	feed("泉州示例运动用品有限公司");
	ck_assert_str_eq(answers_field_get(saved(), ANSWERS_NAME), "泉州示例运动用品有限公司");
	feed(":g F4");
	feed("D G");
	ck_assert_str_eq(answer_text(saved(), "F4", buf, sizeof buf), "D G");
	feed(":g F4");
	feed("# 数据采集平台截图");
	ck_assert_str_eq(answers_get(saved(), question("F4")->index)->note, "数据采集平台截图");
}
END_TEST

START_TEST(invalid_input_asks_again)
{
	char buf[64];
	static const step profile[] = {
		{"", "企业名称不能为空", "企业名称> "},
		{"甲公司", NULL, NULL},
		{"91350582MA2Y8K3L0R", "校验位不符", "统一社会信用代码> "},
		{":s", NULL, NULL}, /* the credit code */
		{":s", NULL, NULL}, /* industry */
		{"C99", "99 不是门类 C 下的大类", NULL},
		{"Z12", "行业代码以门类字母 A–T 开头", NULL},
		{"C3", "门类字母后应为 2、3 或 4 位数字", "行业代码（GB/T 4754）> "},
		{":s", NULL, NULL}, /* an optional code can be skipped */
		{":s", NULL, NULL}, /* size */
		{"maybe", "请输入 y（是）或 n（否）", NULL},
		{":s", NULL, NULL},
		{"perhaps", "请输入 y（是）或 n（否）", "是否数字化转型试点企业（y 是 / n 否）> "},
		{"n", NULL, NULL},
		{":s", NULL, NULL}, /* region */
		{"35058", "地区代码是 6 位数字的行政区划代码", NULL},
		{"350082", "县级代码须有地市部分", NULL},
		{"990582", "前两位 99 不是省级行政区划代码", NULL},
		{":s", NULL, NULL},
		{"2026-02-30", "日期应为真实的日期", NULL},
		{"", NULL, NULL},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(profile);
	ck_assert_ptr_nonnull(strstr(interview_prompt(s.iv), "[改造前]"));
	feed("3");
	ck_shown_has("请输入 1（改造前）或 2（改造后）");
	feed("2");
	for (int i = 0; i < 6; i++) /* assessor, source, team, interviewees, visits, report no */
		feed("");
	ck_assert_str_eq(interview_prompt(s.iv), "F1> ");
	static const char *const bad[] = {"A C", "Z", "中", "\xD6\xD0", "g F99", "F1 F2", ""};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_int_eq(feed(bad[i]), INTERVIEW_ASKING);
		ck_shown_has("  ! ");
		ck_assert_str_eq(interview_prompt(s.iv), "F1> ");
	}
	const answers *a = saved();
	ck_assert(!answers_get(a, 0)->given);
	ck_assert_str_eq(answers_field_get(a, ANSWERS_DATE), "2026-11-23");
	ck_assert_int_eq(answers_stage_get(a), ANSWERS_STAGE_POST);
	ck_assert_int_eq(answers_above_scale(a), -1);
	ck_assert_str_eq(answer_text(a, "F1", buf, sizeof buf), "");
}
END_TEST

START_TEST(keys_move_around)
{
	static const step to_the_profile[] = {
		{"甲公司", NULL, NULL},
		{":g F2", NULL, "F2> "},
		{":s", NULL, "F3> "},
		{":b", NULL, NULL},
		{":b", NULL, "F1> "},
		{":b", NULL, NULL}, /* back into the profile, at its last field */
		{NULL, NULL, NULL},
	};
	static const step through_the_questions[] = {
		{"QZ-1", NULL, "F1> "},
		{"B", NULL, "F2> "},
		{":b", NULL, "F1 [B]> "},
		{"", NULL, "F2> "},
		{":g r4", NULL, NULL},
		{"C", "回到未答题目 F2", "F2> "},
		{":l", "未答 29 题", NULL},
		{":g 31", NULL, NULL},
		{"-", NULL, "修改原因（R4：C → -）> "},
		{"", "修改已有答案需要说明原因", NULL},
		{"企业撤回了说法", "已清除 R4 的答案", "R4> "},
		{":g", NULL, "F2> "},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(to_the_profile);
	ck_assert_ptr_nonnull(strstr(interview_prompt(s.iv), "报告编号"));
	play(through_the_questions);
}
END_TEST

/* #10.5: a letter that names an option of the question on screen is that option, whatever its
 * case; commands start with ':' and no lone letter is ever a command. */
START_TEST(option_letters_are_never_commands)
{
	char buf[64];
	static const step letters[] = {
		{"甲公司", NULL, NULL},
		{":g F2", NULL, "F2> "},
		{"b", NULL, "F3> "}, /* F2 has options A-E: b is B, not back */
		{":g F4", NULL, NULL},
		{"g", NULL, NULL}, /* F4 runs A-O: g, l and b are options there */
		{":g F4", NULL, NULL},
		{"b l g", NULL, "修改原因（F4：G → B G L）> "},
		{"补看了系统", NULL, NULL},
		{NULL, NULL, NULL},
	};
	/* A lone letter that is not an option is refused, never taken as a command; commands work
	 * in either case and with a full-width colon from a Chinese input method. */
	static const step commands[] = {
		{":g F2", NULL, NULL},
		{"q", "F2 没有选项 Q", "F2 [B]> "},
		{"s", NULL, "F2 [B]> "},
		{":S", NULL, "F3> "},
		{"\xEF\xBC\x9A"
		 "back",
		 NULL, "F2 [B]> "},
		{":nonsense", "没有命令“:nonsense”", NULL},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(letters);
	const answers *a = saved();
	ck_assert_str_eq(answer_text(a, "F2", buf, sizeof buf), "B");
	ck_assert_str_eq(answer_text(a, "F4", buf, sizeof buf), "B G L");
	play(commands);
	ck_assert_int_eq(feed(":quit"), INTERVIEW_PAUSED);
}
END_TEST

/* In the profile, a lone letter that used to be a key is refused, not stored or obeyed. */
START_TEST(profile_refuses_old_keys)
{
	static const step script[] = {
		{"甲公司", NULL, "统一社会信用代码> "},
		{":s", NULL, "所属行业> "},
		{"s", ":s", "所属行业> "},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(script);
	const answers *a = saved();
	ck_assert_ptr_null(answers_field_get(a, ANSWERS_INDUSTRY));
}
END_TEST

START_TEST(notes_ride_with_answers_or_alone)
{
	static const step script[] = {
		{"甲公司", NULL, NULL},
		{":g S03", NULL, NULL},
		{"3 ＃ 订单在ERP中录入 #2", NULL, NULL},
		{":b", "备注：订单在ERP中录入 #2", NULL},
		{"#", "备注：订单在ERP中录入 #2", NULL},
		{"# -", NULL, NULL},
		{"# 只看了截图", NULL, NULL},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(script);
	const answers *a = saved();
	ck_assert_str_eq(answers_get(a, question("S03")->index)->note, "只看了截图");
	ck_assert_int_eq(answers_get(a, question("S03")->index)->level, 3);
	feed("# -");
	a = saved();
	ck_assert_ptr_null(answers_get(a, question("S03")->index)->note);
}
END_TEST

START_TEST(quit_pauses_or_finishes)
{
	session_open(QN_LANG_ZH);
	feed("甲公司");
	ck_assert_int_eq(feed(":q"), INTERVIEW_PAUSED);
	ck_assert_int_eq(feed("B"), INTERVIEW_PAUSED); /* a closed session takes nothing */
	assess_error err = {0};
	ck_assert_ok(interview_close(s.iv, &err), &err);
	ck_shown_has("未答 31 题：F1 F2 F3");
	session_end();

	session_open(QN_LANG_EN);
	feed_all(profile_lines);
	feed_all(answer_lines);
	ck_assert_str_eq(interview_prompt(s.iv), "finish> ");
	feed(":b");
	ck_assert_str_eq(interview_prompt(s.iv), "R4 [B]> ");
	ck_assert_int_eq(feed(":q"), INTERVIEW_FINISHED);
}
END_TEST

START_TEST(resume_continues_at_the_first_gap)
{
	session_resume(
		test_answers("{\"questionnaire\": \"miit-2024\", \"enterprise\": {\"name\": "
			     "\"甲\"}, \"answers\": {\"F1\": [\"B\"], \"F2\": \"C\", \"F4\": "
			     "[\"A\"]}}",
			     ANSWERS_ALLOW_INCOMPLETE));
	ck_shown_has("继续评测：已答 3/31 题");
	ck_assert_str_eq(interview_prompt(s.iv), "F3> ");
	session_end();

	/* Nothing answered yet: back to the first profile field not filled in. */
	session_resume(
		test_answers("{\"questionnaire\": \"miit-2024\", \"enterprise\": {\"name\": "
			     "\"甲\", \"credit_code\": \"91350582MA2Y8K3L0Q\"}, \"answers\": {}}",
			     ANSWERS_ALLOW_INCOMPLETE));
	ck_assert_str_eq(interview_prompt(s.iv), "所属行业> ");
}
END_TEST

START_TEST(an_existing_file_is_not_replaced)
{
	assess_error err = {0};
	session_begin(NULL, QN_LANG_ZH, INTERVIEW_CREATE, 80);
	test_write_file(s.path, "precious");
	ck_assert_int_eq(interview_start(s.iv, &err), ASSESS_ERR_EXISTS);
	char *text = test_read_file(s.path, NULL);
	ck_assert_str_eq(text, "precious");
	free(text);
}
END_TEST

/* An exFAT stick has no hard links: the first save, which must not replace a file, still works. */
START_TEST(first_save_works_without_hard_links)
{
	assess_error err = {0};
	no_links = 1;
	session_open(QN_LANG_ZH);
	saved(); /* the file is there, and loads */
	session_end();
	/* ...and an existing file is still refused. */
	session_begin(NULL, QN_LANG_ZH, INTERVIEW_CREATE, 80);
	test_write_file(s.path, "precious");
	ck_assert_int_eq(interview_start(s.iv, &err), ASSESS_ERR_EXISTS);
	no_links = 0;
}
END_TEST

START_TEST(a_failed_save_is_retried_and_blocks_quit)
{
	session_open(QN_LANG_ZH);
	stick_pull();
	feed("甲公司");
	ck_shown_has("无法保存");
	ck_assert_int_eq(feed(":q"), INTERVIEW_ASKING);
	assess_error err = {0};
	ck_assert_int_ne(interview_close(s.iv, &err), ASSESS_OK);
	stick_back();
	feed(":b");
	const answers *a = saved();
	ck_assert_str_eq(answers_field_get(a, ANSWERS_NAME), "甲公司");
	ck_assert_int_eq(feed(":q"), INTERVIEW_PAUSED);
	ck_assert_ok(interview_close(s.iv, &err), &err);
}
END_TEST

/* #10.4: when the answer file cannot be saved at the end, the answers go to a rescue copy. */
START_TEST(unsaved_answers_go_to_a_rescue_copy)
{
	char home[128], where[256], want[256], buf[32];
	assess_error err = {0};
	snprintf(home, sizeof home, "%s", test_in_dir("home"));
	ck_assert_int_eq(mkdir(home, 0700), 0);
	session_open(QN_LANG_ZH);
	feed("甲公司");
	stick_pull();
	feed(":g F2");
	feed("C");
	ck_assert_int_ne(interview_close(s.iv, &err), ASSESS_OK);
	/* Beside the file is gone too, so the copy goes to home; a second one never replaces it. */
	ck_assert_ok(interview_rescue(s.iv, home, where, sizeof where, &err), &err);
	snprintf(want, sizeof want, "%s/acme.rescue-1.json", home);
	ck_assert_str_eq(where, want);
	ck_assert_ok(interview_rescue(s.iv, home, where, sizeof where, &err), &err);
	snprintf(want, sizeof want, "%s/acme.rescue-2.json", home);
	ck_assert_str_eq(where, want);
	answers *a = answers_load(where, test_resolve, NULL, ANSWERS_ALLOW_INCOMPLETE, &err);
	ck_assert_msg(a != NULL, "%s", err.msg);
	ck_assert_str_eq(answers_field_get(a, ANSWERS_NAME), "甲公司");
	ck_assert_str_eq(answer_text(a, "F2", buf, sizeof buf), "C");
	answers_free(a);
	/* Without a home, and with the folder gone, it fails and says so. */
	ck_assert_int_ne(interview_rescue(s.iv, NULL, where, sizeof where, &err), ASSESS_OK);
	ck_assert_str_eq(where, "");
	/* With the folder back, the copy lands beside the file. */
	stick_back();
	ck_assert_ok(interview_rescue(s.iv, home, where, sizeof where, &err), &err);
	snprintf(want, sizeof want, "%s/acme.rescue-1.json", s.stick);
	ck_assert_str_eq(where, want);
}
END_TEST

/* A long Chinese value is cut, whole characters only, in the prompt (libedit crashed on it). */
START_TEST(long_values_are_clipped_in_prompts)
{
	char name[400] = "";
	for (int i = 0; i < 90; i++)
		strcat(name, "长");
	session_open(QN_LANG_ZH);
	feed(name);
	feed(":b");
	const char *p = interview_prompt(s.iv);
	ck_assert_msg(text_utf8_valid(p, strlen(p), NULL), "prompt is not UTF-8: %s", p);
	ck_assert_msg(text_display_width(p) <= 16 + IV_PROMPT_VALUE_COLUMNS, "%s", p);
	ck_assert_msg(strstr(p, "长…]> ") != NULL, "%s", p);
	const answers *a = saved();
	ck_assert_str_eq(answers_field_get(a, ANSWERS_NAME), name); /* stored whole */
	char out[16];
	iv_clip("ab长长", 5, out, sizeof out);
	ck_assert_str_eq(out, "ab长…"); /* 5 columns: a, b, 长 (2) and the mark */
	iv_clip("ab长", 5, out, sizeof out);
	ck_assert_str_eq(out, "ab长");
}
END_TEST

/* What the answers hold reaches the screen escaped: U+0085, a line break to some terminals, is
 * shown as \u0085, never sent (ESC is refused as typed, and by the loader). */
START_TEST(data_reaches_the_screen_escaped)
{
	session_open(QN_LANG_ZH);
	feed("甲\xC2\x85公司");
	feed(":b");
	const char *p = interview_prompt(s.iv);
	ck_assert_msg(strstr(p, "[甲\\u0085公司]> ") != NULL, "%s", p);
	ck_assert_msg(!strstr(p, "\xC2\x85"), "%s", p);
	feed("");
	feed(":g S03");
	feed("3 # 看了\xC2\x85截图\x1B[2J"); /* ESC is refused as typed, */
	ck_shown_has("控制字符");
	feed("3 # 看了\xC2\x85截图"); /* but not C1, which the file allows too */
	feed(":b");
	const char *out = shown();
	ck_has(out, "备注：看了\\u0085截图");
	ck_assert_msg(!strstr(out, "\xC2\x85"), "%s", out);
}
END_TEST

/* The enterprise name is required: it can be neither skipped nor jumped over. */
START_TEST(the_name_cannot_be_skipped)
{
	static const step script[] = {
		{":s", "企业名称不能为空", "企业名称> "},
		{":g F2", "企业名称不能为空", "企业名称> "},
		{"-", NULL, "企业名称> "},
		{"甲公司", NULL, "统一社会信用代码> "},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(script);
	session_end();

	/* A file resumed without a name: the review asks for it before finishing. */
	char json[4096];
	int used = snprintf(json, sizeof json, "{\"questionnaire\": \"miit-2024\", \"answers\": {");
	for (size_t i = 0; i < questionnaire_n_questions(test_miit()); i++) {
		const qn_question *q = questionnaire_question(test_miit(), i);
		used += snprintf(json + used, sizeof json - (size_t)used, "%s\"%s\": %s",
				 i ? ", " : "", q->id,
				 q->kind == QN_SCENARIO ? "0"
				 : q->kind == QN_MULTI  ? "[\"A\"]"
							: "\"A\"");
	}
	snprintf(json + used, sizeof json - (size_t)used, "}}");
	session_resume(test_answers(json, 0));
	ck_assert_str_eq(interview_prompt(s.iv), "完成> ");
	static const step at_the_review[] = {
		{"", "企业名称不能为空", "企业名称> "},
		{"乙公司", NULL, NULL},
		{NULL, NULL, NULL},
	};
	play(at_the_review);
}
END_TEST

/* What salvage() took last, freed by the next call or after the test. */
static answers *salvaged;

/* What interview_salvage takes from text, which names its questionnaire. */
static const answers *salvage(const char *text, interview_salvaged *got)
{
	assess_error err = {0};
	answers_free(salvaged);
	salvaged = interview_salvage(text, "x.json", NULL, test_resolve, NULL, got, &err);
	ck_assert_msg(salvaged != NULL, "nothing salvaged (%s) from %s", err.msg, text);
	return salvaged;
}

/* A damaged file: what the setters accept is read wherever the text around it is broken. */
START_TEST(salvage_reads_what_it_can)
{
	assess_error err = {0};
	interview_salvaged got;
	char buf[32];
	const char *text =
		"{\"questionnaire\": \"miit-2024\", \"enterprise\": {\"name\": "
		"\"甲公司\", \"above_scale\": true}, \"answers\": {\"F1\": [\"B\", \"C\"], "
		"\"F2\": \"Z\", \"S01\": 3,, \"F9\": \"A\"}, \"notes\": {\"F1\": \"看了\"}, "
		"\"finance\": {\"investment\": 1";
	const answers *a = salvage(text, &got);
	ck_assert_uint_eq(got.answers, 2);
	ck_assert_uint_eq(got.fields, 2);
	ck_assert_uint_eq(got.notes, 1);
	ck_assert_str_eq(got.dropped, "F2 F9 finance");
	ck_assert_str_eq(answer_text(a, "F1", buf, sizeof buf), "B C");
	ck_assert_str_eq(answer_text(a, "S01", buf, sizeof buf), "3");
	ck_assert(!answers_get(a, question("F2")->index)->given);
	ck_assert_str_eq(answers_get(a, 0)->note, "看了");
	ck_assert_int_eq(answers_above_scale(a), 1);
	/* Nothing readable, or no questionnaire named and none given: NULL with a reason. */
	ck_assert_ptr_null(interview_salvage("{\"questionnaire\": \"miit-2024\"", "x.json", NULL,
					     test_resolve, NULL, &got, &err));
	ck_assert_msg(strstr(err.msg, "nothing can be salvaged"), "%s", err.msg);
	ck_assert_ptr_null(
		interview_salvage("garbage", "x.json", NULL, test_resolve, NULL, &got, &err));
	a = interview_salvage("\"F2\": \"C\"", "x.json", "miit-2024", test_resolve, NULL, &got,
			      &err);
	ck_assert_ptr_null(a); /* F2 outside any "answers" object is not taken for an answer */
}
END_TEST

/*
 * A control character the loader refuses (an escaped \u0001, a \u0000 that would cut the
 * text) is not carried into the salvaged answers, where the next save would write a file that
 * no resume can load: the value is named among those dropped.
 */
START_TEST(salvage_drops_control_characters)
{
	interview_salvaged got;
	const char *text =
		"{\"questionnaire\": \"miit-2024\", \"enterprise\": {\"name\": \"甲\\u0001公司\","
		" \"region\": \"泉州\"}, \"answers\": {\"F2\": \"C\"}, \"notes\": {\"F2\": "
		"\"看了\\u0000合同\"}, \"flags\": {\"F2\": \"待\\u001b核\"}, \"history\": [{\"at\": "
		"\"2026-11-20T10:00:00+08:00\", \"question\": \"F2\", \"from\": null, \"to\": \"C\", "
		"\"by\": \"王\\u0007工\"}], \"evidence\": {\"F2\": [{\"title\": \"清单\\t一\"}]}";
	const answers *a = salvage(text, &got);
	ck_assert_str_eq(got.dropped, "name F2 (note) flags.F2 history[0]");
	ck_assert_uint_eq(got.answers, 1);
	ck_assert_ptr_null(answers_field_get(a, ANSWERS_NAME));
	ck_assert_str_eq(answers_field_get(a, ANSWERS_REGION), "泉州");
	ck_assert_ptr_null(answers_get(a, question("F2")->index)->note);
	ck_assert_ptr_null(answers_flag_get(a, question("F2")->index));
	ck_assert_uint_eq(answers_history_count(a), 0);
	/* A tab is allowed, as the loader allows it. */
	ck_assert_str_eq(answers_evidence_get(a, question("F2")->index, 0)->title, "清单\t一");
}
END_TEST

/* The record's parts: every one that reads whole is kept; what is not, is named. */
static const char *const damaged_record =
	"{\"questionnaire\": \"miit-2024\",\n"
	" \"assessment\": {\"date\": \"2026-11-20\", \"source\": \"onsite\",\n"
	"  \"team\": [{\"name\": \"王工\", \"role\": \"组长\"}, {\"role\": \"无名\"}],\n"
	"  \"interviewees\": [{\"name\": \"陈总\", \"title\": \"总经理\"}],\n"
	"  \"site_visits\": [\"2026-11-19\", \"2026-02-30\", \"2026-11-20\"]},\n"
	" \"answers\": {\"F1\": [\"B\", \"C\"], \"F2\": \"C\", \"F3\": \"Z\"},\n"
	" \"evidence\": {\"F1\": [{\"title\": \"网络拓扑图\", \"checklist\": \"F1.1\"},\n"
	"   {\"title\": \"x\", \"file\": \"../up.pdf\"}], \"F9\": [{\"title\": \"无题\"}]},\n"
	" \"flags\": {\"F2\": \"合同待补\", \"F3\": 7},\n"
	" \"history\": [\n"
	"  {\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F1\", \"from\": null,"
	" \"to\": [\"B\", \"C\"], \"by\": \"王工\"},\n"
	"  {\"at\": \"2026-11-20T10:01:00+08:00\", \"question\": \"F2\", \"from\": null,"
	" \"to\": \"B\"},\n"
	"  {\"at\": \"2026-11-20T10:02:00+08:00\", \"question\": \"F2\", \"from\": \"B\","
	" \"to\": \"C\", \"reason\": \"看到了合同\"},\n"
	"  {\"at\": \"2026-11-20T10:03:00+08:00\", \"question\": \"S01\", \"fr";

START_TEST(salvage_keeps_the_record)
{
	assess_error err = {0};
	interview_salvaged got;
	const answers *a = salvage(damaged_record, &got);
	ck_assert_str_eq(got.dropped, "team[1] site_visits[1] F3 evidence.F1[1] evidence.F9[0] "
				      "flags.F3 history[3…]");
	ck_assert_uint_eq(got.answers, 2);
	/* source, 1 member, 1 interviewee, 2 visits, 1 item, 1 flag, 3 entries */
	ck_assert_uint_eq(got.record, 10);
	ck_assert_int_eq(answers_origin_get(a), ANSWERS_SOURCE_ONSITE);
	ck_assert_uint_eq(answers_team_count(a), 1);
	ck_assert_str_eq(answers_team_get(a, 0)->role, "组长");
	ck_assert_str_eq(answers_interviewee_get(a, 0)->title, "总经理");
	ck_assert_uint_eq(answers_site_visits_count(a), 2);
	ck_assert_int_eq(answers_site_visit_get(a, 1), 20261120);
	ck_assert_uint_eq(answers_evidence_total(a), 1);
	ck_assert_str_eq(answers_evidence_get(a, question("F1")->index, 0)->checklist, "F1.1");
	ck_assert_str_eq(answers_flag_get(a, question("F2")->index), "合同待补");
	ck_assert_uint_eq(answers_history_count(a), 3);
	ck_assert_str_eq(answers_history_get(a, 2)->reason, "看到了合同");
	ck_assert_ok(answers_history_check(a, &err), &err); /* F3 was refused: no entry of it */
	ck_assert(!answers_finalized(a));
}
END_TEST

/* A finalized record keeps its mark, taken after the answers whatever the order in the text. */
START_TEST(salvage_keeps_the_finalization)
{
	interview_salvaged got;
	const char *text = "{\"questionnaire\": \"miit-2024\", \"finalized\": {\"at\": "
			   "\"2026-11-20T11:00:00+08:00\", \"by\": \"王工\"}, \"answers\": "
			   "{\"F2\": \"C\", \"F3\": ";
	const answers *a = salvage(text, &got);
	ck_assert_uint_eq(got.answers, 1);
	ck_assert_uint_eq(got.record, 1);
	ck_assert(answers_finalized(a));
	ck_assert_str_eq(answers_finalized_by(a), "王工");
	/* A finalized mark of the wrong form is named, not kept. */
	text = "{\"questionnaire\": \"miit-2024\", \"answers\": {\"F2\": \"C\"},"
	       " \"finalized\": {\"by\": \"王工\"}}";
	a = salvage(text, &got);
	ck_assert_str_eq(got.dropped, "finalized");
	ck_assert(!answers_finalized(a));
	/* Answered with another definition of the instrument: its stamp is not kept, and named. */
	text = "{\"questionnaire\": \"miit-2024\", \"questionnaire_sha256\": \""
	       "0000000000000000000000000000000000000000000000000000000000000000\","
	       " \"answers\": {\"F2\": \"C\",";
	a = salvage(text, &got);
	ck_assert_str_eq(got.dropped, "questionnaire_sha256");
	/* The status flags the profile asks are kept; finance is not, and is named. */
	text = "{\"questionnaire\": \"miit-2024\", \"answers\": {\"F2\": \"C\"},"
	       " \"finance\": {\"diagnosis_fee\": 8000}, \"status\": {\"pilot_enterprise\": true,"
	       " \"city_leader\": \"yes\", \"in_standard_park\": false}, \"awards\": [";
	a = salvage(text, &got);
	ck_assert_str_eq(got.dropped, "status.city_leader finance awards");
	ck_assert_uint_eq(got.fields, 2);
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), 1);
	ck_assert_int_eq(answers_status_flag(a, "in_standard_park"), 0);
	ck_assert_int_eq(answers_status_flag(a, "city_leader"), -1);
	ck_assert_ptr_null(answers_block(a, "finance"));
}
END_TEST

/*
 * Every key the answer model writes, the salvage reads back: a file it saved, salvaged whole,
 * saves to the same text with nothing dropped. A key added to the answer file but not to the
 * salvage fails here.
 */
START_TEST(salvage_reads_every_key_the_model_writes)
{
	static const char *const values[ANSWERS_FIELD_MAX] = {[ANSWERS_NAME] = "甲公司",
							      [ANSWERS_CREDIT_CODE] =
								      "91350582MA2Y8K3L0Q",
							      [ANSWERS_INDUSTRY] = "制造业",
							      [ANSWERS_SIZE] = "中型",
							      [ANSWERS_REGION] = "泉州",
							      [ANSWERS_REGION_CODE] = "350582",
							      [ANSWERS_INDUSTRY_CODE] = "C34",
							      [ANSWERS_DATE] = "2026-11-20",
							      [ANSWERS_ASSESSOR] = "王工",
							      [ANSWERS_REPORT_NO] = "QZ-2026-017",
							      [ANSWERS_LANG] = "zh"};
	assess_error err = {0};
	interview_salvaged got;
	answers *a = answers_new(test_miit());
	ck_assert_ptr_nonnull(a);
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++)
		ck_assert_msg(answers_set_field(a, (answers_field)f, values[f], &err) == ASSESS_OK,
			      "%s: %s", answers_field_key((answers_field)f), err.msg);
	answers_set_above_scale(a, 1);
	answers_set_stage(a, ANSWERS_STAGE_POST);
	for (int st = 0; st < POLICY_STATUS_MAX; st++)
		ck_assert_int_eq(answers_set_status_flag(a, policy_status_name((policy_status)st),
							 st % 2),
				 ASSESS_OK);
	ck_assert_int_eq(answers_team_add(a, "王工", "组长", "泉州中心", &err), ASSESS_OK);
	ck_assert_int_eq(answers_interviewee_add(a, "陈总", "总经理", &err), ASSESS_OK);
	ck_assert_int_eq(answers_set_text(a, question("F2")->index, "C", &err), ASSESS_OK);
	char *saved = answers_to_json(a);
	answers_free(a);
	ck_assert_ptr_nonnull(saved);
	char *again = answers_to_json(salvage(saved, &got));
	ck_assert_msg(got.n_dropped == 0, "dropped: %s", got.dropped);
	ck_assert_uint_eq(got.fields, ANSWERS_FIELD_MAX + 2 + POLICY_STATUS_MAX);
	ck_assert_str_eq(again, saved);
	free(again);
	free(saved);
}
END_TEST

/* The salvage reads part by part just the members the record takes, lists and objects. */
START_TEST(record_compound_keys_are_taken)
{
	static const char *const compound[] = {"team",  "interviewees", "site_visits", "evidence",
					       "flags", "history",      "finalized"};
	static const char *const other[] = {"source", "answers", "assessment",
					    "name",   "status",  ""};
	assess_error err = {0};
	answers *a = answers_new(test_miit());
	cJSON *v = cJSON_CreateArray();
	for (size_t i = 0; i < sizeof compound / sizeof *compound; i++) {
		ck_assert_msg(answers_record_is_compound(compound[i]), "%s", compound[i]);
		answers_record_take(a, compound[i], v, "x.json", &err); /* refused or not, */
		ck_assert_ptr_null(strstr(err.msg, "not a member"));    /* it is the record's */
	}
	for (size_t i = 0; i < sizeof other / sizeof *other; i++)
		ck_assert_msg(!answers_record_is_compound(other[i]), "%s", other[i]);
	cJSON_Delete(v);
	answers_free(a);
}
END_TEST

/* The salvage names the file's sections as the model writes them, each member in its place. */
START_TEST(top_and_record_keys_are_named_as_the_file_spells_them)
{
	static const char *const top[] = {"questionnaire",
					  "questionnaire_version",
					  "questionnaire_sha256",
					  "enterprise",
					  "assessment",
					  "answers",
					  "notes",
					  "evidence",
					  "flags",
					  "history",
					  "finalized",
					  "finance",
					  "status",
					  "awards"};
	static const char *const record[] = {"source", "team", "interviewees", "site_visits"};
	ck_assert_int_eq(sizeof top / sizeof *top, ANSWERS_TOP_MAX);
	for (int k = 0; k < ANSWERS_TOP_MAX; k++)
		ck_assert_str_eq(answers_top_key((answers_top)k), top[k]);
	ck_assert_ptr_null(answers_top_key(ANSWERS_TOP_MAX));
	ck_assert_int_eq(sizeof record / sizeof *record, ANSWERS_RECORD_MAX);
	for (int m = 0; m < ANSWERS_RECORD_MAX; m++)
		ck_assert_str_eq(answers_record_key((answers_record_member)m), record[m]);
	ck_assert_ptr_null(answers_record_key(ANSWERS_RECORD_MAX));
	/* the blocks are the table's last three */
	for (size_t b = 0; answers_block_key(b); b++)
		ck_assert_str_eq(answers_block_key(b), answers_top_key(ANSWERS_TOP_FINANCE + b));
}
END_TEST

/* One member at a time, checked as the loader checks it, with its path on a refusal. */
START_TEST(record_take_reads_one_member)
{
	assess_error err = {0};
	answers *a = answers_new(test_miit());
	cJSON *v = cJSON_Parse("[{\"name\": \"王工\", \"organisation\": \"示例服务商\"}]");
	ck_assert_ok(answers_record_take(a, "team", v, "x.json", &err), &err);
	ck_assert_ok(answers_record_take(a, "team", v, "x.json", &err), &err);
	ck_assert_uint_eq(answers_team_count(a), 2); /* lists add up */
	cJSON_Delete(v);
	v = cJSON_Parse("\"self\"");
	ck_assert_ok(answers_record_take(a, "source", v, "x.json", &err), &err);
	ck_assert_int_eq(answers_origin_get(a), ANSWERS_SOURCE_SELF);
	cJSON_Delete(v);
	v = cJSON_Parse("{\"F2\": [{\"title\": \"合同\", \"sha256\": \"ab\"}]}");
	ck_assert_int_eq(answers_record_take(a, "evidence", v, "x.json", &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.evidence.F2[0].sha256");
	ck_assert_str_eq(err.file, "x.json");
	ck_assert_int_eq(err.line, 0);
	cJSON_Delete(v);
	v = cJSON_Parse("[{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\","
			" \"from\": null, \"to\": \"Q\"}]");
	ck_assert_int_eq(answers_record_take(a, "history", v, "x.json", &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.history[0].to");
	ck_assert_uint_eq(answers_history_count(a), 0);
	ck_assert_int_eq(answers_record_take(a, "answers", v, "x.json", &err), ASSESS_ERR_DATA);
	cJSON_Delete(v);
	answers_free(a);
}
END_TEST

/* The review lists every answer with its points; a number or an id reopens that question. */
START_TEST(review_lists_answers_and_reopens_lines)
{
	session_open(QN_LANG_ZH);
	feed_all(profile_lines);
	feed_all(answer_lines);
	const char *out = shown();
	ck_has(out, "【复核】全部 31 题 · 总分 48.875");
	ck_has(out, "  1 F1   B C        4 分 · 有备注\n");
	ck_has(out, " 29 R2   C          7 分 · 用时 0:0");
	ck_assert_str_eq(interview_prompt(s.iv), "完成> ");
	static const step reopen[] = {
		{"29", NULL, "R2 [C]> "},
		{"A", NULL, NULL},
		/* Changing an answer asks why; back at the review, R2 A scores 0 instead of 7. */
		{"复核时发现合同未签", "总分 41.875", NULL},
		{"f2", NULL, "F2 [C]> "},
		{NULL, NULL, NULL},
	};
	play(reopen);
}
END_TEST

/* #12: evidence, flags, history with reasons, time spent, and the finalize at the review. */
START_TEST(the_record_is_kept_at_each_question)
{
	static const step at_f1[] = {
		{":e", "支撑材料清单", NULL},
		{":e 1", "已记录证据 [1]", NULL},
		{":e 99", "清单没有第 99 项", NULL},
		{":e 现场照片", NULL, NULL},
		{":e -1", "已删除证据 [1]", NULL},
		{":f 合同待补", NULL, NULL},
		{"B C", NULL, NULL},
		{":g F1", NULL, NULL},
		{"B", NULL, "修改原因（F1：B C → B）> "},
		{":b", NULL, "F1 [B C]> "}, /* keeps the old answer */
		{"B", NULL, NULL},
		{"C 没有看到", NULL, NULL},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	feed_all(profile_lines);
	ck_assert_str_eq(interview_prompt(s.iv), "F1> ");
	play(at_f1);
	const answers *a = saved();
	ck_assert_uint_eq(answers_evidence_count(a, 0), 1);
	ck_assert_str_eq(answers_evidence_get(a, 0, 0)->title, "现场照片");
	ck_assert_str_eq(answers_flag_get(a, 0), "合同待补");
	ck_assert_uint_eq(answers_history_count(a), 2);
	const answers_change *c = answers_history_get(a, 1);
	ck_assert_str_eq(c->reason, "C 没有看到");
	ck_assert_str_eq(c->by, "张工（示例服务商）");
	ck_assert_uint_eq(c->from.mask, 6);
	ck_assert_uint_eq(c->to.mask, 2);
	ck_assert_str_eq(answers_field_get(a, ANSWERS_LANG), "zh");
	ck_assert_uint_eq(answers_team_count(a), 1);
	ck_assert_int_eq(answers_origin_get(a), ANSWERS_SOURCE_ONSITE);
	ck_assert_int_eq(answers_site_visit_get(a, 0), 20261120); /* Enter: the assessment date */
	feed_all(answer_lines + 1);
	ck_shown_has("证据 1 · 用时");
	ck_assert_int_eq(feed(""), INTERVIEW_FINISHED);
	a = saved();
	ck_assert(answers_finalized(a));
	ck_assert_str_eq(answers_finalized_by(a), "张工（示例服务商）");
	ck_assert_uint_eq(answers_history_count(a), 32);
	char out[48];
	interview iv = {.lang = QN_LANG_ZH};
	iv_format_spent(&iv, 65, out, sizeof out);
	ck_assert_str_eq(out, " · 用时 1:05");
	iv_format_spent(&iv, 4, out, sizeof out);
	ck_assert_str_eq(out, " · 用时 0:04（过快）");
	iv_format_spent(&iv, -1, out, sizeof out);
	ck_assert_str_eq(out, "");
}
END_TEST

START_TEST(tabs_become_spaces)
{
	session_open(QN_LANG_ZH);
	feed("甲\t公司");
	feed(":g F1");
	feed("B\tC\t#\t看了\t拓扑图");
	const answers *a = saved();
	ck_assert_str_eq(answers_field_get(a, ANSWERS_NAME), "甲 公司");
	ck_assert_str_eq(answers_get(a, 0)->note, "看了 拓扑图");
	ck_assert_uint_eq(answers_get(a, 0)->mask, 6);
}
END_TEST

START_TEST(english_sessions_speak_english)
{
	session_open(QN_LANG_EN);
	static const step script[] = {
		{"Acme", NULL, NULL},
		{"91350582MA2Y8K3L0R", "the check character (GB 32100) should be Q, not R", NULL},
		{":g F6", "6/31 · Digital foundation · Information security (0 answered)", NULL},
		{"A B", "option A (None) cannot be combined with other options", NULL},
		{NULL, NULL, NULL},
	};
	ck_assert_str_eq(interview_prompt(s.iv), "Enterprise name> ");
	play(script);
}
END_TEST

START_TEST(choices_are_offered_by_the_files_names)
{
	/* The hints are built from the answers' vocabulary; these are the prompts users know. */
	static const step zh[] = {
		{"甲公司", NULL, NULL},
		{":s", NULL, NULL}, /* the credit code */
		{":s", NULL, NULL}, /* industry */
		{":s", NULL,
		 "企业规模（1 中型 / 2 小型 / 3 微型）> "}, /* after the industry code */
		{":s", NULL, "是否规模以上企业（y 是 / n 否）> "},
		{":s", NULL, "是否数字化转型试点企业（y 是 / n 否）> "},
		{":s", NULL, NULL},                                       /* the pilot flag */
		{":s", NULL, NULL},                                       /* region */
		{":s", NULL, NULL},                                       /* region code */
		{"", NULL, "评测阶段（1 改造前 / 2 改造后） [改造前]> "}, /* after the date */
		{"", NULL, NULL},                                         /* the stage */
		{":s", NULL,
		 "评测方式（1 现场评定 / 2 自评） [现场评定]> "}, /* after the assessor */
		{NULL, NULL, NULL},
	};
	static const step en[] = {
		{"Acme", NULL, NULL},
		{":s", NULL, NULL},
		{":s", NULL, NULL},
		{":s", NULL, "Size (1 medium / 2 small / 3 micro)> "},
		{":s", NULL, "Above designated size? (y yes / n no)> "},
		{":s", NULL, "Pilot enterprise of the transformation programme? (y yes / n no)> "},
		{":s", NULL, NULL},
		{":s", NULL, NULL},
		{":s", NULL, NULL},
		{"", NULL, "Stage (1 baseline / 2 post) [baseline]> "},
		{"", NULL, NULL},
		{":s", NULL, "Source (1 on site / 2 self-assessment) [on site]> "},
		{"self-assessment", NULL, NULL}, /* a name the prompt offers is taken */
		{":b", NULL, "Source (1 on site / 2 self-assessment) [self]> "},
		{"On site", NULL, NULL},
		{":b", NULL, "Source (1 on site / 2 self-assessment) [on site]> "},
		{NULL, NULL, NULL},
	};
	session_open(QN_LANG_ZH);
	play(zh);
	session_end();
	session_open(QN_LANG_EN);
	play(en);
}
END_TEST

/* After each test: its session is ended, what it salvaged freed and the test folder removed. */
static void session_teardown(void)
{
	session_end();
	answers_free(salvaged);
	salvaged = NULL;
	test_dir_remove();
}

TCase *make_interview_input_tcase(void)
{
	const TTest *tests[] = {fold_turns_ime_input_into_ascii,
				answers_parse_in_every_spelling,
				bad_answers_say_why,
				questions_are_found_by_id_or_number,
				credit_codes_are_checked_with_reasons,
				credit_code_too_long_is_cut_between_characters,
				division_codes_too_long_are_cut_between_characters,
				dates_take_common_separators,
				lines_that_cannot_be_taken,
				NULL};
	return test_tcase("interview-input", NULL, NULL, 0, tests);
}

TCase *make_interview_screen_tcase(void)
{
	const TTest *tests[] = {wrapping_counts_display_width,
				question_screen_shows_progress_options_and_answer,
				screens_fit_a_narrow_terminal, NULL};
	return test_tcase("interview-screen", test_dir_make, session_teardown, 0, tests);
}

TCase *make_interview_session_tcase(void)
{
	const TTest *tests[] = {a_whole_interview_writes_the_example,
				every_line_is_saved_at_once,
				invalid_input_asks_again,
				keys_move_around,
				option_letters_are_never_commands,
				profile_refuses_old_keys,
				notes_ride_with_answers_or_alone,
				quit_pauses_or_finishes,
				resume_continues_at_the_first_gap,
				an_existing_file_is_not_replaced,
				first_save_works_without_hard_links,
				a_failed_save_is_retried_and_blocks_quit,
				unsaved_answers_go_to_a_rescue_copy,
				tabs_become_spaces,
				the_record_is_kept_at_each_question,
				review_lists_answers_and_reopens_lines,
				salvage_reads_what_it_can,
				salvage_drops_control_characters,
				salvage_keeps_the_record,
				salvage_keeps_the_finalization,
				salvage_reads_every_key_the_model_writes,
				record_compound_keys_are_taken,
				top_and_record_keys_are_named_as_the_file_spells_them,
				record_take_reads_one_member,
				the_name_cannot_be_skipped,
				long_values_are_clipped_in_prompts,
				data_reaches_the_screen_escaped,
				english_sessions_speak_english,
				choices_are_offered_by_the_files_names,
				NULL};
	return test_tcase("interview-session", test_dir_make, session_teardown, 30, tests);
}
