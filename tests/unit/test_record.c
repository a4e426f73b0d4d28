/* answers/ record (record.h): instrument stamp, team, evidence, history, flags, finalization. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "answers/record.h"
#include "common/sha256.h"
#include "tests/unit/test.h"

static size_t idx(const char *id) { return questionnaire_find(test_miit(), id)->index; }

/* A record with every key; F1 changed once after its first answer. */
static const char *const full_record =
	"{\"questionnaire\": \"miit-2024\", \"questionnaire_version\": \"2024\",\n"
	" \"questionnaire_sha256\": \""
	"0123456789abcdef0123456789abcdef"
	"0123456789abcdef0123456789abcdef"
	"\",\n"
	" \"assessment\": {\"date\": \"2026-11-20\", \"report_no\": \"QZ-2026-017\",\n"
	"  \"source\": \"onsite\",\n"
	"  \"team\": [{\"name\": \"王工\", \"role\": \"组长\", \"organisation\": \"示例服务商\"},\n"
	"           {\"name\": \"李工\"}],\n"
	"  \"interviewees\": [{\"name\": \"陈总\", \"title\": \"总经理\"}],\n"
	"  \"site_visits\": [\"2026-11-19\", \"2026-11-20\"]},\n"
	" \"answers\": {\"F1\": [\"B\", \"C\"], \"S01\": 3},\n"
	" \"evidence\": {\"F1\": [{\"title\": \"网络拓扑图\", \"file\": \"ev/net.pdf\",\n"
	"   \"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\",\n"
	"   \"checklist\": \"F1.2\"}, {\"title\": \"口头说明\"}]},\n"
	" \"flags\": {\"S01\": \"核对MES截图\"},\n"
	" \"history\": [\n"
	"  {\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F1\", \"from\": null, \"to\": [\"B\"],"
	" \"by\": \"王工\"},\n"
	"  {\"at\": \"2026-11-20T10:01:00+08:00\", \"question\": \"S01\", \"from\": null, \"to\": 3},\n"
	"  {\"at\": \"2026-11-20T10:31:02+08:00\", \"question\": \"F1\", \"from\": [\"B\"],"
	" \"to\": [\"B\", \"C\"], \"by\": \"王工\", \"reason\": \"看到了拓扑图\"}],\n"
	" \"finalized\": {\"at\": \"2026-11-20T11:00:00+08:00\", \"by\": \"王工\"}}";

START_TEST(full_record_loads_into_the_model)
{
	answers *a = test_answers(full_record, ANSWERS_ALLOW_INCOMPLETE | ANSWERS_RESCORE);
	ck_assert_str_eq(answers_questionnaire_version(a), "2024");
	ck_assert(!answers_instrument_matches(a));
	ck_assert_int_eq(answers_origin_get(a), ANSWERS_SOURCE_ONSITE);
	ck_assert_str_eq(answers_field_get(a, ANSWERS_REPORT_NO), "QZ-2026-017");
	ck_assert_uint_eq(answers_team_count(a), 2);
	ck_assert_str_eq(answers_team_get(a, 0)->organisation, "示例服务商");
	ck_assert_ptr_null(answers_team_get(a, 1)->role);
	ck_assert_str_eq(answers_interviewee_get(a, 0)->title, "总经理");
	ck_assert_uint_eq(answers_site_visits_count(a), 2);
	ck_assert_int_eq(answers_site_visit_get(a, 1), 20261120);
	ck_assert_uint_eq(answers_evidence_count(a, idx("F1")), 2);
	ck_assert_uint_eq(answers_evidence_total(a), 2);
	ck_assert_str_eq(answers_evidence_get(a, idx("F1"), 0)->checklist, "F1.2");
	ck_assert_ptr_null(answers_evidence_get(a, idx("F1"), 1)->file);
	ck_assert_str_eq(answers_flag_get(a, idx("S01")), "核对MES截图");
	ck_assert_uint_eq(answers_flags_count(a), 1);
	ck_assert_uint_eq(answers_history_count(a), 3);
	const answers_change *c = answers_history_get(a, 2);
	ck_assert_uint_eq(c->question, idx("F1"));
	ck_assert(c->from.given && c->from.mask == 2 && c->to.mask == 6);
	ck_assert_str_eq(c->reason, "看到了拓扑图");
	ck_assert(!answers_history_get(a, 0)->from.given);
	ck_assert(answers_finalized(a));
	ck_assert_str_eq(answers_finalized_by(a), "王工");
	assess_error err = {0};
	ck_assert_ok(answers_history_check(a, &err), &err);
	answers_free(a);
}
END_TEST

/* Written, read and written again: the same text; the stamp is the instrument's. */
START_TEST(record_round_trips_exactly)
{
	answers *a = test_answers(full_record, ANSWERS_ALLOW_INCOMPLETE | ANSWERS_RESCORE);
	char *once = answers_to_json(a);
	answers *b = test_answers(once, ANSWERS_ALLOW_INCOMPLETE);
	char *twice = answers_to_json(b);
	ck_assert_str_eq(once, twice);
	ck_assert(answers_instrument_matches(b));
	ck_assert_str_eq(answers_questionnaire_sha256(b), questionnaire_sha256(test_miit()));
	ck_assert_uint_eq(answers_history_count(b), 3);
	ck_assert_uint_eq(answers_evidence_total(b), 2);
	ck_assert(answers_finalized(b));
	free(once);
	free(twice);
	answers_free(a);
	answers_free(b);
}
END_TEST

START_TEST(another_instrument_is_refused_unless_rescored)
{
	assess_error err = {0};
	answers *a = answers_parse(full_record, strlen(full_record), "t.json", test_resolve, NULL,
				   ANSWERS_ALLOW_INCOMPLETE, &err);
	ck_assert_ptr_null(a);
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.questionnaire_sha256");
	ck_assert_int_eq(err.line, 2);
	ck_assert_msg_has(&err, "answered with miit-2024 version 2024 (SHA-256 0123456789ab…), but "
				"the installed definition is version 2024");
	ck_assert_msg_has(&err, "--rescore");
}
END_TEST

START_TEST(format_1_file_has_no_record_and_is_stamped_when_written)
{
	answers *a = test_example();
	ck_assert_ptr_null(answers_questionnaire_version(a));
	ck_assert_ptr_null(answers_questionnaire_sha256(a));
	ck_assert(answers_instrument_matches(a));
	ck_assert_int_eq(answers_origin_get(a), ANSWERS_SOURCE_NONE);
	ck_assert_uint_eq(answers_history_count(a) + answers_evidence_total(a) +
				  answers_flags_count(a) + answers_team_count(a),
			  0);
	ck_assert(!answers_finalized(a));
	char *text = answers_to_json(a);
	ck_assert_ptr_nonnull(strstr(text, questionnaire_sha256(test_miit())));
	ck_assert_ptr_nonnull(strstr(text, "\"questionnaire_version\":\t\"2024\""));
	ck_assert_ptr_null(strstr(text, "\"history\""));
	ck_assert_ptr_null(strstr(text, "\"finalized\""));
	free(text);
	answers_free(a);
}
END_TEST

/* Each bad record member, the JSON path it fails at, and a fragment of the reason. */
static const struct {
	const char *members, *path, *why;
} bad[] = {
	{"\"questionnaire_version\": 2024", "$.questionnaire_version", "expected a string"},
	{"\"questionnaire_sha256\": \"ABC\"", "$.questionnaire_sha256", "64 lower-case hex"},
	{"\"assessment\": {\"source\": \"phone\"}", "$.assessment.source", "\"onsite\""},
	{"\"assessment\": {\"team\": {}}", "$.assessment.team", "expected an array"},
	{"\"assessment\": {\"team\": [{\"name\": \"王\", \"phone\": \"1\"}]}",
	 "$.assessment.team[0].phone", "unknown key \"phone\""},
	{"\"assessment\": {\"team\": [{\"role\": \"组长\"}]}", "$.assessment.team[0]",
	 "no \"name\""},
	{"\"assessment\": {\"interviewees\": [{\"name\": \"陈\", \"role\": \"x\"}]}",
	 "$.assessment.interviewees[0].role", "unknown key"},
	/* what a person may have, listed whole */
	{"\"assessment\": {\"team\": [{\"name\": \"王\", \"title\": \"x\"}]}",
	 "$.assessment.team[0].title", "unknown key \"title\" (expected name, role, organisation)"},
	{"\"assessment\": {\"interviewees\": [{\"name\": \"陈\", \"organisation\": \"x\"}]}",
	 "$.assessment.interviewees[0].organisation",
	 "unknown key \"organisation\" (expected name, title)"},
	{"\"assessment\": {\"site_visits\": [\"2026-02-30\"]}", "$.assessment.site_visits[0]",
	 "YYYY-MM-DD"},
	{"\"assessment\": {\"report_no\": 17}", "$.assessment.report_no", "expected a string"},
	{"\"evidence\": {\"Z9\": []}", "$.evidence.Z9", "no question \"Z9\""},
	{"\"evidence\": {\"F1\": {}}", "$.evidence.F1", "expected an array"},
	{"\"evidence\": {\"F1\": [{\"file\": \"a.pdf\"}]}", "$.evidence.F1[0]", "no \"title\""},
	{"\"evidence\": {\"F1\": [{\"title\": \"t\", \"size\": 1}]}", "$.evidence.F1[0].size",
	 "unknown key"},
	{"\"evidence\": {\"F1\": [{\"title\": \"t\", \"file\": \"/etc/passwd\"}]}",
	 "$.evidence.F1[0].file", "absolute path"},
	{"\"evidence\": {\"F1\": [{\"title\": \"t\", \"file\": \"ev/../../x\"}]}",
	 "$.evidence.F1[0].file", "\"..\""},
	{"\"evidence\": {\"F1\": [{\"title\": \"t\", \"file\": \"a\", \"sha256\": \"12\"}]}",
	 "$.evidence.F1[0].sha256", "64 lower-case hex"},
	{"\"evidence\": {\"F1\": [{\"title\": \"t\", \"checklist\": \"F1.99\"}]}",
	 "$.evidence.F1[0].checklist", "not an entry of the question's checklist"},
	{"\"evidence\": {\"F1\": [{\"title\": \"t\", \"checklist\": \"S08.4.1\"}]}",
	 "$.evidence.F1[0].checklist", "not an entry"},
	{"\"flags\": {\"F1\": true}", "$.flags.F1", "expected a string"},
	{"\"flags\": {\"Q1\": \"x\"}", "$.flags.Q1", "no question"},
	{"\"history\": {}", "$.history", "expected an array"},
	{"\"history\": [{\"at\": \"2026-11-20 10:00\", \"question\": \"F1\", \"from\": null,"
	 " \"to\": [\"A\"]}]",
	 "$.history[0].at", "expected a time"},
	{"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"X\", \"from\": null,"
	 " \"to\": [\"A\"]}]",
	 "$.history[0].question", "no question \"X\""},
	{"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F1\","
	 " \"to\": [\"A\"]}]",
	 "$.history[0]", "no \"from\""},
	{"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F1\", \"from\": null,"
	 " \"to\": \"A\"}]",
	 "$.history[0].to", "several options"},
	{"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F1\", \"from\": null,"
	 " \"to\": [\"Q\"]}]",
	 "$.history[0].to[0]", "no option \"Q\""},
	{"\"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F1\", \"from\": null,"
	 " \"to\": [\"A\"], \"who\": \"x\"}]",
	 "$.history[0].who", "unknown key"},
	{"\"finalized\": {\"by\": \"王工\"}", "$.finalized", "no \"at\""},
	{"\"finalized\": {\"at\": \"yesterday\"}", "$.finalized.at", "expected a time"},
	{"\"finalized\": true", "$.finalized", "expected an object"},
};

START_TEST(bad_member_fails_at_its_path)
{
	char json[1024];
	snprintf(json, sizeof json, "{\"questionnaire\": \"miit-2024\", \"answers\": {}, %s}",
		 bad[_i].members);
	assess_error err = {0};
	answers *a = answers_parse(json, strlen(json), "t.json", test_resolve, NULL,
				   ANSWERS_ALLOW_INCOMPLETE, &err);
	ck_assert_msg(a == NULL, "accepted: %s", bad[_i].members);
	ck_assert_int_eq(err.code, ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, bad[_i].path);
	ck_assert_msg_has(&err, bad[_i].why);
	ck_assert_int_gt(err.line, 0);
}
END_TEST

START_TEST(history_contradicting_the_answers_fails_the_check)
{
	assess_error err = {0};
	char json[2048];
	/* The answer says C, the last entry B. */
	snprintf(json, sizeof json,
		 "{\"questionnaire\": \"miit-2024\", \"answers\": {\"F2\": \"C\"},"
		 " \"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\","
		 " \"from\": null, \"to\": \"B\"}]}");
	answers *a = test_answers(json, ANSWERS_ALLOW_INCOMPLETE); /* loads: validate's job */
	ck_assert_int_eq(answers_history_check(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.answers.F2");
	ck_assert_msg_has(&err, "its last entry leaves B, but the answer is C");
	answers_free(a);
	/* A change from a value the entry before did not leave. */
	snprintf(json, sizeof json,
		 "{\"questionnaire\": \"miit-2024\", \"answers\": {\"F2\": \"C\"},"
		 " \"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\","
		 " \"from\": null, \"to\": \"B\"}, {\"at\": \"2026-11-20T10:05:00+08:00\","
		 " \"question\": \"F2\", \"from\": \"A\", \"to\": \"C\"}]}");
	a = test_answers(json, ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_int_eq(answers_history_check(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.history[1].from");
	ck_assert_msg_has(&err, "from A, but the entry before it left B");
	answers_free(a);
}
END_TEST

/* The record's checks name a path; the text says where it is, as the loader's errors do. */
START_TEST(record_check_errors_are_located_in_the_text)
{
	static const char text[] =
		"{\"questionnaire\": \"miit-2024\",\n"
		" \"answers\": {\"F2\": \"C\"},\n"
		" \"history\": [\n"
		"  {\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\","
		" \"from\": null, \"to\": \"B\"},\n"
		"  {\"at\": \"2026-11-20T10:05:00+08:00\", \"question\": \"F2\",\n"
		"   \"from\": \"A\", \"to\": \"C\"}]}";
	answers *a = test_answers(text, ANSWERS_ALLOW_INCOMPLETE);
	assess_error err = {0};
	ck_assert_int_eq(answers_history_check(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.history[1].from");
	ck_assert_int_eq(err.line, 6);
	ck_assert_int_eq(err.column, 12);
	answers_free(a);
	/* The last entry against the answer: at the answer. */
	static const char last[] =
		"{\"questionnaire\": \"miit-2024\",\n"
		" \"answers\": {\"F2\": \"C\"},\n"
		" \"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\","
		" \"from\": null, \"to\": \"B\"}]}";
	a = test_answers(last, ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_int_eq(answers_history_check(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.answers.F2");
	ck_assert_int_eq(err.line, 2);
	ck_assert_int_eq(err.column, 20);
	answers_free(a);
	/* Answers built by hand have no text: the path alone. */
	a = answers_new(test_miit());
	ck_assert_ok(answers_set_text(a, idx("F2"), "B", &err), &err);
	ck_assert_ok(answers_history_append(a, idx("F2"), NULL, NULL, NULL, &err), &err);
	ck_assert_ok(answers_set_text(a, idx("F2"), "C", &err), &err);
	ck_assert_int_eq(answers_history_check(a, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.answers.F2");
	ck_assert_int_eq(err.line, 0);
	answers_free(a);
}
END_TEST

/* Time per question from the history: the gap before each entry goes to its question. */
START_TEST(time_spent_comes_from_the_history)
{
	static const char text[] =
		"{\"questionnaire\": \"miit-2024\", \"answers\": {\"F5\": \"B\", \"F2\": \"C\","
		" \"F3\": \"B\", \"S01\": 2},\n"
		" \"history\": [\n"
		"  {\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F5\", \"from\": null, \"to\": \"B\"},\n"
		"  {\"at\": \"2026-11-20T10:00:45+08:00\", \"question\": \"F2\", \"from\": null, \"to\": \"B\"},\n"
		"  {\"at\": \"2026-11-20T02:00:50Z\", \"question\": \"F3\", \"from\": null, \"to\": \"B\"},\n"
		"  {\"at\": \"2026-11-20T10:02:50+08:00\", \"question\": \"F2\", \"from\": \"B\", \"to\": \"C\"},\n"
		"  {\"at\": \"2026-11-20T10:01:00+08:00\", \"question\": \"S01\", \"from\": null, \"to\": 2}]}";
	answers *a = test_answers(text, ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_int_eq(answers_seconds_spent(a, idx("F5")), -1); /* the first entry */
	ck_assert_int_eq(answers_seconds_spent(a, idx("F2")), 45 + 120);
	ck_assert_int_eq(answers_seconds_spent(a, idx("F3")), 5);   /* Z is +08:00's 10:00:50 */
	ck_assert_int_eq(answers_seconds_spent(a, idx("S01")), -1); /* a clock set back */
	ck_assert_int_eq(answers_seconds_spent(a, idx("R4")), -1);
	answers_time t;
	ck_assert_int_eq(answers_time_spent(a, &t), ASSESS_OK);
	ck_assert_uint_eq(t.n_timed, 2);
	ck_assert_int_eq(t.total, 170);
	ck_assert_int_eq(t.median, (5 + 165) / 2);
	ck_assert_uint_eq(t.n_rushed, 1);
	cJSON *rec = answers_record_json(a);
	char *json = cJSON_PrintUnformatted(cJSON_GetObjectItem(rec, "time"));
	ck_assert_str_eq(json, "{\"total\":170,\"median\":85,\"seconds\":{\"F2\":165,\"F3\":5},"
			       "\"rushed\":[\"F3\"]}");
	free(json);
	cJSON_Delete(rec);
	answers_free(a);
	/* Every entry at one second (an import): times of 0 say nothing, and there is no "time". */
	static const char batch[] =
		"{\"questionnaire\": \"miit-2024\", \"answers\": {\"F2\": \"C\", \"F3\": \"B\"},"
		" \"history\": [{\"at\": \"2026-11-20T10:00:00+08:00\", \"question\": \"F2\","
		" \"from\": null, \"to\": \"C\"}, {\"at\": \"2026-11-20T10:00:00+08:00\","
		" \"question\": \"F3\", \"from\": null, \"to\": \"B\"}]}";
	a = test_answers(batch, ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_int_eq(answers_seconds_spent(a, idx("F3")), 0);
	rec = answers_record_json(a);
	ck_assert_ptr_null(cJSON_GetObjectItem(rec, "time"));
	cJSON_Delete(rec);
	answers_free(a);
	/* No history: no time, and no "time" in the record. */
	a = test_example();
	ck_assert_int_eq(answers_time_spent(a, &t), ASSESS_OK);
	ck_assert_uint_eq(t.n_timed, 0);
	rec = answers_record_json(a);
	ck_assert_ptr_null(cJSON_GetObjectItem(rec, "time"));
	cJSON_Delete(rec);
	answers_free(a);
}
END_TEST

/* The status flag the interview asks (pilot_enterprise): set, replaced, cleared, saved. */
START_TEST(status_flags_are_set_in_the_block)
{
	answers *a = answers_new(test_miit());
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), -1);
	ck_assert_int_eq(answers_set_status_flag(a, "pilot_enterprise", 1), ASSESS_OK);
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), 1);
	ck_assert_int_eq(answers_set_status_flag(a, "pilot_enterprise", 0), ASSESS_OK);
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), 0);
	ck_assert_int_eq(answers_set_status_flag(a, "city_leader", 1), ASSESS_OK);
	char *text = answers_to_json(a);
	ck_assert_ptr_nonnull(strstr(text, "\"status\":\t{\n\t\t\"pilot_enterprise\":\tfalse,"));
	free(text);
	ck_assert_int_eq(answers_set_status_flag(a, "pilot_enterprise", -1), ASSESS_OK);
	ck_assert_int_eq(answers_set_status_flag(a, "city_leader", -1), ASSESS_OK);
	ck_assert_ptr_null(answers_block(a, "status")); /* emptied: gone, as in a file without it */
	ck_assert_int_eq(answers_set_status_flag(a, "city_leader", -1), ASSESS_OK);
	answers_free(a);
	/* A file's other status members stay; a status that is not an object is not touched. */
	a = test_answers("{\"questionnaire\": \"miit-2024\", \"answers\": {},"
			 " \"status\": {\"in_standard_park\": true}}",
			 ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_int_eq(answers_set_status_flag(a, "pilot_enterprise", 1), ASSESS_OK);
	ck_assert_int_eq(answers_status_flag(a, "in_standard_park"), 1);
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), 1);
	answers_free(a);
	a = test_answers("{\"questionnaire\": \"miit-2024\", \"answers\": {}, \"status\": [1]}",
			 ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_int_eq(answers_set_status_flag(a, "pilot_enterprise", 1), ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_status_flag(a, "pilot_enterprise"), -1);
	answers_free(a);
}
END_TEST

START_TEST(history_append_computes_from_and_to)
{
	answers *a = answers_new(test_miit());
	assess_error err = {0};
	ck_assert_ok(answers_set_text(a, idx("F2"), "B", &err), &err);
	ck_assert_ok(answers_history_append(a, idx("F2"), "2026-11-20T10:00:00+08:00", "王工", NULL,
					    &err),
		     &err);
	ck_assert_ok(answers_history_append(a, idx("F2"), "2026-11-20T10:00:05+08:00", "王工", NULL,
					    &err),
		     &err); /* unchanged: no entry */
	ck_assert_uint_eq(answers_history_count(a), 1);
	ck_assert_ok(answers_set_text(a, idx("F2"), "D", &err), &err);
	ck_assert_ok(answers_history_append(a, idx("F2"), NULL, "王工", "复核", &err), &err);
	ck_assert_uint_eq(answers_history_count(a), 2);
	const answers_change *c = answers_history_get(a, 1);
	ck_assert_int_eq(c->from.choice, 1);
	ck_assert_int_eq(c->to.choice, 3);
	ck_assert_str_eq(c->reason, "复核");
	ck_assert_uint_eq(strlen(c->at), 25); /* now, with its offset */
	ck_assert_ok(answers_history_check(a, &err), &err);
	ck_assert_int_eq(answers_history_append(a, idx("F2"), "10:00", NULL, NULL, &err),
			 ASSESS_ERR_DATA);
	answers_free(a);
}
END_TEST

START_TEST(finalized_record_needs_a_reopen_to_change)
{
	answers *a = test_example();
	assess_error err = {0};
	ck_assert_ok(answers_finalize(a, "2026-11-20T11:00:00+08:00", "王工", &err), &err);
	ck_assert_int_eq(answers_set_text(a, idx("F2"), "B", &err), ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "reopen");
	ck_assert_int_eq(answers_clear(a, idx("F2"), &err), ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_history_append(a, idx("F2"), NULL, NULL, NULL, &err),
			 ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_reopen(a, "", &err), ASSESS_ERR_DATA);
	ck_assert_ok(answers_reopen(a, "企业补充了合同", &err), &err);
	ck_assert(!answers_finalized(a));
	ck_assert_ok(answers_set_text(a, idx("F2"), "B", &err), &err);
	ck_assert_ok(answers_history_append(a, idx("F2"), NULL, "王工", NULL, &err), &err);
	ck_assert_str_eq(answers_history_get(a, 0)->reason, "企业补充了合同");
	ck_assert_ok(answers_finalize(a, NULL, "王工", &err), &err);
	answers_free(a);
	answers *b = answers_new(test_miit());
	ck_assert_int_eq(answers_finalize(b, NULL, NULL, &err), ASSESS_ERR_INCOMPLETE);
	ck_assert_int_eq(answers_reopen(b, "x", &err), ASSESS_ERR_DATA);
	answers_free(b);
}
END_TEST

START_TEST(evidence_files_are_hashed_and_verified)
{
	char sha[65];
	assess_error err = {0};
	ck_assert_int_eq(mkdir(test_in_dir("ev"), 0700), 0);
	const char *path = test_in_dir("ev/net.pdf");
	test_write_file(path, "abc");
	ck_assert_ok(answers_evidence_hash(test_dir, "ev/net.pdf", sha, &err), &err);
	ck_assert_str_eq(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_int_eq(answers_evidence_hash(test_dir, "ev", sha, &err), ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "not a regular file");
	answers *a = test_answers(full_record, ANSWERS_ALLOW_INCOMPLETE | ANSWERS_RESCORE);
	ck_assert_ok(answers_evidence_verify(a, test_dir, &err), &err);
	test_write_file(path, "abd"); /* altered */
	ck_assert_int_eq(answers_evidence_verify(a, test_dir, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.evidence.F1[0].file");
	ck_assert_msg_has(&err, "of F1: ev/net.pdf has changed");
	unlink(path);
	ck_assert_int_eq(answers_evidence_verify(a, test_dir, &err), ASSESS_ERR_DATA);
	ck_assert_msg_has(&err, "ev/net.pdf");
	ck_assert_msg_has(&err, "No such file");
	/* The setter hashes the file itself, and refuses what the loader refuses. */
	test_write_file(path, "abc");
	ck_assert_ok(answers_evidence_add(a, idx("F2"), "合同", "ev/net.pdf", NULL, NULL, test_dir,
					  &err),
		     &err);
	ck_assert_str_eq(answers_evidence_get(a, idx("F2"), 0)->sha256,
			 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	ck_assert_int_eq(answers_evidence_add(a, idx("F2"), "x", "../x", NULL, NULL, test_dir,
					      &err),
			 ASSESS_ERR_DATA);
	ck_assert_int_eq(answers_evidence_add(a, idx("F2"), "", NULL, NULL, NULL, NULL, &err),
			 ASSESS_ERR_DATA);
	ck_assert_ok(answers_evidence_remove(a, idx("F2"), 0), &err);
	ck_assert_uint_eq(answers_evidence_count(a, idx("F2")), 0);
	unlink(path);
	answers_free(a);
}
END_TEST

START_TEST(evidence_is_named_from_the_answer_files_folder)
{
	char dir[16];
	answers_evidence_folder("out/acme.json", dir, sizeof dir);
	ck_assert_str_eq(dir, "out");
	answers_evidence_folder("a/b/acme.json", dir, sizeof dir);
	ck_assert_str_eq(dir, "a/b");
	answers_evidence_folder("/acme.json", dir, sizeof dir);
	ck_assert_str_eq(dir, "/");
	answers_evidence_folder("acme.json", dir, sizeof dir);
	ck_assert_str_eq(dir, ".");
	answers_evidence_folder("-", dir, sizeof dir);
	ck_assert_str_eq(dir, ".");
	answers_evidence_folder("a-long-folder/acme.json", dir, 5);
	ck_assert_str_eq(dir, "a-lo");
}
END_TEST

START_TEST(setters_fill_the_record)
{
	answers *a = answers_new(test_miit());
	assess_error err = {0};
	answers_origin_set(a, ANSWERS_SOURCE_SELF);
	ck_assert_ok(answers_team_add(a, "王工", "组长", NULL, &err), &err);
	ck_assert_int_eq(answers_team_add(a, "", NULL, NULL, &err), ASSESS_ERR_DATA);
	ck_assert_ok(answers_interviewee_add(a, "陈总", "总经理", &err), &err);
	ck_assert_ok(answers_site_visit_add(a, 20261120, &err), &err);
	ck_assert_int_eq(answers_site_visit_add(a, 20260230, &err), ASSESS_ERR_DATA);
	ck_assert_ok(answers_flag_set(a, idx("F3"), "问合同"), &err);
	ck_assert_ok(answers_flag_set(a, idx("F3"), ""), &err);
	ck_assert_ok(answers_flag_set(a, idx("F4"), "问发票"), &err);
	char *text = answers_to_json(a);
	ck_assert_ptr_nonnull(strstr(text, "\"source\":\t\"self\""));
	ck_assert_ptr_nonnull(strstr(text, "\"site_visits\":\t[\"2026-11-20\"]"));
	ck_assert_ptr_null(strstr(text, "问合同"));
	answers *b = test_answers(text, ANSWERS_ALLOW_INCOMPLETE);
	ck_assert_str_eq(answers_origin_name(answers_origin_get(b)), "self");
	ck_assert_str_eq(answers_team_get(b, 0)->role, "组长");
	ck_assert_str_eq(answers_flag_get(b, idx("F4")), "问发票");
	answers_team_clear(b);
	ck_assert_uint_eq(answers_team_count(b), 0);
	free(text);
	answers_free(a);
	answers_free(b);
}
END_TEST

START_TEST(sha256_in_pieces_is_the_digest_of_the_whole)
{
	char data[300], one[65], pieces[65];
	for (size_t i = 0; i < sizeof data; i++)
		data[i] = (char)(i * 7 + 1);
	for (size_t len = 0; len <= sizeof data; len += 17) {
		sha256_hex(data, len, one);
		sha256_ctx c;
		sha256_init(&c);
		for (size_t k = 0; k < len; k += 5)
			sha256_update(&c, data + k, len - k < 5 ? len - k : 5);
		sha256_final_hex(&c, pieces);
		ck_assert_str_eq(one, pieces);
	}
}
END_TEST

START_TEST(questionnaire_names_its_bytes)
{
	const char *sha = questionnaire_sha256(test_miit());
	ck_assert_uint_eq(strlen(sha), 64);
	size_t len;
	char *xml = test_read_file(QUESTIONNAIRES_DIR "/miit-2024.xml", &len);
	char want[65];
	sha256_hex(xml, len, want);
	ck_assert_str_eq(sha, want);
	free(xml);
}
END_TEST

START_TEST(instrument_carries_the_checklists)
{
	const questionnaire *q = test_miit();
	ck_assert_ptr_nonnull(questionnaire_checklist_source(q)->zh);
	const qn_question *f1 = questionnaire_find(q, "F1"), *s08 = questionnaire_find(q, "S08");
	const qn_checklist_entry *e = qn_checklist_find(f1, "F1.3");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->option, 3); /* D: the 5G network */
	ck_assert_str_eq(e->text.zh, "5G网络建设或租赁合同");
	ck_assert_int_eq(qn_checklist_find(f1, "F1.2")->option, -1);
	/* This instrument puts models and the fault knowledge base at level 4 of S08. */
	ck_assert_int_eq(qn_checklist_find(s08, "S08.4.2")->level, 4);
	ck_assert_str_eq(qn_checklist_find(s08, "S08.4.2")->text.zh, "故障知识库截图");
	ck_assert_ptr_null(qn_checklist_find(s08, "F1.3"));
	size_t n = 0;
	for (size_t i = 0; i < questionnaire_n_questions(q); i++)
		n += questionnaire_question(q, i)->n_checklist;
	ck_assert_uint_eq(n, 45 + 163);
}
END_TEST

TCase *make_record_tcase(void)
{
	const TTest *tests1[] = {full_record_loads_into_the_model, record_round_trips_exactly,
				 another_instrument_is_refused_unless_rescored,
				 format_1_file_has_no_record_and_is_stamped_when_written, NULL};
	const TTest *tests2[] = {history_contradicting_the_answers_fails_the_check,
				 record_check_errors_are_located_in_the_text,
				 time_spent_comes_from_the_history,
				 status_flags_are_set_in_the_block,
				 history_append_computes_from_and_to,
				 finalized_record_needs_a_reopen_to_change,
				 evidence_files_are_hashed_and_verified,
				 evidence_is_named_from_the_answer_files_folder,
				 setters_fill_the_record,
				 sha256_in_pieces_is_the_digest_of_the_whole,
				 questionnaire_names_its_bytes,
				 instrument_carries_the_checklists,
				 NULL};
	TCase *tc = test_tcase("record", test_dir_make, test_dir_remove, 0, tests1);
	tcase_add_loop_test(tc, bad_member_fails_at_its_path, 0, (int)(sizeof bad / sizeof *bad));
	test_tcase_add(tc, tests2);
	return tc;
}
