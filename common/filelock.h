/*
 * filelock.h - one writer at a time for a file that is replaced by rename on every save.
 *
 * An interview saves its answer file after every line by writing a temporary file and renaming
 * it over the old one, so a lock on the answer file itself would stay behind on the old inode
 * at the first save. The lock is taken on a companion file, ".NAME.lock" in the same folder,
 * with flock(): the kernel drops it when the holder exits, even by SIGKILL, so a stale
 * companion left by a killed session does not block the next one. A second session on the same
 * file is refused at once, naming the process that holds it.
 *
 *     filelock *l = filelock_take("acme.json", &err);   // NULL: held elsewhere, or no folder
 *     ...write acme.json as often as needed...
 *     filelock_release(l);                               // removes .acme.json.lock
 *
 * Ownership: filelock_take returns a lock the caller gives back with filelock_release (NULL is
 * fine). Advisory: it keeps out other `assess` sessions, not other programs.
 */
#ifndef ASSESS_FILELOCK_H
#define ASSESS_FILELOCK_H

#include "common/error.h"

typedef struct filelock filelock;

/* ASSESS_ERR_CANTCREAT when another session holds it or the companion cannot be made. */
filelock *filelock_take(const char *path, assess_error *err);
void filelock_release(filelock *l);

#endif
