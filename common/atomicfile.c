#include "config.h"
#include "common/atomicfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "common/text.h"

#define BY_NAME_ENTRY ATOMICFILE_BY_NAME_ENTRY
/* Bytes of the target's name kept in a temporary name: room for ".", ".XXXXXX" in NAME_MAX. */
#define TMP_BASE_MAX 64
/* A private folder younger than this may be one whose creator has not locked it yet. */
#define SWEEP_MIN_AGE 60

struct atomicfile {
	char *target;
	char *tmp;
	char *dir;   /* the private folder (ATOMICFILE_BY_NAME), else NULL */
	int lock_fd; /* holds dir's lock; -1 when none */
	FILE *stream;
	unsigned flags;
	int mode; /* the replaced file's mode, -1 for a new file */
};

static const char *const by_name_entries[] = {BY_NAME_ENTRY, NULL};

static char *dir_of(const char *path)
{
	size_t n;
	const char *dir = text_path_folder(path, &n);
	return strndup(dir, n);
}

assess_code atomicfile_check_target(const char *path, unsigned flags, int *mode, assess_error *err)
{
	struct stat st;
	*mode = -1;
	if (lstat(path, &st) != 0)
		return errno == ENOENT
			       ? ASSESS_OK
			       : assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0,
					     "cannot check the output: %s", strerror(errno));
	if (!(flags & ATOMICFILE_REPLACE))
		return assess_fail(err, ASSESS_ERR_EXISTS, path, 0, 0,
				   "file exists; give --force to replace it");
	/* Replacing a link, a device or a FIFO would write somewhere the user did not name. */
	if (!S_ISREG(st.st_mode))
		return assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0,
				   "not a regular file (%s); --force replaces regular files only",
				   S_ISLNK(st.st_mode)                          ? "a symbolic link"
				   : S_ISDIR(st.st_mode)                        ? "a folder"
				   : S_ISFIFO(st.st_mode)                       ? "a FIFO"
				   : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
										: "a special file");
	*mode = (int)(st.st_mode & 07777);
	return ASSESS_OK;
}

char *atomicfile_private_dir(const char *parent, const char *prefix, int *lock_fd)
{
	size_t n = strlen(parent) + strlen(prefix) + 8;
	char *dir = malloc(n);
	*lock_fd = -1;
	if (!dir) {
		errno = ENOMEM;
		return NULL;
	}
	snprintf(dir, n, "%s/%sXXXXXX", parent, prefix);
	if (!mkdtemp(dir)) {
		free(dir);
		return NULL;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		rmdir(dir);
		free(dir);
		errno = e;
		return NULL;
	}
	*lock_fd = fd;
	return dir;
}

static void remove_entries(const char *dir, const char *const *entries)
{
	char path[4096];
	for (; entries && *entries; entries++)
		if (text_path_join(path, sizeof path, dir, *entries))
			unlink(path);
}

void atomicfile_private_dir_remove(char *dir, int lock_fd, const char *const *entries)
{
	if (dir) {
		remove_entries(dir, entries);
		rmdir(dir);
	}
	if (lock_fd >= 0)
		close(lock_fd);
	free(dir);
}

/* One candidate of atomicfile_sweep: ours, old enough, and its lock free. */
static void sweep_one(const char *dir, const char *const *entries)
{
	struct stat st;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && st.st_uid == geteuid() &&
	    st.st_mtime + SWEEP_MIN_AGE < time(NULL) && flock(fd, LOCK_EX | LOCK_NB) == 0) {
		remove_entries(dir, entries);
		rmdir(dir); /* fails, keeping the folder, when anything else is in it */
	}
	close(fd);
}

void atomicfile_sweep(const char *parent, const char *prefix, const char *const *entries)
{
	DIR *d = opendir(parent);
	struct dirent *e;
	char path[4096];
	if (!d)
		return;
	size_t plen = strlen(prefix);
	while ((e = readdir(d)))
		if (strncmp(e->d_name, prefix, plen) == 0 && strlen(e->d_name) == plen + 6 &&
		    text_path_join(path, sizeof path, parent, e->d_name))
			sweep_one(path, entries);
	closedir(d);
}

static bool ascii_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* Whether name is "." NAME suffix "." and six letters or digits (mkstemp's), NAME not empty. */
static bool stale_name(const char *name, const char *suffix)
{
	size_t n = strlen(name), slen = strlen(suffix);
	if (name[0] != '.' || n < 1 + 1 + slen + 7)
		return false;
	const char *tail = name + n - 7;
	if (tail[0] != '.' || strncmp(tail - slen, suffix, slen) != 0)
		return false;
	for (int i = 1; i < 7; i++)
		if (!ascii_alnum(tail[i]))
			return false;
	return true;
}

/* One candidate of atomicfile_sweep_stale: a regular file of ours, unchanged long enough. */
static void sweep_stale_one(int dfd, const char *name, int min_age)
{
	struct stat st, now;
	/* Looked at before it is opened: opening a device can do something. */
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_uid != geteuid())
		return;
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return;
	/* What was opened is what was looked at, and the name still names it at the unlink. */
	if (fstat(fd, &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino &&
	    now.st_mtime + min_age < time(NULL) && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    fstatat(dfd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_dev == st.st_dev &&
	    now.st_ino == st.st_ino)
		unlinkat(dfd, name, 0);
	close(fd);
}

void atomicfile_sweep_stale(const char *parent, const char *suffix, int min_age)
{
	DIR *d = opendir(parent);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d)))
		if (stale_name(e->d_name, suffix))
			sweep_stale_one(dirfd(d), e->d_name, min_age);
	closedir(d);
}

/* mkstemp makes 0600; an output file gets the mode it replaces or the umask-derived one. */
static mode_t new_mode(const atomicfile *af)
{
	if (af->mode >= 0)
		return (mode_t)af->mode;
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

static bool begin_by_name(atomicfile *af, const char *dir)
{
	af->dir = atomicfile_private_dir(dir, ATOMICFILE_DIR_PREFIX, &af->lock_fd);
	if (!af->dir)
		return false;
	size_t n = strlen(af->dir) + sizeof BY_NAME_ENTRY + 1;
	if (!(af->tmp = malloc(n))) {
		errno = ENOMEM;
		return false;
	}
	snprintf(af->tmp, n, "%s/%s", af->dir, BY_NAME_ENTRY);
	return true;
}

static bool begin_stream(atomicfile *af, const char *dir, const char *base)
{
	size_t n = strlen(dir) + TMP_BASE_MAX + 16;
	if (!(af->tmp = malloc(n))) {
		errno = ENOMEM;
		return false;
	}
	snprintf(af->tmp, n, "%s/.%.*s.XXXXXX", dir, (int)text_prefix_bytes(base, TMP_BASE_MAX),
		 base);
	int fd = mkstemp(af->tmp);
	if (fd < 0) {
		int e = errno;
		free(af->tmp);
		af->tmp = NULL;
		errno = e;
		return false;
	}
	fchmod(fd, new_mode(af));
	if (!(af->stream = fdopen(fd, "wb"))) {
		close(fd);
		errno = ENOMEM;
		return false;
	}
	return true;
}

atomicfile *atomicfile_begin(const char *path, unsigned flags, assess_error *err)
{
	atomicfile *af = calloc(1, sizeof *af);
	/* Before anything can fail: abort closes lock_fd, and calloc's 0 is standard input. */
	if (af)
		af->lock_fd = -1;
	char *dir = dir_of(path);
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!af || !dir)
		goto nomem;
	af->flags = flags;
	if (!*base) {
		assess_fail(err, ASSESS_ERR_USAGE, path, 0, 0,
			    "output path names a folder, not a file");
		goto fail;
	}
	if (atomicfile_check_target(path, flags, &af->mode, err) != ASSESS_OK)
		goto fail;
	if (!(af->target = strdup(path)))
		goto nomem;
	bool ok = flags & ATOMICFILE_BY_NAME ? begin_by_name(af, dir) : begin_stream(af, dir, base);
	if (!ok) {
		if (errno == ENOMEM)
			goto nomem;
		assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0, "cannot create a file in %s: %s",
			    dir, strerror(errno));
		goto fail;
	}
	free(dir);
	return af;
nomem:
	assess_nomem(err, path);
fail:
	free(dir);
	atomicfile_abort(af);
	return NULL;
}

FILE *atomicfile_stream(atomicfile *af) { return af->stream; }

const char *atomicfile_tmppath(const atomicfile *af) { return af->tmp; }

void atomicfile_close_stream(atomicfile *af)
{
	if (af->stream)
		fclose(af->stream);
	af->stream = NULL;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
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

/* Flushes what was written; a file written by name is made durable and given its mode. */
static assess_code finish_data(atomicfile *af, assess_error *err)
{
	if (af->stream) {
		int bad = ferror(af->stream) || fflush(af->stream) != 0 ||
			  fsync(fileno(af->stream)) != 0;
		bad |= fclose(af->stream) != 0;
		af->stream = NULL;
		return bad ? assess_fail(err, ASSESS_ERR_IO, af->target, 0, 0, "write failed: %s",
					 strerror(errno))
			   : ASSESS_OK;
	}
	if (fsync_path(af->tmp, O_RDONLY | O_NOFOLLOW) != 0)
		return assess_fail(err, ASSESS_ERR_IO, af->target, 0, 0, "cannot sync: %s",
				   strerror(errno));
	if ((af->dir || af->mode >= 0) && chmod(af->tmp, new_mode(af)) != 0)
		return assess_fail(err, ASSESS_ERR_IO, af->target, 0, 0, "cannot set the mode: %s",
				   strerror(errno));
	return ASSESS_OK;
}

assess_code atomicfile_commit(atomicfile *af, assess_error *err)
{
	int mode;
	assess_code rc = finish_data(af, err);
	/* What is at the target may have changed while the data was written. */
	if (rc == ASSESS_OK)
		rc = atomicfile_check_target(af->target, af->flags, &mode, err);
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
	atomicfile_private_dir_remove(af->dir, af->lock_fd, by_name_entries);
	free(af->tmp);
	free(af->target);
	free(af);
}

assess_code atomicfile_write(const char *path, const void *data, size_t len, unsigned flags,
			     assess_error *err)
{
	atomicfile *af = atomicfile_begin(path, flags & ~(unsigned)ATOMICFILE_BY_NAME, err);
	if (!af)
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	if (len && fwrite(data, 1, len, af->stream) != len) {
		atomicfile_abort(af);
		return assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "write failed: %s",
				   strerror(errno));
	}
	return atomicfile_commit(af, err);
}
