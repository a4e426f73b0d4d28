/* The names a policy reads from an answer file, its exact number and date formats, and how a
 * validity window reads. */
#include "config.h"
#include "policies/policy.h"

#include <stdio.h>
#include <string.h>
#include "common/date.h"
#include "common/decimal.h"

struct named {
	const char *name;
	qn_text label;
};

static const struct named fields[POLICY_F_MAX] = {
	{"project_spend.software", {"改造投入：软件", "project spend: software"}},
	{"project_spend.cloud", {"改造投入：云服务", "project spend: cloud services"}},
	{"project_spend.hardware",
	 {"改造投入：数据采集传输设备（网关、路由等）",
	  "project spend: data collection and transmission equipment (gateways, routers...)"}},
	{"project_spend.services", {"改造投入：服务", "project spend: services"}},
	{"project_spend.other_hardware",
	 {"改造投入：其他硬件设备", "project spend: other hardware"}},
	{"cloud_annual_fee", {"上云年度服务费", "annual cloud service fee"}},
	{"mis_software_spend",
	 {"管理信息系统软件采购额", "management information system software spend"}},
	{"diagnosis_fee", {"数字化诊断费用", "digital diagnosis fee"}},
	{"ai_product_price",
	 {"人工智能工业应用产品购买费（或一年租金）",
	  "AI industrial product price (or one year's rent)"}},
	{"design_contract", {"工业设计服务合同额", "industrial design contract"}},
	{"revenue_last_year", {"上年度营业收入", "revenue last year"}},
	{"tech_service_contract", {"科技服务合同技术交易额", "technology service contract"}},
	{"local_fiscal_contribution",
	 {"当年对本级财政经济贡献", "contribution to local finance this year"}},
	{"batch", {"改造批次", "transformation batch"}},
};

static const struct named statuses[POLICY_STATUS_MAX] = {
	{"above_scale", {"规模以上工业企业", "above-scale industrial enterprise"}},
	{"in_standard_park",
	 {"标准化工业（产业）园区入园企业", "enterprise in a standardised industrial park"}},
	{"city_leader", {"市级产业龙头企业", "city-level industry leader"}},
	{"pilot_enterprise",
	 {"数字化转型试点企业", "pilot enterprise of the transformation programme"}},
};

/* Entry i of a table of n, by number or by name: one lookup for fields and statuses alike. */
static const char *name_of(const struct named *table, int n, int i)
{
	return (unsigned)i < (unsigned)n ? table[i].name : NULL;
}

static const qn_text *label_of(const struct named *table, int n, int i)
{
	return (unsigned)i < (unsigned)n ? &table[i].label : NULL;
}

static int named_find(const struct named *table, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(table[i].name, name) == 0)
			return i;
	return -1;
}

const char *policy_field_name(policy_field f) { return name_of(fields, POLICY_F_MAX, (int)f); }
const qn_text *policy_field_label(policy_field f) { return label_of(fields, POLICY_F_MAX, (int)f); }
int policy_field_find(const char *name) { return named_find(fields, POLICY_F_MAX, name); }

const char *policy_status_name(policy_status s)
{
	return name_of(statuses, POLICY_STATUS_MAX, (int)s);
}
const qn_text *policy_status_label(policy_status s)
{
	return label_of(statuses, POLICY_STATUS_MAX, (int)s);
}
int policy_status_find(const char *name) { return named_find(statuses, POLICY_STATUS_MAX, name); }

/* "50%" -> 5000, "12.5%" -> 1250; a leading '-' parses, so that the caller can say what is
 * wrong with a negative rate. */
bool policy_parse_rate(const char *text, int *bp)
{
	char num[16];
	size_t n = text ? strlen(text) : 0;
	bool negative = n > 0 && text[0] == '-';
	if (n < 2 || n - negative > sizeof num || text[n - 1] != '%')
		return false;
	snprintf(num, sizeof num, "%.*s", (int)(n - 1 - negative), text + negative);
	int64_t v;
	if (!decimal_parse_scaled(num, 2, &v) || v > 100000)
		return false;
	*bp = (int)(negative ? -v : v);
	return true;
}

void policy_window_describe(const policy_window *w, qn_lang lang, char *buf, size_t size)
{
	bool en = lang == QN_LANG_EN;
	char from[48], retro[64] = "", day[DATE_TEXT_MAX];
	if (w->from_kind == POLICY_FROM_ISSUE)
		snprintf(from, sizeof from, "%s", en ? "its date of issue" : "印发之日");
	else if (w->from_kind == POLICY_FROM_MONTH)
		snprintf(from, sizeof from, en ? "%s (day unknown)" : " %s（日未定）",
			 w->from_text);
	else
		snprintf(from, sizeof from, en ? "%s" : " %s ", w->from_text);
	if (w->retroactive_from)
		snprintf(retro, sizeof retro, en ? " (back to %s)" : "（追溯至 %s）",
			 date_format(w->retroactive_from, day, sizeof day));
	snprintf(buf, size, en ? "from %s to %s%s" : "自%s起至 %s%s", from, w->to_text, retro);
}
