/*
 * policy.h - a subsidy policy loaded from its XML definition.
 *
 * A definition (docs/policy-format.md, policies/policy.rng) encodes one local-government policy
 * document as clauses, each with one rule: a rate of a base with caps that depend on the level,
 * batch, status or awards; tiers by amount with explicit inclusive/exclusive bounds; a fixed
 * award; a per-item award with an accumulation cap; or an informational entry that pays nothing.
 * Around the clauses: the validity window, stacking classes, named conflicts between two readings
 * of the document, eligible-spend limits, a policy-wide cap and the programme budget.
 *
 * Loading validates against the schema, then checks what a schema cannot: tiers that overlap,
 * rates outside 0-100%, a window that ends before it starts, references to undeclared awards,
 * classes or readings, unknown finance fields. Every error names file:line.
 *
 *     policy *p = policy_open("quanzhou", search_path, &err);
 *     for (size_t i = 0; i < policy_n_clauses(p); i++) ... policy_clause_at(p, i) ...
 *     policy_free(p);
 *
 * Ownership: the policy owns every node and string reachable from it (one arena); pointers stay
 * valid until policy_free(). Nothing changes after load, so threads may share a policy.
 */
#ifndef ASSESS_POLICY_H
#define ASSESS_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "common/error.h"
#include "questionnaires/questionnaire.h" /* qn_text, qn_lang */

#define POLICY_MAX_FILE (4u << 20)

/* ---- the quantities a clause reads from an answer file ---- */

/* Finance fields (docs/answer-format.md "finance, status, awards"). */
typedef enum {
	POLICY_F_SOFTWARE, /* project_spend.software */
	POLICY_F_CLOUD,    /* project_spend.cloud */
	POLICY_F_HARDWARE, /* project_spend.hardware: data collection and transmission equipment */
	POLICY_F_SERVICES, /* project_spend.services */
	POLICY_F_OTHER_HARDWARE,  /* project_spend.other_hardware: the project's other hardware */
	POLICY_F_CLOUD_FEE,       /* cloud_annual_fee */
	POLICY_F_MIS_SOFTWARE,    /* mis_software_spend */
	POLICY_F_DIAGNOSIS_FEE,   /* diagnosis_fee */
	POLICY_F_AI_PRODUCT,      /* ai_product_price */
	POLICY_F_DESIGN_CONTRACT, /* design_contract */
	POLICY_F_REVENUE,         /* revenue_last_year */
	POLICY_F_TECH_SERVICE,    /* tech_service_contract */
	POLICY_F_FISCAL,          /* local_fiscal_contribution */
	POLICY_F_BATCH,           /* batch: 1, 2... (not money) */
	POLICY_F_MAX
} policy_field;

typedef enum {
	POLICY_STATUS_ABOVE_SCALE,
	POLICY_STATUS_PARK,
	POLICY_STATUS_LEADER,
	POLICY_STATUS_PILOT, /* pilot_enterprise: a 试点企业 of the city's pilot programme */
	POLICY_STATUS_MAX
} policy_status;

/* "project_spend.software", "cloud_annual_fee"...; NULL past the end. */
const char *policy_field_name(policy_field f);
const qn_text *policy_field_label(policy_field f);
int policy_field_find(const char *name); /* -1 when unknown */
/* "above_scale", "in_standard_park", "city_leader", "pilot_enterprise" */
const char *policy_status_name(policy_status s);
const qn_text *policy_status_label(policy_status s);
int policy_status_find(const char *name);

typedef enum {
	POLICY_TERM_FIELD,        /* a finance field */
	POLICY_TERM_AWARD_AMOUNT, /* "award:ID": the amount of each awards[] entry with that id */
	POLICY_TERM_AWARD_COUNT   /* "count:ID": the sum of their counts (1 each when absent) */
} policy_term_kind;

typedef struct policy_term {
	policy_term_kind kind;
	policy_field field; /* POLICY_TERM_FIELD */
	const char *award;  /* the award id otherwise */
} policy_term;

/* A bound on an amount: "over 50000" (exclusive) or "from 500000" (inclusive). */
typedef struct policy_bound {
	bool present;
	bool inclusive;
	int64_t value;
} policy_bound;

typedef struct policy_range {
	policy_bound lo; /* over= (exclusive) / from= (inclusive) */
	policy_bound hi; /* under= (exclusive) / through= (inclusive) */
} policy_range;

/* ---- conditions ---- */

typedef enum {
	POLICY_COND_STATUS,   /* <requires status="in_standard_park"/> */
	POLICY_COND_AWARD,    /* <requires award="ID"/> */
	POLICY_COND_NO_AWARD, /* <unless award="ID"/> */
	POLICY_COND_QUANTITY, /* <requires quantity="TERMS" over|from=... under|through=.../> */
	POLICY_COND_RATIO,    /* <requires share="TERM" of="TERM" from-rate="20%"/> */
	POLICY_COND_INDUSTRY  /* <requires industry="B C D"/>: GB/T 4754-2017 sections */
} policy_cond_kind;

typedef struct policy_cond {
	policy_cond_kind kind;
	policy_status status;
	const char *award;
	policy_term *terms; /* QUANTITY: summed; RATIO: [0] numerator, [1] denominator */
	size_t n_terms;
	policy_range range;   /* QUANTITY */
	int min_bp;           /* RATIO: numerator / denominator >= min_bp / 10000 */
	const char *sections; /* INDUSTRY: the section letters, "BCD" */
	const char *reading; /* NULL: always; else only when that reading of a conflict is chosen */
	int line;
} policy_cond;

/* One row of a rate or info rule: first matching row wins. 0 / NULL fields match anything. */
typedef struct policy_case {
	int min_level;       /* 0: any */
	int batch;           /* 0: any */
	int status;          /* policy_status, or -1: any */
	const char *award;   /* NULL: any */
	const char *reading; /* NULL: every reading; else only when that reading is chosen */
	int rate_bp;         /* basis points, -1 for info rows */
	int64_t cap;         /* yuan, -1 for none */
	int line;
} policy_case;

typedef struct policy_tier {
	policy_range range;
	int64_t yuan;
	int line;
} policy_tier;

typedef enum {
	POLICY_RULE_RATE,  /* min(rate x base, cap), per awards[] entry when the base is award:ID */
	POLICY_RULE_TIERS, /* a fixed grant by the bracket the base falls in */
	POLICY_RULE_PER_ITEM, /* yuan x count, capped */
	POLICY_RULE_FIXED,    /* one grant when the conditions hold */
	POLICY_RULE_INFO      /* pays nothing here: the document leaves the amount to others */
} policy_rule_kind;

typedef struct policy_share {
	qn_text payer;
	int parts;
} policy_share;

typedef struct policy_clause {
	const char *id;     /* unique in the file: "1", "5-national" */
	const char *number; /* as the document numbers it: "（一）" */
	qn_text title;
	qn_text text;               /* a paraphrase */
	const char *stacking_class; /* NULL when none */
	const char *project; /* stacking: clauses of one-per-project classes on one project */
	const char *best_of; /* clauses sharing it pay only the highest (补差, 就高) */
	int min_level;       /* 0: no level gate */
	bool post_only; /* stage="post": pays only on a post-transformation assessment (改造后) */
	policy_cond *conds;
	size_t n_conds;
	policy_rule_kind kind;
	policy_term *base; /* RATE, TIERS: summed */
	size_t n_base;
	policy_range threshold; /* RATE: the base must lie in it */
	policy_case *cases;     /* RATE, INFO */
	size_t n_cases;
	policy_tier *tiers; /* TIERS */
	size_t n_tiers;
	policy_term count; /* PER_ITEM: always an award count */
	int64_t yuan;      /* PER_ITEM: each; FIXED: the grant (or the lower end of a range) */
	int64_t up_to;     /* FIXED: the upper end of a stated range, or -1 */
	bool at_most;      /* FIXED: the document gives only a ceiling ("最高", "不超过") */
	int64_t cap;       /* PER_ITEM: accumulation cap, -1 none */
	int64_t total_cap; /* RATE over award entries: cap on their sum, -1 none */
	bool rate_stated;  /* RATE: false when the document states only a ceiling */
	qn_text note;      /* INFO: why it pays nothing here; otherwise an optional remark */
	policy_share *shares;
	size_t n_shares;
	int line;
} policy_clause;

/* ---- around the clauses ---- */

typedef enum {
	POLICY_FROM_DAY,   /* an exact date */
	POLICY_FROM_MONTH, /* "2025-12": the day is unknown; the window opens on the 1st */
	POLICY_FROM_ISSUE  /* "issue": from the (unknown) date of issue; no lower bound */
} policy_from_kind;

typedef struct policy_window {
	policy_from_kind from_kind;
	int from;              /* yyyymmdd; 0 for POLICY_FROM_ISSUE */
	int to;                /* yyyymmdd, inclusive */
	int retroactive_from;  /* yyyymmdd or 0: dates from it up to `from` count as in force */
	const char *from_text; /* as written: "2025-12", "issue", "2024-02-06" */
	const char *to_text;
} policy_window;

typedef enum { POLICY_STACK_TOGETHER, POLICY_STACK_ONE_PER_PROJECT } policy_stack_rule;

typedef struct policy_class {
	const char *id;
	qn_text name;
	policy_stack_rule rule;
	int64_t cap; /* on the class's total per enterprise, -1 none */
} policy_class;

typedef struct policy_reading {
	const char *id;
	qn_text text;
} policy_reading;

typedef enum {
	POLICY_CONFLICT_CONTRADICTION, /* the document says two things (Pingluo's body and table) */
	POLICY_CONFLICT_AMBIGUITY      /* kind="reading": one text read two ways */
} policy_conflict_kind;

typedef struct policy_conflict {
	const char *id;
	policy_conflict_kind kind;
	qn_text about;
	const char *chosen; /* the reading the file computes with */
	policy_reading readings[2];
	int line;
} policy_conflict;

/* Eligible spend: `part` counts only up to max_bp of the total of `of` (hardware <= 30%). */
typedef struct policy_spend_limit {
	const char *reading; /* NULL: always; else only when that reading is chosen */
	policy_field part;
	policy_field *of;
	size_t n_of;
	int max_bp;
	qn_text text;
} policy_spend_limit;

typedef struct policy_budget_line {
	qn_text name;
	int64_t yuan;
	const char **clauses; /* ids */
	size_t n_clauses;
} policy_budget_line;

typedef struct policy_award {
	const char *id;
	qn_text name;
} policy_award;

/*
 * The area a policy covers: GB/T 2260 codes (350500 covers its districts and county-level
 * cities, 350582 晋江市 among them), and the names that say so in a free-text region.
 */
typedef struct policy_area {
	const char **codes;
	size_t n_codes;
	const char **names; /* "泉州", "Quanzhou": matched in $.enterprise.region */
	size_t n_names;
	qn_text text; /* "泉州市（含所辖县、市、区）" */
} policy_area;

/* What the document says of a project another policy also pays (<cross-policy rule=...>). */
typedef enum {
	POLICY_CROSS_SILENT = 0, /* nothing: both may pay, or not; the combined view warns */
	POLICY_CROSS_HIGHER_ANY, /* rule="higher": only the higher of the two, whoever pays it */
	POLICY_CROSS_HIGHER_SAME_AREA /* rule="higher-same-area": so with policies of its own area */
} policy_cross_rule;

typedef struct policy policy;

policy *policy_load(const char *path, assess_error *err);
policy *policy_load_memory(const char *xml, size_t len, const char *name, assess_error *err);
void policy_free(policy *p);

/*
 * Finds an installed policy by id ("quanzhou") as ID.xml in the first folder of search_path
 * (colon-separated) that has one, or loads a path (anything with a '/' or ending in ".xml"),
 * which must end in ".xml". A file found by id must define that id. The rule is
 * searchpath_locate()'s, as for questionnaires.
 */
policy *policy_open(const char *id_or_path, const char *search_path, assess_error *err);
/*
 * The ids of the installed policies: every *.xml with a <policy> root in the folders of
 * search_path, first folder winning, sorted. Caller frees each string and the array.
 */
char **policy_list(const char *search_path, size_t *n, assess_error *err);
/*
 * The policies a command is asked for: each id or path of asked (n_asked of them) as given, in
 * order, then, when one of them is "all" or none is given, every installed one (policy_list).
 * Caller frees each string and the array; NULL with err filled (out of memory) on failure.
 */
char **policy_ids_expand(const char *search_path, const char *const *asked, size_t n_asked,
			 size_t *n, assess_error *err);

const char *policy_id(const policy *p);
const char *policy_version(const policy *p);
const char *policy_path(const policy *p);
const qn_text *policy_title(const policy *p);
const qn_text *policy_issuer(const policy *p);
const qn_text *policy_source(const policy *p); /* the document and how faithful the file is */
const policy_window *policy_window_get(const policy *p);
qn_text policy_window_note(const policy *p); /* remark on the window; zh NULL when none */

size_t policy_n_clauses(const policy *p);
const policy_clause *policy_clause_at(const policy *p, size_t i);
const policy_clause *policy_clause_find(const policy *p, const char *id);
size_t policy_n_classes(const policy *p);
const policy_class *policy_class_at(const policy *p, size_t i);
const policy_class *policy_class_find(const policy *p, const char *id);
size_t policy_n_conflicts(const policy *p);
const policy_conflict *policy_conflict_at(const policy *p, size_t i);
size_t policy_n_awards(const policy *p);
const policy_award *policy_award_at(const policy *p, size_t i);
const policy_award *policy_award_find(const policy *p, const char *id);
size_t policy_n_spend_limits(const policy *p);
const policy_spend_limit *policy_spend_limit_at(const policy *p, size_t i);
/* The area covered; n_codes and n_names 0 when the file declares none (no check). */
const policy_area *policy_area_get(const policy *p);
/* Policy-wide cap on one enterprise's total from a finance field (Jinjiang); -1 when none. */
int policy_total_cap_field(const policy *p);
const qn_text *policy_total_cap_text(const policy *p);
/* "Not together with other policies" remark (就高不重复 across policies); zh NULL when none. */
const qn_text *policy_cross_policy(const policy *p);
policy_cross_rule policy_cross_policy_rule(const policy *p);

int64_t policy_budget(const policy *p);            /* yuan, -1 when none */
const char *policy_budget_period(const policy *p); /* "programme" or "year" */
bool policy_budget_binding(const policy *p);
const qn_text *policy_budget_text(const policy *p);
size_t policy_n_budget_lines(const policy *p);
const policy_budget_line *policy_budget_line_at(const policy *p, size_t i);

/* "自印发之日起至 2027-03-31" / "from its date of issue to 2027-03-31", and a retroactive
 * start when there is one. */
void policy_window_describe(const policy_window *w, qn_lang lang, char *buf, size_t size);

/*
 * A clause number as a reader in lang should see it. Chinese: as the document writes it
 * ("（十七）"). English: in Arabic numerals with what it is — （十七） "Clause 17", 二（三）
 * "Clause 2(3)", 五 "Clause 5", 第三条 "Art. 3" — or as written when it has another shape.
 * Returns number itself or buf (filled up to size); "" for NULL.
 */
const char *policy_number_text(const char *number, qn_lang lang, char *buf, size_t size);
#define POLICY_NUMBER_MAX 48 /* room for any English form */

/* Percent text with up to 2 decimals ("50%", "12.5%") into basis points. */
bool policy_parse_rate(const char *text, int *bp);

#endif
