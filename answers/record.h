/*
 * record.h - the assessment's record kept in an answer file beside the answers: which instrument
 * it was answered with, who assessed and whom they met, the evidence seen per question, every
 * change to an answer (history), "to verify" flags, and the finalization.
 * docs/answer-format.md documents the keys:
 *
 *   "questionnaire_version": "2024", "questionnaire_sha256": "…",
 *   "assessment": {"source": "onsite", "report_no": "QZ-2026-017",
 *                  "team": [{"name", "role", "organisation"}], "interviewees": [{"name", "title"}],
 *                  "site_visits": ["2026-11-20"]},
 *   "evidence": {"F1": [{"title", "file", "sha256", "checklist"}]},
 *   "flags": {"F3": "ask for the contract"},
 *   "history": [{"at", "question", "from", "to", "by", "reason"}],
 *   "finalized": {"at", "by"}
 *
 * An answer file without these keys (format 1) loads and scores as it always did; every file
 * answers_save() writes carries the version and SHA-256 of the instrument it was written with.
 *
 *     answers_set_text(a, f1, "B C", &err);                       // the answer ...
 *     answers_history_append(a, f1, NULL, "王工", NULL, &err);     // ... and its history entry
 *     answers_evidence_add(a, f1, "网络拓扑图", "ev/net.pdf", NULL, NULL, dir, &err);
 *     answers_finalize(a, NULL, "王工", &err);                     // now answers_set_text refuses
 *
 * Ownership: everything here is owned by the answers and valid until the next call that changes
 * the same part (or answers_free); strings passed in are copied. Timestamps passed as NULL mean
 * now (the local time with its UTC offset). Question indexes are questionnaire_question()'s.
 */
#ifndef ASSESS_ANSWERS_RECORD_H
#define ASSESS_ANSWERS_RECORD_H

#include "answers/answers.h"
#include "common/lang.h"

/* ---- the instrument the file was answered with ---- */

/* As written in the file; NULL for a file without them (format 1). */
const char *answers_questionnaire_version(const answers *a);
const char *answers_questionnaire_sha256(const answers *a);
/* False when the file names an instrument hash other than its questionnaire's (see --rescore). */
bool answers_instrument_matches(const answers *a);
/*
 * When the instrument does not match: one sentence saying which version the answers were
 * given with and which scored them ("答卷依据问卷 2023 版（SHA-256 0123456789ab…）作答，按已安装的
 * 2024 版（SHA-256 …）重新评分（--rescore）。"), into buf; NULL when it matches.
 */
const char *answers_rescore_text(const answers *a, qn_lang lang, char *buf, size_t size);

/* ---- who assessed: assessment.source, team, interviewees, site_visits (report_no is a field) */

typedef enum { ANSWERS_SOURCE_NONE = 0, ANSWERS_SOURCE_ONSITE, ANSWERS_SOURCE_SELF } answers_origin;

answers_origin answers_origin_get(const answers *a);
void answers_origin_set(answers *a, answers_origin s);
const char *answers_origin_name(answers_origin s); /* "onsite", "self", "" */
/*
 * The origin as people read it, in one of the wordings the outputs use (zh / en, onsite and
 * self): NULL for ANSWERS_SOURCE_NONE, whose wording each output chooses for itself.
 */
typedef enum {
	/* 现场评定 / on site, 自评 / self: the interview's default */
	ANSWERS_ORIGIN_SHORT,
	/* 现场评定 / on site, 自评 / self-assessment: the interview's two choices */
	ANSWERS_ORIGIN_CHOICE,
	/* 现场评定 / rated on site, 企业自评 / self-declared: beside a date and the stage */
	ANSWERS_ORIGIN_ASSESSMENT,
	/* 现场评定（评测人员到企业现场查看、访谈） / On site (the assessors visited…), …: a value */
	ANSWERS_ORIGIN_EXPLAINED,
	ANSWERS_ORIGIN_N_WORDINGS
} answers_origin_wording;
const char *answers_origin_label(answers_origin s, answers_origin_wording w, qn_lang lang);

/* A team member has name, role, organisation; an interviewee name and title. NULL if absent. */
typedef struct answers_person {
	char *name;
	char *role;
	char *organisation;
	char *title;
} answers_person;

size_t answers_team_count(const answers *a);
const answers_person *answers_team_get(const answers *a, size_t i);
/* name is required; role and organisation may be NULL. */
assess_code answers_team_add(answers *a, const char *name, const char *role,
			     const char *organisation, assess_error *err);
void answers_team_clear(answers *a);

size_t answers_interviewees_count(const answers *a);
const answers_person *answers_interviewee_get(const answers *a, size_t i);
assess_code answers_interviewee_add(answers *a, const char *name, const char *title,
				    assess_error *err);
void answers_interviewees_clear(answers *a);

/* Site visits as yyyymmdd (common/date.h), in the order given. */
size_t answers_site_visits_count(const answers *a);
int answers_site_visit_get(const answers *a, size_t i);
assess_code answers_site_visit_add(answers *a, int yyyymmdd, assess_error *err);
void answers_site_visits_clear(answers *a);

/* ---- evidence (answers/evidence.c) ---- */

typedef struct answers_evidence {
	char *title;     /* what it is, required */
	char *file;      /* relative to the answer file's folder, or NULL */
	char *sha256;    /* lower-case hex of the file's bytes, or NULL */
	char *checklist; /* the id of the instrument's checklist entry it satisfies, or NULL */
} answers_evidence;

size_t answers_evidence_count(const answers *a, size_t question_index);
const answers_evidence *answers_evidence_get(const answers *a, size_t question_index, size_t k);
size_t answers_evidence_total(const answers *a); /* over every question */
/*
 * Adds an item. file must be relative, with no ".." part; when file is given and sha256 is
 * NULL, the file is opened in dir (the answer file's folder, NULL for ".") and hashed now.
 */
assess_code answers_evidence_add(answers *a, size_t question_index, const char *title,
				 const char *file, const char *sha256, const char *checklist,
				 const char *dir, assess_error *err);
assess_code answers_evidence_remove(answers *a, size_t question_index, size_t k);
/* The SHA-256 of a regular file at dir/file, as answers_evidence_add takes it. */
assess_code answers_evidence_hash(const char *dir, const char *file, char out[65],
				  assess_error *err);
/*
 * The folder an answer file's evidence is named relative to, the file's own: "out/a.json" ->
 * "out", "/a.json" -> "/", "a.json" and "-" (standard input) -> ".". Cut to size.
 */
void answers_evidence_folder(const char *answer_path, char *buf, size_t size);
/*
 * Checks that every item's file exists in dir, is a regular file, and matches its sha256;
 * fails (ASSESS_ERR_DATA, or NOINPUT for a missing file) naming the file and the question.
 */
assess_code answers_evidence_verify(const answers *a, const char *dir, assess_error *err);

/* ---- history (answers/history.c) ---- */

typedef struct answers_change {
	char *at;        /* "2026-11-20T10:31:02+08:00" */
	size_t question; /* question index */
	answer from, to; /* from.given false: the first answer; to.given false: withdrawn */
	char *by;        /* NULL if absent */
	char *reason;    /* NULL if absent */
} answers_change;

size_t answers_history_count(const answers *a);
const answers_change *answers_history_get(const answers *a, size_t i);
/*
 * Records the question's current answer as a change: from is the last recorded value of that
 * question (none: the first answer), to its answer now. Adds nothing when the two are equal.
 * reason NULL after answers_reopen() takes the reopen's reason. Refused once finalized.
 */
assess_code answers_history_append(answers *a, size_t question_index, const char *at,
				   const char *by, const char *reason, assess_error *err);
/*
 * The history against the answers: each entry's from is the question's previous to (null for
 * its first), and each question's last to is its answer (a question with no entry at all was
 * answered before the history began). Fails with the JSON path of the first disagreement
 * ("$.history[3].from", "$.answers.F1"). validate runs it; loading does not.
 */
assess_code answers_history_check(const answers *a, assess_error *err);

/*
 * Seconds the history says were spent on a question: the time from the entry before (of any
 * question) to each of its entries, added up; -1 when it cannot say (no entry, or only the
 * first of the history). So a supervisor can see a rushed interview.
 */
long answers_seconds_spent(const answers *a, size_t question_index);
/* An answer given faster than this is marked as rushed (the review, score --json). */
#define ANSWERS_RUSHED_SECONDS 10

typedef struct answers_time {
	size_t n_timed; /* questions whose time the history gives */
	long total;     /* seconds over them */
	long median; /* per question; of an even count, the mean of the middle two, rounded down */
	size_t n_rushed; /* of them, under ANSWERS_RUSHED_SECONDS */
} answers_time;

/* The time spent over every question (n_timed 0 when the history gives none). */
assess_code answers_time_spent(const answers *a, answers_time *out);

/* ---- flags (answers/flags.c): a short "to verify" note per question ---- */

const char *answers_flag_get(const answers *a, size_t question_index); /* NULL when none */
assess_code answers_flag_set(answers *a, size_t question_index,
			     const char *note); /* ""/NULL clears */
size_t answers_flags_count(const answers *a);

/* ---- finalization (answers/finalize.c) ---- */

bool answers_finalized(const answers *a);
const char *answers_finalized_at(const answers *a); /* NULL when not finalized */
const char *answers_finalized_by(const answers *a);
/* Refuses an incomplete answer set (ASSESS_ERR_INCOMPLETE) and a finalized one. */
assess_code answers_finalize(answers *a, const char *at, const char *by, assess_error *err);
/*
 * Opens a finalized record for changes again; reason is required and goes into the history
 * entries of the changes that follow (answers_history_append with reason NULL).
 */
assess_code answers_reopen(answers *a, const char *reason, assess_error *err);

/* ---- one member read on its own (answers/load.c) ---- */

/*
 * Reads one member of the record from JSON that is not a whole answer file (what
 * interview_salvage finds in a damaged one): key is a member of "assessment" ("source",
 * "team", "interviewees", "site_visits") or a top-level one ("evidence", "flags", "history",
 * "finalized"), v its value, checked exactly as the loader checks it. Lists and objects add to
 * what the answers hold (a history of one entry appends it); source and finalized replace.
 * Fails, with the member's JSON path and name as the file, on a value the loader would refuse,
 * having added the part of it read before the fault.
 */
assess_code answers_record_take(answers *a, const char *key, const cJSON *v, const char *name,
				assess_error *err);
/* The record's members of "assessment", in the order they are written (answers/keys.c). */
typedef enum {
	ANSWERS_RECORD_SOURCE,
	ANSWERS_RECORD_TEAM,
	ANSWERS_RECORD_INTERVIEWEES,
	ANSWERS_RECORD_SITE_VISITS,
	ANSWERS_RECORD_MAX
} answers_record_member;
/* "source", "team", "interviewees", "site_visits"; NULL past the end. */
const char *answers_record_key(answers_record_member m);
/*
 * Whether key is a member of the record whose value is a list or an object, one
 * answers_record_take() reads part by part: "team", "interviewees", "site_visits" of
 * "assessment", or a top-level "evidence", "flags", "history", "finalized" (the key table's).
 */
bool answers_record_is_compound(const char *key);
/* Whether key is a member of a team member or an interviewee: "name", "role", "title"... */
bool answers_record_is_person_key(const char *key);

/* ---- the record's state (answers/state.c) ---- */

/* True when the file had any record key or a setter gave one (false for a format 1 file). */
bool answers_has_record(const answers *a);
/*
 * "记录：暂定（未定稿），证据 2 项，待核实 1 项", then the time the history gives
 * ("，用时 12:34（3 题不足 10 秒）", when it gives any) and, for a file answered with another
 * version of the instrument, that it was rescored. Writes into buf and returns it.
 */
const char *answers_record_line(const answers *a, qn_lang lang, char *buf, size_t size);
/* {"finalized", "evidence", "flags", "history", "rescored", ...}; caller frees; NULL: no memory. */
cJSON *answers_record_json(const answers *a);

#endif
