/*
 * decimal.h - exact decimal numbers held as integers.
 *
 * Points are kept in thousandths (7.5 points = 7500) and money in whole yuan, so that sums and
 * threshold comparisons are exact: 60 is never 59.999. Text is only converted at the edges:
 * parsing definitions and printing results.
 */
#ifndef ASSESS_DECIMAL_H
#define ASSESS_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DECIMAL_MILLI 1000

/*
 * Parses "7.5", "0.7", "1.875", "-3", "20" into thousandths. At most three decimals, no
 * exponent, no spaces; returns false (and leaves *out alone) for anything else or overflow.
 */
bool decimal_parse_milli(const char *text, int64_t *out);
/* Parses a non-negative decimal with up to `scale` decimals into an integer scaled by 10^scale. */
bool decimal_parse_scaled(const char *text, int scale, int64_t *out);

/* Writes thousandths as the shortest exact decimal: 60000 -> "60", 6500 -> "6.5", 59999 -> "59.999". */
char *decimal_format_milli(int64_t milli, char *buf, size_t size);
/* Writes whole yuan with thousands separators: 1234567 -> "1,234,567". */
char *decimal_format_yuan(int64_t yuan, char *buf, size_t size);
/* Thousandths as a double, only for places that need one (JSON numbers, spreadsheet cells). */
double decimal_milli_to_double(int64_t milli);

#endif
