#include "config.h"
#include "common/decimal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

bool decimal_parse_scaled(const char *text, int scale, int64_t *out)
{
	const char *p = text;
	bool neg = false;
	int64_t v = 0;
	int digits = 0, decimals = -1;
	if (*p == '-') {
		neg = true;
		p++;
	}
	for (; *p; p++) {
		if (*p == '.' && decimals < 0) {
			decimals = 0;
			continue;
		}
		if (!isdigit((unsigned char)*p))
			return false;
		if (decimals >= 0 && ++decimals > scale)
			return false;
		if (v > (INT64_MAX - 9) / 10)
			return false;
		v = v * 10 + (*p - '0');
		digits++;
	}
	if (digits == 0 || decimals == 0)
		return false;
	for (int d = decimals < 0 ? 0 : decimals; d < scale; d++) {
		if (v > INT64_MAX / 10)
			return false;
		v *= 10;
	}
	*out = neg ? -v : v;
	return true;
}

bool decimal_parse_milli(const char *text, int64_t *out)
{
	return decimal_parse_scaled(text, 3, out);
}

char *decimal_format_milli(int64_t milli, char *buf, size_t size)
{
	const char *sign = milli < 0 ? "-" : "";
	uint64_t a = milli < 0 ? (uint64_t)0 - (uint64_t)milli : (uint64_t)milli;
	uint64_t whole = a / 1000, frac = a % 1000;
	if (frac == 0)
		snprintf(buf, size, "%s%llu", sign, (unsigned long long)whole);
	else if (frac % 100 == 0)
		snprintf(buf, size, "%s%llu.%llu", sign, (unsigned long long)whole,
			 (unsigned long long)(frac / 100));
	else if (frac % 10 == 0)
		snprintf(buf, size, "%s%llu.%02llu", sign, (unsigned long long)whole,
			 (unsigned long long)(frac / 10));
	else
		snprintf(buf, size, "%s%llu.%03llu", sign, (unsigned long long)whole,
			 (unsigned long long)frac);
	return buf;
}

char *decimal_format_yuan(int64_t yuan, char *buf, size_t size)
{
	char digits[32];
	uint64_t a = yuan < 0 ? (uint64_t)0 - (uint64_t)yuan : (uint64_t)yuan;
	int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)a);
	char tmp[48];
	size_t k = 0;
	if (yuan < 0)
		tmp[k++] = '-';
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			tmp[k++] = ',';
		tmp[k++] = digits[i];
	}
	tmp[k] = '\0';
	snprintf(buf, size, "%s", tmp);
	return buf;
}

double decimal_milli_to_double(int64_t milli)
{
	/* Division by 1000 rounds to the nearest double of the exact decimal, so 59999 prints as 59.999. */
	return (double)milli / 1000.0;
}
