/*
 * sha256.h - SHA-256 (FIPS 180-4), so a report can name the exact answer file it came from.
 */
#ifndef ASSESS_SHA256_H
#define ASSESS_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* Writes the lower-case hex digest of data[0..len) and a NUL into out. */
void sha256_hex(const void *data, size_t len, char out[65]);

#endif
