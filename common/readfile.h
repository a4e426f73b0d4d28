/*
 * readfile.h - read a whole input file, with errors that name it.
 */
#ifndef ASSESS_READFILE_H
#define ASSESS_READFILE_H

#include <stddef.h>
#include "common/error.h"

/*
 * Reads path ("-" is standard input) into a NUL-terminated buffer the caller frees.
 * Refuses files over max_bytes (a guard against being handed a disk image by mistake).
 */
char *readfile_all(const char *path, size_t max_bytes, size_t *len, assess_error *err);
/*
 * The same for a path that may come from data (definitions, a questionnaire an answer file
 * names): only a regular file is read; a device (/dev/zero), a FIFO or a folder is refused
 * with ASSESS_ERR_NOINPUT, without blocking. No "-".
 */
char *readfile_regular(const char *path, size_t max_bytes, size_t *len, assess_error *err);

#endif
