/* GB/T 2260 division codes and GB/T 4754-2017 industry codes. */
#include "config.h"
#include "common/gbcode.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "common/text.h"

/*
 * The reason, printf-style, into why when the caller wants one (why not NULL). Most reasons
 * are a lang_pick of two texts; the two where only one language's text takes the code's
 * digits choose by lang with if/else.
 */
__attribute__((format(printf, 3, 4))) static void say(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;
	if (!why || !size)
		return;
	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
}

/* The province-level divisions (GB/T 2260): 11 北京 ... 65 新疆, 71 台湾, 81 香港, 82 澳门. */
static bool province(int p)
{
	static const int known[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
				    35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
				    53, 54, 61, 62, 63, 64, 65, 71, 81, 82};
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (known[i] == p)
			return true;
	return false;
}

bool gbcode_division_check(const char *code, qn_lang lang, char *why, size_t why_size)
{
	if (!code || strlen(code) != 6 || text_digits(code, 6) < 0) {
		say(why, why_size,
		    lang_pick(lang,
			      "地区代码是 6 位数字的行政区划代码（GB/T 2260），如 350582 晋江市、"
			      "350500 泉州市",
			      "expected a six-digit administrative division code (GB/T 2260), "
			      "e.g. 350582"));
		return false;
	}
	if (!province((code[0] - '0') * 10 + code[1] - '0')) {
		if (lang == QN_LANG_EN)
			say(why, why_size,
			    "the first two digits name no province-level division (GB/T 2260)");
		else
			say(why, why_size,
			    "前两位 %.2s 不是省级行政区划代码（如 35 福建、64 宁夏）", code);
		return false;
	}
	if (code[2] == '0' && code[3] == '0' && !(code[4] == '0' && code[5] == '0')) {
		say(why, why_size,
		    lang_pick(lang,
			      "县级代码须有地市部分：第 3–4 位不能是 00（如晋江市 350582，不是 "
			      "350082）",
			      "a county code has a prefecture part: digits 3-4 are not 00"));
		return false;
	}
	return true;
}

bool gbcode_division_valid(const char *code, char *why, size_t why_size)
{
	return gbcode_division_check(code, QN_LANG_EN, why, why_size);
}

bool gbcode_division_covers(const char *area, const char *code)
{
	size_t n = strcmp(area + 2, "0000") == 0 ? 2 : strcmp(area + 4, "00") == 0 ? 4 : 6;
	return strncmp(area, code, n) == 0;
}

/* GB/T 4754-2017: each section and the divisions (first two digits) it holds. */
static const struct {
	char section;
	int first, last;
} sections[] = {{'A', 1, 5},   {'B', 6, 12},  {'C', 13, 43}, {'D', 44, 46}, {'E', 47, 50},
		{'F', 51, 52}, {'G', 53, 60}, {'H', 61, 62}, {'I', 63, 65}, {'J', 66, 69},
		{'K', 70, 70}, {'L', 71, 72}, {'M', 73, 75}, {'N', 76, 79}, {'O', 80, 82},
		{'P', 83, 83}, {'Q', 84, 85}, {'R', 86, 90}, {'S', 91, 96}, {'T', 97, 97}};

bool gbcode_industry_check(const char *code, qn_lang lang, char *why, size_t why_size)
{
	size_t n = code ? strlen(code) : 0, k = 0;
	while (k < sizeof sections / sizeof sections[0] && n && sections[k].section != code[0])
		k++;
	if (!n || k == sizeof sections / sizeof sections[0]) {
		say(why, why_size,
		    lang_pick(
			    lang,
			    "行业代码以门类字母 A–T 开头（GB/T 4754-2017），如制造业 C、C34、C3421",
			    "expected an industry code (GB/T 4754-2017): a section letter A-T "
			    "and up to four digits, e.g. C34"));
		return false;
	}
	if (n == 1)
		return true;
	if (n == 2 || n > 5 || text_digits(code + 1, n - 1) < 0) {
		say(why, why_size,
		    lang_pick(lang, "门类字母后应为 2、3 或 4 位数字，如 C34、C342、C3421",
			      "expected the section letter followed by 2, 3 or 4 digits "
			      "(GB/T 4754-2017), e.g. C34, C342, C3421"));
		return false;
	}
	int division = (code[1] - '0') * 10 + code[2] - '0';
	if (division < sections[k].first || division > sections[k].last) {
		if (lang == QN_LANG_EN)
			say(why, why_size,
			    "division %02d is not in section %c (%02d-%02d) of GB/T 4754-2017",
			    division, code[0], sections[k].first, sections[k].last);
		else
			say(why, why_size,
			    "%02d 不是门类 %c 下的大类（GB/T 4754-2017；如制造业 C 为 13–43）",
			    division, code[0]);
		return false;
	}
	return true;
}

bool gbcode_industry_valid(const char *code, char *why, size_t why_size)
{
	return gbcode_industry_check(code, QN_LANG_EN, why, why_size);
}

char gbcode_industry_section(const char *code)
{
	return gbcode_industry_valid(code, NULL, 0) ? code[0] : '\0';
}
