/*
 * When the answer file cannot be saved at the end (a full disk, a read-only or vanished
 * folder), the answers still in memory go to a new file beside it or in the home folder, so
 * that nothing typed is lost however the session ends (#10.4).
 */
#include "config.h"
#include "interview/internal.h"

#include <stdlib.h>
#include <string.h>

#define RESCUE_TRIES 99 /* acme.rescue-1.json ... acme.rescue-99.json */

/* "dir/acme.json" -> dir "dir", stem "acme". */
static void split_path(const char *path, char *dir, size_t dir_size, char *stem, size_t stem_size)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	if (!slash)
		snprintf(dir, dir_size, ".");
	else if (slash == path)
		snprintf(dir, dir_size, "/");
	else
		snprintf(dir, dir_size, "%.*s", (int)(slash - path), path);
	size_t n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".json") == 0)
		n -= 5;
	snprintf(stem, stem_size, "%.*s", (int)n, base);
}

/* The first free STEM.rescue-N.json in dir; never replaces a file. */
static assess_code rescue_in(const interview *iv, const char *dir, const char *stem, char *where,
			     size_t size, assess_error *err)
{
	assess_code rc = ASSESS_ERR_CANTCREAT;
	for (int n = 1; n <= RESCUE_TRIES; n++) {
		if ((size_t)snprintf(where, size, "%s/%s.rescue-%d.json", dir, stem, n) >= size)
			return assess_fail(err, ASSESS_ERR_CANTCREAT, dir, 0, 0, "path too long");
		rc = answers_save(iv->a, where, 0, err);
		if (rc != ASSESS_ERR_EXISTS)
			return rc;
	}
	return rc;
}

assess_code interview_rescue(interview *iv, const char *home, char *where, size_t size,
			     assess_error *err)
{
	char dir[4096], stem[1024];
	split_path(iv->path, dir, sizeof dir, stem, sizeof stem);
	assess_code rc = rescue_in(iv, dir, stem, where, size, err);
	if (rc != ASSESS_OK && home && *home)
		rc = rescue_in(iv, home, stem, where, size, err);
	if (rc != ASSESS_OK && size)
		where[0] = '\0';
	return rc;
}
