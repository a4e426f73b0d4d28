/*
 * The self-assessment form in process: a pre-filled form imports to the same answers, a blank
 * one lists every question as unanswered, and outputs are replaced only when asked. Filling a
 * form the way a person does, in other programs, is tests/form.sh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/readfile.h"
#include "answers/record.h"
#include "form/form.h"
#include "form/form-layout.h"
#include "policies/policy.h"
#include "tests/unit/test.h"
#include "xlsx/reader.h"

/* The form written to name in test_dir with o (NULL: blank), and read back with io. */
static answers *through_a_form(const char *name, const form_options *o, form_import_options *io)
{
	const char *path = test_in_dir(name);
	assess_error err = {0};
	ck_assert_ok(form_write(test_miit(), o, path, &err), &err);
	answers *b = form_import(path, test_resolve, NULL, io, &err);
	ck_assert_msg(b != NULL, "%s", err.msg);
	return b;
}

START_TEST(prefilled_form_imports_to_the_same_answers)
{
	answers *a = test_example();
	form_options o = {.prefill = a};
	form_import_options io = {0};
	answers *b = through_a_form("pre.xlsx", &o, &io);
	ck_assert_uint_eq(io.n_missing, 0);
	for (int f = 0; f < ANSWERS_FIELD_MAX; f++) {
		const char *x = answers_field_get(a, (answers_field)f);
		const char *y = answers_field_get(b, (answers_field)f);
		ck_assert_msg((!x && !y) || (x && y && strcmp(x, y) == 0), "field %d: %s / %s", f,
			      x ? x : "(none)", y ? y : "(none)");
	}
	ck_assert_int_eq(answers_above_scale(a), answers_above_scale(b));
	ck_assert_int_eq(answers_stage_get(a), answers_stage_get(b));
	for (size_t i = 0; i < questionnaire_n_questions(test_miit()); i++) {
		const answer *x = answers_get(a, i), *y = answers_get(b, i);
		char bx[128], by[128];
		ck_assert_str_eq(answers_format(a, i, bx, sizeof bx),
				 answers_format(b, i, by, sizeof by));
		ck_assert_str_eq(x->note ? x->note : "", y->note ? y->note : "");
	}
	answers_free(b);
	answers_free(a);
}
END_TEST

/*
 * Evidence items travel as the evidence column, one title a line, and come back as items; an
 * old note with the evidence part an earlier import wrote comes back as that note and an item.
 */
START_TEST(evidence_column_is_evidence_items)
{
	answers *a = test_example();
	const questionnaire *q = test_miit();
	size_t f1 = questionnaire_find(q, "F1")->index, f2 = questionnaire_find(q, "F2")->index;
	assess_error err = {0};
	ck_assert_ok(answers_evidence_add(a, f1, "网络拓扑图", NULL, NULL, NULL, NULL, &err), &err);
	ck_assert_ok(answers_evidence_add(a, f1, "交换机台账", NULL, NULL, "F1.1", NULL, &err),
		     &err);
	ck_assert_int_eq(answers_set_note(a, f2, "采购记录\n[佐证] 采购合同"), ASSESS_OK);
	form_options o = {.prefill = a};
	form_import_options io = {0};
	answers *b = through_a_form("ev.xlsx", &o, &io);
	ck_assert_uint_eq(answers_evidence_count(b, f1), 2);
	ck_assert_str_eq(answers_evidence_get(b, f1, 0)->title, "网络拓扑图");
	ck_assert_str_eq(answers_evidence_get(b, f1, 1)->title, "交换机台账");
	ck_assert_ptr_null(answers_evidence_get(b, f1, 1)->checklist); /* a form has titles only */
	ck_assert_uint_eq(answers_evidence_count(b, f2), 1);
	ck_assert_str_eq(answers_evidence_get(b, f2, 0)->title, "采购合同");
	ck_assert_str_eq(answers_get(b, f2)->note, "采购记录");
	ck_assert_uint_eq(answers_evidence_total(b), 3);
	answers_free(b);
	answers_free(a);
}
END_TEST

START_TEST(blank_form_lists_every_question)
{
	const char *path = test_in_dir("blank.xlsx");
	assess_error err = {0};
	ck_assert_ok(form_write(test_miit(), NULL, path, &err), &err);
	form_import_options io = {0};
	ck_assert_ptr_null(form_import(path, test_resolve, NULL, &io, &err));
	ck_assert_int_eq(err.code, ASSESS_ERR_INCOMPLETE);
	ck_assert_msg_has(&err, "31 questions unanswered: 数字化基础!H4 (F1), 数字化基础!D5 (F2)");
	io.allow_incomplete = true;
	answers *a = form_import(path, test_resolve, NULL, &io, &err);
	ck_assert_msg(a != NULL, "%s", err.msg);
	ck_assert_uint_eq(io.n_missing, 31);
	ck_assert_uint_eq(answers_n_missing(a), 31);
	answers_free(a);
}
END_TEST

START_TEST(the_instrument_travels_inside)
{
	const char *path = test_in_dir("en.xlsx");
	assess_error err = {0};
	form_options o = {.lang = QN_LANG_EN};
	ck_assert_ok(form_write(test_miit(), &o, path, &err), &err);
	xlsx_reader *r = xlsx_reader_open(path, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	ck_assert_str_eq(xlsx_reader_property(r, "assess.questionnaire"), "miit-2024");
	ck_assert_str_eq(xlsx_reader_property(r, "assess.questionnaire_version"), "2024");
	ck_assert_uint_eq(strlen(xlsx_reader_property(r, "assess.questionnaire_sha256")), 64);
	long meta = xlsx_reader_find_sheet(r, "_assess");
	ck_assert_int_ge(meta, 0);
	ck_assert(xlsx_reader_sheet_hidden(r, (size_t)meta));
	ck_assert_int_ge(xlsx_reader_find_sheet(r, "Digital foundation"), 0);
	xlsx_reader_sheet *s = xlsx_reader_load_sheet(r, (size_t)meta, &err);
	ck_assert_str_eq(xlsx_reader_cell_at(s, 1, 1)->text, "miit-2024");
	ck_assert_str_eq(xlsx_reader_cell_at(s, 3, 1)->text,
			 xlsx_reader_property(r, "assess.questionnaire_sha256"));
	ck_assert_str_eq(xlsx_reader_cell_at(s, 4, 1)->text, "en");
	xlsx_reader_sheet_free(s);
	xlsx_reader_free(r);
}
END_TEST

START_TEST(outputs_are_replaced_only_when_asked)
{
	const char *path = test_in_dir("f.xlsx");
	test_write_file(path, "mine");
	assess_error err = {0};
	ck_assert_int_eq(form_write(test_miit(), NULL, path, &err), ASSESS_ERR_EXISTS);
	size_t len;
	char *data = readfile_all(path, 100, &len, &err);
	ck_assert_str_eq(data, "mine");
	free(data);
	ck_assert_int_eq(test_dir_entries(), 1); /* no temporary left */
	form_options o = {.replace = true};
	ck_assert_ok(form_write(test_miit(), &o, path, &err), &err);
	ck_assert_int_eq(test_dir_entries(), 1);
}
END_TEST

/* A figure's cell is read on its digits: no double decides whether it is whole. */
START_TEST(figures_are_read_exactly)
{
	static const struct {
		const char *text;
		int whole;
		int64_t value;
	} cases[] = {
		{"420000", 1, 420000},
		{"0", 1, 0},
		{"-5", 1, -5},
		{"+7", 1, 7},
		{"420000.0", 1, 420000},
		{"4.2E+5", 1, 420000},
		{"4.2e5", 1, 420000},
		{"1E+14", 1, 100000000000000},
		{"100000000000000", 1, 100000000000000},
		{"0004200.000", 1, 4200},
		{"38000000.5", 0, 0},
		{"0.05", 0, 0},
		{"1.00000000000000001", 0, 0}, /* a double would round it to 1 */
		{"1E-1", 0, 0},
		{"1E+30", 1, INT64_MAX},
		{"-1E+30", 1, INT64_MIN},
		{"123456789012345678901234567890", 1, INT64_MAX},
		{"1234567890123456789012345678901234567890123456789012345678901234567890x", -1, 0},
		{"6万", -1, 0},
		{"420,000", -1, 0},
		{"", -1, 0},
		{".", -1, 0},
		{"1e", -1, 0},
		{"1.2.3", -1, 0},
		{"0x10", -1, 0},
		{"inf", -1, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = 0;
		int got = form_whole_number(cases[i].text, &v);
		ck_assert_msg(got == cases[i].whole, "\"%s\": %d, expected %d", cases[i].text, got,
			      cases[i].whole);
		if (got == 1)
			ck_assert_msg(v == cases[i].value, "\"%s\": %lld", cases[i].text,
				      (long long)v);
	}
}
END_TEST

/* Every flag and figure, tagged or not, comes back from a pre-filled form as it was. */
START_TEST(subsidy_inputs_round_trip)
{
	answers *a = test_example();
	const char *finance =
		"{\"project_spend\": {\"software\": 420000, \"cloud\": 0, \"hardware\": 1, "
		"\"other_hardware\": 99999999999999, \"services\": 35000, \"project\": \"2026-erp\"}, "
		"\"cloud_annual_fee\": 60000, "
		"\"mis_software_spend\": {\"amount\": 1200000, \"project\": \"2026-erp\"}, "
		"\"diagnosis_fee\": 80000, \"ai_product_price\": {\"amount\": 0, \"project\": \"ai.1\"}, "
		"\"design_contract\": 150000, \"revenue_last_year\": 100000000000000, "
		"\"tech_service_contract\": 200000, \"local_fiscal_contribution\": 900000, "
		"\"batch\": 99}";
	ck_assert_int_eq(answers_set_block(a, "finance", cJSON_Parse(finance)), ASSESS_OK);
	ck_assert_int_eq(answers_set_status_flag(a, "city_leader", 1), ASSESS_OK);
	ck_assert_int_eq(answers_set_status_flag(a, "in_standard_park", -1), ASSESS_OK);
	form_options o = {.prefill = a, .lang = QN_LANG_EN};
	form_import_options io = {0};
	answers *b = through_a_form("subsidy.xlsx", &o, &io);
	ck_assert(cJSON_Compare(answers_block(a, "finance"), answers_block(b, "finance"), true));
	ck_assert(cJSON_Compare(answers_block(a, "status"), answers_block(b, "status"), true));
	ck_assert_int_eq(answers_status_flag(b, "in_standard_park"), -1);
	answers_free(b);
	answers_free(a);
}
END_TEST

/* A blank form has no subsidy inputs to give; answers it cannot carry are refused, no file. */
START_TEST(subsidy_inputs_blank_and_refused)
{
	form_import_options io = {.allow_incomplete = true};
	answers *b = through_a_form("blank.xlsx", NULL, &io);
	const char *path = test_in_dir("blank.xlsx");
	assess_error err = {0};
	ck_assert_ptr_null(answers_block(b, "finance"));
	ck_assert_ptr_null(answers_block(b, "status"));
	answers_free(b);
	unlink(path);
	answers *a = test_example();
	ck_assert_int_eq(answers_set_block(a, "finance", cJSON_Parse("{\"batch\": 0.5}")),
			 ASSESS_OK);
	form_options o = {.prefill = a};
	ck_assert_int_eq(form_write(test_miit(), &o, path, &err), ASSESS_ERR_DATA);
	ck_assert_str_eq(err.path, "$.finance.batch");
	ck_assert_int_eq(test_dir_entries(), 0);
	ck_assert_int_eq(answers_set_block(a, "other", cJSON_CreateObject()), ASSESS_ERR_USAGE);
	answers_free(a);
}
END_TEST

START_TEST(dimension_sheet_names_fit_excel_and_their_buffer)
{
	struct {
		char name[128];
		char after[16];
	} out;
	char text[400];
	qn_dimension d = {.name = {.zh = text}};
	/* 31 characters at most, each whole, with none of the characters Excel refuses */
	snprintf(text, sizeof text, "%s", "a[b]:c*d?e/f\\g'h");
	form_sheet_dimension(&d, QN_LANG_ZH, out.name, sizeof out.name);
	ck_assert_str_eq(out.name, "a-b--c-d-e-f-g-h");
	size_t k = 0;
	for (int i = 0; i < 40; i++) {
		const char *one = i % 2 ? "\xf0\xa0\x80\x80" : "数";
		memcpy(text + k, one, strlen(one));
		k += strlen(one);
	}
	text[k] = '\0';
	form_sheet_dimension(&d, QN_LANG_ZH, out.name, sizeof out.name);
	ck_assert_uint_eq(strlen(out.name), 16 * 3 + 15 * 4);
	ck_assert_int_eq(memcmp(out.name, text, strlen(out.name)), 0);
	/* bytes that are not UTF-8 never run past the buffer */
	memset(out.after, 'G', sizeof out.after);
	memset(text, 0x80, sizeof text - 1);
	text[0] = 'a';
	text[sizeof text - 1] = '\0';
	form_sheet_dimension(&d, QN_LANG_ZH, out.name, sizeof out.name);
	ck_assert_uint_lt(strnlen(out.name, sizeof out.name), sizeof out.name);
	for (size_t i = 0; i < sizeof out.after; i++)
		ck_assert_int_eq(out.after[i], 'G');
}
END_TEST

START_TEST(the_above_scale_row_names_the_profiles_row)
{
	/* The subsidy sheet's above-scale flag points at the profile's row by its own words. */
	char buf[256];
	const form_subsidy_row *above = NULL;
	for (size_t i = 0; i < form_subsidy_n_rows; i++)
		if (form_subsidy_rows[i].kind == FORM_SR_STATUS &&
		    form_subsidy_rows[i].item == POLICY_STATUS_ABOVE_SCALE)
			above = &form_subsidy_rows[i];
	ck_assert_ptr_nonnull(above);
	ck_assert_str_eq(form_subsidy_meaning(above, QN_LANG_ZH, buf, sizeof buf),
			 "规模以上工业企业（与企业概况中的“规模以上企业”一致）");
	ck_assert_str_eq(form_subsidy_meaning(above, QN_LANG_EN, buf, sizeof buf),
			 "an above-scale industrial enterprise (as on the Profile sheet)");
	/* another row says its own line */
	ck_assert_str_eq(form_subsidy_meaning(&form_subsidy_rows[form_subsidy_n_rows - 1],
					      QN_LANG_EN, buf, sizeof buf),
			 "transformation batch, a whole number 1-99 (not money)");
}
END_TEST

TCase *make_form_tcase(void)
{
	const TTest *tests[] = {prefilled_form_imports_to_the_same_answers,
				evidence_column_is_evidence_items,
				blank_form_lists_every_question,
				the_instrument_travels_inside,
				outputs_are_replaced_only_when_asked,
				figures_are_read_exactly,
				subsidy_inputs_round_trip,
				subsidy_inputs_blank_and_refused,
				dimension_sheet_names_fit_excel_and_their_buffer,
				the_above_scale_row_names_the_profiles_row,
				NULL};
	return test_tcase("form", test_dir_make, test_dir_remove, 60, tests);
}
