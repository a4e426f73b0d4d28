/*
 * sha256.h - SHA-256 (FIPS 180-4), so a report can name the exact answer file it came from.
 */
#ifndef ASSESS_SHA256_H
#define ASSESS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* Writes the lower-case hex digest of data[0..len) and a NUL into out. */
void sha256_hex(const void *data, size_t len, char out[65]);

/* The same digest of data given in pieces (a file read in blocks); the caller owns the context. */
typedef struct sha256_ctx {
	uint32_t h[8];
	unsigned char buf[64];
	size_t n;       /* bytes in buf */
	uint64_t total; /* bytes so far */
} sha256_ctx;
void sha256_init(sha256_ctx *c);
void sha256_update(sha256_ctx *c, const void *data, size_t len);
void sha256_final_hex(sha256_ctx *c, char out[65]);

#endif
