#include "config.h"
#include "common/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Reads f to its end. The buffer grows to at most max_bytes + 1, so a file of exactly
 * max_bytes is read whole and one byte more is seen and refused.
 */
static char *read_stream(FILE *f, const char *path, size_t max_bytes, size_t *len,
			 assess_error *err)
{
	size_t cap = 8192 < max_bytes + 1 ? 8192 : max_bytes + 1, n = 0;
	char *buf = malloc(cap + 1);
	if (!buf) {
		assess_nomem(err, path);
		return NULL;
	}
	for (;;) {
		if (n == cap) {
			if (cap > max_bytes) {
				assess_fail(err, ASSESS_ERR_DATA, path, 0, 0,
					    "file is larger than the limit of %zu bytes",
					    max_bytes);
				break;
			}
			size_t bigger = cap * 2 < max_bytes + 1 ? cap * 2 : max_bytes + 1;
			char *grown = realloc(buf, bigger + 1);
			if (!grown) {
				assess_nomem(err, path);
				break;
			}
			buf = grown;
			cap = bigger;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			if (!ferror(f)) {
				buf[n] = '\0';
				if (len)
					*len = n;
				return buf;
			}
			assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "read failed: %s",
				    strerror(errno));
			break;
		}
	}
	free(buf);
	return NULL;
}

char *readfile_all(const char *path, size_t max_bytes, size_t *len, assess_error *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		assess_cannot_open(err, path, errno);
		return NULL;
	}
	char *buf = read_stream(f, path, max_bytes, len, err);
	if (!is_stdin)
		fclose(f);
	return buf;
}

char *readfile_regular(const char *path, size_t max_bytes, size_t *len, assess_error *err)
{
	/*
	 * O_NONBLOCK: opening a FIFO must not wait for a writer (it stalled a whole stream);
	 * fstat on what was opened, not the name, so nothing can be swapped in between.
	 */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		assess_cannot_open(err, path, errno);
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		assess_fail(err, ASSESS_ERR_NOINPUT, path, 0, 0,
			    "not a regular file (a device, FIFO or folder is never read)");
		close(fd);
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		assess_nomem(err, path);
		close(fd);
		return NULL;
	}
	char *buf = read_stream(f, path, max_bytes, len, err);
	fclose(f);
	return buf;
}
