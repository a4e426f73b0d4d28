/*
 * cjson-floor: what reading an NDJSON stream costs with cJSON alone - each line through
 * cJSON_ParseWithLength + cJSON_Delete, nothing else. It was the floor of `assess score
 * --ndjson` while every line went through cJSON; now common/fastjson reads plain lines into
 * reused memory, and the comparison shows what that bought.
 *
 *     cjson-floor FILE.ndjson      prints lines, seconds, lines per second
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	char *line = NULL;
	size_t cap = 0, n = 0, bad = 0;
	ssize_t len;
	struct timespec a, b;
	if (!f) {
		fprintf(stderr, "usage: cjson-floor FILE.ndjson\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	while ((len = getline(&line, &cap, f)) > 0) {
		cJSON *j = cJSON_ParseWithLength(line, (size_t)len);
		bad += j == NULL;
		cJSON_Delete(j);
		n++;
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	printf("%zu lines (%zu not JSON) in %.3f s: %.0f lines/s\n", n, bad, s, (double)n / s);
	free(line);
	fclose(f);
	return 0;
}
