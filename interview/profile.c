/* The enterprise profile and assessment fields, asked one at a time before the questions. */
#include "config.h"
#include "interview/internal.h"

#include <stdlib.h>
#include <string.h>
#include "answers/record.h"
#include "common/date.h"
#include "common/text.h"
#include "policies/policy.h"
#include "reports/report.h"

typedef enum {
	STEP_TEXT,
	STEP_REPORT_NO, /* a text no longer than a report holds (report_no_too_long) */
	STEP_CODE,
	STEP_SIZE,
	STEP_ABOVE,
	STEP_PILOT,
	STEP_GBCODE,
	STEP_DATE,
	STEP_STAGE,
	STEP_SOURCE,
	STEP_TEAM,
	STEP_PEOPLE,
	STEP_VISITS
} step_kind;

typedef struct step {
	step_kind kind;
	answers_field field; /* where TEXT, CODE, GBCODE, SIZE and DATE go */
	bool required;
	/* what the prompt asks: the item's ANSWERS_PROFILE_QUESTION name, if it is one */
	answers_profile_item item;
	/*
	 * zh, en: after the item's name, how to answer ("（GB/T 4754）"); or, for a step that is no
	 * profile item, its question. A choice's hint is built from its names (choices_hint).
	 */
	const char *label[2];
	const char *help[2];
} step;

static const step steps[] = {
	{STEP_TEXT,
	 ANSWERS_NAME,
	 true,
	 ANSWERS_PROFILE_NAME,
	 {NULL, NULL},
	 {"营业执照上的企业全称。", "The enterprise's full name as on its business licence."}},
	{STEP_CODE,
	 ANSWERS_CREDIT_CODE,
	 false,
	 ANSWERS_PROFILE_CREDIT_CODE,
	 {NULL, NULL},
	 {"营业执照上的 18 位代码（GB 32100），最后一位是校验位，输入后立即核对；大小写均可，可带空格。",
	  "The 18-character code on the business licence (GB 32100); its last character is a "
	  "check character, verified as you type it. Upper or lower case, spaces allowed."}},
	{STEP_TEXT,
	 ANSWERS_INDUSTRY,
	 false,
	 ANSWERS_PROFILE_INDUSTRY,
	 {NULL, NULL},
	 {"如“休闲体育用品制造”，可用国民经济行业分类的名称。",
	  "For example \"sports goods manufacturing\"; the national industry classification name "
	  "is best."}},
	{STEP_GBCODE,
	 ANSWERS_INDUSTRY_CODE,
	 false,
	 ANSWERS_PROFILE_INDUSTRY_CODE,
	 {"（GB/T 4754）", " (GB/T 4754)"},
	 {"国民经济行业分类代码：门类字母加 2–4 位数字，如 C24（文教、工美、体育和娱乐用品制造业）、C2442；"
	  "输入后立即核对。补贴政策中面向制造业（C）或工业企业（B、C、D）的条款按它判断；不清楚可 :s 跳过。",
	  "The national industry classification code: a section letter and 2-4 digits, e.g. C24 "
	  "(sports and recreation goods), C2442; checked as you type it. Subsidy clauses for "
	  "manufacturers (C) or industrial enterprises (B, C, D) read it; :s skips it."}},
	{STEP_SIZE,
	 ANSWERS_SIZE,
	 false,
	 ANSWERS_PROFILE_SIZE,
	 {NULL, NULL},
	 {"按中小企业划型标准；输入 1、2、3，或直接输入文字。",
	  "By the official SME size classification; type 1, 2 or 3, or any text."}},
	{STEP_ABOVE,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_ABOVE_SCALE,
	 {NULL, NULL},
	 {"规模以上工业企业指年主营业务收入 2000 万元及以上的工业企业；部分补贴政策以此为条件。",
	  "An industrial enterprise is above designated size with a main business revenue of at "
	  "least 20 million yuan a year; some subsidies depend on it."}},
	{STEP_PILOT,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_N_ITEMS,
	 {"是否数字化转型试点企业", "Pilot enterprise of the transformation programme?"},
	 {"列入所在城市中小企业数字化转型试点的企业；泉州、莆田、厦门、平罗的多项补贴以此为条件。"
	  "不确定可 :s 跳过：补贴测算会写明缺少这项输入，而不是当作“否”。",
	  "An enterprise in the city's SME digital transformation pilot; several Quanzhou, Putian, "
	  "Xiamen and Pingluo subsidies depend on it. :s skips it if unsure: the subsidy then says "
	  "the input is missing rather than taking it as no."}},
	{STEP_TEXT,
	 ANSWERS_REGION,
	 false,
	 ANSWERS_PROFILE_REGION,
	 {NULL, NULL},
	 {"省、市、县（区），如“福建省泉州市晋江市”。",
	  "Province, city and county, for example \"福建省泉州市晋江市\"."}},
	{STEP_GBCODE,
	 ANSWERS_REGION_CODE,
	 false,
	 ANSWERS_PROFILE_REGION_CODE,
	 {"（6 位行政区划代码）", " (6-digit division code)"},
	 {"GB/T 2260 行政区划代码，如 350582 晋江市、350500 泉州市、350200 厦门市、350300 莆田市、"
	  "640221 平罗县；输入后立即核对。决定哪些补贴政策适用；不清楚可 :s 跳过。",
	  "The GB/T 2260 administrative division code, e.g. 350582 Jinjiang, 350500 Quanzhou, "
	  "350200 Xiamen, 350300 Putian, 640221 Pingluo; checked as you type it. It decides which "
	  "subsidy policies apply; :s skips it."}},
	{STEP_DATE,
	 ANSWERS_DATE,
	 false,
	 ANSWERS_PROFILE_DATE,
	 {NULL, NULL},
	 {"YYYY-MM-DD，也可输入 2026/11/23 或 20261123；回车采用方括号中的日期。",
	  "YYYY-MM-DD; 2026/11/23 and 20261123 work too. Enter takes the date in brackets."}},
	{STEP_STAGE,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_STAGE,
	 {NULL, NULL},
	 {"改造前的基线评测，或改造完成后的评测；补贴按阶段核算。回车采用方括号中的值。",
	  "The baseline before the transformation, or the assessment after it; subsidies depend "
	  "on the stage. Enter takes the value in brackets."}},
	{STEP_TEXT,
	 ANSWERS_ASSESSOR,
	 false,
	 ANSWERS_PROFILE_ASSESSOR,
	 {NULL, NULL},
	 {"评测人员姓名及所属服务商，将作为报告的作者。",
	  "The assessor's name and provider; it becomes the report's author."}},
	{STEP_SOURCE,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_SOURCE,
	 {NULL, NULL},
	 {"评测人员到企业现场评定，或企业自评申报。回车采用方括号中的值。",
	  "An assessor on site, or the enterprise's own declaration. Enter takes the value in "
	  "brackets."}},
	{STEP_TEAM,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_TEAM,
	 {"（姓名/角色/单位，多人用 ; 分隔）", " (name/role/organisation; ; between people)"},
	 {"如“张工/组长/示例服务商; 李工/评测员”。同一评测人员上次的评测组会显示在方括号中，回车沿用。",
	  "For example \"Zhang/lead/Example Ltd; Li/assessor\". The same assessor's team from the "
	  "last interview is shown in brackets; Enter keeps it."}},
	{STEP_PEOPLE,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_INTERVIEWEES,
	 {"（姓名/职务，多人用 ; 分隔）", " (name/title; ; between people)"},
	 {"企业方接受访谈的人员，如“王总/总经理; 陈工/信息主管”。",
	  "Who the enterprise had answer, for example \"Wang/general manager; Chen/IT lead\"."}},
	{STEP_VISITS,
	 ANSWERS_FIELD_MAX,
	 false,
	 ANSWERS_PROFILE_SITE_VISITS,
	 {"（多个用 ; 分隔）", " (dates; ; between them)"},
	 {"到企业现场的日期，YYYY-MM-DD；回车采用评测日期。",
	  "The days on site, YYYY-MM-DD; Enter takes the assessment date."}},
	{STEP_REPORT_NO,
	 ANSWERS_REPORT_NO,
	 false,
	 ANSWERS_PROFILE_REPORT_NO,
	 {NULL, NULL},
	 {"评测报告的编号，如“QZ-2026-017”；没有可跳过。",
	  "The report's number, for example \"QZ-2026-017\"; skip it if there is none."}},
};

#define N_STEPS ((int)(sizeof steps / sizeof steps[0]))
/* The status member the subsidy policies read for a pilot enterprise, by their table's name. */
#define PILOT_KEY policy_status_name(POLICY_STATUS_PILOT)

/* Stored as the classification's own words whatever the session's language. */
static const char *const size_words[3][4] = {{"1", "中型", "中", "medium"},
					     {"2", "小型", "小", "small"},
					     {"3", "微型", "微", "micro"}};

int iv_profile_steps(void) { return N_STEPS; }

static bool step_given(const interview *iv, const step *s)
{
	switch (s->kind) {
	case STEP_ABOVE:
		return answers_above_scale(iv->a) >= 0;
	case STEP_PILOT:
		return answers_status_flag(iv->a, PILOT_KEY) >= 0;
	case STEP_STAGE:
		return answers_stage_get(iv->a) != ANSWERS_STAGE_NONE;
	case STEP_SOURCE:
		return answers_origin_get(iv->a) != ANSWERS_SOURCE_NONE;
	case STEP_TEAM:
		return answers_team_count(iv->a) > 0;
	case STEP_PEOPLE:
		return answers_interviewees_count(iv->a) > 0;
	case STEP_VISITS:
		return answers_site_visits_count(iv->a) > 0;
	default:
		return answers_field_get(iv->a, s->field) != NULL;
	}
}

/* "张工/组长/示例服务商; 李工/评测员" from the people listed; "" for none. */
static const char *people_line(const interview *iv, bool team, char *buf, size_t size)
{
	size_t n = team ? answers_team_count(iv->a) : answers_interviewees_count(iv->a), used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		const answers_person *p =
			team ? answers_team_get(iv->a, i) : answers_interviewee_get(iv->a, i);
		const char *second = team ? p->role : p->title;
		text_appendf(buf, size, &used, "%s%s%s%s%s%s", i ? "; " : "", p->name,
			     second || (team && p->organisation) ? "/" : "", second ? second : "",
			     team && p->organisation ? "/" : "",
			     team && p->organisation ? p->organisation : "");
	}
	return buf;
}

static const char *visits_line(const interview *iv, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	/* a day is shown whole or not at all: "; 2026-11-20" is 12 bytes, with room to spare */
	for (size_t i = 0; i < answers_site_visits_count(iv->a) && used + 14 < size; i++) {
		char day[DATE_TEXT_MAX];
		date_format(answers_site_visit_get(iv->a, i), day, sizeof day);
		text_appendf(buf, size, &used, "%s%s", i ? "; " : "", day);
	}
	return buf;
}

const char *interview_team_line(const interview *iv, char *buf, size_t size)
{
	return people_line(iv, true, buf, size);
}

/* What Enter takes on an empty team: the same assessor's team from the last interview. */
static const char *remembered_team(const interview *iv)
{
	const char *by = answers_field_get(iv->a, ANSWERS_ASSESSOR);
	return by && iv->remember ? iv->remember(by, iv->remember_ctx) : NULL;
}

int iv_profile_first_missing(const interview *iv)
{
	int i = 0;
	while (i < N_STEPS && step_given(iv, &steps[i]))
		i++;
	return i;
}

/* The value in brackets: what is stored, else what Enter would take. Lists are written in buf. */
static const char *shown_value(const interview *iv, const step *s, char *line, size_t size)
{
	if (s->kind == STEP_ABOVE)
		return lang_yes_no(iv->lang, answers_above_scale(iv->a));
	if (s->kind == STEP_PILOT)
		return lang_yes_no(iv->lang, answers_status_flag(iv->a, PILOT_KEY));
	if (s->kind == STEP_STAGE) { /* not given: Enter takes the baseline */
		answers_stage st = answers_stage_get(iv->a);
		return answers_stage_label(st == ANSWERS_STAGE_POST ? st : ANSWERS_STAGE_BASELINE,
					   ANSWERS_STAGE_SHORT, iv->lang);
	}
	switch (s->kind) {
	case STEP_SOURCE: /* not given: Enter takes on site */
		return answers_origin_label(answers_origin_get(iv->a) == ANSWERS_SOURCE_SELF
						    ? ANSWERS_SOURCE_SELF
						    : ANSWERS_SOURCE_ONSITE,
					    ANSWERS_ORIGIN_SHORT, iv->lang);
	case STEP_TEAM:
		return step_given(iv, s) ? people_line(iv, true, line, size) : remembered_team(iv);
	case STEP_PEOPLE:
		return step_given(iv, s) ? people_line(iv, false, line, size) : NULL;
	case STEP_VISITS:
		return step_given(iv, s) ? visits_line(iv, line, size)
					 : answers_field_get(iv->a, ANSWERS_DATE);
	default:
		break;
	}
	const char *v = answers_field_get(iv->a, s->field);
	if (!v && s->kind == STEP_DATE && iv->today[0])
		return iv->today;
	return v;
}

void iv_profile_show(const interview *iv)
{
	fputc('\n', iv->out);
	iv_wrap(iv, "",
		IV_TR(iv,
		      "【企业与评测信息】回车保留方括号中的值 · :b 上一项 · :s 跳过 · - 清空 · "
		      "? 说明 · :q 保存并退出",
		      "[Enterprise and assessment] Enter keeps the value in brackets · :b back · "
		      ":s skip · - clear · ? explain · :q save and quit"));
}

/*
 * "（1 改造前 / 2 改造后）": what to type for each of a step's n choices (1, 2... or y, n) and
 * the name the answers' vocabulary gives it, so that the hint says what the file will hold.
 */
static const char *choices_hint(const interview *iv, const char *const keys[],
				const char *const names[], int n, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	text_appendf(buf, size, &used, "%s", IV_TR(iv, "（", " ("));
	for (int i = 0; i < n; i++)
		text_appendf(buf, size, &used, "%s%s %s", i ? " / " : "", keys[i], names[i]);
	text_appendf(buf, size, &used, "%s", IV_TR(iv, "）", ")"));
	return buf;
}

/* The names a stage's or an origin's two choices are offered by, in the session's language. */
static void two_names(const interview *iv, step_kind k, const char *names[2])
{
	qn_lang l = iv->lang;
	if (k == STEP_STAGE) {
		names[0] = answers_stage_label(ANSWERS_STAGE_BASELINE, ANSWERS_STAGE_SHORT, l);
		names[1] = answers_stage_label(ANSWERS_STAGE_POST, ANSWERS_STAGE_SHORT, l);
	} else {
		names[0] = answers_origin_label(ANSWERS_SOURCE_ONSITE, ANSWERS_ORIGIN_CHOICE, l);
		names[1] = answers_origin_label(ANSWERS_SOURCE_SELF, ANSWERS_ORIGIN_CHOICE, l);
	}
}

/* How to answer a step that offers choices, into buf; NULL for a step that takes text. */
static const char *step_hint(const interview *iv, const step *s, char *buf, size_t size)
{
	static const char *const numbers[] = {"1", "2", "3"}, *const y_n[] = {"y", "n"};
	const char *names[3];
	qn_lang l = iv->lang;
	switch (s->kind) {
	case STEP_SIZE: /* the classification's words, in the session's language */
		for (int i = 0; i < 3; i++)
			names[i] = size_words[i][l == QN_LANG_EN ? 3 : 1];
		return choices_hint(iv, numbers, names, 3, buf, size);
	case STEP_ABOVE:
	case STEP_PILOT:
		names[0] = lang_yes(l);
		names[1] = lang_no(l);
		return choices_hint(iv, y_n, names, 2, buf, size);
	case STEP_STAGE:
	case STEP_SOURCE:
		two_names(iv, s->kind, names);
		return choices_hint(iv, numbers, names, 2, buf, size);
	default:
		return NULL;
	}
}

/* "企业规模（1 中型 / 2 小型 / 3 微型）": the item's name and how to answer, into buf. */
static const char *step_label(const interview *iv, const step *s, char *buf, size_t size)
{
	char hint[64];
	const char *asks =
		s->item == ANSWERS_PROFILE_N_ITEMS
			? s->label[iv->lang]
			: answers_profile_label(s->item, ANSWERS_PROFILE_QUESTION, iv->lang);
	const char *how = step_hint(iv, s, hint, sizeof hint);
	if (!how && s->item != ANSWERS_PROFILE_N_ITEMS)
		how = s->label[iv->lang];
	snprintf(buf, size, "%s%s", asks, how ? how : "");
	return buf;
}

void iv_profile_prompt(interview *iv)
{
	const step *s = &steps[iv->field];
	char line[IV_MSG_MAX], label[128]; /* leaves the prompt room for the value shown */
	const char *v = shown_value(iv, s, line, sizeof line);
	const char *asks = step_label(iv, s, label, sizeof label);
	char shown[IV_PROMPT_VALUE_COLUMNS * 3 + 4];
	if (v)
		iv_clip(v, IV_PROMPT_VALUE_COLUMNS, shown, sizeof shown);
	if (v)
		snprintf(iv->prompt, sizeof iv->prompt, "%s [%s]> ", asks, shown);
	else
		snprintf(iv->prompt, sizeof iv->prompt, "%s> ", asks);
}

void iv_profile_help(const interview *iv) { iv_wrap(iv, "  ", steps[iv->field].help[iv->lang]); }

/* Sets a field through the answers' own checks; their message if they refuse. */
static bool set_field(interview *iv, answers_field f, const char *value)
{
	assess_error err = {0};
	if (answers_set_field(iv->a, f, value, &err) == ASSESS_OK)
		return true;
	iv_say_error(iv, &err);
	return false;
}

static bool take_size(interview *iv, const char *raw, const char *folded)
{
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 4; k++)
			if (strcasecmp(folded, size_words[i][k]) == 0)
				return set_field(iv, ANSWERS_SIZE, size_words[i][1]);
	return set_field(iv, ANSWERS_SIZE, raw);
}

/* Two choices by their words (any case, NULL after the last), and what to type for neither. */
struct choice {
	const char *words[2][5];
	const char *type_zh, *type_en;
};

static const struct choice no_yes = {{{"n", "no", "否", "0", NULL}, {"y", "yes", "是", "1", NULL}},
				     "请输入 y（是）或 n（否）",
				     "type y (yes) or n (no)"};
static const struct choice stages = {{{"1", "baseline", "改造前", NULL},
				      {"2", "post", "改造后", NULL}},
				     "请输入 1（改造前）或 2（改造后）",
				     "type 1 (baseline, before) or 2 (post, after)"};
static const struct choice sources = {{{"1", "onsite", "现场", "现场评定", NULL},
				       {"2", "self", "自评", NULL}},
				      "请输入 1（现场评定）或 2（自评）",
				      "type 1 (an assessor on site) or 2 (self-assessment)"};

/*
 * Which of the two the answer names, 0 or 1, by its words or by the names the prompt offered
 * (two_names; NULL when the words hold them); -1 after saying what to type.
 */
static int take_choice(interview *iv, const char *folded, const struct choice *c,
		       const char *const offered[2])
{
	for (int i = 0; i < 2; i++) {
		for (int k = 0; c->words[i][k]; k++)
			if (strcasecmp(folded, c->words[i][k]) == 0)
				return i;
		if (offered && strcasecmp(folded, offered[i]) == 0)
			return i;
	}
	iv_say(iv, "%s", IV_TR(iv, c->type_zh, c->type_en));
	return -1;
}

static bool take_above(interview *iv, const char *folded)
{
	int yes = take_choice(iv, folded, &no_yes, NULL);
	if (yes >= 0)
		answers_set_above_scale(iv->a, yes);
	return yes >= 0;
}

/* y/n for the pilot flag, kept in the status block the subsidy engine reads. */
static bool take_pilot(interview *iv, const char *folded)
{
	int v = take_choice(iv, folded, &no_yes, NULL);
	if (v < 0)
		return false;
	if (answers_set_status_flag(iv->a, PILOT_KEY, v) != ASSESS_OK) {
		iv_say(iv, "%s",
		       IV_TR(iv, "答案文件中的 status 不是对象，无法记录试点企业",
			     "the file's status is not an object: the pilot flag cannot be kept"));
		return false;
	}
	return true;
}

/* A credit, region or industry code, checked as the loader checks it, with the reason in words. */
static bool take_code(interview *iv, answers_field f, const char *folded)
{
	char code[64], msg[IV_MSG_MAX];
	bool (*check)(const interview *, const char *, char *, size_t, char *, size_t) =
		f == ANSWERS_CREDIT_CODE   ? iv_credit_code
		: f == ANSWERS_REGION_CODE ? iv_region_code
					   : iv_industry_code;
	if (!check(iv, folded, code, sizeof code, msg, sizeof msg)) {
		iv_say(iv, "%s", msg);
		return false;
	}
	return set_field(iv, f, code);
}

static bool take_stage(interview *iv, const char *folded)
{
	const char *names[2];
	two_names(iv, STEP_STAGE, names);
	int post = take_choice(iv, folded, &stages, names);
	if (post >= 0)
		answers_set_stage(iv->a, post ? ANSWERS_STAGE_POST : ANSWERS_STAGE_BASELINE);
	return post >= 0;
}

static bool take_date(interview *iv, const char *folded)
{
	char date[16];
	/* answers_set_field is the judge of a real date; the message is ours, in either language. */
	if (!iv_date(folded, date, sizeof date) ||
	    answers_set_field(iv->a, ANSWERS_DATE, date, NULL) != ASSESS_OK) {
		iv_say(iv, "%s",
		       IV_TR(iv, "日期应为真实的日期，写作 YYYY-MM-DD，如 2026-11-23",
			     "a date is a real calendar day written YYYY-MM-DD, e.g. 2026-11-23"));
		return false;
	}
	return true;
}

static bool take_source(interview *iv, const char *folded)
{
	const char *names[2];
	two_names(iv, STEP_SOURCE, names);
	int self = take_choice(iv, folded, &sources, names);
	if (self >= 0)
		answers_origin_set(iv->a, self ? ANSWERS_SOURCE_SELF : ANSWERS_SOURCE_ONSITE);
	return self >= 0;
}

/* "A/x/y; B/z" into the team (or the interviewees), replacing what was there. */
static bool take_people(interview *iv, const char *folded, bool team)
{
	char *copy = strdup(folded), *save = NULL;
	assess_error err = {0};
	if (!copy) {
		iv_say_nomem(iv);
		return false;
	}
	if (team)
		answers_team_clear(iv->a);
	else
		answers_interviewees_clear(iv->a);
	assess_code rc = ASSESS_OK;
	for (char *person = strtok_r(copy, ";", &save); person && !rc;
	     person = strtok_r(NULL, ";", &save)) {
		char *parts[3] = {NULL, NULL, NULL}, *p = person;
		for (int k = 0; k < 3 && p; k++) {
			parts[k] = p;
			p = k < (team ? 2 : 1) ? strchr(p, '/') : NULL;
			if (p)
				*p++ = '\0';
		}
		for (int k = 0; k < 3; k++)
			if (parts[k] && !*iv_trim(parts[k]))
				parts[k] = NULL;
		if (!parts[0])
			continue;
		rc = team ? answers_team_add(iv->a, parts[0], parts[1], parts[2], &err)
			  : answers_interviewee_add(iv->a, parts[0], parts[1], &err);
	}
	free(copy);
	if (rc)
		iv_say_error(iv, &err);
	return rc == ASSESS_OK;
}

static bool take_visits(interview *iv, const char *folded)
{
	char *copy = strdup(folded), *save = NULL;
	bool ok = copy != NULL;
	answers_site_visits_clear(iv->a);
	for (char *d = copy ? strtok_r(copy, ";,", &save) : NULL; d && ok;
	     d = strtok_r(NULL, ";,", &save)) {
		int day;
		ok = date_parse_typed(iv_trim(d), &day) &&
		     answers_site_visit_add(iv->a, day, NULL) == ASSESS_OK;
	}
	free(copy);
	if (!ok) {
		answers_site_visits_clear(iv->a);
		iv_say(iv, "%s",
		       IV_TR(iv, "日期应为真实的日期，写作 YYYY-MM-DD，多个用 ; 分隔",
			     "dates are real days written YYYY-MM-DD, with ; between them"));
	}
	return ok;
}

static const char *name_needed(const interview *iv)
{
	return IV_TR(iv, "企业名称不能为空", "the enterprise name cannot be empty");
}

/* Enter on an empty field: take the default, or insist on a required one. */
static bool take_default(interview *iv, const step *s)
{
	if (step_given(iv, s))
		return true;
	if (s->required) {
		iv_say(iv, "%s", name_needed(iv));
		return false;
	}
	const char *v;
	if (s->kind == STEP_DATE && iv->today[0])
		answers_set_field(iv->a, ANSWERS_DATE, iv->today, NULL);
	else if (s->kind == STEP_STAGE)
		answers_set_stage(iv->a, ANSWERS_STAGE_BASELINE);
	else if (s->kind == STEP_SOURCE)
		answers_origin_set(iv->a, ANSWERS_SOURCE_ONSITE);
	else if (s->kind == STEP_TEAM && (v = remembered_team(iv)))
		return take_people(iv, v, true) && (iv_save(iv), true);
	else if (s->kind == STEP_VISITS && (v = answers_field_get(iv->a, ANSWERS_DATE)))
		return take_visits(iv, v) && (iv_save(iv), true);
	else
		return true;
	iv_save(iv);
	return true;
}

/*
 * A report number the report could not hold is refused here, as it is typed: the answers take
 * it (a file salvaged keeps what it had), and the report would refuse it only when written.
 */
static bool take_report_no(interview *iv, const char *raw)
{
	size_t chars = report_no_too_long(raw);
	if (chars) {
		iv_say(iv,
		       IV_TR(iv, "报告编号最多 %d 个字符，输入了 %zu 个：请缩短后重新输入",
			     "a report number has at most %d characters, not %zu: type a shorter one"),
		       REPORT_NO_MAX, chars);
		return false;
	}
	return set_field(iv, ANSWERS_REPORT_NO, raw);
}

static bool take_value(interview *iv, const step *s, const char *raw, const char *folded)
{
	switch (s->kind) {
	case STEP_CODE:
		return take_code(iv, ANSWERS_CREDIT_CODE, folded);
	case STEP_SIZE:
		return take_size(iv, raw, folded);
	case STEP_ABOVE:
		return take_above(iv, folded);
	case STEP_PILOT:
		return take_pilot(iv, folded);
	case STEP_GBCODE:
		return take_code(iv, s->field, folded);
	case STEP_DATE:
		return take_date(iv, folded);
	case STEP_STAGE:
		return take_stage(iv, folded);
	case STEP_SOURCE:
		return take_source(iv, folded);
	case STEP_TEAM:
		return take_people(iv, folded, true);
	case STEP_PEOPLE:
		return take_people(iv, folded, false);
	case STEP_VISITS:
		return take_visits(iv, folded);
	case STEP_REPORT_NO:
		return take_report_no(iv, raw);
	case STEP_TEXT:
		break;
	}
	return set_field(iv, s->field, raw);
}

bool iv_profile_take(interview *iv, const char *raw)
{
	const step *s = &steps[iv->field];
	if (!*raw)
		return take_default(iv, s);
	char *folded = iv_fold(raw);
	if (!folded) {
		iv_say_nomem(iv);
		return false;
	}
	bool ok = take_value(iv, s, raw, folded);
	free(folded);
	if (ok)
		iv_save(iv);
	return ok;
}

bool iv_profile_required_missing(const interview *iv, int field)
{
	return steps[field].required && !step_given(iv, &steps[field]);
}

void iv_profile_say_required(const interview *iv) { iv_say(iv, "%s", name_needed(iv)); }

bool iv_profile_clear(interview *iv)
{
	const step *s = &steps[iv->field];
	if (s->required) {
		iv_say(iv, "%s", name_needed(iv));
		return false;
	}
	if (s->kind == STEP_ABOVE)
		answers_set_above_scale(iv->a, -1);
	else if (s->kind == STEP_PILOT)
		answers_set_status_flag(iv->a, PILOT_KEY, -1);
	else if (s->kind == STEP_STAGE)
		answers_set_stage(iv->a, ANSWERS_STAGE_NONE);
	else if (s->kind == STEP_SOURCE)
		answers_origin_set(iv->a, ANSWERS_SOURCE_NONE);
	else if (s->kind == STEP_TEAM)
		answers_team_clear(iv->a);
	else if (s->kind == STEP_PEOPLE)
		answers_interviewees_clear(iv->a);
	else if (s->kind == STEP_VISITS)
		answers_site_visits_clear(iv->a);
	else
		answers_set_field(iv->a, s->field, NULL, NULL);
	iv_save(iv);
	return true;
}
