/*
 * state.c - the record's state in one line and as JSON, for `assess score` and the reports:
 * finalized or a draft, how much evidence and how many flags, and whether the file was
 * answered with another version of the instrument (scored with --rescore).
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include "common/lang.h"

bool answers_has_record(const answers *a) { return a->rec != NULL; }

const char *answers_record_line(const answers *a, qn_lang lang, char *buf, size_t size)
{
	int n = snprintf(buf, size,
			 lang_pick(lang, "记录：%s，证据 %zu 项，待核实 %zu 项",
				   "Record: %s, %zu evidence items, %zu flagged"),
			 answers_finalized(a)
				 ? lang_pick(lang, "已定稿", "finalized")
				 : lang_pick(lang, "暂定（未定稿）", "draft (not finalized)"),
			 answers_evidence_total(a), answers_flags_count(a));
	if (n >= 0 && (size_t)n < size && !answers_instrument_matches(a)) {
		const char *v = answers_questionnaire_version(a);
		snprintf(buf + n, size - (size_t)n,
			 lang_pick(lang, "；答卷依据问卷 %s 版作答，已按已安装的 %s 版重新评分",
				   "; answered with version %s of the questionnaire, rescored with "
				   "the installed version %s"),
			 v ? v : "?", questionnaire_version(a->q));
	}
	return buf;
}

cJSON *answers_record_json(const answers *a)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	bool ok = cJSON_AddBoolToObject(o, "finalized", answers_finalized(a)) &&
		  cJSON_AddNumberToObject(o, "evidence", (double)answers_evidence_total(a)) &&
		  cJSON_AddNumberToObject(o, "flags", (double)answers_flags_count(a)) &&
		  cJSON_AddNumberToObject(o, "history", (double)answers_history_count(a)) &&
		  cJSON_AddBoolToObject(o, "rescored", !answers_instrument_matches(a));
	const char *keys[] = {"finalized_at", "finalized_by",          "source",
			      "report_no",    "questionnaire_version", "questionnaire_sha256"};
	const char *vals[] = {answers_finalized_at(a),
			      answers_finalized_by(a),
			      answers_origin_get(a) ? answers_origin_name(answers_origin_get(a))
						    : NULL,
			      answers_field_get(a, ANSWERS_REPORT_NO),
			      answers_questionnaire_version(a),
			      answers_questionnaire_sha256(a)};
	for (int k = 0; ok && k < 6; k++)
		if (vals[k])
			ok = cJSON_AddStringToObject(o, keys[k], vals[k]) != NULL;
	if (ok)
		return o;
	cJSON_Delete(o);
	return NULL;
}
