/* What the assessor sees: text wrapped by display width, question screens, help and lists. */
#include "config.h"
#include "interview/internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "common/decimal.h"
#include "answers/record.h"
#include "common/text.h"
#include "scoring/scoring.h"

#define MIN_COLUMNS 24 /* never wrap narrower than this, however deep the indent */

/* Chinese punctuation that may not start a line, and the kind that may not end one. */
static bool no_break_before(unsigned long cp)
{
	static const unsigned long closing[] = {0x3001, 0x3002, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF1F,
						0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F, 0x201D,
						0x2019, 0xFF05, ')',    ',',    '.',    ';',
						':',    '%',    '!',    '?'};
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++)
		if (cp == closing[i])
			return true;
	return false;
}

static bool no_break_after(unsigned long cp)
{
	return cp == 0xFF08 || cp == 0x300A || cp == 0x300C || cp == 0x300E || cp == 0x201C ||
	       cp == 0x2018 || cp == '(';
}

/* Lines may break at spaces and next to wide (CJK) characters, not inside Latin words. */
static bool can_break(unsigned long prev, unsigned long cp, bool prev_wide, bool wide)
{
	if (prev == ' ')
		return cp != ' ';
	if (no_break_before(cp) || no_break_after(prev))
		return false;
	return prev_wide || wide;
}

/* Bytes of s that fit in avail columns, ending at a break opportunity when there is one. */
static size_t fit(const char *s, size_t avail)
{
	const char *p = s, *brk = NULL;
	size_t col = 0;
	unsigned long prev = 0;
	bool prev_wide = false;
	while (*p && *p != '\n') {
		const char *here = p;
		unsigned long cp = text_next_codepoint(&p);
		size_t w = text_codepoint_width(cp);
		if (here != s && can_break(prev, cp, prev_wide, w == 2))
			brk = here;
		if (col + w > avail && here != s)
			return (size_t)((brk ? brk : here) - s);
		col += w;
		prev = cp;
		prev_wide = w == 2;
	}
	return (size_t)(p - s);
}

void iv_clip(const char *text, size_t columns, char *out, size_t size)
{
	char esc[1024]; /* what a terminal may be shown of text (common/text.h) */
	const char *p = text_escape(text, esc, sizeof esc), *keep = esc;
	size_t col = 0;
	text = esc;
	while (*p) {
		size_t w = text_codepoint_width(text_next_codepoint(&p));
		if (col + w > columns - 1 || (size_t)(p - text) + 4 > size) {
			/* Cut before the character that does not fit, and mark the cut. */
			snprintf(out, size, "%.*s…", (int)(keep - text), text);
			return;
		}
		col += w;
		keep = p;
	}
	snprintf(out, size, "%s", text);
}

/* One line of text (no newline in it) wrapped: its first part where the cursor is, the others
 * after hang spaces. */
static void wrap_line(const interview *iv, size_t hang, size_t avail, const char *s)
{
	do {
		size_t n = fit(s, avail), keep = n;
		while (keep && s[keep - 1] == ' ')
			keep--;
		fprintf(iv->out, "%.*s\n", (int)keep, s);
		s += n;
		while (*s == ' ')
			s++;
		if (*s)
			fprintf(iv->out, "%*s", (int)hang, "");
	} while (*s);
}

/*
 * One line of text from data, escaped (common/text.h: a control character such as U+0085
 * or ESC is shown as \u0085 or \x1B, never sent) and then wrapped. A line too long for the
 * stack is escaped in the heap, or cut if memory has run out.
 */
static void wrap_escaped(const interview *iv, size_t hang, size_t avail, const char *s, size_t n)
{
	char seg[1024], esc[4 * sizeof seg];
	char *big = n >= sizeof seg ? malloc(n + 1) : NULL,
	     *big_esc = big ? malloc(4 * n + 1) : NULL;
	if (big_esc) {
		memcpy(big, s, n);
		big[n] = '\0';
		wrap_line(iv, hang, avail, text_escape(big, big_esc, 4 * n + 1));
	} else {
		size_t take = n < sizeof seg ? n : sizeof seg - 1;
		memcpy(seg, s, take);
		seg[take] = '\0';
		wrap_line(iv, hang, avail, text_escape(seg, esc, sizeof esc));
	}
	free(big);
	free(big_esc);
}

void iv_wrap(const interview *iv, const char *lead, const char *text)
{
	size_t hang = text_display_width(lead);
	size_t avail = iv->width > hang + MIN_COLUMNS ? iv->width - hang : MIN_COLUMNS;
	fputs(lead, iv->out);
	for (const char *s = text;;) {
		size_t n = strcspn(s, "\n");
		wrap_escaped(iv, hang, avail, s, n);
		s += n;
		if (!*s || !s[1]) /* the end, or a newline that ends the text */
			break;
		s++;
		fprintf(iv->out, "%*s", (int)hang, "");
	}
}

void iv_printf(const interview *iv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	text_vfprintf_escaped(iv->out, fmt, ap); /* the arguments are data: escaped */
	va_end(ap);
}

static void message(const interview *iv, const char *lead, const char *fmt, va_list ap)
{
	char buf[IV_MSG_MAX * 2];
	vsnprintf(buf, sizeof buf, fmt, ap);
	iv_wrap(iv, lead, buf);
}

void iv_say(const interview *iv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	message(iv, "  ! ", fmt, ap);
	va_end(ap);
}

const char *iv_nomem_words(const interview *iv)
{
	return assess_code_label(ASSESS_ERR_NOMEM, iv->lang == QN_LANG_EN);
}

void iv_say_nomem(const interview *iv) { iv_say(iv, "%s", iv_nomem_words(iv)); }

void iv_say_error(const interview *iv, const assess_error *err)
{
	if (err->code == ASSESS_ERR_NOMEM)
		iv_say_nomem(iv);
	else
		iv_say(iv, "%s", err->msg);
}

void iv_tell(const interview *iv, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	message(iv, "  ", fmt, ap);
	va_end(ap);
}

static void rule(const interview *iv)
{
	/* ASCII on purpose: box-drawing characters are double width in some CJK terminals. */
	size_t n = iv->width < 72 ? iv->width : 72;
	for (size_t i = 0; i < n; i++)
		fputc('-', iv->out);
	fputc('\n', iv->out);
}

void iv_show_keys(const interview *iv)
{
	iv_wrap(iv, IV_TR(iv, "按键：", "Keys: "),
		IV_TR(iv,
		      "回车 保留当前答案 · :b 上一题 · :s 跳过 · :g 题号 跳转（单独 :g：第一道未答题） · "
		      ":l 列出未答题 · ? 说明与佐证材料 · :p 修改企业信息 · - 清除答案 · "
		      ":q 保存并退出。“答案 # 备注”或“# 备注”记下现场所见。选项字母大小写均可；"
		      "命令都以冒号开头，所以字母永远是选项。",
		      "Enter keeps the answer · :b back · :s skip · :g ID go to a question (:g alone: "
		      "first unanswered) · :l list unanswered · ? guidance and evidence · :p edit the "
		      "profile · - clear the answer · :q save and quit. \"ANSWER # NOTE\" or "
		      "\"# NOTE\" records what you saw. Option letters may be typed in either case; "
		      "commands start with ':', so a letter is always an option."));
}

/* "【数字化基础】7 题，满分 50 分" when the walk enters another dimension. */
static void show_dimension(interview *iv, const qn_question *q)
{
	const qn_dimension *dim = q->indicator->subdimension->dimension;
	if (dim == iv->shown)
		return;
	iv->shown = dim;
	size_t count = 0;
	for (size_t i = 0; i < questionnaire_n_questions(iv->q); i++)
		count +=
			questionnaire_question(iv->q, i)->indicator->subdimension->dimension == dim;
	char pts[32], text[IV_MSG_MAX];
	if (dim->scored)
		snprintf(text, sizeof text,
			 IV_TR(iv, "【%s】%zu 题，满分 %s 分", "[%s] %zu questions, %s points"),
			 qn_text_get(&dim->name, iv->lang), count,
			 decimal_format_milli(dim->points, pts, sizeof pts));
	else
		snprintf(text, sizeof text,
			 IV_TR(iv, "【%s】%zu 个场景，按 0-4 评级，★ 为约束性场景",
			       "[%s] %zu scenarios rated 0-4, ★ = constrained"),
			 qn_text_get(&dim->name, iv->lang), count);
	fputc('\n', iv->out);
	iv_wrap(iv, "", text);
}

static void show_progress(const interview *iv, const qn_question *q)
{
	size_t n = questionnaire_n_questions(iv->q), answered = n - interview_n_missing(iv);
	const qn_subdimension *sub = q->indicator->subdimension;
	rule(iv);
	iv_printf(iv,
		  IV_TR(iv, "%zu/%zu · %s · %s（已答 %zu）\n",
			"%zu/%zu · %s · %s (%zu answered)\n"),
		  q->index + 1, n, qn_text_get(&sub->dimension->name, iv->lang),
		  qn_text_get(&sub->name, iv->lang), answered);
}

static void show_kind(const interview *iv, const qn_question *q)
{
	char lead[8] = "     ";
	if (q->kind == QN_SCENARIO) {
		iv_wrap(iv, lead,
			q->constrained
				? IV_TR(iv, "场景评级：输入 0-4 · ★ 约束性场景",
					"Scenario: type a level 0-4 · ★ constrained")
				: IV_TR(iv, "场景评级：输入 0-4", "Scenario: type a level 0-4"));
		return;
	}
	if (q->kind == QN_SINGLE) {
		iv_wrap(iv, lead,
			IV_TR(iv, "单选：输入一个选项字母", "Single choice: type one letter"));
		return;
	}
	char text[IV_MSG_MAX];
	size_t used = 0;
	text[0] = '\0';
	text_appendf(text, sizeof text, &used, "%s",
		     IV_TR(iv, "多选：如 B C E 或 BCE", "Multiple choice: e.g. B C E or BCE"));
	for (size_t i = 0; i < q->n_options; i++)
		if (q->options[i].exclusive)
			text_appendf(text, sizeof text, &used,
				     IV_TR(iv, "；%s（%s）只能单独选", "; %s (%s) stands alone"),
				     q->options[i].code,
				     qn_text_get(&q->options[i].label, iv->lang));
	iv_wrap(iv, lead, text);
}

static void show_options(const interview *iv, const qn_question *q, const answer *ans)
{
	char lead[32];
	if (q->kind == QN_SCENARIO) {
		for (int l = 0; l <= QN_MAX_LEVEL; l++) {
			snprintf(lead, sizeof lead, "  %c %d  ",
				 ans->given && ans->level == l ? '*' : ' ', l);
			iv_wrap(iv, lead, qn_text_get(&q->level_text[l], iv->lang));
		}
		return;
	}
	for (size_t i = 0; i < q->n_options; i++) {
		bool chosen = ans->given &&
			      (q->kind == QN_SINGLE ? ans->choice == (int)i : (ans->mask >> i) & 1);
		snprintf(lead, sizeof lead, "  %c %s  ", chosen ? '*' : ' ', q->options[i].code);
		iv_wrap(iv, lead, qn_text_get(&q->options[i].label, iv->lang));
	}
}

void iv_show_question(interview *iv)
{
	const qn_question *q = questionnaire_question(iv->q, iv->current);
	const answer *ans = answers_get(iv->a, iv->current);
	char lead[32], buf[128];
	show_dimension(iv, q);
	show_progress(iv, q);
	snprintf(lead, sizeof lead, "%-4s ", q->id);
	iv_wrap(iv, lead, qn_text_get(&q->text, iv->lang));
	show_kind(iv, q);
	show_options(iv, q, ans);
	if (ans->given)
		iv_printf(iv,
			  IV_TR(iv, "  当前答案：%s（回车保留）\n",
				"  Current answer: %s (Enter keeps it)\n"),
			  answers_format(iv->a, iv->current, buf, sizeof buf));
	if (ans->note)
		iv_wrap(iv, IV_TR(iv, "  备注：", "  Note: "), ans->note);
}

void iv_show_help(const interview *iv)
{
	const qn_question *q = questionnaire_question(iv->q, iv->current);
	const char *guidance = qn_text_get(&q->guidance, iv->lang);
	if (*guidance)
		iv_wrap(iv, IV_TR(iv, "  说明：", "  Guidance: "), guidance);
	if (q->n_evidence)
		iv_printf(iv, "%s\n",
			  IV_TR(iv, "  佐证材料（请企业出示）：", "  Evidence to ask for:"));
	for (size_t i = 0; i < q->n_evidence; i++)
		iv_wrap(iv, "    - ", qn_text_get(&q->evidence[i], iv->lang));
	iv_show_keys(iv);
}

/* Unanswered questions: one per line with their text, or their ids on one line. */
void iv_show_missing(const interview *iv, bool with_text)
{
	size_t missing = interview_n_missing(iv), used = 0;
	char lead[32], ids[IV_MSG_MAX] = "";
	bool cut = false;
	if (!missing) {
		iv_printf(iv,
			  IV_TR(iv, "  全部 %zu 题均已作答。\n",
				"  All %zu questions are answered.\n"),
			  questionnaire_n_questions(iv->q));
		return;
	}
	snprintf(lead, sizeof lead, IV_TR(iv, "  未答 %zu 题：", "  %zu unanswered: "), missing);
	if (with_text)
		iv_printf(iv, "%s\n", lead);
	for (size_t i = 0; i < questionnaire_n_questions(iv->q); i++) {
		const qn_question *q = questionnaire_question(iv->q, i);
		if (iv_answered(iv, i))
			continue;
		if (!with_text) {
			if (used + strlen(q->id) + 6 < sizeof ids) /* keeps room for " ..." */
				text_appendf(ids, sizeof ids, &used, "%s%s", used ? " " : "",
					     q->id);
			else
				cut = true;
			continue;
		}
		char item[32];
		snprintf(item, sizeof item, "    %-4s ", q->id);
		iv_wrap(iv, item, qn_text_get(&q->text, iv->lang));
	}
	if (cut)
		text_appendf(ids, sizeof ids, &used, " ...");
	if (!with_text)
		iv_wrap(iv, lead, ids);
}

/* One review line: number, id, answer, points (a level for a scenario), and the note mark. */
static void review_line(const interview *iv, const scoring_result *r, size_t i)
{
	const qn_question *q = questionnaire_question(iv->q, i);
	const answer *ans = answers_get(iv->a, i);
	char codes[64], pts[32], line[IV_MSG_MAX], lead[32];
	answers_format(iv->a, i, codes, sizeof codes);
	if (q->kind == QN_SCENARIO)
		snprintf(pts, sizeof pts, "%s",
			 questionnaire_scenario_level(ans->level, QN_SCENARIO_LEVEL_SENTENCE,
						      iv->lang));
	else if (r)
		snprintf(pts, sizeof pts, IV_TR(iv, "%s 分", "%s pts"),
			 decimal_format_milli(r->question_points[i], codes + 32, 32));
	else
		pts[0] = '\0';
	char spent[48];
	size_t n_ev = answers_evidence_count(iv->a, i);
	const char *flag = answers_flag_get(iv->a, i);
	iv_format_spent(iv, iv_seconds_spent(iv, i), spent, sizeof spent);
	size_t used = 0;
	line[0] = '\0';
	text_appendf(line, sizeof line, &used, "%-4s %-10s %s", q->id, codes, pts);
	if (n_ev)
		text_appendf(line, sizeof line, &used, IV_TR(iv, " · 证据 %zu", " · evidence %zu"),
			     n_ev);
	if (ans->note)
		text_appendf(line, sizeof line, &used, "%s", IV_TR(iv, " · 有备注", " · note"));
	text_appendf(line, sizeof line, &used, "%s", spent);
	if (flag)
		text_appendf(line, sizeof line, &used,
			     IV_TR(iv, " · 待核实：%s", " · to verify: %s"), flag);
	snprintf(lead, sizeof lead, "%3zu ", i + 1);
	iv_wrap(iv, lead, line);
}

void iv_show_review(const interview *iv)
{
	char total[32];
	assess_error err = {0};
	scoring_result *r = scoring_run_flags(iv->a, SCORING_NO_GAPS, &err);
	fputc('\n', iv->out);
	rule(iv);
	if (r)
		iv_printf(iv,
			  IV_TR(iv, "【复核】全部 %zu 题 · 总分 %s\n",
				"[Review] all %zu questions · "
				"total %s\n"),
			  questionnaire_n_questions(iv->q),
			  decimal_format_milli(r->total, total, sizeof total));
	for (size_t i = 0; i < questionnaire_n_questions(iv->q); i++)
		review_line(iv, r, i);
	scoring_free(r);
	iv_wrap(iv, "",
		IV_TR(iv,
		      "全部题目均已作答。回车：定稿、计分并结束 · 序号或题号（如 5 或 F5）：重新打开该题 · "
		      ":b：回到最后一题 · :p：修改企业信息 · :q：保存并退出（不定稿）",
		      "Every question is answered. Enter: finalize, score and finish · a number or an "
		      "id (5 or F5): reopen that question · :b: back to the last question · :p: edit "
		      "the profile · :q: save and quit (not finalized)"));
}
