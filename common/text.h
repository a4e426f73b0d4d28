/*
 * text.h - UTF-8 checks, positions and display width for Chinese text, and the few string
 * tests the modules share, with the folder of a file's path.
 */
#ifndef ASSESS_TEXT_H
#define ASSESS_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/*
 * Returns true if buf[0..len) is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
 * Otherwise sets *bad_offset to the first offending byte.
 */
bool text_utf8_valid(const char *buf, size_t len, size_t *bad_offset);
/*
 * 1-based line and column (in characters) of a byte offset; buf holds at least offset bytes.
 * A NUL is a character like any other: cJSON steps over a raw one between tokens, so an error
 * after it is still placed where it is.
 */
void text_position(const char *buf, size_t offset, int *line, int *column);
/* Columns a terminal uses for s: 2 for CJK and full-width characters, 1 otherwise. */
size_t text_display_width(const char *s);
/* The same for one code point: 0 for a control or a combining mark, 2 when wide, else 1. */
size_t text_codepoint_width(unsigned long cp);
/* Decodes one code point at *s and advances it; returns 0xFFFD for a bad sequence. */
unsigned long text_next_codepoint(const char **s);

/*
 * Where a character starts and ends, for cutting text to fit, not for checking it (that is
 * text_utf8_valid): a byte 10xxxxxx continues a character, any other starts one.
 */
static inline bool text_continues(unsigned char b) { return (b & 0xC0) == 0x80; }
/*
 * Bytes of the character a lead byte starts, by its high bits: 1 for ASCII and for a byte that
 * starts none (a stray continuation byte counts as a character of its own), else 2 to 4.
 */
static inline size_t text_char_len(unsigned char lead)
{
	return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}
/*
 * Bytes of the longest prefix of s of at most max bytes that ends between two characters: a
 * character that max, or the end of s, cuts short is left out whole (snprintf cuts bytes).
 */
size_t text_prefix_bytes(const char *s, size_t max);
/*
 * Bytes of the first max characters of s, or of all of s when it has fewer; *chars (when not
 * NULL) is how many characters that is. Continuation bytes belong to the character before them.
 */
size_t text_prefix_chars(const char *s, size_t max, size_t *chars);

/*
 * Text from data as it may reach a terminal: control characters (C0, DEL, and C1 such as
 * U+009B, which some terminals take for CSI) and bytes that are not UTF-8 written as \n, \t,
 * \r, \xNN or \u00NN, so that a name or a value can neither start a line of its own (a forged
 * "assess: ... ok") nor send an escape sequence. Every printed error and every data field in
 * text output goes through one of these.
 * text_escape copies into out (size bytes, always terminated, cut before a character that does
 * not fit whole) and returns out; text_fputs_escaped writes to f, EOF on a write error.
 */
char *text_escape(const char *s, char *out, size_t size);
int text_fputs_escaped(const char *s, FILE *f);
/*
 * fprintf for text output whose format is the program's and whose %s arguments are data:
 * each %s is written as text_fputs_escaped writes it (its width and precision apply: the
 * precision to the bytes before escaping, the width to what is written). Takes %s, %c, %%
 * and the integer conversions (d i o u x X with hh h l ll z j t, * widths); nothing else.
 * 0, or EOF on a write error.
 */
int text_vfprintf_escaped(FILE *f, const char *fmt, va_list ap);
int text_fprintf_escaped(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The value of the n decimal digits at s (n at most 9), or -1 when one of them is not a digit. */
int text_digits(const char *s, size_t n);
/* s ends with suffix (compared as strcmp compares); false for a NULL s. */
bool text_ends_with(const char *s, const char *suffix);
/*
 * A file name ends with the extension ext (".xml") after at least one character of its own:
 * ".xml" alone is a hidden file's name, not an XML file's.
 */
bool text_has_extension(const char *name, const char *ext);
/* The same in any case ("A.JSON" is a ".json"), for the names people give their own files. */
bool text_has_extension_anycase(const char *name, const char *ext);
/*
 * The folder a file's path is in, as the first *len bytes of the text returned (a part of path,
 * or a literal): what comes before the last '/', "/" for a file at the root and "." for a name
 * without a folder. Nothing is copied, so no path is too long for it.
 */
const char *text_path_folder(const char *path, size_t *len);
/*
 * Appends printf-formatted text to the text in buf (size bytes), which is *used bytes long,
 * and never writes past its end. True when all of it fitted; *used is then the new length.
 * Otherwise what fits is kept, cut between two characters (snprintf cuts bytes), buf stays
 * terminated, *used becomes size and every later append to it adds nothing: a list is never
 * cut and then carried on. *used >= size on entry means a full buffer, so the arithmetic
 * cannot wrap whatever the caller's sums did.
 */
bool text_appendf(char *buf, size_t size, size_t *used, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
bool text_vappendf(char *buf, size_t size, size_t *used, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
/* "dir/name" into buf; false when it does not fit (buf then holds what did, cut). */
bool text_path_join(char *buf, size_t size, const char *dir, const char *name);

/*
 * strcmp(a, b) == 0, settled without a call for the short ids, codes and keys that most
 * comparisons in a loader are about ("F1", "S03", "B", "name").
 */
static inline bool text_equal(const char *a, const char *b)
{
	for (int i = 0; i < 4; i++) {
		if (a[i] != b[i])
			return false;
		if (!a[i])
			return true;
	}
	return strcmp(a + 4, b + 4) == 0;
}

#endif
