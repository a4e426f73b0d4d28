/*
 * batch.h - a portfolio run over many enterprises (`assess batch`).
 *
 * Reads every answer object of the inputs (inputs.h), scores each, computes its subsidy when a
 * policy is given, and streams a row per enterprise into the portfolio workbook (portfolio-book.h) while
 * the tally (tally.h) adds up the summary sheets; with a reports folder, hands each enterprise
 * to the report workers (pool.h). An input that fails - unreadable, not JSON, invalid answers,
 * a duplicate credit code and stage, a subsidy that cannot be computed, a report that cannot be
 * written - becomes a row of the Errors sheet and a call of on_failure, and the batch goes on.
 *
 * Report files are named from the validated credit code and the stage only, never from free
 * text: "91350582MA2Y8K3L0Q-post.xlsx", or "row-000123.xlsx" for an enterprise without a code.
 *
 *     portfolio_batch_options o = {.inputs = argv, .n_inputs = argc, .output = "p.xlsx", ...};
 *     portfolio_batch_summary s;
 *     if (portfolio_batch_run(&o, &s, &err)) ... // fatal: the workbook could not be written
 *     status = s.failed ? 65 : 0;
 *
 * Ownership: the run borrows everything in the options and keeps nothing.
 */
#ifndef ASSESS_PORTFOLIO_BATCH_H
#define ASSESS_PORTFOLIO_BATCH_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "answers/answers.h"
#include "common/error.h"
#include "policies/policy.h"
#include "portfolio/tally.h"
#include "xlsx/xlsx.h"

typedef struct portfolio_progress {
	size_t done; /* answer objects finished: in the portfolio (and reported), or failed */
	size_t failed;
	size_t total;   /* 0 when not known (standard input) */
	double seconds; /* since the run started */
	bool final;     /* the last call */
} portfolio_progress;

typedef struct portfolio_batch_options {
	const char *const *inputs; /* files, folders, "-" */
	size_t n_inputs;
	bool ndjson;             /* read every input file as NDJSON */
	const char *output;      /* the portfolio workbook */
	bool replace;            /* --force: replace the workbook and the reports */
	const char *reports_dir; /* NULL: no per-enterprise reports */
	int jobs;                /* report workers; <= 1 writes them in this process */
	qn_lang lang;
	unsigned answers_flags; /* ANSWERS_ALLOW_INCOMPLETE */
	answers_resolver resolve;
	void *resolve_ctx;
	const policy *policy; /* NULL: no subsidy column and no budget */
	portfolio_targets targets;
	time_t created; /* the workbooks' date (SOURCE_DATE_EPOCH); 0: see report.h */
	xlsx_env env;   /* from the CLI: scratch folder ($TMPDIR), hush */
	const volatile sig_atomic_t *cancel; /* set (by a signal handler) to stop early */
	void (*on_progress)(void *ctx, const portfolio_progress *p); /* NULL: no counting pass */
	void (*on_failure)(void *ctx, const assess_error *e);
	void *hook_ctx;
} portfolio_batch_options;

typedef struct portfolio_batch_summary {
	size_t read;    /* answer objects read */
	size_t scored;  /* rows in the portfolio */
	size_t failed;  /* rows in the Errors sheet */
	size_t reports; /* reports written */
	bool cancelled; /* stopped by *cancel: nothing was written */
} portfolio_batch_summary;

/*
 * Returns ASSESS_OK when the workbook was written (whatever failed inside it), or the error
 * that stopped the run: the workbook or the reports folder cannot be created, memory.
 */
assess_code portfolio_batch_run(const portfolio_batch_options *o, portfolio_batch_summary *s,
				assess_error *err);

/*
 * One line for a terminal: "[#####-----]  45%  4,512/10,000  2,345/s  ETA 0:02  3 failed", or
 * without a total "4,512  2,345/s  3 failed". Rate and ETA come from done / seconds.
 */
void portfolio_progress_line(const portfolio_progress *p, qn_lang lang, char *buf, size_t size);

/* The report file name for an enterprise: from its credit code and stage, or its row. */
void portfolio_report_name(const answers *a, size_t seq, char *buf, size_t size);

#endif
