#include "config.h"
#include "common/filelock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct filelock {
	int fd;
	char *path; /* the companion ".NAME.lock" */
};

/* "dir/name" -> "dir/.name.lock" */
static char *companion(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir = slash ? (size_t)(slash - path) + 1 : 0, n = strlen(path) + sizeof ".lock" + 1;
	char *lock = malloc(n);
	if (lock)
		snprintf(lock, n, "%.*s.%s.lock", (int)dir, path, path + dir);
	return lock;
}

/* Whether fd is still the file at path: a holder removes it as it lets go. */
static bool still_there(int fd, const char *path)
{
	struct stat held, named;
	return fstat(fd, &held) == 0 && stat(path, &named) == 0 && held.st_dev == named.st_dev &&
	       held.st_ino == named.st_ino;
}

/* The process id the holder wrote into the companion, or 0. */
static long holder(int fd)
{
	char buf[24] = "";
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
	return n > 0 ? strtol(buf, NULL, 10) : 0;
}

static void note_pid(int fd)
{
	char buf[24];
	int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
	/* Only for the message a second session prints: a failure here changes nothing. */
	if (ftruncate(fd, 0) == 0 && pwrite(fd, buf, (size_t)n, 0) < 0)
		return;
}

static void discard(filelock *l)
{
	if (l->fd >= 0)
		close(l->fd);
	free(l->path);
	free(l);
}

static void in_use(assess_error *err, const char *path, long pid)
{
	if (pid > 0)
		assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0,
			    "in use by another session (process %ld): one interview per file", pid);
	else
		assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0,
			    "in use by another session: one interview per file");
}

filelock *filelock_take(const char *path, assess_error *err)
{
	filelock *l = calloc(1, sizeof *l);
	if (!l || !(l->path = companion(path))) {
		free(l);
		assess_nomem(err, path);
		return NULL;
	}
	/* A few tries: a holder may remove the companion between our open and our flock. */
	for (int attempt = 0; attempt < 8; attempt++) {
		l->fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
		if (l->fd < 0) {
			assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0, "cannot create %s: %s",
				    l->path, strerror(errno));
			break;
		}
		if (flock(l->fd, LOCK_EX | LOCK_NB) != 0) {
			if (errno == EWOULDBLOCK)
				in_use(err, path, holder(l->fd));
			else
				assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0,
					    "cannot lock %s: %s", l->path, strerror(errno));
			break;
		}
		if (still_there(l->fd, l->path)) {
			note_pid(l->fd);
			return l;
		}
		close(l->fd);
		l->fd = -1;
		if (attempt == 7)
			in_use(err, path, 0);
	}
	discard(l);
	return NULL;
}

void filelock_release(filelock *l)
{
	if (!l)
		return;
	/* Removed while still held, so that no one locks a name that is about to vanish. */
	unlink(l->path);
	close(l->fd);
	free(l->path);
	free(l);
}
