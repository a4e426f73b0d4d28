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
 * Writers that want a file name instead of a stream (libxlsxwriter) write to
 * atomicfile_tmppath() after atomicfile_close_stream().
 *
 * Ownership: begin returns a handle the caller must pass to exactly one of commit or abort.
 */
#ifndef ASSESS_ATOMICFILE_H
#define ASSESS_ATOMICFILE_H

#include <stdio.h>
#include "common/error.h"

typedef struct atomicfile atomicfile;

enum {
	ATOMICFILE_REPLACE = 1 << 0  /* replace an existing target (--force); else ASSESS_ERR_EXISTS */
};

atomicfile *atomicfile_begin(const char *path, unsigned flags, assess_error *err);
FILE *atomicfile_stream(atomicfile *af);
const char *atomicfile_tmppath(const atomicfile *af);
/* Closes the stream so that another writer can write the temporary file by name. */
void atomicfile_close_stream(atomicfile *af);
/* Makes the data durable and visible at the target path; frees af. */
assess_code atomicfile_commit(atomicfile *af, assess_error *err);
/* Removes the temporary file; frees af. Accepts NULL. */
void atomicfile_abort(atomicfile *af);

/* Convenience: the whole of data, atomically. */
assess_code atomicfile_write(const char *path, const void *data, size_t len, unsigned flags,
			     assess_error *err);

#endif
