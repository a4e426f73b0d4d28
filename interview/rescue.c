/*
 * Copies that keep what would otherwise be lost: the answers still in memory when the answer
 * file cannot be saved at the end (a full disk, a read-only or vanished folder: #10.4), and an
 * old file that --force starts over. Each goes to a new file, never over an existing one.
 */
#include "config.h"
#include "interview/internal.h"

#include <stdlib.h>
#include <string.h>
#include "common/atomicfile.h"
#include "common/text.h"

#define COPY_TRIES 99 /* acme.rescue-1.json ... acme.rescue-99.json */

/* "dir/acme.json" -> dir "dir/" (with its slash; "" for none), stem "acme". */
static void split_path(const char *path, char *dir, size_t dir_size, char *stem, size_t stem_size)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	snprintf(dir, dir_size, "%.*s", slash ? (int)(slash - path + 1) : 0, path);
	size_t n = strlen(base);
	if (text_has_extension(base, ".json"))
		n -= strlen(".json");
	snprintf(stem, stem_size, "%.*s", (int)n, base);
}

/* The first free STEM.KIND-N.json in dir ("" or ending in '/'). */
static assess_code copy_in(const char *dir, const char *stem, const char *kind, const char *data,
			   size_t len, char *where, size_t size, assess_error *err)
{
	assess_code rc = ASSESS_ERR_CANTCREAT;
	for (int n = 1; n <= COPY_TRIES; n++) {
		if ((size_t)snprintf(where, size, "%s%s.%s-%d.json", dir, stem, kind, n) >= size)
			return assess_fail(err, ASSESS_ERR_CANTCREAT, dir, 0, 0, "path too long");
		rc = atomicfile_write(where, data, len, 0, err);
		if (rc != ASSESS_ERR_EXISTS)
			return rc;
	}
	return rc;
}

assess_code interview_keep_copy(const char *path, const char *kind, const char *home,
				const char *data, size_t len, char *where, size_t size,
				assess_error *err)
{
	char dir[4096], stem[1024];
	split_path(path, dir, sizeof dir, stem, sizeof stem);
	assess_code rc = copy_in(dir, stem, kind, data, len, where, size, err);
	if (rc != ASSESS_OK && home && *home) {
		size_t n = strlen(home);
		snprintf(dir, sizeof dir, "%s%s", home, home[n - 1] == '/' ? "" : "/");
		rc = copy_in(dir, stem, kind, data, len, where, size, err);
	}
	if (rc != ASSESS_OK && size)
		where[0] = '\0';
	return rc;
}

assess_code interview_rescue(interview *iv, const char *home, char *where, size_t size,
			     assess_error *err)
{
	char *json = answers_to_json(iv->a);
	if (!json) {
		if (size)
			where[0] = '\0';
		return assess_nomem(err, iv->path);
	}
	assess_code rc =
		interview_keep_copy(iv->path, "rescue", home, json, strlen(json), where, size, err);
	free(json);
	return rc;
}
