#include "config.h"
#include "common/readfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *readfile_all(const char *path, size_t max_bytes, size_t *len, assess_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		assess_fail(err, errno == ENOENT || errno == EACCES ? ASSESS_ERR_NOINPUT : ASSESS_ERR_IO,
			    path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	size_t cap = 8192, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n + 1 >= cap) {
			char *bigger = cap * 2 > max_bytes + 2 ? NULL : realloc(buf, cap * 2);
			if (!bigger) {
				if (cap * 2 > max_bytes + 2)
					assess_fail(err, ASSESS_ERR_DATA, path, 0, 0,
						    "file is larger than %zu bytes", max_bytes);
				else
					assess_fail(err, ASSESS_ERR_NOMEM, path, 0, 0, "out of memory");
				free(buf);
				buf = NULL;
				break;
			}
			buf = bigger;
			cap *= 2;
		}
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (got == 0) {
			if (ferror(f)) {
				assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "read failed: %s",
					    strerror(errno));
				free(buf);
				buf = NULL;
			}
			break;
		}
	}
	if (!is_stdin)
		fclose(f);
	if (!buf) {
		if (err && err->code == ASSESS_OK)
			assess_fail(err, ASSESS_ERR_NOMEM, path, 0, 0, "out of memory");
		return NULL;
	}
	buf[n] = '\0';
	if (len)
		*len = n;
	return buf;
}
