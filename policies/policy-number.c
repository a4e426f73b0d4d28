/*
 * A clause number for a reader. Documents number their clauses in Chinese — （十七）, 二（三）,
 * 五, 第三条 — which an English reader can neither say nor look up; English output gives the
 * same number in Arabic numerals with a word for what it is ("Clause 17", "Clause 2(3)",
 * "Art. 3"), so that it still points at the one clause of the document.
 */
#include "config.h"
#include "policies/policy.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "common/text.h"

/* The value of one Chinese digit or unit, or -1. */
static int numeral(const char **p)
{
	static const char *const digits[] = {"零", "一", "二", "三", "四",
					     "五", "六", "七", "八", "九"};
	for (int d = 0; d < 10; d++)
		if (strncmp(*p, digits[d], strlen(digits[d])) == 0) {
			*p += strlen(digits[d]);
			return d;
		}
	if (strncmp(*p, "十", strlen("十")) == 0) {
		*p += strlen("十");
		return 10;
	}
	if (strncmp(*p, "百", strlen("百")) == 0) {
		*p += strlen("百");
		return 100;
	}
	return -1;
}

/* A Chinese number up to 999 (十七, 二十一, 一百零五) at *p, or -1 when there is none. */
static int chinese_number(const char **p)
{
	int total = 0, digit = -1, seen = 0, v;
	const char *q = *p;
	while ((v = numeral(&q)) >= 0) {
		seen++;
		if (v == 10 || v == 100) {
			total += (digit > 0 ? digit : 1) * v;
			digit = -1;
		} else {
			digit = v;
		}
	}
	if (!seen)
		return -1;
	*p = q;
	return total + (digit > 0 ? digit : 0);
}

static bool skip(const char **p, const char *what)
{
	if (strncmp(*p, what, strlen(what)) != 0)
		return false;
	*p += strlen(what);
	return true;
}

/* "（十七）" or "(十七)": its number, or -1 (and *p unmoved). */
static int parenthesised(const char **p)
{
	const char *q = *p;
	if (!skip(&q, "（") && !skip(&q, "("))
		return -1;
	int n = chinese_number(&q);
	if (n < 0 || (!skip(&q, "）") && !skip(&q, ")")))
		return -1;
	*p = q;
	return n;
}

/* The English form, or false when the number has a shape this does not know. */
static bool english(const char *number, char *buf, size_t size)
{
	const char *p = number;
	size_t used = 0;
	bool fits;
	int n;
	if (skip(&p, "第")) { /* 第三条, 第三条第二款 */
		if ((n = chinese_number(&p)) < 0 || !skip(&p, "条"))
			return false;
		fits = text_appendf(buf, size, &used, "Art. %d", n);
		if (skip(&p, "第")) {
			int k = chinese_number(&p);
			if (k < 0 || !skip(&p, "款"))
				return false;
			fits = text_appendf(buf, size, &used, "(%d)", k);
		}
		return *p == '\0' && fits;
	}
	n = parenthesised(&p);                     /* （十七） */
	if (n < 0 && (n = chinese_number(&p)) < 0) /* 二, 二（三） */
		return false;
	fits = text_appendf(buf, size, &used, "Clause %d", n);
	while (*p && fits) {
		int k = parenthesised(&p);
		if (k < 0)
			break;
		fits = text_appendf(buf, size, &used, "(%d)", k);
	}
	skip(&p, "、");
	return *p == '\0' && fits;
}

const char *policy_number_text(const char *number, qn_lang lang, char *buf, size_t size)
{
	if (!number || lang != QN_LANG_EN || !size || !english(number, buf, size))
		return number ? number : "";
	return buf;
}
