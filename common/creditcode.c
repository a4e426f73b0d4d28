#include "config.h"
#include "common/creditcode.h"

#include <stdio.h>
#include <string.h>

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

/* Values of 'A'..'Z' in the alphabet; -1 for I, O, S, V and Z, which it leaves out. */
static const signed char letter_values[26] = {10, 11, 12, 13, 14, 15, 16, 17, -1, 18, 19, 20, 21,
					      22, -1, 23, 24, 25, -1, 26, 27, -1, 28, 29, 30, -1};

static int value_of(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return c >= 'A' && c <= 'Z' ? letter_values[c - 'A'] : -1;
}

char creditcode_check_char(const char *first17)
{
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		int v = value_of(first17[i]);
		if (v < 0)
			return '\0';
		sum += v * weights[i];
	}
	return alphabet[(31 - sum % 31) % 31];
}

bool creditcode_valid(const char *code, char *why, size_t why_size)
{
	size_t n = strlen(code);
	if (n != 18) {
		if (why)
			snprintf(why, why_size, "has %zu characters, expected 18", n);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (value_of(code[i]) < 0) {
			if (why)
				snprintf(why, why_size,
					 "character %zu ('%c') is not in the code's alphabet "
					 "(0-9, A-Z without I O S V Z)",
					 i + 1, code[i]);
			return false;
		}
	}
	char want = creditcode_check_char(code);
	if (code[17] != want) {
		if (why)
			snprintf(why, why_size, "check character is '%c', expected '%c'", code[17],
				 want);
		return false;
	}
	return true;
}
