/*
 * answers.h - one enterprise's answers to a questionnaire, read from and written to JSON.
 *
 * The format is documented in docs/answer-format.md:
 *   {"questionnaire": "miit-2024",
 *    "enterprise": {"name", "credit_code", "industry", "size", "above_scale", "region",
 *                   "region_code", "industry_code"},
 *    "assessment": {"date": "2026-11-23", "stage": "baseline"|"post", "assessor"},
 *    "answers": {"F1": ["B","C"], "F2": "E", "S01": 3, ...},
 *    "notes": {"F1": "saw the network diagram"},
 *    "finance": {...}, "status": {...}, "awards": [...]}
 * and the assessment's record (answers/record.h: instrument hash, team, evidence, history...).
 * Everything a scorer needs is checked on load (unknown question or option, "none" with another
 * option, duplicate keys, wrong types, scenario outside 0..4, GB 32100 check digit, UTF-8); the
 * finance/status/awards blocks are kept as JSON for the subsidy engine, which checks them.
 *
 *     answers *a = answers_load("acme.json", resolve, catalog, 0, &err);
 *     const answer *f1 = answers_get(a, questionnaire_find(answers_questionnaire(a), "F1")->index);
 *     answers_free(a);
 *
 * Ownership: answers owns its strings and JSON blocks; it borrows the questionnaire, which must
 * outlive it. Strings passed to setters are copied.
 */
#ifndef ASSESS_ANSWERS_H
#define ASSESS_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>
#include "common/error.h"
#include "questionnaires/questionnaire.h"

typedef enum { ANSWERS_STAGE_NONE = 0, ANSWERS_STAGE_BASELINE, ANSWERS_STAGE_POST } answers_stage;

typedef struct answer {
	bool given;
	int choice;    /* QN_SINGLE: index of the option chosen */
	uint64_t mask; /* QN_MULTI: bit i set when option i is chosen */
	int level;     /* QN_SCENARIO: 0..4 */
	char *note;    /* free-text evidence note, or NULL */
} answer;

/* A scenario's level as it counts: an unanswered one (--allow-incomplete) is at level 0. */
static inline int answers_scenario_level(const answer *a) { return a->given ? a->level : 0; }

typedef enum {
	ANSWERS_NAME,
	ANSWERS_CREDIT_CODE,
	ANSWERS_INDUSTRY,
	ANSWERS_SIZE,
	ANSWERS_REGION,
	ANSWERS_REGION_CODE,   /* GB/T 2260 six digits, checked on load */
	ANSWERS_INDUSTRY_CODE, /* GB/T 4754-2017 section letter and up to four digits, checked */
	ANSWERS_DATE,
	ANSWERS_ASSESSOR,
	ANSWERS_REPORT_NO,
	ANSWERS_LANG, /* assessment.lang: "zh" or "en", the language the interview was held in */
	ANSWERS_FIELD_MAX
} answers_field;

/*
 * The answer file's top-level keys, in the order the saver writes them (keys.c); a reader
 * that cannot use the loader (the interview's salvage) names them with answers_top_key():
 * "questionnaire", "enterprise", "answers", "status"..., NULL past the end.
 */
typedef enum {
	ANSWERS_TOP_QUESTIONNAIRE,
	ANSWERS_TOP_QN_VERSION,
	ANSWERS_TOP_QN_SHA256,
	ANSWERS_TOP_ENTERPRISE,
	ANSWERS_TOP_ASSESSMENT,
	ANSWERS_TOP_ANSWERS,
	ANSWERS_TOP_NOTES,
	ANSWERS_TOP_EVIDENCE,
	ANSWERS_TOP_FLAGS,
	ANSWERS_TOP_HISTORY,
	ANSWERS_TOP_FINALIZED,
	ANSWERS_TOP_FINANCE,
	ANSWERS_TOP_STATUS,
	ANSWERS_TOP_AWARDS,
	ANSWERS_TOP_MAX
} answers_top;
const char *answers_top_key(answers_top k);

/*
 * The answer file's keys as keys.c has them, for a reader that cannot use the loader (the
 * interview's salvage): a plain string member's ("name", "date"), NULL past the end; the two
 * that are not strings, enterprise.above_scale (true/false) and assessment.stage.
 */
const char *answers_field_key(answers_field f);
#define ANSWERS_KEY_ABOVE_SCALE "above_scale"
#define ANSWERS_KEY_STAGE "stage"

typedef struct answers answers;

/* Looks up the questionnaire an answer file names; returns NULL and fills err if it cannot. */
typedef const questionnaire *(*answers_resolver)(const char *id, void *ctx, assess_error *err);

enum {
	ANSWERS_ALLOW_INCOMPLETE = 1 << 0, /* missing answers score 0 instead of failing */
	ANSWERS_DIGEST = 1 << 1, /* answers_parse computes the SHA-256 (load always does) */
	/* finance, status, awards: checked as JSON, not kept; nor is the text (answers_locate) */
	ANSWERS_NO_BLOCKS = 1 << 2,
	/* a file answered with another instrument (questionnaire_sha256) is read, not refused */
	ANSWERS_RESCORE = 1 << 3
};

answers *answers_load(const char *path, answers_resolver resolve, void *ctx, unsigned flags,
		      assess_error *err);
/* name is what errors call the input ("acme.json", "stdin:12"). */
answers *answers_parse(const char *json, size_t len, const char *name, answers_resolver resolve,
		       void *ctx, unsigned flags, assess_error *err);

/*
 * A reader for many answer objects, one after another (a stream, a portfolio): the same checks
 * and errors as answers_parse, faster, because the memory for reading the JSON is kept from one
 * object to the next (common/fastjson.h). The reader holds nothing of an answers it returned.
 */
typedef struct answers_reader answers_reader;
answers_reader *answers_reader_new(answers_resolver resolve, void *ctx, unsigned flags);
answers *answers_reader_parse(answers_reader *r, const char *json, size_t len, const char *name,
			      assess_error *err);
void answers_reader_free(answers_reader *r);

/* An empty answer set for q (the interview fills it in). */
answers *answers_new(const questionnaire *q);
void answers_free(answers *a);

const questionnaire *answers_questionnaire(const answers *a);
const char *answers_source(const answers *a); /* the name given at load, or NULL */
/*
 * Where the value at json_path ("$.finance.rd_invest", "$.history[3].to"; the "$." may be left
 * out) stands in the text the answers were read from: 1-based line and column (in characters),
 * for an error found after loading. False, and 0 for both, when the answers were not read from
 * text (answers_new), were read with ANSWERS_NO_BLOCKS, or the text has no such value.
 */
bool answers_locate(const answers *a, const char *json_path, int *line, int *col);
/*
 * Fails at a JSON path of answers already loaded (the record's checks after loading, what a
 * workbook cannot hold), with the line and column answers_locate finds: ASSESS_ERR_DATA, err
 * filled with the source, line, column, path and message.
 */
assess_code answers_fail_model(const answers *a, assess_error *err, const char *path,
			       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/*
 * A JSON value's type as an error says it got one ("expected an object, got a string"):
 * "a string", "a number", "true/false", "an array", "an object", or "null" (also for NULL).
 */
const char *answers_type_name(const cJSON *v);
/*
 * What the file's "questionnaire" member says: the questionnaire's id, or the path it was
 * loaded from or set to (answers_set_questionnaire_ref), which saving writes back unchanged.
 */
const char *answers_questionnaire_ref(const answers *a);
const char *answers_sha256(const answers *a); /* hex digest of the bytes loaded, or "" */
const answer *answers_get(const answers *a, size_t question_index);
/* All answers, indexed like questionnaire_questions(): for loops over every question. */
const answer *answers_items(const answers *a);
/* Whether two answers to question q are the same answer (both unanswered counts as same). */
bool answers_equal(const qn_question *q, const answer *x, const answer *y);
/*
 * An answer as its answer-file value ("B", ["B","C"], 3), or JSON null when not given; the
 * caller owns the tree. NULL when memory ran out. Only given, choice, mask and level are read.
 */
cJSON *answers_value_json(const qn_question *q, const answer *ans);
size_t answers_n_missing(const answers *a);

const char *answers_field_get(const answers *a, answers_field f); /* NULL when absent */
int answers_above_scale(const answers *a);                        /* 1, 0, or -1 when not given */
answers_stage answers_stage_get(const answers *a);
const char *answers_stage_name(answers_stage s); /* "baseline", "post", "" */
/*
 * The stage as people read it, in one of the wordings the outputs use (zh / en, baseline and
 * post): NULL for ANSWERS_STAGE_NONE, whose wording each output chooses for itself.
 */
typedef enum {
	/* 改造前 / baseline, 改造后 / post: a table's cell, the interview's default */
	ANSWERS_STAGE_SHORT,
	/* 改造前 / before, 改造后 / after: the form's drop-down, which its import reads back */
	ANSWERS_STAGE_BEFORE_AFTER,
	/* 改造前评测 / baseline, 改造后评测 / post-transformation: beside a date and the origin */
	ANSWERS_STAGE_ASSESSMENT,
	/* 改造前评测 / Baseline (before transformation), Post-transformation assessment: a value */
	ANSWERS_STAGE_TITLE,
	/* 改造前（基线） / baseline (before transformation), 改造后 / post-transformation */
	ANSWERS_STAGE_GLOSSED,
	ANSWERS_STAGE_N_WORDINGS
} answers_stage_wording;
const char *answers_stage_label(answers_stage s, answers_stage_wording w, qn_lang lang);

/* What the enterprise profile and the assessment hold, as people are shown them (below). */
typedef enum {
	ANSWERS_PROFILE_NAME,
	ANSWERS_PROFILE_CREDIT_CODE,
	ANSWERS_PROFILE_INDUSTRY,
	ANSWERS_PROFILE_INDUSTRY_CODE,
	ANSWERS_PROFILE_SIZE,
	ANSWERS_PROFILE_ABOVE_SCALE,
	ANSWERS_PROFILE_REGION,
	ANSWERS_PROFILE_REGION_CODE,
	ANSWERS_PROFILE_DATE,
	ANSWERS_PROFILE_STAGE,
	ANSWERS_PROFILE_SOURCE, /* assessment.source, answers_origin (record.h) */
	ANSWERS_PROFILE_ASSESSOR,
	ANSWERS_PROFILE_REPORT_NO,
	/* the assessment's record (record.h): who assessed, who was interviewed, the days on site */
	ANSWERS_PROFILE_TEAM,
	ANSWERS_PROFILE_INTERVIEWEES,
	ANSWERS_PROFILE_SITE_VISITS,
	ANSWERS_PROFILE_N_ITEMS
} answers_profile_item;
/*
 * A profile item's name, in one of the wordings the outputs use (zh / en). A wording says
 * only the names it words its own way; for the others it gives ANSWERS_PROFILE_FIELD's.
 * NULL for an item or wording out of range. The form's import reads its labels back with it.
 */
typedef enum {
	/* 企业名称 / Enterprise name, 评测日期 / Assessment date: beside its value, one a line */
	ANSWERS_PROFILE_FIELD,
	/* 企业名称 / Enterprise, 评测日期 / Date, 规上 / Above scale: a table's column; the comparison's
	 * overview labels its rows so too */
	ANSWERS_PROFILE_COLUMN,
	/* 是否规模以上企业 / Above designated size?: the interview's question */
	ANSWERS_PROFILE_QUESTION,
	/* 填表人及联系方式 / Filled in by (name, contact): the form an enterprise fills in */
	ANSWERS_PROFILE_FORM,
	/* 企业名称 / Name: the report's overview, under its heading 企业概况 / Enterprise */
	ANSWERS_PROFILE_OVERVIEW,
	/* 评测日期 / Assessed on, 受访人员 / Interviewees: the report's record of the assessment */
	ANSWERS_PROFILE_RECORD,
	ANSWERS_PROFILE_N_WORDINGS
} answers_profile_wording;
const char *answers_profile_label(answers_profile_item item, answers_profile_wording w,
				  qn_lang lang);
/*
 * How the outputs identify the enterprise: "NAME（CODE）" / "NAME (CODE)", or the name alone, or
 * the credit code alone, as the file gives them; a line of its own starts with 企业： /
 * "Enterprise: ". Written to buf (size bytes, always terminated); a name too long for buf is
 * cut between characters so that the code still shows. NULL, and buf "", when the file gives
 * neither. The text is the file's: a terminal is shown it through text_fputs_escaped().
 */
typedef enum {
	ANSWERS_IDENT_VALUE, /* beside a label of its own: the report's record */
	ANSWERS_IDENT_LINE   /* a line of its own: the score's and the comparison's summaries */
} answers_ident_wording;
#define ANSWERS_IDENT_MAX 4096 /* a buffer for any name people write, and the code */
const char *answers_identification(const answers *a, answers_ident_wording w, qn_lang lang,
				   char *buf, size_t size);
/* The same from a name and a code that need not come from one file (either may be NULL). */
const char *answers_identify(const char *name, const char *code, answers_ident_wording w,
			     qn_lang lang, char *buf, size_t size);
/* The finance, status and awards blocks as loaded (NULL when absent). Borrowed. */
const cJSON *answers_block(const answers *a, const char *name);
/* Their names in the order they are written, NULL past the end. */
const char *answers_block_key(size_t b);

/*
 * A true/false member of the status block ("pilot_enterprise"): 1, 0, or -1 when not given.
 * The setter adds, replaces or (value -1) removes it, creating the block when needed and
 * dropping it when it empties; ASSESS_ERR_DATA when the file's status is not an object.
 * The key is not checked here: the flags are the subsidy policies' vocabulary, a layer above
 * (policy_status_name()), like the rest of the blocks, and subsidy_check_inputs() refuses a
 * flag they do not know, at "$.status.KEY", before anything reads the block. Callers name the
 * flag by policy_status_name(); the salvage takes only those (docs/answer-format.md, "status").
 */
int answers_status_flag(const answers *a, const char *key);
assess_code answers_set_status_flag(answers *a, const char *key, int value);
/*
 * Replaces the finance, status or awards block with block, which the answers take over (also
 * on failure); NULL removes it. ASSESS_ERR_USAGE for another name. Nothing is checked here:
 * subsidy_check_inputs() checks blocks like the loader's (the form's import sets them so).
 */
assess_code answers_set_block(answers *a, const char *name, cJSON *block);

/*
 * Setters for the interview; they check like the loader and fill err on a bad value. Once the
 * record is finalized (record.h) the answer setters refuse until answers_reopen().
 */
assess_code answers_set_field(answers *a, answers_field f, const char *value, assess_error *err);
void answers_set_above_scale(answers *a, int value);
void answers_set_stage(answers *a, answers_stage s);
/* codes: "B", "B C E", "BCE" or "B,C"; a scenario takes "0".."4". */
assess_code answers_set_text(answers *a, size_t question_index, const char *codes,
			     assess_error *err);
assess_code answers_set_note(answers *a, size_t question_index, const char *note);
assess_code answers_clear(answers *a, size_t question_index, assess_error *err);
/* A path to the questionnaire's XML for the "questionnaire" member (NULL: its id). Copied. */
assess_code answers_set_questionnaire_ref(answers *a, const char *ref);

/*
 * The answer file as JSON text (caller frees with free()); blocks and the record are carried
 * over, and questionnaire_version and questionnaire_sha256 name the questionnaire's.
 */
char *answers_to_json(const answers *a);
/*
 * Writes answers_to_json atomically (temporary file, fsync, rename). flags are atomicfile's:
 * ATOMICFILE_REPLACE to replace an existing file, 0 to refuse one (ASSESS_ERR_EXISTS).
 */
assess_code answers_save(const answers *a, const char *path, unsigned flags, assess_error *err);
/* The answer as text: "B C E", "E", "3"; "" when not given. Writes into buf. */
const char *answers_format(const answers *a, size_t question_index, char *buf, size_t size);

#endif
