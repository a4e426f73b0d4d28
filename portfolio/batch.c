#include "config.h"
#include "portfolio/batch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/creditcode.h"
#include "common/readfile.h"
#include "common/text.h"
#include "policies/subsidy.h"
#include "portfolio/portfolio-book.h"
#include "common/textbuf.h"
#include "portfolio/inputs.h"
#include "common/lines.h"
#include "portfolio/pool.h"
#include "portfolio/stream.h"
#include "reports/report.h"

#define ANSWER_FILE_MAX (8u << 20) /* as answers_load() allows */

struct batch {
	const portfolio_batch_options *o;
	portfolio_batch_summary *sum;
	portfolio_book *book;
	portfolio_tally *tally;
	portfolio_pool *pool;
	answers_reader *reader; /* the rows' answer objects, one after another */
	const questionnaire *q; /* the first scored row's: every row must share it */
	textbuf name;           /* the current answer object's name */
	const char *file;       /* ... and, when it is a stream's line, its file and line */
	long line;
	int64_t *claims; /* one row's claims on the budget lines */
	size_t n_lines;
	size_t total, done;
	struct timespec start;
	assess_code fatal; /* set by callbacks that cannot return an error */
	assess_error fatal_err;
};

static double elapsed(const struct batch *b)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - b->start.tv_sec) +
	       (double)(now.tv_nsec - b->start.tv_nsec) / 1e9;
}

static void progress(struct batch *b, bool final)
{
	if (!b->o->on_progress)
		return;
	portfolio_progress p = {.done = b->done,
				.failed = b->sum->failed,
				.total = b->total,
				.seconds = elapsed(b),
				.final = final};
	b->o->on_progress(b->o->hook_ctx, &p);
}

/* Out of memory while handling one input stops the run: hands the error up, returns false. */
static bool stop_on_nomem(const assess_error *e, assess_error *err)
{
	if (e->code != ASSESS_ERR_NOMEM)
		return true;
	if (err)
		*err = *e;
	return false;
}

/* Records a failure: the Errors sheet, the caller's hook, the counts. */
static void fail(struct batch *b, portfolio_step step, const assess_error *e)
{
	assess_error werr = {0};
	b->sum->failed++;
	if (b->o->on_failure)
		b->o->on_failure(b->o->hook_ctx, e);
	if (b->book && portfolio_book_error(b->book, step, e, &werr) && !b->fatal) {
		b->fatal = werr.code;
		b->fatal_err = werr;
	}
}

/* An input that failed as a whole (unreadable path, folder without answer files). */
static void bad_input(void *ctx, const assess_error *e)
{
	struct batch *b = ctx;
	fail(b, PORTFOLIO_STEP_INPUT, e);
	b->done++;
}

void portfolio_report_name(const answers *a, size_t seq, char *buf, size_t size)
{
	const char *code = answers_field_get(a, ANSWERS_CREDIT_CODE);
	answers_stage stage = answers_stage_get(a);
	/* The loader has checked the code; checking again keeps the file name safe on its own. */
	if (code && creditcode_valid(code, NULL, 0))
		snprintf(buf, size, "%s%s%s.xlsx", code, stage ? "-" : "",
			 answers_stage_name(stage));
	else
		snprintf(buf, size, "row-%06zu.xlsx", seq);
}

/* ---- reports (run in the workers) ---- */

static assess_code write_report(const portfolio_job *job, void *ctx, assess_error *err)
{
	const struct batch *b = ctx;
	const portfolio_batch_options *o = b->o;
	answers *a = answers_parse(job->text, job->len, job->name, o->resolve, o->resolve_ctx,
				   o->answers_flags | ANSWERS_DIGEST, err);
	scoring_result *r = a ? scoring_run(a, err) : NULL;
	subsidy_result *s = NULL;
	assess_code rc = err ? err->code : ASSESS_ERR_INTERNAL;
	if (r && o->policy) {
		/* The parent has already reported a subsidy that cannot be computed. With texts:
		 * the report shows every clause's detail and the warnings. */
		subsidy_options so = {0};
		s = subsidy_assess(o->policy, a, r, &so, NULL);
	}
	if (r) {
		report_options ro = {.lang = o->lang,
				     .replace = o->replace,
				     .subsidy = s,
				     .env = o->env,
				     .created = o->created};
		rc = report_write(r, &ro, job->path, err);
	}
	subsidy_free(s);
	scoring_free(r);
	answers_free(a);
	return rc;
}

static void report_done(void *ctx, size_t seq, const assess_error *result)
{
	struct batch *b = ctx;
	(void)seq;
	if (result->code == ASSESS_OK)
		b->sum->reports++;
	else
		fail(b, PORTFOLIO_STEP_REPORT, result);
	b->done++;
	progress(b, false);
}

static assess_code submit_report(struct batch *b, size_t seq, const char *text, size_t len,
				 const char *file, assess_error *err)
{
	char path[PATH_MAX];
	if (!text_path_join(path, sizeof path, b->o->reports_dir, file)) {
		assess_error e = {0};
		assess_fail(&e, ASSESS_ERR_CANTCREAT, b->o->reports_dir, 0, 0, "path too long");
		report_done(b, seq, &e);
		return ASSESS_OK;
	}
	portfolio_job job = {.seq = seq,
			     .name = b->name.data,
			     .text = text,
			     .len = len,
			     .path = path};
	return portfolio_pool_submit(b->pool, &job, err);
}

/* ---- one answer object ---- */

static bool start_tally(struct batch *b, const questionnaire *q)
{
	const policy *p = b->o->policy;
	b->n_lines = p ? policy_n_budget_lines(p) : 0;
	b->claims = calloc(b->n_lines + 1, sizeof *b->claims);
	b->tally = portfolio_tally_new(q, p ? policy_budget(p) : -1, b->n_lines);
	b->q = q;
	return b->claims && b->tally;
}

/* Why an answer set cannot join this portfolio (in e and *step), or false if it can. */
static bool refuse(struct batch *b, const answers *a, assess_error *e, portfolio_step *step)
{
	const questionnaire *q = answers_questionnaire(a);
	size_t dup;
	if (b->q && q != b->q) {
		assess_fail(e, ASSESS_ERR_DATA, b->name.data, 0, 0,
			    "answers questionnaire %s, but this portfolio is of %s (the first "
			    "scored input's): left out",
			    questionnaire_id(q), questionnaire_id(b->q));
		return true;
	}
	if (b->tally && (dup = portfolio_tally_duplicate(b->tally, a))) {
		answers_stage st = answers_stage_get(a);
		*step = PORTFOLIO_STEP_DUPLICATE;
		assess_fail(e, ASSESS_ERR_DATA, b->name.data, 0, 0,
			    "credit code %s%s%s was already assessed in row %zu: left out",
			    answers_field_get(a, ANSWERS_CREDIT_CODE), st ? " at stage " : "",
			    answers_stage_name(st), dup);
		return true;
	}
	return false;
}

/* The row and the tally read only the total and the budget lines: no sentences (no_text). */
static void compute_subsidy(struct batch *b, const scoring_result *r, portfolio_subsidy *sub)
{
	assess_error e = {0};
	subsidy_options so = {.no_text = true};
	subsidy_result *s = subsidy_assess(b->o->policy, r->answers, r, &so, &e);
	*sub = (portfolio_subsidy){.line_claims = b->claims};
	memset(b->claims, 0, (b->n_lines + 1) * sizeof *b->claims);
	if (!s) {
		if (!e.file[0])
			snprintf(e.file, sizeof e.file, "%s", b->name.data);
		if (b->line > 0) /* placed in the line's text, as the loader's errors are */
			portfolio_error_relocate(&e, b->name.data, b->file, b->line);
		fail(b, PORTFOLIO_STEP_SUBSIDY, &e);
		return;
	}
	sub->computed = true;
	sub->total = s->total;
	for (size_t i = 0; i < s->n_budget_lines && i < b->n_lines; i++)
		b->claims[i] = s->budget_lines[i].claimed;
	subsidy_free(s);
}

/* Scores a parsed answer set into a row; false only for a fatal error (in err). */
static bool add_row(struct batch *b, const answers *a, const char *text, size_t len,
		    assess_error *err)
{
	assess_error e = {0};
	char file[64];
	portfolio_subsidy sub = {0};
	scoring_result *r = scoring_run_flags(a, SCORING_NO_GAPS, &e);
	if (!r) {
		fail(b, PORTFOLIO_STEP_INPUT, &e);
		b->done++;
		return stop_on_nomem(&e, err);
	}
	if (!b->tally && !start_tally(b, r->q)) {
		scoring_free(r);
		assess_nomem(err, NULL);
		return false;
	}
	if (b->o->policy)
		compute_subsidy(b, r, &sub);
	size_t seq = portfolio_tally_rows(b->tally) + 1;
	portfolio_report_name(a, seq, file, sizeof file);
	portfolio_row row = {.seq = seq,
			     .source = b->name.data,
			     .score = r,
			     .subsidy = &sub,
			     .report_file = b->o->reports_dir ? file : NULL};
	bool ok = !portfolio_tally_add(b->tally, seq, r, &sub, err) &&
		  !portfolio_book_row(b->book, &row, err);
	scoring_free(r);
	if (!ok)
		return false;
	b->sum->scored++;
	if (!b->o->reports_dir) {
		b->done++;
		return true;
	}
	return !submit_report(b, seq, text, len, file, err);
}

/* One answer object: name is set in b->name; file and line place its errors. */
static bool one_object(struct batch *b, const char *text, size_t len, const char *file, long line,
		       assess_error *err)
{
	assess_error e = {0};
	portfolio_step step = PORTFOLIO_STEP_INPUT;
	b->sum->read++;
	b->file = file;
	b->line = line;
	answers *a = answers_reader_parse(b->reader, text, len, b->name.data, &e);
	if (!a || refuse(b, a, &e, &step)) {
		if (line > 0)
			portfolio_error_relocate(&e, b->name.data, file, line);
		fail(b, step, &e);
		b->done++;
		answers_free(a);
		progress(b, false);
		return stop_on_nomem(&e, err);
	}
	bool ok = add_row(b, a, text, len, err);
	answers_free(a);
	progress(b, false);
	return ok && !b->fatal;
}

static bool cancelled(const struct batch *b) { return b->o->cancel && *b->o->cancel; }

static bool read_json_file(struct batch *b, const char *path, assess_error *err)
{
	assess_error e = {0};
	size_t len;
	textbuf_reset(&b->name);
	textbuf_add(&b->name, path);
	char *text = readfile_all(path, ANSWER_FILE_MAX, &len, &e);
	if (!text) {
		b->sum->read++;
		fail(b, PORTFOLIO_STEP_INPUT, &e);
		b->done++;
		return true;
	}
	bool ok = one_object(b, text, len, path, 0, err);
	free(text);
	return ok;
}

static bool one_line(struct batch *b, const char *file, lines_status st, const lines_line *line,
		     assess_error *err)
{
	textbuf_reset(&b->name);
	textbuf_add(&b->name, file);
	textbuf_addn(&b->name, ":", 1);
	textbuf_int(&b->name, line->number);
	if (b->name.failed) {
		assess_nomem(err, file);
		return false;
	}
	if (st == LINES_TOO_LONG) {
		assess_error e = {0};
		assess_fail(
			&e, ASSESS_ERR_SYNTAX, file, (int)line->number, 0,
			"line longer than %u bytes: skipped (one answer object per line expected)",
			PORTFOLIO_MAX_LINE);
		b->sum->read++;
		fail(b, PORTFOLIO_STEP_INPUT, &e);
		b->done++;
		return true;
	}
	return one_object(b, line->text, line->len, file, line->number, err);
}

static bool read_ndjson(struct batch *b, const char *path, assess_error *err)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *file = is_stdin ? "stdin" : path;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		assess_error e = {0};
		assess_cannot_open(&e, path, errno);
		bad_input(b, &e);
		return true;
	}
	lines_reader *l = lines_new(fd, PORTFOLIO_MAX_LINE, NULL, NULL);
	lines_line line;
	lines_status st;
	bool ok = l != NULL;
	if (!l)
		assess_nomem(err, path);
	while (ok && !cancelled(b) && (st = lines_next(l, &line)) != LINES_EOF) {
		if (st == LINES_IOERR || st == LINES_NOMEM) {
			assess_error e = {0};
			assess_fail(&e, st == LINES_NOMEM ? ASSESS_ERR_NOMEM : ASSESS_ERR_IO, file,
				    (int)line.number, 0, "read error after this line: %s",
				    strerror(errno));
			bad_input(b, &e);
			break;
		}
		if (st == LINES_OK && lines_blank(line.text, line.len))
			continue;
		ok = one_line(b, file, st, &line, err);
	}
	lines_free(l);
	if (!is_stdin)
		close(fd);
	return ok;
}

/* mkdir -p: the reports folder and any folder above it that is missing. */
static assess_code make_folder(const char *path, assess_error *err)
{
	char buf[PATH_MAX];
	struct stat st;
	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return assess_fail(err, ASSESS_ERR_CANTCREAT, path, 0, 0, "path too long");
	for (char *p = buf + 1;; p++) {
		if (*p != '/' && *p)
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(buf, 0777) != 0 &&
		    (errno != EEXIST || stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)))
			return assess_fail(err, ASSESS_ERR_CANTCREAT, buf, 0, 0,
					   "cannot create the reports folder: %s",
					   errno == EEXIST ? "a file is in the way"
							   : strerror(errno));
		*p = c;
		if (!c)
			return ASSESS_OK;
	}
}

static bool read_inputs(struct batch *b, const portfolio_inputs *in, assess_error *err)
{
	for (size_t i = 0; i < in->n && !cancelled(b); i++) {
		bool ok = in->v[i].ndjson ? read_ndjson(b, in->v[i].path, err)
					  : read_json_file(b, in->v[i].path, err);
		if (!ok)
			return false;
	}
	return true;
}

static assess_code finish(struct batch *b, assess_error *err)
{
	if (b->pool && portfolio_pool_drain(b->pool, err))
		return err ? err->code : ASSESS_ERR_IO;
	if (b->fatal) {
		if (err)
			*err = b->fatal_err;
		return b->fatal;
	}
	if (cancelled(b)) {
		b->sum->cancelled = true;
		return ASSESS_OK;
	}
	if (!b->tally && !start_tally(b, NULL))
		return assess_nomem(err, NULL);
	progress(b, true);
	portfolio_book *book = b->book;
	b->book = NULL;
	return portfolio_book_close(book, b->tally, &b->o->targets, err);
}

static assess_code start(struct batch *b, portfolio_inputs *in, assess_error *err)
{
	const portfolio_batch_options *o = b->o;
	portfolio_book_options bo = {.lang = o->lang,
				     .replace = o->replace,
				     .created = o->created,
				     .env = o->env,
				     .policy = o->policy,
				     .reports = o->reports_dir != NULL,
				     .reports_dir = o->reports_dir};
	if (o->reports_dir && make_folder(o->reports_dir, err))
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	/* What killed workers of an earlier run left: once here, not once per report. */
	xlsx_sweep(o->output);
	if (o->reports_dir)
		xlsx_sweep_folder(o->reports_dir);
	if (!(b->book = portfolio_book_new(o->output, &bo, err)))
		return err ? err->code : ASSESS_ERR_CANTCREAT;
	/* A row shows no finance or status block: only the subsidy engine reads them. */
	b->reader = answers_reader_new(o->resolve, o->resolve_ctx,
				       o->answers_flags | (o->policy ? 0 : ANSWERS_NO_BLOCKS));
	if (!b->reader)
		return assess_nomem(err, NULL);
	if (portfolio_inputs_expand(in, o->inputs, o->n_inputs, o->ndjson, bad_input, b, err))
		return err ? err->code : ASSESS_ERR_NOMEM;
	if (o->on_progress) {
		portfolio_inputs_count(in);
		b->total = in->units ? in->units + b->sum->failed : 0;
	}
	if (o->reports_dir &&
	    !(b->pool = portfolio_pool_new(o->jobs, write_report, b, report_done, b)))
		return assess_nomem(err, NULL);
	return ASSESS_OK;
}

assess_code portfolio_batch_run(const portfolio_batch_options *o, portfolio_batch_summary *s,
				assess_error *err)
{
	struct batch b = {.o = o, .sum = s};
	portfolio_inputs in = {0};
	*s = (portfolio_batch_summary){0};
	clock_gettime(CLOCK_MONOTONIC, &b.start);
	assess_code rc = start(&b, &in, err);
	if (rc == ASSESS_OK && !read_inputs(&b, &in, err))
		rc = err ? err->code : ASSESS_ERR_INTERNAL;
	if (rc == ASSESS_OK)
		rc = finish(&b, err);
	/* Workers first: they must be done with the reports before anything else is freed. */
	portfolio_pool_free(b.pool);
	portfolio_book_abort(b.book);
	portfolio_tally_free(b.tally);
	portfolio_inputs_free(&in);
	answers_reader_free(b.reader);
	textbuf_free(&b.name);
	free(b.claims);
	return rc;
}
