/* Parsing what the assessor types: folding IME input, answer codes, ids, codes and dates. */
#include "config.h"
#include "interview/internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "common/creditcode.h"
#include "common/date.h"
#include "common/gbcode.h"
#include "common/text.h"

#define IDEOGRAPHIC_SPACE 0x3000UL
#define IDEOGRAPHIC_COMMA 0x3001UL /* 、 */
#define FULLWIDTH_FIRST 0xFF01UL   /* ！ folds to ! ... ～ to ~ */
#define FULLWIDTH_LAST 0xFF5EUL

static bool is_space_cp(unsigned long cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == IDEOGRAPHIC_SPACE;
}

char *iv_trim(char *s)
{
	const char *p = s, *start = NULL, *end = s;
	while (*p) {
		const char *here = p;
		if (is_space_cp(text_next_codepoint(&p)))
			continue;
		if (!start)
			start = here;
		end = p;
	}
	size_t n = start ? (size_t)(end - start) : 0;
	memmove(s, start ? start : s, n);
	s[n] = '\0';
	return s;
}

char *iv_fold(const char *s)
{
	char *out = malloc(strlen(s) + 1), *w = out;
	if (!out)
		return NULL;
	for (const char *p = s; *p;) {
		const char *here = p;
		unsigned long cp = text_next_codepoint(&p);
		if (cp >= FULLWIDTH_FIRST && cp <= FULLWIDTH_LAST)
			*w++ = (char)(cp - FULLWIDTH_FIRST + '!');
		else if (cp == IDEOGRAPHIC_SPACE)
			*w++ = ' ';
		else if (cp == IDEOGRAPHIC_COMMA)
			*w++ = ',';
		else
			for (; here < p; here++)
				*w++ = *here;
	}
	*w = '\0';
	return iv_trim(out);
}

const char *iv_line_problem(const interview *iv, const char *line)
{
	if (!text_utf8_valid(line, strlen(line), NULL))
		return IV_TR(
			iv,
			"输入不是 UTF-8 编码（可能是 GBK），未采用：请把终端的字符编码设为 UTF-8 后重新输入",
			"the line is not UTF-8 (GBK?) and was not taken: set the terminal to "
			"UTF-8 and type it again");
	for (const unsigned char *p = (const unsigned char *)line; *p; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7F)
			return IV_TR(iv, "输入含有控制字符（可能是方向键），未采用：请重新输入",
				     "the line holds control characters (arrow keys?) and was not "
				     "taken: please type it again");
	return NULL;
}

/* ---- answer codes ---- */

static bool parse_level(const interview *iv, const qn_question *q, const char *s, char *canon,
			size_t canon_size, char *msg, size_t msg_size)
{
	if (s[0] >= '0' && s[0] <= '0' + QN_MAX_LEVEL && s[1] == '\0') {
		snprintf(canon, canon_size, "%c", s[0]);
		return true;
	}
	snprintf(msg, msg_size,
		 IV_TR(iv, "%s 是经营场景：请输入 0 到 4 之间的一个数字评级（0 为未达一级）",
		       "%s is a scenario: type one level from 0 to 4 (0: not yet level 1)"),
		 q->id);
	return false;
}

/* The character at s (one code point) as text, for messages. */
static void char_at(const char *s, char *buf, size_t size)
{
	const char *p = s;
	text_next_codepoint(&p);
	snprintf(buf, size, "%.*s", (int)(p - s), s);
}

static bool codes_to_mask(const interview *iv, const qn_question *q, const char *s, uint64_t *mask,
			  char *msg, size_t msg_size)
{
	char ch[8];
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == ',' || *p == ';' || *p == '\t')
			continue;
		if (!isalpha((unsigned char)*p)) {
			char_at(p, ch, sizeof ch);
			snprintf(msg, msg_size,
				 IV_TR(iv, "“%s”不是选项字母：请输入如 B、B C E 或 BCE",
				       "\"%s\" is not an option letter: type e.g. B, "
				       "B C E or BCE"),
				 ch);
			return false;
		}
		char code[2] = {(char)toupper((unsigned char)*p), '\0'};
		int index = qn_option_index(q, code);
		if (index < 0) {
			snprintf(msg, msg_size,
				 IV_TR(iv, "%s 没有选项 %s（可选 %s 到 %s）",
				       "%s has no option %s (options %s to %s)"),
				 q->id, code, q->options[0].code,
				 q->options[q->n_options - 1].code);
			return false;
		}
		*mask |= 1ULL << index; /* a letter typed twice means the same choice */
	}
	if (!*mask) {
		snprintf(msg, msg_size, "%s", IV_TR(iv, "请输入选项字母", "type an option letter"));
		return false;
	}
	return true;
}

static bool mask_problem(const interview *iv, const qn_question *q, uint64_t mask, char *msg,
			 size_t msg_size)
{
	if (q->kind == QN_SINGLE && (mask & (mask - 1))) {
		snprintf(msg, msg_size,
			 IV_TR(iv, "%s 是单选题：只能选一个选项", "%s takes one option only"),
			 q->id);
		return true;
	}
	for (size_t i = 0; i < q->n_options; i++) {
		if (q->options[i].exclusive && (mask & (1ULL << i)) && (mask & ~(1ULL << i))) {
			snprintf(msg, msg_size,
				 IV_TR(iv,
				       "选项 %s（%s）不能与其他选项同时选择：只选 %s，或去掉 %s",
				       "option %s (%s) cannot be combined with other options: choose "
				       "%s alone, or leave it out"),
				 q->options[i].code, qn_text_get(&q->options[i].label, iv->lang),
				 q->options[i].code, q->options[i].code);
			return true;
		}
	}
	return false;
}

bool iv_parse_answer(const interview *iv, const qn_question *q, const char *folded, char *canon,
		     size_t canon_size, char *msg, size_t msg_size)
{
	uint64_t mask = 0;
	if (q->kind == QN_SCENARIO)
		return parse_level(iv, q, folded, canon, canon_size, msg, msg_size);
	if (!codes_to_mask(iv, q, folded, &mask, msg, msg_size) ||
	    mask_problem(iv, q, mask, msg, msg_size))
		return false;
	size_t used = 0;
	canon[0] = '\0';
	for (size_t i = 0; i < q->n_options; i++)
		if (mask & (1ULL << i))
			text_appendf(canon, canon_size, &used, "%s%s", used ? " " : "",
				     q->options[i].code);
	return true;
}

/* ---- question ids ---- */

/* Splits "S01" into "S" and 1; false unless it is letters then digits. */
static bool split_id(const char *s, char *letters, size_t size, long *number)
{
	size_t n = 0;
	while (isalpha((unsigned char)s[n]) && n + 1 < size) {
		letters[n] = (char)toupper((unsigned char)s[n]);
		n++;
	}
	letters[n] = '\0';
	if (!isdigit((unsigned char)s[n]))
		return false;
	char *end;
	*number = strtol(s + n, &end, 10);
	return *end == '\0';
}

long iv_find_question(const questionnaire *q, const char *arg)
{
	size_t n = questionnaire_n_questions(q);
	char want[16], have[16];
	long want_n, have_n;
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(questionnaire_question(q, i)->id, arg) == 0)
			return (long)i;
	if (isdigit((unsigned char)arg[0])) {
		char *end;
		long k = strtol(arg, &end, 10);
		return *end == '\0' && k >= 1 && (size_t)k <= n ? k - 1 : -1;
	}
	if (!split_id(arg, want, sizeof want, &want_n))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (split_id(questionnaire_question(q, i)->id, have, sizeof have, &have_n) &&
		    strcmp(want, have) == 0 && want_n == have_n)
			return (long)i;
	return -1;
}

/* ---- profile values ---- */

/* Asks creditcode.c, so that the code's alphabet is defined in one place. */
static bool code_char_ok(char c)
{
	char probe[18] = "00000000000000000"; /* 17 valid characters */
	probe[0] = c;
	return c && creditcode_check_char(probe) != '\0';
}

bool iv_credit_code(const interview *iv, const char *folded, char *code, size_t code_size,
		    char *msg, size_t msg_size)
{
	size_t n = 0, chars = 0;
	for (const char *p = folded; *p;) {
		const char *here = p;
		text_next_codepoint(&p);
		if (*here == ' ' || *here == '-')
			continue; /* grouping people copy from the licence */
		chars++;
		for (; here < p && n + 1 < code_size; here++)
			code[n++] = (char)toupper((unsigned char)*here);
	}
	code[n] = '\0';
	code[text_prefix_bytes(code, n)] = '\0'; /* too long to hold: cut between characters */
	if (chars != 18) {
		snprintf(msg, msg_size,
			 IV_TR(iv, "统一社会信用代码应为 18 位，输入了 %zu 位",
			       "a unified social credit code has 18 characters, not %zu"),
			 chars);
		return false;
	}
	for (size_t i = 0; i < 18; i++) {
		if (!code_char_ok(code[i])) {
			char ch[8];
			char_at(code + i, ch, sizeof ch);
			snprintf(
				msg, msg_size,
				IV_TR(iv,
				      "第 %zu 位“%s”不是代码字符（数字 0-9 和大写字母，不含 I O S V Z）",
				      "character %zu (\"%s\") is not in the code's alphabet (0-9 and "
				      "A-Z without I O S V Z)"),
				i + 1, ch);
			return false;
		}
	}
	char want = creditcode_check_char(code);
	if (code[17] != want) {
		snprintf(
			msg, msg_size,
			IV_TR(iv,
			      "校验位不符：按 GB 32100 第 18 位应为 %c，输入的是 %c；请对照营业执照核对前 17 位",
			      "the check character (GB 32100) should be %c, not %c: compare the first "
			      "17 characters with the business licence"),
			want, code[17]);
		return false;
	}
	return true;
}

bool iv_date(const char *folded, char *out, size_t size)
{
	int day;
	if (!date_parse_typed(folded, &day))
		return false;
	date_format(day, out, size);
	return true;
}

/*
 * The line without spaces (ASCII ones: iv_fold has made ideographic ones ASCII), upper-cased,
 * cut to size between characters as a credit code is.
 */
static void squeeze(const char *folded, char *code, size_t size)
{
	size_t n = 0;
	for (const char *p = folded; *p && n + 1 < size; p++)
		if (*p != ' ')
			code[n++] = (char)toupper((unsigned char)*p);
	code[text_prefix_bytes(code, n)] = '\0';
}

/* The reasons, in the interview's language, come from the codes' own module. */
bool iv_region_code(const interview *iv, const char *folded, char *code, size_t code_size,
		    char *msg, size_t msg_size)
{
	squeeze(folded, code, code_size);
	return gbcode_division_check(code, iv->lang, msg, msg_size);
}

bool iv_industry_code(const interview *iv, const char *folded, char *code, size_t code_size,
		      char *msg, size_t msg_size)
{
	squeeze(folded, code, code_size);
	return gbcode_industry_check(code, iv->lang, msg, msg_size);
}
