/*
 * answers_internal.h - what the files of answers/ share and nobody else may use: the struct,
 * the load context, the key tables and the checks. The public API is answers.h.
 *
 *   answers.c         the model: new, free, getters, setters
 *   keys.c            the one table of the file's keys (top level, enterprise, assessment)
 *   checks.c          failures at a JSON path, and the checks the loader and the setters share
 *   load.c            JSON text -> model
 *   answers-reader.c  many answer objects, one after another, with the JSON memory kept
 *   save.c            model -> JSON text and file
 *   locate.c          where a JSON path stands in the text loaded, for errors found after loading
 * and the record (record.h), one concept a file, each with its load and save parts:
 *   identity.c        the instrument's version and hash, assessment.source, team,
 *                     interviewees, visits
 *   evidence.c        evidence items and their files
 *   history.c         the history of changes
 *   flags.c           "to verify" flags
 *   finalize.c        finalized, reopen
 */
#ifndef ASSESS_ANSWERS_INTERNAL_H
#define ASSESS_ANSWERS_INTERNAL_H

#include "answers/answers.h"
#include "answers/record.h"
#include "common/date.h"
#include "common/fastjson.h"

#define ANSWERS_MAX_FILE (8u << 20)
#define ANSWERS_N_BLOCKS 3

struct answers {
	const questionnaire *q;
	char *fields[ANSWERS_FIELD_MAX];
	unsigned own_fields; /* bit f: fields[f] was set alone (the interview) and is freed alone */
	char *strings;       /* one block for the fields as loaded and the source name */
	int above_scale;
	answers_stage stage;
	cJSON *blocks[ANSWERS_N_BLOCKS];
	char *source; /* the name given at load, in strings */
	/* The text loaded, in strings, for answers_locate (NULL: not loaded from text, or with
	 * ANSWERS_NO_BLOCKS). */
	const char *text;
	size_t text_len;
	char *qref; /* "questionnaire" as written when it is not the id (a path), or NULL */
	char sha[65];
	size_t n_missing;
	struct answers_record *rec; /* NULL until the file or a setter gives a record key */
	answer items[];             /* one per question, in questionnaire order */
};

struct answers_reader {
	answers_resolver resolve;
	void *ctx;
	unsigned flags;
	fastjson *fj; /* NULL: every text goes to cJSON */
};

struct answers_evidence_list {
	answers_evidence *items;
	size_t n, cap;
};

struct answers_people {
	answers_person *items;
	size_t n, cap;
};

/* The record (record.h); arrays indexed by question are allocated with their first entry. */
struct answers_record {
	char *qn_version, *qn_sha; /* as the file says; NULL in a format 1 file */
	answers_origin origin;
	struct answers_people team, interviewees;
	int *visits;
	size_t n_visits, cap_visits;
	struct answers_evidence_list *evidence;
	char **flags;
	answers_change *history;
	size_t n_history, cap_history;
	bool has_history;      /* the file had a "history" key, even an empty one */
	char *fin_at, *fin_by; /* finalized when fin_at is set */
	char *reopen_reason;   /* held from answers_reopen for the changes that follow */
};

/* What a load carries: the text for positions, and where errors go. */
struct answers_load {
	const char *text;
	size_t len;
	const char *name;
	assess_error *err;
	bool borrowed; /* the tree is fastjson's: copy what is kept, never delete it */
};

/* ---- keys.c: the members an answer file may have, in the order they are written ---- */
extern const char *const answers_top_keys[ANSWERS_TOP_MAX];
/* The blocks kept as JSON, in the order of top_keys from ANSWERS_TOP_FINANCE on. */
extern const char *const answers_block_names[ANSWERS_N_BLOCKS];
/* The enterprise and assessment members that are plain strings, by answers_field. */
extern const char *const answers_field_keys[ANSWERS_FIELD_MAX];
extern const char *const answers_record_keys[ANSWERS_RECORD_MAX];
/* A person's members: a team member has the first three, an interviewee name and title. */
enum { PERSON_NAME, PERSON_ROLE, PERSON_ORGANISATION, PERSON_TITLE, PERSON_MAX };
extern const char *const answers_person_keys[PERSON_MAX];

/*
 * cJSON_IsString() and its kin, inline: the loader asks about a hundred times per answer
 * object, and a call into the library each time showed in a stream's profile.
 */
static inline bool answers_is_type(const cJSON *v, int type)
{
	return v && (v->type & 0xFF) == type;
}

/* ---- checks.c ---- */

/* Fails at the occurrence-th value with this JSON path (a key can repeat). */
assess_code answers_fail_path(const struct answers_load *ld, const char *path, int occurrence,
			      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Fails at base.key[index] ("$.answers" "F1" 2); key may be NULL and index -1. */
assess_code answers_fail_at(const struct answers_load *ld, const char *base, const char *key,
			    int index, const char *fmt, ...) __attribute__((format(printf, 5, 6)));
assess_code answers_fail_nomem(const struct answers_load *ld);
assess_code answers_expect_object(const struct answers_load *ld, const cJSON *v, const char *path);
/* Refuses a NUL or control character in a string, or a repeated key, at its JSON path. */
assess_code answers_check_tree(const struct answers_load *ld, const cJSON *root);
/* Returns NULL if value suits field f, else the reason (in why or a constant). */
const char *answers_field_problem(answers_field f, const char *value, char *why, size_t size);
/*
 * Checks one answer's JSON value against question q and fills ans. Errors point at
 * "$.answers.ID", or at the path where when it is not NULL ("$.history[3].to").
 */
assess_code answers_check_value(const struct answers_load *ld, const qn_question *q, const cJSON *v,
				answer *ans, const char *where);
/* A string member at base.key[index]: fails unless v is a non-empty string. */
assess_code answers_expect_string(const struct answers_load *ld, const cJSON *v, const char *base,
				  const char *key, int index);
/* The question with this id, or a failure at base.id naming what the key was for. */
const qn_question *answers_expect_question(const struct answers_load *ld, const answers *a,
					   const char *base, const char *id);
bool answers_is_sha256(const char *s);
/* Counts the unanswered questions; fails unless complete or ANSWERS_ALLOW_INCOMPLETE. */
assess_code answers_check_complete(answers *a, const struct answers_load *ld, unsigned flags);

/* ---- load.c ---- */

/* Parses ld's text with cJSON, whose errors then stand; *out is the tree or NULL. */
assess_code answers_parse_json(const struct answers_load *ld, cJSON **out);
/* Builds the answers from a parsed tree (the tree stays the caller's). */
answers *answers_bind(cJSON *root, const struct answers_load *ld, answers_resolver resolve,
		      void *ctx, unsigned flags);

/* ---- the record's parts: loading one top-level member, and writing it back ---- */
/*
 * Writing back: answers_X_json(a, &ok) returns the member's JSON, NULL when there is none to
 * write, or NULL with ok false when memory ran out (a part missing is never written).
 */

struct answers_record *answers_record_get(answers *a); /* allocates it; NULL when out of memory */
void answers_record_free(struct answers_record *r, size_t n_questions);
/* Each part frees what it holds and is left empty, in the file that makes it. */
void answers_people_clear(struct answers_people *list);          /* identity.c */
void answers_evidence_clear(struct answers_evidence_list *list); /* evidence.c */
void answers_history_clear(struct answers_record *r);            /* history.c */

assess_code answers_identity_load(answers *a, const struct answers_load *ld, const cJSON *version,
				  const cJSON *sha);
/* One member of "assessment" that identity.c reads; *taken false when it is not one. */
assess_code answers_assessment_member(answers *a, const struct answers_load *ld, const cJSON *c,
				      bool *taken);
/* Adds identity.c's members to "assessment"; false when memory ran out. */
bool answers_assessment_json(cJSON *assessment, const answers *a);
assess_code answers_evidence_load(answers *a, const struct answers_load *ld, const cJSON *obj);
cJSON *answers_evidence_json(const answers *a, bool *ok);
assess_code answers_flags_load(answers *a, const struct answers_load *ld, const cJSON *obj);
cJSON *answers_flags_json(const answers *a, bool *ok);
assess_code answers_history_load(answers *a, const struct answers_load *ld, const cJSON *arr);
cJSON *answers_history_json(const answers *a, bool *ok);
assess_code answers_finalized_load(answers *a, const struct answers_load *ld, const cJSON *obj);
cJSON *answers_finalized_json(const answers *a, bool *ok);
/* The answer as text ("B C", "3"), "" when not given, into buf. */
const char *answers_format_value(const qn_question *q, const answer *ans, char *buf, size_t size);
/* ASSESS_OK, or a refusal because the record is finalized. */
assess_code answers_check_open(const answers *a, assess_error *err);
/* The stamp at, or now when NULL, into buf; fails on a malformed one. */
assess_code answers_stamp(const char *at, char buf[DATE_STAMP_MAX], assess_error *err);

/* ---- save.c: building JSON, checked ---- */

/*
 * Adds item to parent under key (NULL: to an array) and returns true; false when memory ran
 * out (item or parent NULL, or the add failed), and the item is then deleted. The tree is
 * incomplete after a false: its maker deletes it, so that no file is written with a part
 * missing.
 */
bool answers_json_add(cJSON *parent, const char *key, cJSON *item);
/* A string member; a NULL value adds nothing and is no failure. */
bool answers_json_add_string(cJSON *parent, const char *key, const char *value);

/* ---- answers.c ---- */

/* Replaces *slot with a copy of value (or NULL); -1 when out of memory, *slot untouched. */
int answers_set_string(char **slot, const char *value);

#endif
