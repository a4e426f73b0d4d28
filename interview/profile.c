/* The enterprise profile and assessment fields, asked one at a time before the questions. */
#include "config.h"
#include "interview/internal.h"

#include <stdlib.h>
#include <string.h>

typedef enum { STEP_TEXT, STEP_CODE, STEP_SIZE, STEP_ABOVE, STEP_DATE, STEP_STAGE } step_kind;

typedef struct step {
	step_kind kind;
	answers_field field;  /* where TEXT, CODE, SIZE and DATE go */
	bool required;
	const char *label[2]; /* zh, en */
	const char *help[2];
} step;

static const step steps[] = {
	{STEP_TEXT, ANSWERS_NAME, true, {"企业名称", "Enterprise name"},
	 {"营业执照上的企业全称。", "The enterprise's full name as on its business licence."}},
	{STEP_CODE, ANSWERS_CREDIT_CODE, false, {"统一社会信用代码", "Unified social credit code"},
	 {"营业执照上的 18 位代码（GB 32100），最后一位是校验位，输入后立即核对；大小写均可，可带空格。",
	  "The 18-character code on the business licence (GB 32100); its last character is a "
	  "check character, verified as you type it. Upper or lower case, spaces allowed."}},
	{STEP_TEXT, ANSWERS_INDUSTRY, false, {"所属行业", "Industry"},
	 {"如“休闲体育用品制造”，可用国民经济行业分类的名称。",
	  "For example \"sports goods manufacturing\"; the national industry classification name "
	  "is best."}},
	{STEP_SIZE, ANSWERS_SIZE, false,
	 {"企业规模（1 中型 / 2 小型 / 3 微型）", "Size (1 medium / 2 small / 3 micro)"},
	 {"按中小企业划型标准；输入 1、2、3，或直接输入文字。",
	  "By the official SME size classification; type 1, 2 or 3, or any text."}},
	{STEP_ABOVE, ANSWERS_FIELD_MAX, false,
	 {"是否规模以上企业（y 是 / n 否）", "Above designated size? (y yes / n no)"},
	 {"规模以上工业企业指年主营业务收入 2000 万元及以上的工业企业；部分补贴政策以此为条件。",
	  "An industrial enterprise is above designated size with a main business revenue of at "
	  "least 20 million yuan a year; some subsidies depend on it."}},
	{STEP_TEXT, ANSWERS_REGION, false, {"所在地区", "Region"},
	 {"省、市、县（区），如“福建省泉州市晋江市”。",
	  "Province, city and county, for example \"福建省泉州市晋江市\"."}},
	{STEP_DATE, ANSWERS_DATE, false, {"评测日期", "Assessment date"},
	 {"YYYY-MM-DD，也可输入 2026/11/23 或 20261123；回车采用方括号中的日期。",
	  "YYYY-MM-DD; 2026/11/23 and 20261123 work too. Enter takes the date in brackets."}},
	{STEP_STAGE, ANSWERS_FIELD_MAX, false,
	 {"评测阶段（1 改造前 / 2 改造后）", "Stage (1 baseline / 2 post)"},
	 {"改造前的基线评测，或改造完成后的评测；补贴按阶段核算。回车采用方括号中的值。",
	  "The baseline before the transformation, or the assessment after it; subsidies depend "
	  "on the stage. Enter takes the value in brackets."}},
	{STEP_TEXT, ANSWERS_ASSESSOR, false, {"评测人员", "Assessor"},
	 {"评测人员姓名及所属服务商，将作为报告的作者。",
	  "The assessor's name and provider; it becomes the report's author."}},
};

#define N_STEPS ((int)(sizeof steps / sizeof steps[0]))

/* Stored as the classification's own words whatever the session's language. */
static const char *const size_words[3][4] = {{"1", "中型", "中", "medium"},
					     {"2", "小型", "小", "small"},
					     {"3", "微型", "微", "micro"}};

int iv_profile_steps(void) { return N_STEPS; }

static bool step_given(const interview *iv, const step *s)
{
	if (s->kind == STEP_ABOVE)
		return answers_above_scale(iv->a) >= 0;
	if (s->kind == STEP_STAGE)
		return answers_stage_get(iv->a) != ANSWERS_STAGE_NONE;
	return answers_field_get(iv->a, s->field) != NULL;
}

int iv_profile_first_missing(const interview *iv)
{
	int i = 0;
	while (i < N_STEPS && step_given(iv, &steps[i]))
		i++;
	return i;
}

/* The value in brackets: what is stored, else what Enter would take. */
static const char *shown_value(const interview *iv, const step *s)
{
	if (s->kind == STEP_ABOVE) {
		int v = answers_above_scale(iv->a);
		return v < 0 ? NULL : v ? IV_TR(iv, "是", "yes") : IV_TR(iv, "否", "no");
	}
	if (s->kind == STEP_STAGE) {
		answers_stage st = answers_stage_get(iv->a);
		return st == ANSWERS_STAGE_POST ? IV_TR(iv, "改造后", "post")
		       : IV_TR(iv, "改造前", "baseline");
	}
	const char *v = answers_field_get(iv->a, s->field);
	if (!v && s->kind == STEP_DATE && iv->today[0])
		return iv->today;
	return v;
}

void iv_profile_show(const interview *iv)
{
	fputc('\n', iv->out);
	iv_wrap(iv, "", IV_TR(iv, "【企业与评测信息】回车保留方括号中的值 · :b 上一项 · :s 跳过 · - 清空 · "
			      "? 说明 · :q 保存并退出",
			      "[Enterprise and assessment] Enter keeps the value in brackets · :b back · "
			      ":s skip · - clear · ? explain · :q save and quit"));
}

void iv_profile_prompt(interview *iv)
{
	const step *s = &steps[iv->field];
	const char *v = shown_value(iv, s);
	char shown[IV_PROMPT_VALUE_COLUMNS * 3 + 4];
	if (v)
		iv_clip(v, IV_PROMPT_VALUE_COLUMNS, shown, sizeof shown);
	if (v)
		snprintf(iv->prompt, sizeof iv->prompt, "%s [%s]> ", s->label[iv->lang], shown);
	else
		snprintf(iv->prompt, sizeof iv->prompt, "%s> ", s->label[iv->lang]);
}

void iv_profile_help(const interview *iv)
{
	iv_wrap(iv, "  ", steps[iv->field].help[iv->lang]);
}

/* Sets a field through the answers' own checks; their message if they refuse. */
static bool set_field(interview *iv, answers_field f, const char *value)
{
	assess_error err = {0};
	if (answers_set_field(iv->a, f, value, &err) == ASSESS_OK)
		return true;
	iv_say(iv, "%s", err.msg);
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

static bool take_above(interview *iv, const char *folded)
{
	static const char *const yes[] = {"y", "yes", "是", "1", NULL};
	static const char *const no[] = {"n", "no", "否", "0", NULL};
	for (int i = 0; yes[i]; i++) {
		if (strcasecmp(folded, yes[i]) == 0) {
			answers_set_above_scale(iv->a, 1);
			return true;
		}
		if (strcasecmp(folded, no[i]) == 0) {
			answers_set_above_scale(iv->a, 0);
			return true;
		}
	}
	iv_say(iv, "%s", IV_TR(iv, "请输入 y（是）或 n（否）", "type y (yes) or n (no)"));
	return false;
}

static bool take_stage(interview *iv, const char *folded)
{
	if (strcmp(folded, "1") == 0 || strcasecmp(folded, "baseline") == 0 ||
	    strcmp(folded, "改造前") == 0)
		answers_set_stage(iv->a, ANSWERS_STAGE_BASELINE);
	else if (strcmp(folded, "2") == 0 || strcasecmp(folded, "post") == 0 ||
		 strcmp(folded, "改造后") == 0)
		answers_set_stage(iv->a, ANSWERS_STAGE_POST);
	else {
		iv_say(iv, "%s", IV_TR(iv, "请输入 1（改造前）或 2（改造后）",
				       "type 1 (baseline, before) or 2 (post, after)"));
		return false;
	}
	return true;
}

static bool take_date(interview *iv, const char *folded)
{
	char date[16];
	/* answers_set_field is the judge of a real date; the message is ours, in either language. */
	if (!iv_date(folded, date, sizeof date) ||
	    answers_set_field(iv->a, ANSWERS_DATE, date, NULL) != ASSESS_OK) {
		iv_say(iv, "%s", IV_TR(iv, "日期应为真实的日期，写作 YYYY-MM-DD，如 2026-11-23",
				       "a date is a real calendar day written YYYY-MM-DD, e.g. 2026-11-23"));
		return false;
	}
	return true;
}

static bool take_code(interview *iv, const char *folded)
{
	char code[64], msg[IV_MSG_MAX];
	if (!iv_credit_code(iv, folded, code, sizeof code, msg, sizeof msg)) {
		iv_say(iv, "%s", msg);
		return false;
	}
	return set_field(iv, ANSWERS_CREDIT_CODE, code);
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
	if (s->kind == STEP_DATE && iv->today[0])
		answers_set_field(iv->a, ANSWERS_DATE, iv->today, NULL);
	else if (s->kind == STEP_STAGE)
		answers_set_stage(iv->a, ANSWERS_STAGE_BASELINE);
	else
		return true;
	iv_save(iv);
	return true;
}

static bool take_value(interview *iv, const step *s, const char *raw, const char *folded)
{
	switch (s->kind) {
	case STEP_CODE:
		return take_code(iv, folded);
	case STEP_SIZE:
		return take_size(iv, raw, folded);
	case STEP_ABOVE:
		return take_above(iv, folded);
	case STEP_DATE:
		return take_date(iv, folded);
	case STEP_STAGE:
		return take_stage(iv, folded);
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
		iv_say(iv, "out of memory");
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

void iv_profile_say_required(const interview *iv)
{
	iv_say(iv, "%s", name_needed(iv));
}

bool iv_profile_clear(interview *iv)
{
	const step *s = &steps[iv->field];
	if (s->required) {
		iv_say(iv, "%s", name_needed(iv));
		return false;
	}
	if (s->kind == STEP_ABOVE)
		answers_set_above_scale(iv->a, -1);
	else if (s->kind == STEP_STAGE)
		answers_set_stage(iv->a, ANSWERS_STAGE_NONE);
	else
		answers_set_field(iv->a, s->field, NULL, NULL);
	iv_save(iv);
	return true;
}
