/* The comparison as text for a terminal (compare_print). */
#include "config.h"
#include "compare/compare_internal.h"

#include "answers/record.h"
#include "common/decimal.h"
#include "common/lang.h"
#include "common/text.h"

/* "+13.625", "-2", "0": a change with its sign. */
static const char *signed_milli(int64_t milli, char *buf, size_t size)
{
	char digits[24];
	decimal_format_milli(milli < 0 ? -milli : milli, digits, sizeof digits);
	snprintf(buf, size, "%s%s", milli > 0 ? "+" : milli < 0 ? "-" : "", digits);
	return buf;
}

static const char *met_word(bool met, qn_lang lang)
{
	return met ? lang_pick(lang, "达到", "met") : lang_pick(lang, "未达到", "not met");
}

static void print_side(FILE *out, const scoring_result *r, const char *label, qn_lang lang)
{
	const char *parts[3] = {answers_field_get(r->answers, ANSWERS_DATE),
				answers_stage_label(answers_stage_get(r->answers),
						    ANSWERS_STAGE_ASSESSMENT, lang),
				answers_origin_label(answers_origin_get(r->answers),
						     ANSWERS_ORIGIN_ASSESSMENT, lang)};
	const char *file = answers_source(r->answers);
	int n = 0;
	fputs(label, out);
	text_fputs_escaped(file ? file : "-", out);
	for (int i = 0; i < 3; i++)
		if (parts[i] && *parts[i])
			text_fprintf_escaped(out, "%s%s",
					     n++ ? lang_pick(lang, "，", ", ")
						 : lang_pick(lang, "（", " ("),
					     parts[i]);
	fprintf(out, "%s\n", n ? lang_pick(lang, "）", ")") : "");
	char rescored[512];
	if (answers_rescore_text(r->answers, lang, rescored, sizeof rescored))
		text_fprintf_escaped(out, "  %s\n", rescored);
}

static void print_totals(FILE *out, const compare_result *c, qn_lang lang)
{
	char b[32], a[32], d[32];
	fprintf(out, lang_pick(lang, "总分：%s → %s（%s）\n", "Total: %s -> %s (%s)\n"),
		decimal_format_milli(c->total_before, b, sizeof b),
		decimal_format_milli(c->total_after, a, sizeof a),
		signed_milli(c->delta_total, d, sizeof d));
	for (size_t i = 0; i < c->n_dimensions; i++) {
		const compare_dimension *cd = &c->dimensions[i];
		text_fprintf_escaped(out,
				     lang_pick(lang, "  %s  %s → %s（%s）\n",
					       "  %s  %s -> %s (%s)\n"),
				     qn_text_get(&cd->dimension->name, lang),
				     decimal_format_milli(cd->before, b, sizeof b),
				     decimal_format_milli(cd->after, a, sizeof a),
				     signed_milli(cd->delta, d, sizeof d));
	}
	text_fprintf_escaped(out, lang_pick(lang, "等级：%s → %s\n", "Level: %s -> %s\n"),
			     questionnaire_level_name(c->q, c->level_before, lang),
			     questionnaire_level_name(c->q, c->level_after, lang));
}

static void print_gates(FILE *out, const compare_result *c, qn_lang lang)
{
	if (c->kind == COMPARE_VERIFICATION)
		fputs(lang_pick(lang, "各级条件（自评 → 现场评定）：\n",
				"Level gates (declared -> on site):\n"),
		      out);
	else
		fputs(lang_pick(lang, "各级条件（改造前 → 改造后）：\n",
				"Level gates (before -> after):\n"),
		      out);
	for (size_t l = 1; l <= c->n_levels; l++)
		text_fprintf_escaped(out, lang_pick(lang, "  %s  %s → %s\n", "  %s  %s -> %s\n"),
				     questionnaire_level_name(c->q, (int)l, lang),
				     met_word(c->gates[l].before_met, lang),
				     met_word(c->gates[l].after_met, lang));
}

static void answer_text(const compare_result *c, const compare_question *cq, bool after, char *buf,
			size_t size)
{
	const answers *a = after ? c->after->answers : c->before->answers;
	char codes[4 * QN_MAX_OPTIONS + 8], pts[32];
	const answer *ans = after ? cq->after : cq->before;
	if (!ans->given)
		snprintf(buf, size, "-");
	else if (cq->question->kind == QN_SCENARIO)
		snprintf(buf, size, "%s",
			 questionnaire_scenario_level(ans->level, QN_SCENARIO_LEVEL_CODE,
						      QN_LANG_EN));
	else
		snprintf(buf, size, "%s (%s)",
			 answers_format(a, cq->question->index, codes, sizeof codes),
			 decimal_format_milli(after ? cq->points_after : cq->points_before, pts,
					      sizeof pts));
}

static void print_question(FILE *out, const compare_result *c, const compare_question *cq,
			   qn_lang lang)
{
	char b[128], a[128], d[32];
	const qn_question *q = cq->question;
	answer_text(c, cq, false, b, sizeof b);
	answer_text(c, cq, true, a, sizeof a);
	text_fprintf_escaped(out, lang_pick(lang, "  %s%s %s  %s → %s", "  %s%s %s  %s -> %s"),
			     q->id, q->constrained ? "★" : "",
			     qn_text_get(&q->indicator->name, lang), b, a);
	if (q->kind != QN_SCENARIO)
		fprintf(out, "  %s",
			signed_milli(cq->points_after - cq->points_before, d, sizeof d));
	if (cq->declared_higher)
		fputs(lang_pick(lang, "  自评偏高", "  declared higher"), out);
	if (c->kind == COMPARE_VERIFICATION && cq->changes_level)
		text_fprintf_escaped(out,
				     lang_pick(lang, "  单按自评计将为%s",
					       "  as declared alone: %s"),
				     questionnaire_level_name(c->q, cq->level_if_declared, lang));
	if (cq->evidence_added)
		fprintf(out, "%s", lang_pick(lang, "  新增佐证", "  evidence added"));
	fprintf(out, "\n");
}

static void print_questions(FILE *out, const compare_result *c, qn_lang lang)
{
	if (!c->n_differ) {
		fprintf(out, "%s",
			lang_pick(lang, "两份答卷的答案完全相同。\n",
				  "The answers are the same.\n"));
		return;
	}
	if (c->kind == COMPARE_VERIFICATION) {
		fprintf(out,
			lang_pick(lang,
				  "答案不同的题目 %zu 个，其中自评高于现场评定 %zu 个，"
				  "单独改变现场等级的 %zu 个：\n",
				  "%zu answers differ; the declaration is higher in %zu, and %zu alone "
				  "would change the on-site level:\n"),
			c->n_differ, c->n_declared_higher, c->n_changes_level);
	} else {
		fprintf(out,
			lang_pick(lang, "答案有变化的题目（%zu 个）：\n",
				  "Answers that changed (%zu):\n"),
			c->n_differ);
	}
	for (size_t i = 0; i < c->n_questions; i++)
		if (c->questions[i].differs)
			print_question(out, c, &c->questions[i], lang);
}

static void print_evidence(FILE *out, const compare_result *c, qn_lang lang)
{
	if (!c->evidence_added_any)
		return;
	fprintf(out, "%s", lang_pick(lang, "新增佐证：", "Evidence added:"));
	const char *sep = lang_pick(lang, "", " ");
	for (size_t i = 0; i < c->n_questions; i++)
		if (c->questions[i].evidence_added) {
			fprintf(out, "%s%s", sep, c->questions[i].question->id);
			sep = " ";
		}
	fprintf(out, "\n");
}

void compare_print(FILE *out, const compare_result *c, qn_lang lang)
{
	char id[ANSWERS_IDENT_MAX];
	bool verify = c->kind == COMPARE_VERIFICATION;
	fprintf(out, "%s%s\n", lang_pick(lang, "对比：", "Comparison: "),
		compare_kind_label(c->kind, lang));
	if (answers_identify(c->name, c->credit_code, ANSWERS_IDENT_LINE, lang, id, sizeof id)) {
		text_fputs_escaped(id, out);
		fputc('\n', out);
	}
	print_side(out, c->before,
		   verify ? lang_pick(lang, "自评：", "Declared: ")
			  : lang_pick(lang, "改造前：", "Before: "),
		   lang);
	print_side(out, c->after,
		   verify ? lang_pick(lang, "现场评定：", "On site: ")
			  : lang_pick(lang, "改造后：", "After: "),
		   lang);
	if (c->dates_out_of_order)
		fprintf(out, "%s",
			lang_pick(lang, "警告：改造后的评测日期早于改造前的评测日期。\n",
				  "Warning: AFTER is dated before BEFORE.\n"));
	print_totals(out, c, lang);
	print_gates(out, c, lang);
	print_questions(out, c, lang);
	print_evidence(out, c, lang);
}
