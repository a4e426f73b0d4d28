/*
 * state.c - the record's state in one line and as JSON, for `assess score` and the reports:
 * finalized or a draft, how much evidence and how many flags, the time the history gives, and
 * whether the file was answered with another version of the instrument (scored with --rescore).
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdio.h>
#include "common/lang.h"
#include "common/text.h"

bool answers_has_record(const answers *a) { return a->rec != NULL; }

const char *answers_record_line(const answers *a, qn_lang lang, char *buf, size_t size)
{
	size_t used = 0;
	text_appendf(buf, size, &used,
		     lang_pick(lang, "记录：%s，证据 %zu 项，待核实 %zu 项",
			       "Record: %s, %zu evidence items, %zu flagged"),
		     answers_finalized(a)
			     ? lang_pick(lang, "已定稿", "finalized")
			     : lang_pick(lang, "暂定（未定稿）", "draft (not finalized)"),
		     answers_evidence_total(a), answers_flags_count(a));
	answers_time t = {0};
	/* The time the history gives (none for an import's, written at one moment), and how many
	 * answers came too fast: what a supervisor looks for. Out of memory leaves it out. */
	if (used < size && answers_time_spent(a, &t) == ASSESS_OK && t.total > 0) {
		text_appendf(buf, size, &used,
			     lang_pick(lang, "，用时 %ld:%02ld", ", %ld:%02ld spent"), t.total / 60,
			     t.total % 60);
		if (t.n_rushed)
			text_appendf(buf, size, &used,
				     lang_pick(lang, "（%zu 题不足 %d 秒）", " (%zu under %d s)"),
				     t.n_rushed, ANSWERS_RUSHED_SECONDS);
	}
	if (!answers_instrument_matches(a)) {
		const char *v = answers_questionnaire_version(a);
		text_appendf(
			buf, size, &used,
			lang_pick(lang, "；答卷依据问卷 %s 版作答，已按已安装的 %s 版重新评分",
				  "; answered with version %s of the questionnaire, rescored with "
				  "the installed version %s"),
			v ? v : "?", questionnaire_version(a->q));
	}
	return buf;
}

/*
 * {"total": s, "median": s, "seconds": {"F1": s, ...}, "rushed": ["F3", ...]}: the time the
 * history says each question took, for a supervisor; NULL when it gives no time, or no time
 * but zero (every entry at the same second, as an import writes them), or no memory (*ok
 * false).
 */
static cJSON *time_json(const answers *a, bool *ok)
{
	answers_time t;
	if (answers_time_spent(a, &t) != ASSESS_OK) {
		*ok = false;
		return NULL;
	}
	/* A history entered at one moment (an import's) says nothing of the time spent. */
	if (!t.n_timed || !t.total)
		return NULL;
	cJSON *o = cJSON_CreateObject();
	cJSON *per = o && cJSON_AddNumberToObject(o, "total", (double)t.total) &&
				     cJSON_AddNumberToObject(o, "median", (double)t.median)
			     ? cJSON_AddObjectToObject(o, "seconds")
			     : NULL;
	cJSON *rushed = per ? cJSON_AddArrayToObject(o, "rushed") : NULL;
	*ok = rushed != NULL;
	for (size_t i = 0; *ok && i < questionnaire_n_questions(a->q); i++) {
		long spent = answers_seconds_spent(a, i);
		const char *id = questionnaire_question(a->q, i)->id;
		if (spent < 0)
			continue;
		*ok = cJSON_AddNumberToObject(per, id, (double)spent) != NULL;
		if (*ok && spent < ANSWERS_RUSHED_SECONDS) {
			cJSON *rid = cJSON_CreateString(id);
			*ok = rid && cJSON_AddItemToArray(rushed, rid);
			if (!*ok)
				cJSON_Delete(rid); /* not in the array: still ours */
		}
	}
	if (*ok)
		return o;
	cJSON_Delete(o);
	return NULL;
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
	cJSON *time = ok ? time_json(a, &ok) : NULL;
	if (time && !cJSON_AddItemToObject(o, "time", time)) {
		cJSON_Delete(time);
		ok = false;
	}
	if (ok)
		return o;
	cJSON_Delete(o);
	return NULL;
}
