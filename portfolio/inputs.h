/*
 * inputs.h - what `assess batch INPUT...` reads: answer files, folders of them, NDJSON.
 *
 * An INPUT is a file, a folder or "-". A folder stands for every *.json, *.ndjson and *.jsonl
 * file under it (sub-folders too, in name order; hidden entries and links to folders are
 * skipped, so a half-written ".x.json.XXXXXX" or a link loop never gets in). A file is one
 * answer object (*.json) or one per line (*.ndjson, *.jsonl, or any file when `ndjson` is set);
 * "-" is NDJSON on standard input.
 *
 * A path that cannot be used (missing, unreadable, a folder with no answer files) is handed
 * to `bad` with the reason and the rest go on: one bad INPUT never stops a batch.
 *
 *     portfolio_inputs in = {0};
 *     portfolio_inputs_expand(&in, argv, argc, false, report_bad, ctx, &err);
 *     for (size_t i = 0; i < in.n; i++) ... in.v[i].path, in.v[i].ndjson ...
 *     portfolio_inputs_free(&in);
 *
 * Ownership: the list owns its path strings.
 */
#ifndef ASSESS_PORTFOLIO_INPUTS_H
#define ASSESS_PORTFOLIO_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include "common/error.h"

typedef struct portfolio_input {
	char *path;   /* "-" for standard input */
	bool ndjson;  /* one answer object per line */
	size_t units; /* answer objects in it; see portfolio_inputs_count() */
} portfolio_input;

typedef struct portfolio_inputs {
	portfolio_input *v;
	size_t n, cap;
	size_t units; /* answer objects in all inputs; 0 when not known */
} portfolio_inputs;

typedef void (*portfolio_bad_input)(void *ctx, const assess_error *e);

/* Only an allocation failure is returned as an error; bad paths go to bad(). */
assess_code portfolio_inputs_expand(portfolio_inputs *in, const char *const *args, size_t n_args,
				    bool ndjson, portfolio_bad_input bad, void *ctx,
				    assess_error *err);
/*
 * Counts the answer objects (non-blank lines of NDJSON files; 1 per JSON file) so that a
 * progress bar can show an ETA. Standard input cannot be counted: units stays 0.
 */
void portfolio_inputs_count(portfolio_inputs *in);
void portfolio_inputs_free(portfolio_inputs *in);

/* True for names the folder walk takes: *.json, *.ndjson, *.jsonl. */
bool portfolio_input_wanted(const char *name);
/* True for names read as NDJSON: *.ndjson, *.jsonl. */
bool portfolio_input_is_ndjson(const char *name);

#endif
