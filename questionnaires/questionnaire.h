/*
 * questionnaire.h - an assessment instrument loaded from its XML definition.
 *
 * The definition (see docs/questionnaire-format.md and questionnaire.rng) is a tree
 *   dimension > subdimension > indicator > question > option
 * plus the level rules. Loading validates it against the schema and then checks the arithmetic
 * (every parent's points are the sum of its children's; the total is what the file declares), so
 * a mistake in the data fails at load, never in a score.
 *
 *     assess_error err = {0};
 *     questionnaire *q = questionnaire_load("questionnaires/miit-2024.xml", &err);
 *     const qn_question *f1 = questionnaire_find(q, "F1");
 *     questionnaire_free(q);
 *
 * Ownership: the questionnaire owns every node and string reachable from it; all pointers handed
 * out stay valid until questionnaire_free(). Nothing here is modified after load, so one
 * questionnaire may be shared by threads.
 */
#ifndef ASSESS_QUESTIONNAIRE_H
#define ASSESS_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "common/error.h"
#include "common/lang.h"

#define QN_MAX_OPTIONS 26 /* codes run A..Z; multi-choice answers are bit masks */
#define QN_MAX_LEVEL 4    /* scenario levels and enterprise levels run 0..4 */

/* A text in both languages; en may be NULL, and qn_text_get() then falls back to zh. */
typedef struct qn_text {
	char *zh;
	char *en;
} qn_text;

typedef enum {
	QN_SINGLE,  /* pick one option; scores that option */
	QN_MULTI,   /* pick any; scores the sum; an exclusive option ("none") stands alone */
	QN_SCENARIO /* a scenario's level 0..4; scores no points, feeds the level gates */
} qn_kind;

typedef struct qn_option {
	char *code; /* "A", "B", ... */
	qn_text label;
	int64_t points; /* thousandths */
	bool exclusive; /* "none": may not be combined with another option */
} qn_option;

struct qn_indicator;

/* One entry of a question's evidence checklist (支撑材料), which evidence items can name. */
typedef struct qn_checklist_entry {
	char *id; /* "F1.3", "S08.4.2": unique across the questionnaire */
	qn_text text;
	int option; /* the index of the option it supports, or -1 */
	int level;  /* the scenario level it supports (1..4), or 0 */
} qn_checklist_entry;

typedef struct qn_question {
	char *id;     /* "F1", "S01" */
	size_t index; /* position in questionnaire order, 0-based */
	qn_kind kind;
	qn_text text;
	qn_text guidance;  /* may be empty (zh NULL) */
	qn_text *evidence; /* what to ask to see */
	size_t n_evidence;
	qn_checklist_entry
		*checklist; /* may be empty; the source is questionnaire_checklist_source */
	size_t n_checklist;
	qn_option *options; /* SINGLE and MULTI */
	size_t n_options;
	int64_t max_points; /* thousandths: best option, or sum of the additive options */
	bool constrained;   /* SCENARIO: a ★ scenario, counted separately by the gates */
	qn_text level_text[QN_MAX_LEVEL + 1]; /* SCENARIO: [1..4] descriptors; [0] "not reached" */
	const struct qn_indicator *indicator;
} qn_question;

typedef struct qn_indicator {
	char *id;
	qn_text name;
	int64_t points; /* thousandths; 0 in an unscored dimension */
	qn_question **questions;
	size_t n_questions;
	const struct qn_subdimension *subdimension;
} qn_indicator;

typedef struct qn_subdimension {
	char *id;
	qn_text name;
	int64_t points;
	qn_indicator *indicators;
	size_t n_indicators;
	const struct qn_dimension *dimension;
} qn_subdimension;

typedef struct qn_dimension {
	char *id;
	qn_text name;
	int64_t points;
	bool scored; /* false for the scenario dimension (数字化经营) */
	qn_subdimension *subdimensions;
	size_t n_subdimensions;
} qn_dimension;

/* Level L is reached when every condition holds; the highest such L is the level. */
typedef struct qn_level_rule {
	int level;           /* 1..4 */
	qn_text name;        /* "一级（初始级）" */
	qn_text meaning;     /* one sentence on what the level means */
	int64_t min_score;   /* thousandths, compared with >= */
	int scenario_level;  /* scenarios count when their level is >= this */
	int min_scenarios;   /* at least this many such scenarios */
	int min_constrained; /* of which at least this many are ★ */
} qn_level_rule;

/* One change the other reading of an open point makes to the encoded rules. */
typedef enum {
	QN_ALT_CONSTRAINED, /* scenario `question` is (not) ★: `constrained` */
	QN_ALT_LEVEL,       /* level `rule.level` has `rule` (unnamed attributes as encoded) */
	QN_ALT_REQUIRES     /* option `option` of multi-choice `question` scores only together
			       with every option in `with` */
} qn_alt_kind;

typedef struct qn_alt_change {
	qn_alt_kind kind;
	const struct qn_question *question; /* CONSTRAINED, REQUIRES */
	bool constrained;                   /* CONSTRAINED */
	qn_level_rule rule;                 /* LEVEL */
	int option;                         /* REQUIRES */
	uint64_t with;                      /* REQUIRES: a mask of options */
} qn_alt_change;

/*
 * An open reading of the standard that the definition encodes, shown in reports. Where the
 * other reading can change a figure and can be written down, `changes` says how (the
 * <alternative> element); n_changes is 0 for a reading that changes no figure.
 */
typedef struct qn_reading {
	char *id;
	qn_text name; /* a short name for sentences ("约束性场景的范围"); may be empty */
	qn_text text;
	qn_alt_change *changes;
	size_t n_changes;
} qn_reading;

typedef struct questionnaire questionnaire;

questionnaire *questionnaire_load(const char *path, assess_error *err);
questionnaire *questionnaire_load_memory(const char *xml, size_t len, const char *name,
					 assess_error *err);
void questionnaire_free(questionnaire *q);

const char *questionnaire_id(const questionnaire *q);      /* "miit-2024" */
const char *questionnaire_version(const questionnaire *q); /* "2024" */
/* Lower-case hex SHA-256 of the definition's bytes as loaded: which exact file answered. */
const char *questionnaire_sha256(const questionnaire *q);
const qn_text *questionnaire_title(const questionnaire *q);
/* Where the instrument comes from (the notice that issued it); empty when the file has none. */
const qn_text *questionnaire_source(const questionnaire *q);
const char *questionnaire_path(const questionnaire *q); /* the file it came from */
int64_t questionnaire_total(const questionnaire *q);    /* thousandths (100000) */

size_t questionnaire_n_dimensions(const questionnaire *q);
const qn_dimension *questionnaire_dimension(const questionnaire *q, size_t i);
/* Every question in document order; index i is qn_question.index. */
size_t questionnaire_n_questions(const questionnaire *q);
const qn_question *questionnaire_question(const questionnaire *q, size_t i);
/* All questions in order (questionnaire_n_questions of them): for loops over every one. */
qn_question *const *questionnaire_questions(const questionnaire *q);
const qn_question *questionnaire_find(const questionnaire *q, const char *id);
size_t questionnaire_n_scenarios(const questionnaire *q);
size_t questionnaire_n_constrained(const questionnaire *q);

size_t questionnaire_n_levels(const questionnaire *q);
const qn_level_rule *questionnaire_level_rule(const questionnaire *q, int level); /* NULL if none */
/*
 * The one name of an enterprise level. With q, the instrument's own ("二级（规范级）", "Level 2
 * (…)") and "未达一级"/"Below level 1" for 0, for cells and headings. Without q, the short form
 * for running text ("二级", "level 2", "below level 1"). Never NULL; "?" outside 0..4.
 */
const char *questionnaire_level_name(const questionnaire *q, int level, qn_lang lang);
/*
 * A scenario's level 0..4 (not the enterprise's: that is questionnaire_level_name()), in one of
 * the wordings the outputs use. Chinese is "3 级" in all but CODE. NULL outside 0..4 or for an
 * unknown wording; callers pass levels the answer checks have kept in range.
 */
typedef enum {
	QN_SCENARIO_LEVEL_SHORT,    /* a narrow cell: "L3" */
	QN_SCENARIO_LEVEL_TITLE,    /* a cell or list item on its own: "Level 3" */
	QN_SCENARIO_LEVEL_SENTENCE, /* inside running text: "level 3" */
	QN_SCENARIO_LEVEL_CODE,     /* beside answer codes, in either language: "L3" */
	QN_SCENARIO_LEVEL_N_WORDINGS
} qn_scenario_level_wording;
const char *questionnaire_scenario_level(int level, qn_scenario_level_wording w, qn_lang lang);
size_t questionnaire_n_readings(const questionnaire *q);
const qn_reading *questionnaire_reading(const questionnaire *q, size_t i);

/* Where the checklists come from (zh NULL when the definition does not say). */
const qn_text *questionnaire_checklist_source(const questionnaire *q);
/* The question's checklist entry with this id, or NULL. */
const qn_checklist_entry *qn_checklist_find(const qn_question *question, const char *id);

/* Index of the option with this code, or -1. */
int qn_option_index(const qn_question *question, const char *code);
const char *qn_text_get(const qn_text *t, qn_lang lang); /* never NULL: "" when absent */
const char *qn_kind_name(qn_kind kind);                  /* "single", "multi", "scenario" */

/*
 * Finds an installed questionnaire by id ("miit-2024") as ID.xml in the first folder of
 * search_path (colon-separated) that has one, or loads a path (anything with a '/' or ending
 * in ".xml"), which must end in ".xml". A file found by id must define that id. The rule is
 * searchpath_locate()'s, as for policies.
 */
questionnaire *questionnaire_open(const char *id_or_path, const char *search_path,
				  assess_error *err);

#endif
