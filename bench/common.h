/*
 * bench/common.h - what the benchmark programs share: a clock, the order for a median, and the
 * allocator settings `assess` runs with (assess/main.c), so that each program times what the
 * tool itself would do; and the two options most of them take.
 */
#ifndef ASSESS_BENCH_COMMON_H
#define ASSESS_BENCH_COMMON_H

#include <stdbool.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif

static inline double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* For qsort over doubles, before reading a median. */
static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/*
 * As assess/main.c sets them: zlib's per-stream window and hash tables would otherwise be
 * mapped and unmapped for every part of a workbook.
 */
static inline void bench_tune_allocator(void)
{
#ifdef HAVE_MALLOPT
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
#endif
}

/* -n COUNT and -r ROUNDS into *n and *rounds; false on any other option (exit 64 then). */
static inline bool bench_options(int argc, char **argv, int *n, int *rounds)
{
	int ch;
	while ((ch = getopt(argc, argv, "n:r:")) != -1) {
		if (ch == 'n')
			*n = atoi(optarg);
		else if (ch == 'r')
			*rounds = atoi(optarg);
		else
			return false;
	}
	return true;
}

#endif
