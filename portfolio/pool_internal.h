/*
 * pool_internal.h - the record a job travels in from the parent to a worker (pool.c), and the
 * worker's reading of it, for the tests. Not part of the module's interface.
 *
 * A record is the header, then the name, the text and the path, each header.X_len bytes long.
 */
#ifndef ASSESS_PORTFOLIO_POOL_INTERNAL_H
#define ASSESS_PORTFOLIO_POOL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "portfolio/pool.h"

struct portfolio_pool_header {
	uint64_t seq, name_len, text_len, path_len;
};

/*
 * Reads one job from fd into *buf, grown as needed (*cap its size); job points into it.
 * Returns 1 with *job filled, 0 at the end of the jobs (the other end closed before a header),
 * and -1 for a record that cannot be read: lengths whose total does not fit in a size_t (a
 * corrupt record, refused before anything is allocated or read), no memory for it, or the
 * stream ending inside it.
 */
int portfolio_pool_read_job(int fd, char **buf, size_t *cap, portfolio_job *job);

#endif
