#include "config.h"
#include "common/atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct atomicfile {
	char *target;
	char *tmp;
	FILE *stream;
	unsigned flags;
};

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

atomicfile *atomicfile_begin(const char *path, unsigned flags, assess_error *err)
{
	atomicfile *af = calloc(1, sizeof *af);
	char *dir = dir_of(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!af || !dir)
		goto nomem;
	if (!*base) {
		assess_fail(err, ASSESS_ERR_USAGE, path, 0, 0, "output path names a folder, not a file");
		goto fail;
	}
	if (!(flags & ATOMICFILE_REPLACE) && access(path, F_OK) == 0) {
		assess_fail(err, ASSESS_ERR_EXISTS, path, 0, 0,
			    "file exists; give --force to replace it");
		goto fail;
	}
	af->flags = flags;
	af->target = strdup(path);
	size_t n = strlen(dir) + strlen(base) + 16;
	af->tmp = malloc(n);
	if (!af->target || !af->tmp)
		goto nomem;
	snprintf(af->tmp, n, "%s/.%s.XXXXXX", dir, base);
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0, "cannot create a file in %s: %s",
			    dir, strerror(errno));
		free(af->tmp);
		af->tmp = NULL;
		goto fail;
	}
	/* mkstemp makes 0600; an output file should get the usual umask-derived mode. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	af->stream = fdopen(fd, "wb");
	if (!af->stream) {
		close(fd);
		goto nomem;
	}
	free(dir);
	return af;
nomem:
	assess_fail(err, ASSESS_ERR_NOMEM, path, 0, 0, "out of memory");
fail:
	free(dir);
	atomicfile_abort(af);
	return NULL;
}

FILE *atomicfile_stream(atomicfile *af)
{
	return af->stream;
}

const char *atomicfile_tmppath(const atomicfile *af)
{
	return af->tmp;
}

void atomicfile_close_stream(atomicfile *af)
{
	if (af->stream)
		fclose(af->stream);
	af->stream = NULL;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* link() is refused by file systems without hard links: FAT and exFAT USB sticks, some shares. */
static bool no_hard_links(int e)
{
	return e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == ENOSYS;
}

/*
 * Without REPLACE, link() refuses to clobber a target that appeared since begin. Where there
 * are no hard links, a look just before rename() is the best left: the window is that short.
 */
static int publish(atomicfile *af)
{
	if (af->flags & ATOMICFILE_REPLACE)
		return rename(af->tmp, af->target);
	if (link(af->tmp, af->target) == 0) {
		unlink(af->tmp);
		return 0;
	}
	if (!no_hard_links(errno))
		return -1;
	struct stat st;
	if (lstat(af->target, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(af->tmp, af->target);
}

assess_code atomicfile_commit(atomicfile *af, assess_error *err)
{
	assess_code rc = ASSESS_OK;
	if (af->stream) {
		int bad = ferror(af->stream) || fflush(af->stream) != 0 ||
			  fsync(fileno(af->stream)) != 0;
		bad |= fclose(af->stream) != 0;
		af->stream = NULL;
		if (bad)
			rc = assess_fail(err, ASSESS_ERR_IO, af->target, 0, 0, "write failed: %s",
					 strerror(errno));
	} else if (fsync_path(af->tmp, O_RDONLY) != 0) {
		rc = assess_fail(err, ASSESS_ERR_IO, af->target, 0, 0, "cannot sync: %s",
				 strerror(errno));
	}
	if (rc == ASSESS_OK && publish(af) != 0)
		rc = assess_fail(err, errno == EEXIST ? ASSESS_ERR_EXISTS : ASSESS_ERR_CANTCREAT,
				 af->target, 0, 0, "cannot put the file in place: %s",
				 strerror(errno));
	if (rc == ASSESS_OK) {
		char *dir = dir_of(af->target);
		if (dir)
			fsync_path(dir, O_RDONLY | O_DIRECTORY);
		free(dir);
		free(af->tmp);
		af->tmp = NULL;
	}
	atomicfile_abort(af);
	return rc;
}

void atomicfile_abort(atomicfile *af)
{
	if (!af)
		return;
	if (af->stream)
		fclose(af->stream);
	if (af->tmp)
		unlink(af->tmp);
	free(af->tmp);
	free(af->target);
	free(af);
}

assess_code atomicfile_write(const char *path, const void *data, size_t len, unsigned flags,
			     assess_error *err)
{
	atomicfile *af = atomicfile_begin(path, flags, err);
	if (!af)
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	if (len && fwrite(data, 1, len, af->stream) != len) {
		atomicfile_abort(af);
		return assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "write failed: %s",
				   strerror(errno));
	}
	return atomicfile_commit(af, err);
}
