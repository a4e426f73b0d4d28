/*
 * gbcode.h - two national classification codes an answer file may carry, checked exactly:
 * the administrative division code (GB/T 2260, six digits: 350582 晋江市) and the industry
 * code (GB/T 4754-2017: a section letter and up to four digits, C34).
 *
 *     if (!gbcode_division_valid("350582", why, sizeof why)) ... why says what is wrong
 *     gbcode_division_covers("350500", "350582")   -> true: 泉州市 contains 晋江市
 *     gbcode_industry_section("C3421")            -> 'C' (manufacturing)
 *
 * Plain functions over strings; nothing is allocated.
 */
#ifndef ASSESS_GBCODE_H
#define ASSESS_GBCODE_H

#include "common/lang.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Six ASCII digits whose first two name a province-level division of GB/T 2260, and a
 * province (NN0000) or prefecture (NNNN00) code where the lower digits are zero. Otherwise
 * writes a short reason in `lang` into why (if not NULL).
 */
bool gbcode_division_check(const char *code, qn_lang lang, char *why, size_t why_size);
/* gbcode_division_check with an English reason (for answer files and policies). */
bool gbcode_division_valid(const char *code, char *why, size_t why_size);
/*
 * Whether the division `area` contains `code` (both valid): a province NN0000 holds every
 * NNxxxx, a prefecture NNNN00 every NNNNxx (its districts and county-level cities), any
 * other code only itself.
 */
bool gbcode_division_covers(const char *area, const char *code);

/*
 * A section letter A-T, optionally followed by a division (2 digits), a group (3) or a class
 * (4) whose first two digits belong to that section (C: 13-43). Otherwise a reason in `lang`
 * in why.
 */
bool gbcode_industry_check(const char *code, qn_lang lang, char *why, size_t why_size);
/* gbcode_industry_check with an English reason. */
bool gbcode_industry_valid(const char *code, char *why, size_t why_size);
/* The section letter of a valid industry code ('C'), or '\0'. */
char gbcode_industry_section(const char *code);

#endif
