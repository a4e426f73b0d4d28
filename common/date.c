#include "config.h"
#include "common/date.h"

#include <stdio.h>
#include <string.h>
#include "common/text.h"

bool date_valid(int year, int month, int day)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1)
		return false;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return day <= days[month - 1] + (month == 2 && leap);
}

bool date_valid_day(int yyyymmdd)
{
	return date_valid(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

/* "YYYY-MM-DD" at the start of text, without looking past it. */
static bool parse_day(const char *text, int *y, int *m, int *d)
{
	if (text[4] != '-' || text[7] != '-')
		return false;
	*y = text_digits(text, 4);
	*m = text_digits(text + 5, 2);
	*d = text_digits(text + 8, 2);
	return date_valid(*y, *m, *d);
}

bool date_parse(const char *text, int *yyyymmdd)
{
	int y, m, d;
	if (!text || strlen(text) != 10 || !parse_day(text, &y, &m, &d))
		return false;
	*yyyymmdd = y * 10000 + m * 100 + d;
	return true;
}

bool date_parse_typed(const char *text, int *yyyymmdd)
{
	int y, m, d, len = 0;
	char sep1, sep2;
	bool packed = strlen(text) == 8 && strspn(text, "0123456789") == 8 &&
		      sscanf(text, "%4d%2d%2d", &y, &m, &d) == 3;
	if (!packed && (sscanf(text, "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &len) != 5 ||
			text[len] != '\0' || sep1 != sep2 || !strchr("-/.", sep1)))
		return false;
	if (!date_valid(y, m, d))
		return false;
	*yyyymmdd = y * 10000 + m * 100 + d;
	return true;
}

char *date_format(int yyyymmdd, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d-%02d", yyyymmdd / 10000, yyyymmdd / 100 % 100,
		 yyyymmdd % 100);
	return buf;
}

bool date_of_time(time_t t, int *yyyymmdd)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return false;
	*yyyymmdd = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
	return true;
}

/* Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long date_days(int yyyymmdd)
{
	return days_from_civil(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

/* Its inverse, civil_from_days: the era of 400 years, the year in it, then the day in that. */
int date_of_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097, doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	return (int)((y + (m <= 2)) * 10000 + m * 100 + d);
}

bool date_of_excel_serial(long serial, bool date1904, int *yyyymmdd)
{
	if (serial < 0 || serial > 2958465)
		return false;
	if (date1904)
		serial += 1462; /* 1904-01-01 in the 1900 system */
	if (serial < 61)
		return false;
	/* From 61 on, the 1900 system's day 25569 is 1970-01-01. */
	*yyyymmdd = date_of_days(serial - 25569);
	return true;
}

/* "Z", "+hh:mm" or "-hh:mm" as seconds east of UTC; false for anything else. */
static bool parse_offset(const char *s, int *seconds)
{
	if (strcmp(s, "Z") == 0) {
		*seconds = 0;
		return true;
	}
	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
		return false;
	int hh = text_digits(s + 1, 2), mm = text_digits(s + 4, 2);
	if (hh < 0 || hh > 23 || mm < 0 || mm > 59)
		return false;
	*seconds = (s[0] == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
	return true;
}

bool date_parse_stamp(const char *text, time_t *t, int *utc_offset)
{
	int y, m, d, offset;
	if (!text || strlen(text) < 20 || !parse_day(text, &y, &m, &d) || text[10] != 'T' ||
	    text[13] != ':' || text[16] != ':')
		return false;
	int hh = text_digits(text + 11, 2), mi = text_digits(text + 14, 2),
	    ss = text_digits(text + 17, 2);
	if (hh < 0 || hh > 23 || mi < 0 || mi > 59 || ss < 0 || ss > 60 ||
	    !parse_offset(text + 19, &offset))
		return false;
	*t = (time_t)(days_from_civil(y, m, d) * 86400L + hh * 3600L + mi * 60L + ss - offset);
	if (utc_offset)
		*utc_offset = offset;
	return true;
}

char *date_format_stamp(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char zone[8];
	buf[0] = '\0';
	if (!localtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm) ||
	    !strftime(zone, sizeof zone, "%z", &tm) || strlen(zone) != 5) {
		buf[0] = '\0';
		return buf;
	}
	/* strftime's %z is "+0800"; ISO 8601's extended form wants "+08:00". */
	size_t n = strlen(buf);
	text_appendf(buf, size, &n, "%.3s:%.2s", zone, zone + 3);
	return buf;
}

char *date_format_minute(time_t t, char *buf, size_t size)
{
	char stamp[DATE_STAMP_MAX];
	if (*date_format_stamp(t, stamp, sizeof stamp))
		snprintf(buf, size, "%.10s %.5s", stamp, stamp + 11);
	else if (size)
		buf[0] = '\0';
	return buf;
}

char *date_stamp_text(const char *stamp, char between, char *buf, size_t size)
{
	if (stamp && strlen(stamp) > 19 && stamp[10] == 'T')
		snprintf(buf, size, "%.10s%c%.8s %s", stamp, between, stamp + 11, stamp + 19);
	else
		snprintf(buf, size, "%s", stamp ? stamp : "");
	return buf;
}
