/* layout.c - the form's fixed places and words, shared by the writer and the import. */
#include "config.h"
#include "form/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const form_profile_row form_profile_rows[] = {
	{FORM_PF_FIELD, ANSWERS_NAME, "企业名称", "Enterprise name", "必填", "required"},
	{FORM_PF_FIELD, ANSWERS_CREDIT_CODE, "统一社会信用代码", "Unified social credit code",
	 "18 位，末位为校验码", "18 characters, the last a check character"},
	{FORM_PF_FIELD, ANSWERS_INDUSTRY, "所属行业", "Industry", "如：休闲体育用品",
	 "e.g. sporting goods"},
	{FORM_PF_FIELD, ANSWERS_INDUSTRY_CODE, "行业代码", "Industry code",
	 "GB/T 4754-2017，如 C244", "GB/T 4754-2017, e.g. C244"},
	{FORM_PF_FIELD, ANSWERS_REGION, "所在地区", "Region", "如：福建省泉州市晋江市",
	 "e.g. Jinjiang, Quanzhou, Fujian"},
	{FORM_PF_FIELD, ANSWERS_REGION_CODE, "地区代码", "Region code",
	 "GB/T 2260 六位行政区划代码，如 350582", "GB/T 2260 six digits, e.g. 350582"},
	{FORM_PF_FIELD, ANSWERS_SIZE, "企业规模", "Size", "微型、小型或中型",
	 "micro, small or medium (in Chinese: 微型, 小型, 中型)"},
	{FORM_PF_ABOVE_SCALE, ANSWERS_FIELD_MAX, "规模以上企业", "Above designated size", "是或否",
	 "yes or no"},
	{FORM_PF_FIELD, ANSWERS_DATE, "评测日期", "Assessment date", "格式 YYYY-MM-DD",
	 "as YYYY-MM-DD"},
	{FORM_PF_STAGE, ANSWERS_FIELD_MAX, "评测阶段", "Stage", "改造前或改造后",
	 "before or after the transformation"},
	{FORM_PF_FIELD, ANSWERS_ASSESSOR, "填表人及联系方式", "Filled in by (name, contact)",
	 "姓名、电话", "name, telephone"},
};
const size_t form_profile_n_rows = sizeof form_profile_rows / sizeof form_profile_rows[0];

const char *form_sheet_instructions(qn_lang lang)
{
	return lang_pick(lang, "填写说明", "Instructions");
}
const char *form_sheet_profile(qn_lang lang) { return lang_pick(lang, "企业概况", "Profile"); }
const char *form_yes(qn_lang lang) { return lang_pick(lang, "是", "yes"); }
const char *form_no(qn_lang lang) { return lang_pick(lang, "否", "no"); }

const char *form_stage_word(answers_stage s, qn_lang lang)
{
	if (s == ANSWERS_STAGE_BASELINE)
		return lang_pick(lang, "改造前", "before");
	if (s == ANSWERS_STAGE_POST)
		return lang_pick(lang, "改造后", "after");
	return "";
}

void form_sheet_dimension(const qn_dimension *d, qn_lang lang, char *buf, size_t size)
{
	const char *name = qn_text_get(&d->name, lang);
	size_t k = 0, chars = 0;
	for (const char *p = name; *p && k + 5 < size && chars < 31; chars++) {
		size_t n = 1;
		while ((p[n] & 0xC0) == 0x80)
			n++;
		if (n == 1 && strchr("[]:*?/\\'", *p))
			buf[k++] = '-', p++;
		else
			for (size_t i = 0; i < n; i++)
				buf[k++] = *p++;
	}
	buf[k] = '\0';
}

uint32_t form_question_row(const questionnaire *q, const qn_question *question)
{
	const qn_dimension *d = question->indicator->subdimension->dimension;
	size_t first = question->index;
	while (first > 0 &&
	       questionnaire_question(q, first - 1)->indicator->subdimension->dimension == d)
		first--;
	return FORM_HEAD_ROW + 1 + (uint32_t)(question->index - first);
}

uint32_t form_meta_row(const qn_question *question)
{
	return FORM_META_LIST_ROW + 2 * (uint32_t)question->index;
}

const char *form_option_item(const qn_option *o, qn_lang lang, char *buf, size_t size)
{
	snprintf(buf, size, "%s. %s", o->code, qn_text_get(&o->label, lang));
	return buf;
}

assess_code form_instrument_sha256(const questionnaire *q, char out[65], assess_error *err)
{
	/* The loader hashed the bytes it parsed: the same hash every answer file records. */
	(void)err;
	snprintf(out, 65, "%s", questionnaire_sha256(q));
	return ASSESS_OK;
}
