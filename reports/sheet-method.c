/*
 * 评测依据 Method: the instrument (id, version), its level rules, every open reading of the
 * standard it encodes, the tool's version and the SHA-256 of the answer file, so an assessor
 * can show which instrument, which assumptions and which answers the report came from.
 */
#include "config.h"
#include "reports/report_internal.h"

#include <stdio.h>
#include "common/decimal.h"
#include "common/text.h"
#include "scoring/reading.h"

enum { COL_LABEL, COL_B, COL_C, COL_D, COL_E, COL_F, N_COLS };
static const double widths[N_COLS] = {20, 10, 10, 10, 10, 40};

static lxw_row_t key_value(xlsx_sheet *s, lxw_row_t row, const char *key, const char *value,
			   lxw_format *f)
{
	return rp_key_value(s, row, COL_F, key, value, f, "", f);
}

static lxw_row_t instrument(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	char text[512];
	row = rp_heading(s, row, lang_pick(c->lang, "评测指标", "Instrument"));
	row = key_value(s, row, lang_pick(c->lang, "名称", "Title"),
			qn_text_get(questionnaire_title(c->q), c->lang), c->f.text);
	row = key_value(s, row, lang_pick(c->lang, "编号", "Id"), questionnaire_id(c->q),
			c->f.text);
	row = key_value(s, row, lang_pick(c->lang, "版本", "Version"), questionnaire_version(c->q),
			c->f.text);
	if (answers_rescore_text(c->r->answers, c->lang, text, sizeof text))
		row = key_value(s, row, lang_pick(c->lang, "重新评分", "Rescored"), text,
				c->f.verdict);
	xlsx_sheet_string(s, row, COL_LABEL, lang_pick(c->lang, "满分", "Maximum points"),
			  c->f.label);
	xlsx_sheet_points(s, row, COL_B, questionnaire_total(c->q), c->f.points);
	xlsx_sheet_merge(
		s, row, COL_C, row, COL_F,
		lang_pick(c->lang, "基础、管理、成效三个维度计分；经营维度按场景等级判定，不计分。",
			  "Foundation, management and results are scored; operations are judged by "
			  "scenario levels and score no points."),
		c->f.text);
	return row + 2;
}

static lxw_row_t level_rules(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	static const char *const zh[N_COLS] = {"等级",       "最低总分", "场景等级",
					       "最少场景数", "其中★",    "含义"};
	static const char *const en[N_COLS] = {"Level",     "Minimum points", "Scenario level",
					       "Scenarios", "of which ★",     "Meaning"};
	row = rp_heading(s, row, lang_pick(c->lang, "等级规则", "Level rules"));
	row = key_value(
		s, row, lang_pick(c->lang, "判定方法", "How the level is set"),
		lang_pick(c->lang,
			  "等级为同时满足以下三项条件的最高等级：总分不低于最低总分；"
			  "达到“场景等级”及以上的经营场景不少于最少场景数；其中★约束性场景"
			  "不少于规定个数。比较按精确值进行，不作四舍五入。",
			  "The level is the highest one whose three conditions all hold: the "
			  "total is at least the minimum; at least the given number of scenarios "
			  "are at the scenario level or above; and enough of them are ★ "
			  "constrained. Values are compared exactly, with no rounding."),
		c->f.text);
	rp_header_row(s, row++, c->lang == QN_LANG_EN ? en : zh, N_COLS, false);
	for (int l = 1; l <= (int)questionnaire_n_levels(c->q); l++, row++) {
		const qn_level_rule *rule = questionnaire_level_rule(c->q, l);
		xlsx_sheet_string(s, row, COL_LABEL, qn_text_get(&rule->name, c->lang), c->f.text);
		xlsx_sheet_points(s, row, COL_B, rule->min_score, c->f.points);
		xlsx_sheet_number(s, row, COL_C, rule->scenario_level, c->f.integer);
		xlsx_sheet_number(s, row, COL_D, rule->min_scenarios, c->f.integer);
		xlsx_sheet_number(s, row, COL_E, rule->min_constrained, c->f.integer);
		xlsx_sheet_string(s, row, COL_F, qn_text_get(&rule->meaning, c->lang), c->f.text);
	}
	return row + 1;
}

/* For this enterprise: the same level under every open reading, or which reading changes it. */
static void readings_verdict(const report_ctx *c, char *buf, size_t size)
{
	size_t i = 0, used = 0;
	int level;
	for (const qn_reading *rd; (rd = scoring_reading_next_change(c->r, &i, &level)); i++) {
		const char *name = qn_text_get(&rd->name, c->lang);
		if (!text_appendf(
			    buf, size, &used,
			    lang_pick(c->lang,
				      "%s若按另一种解读（%s），本企业的等级将为%s，而不是%s。",
				      "%sUnder the other reading of \"%s\", this enterprise would be "
				      "at %s instead of %s."),
			    used ? lang_pick(c->lang, "", " ") : "", *name ? name : rd->id,
			    questionnaire_level_name(c->q, level, c->lang),
			    questionnaire_level_name(c->q, c->r->level, c->lang)))
			return;
	}
	if (!used)
		snprintf(
			buf, size,
			lang_pick(
				c->lang,
				"对本企业而言，下列每一种尚待与官方文本核对的解读都不改变等级：在每一种解读下均为%s。",
				"For this enterprise the level is the same under every open reading "
				"below: %s under each of them."),
			questionnaire_level_name(c->q, c->r->level, c->lang));
}

/* The reading's text, and for one with an alternative what this enterprise gets under it. */
static void reading_text(const report_ctx *c, const qn_reading *rd, char *buf, size_t size)
{
	char pts[32];
	int level;
	int64_t total;
	if (!rd->n_changes) {
		snprintf(buf, size, "%s", qn_text_get(&rd->text, c->lang));
		return;
	}
	scoring_reading_eval(c->r, rd, &level, &total);
	snprintf(buf, size,
		 lang_pick(c->lang, "%s按另一种解读，本企业为%s，总分 %s。",
			   "%s Under the other reading this enterprise is at %s, with %s points."),
		 qn_text_get(&rd->text, c->lang), questionnaire_level_name(c->q, level, c->lang),
		 decimal_format_milli(total, pts, sizeof pts));
}

static lxw_row_t readings(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	size_t n = questionnaire_n_readings(c->q);
	char text[2048];
	row = rp_heading(
		s, row,
		lang_pick(c->lang, "对标准的解读（标准原文有多种理解之处，本工具的取舍）",
			  "Readings of the standard (where it is open, what this tool assumes)"));
	if (questionnaire_source(c->q)->zh)
		row = key_value(s, row, lang_pick(c->lang, "依据", "Issued by"),
				qn_text_get(questionnaire_source(c->q), c->lang), c->f.text);
	if (n) {
		readings_verdict(c, text, sizeof text);
		row = key_value(s, row, lang_pick(c->lang, "对本企业的影响", "For this enterprise"),
				text, c->f.verdict);
	}
	for (size_t i = 0; i < n; i++) {
		const qn_reading *rd = questionnaire_reading(c->q, i);
		const char *name = qn_text_get(&rd->name, c->lang);
		reading_text(c, rd, text, sizeof text);
		row = key_value(s, row, *name ? name : rd->id, text, c->f.text);
	}
	if (!n)
		row = key_value(s, row, "", lang_pick(c->lang, "无", "None"), c->f.text);
	return row + 1;
}

static void provenance(xlsx_sheet *s, lxw_row_t row)
{
	report_ctx *c = s->ctx;
	const char *source = answers_source(c->r->answers);
	char missing[1024];
	if (!rp_missing_ids(c, missing, sizeof missing, 0))
		snprintf(missing, sizeof missing, "%s", lang_pick(c->lang, "无", "None"));
	row = rp_heading(s, row,
			 lang_pick(c->lang, "本报告的来源", "Where this report comes from"));
	row = key_value(s, row, lang_pick(c->lang, "生成工具", "Written by"), PACKAGE_STRING,
			c->f.text);
	row = key_value(s, row, lang_pick(c->lang, "答卷文件", "Answer file"), source, c->f.text);
	row = key_value(s, row, lang_pick(c->lang, "答卷 SHA-256", "Answer file SHA-256"),
			answers_sha256(c->r->answers), c->f.mono);
	row = key_value(
		s, row, lang_pick(c->lang, "核对方法", "To check"),
		lang_pick(c->lang,
			  "对答卷文件运行 sha256sum（Windows：certutil -hashfile 文件 "
			  "SHA256），结果应与上一行一致；一致即说明本报告由该答卷生成。",
			  "Run sha256sum on the answer file (Windows: certutil -hashfile FILE "
			  "SHA256); the result must equal the line above, which shows the report "
			  "was made from that file."),
		c->f.note);
	row = key_value(s, row, lang_pick(c->lang, "未作答题目", "Unanswered questions"), missing,
			c->f.text);
	key_value(s, row, lang_pick(c->lang, "计分精度", "Arithmetic"),
		  lang_pick(c->lang, "分数以千分之一分为单位精确累加，表中数值可直接复算。",
			    "Points are added exactly in thousandths; every figure can be recomputed "
			    "from the cells."),
		  c->f.text);
}

void report_sheet_method(report_ctx *c)
{
	xlsx_sheet s;
	rp_sheet_begin(&s, c, RP_METHOD);
	if (!s.ws)
		return;
	lxw_row_t row = instrument(&s, rp_sheet_title(&s, RP_METHOD, COL_F) + 1);
	row = level_rules(&s, row);
	row = readings(&s, row);
	provenance(&s, row);
	xlsx_sheet_end(&s, widths, widths, N_COLS);
}
