/*
 * write.c - the self-assessment form (libxlsxwriter): instructions, profile, one sheet per
 * dimension, and the hidden sheet that says which instrument it belongs to.
 *
 * Input cells are unlocked and shaded; every sheet is protected without a password, so a person
 * filling it in cannot overwrite the questions by accident but can still unprotect it.
 */
#include "config.h"
#include "form/form.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "answers/record.h"
#include "common/decimal.h"
#include "common/text.h"
#include "form/form-layout.h"
#include "xlsx/layout.h"
#include "policies/policy.h"
#include "policies/subsidy.h"
#include "xlsx/reader.h"
#include "xlsx/xlsx.h"

struct formats {
	lxw_format *title, *hint, *head, *text, *id, *input, *input_center, *input_date, *points,
		*total, *input_money;
};

struct ctx {
	xlsx_book *book;
	lxw_workbook *wb;
	const questionnaire *q;
	const form_options *o;
	qn_lang lang;
	struct formats f;
	char sha256[65];
	char (*sheet_names)[128]; /* the dimension sheets' names: the book keeps pointers to them */
};

static void check(struct ctx *c, lxw_error e) { xlsx_check(c->book, e); }

static lxw_format *fmt(struct ctx *c, bool locked, bool wrap, uint32_t fill)
{
	lxw_format *f = xlsx_add_text_format(c->book, c->lang);
	if (!f)
		return NULL;
	if (wrap)
		format_set_text_wrap(f);
	if (!locked)
		format_set_unlocked(f);
	if (fill) {
		format_set_bg_color(f, fill);
		format_set_pattern(f, LXW_PATTERN_SOLID);
	}
	format_set_border(f, LXW_BORDER_THIN);
	format_set_border_color(f, XLSX_COLOR_BORDER);
	return f;
}

#define FILL_INPUT 0xFFF2CC /* the pale yellow people know as "fill this in" */
#define FILL_HEAD 0xD9E1F2

static void make_formats(struct ctx *c)
{
	struct formats *f = &c->f;
	f->title = fmt(c, true, false, 0);
	f->hint = fmt(c, true, true, 0);
	f->head = fmt(c, true, true, FILL_HEAD);
	f->text = fmt(c, true, true, 0);
	f->id = fmt(c, true, false, 0);
	f->input = fmt(c, false, true, FILL_INPUT);
	f->input_center = fmt(c, false, false, FILL_INPUT);
	f->input_date = fmt(c, false, false, FILL_INPUT);
	f->points = fmt(c, true, false, 0);
	f->total = fmt(c, true, false, FILL_HEAD);
	f->input_money = fmt(c, false, false, FILL_INPUT);
	if (xlsx_failed(c->book))
		return;
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	format_set_border(f->title, LXW_BORDER_NONE);
	format_set_border(f->hint, LXW_BORDER_NONE);
	format_set_bold(f->head);
	format_set_bold(f->total);
	format_set_align(f->input_center, LXW_ALIGN_CENTER);
	/* Text, so that Excel keeps 2026-11-20 as typed instead of turning it into a number. */
	format_set_num_format(f->input_date, "@");
	format_set_num_format(f->points, "0.###");
	format_set_num_format(f->total, "0.###");
	format_set_num_format(f->input_money, "#,##0");
}

/* ---- sizing for Chinese: rows tall enough for their wrapped text ---- */

/*
 * Lines text takes in a column `width` units wide. The English form's Calibri is measured at
 * its letters' widths and broken between words, as xlsx/layout.h does for the report (a
 * count of letters over the width left no room for the word that moves down); the Chinese
 * form's 等线 breaks between any two characters, so its count does.
 */
static unsigned lines_in(const struct ctx *c, const char *text, double width)
{
	if (c->lang == QN_LANG_EN)
		return (unsigned)xlsx_wrap_lines(text, xlsx_columns_in(width, 10), XLSX_FACE_LATIN);
	unsigned lines = 0;
	const char *p = text;
	char line[2048];
	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		size_t w = text_display_width(line);
		/* A CJK character (display width 2) takes about 1.9 width units. */
		lines += w ? (unsigned)((double)w * 0.95 / width) + 1 : 1;
		p = nl ? nl + 1 : NULL;
	}
	return lines ? lines : 1;
}

static void fit_row(struct ctx *c, lxw_worksheet *ws, uint32_t row, unsigned lines)
{
	if (lines > 1)
		check(c, worksheet_set_row(ws, row, 14.0 * (lines > 30 ? 30 : lines) + 2, NULL));
}

static lxw_worksheet *add_sheet(struct ctx *c, const char *name, bool landscape)
{
	xlsx_where(c->book, name);
	lxw_worksheet *ws = xlsx_add_sheet(c->book, name);
	if (!ws)
		return NULL;
	/* Narrower side margins than the report's: the question sheets are wide. */
	static const double margins[4] = {0.4, 0.4, 0.6, 0.6};
	xlsx_page page = {.landscape = landscape,
			  .margins = margins,
			  .footer = lang_pick(c->lang, "&C&8&A  第 &P 页，共 &N 页",
					      "&C&8&A  page &P of &N")};
	xlsx_page_setup(c->book, ws, &page);
	check(c, worksheet_set_row(ws, 0, 22, NULL)); /* the title, in 14 points */
	return ws;
}

static void protect(struct ctx *c, lxw_worksheet *ws)
{
	/* No password: the protection keeps fingers off the questions, it is not security. */
	lxw_protection p = {.format_columns = 1, .format_rows = 1, .no_select_locked_cells = 0};
	worksheet_protect(ws, NULL, &p);
}

/* ---- the instructions ---- */

static void sheet_instructions(struct ctx *c)
{
	lxw_worksheet *ws = add_sheet(c, form_sheet_instructions(c->lang), false);
	if (!ws)
		return;
	const char *title = qn_text_get(questionnaire_title(c->q), c->lang);
	static const char *const zh[] = {
		"本工作簿是企业数字化水平自评表。请在浅黄色单元格中填写，其余单元格已保护（无密码）。",
		"1. 在“企业概况”表中填写企业名称、统一社会信用代码、评测日期等信息；"
		"需要测算补贴时，在“补贴信息”表中填写企业身份（是/否）和各项金额（元，整数）。",
		"2. 每个维度一张表，每行一个问题：单选题在“回答”列的下拉列表中选择一项；"
		"多选题在右侧对应选项字母的列中选择“✓”；场景题在“回答”列选择达到的等级（0–4），"
		"各等级的要求列在问题下方。",
		"3. “备注”写说明，“佐证材料”写可以出示的材料（如合同、系统截图、记录）。",
		"4. “得分”列和合计由表格公式即时计算，仅供参考；导入时按评测指标重新计算，不读取公式结果。",
		"5. 填好后保存为 .xlsx（Excel、WPS 或 LibreOffice 均可），交给评测机构用 "
		"assess import 导入。请勿删除或重命名工作表，也不要改动隐藏的 _assess 表。",
		NULL};
	static const char *const en[] = {
		"This workbook is a digitization self-assessment form. Fill in the pale yellow cells; the "
		"other cells are protected (no password).",
		"1. On the Profile sheet, give the enterprise's name, unified social credit code, the "
		"assessment date and the rest; for a subsidy estimate, give the status (yes/no) and the "
		"figures (whole yuan) on the Subsidy inputs sheet.",
		"2. There is one sheet per dimension and one row per question: for a single-choice "
		"question pick one option from the drop-down in the Answer column; for a multiple-choice "
		"question put a ✓ in the column of each option letter that applies; for a scenario pick "
		"the level reached (0-4) in the Answer column; the levels are described under the "
		"question.",
		"3. Use Notes for explanations and Evidence for what can be shown (contracts, system "
		"screenshots, records).",
		"4. The Points column and the totals are worked out by the sheet's formulas as you go, "
		"for guidance only: the import recomputes everything from the answers and never reads "
		"them.",
		"5. Save as .xlsx (Excel, WPS or LibreOffice) and hand it to the assessor, who reads it "
		"with assess import. Do not delete or rename sheets, nor change the hidden _assess "
		"sheet.",
		NULL};
	check(c, worksheet_set_column(ws, 0, 0, 100, c->f.hint));
	check(c, worksheet_write_string(ws, 0, 0, title, c->f.title));
	char line[256];
	snprintf(line, sizeof line, "%s %s %s", questionnaire_id(c->q),
		 lang_pick(c->lang, "版本", "version"), questionnaire_version(c->q));
	check(c, worksheet_write_string(ws, 1, 0, line, c->f.hint));
	const char *const *lines = c->lang == QN_LANG_EN ? en : zh;
	for (uint32_t i = 0; lines[i]; i++) {
		check(c, worksheet_write_string(ws, 3 + i, 0, lines[i], c->f.hint));
		fit_row(c, ws, 3 + i, lines_in(c, lines[i], 100));
	}
	protect(c, ws);
}

/* ---- the profile ---- */

static const char *profile_value(const struct ctx *c, const form_profile_row *p)
{
	const answers *a = c->o->prefill;
	if (!a)
		return NULL;
	if (p->kind == FORM_PF_FIELD)
		return answers_field_get(a, p->field);
	if (p->kind == FORM_PF_ABOVE_SCALE)
		return lang_yes_no(c->lang, answers_above_scale(a));
	return form_stage_word(answers_stage_get(a), c->lang);
}

static void list_validation(struct ctx *c, lxw_worksheet *ws, uint32_t row, uint16_t col,
			    const char **items, const char *formula, bool strict)
{
	lxw_data_validation v = {
		.validate = formula ? LXW_VALIDATION_TYPE_LIST_FORMULA : LXW_VALIDATION_TYPE_LIST,
		.value_list = (char **)items,
		.value_formula = (char *)formula,
		.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP
				     : LXW_VALIDATION_ERROR_TYPE_INFORMATION,
	};
	xlsx_data_validation(c->book, ws, row, col, &v);
}

static void sheet_profile(struct ctx *c)
{
	lxw_worksheet *ws = add_sheet(c, form_sheet_profile(c->lang), false);
	if (!ws)
		return;
	qn_lang l = c->lang;
	check(c, worksheet_set_column(ws, 0, 0, 22, NULL));
	check(c, worksheet_set_column(ws, 1, 1, 40, NULL));
	check(c, worksheet_set_column(ws, 2, 2, 36, NULL));
	check(c, worksheet_write_string(ws, 0, 0, lang_pick(l, "企业概况", "Enterprise profile"),
					c->f.title));
	uint32_t h = FORM_PROFILE_ROW - 1;
	check(c, worksheet_write_string(ws, h, 0, lang_pick(l, "项目", "Item"), c->f.head));
	check(c, worksheet_write_string(ws, h, 1, lang_pick(l, "填写", "Value"), c->f.head));
	check(c, worksheet_write_string(ws, h, 2, lang_pick(l, "说明", "Note"), c->f.head));
	const char *yes_no[] = {lang_yes(l), lang_no(l), NULL};
	const char *stages[] = {form_stage_word(ANSWERS_STAGE_BASELINE, l),
				form_stage_word(ANSWERS_STAGE_POST, l), NULL};
	const char *sizes[] = {"微型", "小型", "中型", NULL};
	for (size_t i = 0; i < form_profile_n_rows; i++) {
		const form_profile_row *p = &form_profile_rows[i];
		uint32_t row = FORM_PROFILE_ROW + (uint32_t)i;
		const char *v = profile_value(c, p);
		/* Text cells, so that Excel keeps codes and dates as typed (350582 stays a code). */
		lxw_format *in = p->field == ANSWERS_DATE || p->field == ANSWERS_CREDIT_CODE ||
						 p->field == ANSWERS_REGION_CODE ||
						 p->field == ANSWERS_INDUSTRY_CODE
					 ? c->f.input_date
					 : c->f.input;
		check(c, worksheet_write_string(ws, row, 0, form_profile_label(p, l), c->f.text));
		if (v) /* from the answer file: cut like every text of ours past Excel's limit */
			xlsx_string(c->book, ws, row, 1, v, in);
		else
			check(c, worksheet_write_blank(ws, row, 1, in));
		check(c, worksheet_write_string(ws, row, 2, lang_pick(l, p->hint_zh, p->hint_en),
						c->f.text));
		if (p->kind == FORM_PF_ABOVE_SCALE)
			list_validation(c, ws, row, 1, yes_no, NULL, true);
		else if (p->kind == FORM_PF_STAGE)
			list_validation(c, ws, row, 1, stages, NULL, true);
		else if (p->field == ANSWERS_SIZE)
			list_validation(c, ws, row, 1, sizes, NULL, false);
	}
	protect(c, ws);
}

/* ---- the subsidy inputs: status flags and finance figures ---- */

/*
 * The figure a row holds in the answers to pre-fill, and its project: NULL when not given.
 * The blocks were checked (form_write), so a figure is a number or {"amount", "project"}.
 */
static const cJSON *prefill_figure(const struct ctx *c, const form_subsidy_row *r,
				   const char **project)
{
	const cJSON *fin = c->o->prefill ? answers_block(c->o->prefill, "finance") : NULL;
	const char *key = form_subsidy_key(r);
	*project = NULL;
	if (r->kind == FORM_SR_SPEND) {
		const cJSON *spend = cJSON_GetObjectItemCaseSensitive(fin, "project_spend");
		if (r->project)
			*project = cJSON_GetStringValue(
				cJSON_GetObjectItemCaseSensitive(spend, "project"));
		return cJSON_GetObjectItemCaseSensitive(spend, strchr(key, '.') + 1);
	}
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(fin, key);
	if (cJSON_IsObject(v)) {
		*project = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "project"));
		v = cJSON_GetObjectItemCaseSensitive(v, "amount");
	}
	return v;
}

static void subsidy_value(struct ctx *c, lxw_worksheet *ws, uint32_t row, const form_subsidy_row *r)
{
	qn_lang l = c->lang;
	if (r->kind == FORM_SR_STATUS) {
		const char *yes_no[] = {lang_yes(l), lang_no(l), NULL};
		int v = c->o->prefill ? answers_status_flag(c->o->prefill, form_subsidy_key(r))
				      : -1;
		if (v >= 0)
			check(c, worksheet_write_string(ws, row, FORM_SC_VALUE, lang_yes_no(l, v),
							c->f.input_center));
		else
			check(c, worksheet_write_blank(ws, row, FORM_SC_VALUE, c->f.input_center));
		list_validation(c, ws, row, FORM_SC_VALUE, yes_no, NULL, true);
		check(c, worksheet_write_blank(ws, row, FORM_SC_PROJECT, c->f.text));
		return;
	}
	const char *project;
	const cJSON *v = prefill_figure(c, r, &project);
	if (cJSON_IsNumber(v)) /* whole yuan up to 10^14: exact in a double */
		check(c, worksheet_write_number(ws, row, FORM_SC_VALUE, v->valuedouble,
						c->f.input_money));
	else
		check(c, worksheet_write_blank(ws, row, FORM_SC_VALUE, c->f.input_money));
	bool batch = r->kind == FORM_SR_BATCH;
	lxw_data_validation dv = {
		.validate = LXW_VALIDATION_TYPE_INTEGER,
		.criteria = LXW_VALIDATION_CRITERIA_BETWEEN,
		.minimum_number = batch ? 1 : 0,
		.maximum_number = batch ? 99 : 1e14,
		.error_type = LXW_VALIDATION_ERROR_TYPE_STOP,
		.error_message =
			(char *)(batch ? lang_pick(l, "改造批次：1 到 99 的整数。",
						   "The batch: a whole number from 1 to 99.")
				       : lang_pick(
						 l,
						 "金额以元为单位，填写整数：不带小数，不用“万元”。",
						 "Whole yuan: no fractions, no 10,000s (万).")),
	};
	xlsx_data_validation(c->book, ws, row, FORM_SC_VALUE, &dv);
	if (r->project && project)
		xlsx_string(c->book, ws, row, FORM_SC_PROJECT, project, c->f.input_date);
	else if (r->project)
		check(c, worksheet_write_blank(ws, row, FORM_SC_PROJECT, c->f.input_date));
	else if (r->kind == FORM_SR_SPEND) /* the parts share the project of the first */
		check(c, worksheet_write_string(ws, row, FORM_SC_PROJECT,
						lang_pick(l, "（同上）", "(as above)"), c->f.text));
	else
		check(c, worksheet_write_blank(ws, row, FORM_SC_PROJECT, c->f.text));
}

static void subsidy_heads(struct ctx *c, lxw_worksheet *ws)
{
	qn_lang l = c->lang;
	static const char *const heads[FORM_SC_COLS][2] = {{"项目", "Item"},
							   {"键", "Key"},
							   {"填写", "Value"},
							   {"单位", "Unit"},
							   {"项目编号", "Project"},
							   {"说明", "Meaning"}};
	/* B fits project_spend.other_hardware, C 100,000,000,000,000 (Excel shows ### else) */
	static const double widths[FORM_SC_COLS] = {30, 30, 22, 6, 14, 50};
	for (uint16_t i = 0; i < FORM_SC_COLS; i++) {
		check(c, worksheet_set_column(ws, i, i, widths[i], NULL));
		check(c, worksheet_write_string(ws, FORM_SUBSIDY_ROW - 1, i,
						heads[i][l == QN_LANG_EN], c->f.head));
	}
	check(c, worksheet_write_string(
			 ws, 0, 0,
			 lang_pick(l, "补贴信息（用于补贴测算；不填表示未提供，不按“否”或 0 计）",
				   "Subsidy inputs (for the subsidy estimate; a blank "
				   "is not given, not no or 0)"),
			 c->f.title));
	worksheet_freeze_panes(ws, FORM_SUBSIDY_ROW, 0);
	check(c, worksheet_repeat_rows(ws, FORM_SUBSIDY_ROW - 1, FORM_SUBSIDY_ROW - 1));
}

static void sheet_subsidy(struct ctx *c)
{
	lxw_worksheet *ws = add_sheet(c, form_sheet_subsidy(c->lang), true);
	if (!ws)
		return;
	qn_lang l = c->lang;
	subsidy_heads(c, ws);
	for (size_t i = 0; i < form_subsidy_n_rows && !xlsx_failed(c->book); i++) {
		const form_subsidy_row *r = &form_subsidy_rows[i];
		uint32_t row = FORM_SUBSIDY_ROW + (uint32_t)i;
		const qn_text *label = r->kind == FORM_SR_STATUS
					       ? policy_status_label((policy_status)r->item)
					       : policy_field_label((policy_field)r->item);
		char buf[256];
		const char *text = qn_text_get(label, l),
			   *mean = form_subsidy_meaning(r, l, buf, sizeof buf);
		check(c, worksheet_write_string(ws, row, FORM_SC_LABEL, text, c->f.text));
		check(c,
		      worksheet_write_string(ws, row, FORM_SC_KEY, form_subsidy_key(r), c->f.id));
		subsidy_value(c, ws, row, r);
		const char *unit = r->kind == FORM_SR_STATUS  ? lang_pick(l, "是/否", "yes/no")
				   : r->kind == FORM_SR_BATCH ? ""
							      : lang_pick(l, "元", "yuan");
		check(c, worksheet_write_string(ws, row, FORM_SC_UNIT, unit, c->f.text));
		check(c, worksheet_write_string(ws, row, FORM_SC_MEANING, mean, c->f.text));
		unsigned lines = lines_in(c, text, 30), more = lines_in(c, mean, 50);
		fit_row(c, ws, row, lines > more ? lines : more);
	}
	protect(c, ws);
}

/* ---- one sheet per dimension ---- */

static void col_name(uint32_t col, char *buf, size_t size)
{
	char ref[16];
	xlsx_reader_ref(0, col, ref, sizeof ref);
	ref[strcspn(ref, "0123456789")] = '\0';
	snprintf(buf, size, "%s", ref);
}

/* _assess!$C$9:$G$9: absolute, so a copied row still points at its own list. */
static void meta_ref(char *buf, size_t size, uint32_t row, size_t n)
{
	char a[16], b[16];
	col_name(2, a, sizeof a);
	col_name((uint32_t)(2 + n - 1), b, sizeof b);
	snprintf(buf, size, "%s!$%s$%lu:$%s$%lu", FORM_META_SHEET, a, (unsigned long)row + 1, b,
		 (unsigned long)row + 1);
}

/* The question's text with what a row cannot show in columns: options or level descriptors. */
static char *question_text(const struct ctx *c, const qn_question *qu)
{
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	if (!s)
		return NULL;
	text_appendf(s, cap, &n, "%s", qn_text_get(&qu->text, c->lang));
	char item[600];
	if (qu->kind == QN_MULTI) {
		for (size_t i = 0; i < qu->n_options; i++) {
			form_option_item(&qu->options[i], c->lang, item, sizeof item);
			text_appendf(s, cap, &n, "\n%s%s", item,
				     qu->options[i].exclusive
					     ? lang_pick(c->lang, "（单独选择）", " (alone)")
					     : "");
		}
	} else if (qu->kind == QN_SCENARIO) {
		for (int l = 0; l <= QN_MAX_LEVEL; l++)
			text_appendf(s, cap, &n, lang_pick(c->lang, "\n%s：%s", "\n%s: %s"),
				     questionnaire_scenario_level(l, QN_SCENARIO_LEVEL_TITLE,
								  c->lang),
				     qn_text_get(&qu->level_text[l], c->lang));
	}
	return s;
}

static void write_answer(struct ctx *c, lxw_worksheet *ws, uint32_t row, const qn_question *qu,
			 const answer *a, uint32_t meta)
{
	char ref[64], item[600];
	lxw_format *in = c->f.input;
	if (qu->kind == QN_SINGLE) {
		if (a && a->given)
			check(c,
			      worksheet_write_string(ws, row, FORM_COL_ANSWER,
						     form_option_item(&qu->options[a->choice],
								      c->lang, item, sizeof item),
						     in));
		else
			check(c, worksheet_write_blank(ws, row, FORM_COL_ANSWER, in));
		meta_ref(ref, sizeof ref, meta, qu->n_options);
		list_validation(c, ws, row, FORM_COL_ANSWER, NULL, ref, true);
	} else if (qu->kind == QN_SCENARIO) {
		static const char *levels[] = {"0", "1", "2", "3", "4", NULL};
		if (a && a->given)
			check(c, worksheet_write_number(ws, row, FORM_COL_ANSWER, a->level,
							c->f.input_center));
		else
			check(c,
			      worksheet_write_blank(ws, row, FORM_COL_ANSWER, c->f.input_center));
		list_validation(c, ws, row, FORM_COL_ANSWER, levels, NULL, true);
	} else {
		check(c, worksheet_write_string(ws, row, FORM_COL_ANSWER,
						lang_pick(c->lang, "（多选：在右侧选项列打 ✓）",
							  "(several: tick ✓ at the right)"),
						c->f.text));
		static const char *tick[] = {FORM_TICK, NULL};
		for (size_t i = 0; i < qu->n_options; i++) {
			uint16_t col = (uint16_t)(FORM_COL_TICKS + i);
			if (a && a->given && (a->mask & (1ULL << i)))
				check(c, worksheet_write_string(ws, row, col, FORM_TICK,
								c->f.input_center));
			else
				check(c, worksheet_write_blank(ws, row, col, c->f.input_center));
			list_validation(c, ws, row, col, tick, NULL, true);
		}
	}
}

/* Live points in the sheet: guidance for the person filling it in, never read back. */
/* Returns the points the cached value shows, in thousandths. */
static int64_t write_points(struct ctx *c, lxw_worksheet *ws, uint32_t row, const qn_question *qu,
			    const answer *a, uint32_t meta)
{
	char f[256], items[64], points[64], first[16], last[16];
	if (qu->kind == QN_SCENARIO) {
		check(c, worksheet_write_blank(ws, row, FORM_COL_POINTS, c->f.points));
		return 0;
	}
	meta_ref(items, sizeof items, meta, qu->n_options);
	meta_ref(points, sizeof points, meta + 1, qu->n_options);
	int64_t value = 0;
	if (qu->kind == QN_SINGLE) {
		xlsx_reader_ref(row, FORM_COL_ANSWER, first, sizeof first);
		snprintf(f, sizeof f, "=IFERROR(INDEX(%s,MATCH(%s,%s,0)),0)", points, first, items);
		if (a && a->given)
			value = qu->options[a->choice].points;
	} else {
		xlsx_reader_ref(row, FORM_COL_TICKS, first, sizeof first);
		xlsx_reader_ref(row, (uint32_t)(FORM_COL_TICKS + qu->n_options - 1), last,
				sizeof last);
		snprintf(f, sizeof f, "=SUMPRODUCT((%s:%s=\"%s\")*%s)", first, last, FORM_TICK,
			 points);
		for (size_t i = 0; a && a->given && i < qu->n_options; i++)
			if (a->mask & (1ULL << i))
				value += qu->options[i].points;
	}
	check(c, worksheet_write_formula_num(ws, row, FORM_COL_POINTS, f, c->f.points,
					     decimal_milli_to_double(value)));
	return value;
}

/*
 * The notes column: the note without the evidence part an import before evidence items wrote
 * after FORM_EVIDENCE_MARK. NULL when there is no note.
 */
static char *note_text(const answer *a)
{
	if (!a || !a->note)
		return NULL;
	const char *mark = strstr(a->note, FORM_EVIDENCE_MARK);
	return strndup(a->note, mark ? (size_t)(mark - a->note) : strlen(a->note));
}

/*
 * The evidence column: such an old evidence part, then the title of each evidence item, one a
 * line, as the import reads them back. NULL when there is none (or no memory: *nomem).
 */
static char *evidence_text(const answers *pre, const qn_question *qu, const answer *a, bool *nomem)
{
	const char *mark = a && a->note ? strstr(a->note, FORM_EVIDENCE_MARK) : NULL;
	const char *old = mark ? mark + strlen(FORM_EVIDENCE_MARK) : "";
	size_t n = pre ? answers_evidence_count(pre, qu->index) : 0, len = strlen(old) + 1;
	for (size_t k = 0; k < n; k++)
		len += strlen(answers_evidence_get(pre, qu->index, k)->title) + 1;
	if (!*old && !n)
		return NULL;
	char *out = malloc(len);
	if (!out) {
		*nomem = true;
		return NULL;
	}
	size_t used = 0;
	text_appendf(out, len, &used, "%s", old);
	for (size_t k = 0; k < n; k++)
		text_appendf(out, len, &used, "%s%s", used ? "\n" : "",
			     answers_evidence_get(pre, qu->index, k)->title);
	return out;
}

/* Returns the points of the pre-filled answer, in thousandths (0 without one). */
static int64_t write_question(struct ctx *c, lxw_worksheet *ws, const qn_question *qu)
{
	uint32_t row = form_question_row(c->q, qu);
	uint32_t meta = form_meta_row(qu);
	const answer *a = c->o->prefill ? answers_get(c->o->prefill, qu->index) : NULL;
	char *text = question_text(c, qu);
	bool nomem = false;
	char *notes = note_text(a), *evidence = evidence_text(c->o->prefill, qu, a, &nomem);
	if (!text || nomem || (a && a->note && !notes)) {
		free(text);
		free(notes);
		free(evidence);
		check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return 0;
	}
	check(c, worksheet_write_string(ws, row, FORM_COL_ID, qu->id, c->f.id));
	check(c, worksheet_write_string(ws, row, FORM_COL_INDICATOR,
					qn_text_get(&qu->indicator->name, c->lang), c->f.text));
	check(c, worksheet_write_string(ws, row, FORM_COL_QUESTION, text, c->f.text));
	write_answer(c, ws, row, qu, a, meta);
	int64_t points = write_points(c, ws, row, qu, a, meta);
	if (notes && *notes)
		xlsx_string(c->book, ws, row, FORM_COL_NOTES, notes, c->f.input);
	else
		check(c, worksheet_write_blank(ws, row, FORM_COL_NOTES, c->f.input));
	if (evidence)
		xlsx_string(c->book, ws, row, FORM_COL_EVIDENCE, evidence, c->f.input);
	else
		check(c, worksheet_write_blank(ws, row, FORM_COL_EVIDENCE, c->f.input));
	fit_row(c, ws, row, lines_in(c, text, 50));
	free(text);
	free(notes);
	free(evidence);
	return points;
}

static size_t max_ticks(const questionnaire *q, const qn_dimension *d)
{
	size_t n = 0;
	for (size_t i = 0; i < questionnaire_n_questions(q); i++) {
		const qn_question *qu = questionnaire_question(q, i);
		if (qu->indicator->subdimension->dimension == d && qu->kind == QN_MULTI &&
		    qu->n_options > n)
			n = qu->n_options;
	}
	return n;
}

static void dimension_heads(struct ctx *c, lxw_worksheet *ws, const qn_dimension *d, size_t ticks)
{
	qn_lang l = c->lang;
	static const char *const heads[][2] = {{"编号", "No."},         {"指标", "Indicator"},
					       {"问题", "Question"},    {"回答", "Answer"},
					       {"得分", "Points"},      {"备注", "Notes"},
					       {"佐证材料", "Evidence"}};
	static const double widths[] = {6, 13, 50, 28, 7, 20, 20};
	for (uint16_t i = 0; i < FORM_COL_TICKS; i++) {
		check(c, worksheet_set_column(ws, i, i, widths[i], NULL));
		check(c, worksheet_write_string(ws, FORM_HEAD_ROW, i, heads[i][l == QN_LANG_EN],
						c->f.head));
	}
	for (size_t i = 0; i < ticks; i++) {
		char code[8] = {(char)('A' + i), '\0'};
		uint16_t col = (uint16_t)(FORM_COL_TICKS + i);
		check(c, worksheet_set_column(ws, col, col, 3.6, NULL));
		check(c, worksheet_write_string(ws, FORM_HEAD_ROW, col, code, c->f.head));
	}
	char title[256];
	snprintf(title, sizeof title, "%s %s", d->id, qn_text_get(&d->name, l));
	check(c, worksheet_write_string(ws, 0, 0, title, c->f.title));
	check(c,
	      worksheet_write_string(
		      ws, 1, 0,
		      d->scored
			      ? lang_pick(l,
					  "在浅黄色单元格中作答；得分列仅供参考，导入时重新计算。",
					  "Answer in the pale yellow cells; the points are for guidance and are "
					  "recomputed on import.")
			      : lang_pick(
					l,
					"每个场景选择达到的等级 0–4（本维度不计分，用于等级判定）。",
					"Pick the level each scenario reaches, 0-4 (not scored; used by the "
					"level gates)."),
		      NULL));
	worksheet_freeze_panes(ws, FORM_HEAD_ROW + 1, FORM_COL_QUESTION);
	check(c, worksheet_repeat_rows(ws, FORM_HEAD_ROW, FORM_HEAD_ROW));
}

static void sheet_dimension(struct ctx *c, size_t k, const qn_dimension *d)
{
	char *name = c->sheet_names[k];
	form_sheet_dimension(d, c->lang, name, sizeof c->sheet_names[k]);
	lxw_worksheet *ws = add_sheet(c, name, true);
	if (!ws)
		return;
	dimension_heads(c, ws, d, max_ticks(c->q, d));
	uint32_t first = 0, last = 0;
	int64_t total = 0;
	for (size_t i = 0; i < questionnaire_n_questions(c->q) && !xlsx_failed(c->book); i++) {
		const qn_question *qu = questionnaire_question(c->q, i);
		if (qu->indicator->subdimension->dimension != d)
			continue;
		total += write_question(c, ws, qu);
		last = form_question_row(c->q, qu);
		first = first ? first : last;
	}
	if (d->scored && first) {
		char f[64], a[16], b[16];
		xlsx_reader_ref(first, FORM_COL_POINTS, a, sizeof a);
		xlsx_reader_ref(last, FORM_COL_POINTS, b, sizeof b);
		snprintf(f, sizeof f, "=SUM(%s:%s)", a, b);
		check(c,
		      worksheet_write_string(ws, last + 1, FORM_COL_ANSWER,
					     lang_pick(c->lang, "合计（参考）", "Total (guidance)"),
					     c->f.total));
		check(c, worksheet_write_formula_num(ws, last + 1, FORM_COL_POINTS, f, c->f.total,
						     decimal_milli_to_double(total)));
	}
	protect(c, ws);
}

/* ---- the hidden sheet: which instrument, and the drop-down lists ---- */

static void sheet_meta(struct ctx *c)
{
	lxw_worksheet *ws = add_sheet(c, FORM_META_SHEET, false);
	if (!ws)
		return;
	static const char *const keys[] = {"form", "questionnaire", "questionnaire_version",
					   "questionnaire_sha256", "lang"};
	const char *values[] = {FORM_MAGIC, questionnaire_id(c->q), questionnaire_version(c->q),
				c->sha256, c->lang == QN_LANG_EN ? "en" : "zh"};
	for (uint32_t i = 0; i < FORM_META_ROWS; i++) {
		check(c, worksheet_write_string(ws, i, 0, keys[i], NULL));
		check(c, worksheet_write_string(ws, i, 1, values[i], NULL));
	}
	char item[600];
	for (size_t i = 0; i < questionnaire_n_questions(c->q); i++) {
		const qn_question *qu = questionnaire_question(c->q, i);
		uint32_t row = form_meta_row(qu);
		check(c, worksheet_write_string(ws, row, 0, qu->id, NULL));
		check(c, worksheet_write_string(ws, row, 1, qn_kind_name(qu->kind), NULL));
		for (size_t k = 0; k < qu->n_options; k++) {
			uint16_t col = (uint16_t)(2 + k);
			check(c, worksheet_write_string(ws, row, col,
							form_option_item(&qu->options[k], c->lang,
									 item, sizeof item),
							NULL));
			check(c,
			      worksheet_write_number(ws, row + 1, col,
						     decimal_milli_to_double(qu->options[k].points),
						     NULL));
		}
	}
	worksheet_hide(ws);
	protect(c, ws);
}

static void set_properties(struct ctx *c)
{
	const answers *a = c->o->prefill;
	const char *name = a ? answers_field_get(a, ANSWERS_NAME) : NULL;
	const xlsx_properties p = {
		.what = lang_pick(c->lang, "数字化水平自评表", "Digitization self-assessment form"),
		.name = name,
		.subject = qn_text_get(questionnaire_title(c->q), c->lang),
		.comments = PACKAGE_STRING,
		.created = xlsx_created_time(c->o->created, NULL),
	};
	xlsx_set_properties(c->book, &p);
	check(c, workbook_set_custom_property_string(c->wb, FORM_PROP_ID,
						     (char *)questionnaire_id(c->q)));
	check(c, workbook_set_custom_property_string(c->wb, FORM_PROP_VERSION,
						     (char *)questionnaire_version(c->q)));
	check(c, workbook_set_custom_property_string(c->wb, FORM_PROP_SHA256, c->sha256));
}

/* ---- the file ---- */

static void write_sheets(struct ctx *c)
{
	make_formats(c);
	set_properties(c);
	sheet_instructions(c);
	sheet_profile(c);
	sheet_subsidy(c);
	for (size_t i = 0; i < questionnaire_n_dimensions(c->q); i++)
		sheet_dimension(c, i, questionnaire_dimension(c->q, i));
	sheet_meta(c);
}

assess_code form_write(const questionnaire *q, const form_options *o, const char *path,
		       assess_error *err)
{
	static const form_options defaults = {.lang = QN_LANG_ZH};
	struct ctx c = {.q = q, .o = o ? o : &defaults, .lang = o ? o->lang : QN_LANG_ZH};
	if (c.o->prefill && answers_questionnaire(c.o->prefill) != q)
		return assess_fail(err, ASSESS_ERR_USAGE, path, 0, 0,
				   "the answers to pre-fill are for another instrument");
	/* The figures are pre-filled as the subsidy engine reads them: checked like its input. */
	assess_code code = c.o->prefill ? subsidy_check_inputs(c.o->prefill, err) : ASSESS_OK;
	if (!code)
		code = form_instrument_sha256(q, c.sha256, err);
	if (code)
		return code;
	xlsx_options xo = {.replace = c.o->replace, .env = c.o->env, .what = "form", .lang = c.lang};
	if (!(c.sheet_names = calloc(questionnaire_n_dimensions(q) + 1, sizeof *c.sheet_names)))
		return assess_nomem(err, path);
	if (!(c.book = xlsx_open(path, &xo, err))) {
		free(c.sheet_names);
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	}
	c.wb = xlsx_workbook(c.book);
	write_sheets(&c);
	/* Closing verifies the zip and every part before the rename (xlsx/xlsx.h). */
	code = xlsx_close(c.book, err);
	free(c.sheet_names);
	return code;
}
