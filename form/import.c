/*
 * import.c - a filled self-assessment form back into answers.
 *
 * Only the input cells are read, at the places the layout derives from the instrument; each
 * question's id cell is checked first, so a sorted or shifted sheet is refused rather than
 * misread. The formulas' cached results are never looked at: scoring happens afterwards, from
 * the answers, like for any answer file.
 */
#include "config.h"
#include "form/form.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "answers/record.h"
#include "common/date.h"
#include "common/text.h"
#include "form/form-layout.h"
#include "policies/policy.h"
#include "policies/subsidy.h"
#include "xlsx/reader.h"

struct imp {
	const char *path;
	xlsx_reader *r;
	const questionnaire *q;
	answers *a;
	qn_lang lang;
	int layout;                 /* 1 or 2: FORM_MAGIC_V1 or FORM_MAGIC */
	xlsx_reader_sheet **sheets; /* per dimension, loaded when first needed */
	assess_error *err;
	size_t n_missing;
	char missing[560]; /* the first few unanswered cells, for the message */
};

static assess_code not_ours(struct imp *m, const char *why)
{
	return assess_fail(m->err, ASSESS_ERR_DATA, m->path, 0, 0,
			   "not a self-assessment form made by assess: %s", why);
}

/* The cell's text with surrounding white space removed, into buf; "" when absent. */
static const char *cell_text(const xlsx_reader_sheet *s, uint32_t row, uint32_t col, char *buf,
			     size_t size, const xlsx_reader_cell **cell)
{
	const xlsx_reader_cell *c = xlsx_reader_cell_at(s, row, col);
	if (cell)
		*cell = c;
	const char *t = c ? c->text : "";
	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	size_t n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r'))
		n--;
	if (n >= size)
		n = size - 1;
	memcpy(buf, t, n);
	buf[n] = '\0';
	return buf;
}

static xlsx_reader_sheet *load_sheet(struct imp *m, const char *name, uint32_t n_rows)
{
	long i = xlsx_reader_find_sheet(m->r, name);
	if (i < 0) {
		assess_fail(m->err, ASSESS_ERR_DATA, m->path, 0, 0,
			    "the form has no sheet \"%s\" (sheets may not be renamed or deleted)",
			    name);
		return NULL;
	}
	return xlsx_reader_load_rows(m->r, (size_t)i, n_rows, m->err);
}

/*
 * A text from the form quoted in a message, for a "%.*s": at most max bytes, and cut between
 * two characters (a precision counts bytes, and half a character would print as \xNN).
 */
#define SHOWN(s, max) (int)text_prefix_bytes((s), (max)), (s)

static assess_code cell_fail(struct imp *m, const xlsx_reader_sheet *s, uint32_t row, uint32_t col,
			     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static assess_code cell_fail(struct imp *m, const xlsx_reader_sheet *s, uint32_t row, uint32_t col,
			     const char *fmt, ...)
{
	char msg[ASSESS_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return xlsx_reader_fail(m->err, m->path, xlsx_reader_sheet_title(s), row, col, "%s", msg);
}

static assess_code nomem(struct imp *m) { return assess_nomem(m->err, m->path); }

/* ---- which instrument ---- */

static assess_code check_property(struct imp *m, const xlsx_reader_sheet *meta, uint32_t row,
				  const char *prop, const char *value)
{
	const char *p = xlsx_reader_property(m->r, prop);
	if (p && strcmp(p, value) != 0)
		return cell_fail(m, meta, row, 1,
				 "says \"%.*s\" but the document property %s says "
				 "\"%.*s\": the form was altered",
				 SHOWN(value, 80), prop, SHOWN(p, 80));
	return ASSESS_OK;
}

static assess_code read_meta(struct imp *m, answers_resolver resolve, void *ctx)
{
	/* Only the rows that say which instrument: the drop-down lists below are the writer's. */
	xlsx_reader_sheet *meta = load_sheet(m, FORM_META_SHEET, FORM_META_ROWS);
	if (!meta)
		return m->err && m->err->msg[0] && !strstr(m->err->msg, "has no sheet")
			       ? m->err->code
			       : not_ours(m, "it has no hidden " FORM_META_SHEET " sheet");
	char magic[64], id[128], version[64], sha[80], lang[8];
	cell_text(meta, FORM_META_MAGIC, 1, magic, sizeof magic, NULL);
	cell_text(meta, FORM_META_ID, 1, id, sizeof id, NULL);
	cell_text(meta, FORM_META_VERSION, 1, version, sizeof version, NULL);
	cell_text(meta, FORM_META_SHA256, 1, sha, sizeof sha, NULL);
	cell_text(meta, FORM_META_LANG, 1, lang, sizeof lang, NULL);
	assess_code code = ASSESS_OK;
	m->layout = strcmp(magic, FORM_MAGIC) == 0 ? 2 : strcmp(magic, FORM_MAGIC_V1) == 0 ? 1 : 0;
	if (!m->layout && strncmp(magic, FORM_MAGIC_PREFIX, strlen(FORM_MAGIC_PREFIX)) == 0)
		code = cell_fail(m, meta, FORM_META_MAGIC, 1,
				 "a form of layout \"%s\", made by a newer assess: this one "
				 "reads \"%s\" and \"%s\"",
				 magic, FORM_MAGIC_V1, FORM_MAGIC);
	else if (!m->layout)
		code = cell_fail(m, meta, FORM_META_MAGIC, 1,
				 "not a self-assessment form made by "
				 "assess (expected \"%s\")",
				 FORM_MAGIC);
	else if (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0)
		code = cell_fail(m, meta, FORM_META_LANG, 1,
				 "the form's language must be zh or en");
	if (!code)
		code = check_property(m, meta, FORM_META_ID, FORM_PROP_ID, id);
	if (!code)
		code = check_property(m, meta, FORM_META_VERSION, FORM_PROP_VERSION, version);
	if (!code)
		code = check_property(m, meta, FORM_META_SHA256, FORM_PROP_SHA256, sha);
	m->lang = strcmp(lang, "en") == 0 ? QN_LANG_EN : QN_LANG_ZH;
	assess_error rerr = {0};
	if (!code && !(m->q = resolve(id, ctx, &rerr)))
		code = rerr.code == ASSESS_ERR_NOMEM ? nomem(m)
						     : cell_fail(m, meta, FORM_META_ID, 1,
								 "the form was made for %.*s, "
								 "which is not installed here (%s)",
								 SHOWN(id, 80), rerr.msg);
	char installed[65];
	if (!code && strcmp(version, questionnaire_version(m->q)) != 0)
		code = cell_fail(m, meta, FORM_META_VERSION, 1,
				 "the form was made for version %s "
				 "of %s; the installed %s is version %s",
				 version, id, id, questionnaire_version(m->q));
	if (!code)
		code = form_instrument_sha256(m->q, installed, m->err);
	if (!code && strcmp(sha, installed) != 0)
		code = cell_fail(m, meta, FORM_META_SHA256, 1,
				 "the form was made for another "
				 "definition of %s %s (SHA-256 %.*s; the installed one is %s)",
				 id, version, SHOWN(sha, 64), installed);
	xlsx_reader_sheet_free(meta);
	return code;
}

/* ---- the profile ---- */

/* A number cell's text as the day Excel means by it, YYYY-MM-DD (date_of_excel_serial). */
static bool serial_date(const char *text, bool date1904, char *buf, size_t size)
{
	char *end;
	int day;
	long serial = strtol(text, &end, 10);
	if (end == text || (*end && strspn(end, ".0") != strlen(end)) ||
	    !date_of_excel_serial(serial, date1904, &day))
		return false;
	date_format(day, buf, size);
	return true;
}

/* 1 when v is one of the words for true, 0 one of those for false, -1 neither. */
static int one_of(const char *v, const char *const *trues, const char *const *falses)
{
	for (int i = 0; trues[i]; i++)
		if (strcmp(v, trues[i]) == 0)
			return 1;
	for (int i = 0; falses[i]; i++)
		if (strcmp(v, falses[i]) == 0)
			return 0;
	return -1;
}

static int yes_no(const char *v)
{
	static const char *const yes[] = {"是",   "yes",  "Yes", "YES", "1",
					  "TRUE", "true", "Y",   "y",   NULL};
	static const char *const no[] = {"否",    "no",    "No", "NO", "0",
					 "FALSE", "false", "N",  "n",  NULL};
	return one_of(v, yes, no);
}

static assess_code profile_row(struct imp *m, const xlsx_reader_sheet *s, const form_profile_row *p,
			       uint32_t row)
{
	char v[1024], date[40];
	const xlsx_reader_cell *c;
	cell_text(s, row, 1, v, sizeof v, &c);
	if (!*v)
		return ASSESS_OK;
	if (c->type == XLSX_READER_CELL_ERROR)
		return cell_fail(m, s, row, 1, "holds the error value %s", v);
	if (p->kind == FORM_PF_ABOVE_SCALE) {
		int yn = yes_no(v);
		if (yn < 0)
			return cell_fail(m, s, row, 1, "expected %s or %s, not \"%.*s\"",
					 lang_yes(m->lang), lang_no(m->lang), SHOWN(v, 60));
		answers_set_above_scale(m->a, yn);
		return ASSESS_OK;
	}
	if (p->kind == FORM_PF_STAGE) {
		for (answers_stage st = ANSWERS_STAGE_BASELINE; st <= ANSWERS_STAGE_POST; st++)
			if (!strcmp(v, form_stage_word(st, QN_LANG_ZH)) ||
			    !strcmp(v, form_stage_word(st, QN_LANG_EN)) ||
			    !strcmp(v, answers_stage_name(st))) {
				answers_set_stage(m->a, st);
				return ASSESS_OK;
			}
		return cell_fail(m, s, row, 1, "expected %s or %s, not \"%.*s\"",
				 form_stage_word(ANSWERS_STAGE_BASELINE, m->lang),
				 form_stage_word(ANSWERS_STAGE_POST, m->lang), SHOWN(v, 60));
	}
	/* A date typed into a cell Excel formatted as a date arrives as its day number. */
	if (p->field == ANSWERS_DATE && c->type == XLSX_READER_CELL_NUMBER &&
	    serial_date(v, xlsx_reader_date1904(m->r), date, sizeof date))
		snprintf(v, sizeof v, "%s", date);
	assess_error ferr = {0};
	if (answers_set_field(m->a, p->field, v, &ferr))
		return ferr.code == ASSESS_ERR_NOMEM
			       ? nomem(m)
			       : cell_fail(m, s, row, 1, "%s: %s", form_profile_label(p, m->lang),
					   ferr.msg);
	return ASSESS_OK;
}

static assess_code read_profile(struct imp *m)
{
	xlsx_reader_sheet *s = load_sheet(m, form_sheet_profile(m->lang), UINT32_MAX);
	if (!s)
		return m->err ? m->err->code : ASSESS_ERR_DATA;
	assess_code code = ASSESS_OK;
	for (size_t i = 0; i < form_profile_n_rows && !code; i++) {
		const form_profile_row *p = &form_profile_rows[i];
		uint32_t row = FORM_PROFILE_ROW + (uint32_t)i;
		char label[256];
		cell_text(s, row, 0, label, sizeof label, NULL);
		if (strcmp(label, form_profile_label(p, m->lang)) != 0)
			code = cell_fail(m, s, row, 0,
					 "expected the label \"%s\" here: rows of the "
					 "profile may not be moved",
					 form_profile_label(p, m->lang));
		else
			code = profile_row(m, s, p, row);
	}
	xlsx_reader_sheet_free(s);
	return code;
}

/* ---- the subsidy inputs ---- */

/*
 * A figure's cell as the JSON value the answer file would hold, for the subsidy engine's own
 * check to judge: a whole number as a number (exactly: no double reads the text), anything
 * else that is a number as a fraction, a boolean as one, text as a string. NULL without
 * memory.
 */
static cJSON *figure_json(const xlsx_reader_cell *c, const char *v)
{
	int64_t n;
	if (c->type == XLSX_READER_CELL_BOOL) /* TRUE is no 1 yuan */
		return cJSON_CreateBool(strcmp(v, "1") == 0);
	int whole = form_whole_number(v, &n);
	if (whole < 0)
		return cJSON_CreateString(v);
	/* A whole number beyond 2^53 is far out of range, however the double rounds it; the
	 * check says "a fraction" of any fraction, whatever its value. */
	return cJSON_CreateNumber(whole ? (double)n : 0.5);
}

struct subsidy_read {
	cJSON *finance; /* the block being built, NULL while empty */
	cJSON *spend;   /* its project_spend, borrowed from it */
};

/* Adds value (consumed) to obj under key; false without memory. */
static bool add_to(cJSON **obj, const char *key, cJSON *value)
{
	if (value && (*obj || (*obj = cJSON_CreateObject())) &&
	    cJSON_AddItemToObject(*obj, key, value))
		return true;
	cJSON_Delete(value);
	return false;
}

static assess_code subsidy_row(struct imp *m, const xlsx_reader_sheet *s, const form_subsidy_row *r,
			       uint32_t row, struct subsidy_read *sr)
{
	char v[1024], project[256];
	const xlsx_reader_cell *c;
	const char *key = form_subsidy_key(r);
	const char *label =
		qn_text_get(r->kind == FORM_SR_STATUS ? policy_status_label((policy_status)r->item)
						      : policy_field_label((policy_field)r->item),
			    m->lang);
	cell_text(s, row, FORM_SC_VALUE, v, sizeof v, &c);
	project[0] = '\0';
	if (r->project)
		cell_text(s, row, FORM_SC_PROJECT, project, sizeof project, NULL);
	if (*v && c->type == XLSX_READER_CELL_ERROR)
		return cell_fail(m, s, row, FORM_SC_VALUE, "%s: holds the error value %s", label,
				 v);
	if (r->kind == FORM_SR_STATUS) {
		int yn = *v ? yes_no(v) : -1;
		if (*v && yn < 0)
			return cell_fail(m, s, row, FORM_SC_VALUE,
					 "%s: expected %s or %s, not \"%.*s\"", label,
					 lang_yes(m->lang), lang_no(m->lang), SHOWN(v, 60));
		return answers_set_status_flag(m->a, key, yn) ? nomem(m) : ASSESS_OK;
	}
	if (r->kind == FORM_SR_SPEND) {
		/* project_spend comes first, as the format lists it; dropped at the end if empty */
		if (!sr->spend) {
			cJSON *spend = cJSON_CreateObject();
			if (!add_to(&sr->finance, "project_spend", spend))
				return nomem(m);
			sr->spend = spend;
		}
		if (*project && !add_to(&sr->spend, "project", cJSON_CreateString(project)))
			return nomem(m);
		if (*v && !add_to(&sr->spend, strchr(key, '.') + 1, figure_json(c, v)))
			return nomem(m);
		return ASSESS_OK;
	}
	if (!*v && *project)
		return cell_fail(m, s, row, FORM_SC_PROJECT,
				 "%s: the project is named but the figure (C) is blank", label);
	if (!*v)
		return ASSESS_OK;
	cJSON *value = figure_json(c, v);
	if (*project) { /* {"amount": N, "project": "ID"} */
		cJSON *tagged = NULL;
		if (!add_to(&tagged, "amount", value) ||
		    !add_to(&tagged, "project", cJSON_CreateString(project))) {
			cJSON_Delete(tagged);
			return nomem(m);
		}
		value = tagged;
	}
	return add_to(&sr->finance, key, value) ? ASSESS_OK : nomem(m);
}

/* The check speaks of $.enterprise.above_scale: in the form that is the profile's cell. */
static void profile_place(const struct imp *m, char *msg, size_t size)
{
	static const char json[] = "$.enterprise.above_scale";
	char *at = strstr(msg, json), ref[16], rest[ASSESS_ERROR_MSG_MAX];
	size_t i = 0;
	while (i < form_profile_n_rows && form_profile_rows[i].kind != FORM_PF_ABOVE_SCALE)
		i++;
	if (!at || i == form_profile_n_rows)
		return;
	snprintf(rest, sizeof rest, "%s", at + sizeof json - 1);
	xlsx_reader_ref(FORM_PROFILE_ROW + (uint32_t)i, 1, ref, sizeof ref);
	snprintf(at, size - (size_t)(at - msg), "%s!%s (%s)%s", form_sheet_profile(m->lang), ref,
		 form_profile_label(&form_profile_rows[i], m->lang), rest);
}

/*
 * Where the check's JSON path points: the row of the figure or flag, column C, or E for a
 * project ("$.finance.cloud_annual_fee.project", "$.finance.project_spend.project").
 */
static assess_code subsidy_refused(struct imp *m, const xlsx_reader_sheet *s,
				   const assess_error *cerr)
{
	const char *p = cerr->path;
	bool project = text_ends_with(p, ".project");
	for (size_t i = 0; i < form_subsidy_n_rows; i++) {
		const form_subsidy_row *r = &form_subsidy_rows[i];
		char mine[128];
		snprintf(mine, sizeof mine, "$.%s.%s",
			 r->kind == FORM_SR_STATUS ? "status" : "finance", form_subsidy_key(r));
		size_t k = strlen(mine);
		bool spend_project = r->kind == FORM_SR_SPEND && r->project &&
				     strcmp(p, "$.finance.project_spend.project") == 0;
		if (!spend_project && (strncmp(p, mine, k) != 0 || (p[k] && p[k] != '.')))
			continue;
		uint32_t row = FORM_SUBSIDY_ROW + (uint32_t)i;
		const char *label =
			qn_text_get(r->kind == FORM_SR_STATUS
					    ? policy_status_label((policy_status)r->item)
					    : policy_field_label((policy_field)r->item),
				    m->lang);
		uint32_t col = project ? FORM_SC_PROJECT : FORM_SC_VALUE;
		char v[64], msg[ASSESS_ERROR_MSG_MAX];
		snprintf(msg, sizeof msg, "%s", cerr->msg);
		profile_place(m, msg, sizeof msg);
		cell_text(s, row, col, v, sizeof v, NULL);
		if (project)
			return cell_fail(m, s, row, col, "%s: %s", label, msg);
		return cell_fail(m, s, row, col, "%s: %s (the cell holds \"%s\")", label, msg, v);
	}
	return assess_fail(m->err, ASSESS_ERR_DATA, m->path, 0, 0, "%s: %s: %s",
			   xlsx_reader_sheet_title(s), cerr->path, cerr->msg);
}

/*
 * The status flags and finance figures into the answers' blocks, then the subsidy engine's own
 * check of them, its complaint put back at the cell. A form made before the sheet has none.
 */
static assess_code read_subsidy(struct imp *m)
{
	const char *name = form_sheet_subsidy(m->lang);
	if (m->layout < 2)
		return ASSESS_OK; /* its figures stay in the answer file the form was made from */
	xlsx_reader_sheet *s =
		load_sheet(m, name, FORM_SUBSIDY_ROW + (uint32_t)form_subsidy_n_rows);
	if (!s)
		return m->err ? m->err->code : ASSESS_ERR_DATA;
	struct subsidy_read sr = {0};
	assess_code code = ASSESS_OK;
	for (size_t i = 0; i < form_subsidy_n_rows && !code; i++) {
		const form_subsidy_row *r = &form_subsidy_rows[i];
		uint32_t row = FORM_SUBSIDY_ROW + (uint32_t)i;
		char key[128];
		cell_text(s, row, FORM_SC_KEY, key, sizeof key, NULL);
		if (strcmp(key, form_subsidy_key(r)) != 0)
			code = cell_fail(m, s, row, FORM_SC_KEY,
					 "expected the key \"%s\" here: rows of the sheet may not "
					 "be moved",
					 form_subsidy_key(r));
		else
			code = subsidy_row(m, s, r, row, &sr);
	}
	if (sr.spend && !sr.spend->child)
		cJSON_DeleteItemFromObjectCaseSensitive(sr.finance, "project_spend");
	if (sr.finance && !sr.finance->child) {
		cJSON_Delete(sr.finance);
		sr.finance = NULL;
	}
	if (!code && sr.finance) {
		code = answers_set_block(m->a, "finance", sr.finance);
		sr.finance = NULL;
	}
	assess_error cerr = {0};
	if (!code && subsidy_check_inputs(m->a, &cerr))
		code = cerr.code == ASSESS_ERR_NOMEM ? nomem(m) : subsidy_refused(m, s, &cerr);
	cJSON_Delete(sr.finance);
	xlsx_reader_sheet_free(s);
	return code;
}

/* ---- the answers ---- */

static int find_option(const qn_question *qu, const char *v)
{
	char item[600];
	for (size_t i = 0; i < qu->n_options; i++) {
		const qn_option *o = &qu->options[i];
		if (!strcmp(v, form_option_item(o, QN_LANG_ZH, item, sizeof item)) ||
		    !strcmp(v, form_option_item(o, QN_LANG_EN, item, sizeof item)) ||
		    !strcmp(v, o->code) || !strcmp(v, qn_text_get(&o->label, QN_LANG_ZH)) ||
		    !strcmp(v, qn_text_get(&o->label, QN_LANG_EN)))
			return (int)i;
	}
	return -1;
}

static void add_missing(struct imp *m, const xlsx_reader_sheet *s, uint32_t row, uint32_t col,
			const qn_question *qu)
{
	char ref[16];
	size_t n = strlen(m->missing);
	if (m->n_missing++ < 12)
		text_appendf(m->missing, sizeof m->missing, &n, "%s%s!%s (%s)", n ? ", " : "",
			     xlsx_reader_sheet_title(s), xlsx_reader_ref(row, col, ref, sizeof ref),
			     qu->id);
}

static assess_code set_codes(struct imp *m, const xlsx_reader_sheet *s, uint32_t row, uint32_t col,
			     const qn_question *qu, const char *codes)
{
	assess_error serr = {0};
	if (answers_set_text(m->a, qu->index, codes, &serr))
		return serr.code == ASSESS_ERR_NOMEM ? nomem(m)
						     : cell_fail(m, s, row, col, "%s", serr.msg);
	return ASSESS_OK;
}

/* "3", or "3.0" from a program that writes every number with a fraction: the level's digit. */
static bool scenario_level(const char *v, char level[2])
{
	level[0] = v[0];
	level[1] = '\0';
	return v[0] >= '0' && v[0] <= '4' &&
	       (!v[1] || (v[1] == '.' && v[2] && strspn(v + 2, "0") == strlen(v + 2)));
}

/* The answer cell of a single-choice question or a scenario: blank, an option or a level. */
static assess_code read_one(struct imp *m, const xlsx_reader_sheet *s, uint32_t row,
			    const qn_question *qu)
{
	char v[1024], level[2];
	cell_text(s, row, FORM_COL_ANSWER, v, sizeof v, NULL);
	if (!*v) {
		add_missing(m, s, row, FORM_COL_ANSWER, qu);
		return ASSESS_OK;
	}
	if (qu->kind == QN_SCENARIO && !scenario_level(v, level))
		return cell_fail(m, s, row, FORM_COL_ANSWER,
				 "the level of scenario %s must be 0, "
				 "1, 2, 3 or 4, not \"%.*s\"",
				 qu->id, SHOWN(v, 40));
	int i = qu->kind == QN_SCENARIO ? 0 : find_option(qu, v);
	if (i < 0)
		return cell_fail(m, s, row, FORM_COL_ANSWER,
				 "\"%.*s\" is not an option of %s: pick "
				 "one of %s..%s from the list",
				 SHOWN(v, 80), qu->id, qu->options[0].code,
				 qu->options[qu->n_options - 1].code);
	return set_codes(m, s, row, FORM_COL_ANSWER, qu,
			 qu->kind == QN_SCENARIO ? level : qu->options[i].code);
}

static int tick_value(const char *v)
{
	static const char *const ticks[] = {FORM_TICK, "√", "✔", "☑",   "x",    "X",    "1",
					    "是",      "y", "Y", "yes", "TRUE", "true", NULL};
	static const char *const blanks[] = {"", "0", "否", "n", "N", "no", "FALSE", "false", NULL};
	return one_of(v, ticks, blanks);
}

static assess_code read_multi(struct imp *m, const xlsx_reader_sheet *s, uint32_t row,
			      const qn_question *qu)
{
	char v[64], codes[3 * QN_MAX_OPTIONS + 1] = "";
	uint64_t mask = 0;
	for (uint32_t i = 0; i < QN_MAX_OPTIONS; i++) {
		uint32_t col = FORM_COL_TICKS + i;
		cell_text(s, row, col, v, sizeof v, NULL);
		int t = tick_value(v);
		if (t < 0)
			return cell_fail(m, s, row, col, "expected %s or nothing, not \"%.*s\"",
					 FORM_TICK, SHOWN(v, 40));
		if (t && i >= qu->n_options)
			return cell_fail(m, s, row, col,
					 "%s has no option %c (options %s..%s): "
					 "this option is not offered",
					 qu->id, 'A' + (int)i, qu->options[0].code,
					 qu->options[qu->n_options - 1].code);
		if (t)
			mask |= 1ULL << i;
	}
	if (!mask) {
		add_missing(m, s, row, FORM_COL_TICKS, qu);
		return ASSESS_OK;
	}
	for (size_t i = 0; i < qu->n_options; i++)
		if (qu->options[i].exclusive && (mask & (1ULL << i)) && (mask & ~(1ULL << i)))
			return cell_fail(m, s, row, FORM_COL_TICKS + (uint32_t)i,
					 "option %s (%s) of %s stands alone: it cannot be ticked "
					 "with other options",
					 qu->options[i].code,
					 qn_text_get(&qu->options[i].label, m->lang), qu->id);
	size_t n = 0;
	for (size_t i = 0; i < qu->n_options; i++)
		if (mask & (1ULL << i))
			text_appendf(codes, sizeof codes, &n, "%s%s", n ? " " : "",
				     qu->options[i].code);
	return set_codes(m, s, row, FORM_COL_TICKS, qu, codes);
}

/* Notes (F) are the answer's note, as typed. */
static assess_code read_note(struct imp *m, const xlsx_reader_sheet *s, uint32_t row,
			     const qn_question *qu)
{
	const xlsx_reader_cell *n = xlsx_reader_cell_at(s, row, FORM_COL_NOTES);
	if (!n || !*n->text)
		return ASSESS_OK;
	assess_code code = answers_set_note(m->a, qu->index, n->text);
	return code ? nomem(m) : ASSESS_OK; /* a note is always taken: only memory can run out */
}

/*
 * Evidence (G) becomes the record's evidence items, one per line of the cell, each titled by
 * its line: what the enterprise says it can show. A form has no files to hash.
 */
static assess_code read_evidence(struct imp *m, const xlsx_reader_sheet *s, uint32_t row,
				 const qn_question *qu)
{
	const xlsx_reader_cell *e = xlsx_reader_cell_at(s, row, FORM_COL_EVIDENCE);
	char *copy = e && *e->text ? strdup(e->text) : NULL, *save = NULL;
	if (e && *e->text && !copy)
		return nomem(m);
	assess_code code = ASSESS_OK;
	for (char *line = copy ? strtok_r(copy, "\r\n", &save) : NULL; line && !code;
	     line = strtok_r(NULL, "\r\n", &save)) {
		while (*line == ' ' || *line == '\t')
			line++;
		size_t k = strlen(line);
		while (k && (line[k - 1] == ' ' || line[k - 1] == '\t'))
			line[--k] = '\0';
		if (*line)
			code = answers_evidence_add(m->a, qu->index, line, NULL, NULL, NULL, NULL,
						    m->err);
	}
	free(copy);
	return code; /* a title of a line is always taken: only memory can run out */
}

static xlsx_reader_sheet *dimension_sheet(struct imp *m, const qn_question *qu)
{
	const qn_dimension *d = qu->indicator->subdimension->dimension;
	size_t k = 0;
	while (questionnaire_dimension(m->q, k) != d)
		k++;
	if (!m->sheets[k]) {
		char name[128];
		form_sheet_dimension(d, m->lang, name, sizeof name);
		m->sheets[k] = load_sheet(m, name, UINT32_MAX);
	}
	return m->sheets[k];
}

static assess_code read_question(struct imp *m, const qn_question *qu)
{
	xlsx_reader_sheet *s = dimension_sheet(m, qu);
	if (!s)
		return m->err ? m->err->code : ASSESS_ERR_DATA;
	uint32_t row = form_question_row(m->q, qu);
	char id[64];
	cell_text(s, row, FORM_COL_ID, id, sizeof id, NULL);
	if (strcmp(id, qu->id) != 0)
		return cell_fail(m, s, row, FORM_COL_ID,
				 "expected question %s here: rows may not be "
				 "moved, sorted or deleted",
				 qu->id);
	assess_code code =
		qu->kind == QN_MULTI ? read_multi(m, s, row, qu) : read_one(m, s, row, qu);
	if (!code)
		code = read_note(m, s, row, qu);
	return code ? code : read_evidence(m, s, row, qu);
}

static assess_code read_answers(struct imp *m, bool allow_incomplete)
{
	assess_code code = ASSESS_OK;
	if (!(m->sheets = calloc(questionnaire_n_dimensions(m->q) + 1, sizeof *m->sheets)))
		return nomem(m);
	for (size_t i = 0; i < questionnaire_n_questions(m->q) && !code; i++)
		code = read_question(m, questionnaire_question(m->q, i));
	if (!code && m->n_missing && !allow_incomplete)
		code = assess_fail(m->err, ASSESS_ERR_INCOMPLETE, m->path, 0, 0,
				   "%zu question%s unanswered: %s%s (--allow-incomplete imports "
				   "them as unanswered)",
				   m->n_missing, m->n_missing == 1 ? "" : "s", m->missing,
				   m->n_missing > 12 ? ", ..." : "");
	for (size_t i = 0; i < questionnaire_n_dimensions(m->q); i++)
		xlsx_reader_sheet_free(m->sheets[i]);
	free(m->sheets);
	return code;
}

/*
 * The record of a self-assessment: source "self", and one history entry per answer, stamped
 * with the import time and by whoever the profile says filled it in (answers_save adds the
 * instrument's version and SHA-256).
 */
static assess_code stamp_record(struct imp *m, time_t now)
{
	char at[DATE_STAMP_MAX], reason[300];
	date_format_stamp(now ? now : time(NULL), at, sizeof at);
	if (!*at)
		return assess_fail(m->err, ASSESS_ERR_INTERNAL, m->path, 0, 0,
				   "cannot tell the time of the import");
	const char *base = strrchr(m->path, '/');
	snprintf(reason, sizeof reason, "自评表导入 / imported from the form %s",
		 base ? base + 1 : m->path);
	answers_origin_set(m->a, ANSWERS_SOURCE_SELF);
	const char *by = answers_field_get(m->a, ANSWERS_ASSESSOR);
	for (size_t i = 0; i < questionnaire_n_questions(m->q); i++) {
		assess_error herr = {0};
		if (answers_get(m->a, i)->given &&
		    answers_history_append(m->a, i, at, by, reason, &herr))
			return herr.code == ASSESS_ERR_NOMEM
				       ? nomem(m)
				       : assess_fail(m->err, herr.code, m->path, 0, 0, "%s",
						     herr.msg);
	}
	return ASSESS_OK;
}

answers *form_import(const char *path, answers_resolver resolve, void *ctx, form_import_options *o,
		     assess_error *err)
{
	form_import_options defaults = {0};
	if (!o)
		o = &defaults;
	struct imp m = {.path = path, .err = err};
	if (!(m.r = xlsx_reader_open(path, err)))
		return NULL;
	assess_code code = read_meta(&m, resolve, ctx);
	if (!code && !(m.a = answers_new(m.q)))
		code = assess_nomem(err, path);
	if (!code)
		code = read_profile(&m);
	if (!code)
		code = read_subsidy(&m);
	if (!code)
		code = read_answers(&m, o->allow_incomplete);
	if (!code)
		code = stamp_record(&m, o->now);
	o->n_missing = m.n_missing;
	snprintf(o->missing, sizeof o->missing, "%s%s", m.missing, m.n_missing > 12 ? ", ..." : "");
	xlsx_reader_free(m.r);
	if (code) {
		answers_free(m.a);
		return NULL;
	}
	return m.a;
}
