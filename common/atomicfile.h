/*
 * atomicfile.h - write an output file so that it is either complete or absent.
 *
 * The data goes to a temporary file in the target's own folder (so rename() stays on one file
 * system); atomicfile_commit() flushes it, fsyncs it, renames it over the target and fsyncs the
 * folder. Whatever fails before that leaves the target as it was and removes the temporary file.
 *
 *     atomicfile *af = atomicfile_begin("out.json", 0, &err);
 *     fputs("{}", atomicfile_stream(af));
 *     if (atomicfile_commit(af, &err)) ...   // af is freed either way
 *
 * Writers that want a file name instead of a stream (libxlsxwriter opens its output with
 * fopen at the very end) pass ATOMICFILE_BY_NAME: the temporary file is then not created but
 * named inside a private folder (".assess-XXXXXX", mode 0700) next to the target, so nobody
 * else can put a symlink or another file under that name in the meantime; atomicfile_tmppath()
 * gives the name and the stream is NULL. atomicfile_sweep() removes such folders that a killed
 * process left behind (their lock is no longer held).
 *
 * What is replaced: with ATOMICFILE_REPLACE (--force) a regular file only, and the new file
 * keeps its mode; a symlink, a device such as /dev/null, a FIFO or a folder at the target is
 * refused with ASSESS_ERR_CANTCREAT. Temporary names stay short, so any target name that the
 * file system allows can be written.
 *
 * Ownership: begin returns a handle the caller must pass to exactly one of commit or abort.
 */
#ifndef ASSESS_ATOMICFILE_H
#define ASSESS_ATOMICFILE_H

#include <stdio.h>
#include "common/error.h"

typedef struct atomicfile atomicfile;

enum {
	ATOMICFILE_REPLACE = 1 << 0, /* replace an existing regular file (--force); else EXISTS */
	ATOMICFILE_BY_NAME = 1 << 1  /* the writer creates tmppath itself, in a private folder */
};

atomicfile *atomicfile_begin(const char *path, unsigned flags, assess_error *err);
/* NULL with ATOMICFILE_BY_NAME, or after atomicfile_close_stream(). */
FILE *atomicfile_stream(atomicfile *af);
const char *atomicfile_tmppath(const atomicfile *af);
/* Closes the stream so that another writer can write the temporary file by name. */
void atomicfile_close_stream(atomicfile *af);
/* Makes the data durable and visible at the target path; frees af. */
assess_code atomicfile_commit(atomicfile *af, assess_error *err);
/* Removes the temporary file (and private folder); frees af. Accepts NULL. */
void atomicfile_abort(atomicfile *af);

/* Convenience: the whole of data, atomically. */
assess_code atomicfile_write(const char *path, const void *data, size_t len, unsigned flags,
			     assess_error *err);

/*
 * Checks what is at path before writing it: ASSESS_OK when nothing is there or (with
 * ATOMICFILE_REPLACE) a regular file, whose mode goes to *mode (else *mode is -1).
 */
assess_code atomicfile_check_target(const char *path, unsigned flags, int *mode, assess_error *err);

/*
 * Makes a private folder "PARENT/PREFIX" + "XXXXXX" (mode 0700) and locks it for as long as
 * the returned descriptor is open, so that atomicfile_sweep() leaves it alone. Returns the
 * folder's path (the caller frees it) and the descriptor in *lock_fd; NULL with errno set.
 */
char *atomicfile_private_dir(const char *parent, const char *prefix, int *lock_fd);
/* Removes one private folder and the named entries in it (NULL-terminated list); closes fd. */
void atomicfile_private_dir_remove(char *dir, int lock_fd, const char *const *entries);
/*
 * Removes the private folders named PREFIX* in parent that nobody holds any more (left by a
 * killed process), with the named entries in them; only folders of this user, at least a
 * minute old, and only those names: anything else keeps the folder in place. Best effort.
 */
void atomicfile_sweep(const char *parent, const char *prefix, const char *const *entries);
/*
 * Removes the temporary files that earlier versions left in parent when they were killed: they
 * wrote beside the target, under "." NAME suffix "." and six letters or digits (mkstemp's).
 * Only regular files of this user, named exactly so, unchanged for more than min_age seconds
 * and not locked, are removed. Those versions took no lock, so the age is what says their
 * writer is gone: min_age must be longer than any of them kept a temporary unchanged. Best
 * effort.
 */
void atomicfile_sweep_stale(const char *parent, const char *suffix, int min_age);

#define ATOMICFILE_DIR_PREFIX ".assess-"
/* The temporary file's name inside a private folder (ATOMICFILE_BY_NAME). */
#define ATOMICFILE_BY_NAME_ENTRY "output"

#endif
