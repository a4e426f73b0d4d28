/*
 * zlib-baseline: the least any xlsx writer must spend, compressing the workbook's own bytes.
 *
 *     zlib-baseline [-n WORKBOOKS] [-r ROUNDS] PART-FILE...
 *
 * Reads the uncompressed parts of a workbook (unzipped by run.sh) and deflates each of them as
 * a zip entry is deflated (raw deflate, default level, the settings of libxlsxwriter's minizip),
 * WORKBOOKS times per round, and prints the median time per workbook. No XML is generated and
 * nothing is written: this is the floor that report_write() is compared with.
 */
#include "config.h"
#include "bench/common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	rewind(f);
	unsigned char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static volatile unsigned long checksum; /* keeps the crc from being optimized away */

/* Deflates one part with a fresh stream, as the zip writer does per entry; returns bytes out. */
static size_t deflate_part(const unsigned char *in, size_t len, unsigned char *out, size_t cap)
{
	z_stream z = {0};
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)len;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	size_t n = z.total_out;
	deflateEnd(&z);
	/* The zip writer checksums every entry too. */
	checksum ^= crc32(0, in, (uInt)len);
	return n;
}

int main(int argc, char **argv)
{
	int n = 50, rounds = 7;
	bench_tune_allocator();
	if (!bench_options(argc, argv, &n, &rounds))
		return 64;
	int parts = argc - optind;
	if (parts < 1 || n < 1 || rounds < 1 || rounds > 1000) {
		fprintf(stderr, "usage: zlib-baseline [-n WORKBOOKS] [-r ROUNDS] PART-FILE...\n");
		return 64;
	}
	unsigned char **data = calloc((size_t)parts, sizeof *data);
	size_t *len = calloc((size_t)parts, sizeof *len), total = 0, packed = 0, cap = 0;
	for (int i = 0; i < parts; i++) {
		data[i] = slurp(argv[optind + i], &len[i]);
		if (!data[i]) {
			perror(argv[optind + i]);
			return 66;
		}
		total += len[i];
		if (compressBound(len[i]) > cap)
			cap = compressBound(len[i]);
	}
	unsigned char *out = malloc(cap + 64);
	double times[1000];
	for (int r = -1; r < rounds; r++) { /* round -1 warms up */
		double t0 = bench_now();
		for (int k = 0; k < n; k++)
			for (int i = 0; i < parts; i++)
				packed = deflate_part(data[i], len[i], out, cap + 64);
		if (r >= 0)
			times[r] = bench_now() - t0;
	}
	(void)packed;
	qsort(times, (size_t)rounds, sizeof *times, bench_cmp_double);
	printf("zlib only: %d parts, %zu bytes, %d workbooks x %d rounds: median %.3f ms per "
	       "workbook (rounds %.3f-%.3f ms)\n",
	       parts, total, n, rounds, times[rounds / 2] / n * 1e3, times[0] / n * 1e3,
	       times[rounds - 1] / n * 1e3);
	for (int i = 0; i < parts; i++)
		free(data[i]);
	free(data);
	free(len);
	free(out);
	return 0;
}
