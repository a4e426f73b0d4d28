/* form-layout.c - the form's fixed places and words, shared by the writer and the import. */
#include "config.h"
#include "form/form-layout.h"

#include <stdint.h>
#include "policies/policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/text.h"

const form_profile_row form_profile_rows[] = {
	{FORM_PF_FIELD, ANSWERS_NAME, ANSWERS_PROFILE_NAME, "必填", "required"},
	{FORM_PF_FIELD, ANSWERS_CREDIT_CODE, ANSWERS_PROFILE_CREDIT_CODE, "18 位，末位为校验码",
	 "18 characters, the last a check character"},
	{FORM_PF_FIELD, ANSWERS_INDUSTRY, ANSWERS_PROFILE_INDUSTRY, "如：休闲体育用品",
	 "e.g. sporting goods"},
	{FORM_PF_FIELD, ANSWERS_INDUSTRY_CODE, ANSWERS_PROFILE_INDUSTRY_CODE,
	 "GB/T 4754-2017，如 C244", "GB/T 4754-2017, e.g. C244"},
	{FORM_PF_FIELD, ANSWERS_REGION, ANSWERS_PROFILE_REGION, "如：福建省泉州市晋江市",
	 "e.g. Jinjiang, Quanzhou, Fujian"},
	{FORM_PF_FIELD, ANSWERS_REGION_CODE, ANSWERS_PROFILE_REGION_CODE,
	 "GB/T 2260 六位行政区划代码，如 350582", "GB/T 2260 six digits, e.g. 350582"},
	{FORM_PF_FIELD, ANSWERS_SIZE, ANSWERS_PROFILE_SIZE, "微型、小型或中型",
	 "micro, small or medium (in Chinese: 微型, 小型, 中型)"},
	{FORM_PF_ABOVE_SCALE, ANSWERS_FIELD_MAX, ANSWERS_PROFILE_ABOVE_SCALE, "是或否",
	 "yes or no"},
	{FORM_PF_FIELD, ANSWERS_DATE, ANSWERS_PROFILE_DATE, "格式 YYYY-MM-DD", "as YYYY-MM-DD"},
	{FORM_PF_STAGE, ANSWERS_FIELD_MAX, ANSWERS_PROFILE_STAGE, "改造前或改造后",
	 "before or after the transformation"},
	{FORM_PF_FIELD, ANSWERS_ASSESSOR, ANSWERS_PROFILE_ASSESSOR, "姓名、电话",
	 "name, telephone"},
};
const size_t form_profile_n_rows = sizeof form_profile_rows / sizeof form_profile_rows[0];

/* In the order of docs/answer-format.md, "finance, status, awards". */
const form_subsidy_row form_subsidy_rows[] = {
	{FORM_SR_STATUS, POLICY_STATUS_ABOVE_SCALE, false, "规模以上工业企业",
	 "an above-scale industrial enterprise"}, /* form_subsidy_meaning */
	{FORM_SR_STATUS, POLICY_STATUS_PARK, false, "已入驻标准化工业（产业）园区",
	 "located in a standardised industrial park"},
	{FORM_SR_STATUS, POLICY_STATUS_LEADER, false, "经市级认定的产业龙头企业",
	 "recognised by the city as an industry leader"},
	{FORM_SR_STATUS, POLICY_STATUS_PILOT, false, "本市数字化转型试点企业",
	 "a pilot enterprise of the city's transformation programme"},
	{FORM_SR_SPEND, POLICY_F_SOFTWARE, true,
	 "改造项目购买的软件；项目编号对以下五项改造投入共用",
	 "software bought for the project; the project id is for all five parts"},
	{FORM_SR_SPEND, POLICY_F_CLOUD, false, "改造项目购买的云服务",
	 "cloud services bought for the project"},
	{FORM_SR_SPEND, POLICY_F_HARDWARE, false, "数据采集、传输设备（网关、路由等）",
	 "data collection and transmission equipment (gateways, routers...)"},
	{FORM_SR_SPEND, POLICY_F_OTHER_HARDWARE, false, "项目其他硬件（服务器、终端、智能装备）",
	 "the project's other hardware (servers, terminals, smart equipment)"},
	{FORM_SR_SPEND, POLICY_F_SERVICES, false, "项目实施及其他服务",
	 "implementation and other services of the project"},
	{FORM_SR_MONEY, POLICY_F_CLOUD_FEE, true, "当年上云服务费", "the year's cloud service fee"},
	{FORM_SR_MONEY, POLICY_F_MIS_SOFTWARE, true, "当年购买 ERP/SCM/MES/CRM 中的软件部分",
	 "software part of an ERP/SCM/MES/CRM purchase in the year"},
	{FORM_SR_MONEY, POLICY_F_DIAGNOSIS_FEE, true, "开展数字化诊断支付的费用",
	 "what a digital diagnosis cost"},
	{FORM_SR_MONEY, POLICY_F_AI_PRODUCT, true, "在用人工智能工业产品的价格（或一年租金）",
	 "price (or one year's rent) of an AI industrial product in use"},
	{FORM_SR_MONEY, POLICY_F_DESIGN_CONTRACT, true, "工业设计合同实际支付额（设计已投产）",
	 "paid under an industrial design contract whose design is in production"},
	{FORM_SR_MONEY, POLICY_F_REVENUE, true, "上一年度的营业收入",
	 "the enterprise's revenue of last year"},
	{FORM_SR_MONEY, POLICY_F_TECH_SERVICE, true, "购买技术服务合同的技术交易额",
	 "technology value of a contract buying technology services"},
	{FORM_SR_MONEY, POLICY_F_FISCAL, true, "当年对本级财政的贡献",
	 "the enterprise's contribution to local finance this year"},
	{FORM_SR_BATCH, POLICY_F_BATCH, false, "改造批次，1–99 的整数（不是金额）",
	 "transformation batch, a whole number 1-99 (not money)"},
};
const size_t form_subsidy_n_rows = sizeof form_subsidy_rows / sizeof form_subsidy_rows[0];

const char *form_sheet_subsidy(qn_lang lang)
{
	return lang_pick(lang, "补贴信息", "Subsidy inputs");
}

const char *form_subsidy_meaning(const form_subsidy_row *r, qn_lang lang, char *buf, size_t size)
{
	const char *mean = lang_pick(lang, r->zh, r->en);
	if (r->kind != FORM_SR_STATUS || r->item != POLICY_STATUS_ABOVE_SCALE)
		return mean;
	/* The one flag the profile sheet asks too: say where, in the words that sheet uses. */
	if (lang == QN_LANG_EN)
		snprintf(buf, size, "%s (as on the %s sheet)", mean, form_sheet_profile(lang));
	else
		snprintf(buf, size, "%s（与%s中的“%s”一致）", mean, form_sheet_profile(lang),
			 answers_profile_label(ANSWERS_PROFILE_ABOVE_SCALE, ANSWERS_PROFILE_FORM,
					       lang));
	return buf;
}

const char *form_subsidy_key(const form_subsidy_row *r)
{
	return r->kind == FORM_SR_STATUS ? policy_status_name((policy_status)r->item)
					 : policy_field_name((policy_field)r->item);
}

/* Digits, an optional fraction and exponent, worked out on the digits: no double is involved. */
int form_whole_number(const char *text, int64_t *out)
{
	const char *p = text;
	bool neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	char digits[64];
	size_t n = 0, frac = 0, seen = 0;
	long exp = 0;
	bool huge = false;
	for (bool dot = false; (*p >= '0' && *p <= '9') || (*p == '.' && !dot); p++) {
		if (*p == '.') {
			dot = true;
			continue;
		}
		seen++;
		frac += dot;
		if (n == sizeof digits) /* 64 significant digits: far out of any range */
			huge = true;
		else if (n || *p != '0') /* leading zeros do not count */
			digits[n++] = *p;
	}
	if (!seen)
		return -1;
	if (*p == 'e' || *p == 'E') {
		p++;
		bool eneg = *p == '-';
		if (*p == '-' || *p == '+')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return -1;
		for (; *p >= '0' && *p <= '9'; p++)
			if (exp < 100000)
				exp = exp * 10 + (*p - '0');
		exp = eneg ? -exp : exp;
	}
	if (*p)
		return -1;
	if (!n) {
		*out = 0;
		return 1;
	}
	if (huge) {
		*out = neg ? INT64_MIN : INT64_MAX;
		return 1;
	}
	exp -= (long)frac; /* the value is digits x 10^exp */
	while (exp < 0 && digits[n - 1] == '0')
		n--, exp++;
	if (exp < 0)
		return 0;
	if ((long)n + exp > 18) {
		*out = neg ? INT64_MIN : INT64_MAX;
		return 1;
	}
	int64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (digits[i] - '0');
	for (long i = 0; i < exp; i++)
		v *= 10;
	*out = neg ? -v : v;
	return 1;
}

const char *form_sheet_instructions(qn_lang lang)
{
	return lang_pick(lang, "填写说明", "Instructions");
}
const char *form_sheet_profile(qn_lang lang) { return lang_pick(lang, "企业概况", "Profile"); }

const char *form_profile_label(const form_profile_row *p, qn_lang lang)
{
	return answers_profile_label(p->item, ANSWERS_PROFILE_FORM, lang);
}

const char *form_stage_word(answers_stage s, qn_lang lang)
{
	return answers_stage_label(s, ANSWERS_STAGE_BEFORE_AFTER, lang);
}

void form_sheet_dimension(const qn_dimension *d, qn_lang lang, char *buf, size_t size)
{
	const char *name = qn_text_get(&d->name, lang);
	size_t n = text_prefix_chars(name, 31, NULL); /* Excel's longest sheet name */
	if (n >= size)
		n = text_prefix_bytes(name, size - 1);
	/* the refused characters are ASCII, so no byte of a longer character is one of them */
	for (size_t i = 0; i < n; i++)
		buf[i] = strchr("[]:*?/\\'", name[i]) ? '-' : name[i];
	buf[n] = '\0';
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
