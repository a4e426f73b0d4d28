/*
 * subsidy-internal.h - shared by the engine's files: subsidy.c (the run: window, stacking,
 * caps, warnings), subsidy-rules.c (one clause under one set of readings) and subsidy-text.c
 * (printing). Not for other modules: they use policies/subsidy.h.
 */
#ifndef ASSESS_SUBSIDY_INTERNAL_H
#define ASSESS_SUBSIDY_INTERNAL_H

#include "common/arena.h"
#include "policies/subsidy-inputs.h"
#include "policies/subsidy.h"

/* The result and the arena its strings and arrays live in. */
struct subsidy_box {
	subsidy_result r;
	arena *arena;
};

/* What one evaluation of the clauses reads. */
struct subsidy_ctx {
	const policy *p;
	const subsidy_inputs *in;
	int64_t eff[POLICY_F_MAX]; /* finance values after the eligible-spend limit */
	int level;
	int date; /* the assessment's, YYYYMMDD: parsed once, and refused there when it is no day */
	bool post; /* the clauses for a post-transformation assessment may pay (stage or what-if) */
	subsidy_area area;
	unsigned pending;    /* inputs the clause being evaluated lacks (SUBSIDY_MISSING_*) */
	const char **chosen; /* the reading in force for each conflict */
	arena *arena;        /* the result's */
	bool no_text; /* say nothing: SUBSIDY_SAY is a no-op, and so is any work only it needs */
	bool nomem;   /* an allocation failed; the run fails with NOMEM */
};

/* Works out one clause into it (status, figures, detail), before window and stacking. */
void subsidy_evaluate(struct subsidy_ctx *x, const policy_clause *c, subsidy_item *it);
/* The reading chosen for the conflict that has this reading, or NULL when none has it. */
const char *subsidy_chosen_reading(const struct subsidy_ctx *x, const char *reading);

/*
 * Sets (or appends to) one language of a text in the result's arena:
 *     SUBSIDY_SAY(x, &it->detail, ("需获得：%s", zh_name), ("requires: %s", en_name));
 * Each language has its own format and arguments, checked by the compiler.
 *
 * With x->no_text the text is left alone and the arguments are not evaluated, so formatting
 * them there (decimal_format_yuan(v, buf, size) in the zh list, buf in the en list) costs nothing
 * then. t is evaluated all the same: it may be warn(), which records the warning.
 */
void subsidy_say(struct subsidy_ctx *x, qn_text *t, qn_lang lang, bool append, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
#define SUBSIDY_ARGS(...) __VA_ARGS__
#define SUBSIDY_SAY_(x, t, append, zh, en)                                               \
	do {                                                                             \
		qn_text *say_t_ = (t); /* once: t may be a call that adds a warning */   \
		if (!(x)->no_text) {                                                     \
			subsidy_say((x), say_t_, QN_LANG_ZH, (append), SUBSIDY_ARGS zh); \
			subsidy_say((x), say_t_, QN_LANG_EN, (append), SUBSIDY_ARGS en); \
		}                                                                        \
	} while (0)
#define SUBSIDY_SAY(x, t, zh, en) SUBSIDY_SAY_(x, t, false, zh, en)
#define SUBSIDY_ADD(x, t, zh, en) SUBSIDY_SAY_(x, t, true, zh, en)

/* floor(base x bp / 10000), never overflowing for inputs within INPUTS_MAX_YUAN. */
int64_t subsidy_apply_rate(int64_t base, int bp);
/* a x b, saturating at INT64_MAX (counts times amounts). */
int64_t subsidy_mul_sat(int64_t a, int64_t b);

#endif
