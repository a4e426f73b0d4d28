#include "config.h"
#include "portfolio/pool.h"
#include "portfolio/pool_internal.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define POOL_DEPTH 2 /* jobs a worker holds: the one it is on and the next */

/* A job in a worker's hand, kept until its result is in: if the worker dies, the ones it had
   not started go to its replacement. */
struct held {
	size_t seq;
	char *name, *text, *path;
	size_t len;
};

struct worker {
	pid_t pid;
	int fd;                       /* the parent's end of the socket; -1 when not running */
	struct held jobs[POOL_DEPTH]; /* oldest first: results come back in this order */
	int n;
};

struct portfolio_pool {
	int n_workers; /* 0: run jobs in this process */
	struct worker *w;
	bool started;
	portfolio_job_fn run;
	void *run_ctx;
	portfolio_done_fn done;
	void *done_ctx;
};

struct result_msg {
	uint64_t seq;
	assess_error e;
};

/*
 * Sends (out) or receives all n bytes at p, going on after a signal; false on an error or
 * when the other end has closed. A socket may move fewer bytes than asked either way.
 */
static bool move_full(int fd, char *p, size_t n, bool out)
{
	while (n) {
		ssize_t k = out ? send(fd, p, n, MSG_NOSIGNAL) : recv(fd, p, n, 0);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

/* send() only reads the bytes: the cast loses nothing. */
static bool write_full(int fd, const void *data, size_t n)
{
	return move_full(fd, (char *)data, n, true);
}

static bool read_full(int fd, void *data, size_t n) { return move_full(fd, data, n, false); }

int portfolio_pool_read_job(int fd, char **buf, size_t *cap, portfolio_job *job)
{
	struct portfolio_pool_header h;
	if (!read_full(fd, &h, sizeof h))
		return 0;
	/* The three strings and their terminators. A total that wrapped round would make a buffer
	   too small for what is then read into it; when it fits, so does each length, and the
	   casts below lose nothing. */
	size_t need;
	if (__builtin_add_overflow(h.name_len, h.text_len, &need) ||
	    __builtin_add_overflow(need, h.path_len, &need) ||
	    __builtin_add_overflow(need, (size_t)3, &need))
		return -1;
	if (need > *cap) {
		char *grown = realloc(*buf, need);
		if (!grown)
			return -1;
		*buf = grown;
		*cap = need;
	}
	char *name = *buf, *text = name + h.name_len + 1, *path = text + h.text_len + 1;
	if (!read_full(fd, name, (size_t)h.name_len) || !read_full(fd, text, (size_t)h.text_len) ||
	    !read_full(fd, path, (size_t)h.path_len))
		return -1;
	name[h.name_len] = text[h.text_len] = path[h.path_len] = '\0';
	*job = (portfolio_job){.seq = (size_t)h.seq,
			       .name = name,
			       .text = text,
			       .len = (size_t)h.text_len,
			       .path = path};
	return 1;
}

/* The worker process: jobs in, results out, until the parent closes its end. */
static _Noreturn void worker_main(portfolio_pool *p, int fd)
{
	char *buf = NULL;
	size_t cap = 0;
	portfolio_job job;
	/* Ctrl-C (or a TERM to the group) reaches every worker; the parent decides, and a report
	   being written is finished rather than left as a temporary file. The worker ends when
	   the parent closes its socket, or dies. */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_IGN);
	int got;
	while ((got = portfolio_pool_read_job(fd, &buf, &cap, &job)) > 0) {
		struct result_msg m = {.seq = job.seq};
		if (p->run(&job, p->run_ctx, &m.e) == ASSESS_OK)
			m.e.code = ASSESS_OK;
		else if (m.e.code == ASSESS_OK)
			m.e.code = ASSESS_ERR_INTERNAL;
		if (!write_full(fd, &m, sizeof m))
			_exit(1);
	}
	/* A record it could not read fails the job it carried (the oldest the parent holds for
	   this worker) with this status; the replacement takes the rest. */
	_exit(got < 0 ? 1 : 0);
}

static assess_code spawn(portfolio_pool *p, int i, assess_error *err)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return assess_fail(err, ASSESS_ERR_IO, NULL, 0, 0,
				   "cannot start a report worker: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		int saved = errno;
		close(sv[0]);
		close(sv[1]);
		return assess_fail(err, ASSESS_ERR_IO, NULL, 0, 0,
				   "cannot start a report worker: %s", strerror(saved));
	}
	if (pid == 0) {
		close(sv[0]);
		for (int j = 0; j < p->n_workers; j++)
			if (p->w[j].fd >= 0)
				close(p->w[j].fd);
		worker_main(p, sv[1]);
	}
	close(sv[1]);
	p->w[i] = (struct worker){.pid = pid, .fd = sv[0]};
	return ASSESS_OK;
}

portfolio_pool *portfolio_pool_new(int workers, portfolio_job_fn run, void *run_ctx,
				   portfolio_done_fn done, void *done_ctx)
{
	portfolio_pool *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	*p = (portfolio_pool){.n_workers = workers > 1 ? workers : 0,
			      .run = run,
			      .run_ctx = run_ctx,
			      .done = done,
			      .done_ctx = done_ctx};
	if (p->n_workers && !(p->w = calloc((size_t)p->n_workers, sizeof *p->w))) {
		free(p);
		return NULL;
	}
	for (int i = 0; i < p->n_workers; i++)
		p->w[i].fd = -1;
	return p;
}

static void release(struct held *h)
{
	free(h->name);
	free(h->text);
	free(h->path);
	*h = (struct held){0};
}

static bool hold(struct held *h, const portfolio_job *job)
{
	*h = (struct held){.seq = job->seq,
			   .len = job->len,
			   .name = strdup(job->name),
			   .text = malloc(job->len + 1),
			   .path = strdup(job->path)};
	if (!h->name || !h->text || !h->path) {
		release(h);
		return false;
	}
	memcpy(h->text, job->text, job->len);
	h->text[job->len] = '\0';
	return true;
}

static bool send_job(struct worker *w, const portfolio_job *job)
{
	struct portfolio_pool_header h = {.seq = job->seq,
					  .name_len = strlen(job->name),
					  .text_len = job->len,
					  .path_len = strlen(job->path)};
	return write_full(w->fd, &h, sizeof h) && write_full(w->fd, job->name, h.name_len) &&
	       write_full(w->fd, job->text, h.text_len) && write_full(w->fd, job->path, h.path_len);
}

static void fail_held(portfolio_pool *p, struct held *h, int status)
{
	assess_error e = {0};
	if (WIFSIGNALED(status))
		assess_fail(&e, ASSESS_ERR_INTERNAL, h->path, 0, 0,
			    "the report worker was killed by signal %d (%s)", WTERMSIG(status),
			    strsignal(WTERMSIG(status)));
	else
		assess_fail(&e, ASSESS_ERR_INTERNAL, h->path, 0, 0,
			    "the report worker stopped (exit status %d)", WEXITSTATUS(status));
	p->done(p->done_ctx, h->seq, &e);
	release(h);
}

/*
 * Collects a worker that stopped. The job it was on fails with the reason; a new worker takes
 * its place and the jobs it had not started.
 */
static assess_code reap(portfolio_pool *p, int i, assess_error *err)
{
	struct worker w = p->w[i];
	int status = 0;
	close(w.fd);
	p->w[i].fd = -1;
	p->w[i].n = 0;
	while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR)
		continue;
	if (w.n > 0)
		fail_held(p, &w.jobs[0], status);
	assess_code rc = spawn(p, i, err);
	for (int k = 1; k < w.n; k++) {
		portfolio_job job = {.seq = w.jobs[k].seq,
				     .name = w.jobs[k].name,
				     .text = w.jobs[k].text,
				     .len = w.jobs[k].len,
				     .path = w.jobs[k].path};
		if (rc == ASSESS_OK && send_job(&p->w[i], &job))
			p->w[i].jobs[p->w[i].n++] = w.jobs[k];
		else
			fail_held(p, &w.jobs[k], status);
	}
	return rc;
}

/* One result from worker i, or its end. */
static assess_code collect(portfolio_pool *p, int i, assess_error *err)
{
	struct worker *w = &p->w[i];
	struct result_msg m;
	if (!read_full(w->fd, &m, sizeof m) || w->n == 0 || m.seq != w->jobs[0].seq)
		return reap(p, i, err);
	release(&w->jobs[0]);
	w->n--;
	memmove(w->jobs, w->jobs + 1, (size_t)w->n * sizeof *w->jobs);
	p->done(p->done_ctx, (size_t)m.seq, &m.e);
	return ASSESS_OK;
}

/* Waits until at least one worker answers, and collects every answer that is there. */
static assess_code wait_some(portfolio_pool *p, assess_error *err)
{
	struct pollfd fds[p->n_workers];
	int ids[p->n_workers], n = 0;
	for (int i = 0; i < p->n_workers; i++)
		if (p->w[i].fd >= 0 && p->w[i].n > 0) {
			fds[n] = (struct pollfd){.fd = p->w[i].fd, .events = POLLIN};
			ids[n++] = i;
		}
	if (n == 0)
		return ASSESS_OK;
	while (poll(fds, (nfds_t)n, -1) < 0)
		if (errno != EINTR)
			return assess_fail(err, ASSESS_ERR_IO, NULL, 0, 0, "poll: %s",
					   strerror(errno));
	for (int k = 0; k < n; k++)
		if (fds[k].revents && collect(p, ids[k], err))
			return err ? err->code : ASSESS_ERR_IO;
	return ASSESS_OK;
}

static assess_code start(portfolio_pool *p, assess_error *err)
{
	/* Whatever the parent has buffered must not be written twice by a worker. */
	fflush(NULL);
	for (int i = 0; i < p->n_workers; i++)
		if (spawn(p, i, err))
			return err ? err->code : ASSESS_ERR_IO;
	p->started = true;
	return ASSESS_OK;
}

static int least_busy(const portfolio_pool *p)
{
	int best = -1;
	for (int i = 0; i < p->n_workers; i++)
		if (p->w[i].fd >= 0 && p->w[i].n < POOL_DEPTH &&
		    (best < 0 || p->w[i].n < p->w[best].n))
			best = i;
	return best;
}

assess_code portfolio_pool_submit(portfolio_pool *p, const portfolio_job *job, assess_error *err)
{
	if (!p->n_workers) {
		assess_error e = {0};
		p->run(job, p->run_ctx, &e);
		p->done(p->done_ctx, job->seq, &e);
		return ASSESS_OK;
	}
	if (!p->started && start(p, err))
		return err ? err->code : ASSESS_ERR_IO;
	for (;;) {
		int i = least_busy(p);
		if (i < 0) {
			if (wait_some(p, err))
				return err ? err->code : ASSESS_ERR_IO;
			continue;
		}
		struct worker *w = &p->w[i];
		if (!hold(&w->jobs[w->n], job))
			return assess_nomem(err, NULL);
		if (send_job(w, job)) {
			w->n++;
			return ASSESS_OK;
		}
		release(&w->jobs[w->n]);
		if (reap(p, i, err)) /* it died: a new one starts; try again */
			return err ? err->code : ASSESS_ERR_IO;
	}
}

assess_code portfolio_pool_drain(portfolio_pool *p, assess_error *err)
{
	for (;;) {
		bool busy = false;
		for (int i = 0; i < p->n_workers; i++)
			busy |= p->w[i].fd >= 0 && p->w[i].n > 0;
		if (!busy)
			return ASSESS_OK;
		if (wait_some(p, err))
			return err ? err->code : ASSESS_ERR_IO;
	}
}

void portfolio_pool_free(portfolio_pool *p)
{
	if (!p)
		return;
	for (int i = 0; i < p->n_workers; i++) {
		for (int k = 0; k < p->w[i].n; k++)
			release(&p->w[i].jobs[k]);
		if (p->w[i].fd < 0)
			continue;
		close(p->w[i].fd); /* the worker reads the end of its jobs and exits */
		while (waitpid(p->w[i].pid, NULL, 0) < 0 && errno == EINTR)
			continue;
	}
	free(p->w);
	free(p);
}
