/*
 * date.h - calendar dates and timestamps, the one place they are parsed and written.
 *
 * A date is an int yyyymmdd (20261120): comparable with <, >=, and exact. Answer files, policy
 * windows and the command line all spell dates YYYY-MM-DD; timestamps (an answer file's history)
 * are ISO 8601 with a UTC offset, "2026-11-20T10:31:02+08:00".
 *
 *     int day;
 *     if (!date_parse("2026-11-20", &day)) ...       // strict: real calendar days from 1900
 *     char buf[DATE_TEXT_MAX];
 *     puts(date_format(day, buf, sizeof buf));       // "2026-11-20"
 *
 * Nothing here allocates or keeps state; callers own every buffer.
 */
#ifndef ASSESS_DATE_H
#define ASSESS_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define DATE_TEXT_MAX 11  /* "YYYY-MM-DD" and its NUL */
#define DATE_STAMP_MAX 26 /* "YYYY-MM-DDTHH:MM:SS+hh:mm" and its NUL */

/* True for a real calendar day, years 1900..9999. */
bool date_valid(int year, int month, int day);
/* The same for a date as this module holds it, yyyymmdd. */
bool date_valid_day(int yyyymmdd);
/* Strict YYYY-MM-DD; false (and *yyyymmdd untouched) for anything else. */
bool date_parse(const char *text, int *yyyymmdd);
/*
 * A day as people type it: YYYY-MM-DD, YYYY/M/D or YYYY.M.D (one separator, months and days of
 * one or two digits) or YYYYMMDD; a real calendar day as for date_parse, else false.
 */
bool date_parse_typed(const char *text, int *yyyymmdd);
/* Writes "YYYY-MM-DD" into buf and returns buf. */
char *date_format(int yyyymmdd, char *buf, size_t size);
/* The local calendar day of t; false if the C library cannot say. */
bool date_of_time(time_t t, int *yyyymmdd);
/*
 * Days from 1970-01-01 to a day (negative before it), and back, in the proleptic Gregorian
 * calendar: plain arithmetic, so no time zone or C library setting enters. date_of_days may
 * give a year past 9999 (date_valid refuses it), up to what an int's yyyymmdd holds.
 */
long date_days(int yyyymmdd);
int date_of_days(long days);
/*
 * The day an Excel day number from 0 to 2958465 (9999-12-31 in the 1900 system) stands for. The
 * 1900 system counts a 1900-02-29 that never was (serial 60), so only serials from 61
 * (1900-03-01) on are days here. In the 1904 system (the workbook's date1904) day 0 is
 * 1904-01-01, so its last 1462 serials give years past 9999, left for date_valid to refuse.
 */
bool date_of_excel_serial(long serial, bool date1904, int *yyyymmdd);

/*
 * Strict "YYYY-MM-DDTHH:MM:SS" followed by "Z" or "+hh:mm"/"-hh:mm"; on success *t is the instant
 * and, if utc_offset is not NULL, *utc_offset the offset in seconds.
 */
bool date_parse_stamp(const char *text, time_t *t, int *utc_offset);
/* t in local time with its offset: "2026-11-20T10:31:02+08:00". Returns buf, "" on failure. */
char *date_format_stamp(time_t t, char *buf, size_t size);
/* t in local time to the minute, for a reader: "2026-11-20 10:31". Returns buf, "" on failure. */
char *date_format_minute(time_t t, char *buf, size_t size);
/*
 * A stamp laid out for a reader: "2026-11-20T10:31:02+08:00" as the day, `between` (a space,
 * or a newline in a narrow cell), then "10:31:02 +08:00". Text that is not laid out as a stamp
 * is written as it is, NULL as "". Returns buf.
 */
char *date_stamp_text(const char *stamp, char between, char *buf, size_t size);

#endif
