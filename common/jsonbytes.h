/*
 * jsonbytes.h - the bytes a JSON string cannot hold as they are, found eight at a time.
 *
 * Reading a string (common/fastjson.c) and writing one (common/textbuf.c) both walk text that
 * is mostly plain, looking for a quote, a backslash or a control character. Testing eight
 * bytes in one 64-bit word makes that walk several times cheaper than a byte loop.
 */
#ifndef ASSESS_JSONBYTES_H
#define ASSESS_JSONBYTES_H

#include <stdint.h>
#include <string.h>

#define JSONBYTES_ONES 0x0101010101010101ULL
#define JSONBYTES_HIGH 0x8080808080808080ULL

/*
 * The eight bytes at p, which must all be readable, as a little-endian word: byte i of the
 * text is byte i of the word on every machine (configure's AC_C_BIGENDIAN tells which).
 */
static inline uint64_t jsonbytes_load8(const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
#ifdef WORDS_BIGENDIAN
	w = __builtin_bswap64(w);
#endif
	return w;
}

/*
 * Flags (the high bit of each byte) the bytes of w that are a quote, a backslash or below
 * 0x20. Only the lowest flag is exact: a borrow may flag a byte above it, never below.
 */
static inline uint64_t jsonbytes_stops(uint64_t w)
{
	uint64_t quote = w ^ (JSONBYTES_ONES * '"'), backslash = w ^ (JSONBYTES_ONES * '\\');
	return ((quote - JSONBYTES_ONES) & ~quote & JSONBYTES_HIGH) |
	       ((backslash - JSONBYTES_ONES) & ~backslash & JSONBYTES_HIGH) |
	       ((w - JSONBYTES_ONES * 0x20) & ~w & JSONBYTES_HIGH);
}

/* The index of the first flagged byte of a non-zero flags word. */
static inline unsigned jsonbytes_first(uint64_t flags)
{
	return (unsigned)__builtin_ctzll(flags) / 8;
}

#endif
