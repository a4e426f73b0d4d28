/*
 * pool.h - run jobs (one diagnostic report each) in N worker processes.
 *
 * Reports are written by forked workers rather than threads: each report is a workbook of its
 * own, and a process of its own shares nothing with the others - not the umask that the
 * atomic-file code sets and restores around each file, not the C library's static buffers
 * (gmtime) that a workbook's dates go through, not a crash. A job carries the answer object's
 * text; the worker parses, scores and writes it itself, and sends back one result record.
 *
 * Each worker has at most two jobs in hand, so the parent never runs ahead by more than 2N
 * answer objects (memory stays bounded) and no worker waits for its next job. A worker that
 * dies fails the job it was on (with the signal named) and is replaced; its replacement takes
 * the job it had not started. With workers <= 1 there is no fork at all: submit runs the job
 * at once.
 *
 *     portfolio_pool *p = portfolio_pool_new(4, write_report, ctx, report_done, ctx);
 *     portfolio_pool_submit(p, &job, &err);   // may wait for a worker; calls done() as jobs end
 *     portfolio_pool_drain(p, &err);          // waits for every job
 *     portfolio_pool_free(p);                 // ends the workers
 *
 * The job function runs in the worker; the done function in the parent, from submit() and
 * drain(). Worker processes leave with _exit() and never return into the caller.
 *
 * Ownership: submit copies what the job points to; the pool keeps nothing after done().
 */
#ifndef ASSESS_PORTFOLIO_POOL_H
#define ASSESS_PORTFOLIO_POOL_H

#include <stddef.h>
#include "common/error.h"

typedef struct portfolio_job {
	size_t seq;       /* the row it belongs to */
	const char *name; /* the answer object's name: "a.json", "x.ndjson:12" */
	const char *text; /* the answer object */
	size_t len;
	const char *path; /* the file to write */
} portfolio_job;

typedef assess_code (*portfolio_job_fn)(const portfolio_job *job, void *ctx, assess_error *err);
/* result->code is ASSESS_OK when the job succeeded. */
typedef void (*portfolio_done_fn)(void *ctx, size_t seq, const assess_error *result);

typedef struct portfolio_pool portfolio_pool;

portfolio_pool *portfolio_pool_new(int workers, portfolio_job_fn run, void *run_ctx,
				   portfolio_done_fn done, void *done_ctx);
/* Fails only when the parent cannot go on (no memory, no process can be started). */
assess_code portfolio_pool_submit(portfolio_pool *p, const portfolio_job *job, assess_error *err);
assess_code portfolio_pool_drain(portfolio_pool *p, assess_error *err);
/* Jobs still in hand are abandoned; workers finish the one they are on and exit. */
void portfolio_pool_free(portfolio_pool *p);

#endif
