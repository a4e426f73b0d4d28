/* xlsx/: the workbook lifecycle, its verification, the error map and the cell writers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zip.h>
#include "common/text.h"
#include "tests/unit/test.h"
#include "xlsx/layout.h"
#include "xlsx/xlsx.h"

/* A small whole workbook, written through the layer. */
static assess_code write_book(const char *path, bool replace, const char *text, assess_error *err)
{
	xlsx_options o = {.replace = replace, .env = {.scratch_dir = test_dir}};
	xlsx_book *b = xlsx_open(path, &o, err);
	if (!b)
		return err->code;
	lxw_worksheet *ws = xlsx_add_sheet(b, "概览");
	xlsx_string(b, ws, 0, 0, text, NULL);
	xlsx_number(b, ws, 1, 0, 42, NULL);
	xlsx_add_sheet(b, "Second");
	return xlsx_close(b, err);
}

START_TEST(a_workbook_is_written_verified_and_nothing_is_left)
{
	const char *path = test_in_dir("book.xlsx");
	assess_error err = {0};
	ck_assert_ok(write_book(path, false, "企业名称", &err), &err);
	ck_assert_ok(xlsx_verify(path, 2, &err), &err);
	ck_assert_int_eq(test_dir_entries(), 1); /* no scratch folder, no private folder */
	ck_assert_int_eq(write_book(path, false, "x", &err), ASSESS_ERR_EXISTS);
	ck_assert_ok(write_book(path, true, "y", &err), &err);
	ck_assert_int_eq(test_dir_entries(), 1);
}
END_TEST

/* Writes a zip with the given parts: name, content, repeated. */
static void make_zip(const char *path, const char *const *parts)
{
	int e;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
	ck_assert_ptr_nonnull(z);
	for (; parts[0]; parts += 2) {
		zip_source_t *src = zip_source_buffer(z, parts[1], strlen(parts[1]), 0);
		ck_assert_int_ge(zip_file_add(z, parts[0], src, 0), 0);
	}
	ck_assert_int_eq(zip_close(z), 0);
}

#define XML "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define BASE_PARTS                                                                           \
	"[Content_Types].xml", XML "<Types a=\"1\"><Default/></Types>", "_rels/.rels",       \
		XML "<Relationships/>", "docProps/app.xml", XML "<Properties></Properties>", \
		"docProps/core.xml", XML "<cp:coreProperties x=\"y\">z</cp:coreProperties>", \
		"xl/workbook.xml", XML "<workbook><sheets/></workbook>",                     \
		"xl/_rels/workbook.xml.rels", XML "<Relationships><R/></Relationships>",     \
		"xl/styles.xml", XML "<styleSheet></styleSheet>", "xl/theme/theme1.xml",     \
		XML "<a:theme>t</a:theme>"

START_TEST(verify_finds_empty_short_and_missing_parts)
{
	const char *path = test_in_dir("v.xlsx");
	assess_error err = {0};
	const char *whole[] = {BASE_PARTS, "xl/worksheets/sheet1.xml",
			       XML "<worksheet><sheetData/></worksheet>\n", NULL};
	make_zip(path, whole);
	ck_assert_ok(xlsx_verify(path, 1, &err), &err);
	ck_assert_int_eq(xlsx_verify(path, 2, &err), ASSESS_ERR_IO); /* sheet2 missing */
	ck_assert_msg_has(&err, "xl/worksheets/sheet2.xml");

	const char *empty[] = {BASE_PARTS, "xl/worksheets/sheet1.xml", "", NULL};
	make_zip(path, empty);
	ck_assert_int_eq(xlsx_verify(path, 1, &err), ASSESS_ERR_IO);
	ck_assert_msg_has(&err, "sheet1.xml came out empty");

	const char *cut[] = {BASE_PARTS, "xl/worksheets/sheet1.xml",
			     XML "<worksheet><sheetData><row r=\"1\">", NULL};
	make_zip(path, cut);
	ck_assert_int_eq(xlsx_verify(path, 1, &err), ASSESS_ERR_IO);
	ck_assert_msg_has(&err, "sheet1.xml is cut short");

	test_write_file(path, "PK\003\004 not a zip");
	ck_assert_int_eq(xlsx_verify(path, 1, &err), ASSESS_ERR_IO);
	ck_assert_msg_has(&err, "not a whole zip");
}
END_TEST

START_TEST(errors_map_to_codes)
{
	ck_assert_int_eq(xlsx_code(LXW_NO_ERROR), ASSESS_OK);
	ck_assert_int_eq(xlsx_code(LXW_ERROR_MEMORY_MALLOC_FAILED), ASSESS_ERR_NOMEM);
	/* A full disk is an I/O error wherever it happens: exit 74. */
	ck_assert_int_eq(xlsx_code(LXW_ERROR_ZIP_FILE_OPERATION), ASSESS_ERR_IO);
	ck_assert_int_eq(xlsx_code(LXW_ERROR_ZIP_CLOSE), ASSESS_ERR_IO);
	ck_assert_int_eq(xlsx_code(LXW_ERROR_CREATING_TMPFILE), ASSESS_ERR_IO);
	ck_assert_int_eq(xlsx_code(LXW_ERROR_CREATING_XLSX_FILE), ASSESS_ERR_CANTCREAT);
	ck_assert_int_eq(xlsx_code(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED), ASSESS_ERR_DATA);
	ck_assert_int_eq(xlsx_code(LXW_ERROR_SHEETNAME_ALREADY_USED), ASSESS_ERR_INTERNAL);
}
END_TEST

/* How many characters (not bytes) s has. */
static size_t chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

START_TEST(text_over_the_cell_limit_is_cut_with_a_mark)
{
	const char *path = test_in_dir("cut.xlsx");
	char *copy;
	assess_error err = {0};
	xlsx_options o = {.env = {.scratch_dir = test_dir}, .cut_mark = XLSX_CUT_MARK_EN};
	xlsx_book *b = xlsx_open(path, &o, &err);
	ck_assert_ptr_nonnull(b);
	/* 40,000 characters of three bytes each. */
	size_t n = 40000;
	char *long_text = malloc(n * 3 + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(long_text + 3 * i, "名", 3);
	long_text[n * 3] = '\0';
	const char *t = xlsx_cell_text(b, long_text, &copy);
	ck_assert_ptr_nonnull(copy);
	ck_assert_int_eq(chars(t), XLSX_CELL_MAX);
	size_t tl = strlen(t), ml = strlen(XLSX_CUT_MARK_EN);
	ck_assert_str_eq(t + tl - ml, XLSX_CUT_MARK_EN);
	ck_assert_int_eq(memcmp(t, "名名名", 9), 0);
	free(copy);
	/* Exactly at the limit: kept as it is. */
	long_text[XLSX_CELL_MAX * 3] = '\0';
	ck_assert_ptr_eq(xlsx_cell_text(b, long_text, &copy), long_text);
	ck_assert_ptr_null(copy);
	long_text[XLSX_CELL_MAX * 3] = "名"[0];
	/* And the workbook with such a cell is written. */
	lxw_worksheet *ws = xlsx_add_sheet(b, "S");
	xlsx_string(b, ws, 0, 0, long_text, NULL);
	xlsx_merge(b, ws, 1, 0, 1, 3, long_text, NULL);
	ck_assert(!xlsx_failed(b));
	ck_assert_ok(xlsx_close(b, &err), &err);
	free(long_text);
}
END_TEST

/* Without a mark of its own, a workbook cuts a text with its language's. */
START_TEST(a_cut_text_ends_in_the_workbooks_language)
{
	const qn_lang langs[] = {QN_LANG_ZH, QN_LANG_EN};
	const char *marks[] = {XLSX_CUT_MARK_ZH, XLSX_CUT_MARK_EN};
	char *long_text = malloc(XLSX_CELL_MAX + 2), *copy;
	ck_assert_ptr_nonnull(long_text);
	memset(long_text, 'a', XLSX_CELL_MAX + 1);
	long_text[XLSX_CELL_MAX + 1] = '\0';
	for (int i = 0; i < 2; i++) {
		assess_error err = {0};
		xlsx_options o = {.env = {.scratch_dir = test_dir}, .lang = langs[i]};
		xlsx_book *b = xlsx_open(test_in_dir("cut.xlsx"), &o, &err);
		ck_assert_ptr_nonnull(b);
		const char *t = xlsx_cell_text(b, long_text, &copy);
		ck_assert_ptr_nonnull(copy);
		ck_assert_str_eq(t + strlen(t) - strlen(marks[i]), marks[i]);
		free(copy);
		xlsx_abort(b);
	}
	free(long_text);
}
END_TEST

/* A text cut by snprintf before it came may end in half a character: the cell leaves it out. */
START_TEST(a_cell_text_ends_between_characters)
{
	const char *path = test_in_dir("half.xlsx");
	char *copy;
	assess_error err = {0};
	xlsx_options o = {.env = {.scratch_dir = test_dir}};
	xlsx_book *b = xlsx_open(path, &o, &err);
	ck_assert_ptr_nonnull(b);
	ck_assert_str_eq(xlsx_cell_text(b, "泉州\xe5\xb8", &copy), "泉州");
	ck_assert_ptr_nonnull(copy);
	free(copy);
	ck_assert_str_eq(xlsx_cell_text(b, "a\xf0\xa0\x80", &copy), "a");
	free(copy);
	const char *whole = "泉州\xf0\xa0\x80\x80";
	ck_assert_ptr_eq(xlsx_cell_text(b, whole, &copy), whole);
	ck_assert_ptr_null(copy);
	xlsx_abort(b);
}
END_TEST

START_TEST(a_failed_workbook_leaves_the_old_file)
{
	const char *path = test_in_dir("old.xlsx");
	assess_error err = {0};
	ck_assert_ok(write_book(path, false, "old", &err), &err);
	struct stat before, after;
	ck_assert_int_eq(stat(path, &before), 0);
	xlsx_options o = {.replace = true, .env = {.scratch_dir = test_dir}, .what = "report"};
	xlsx_book *b = xlsx_open(path, &o, &err);
	ck_assert_ptr_nonnull(b);
	lxw_worksheet *ws = xlsx_add_sheet(b, "One");
	xlsx_where(b, "One");
	assess_error early = {0};
	ck_assert_int_eq(xlsx_failure(b, &early), ASSESS_OK);
	xlsx_check(b, LXW_ERROR_ZIP_FILE_OPERATION); /* as if the disk had filled */
	xlsx_string(b, ws, 0, 0, "ignored", NULL);
	/* a writer that stops before the close says it as the close does */
	ck_assert_int_eq(xlsx_failure(b, &early), ASSESS_ERR_IO);
	ck_assert_int_eq(xlsx_close(b, &err), ASSESS_ERR_IO);
	ck_assert_str_eq(err.file, path);
	ck_assert_msg_has(&err, "cannot write the report in sheet One");
	ck_assert_str_eq(early.file, err.file);
	ck_assert_str_eq(early.msg, err.msg);
	ck_assert_int_eq(stat(path, &after), 0);
	ck_assert_int_eq(before.st_ino, after.st_ino);
	ck_assert_int_eq(test_dir_entries(), 1);
	/* A sheet name Excel refuses is kept as the error too. */
	b = xlsx_open(path, &o, &err);
	ck_assert_ptr_null(xlsx_add_sheet(b, "bad[name]"));
	ck_assert(xlsx_failed(b));
	xlsx_abort(b);
	ck_assert_int_eq(test_dir_entries(), 1);
}
END_TEST

/* hush(true) before libxlsxwriter writes, hush(false) after: always in pairs. */
static void count_hush(bool quiet, void *ctx)
{
	int *depth = ctx;
	*depth += quiet ? 1 : -1;
	ck_assert_int_ge(*depth, 0);
	ck_assert_int_le(*depth, 1);
	depth[1]++;
}

START_TEST(the_library_is_hushed_while_it_writes)
{
	const char *path = test_in_dir("hushed.xlsx");
	assess_error err = {0};
	int depth[2] = {0, 0}; /* now, and calls so far */
	xlsx_options o = {.env = {.scratch_dir = test_dir, .hush = count_hush, .hush_ctx = depth}};
	xlsx_book *b = xlsx_open(path, &o, &err);
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(depth[1], 2); /* around workbook_new_opt */
	xlsx_add_sheet(b, "S");
	ck_assert_ok(xlsx_close(b, &err), &err);
	ck_assert_int_eq(depth[0], 0);
	ck_assert_int_eq(depth[1], 4); /* and around workbook_close */
}
END_TEST

START_TEST(references_and_widths)
{
	char buf[LXW_MAX_CELL_NAME_LENGTH];
	xlsx_cell_ref(6, 1, buf, sizeof buf);
	ck_assert_str_eq(buf, "B7");
	xlsx_cell_ref_abs(0, 27, buf, sizeof buf);
	ck_assert_str_eq(buf, "$AB$1");
	ck_assert_int_eq(xlsx_display_width("企业ab"), 6);
	ck_assert(xlsx_text_width(NULL, XLSX_FACE_HALF_EM) == 4);
	ck_assert(xlsx_text_width("ab", XLSX_FACE_HALF_EM) == 2 * 1.1 + 2);
	/* in Calibri, a 105 and b 115 hundredths (see below): 2.2 display columns */
	ck_assert(xlsx_text_width("ab", XLSX_FACE_LATIN) == 2.2 * 1.1 + 2);
}
END_TEST

#define H XLSX_FACE_HALF_EM
#define L XLSX_FACE_LATIN

/*
 * Widths are hundredths of a display column. In a CJK font (等线) a CJK character takes 200
 * and any other 100; in Calibri a letter takes its advance width in hundredths of a digit
 * (regular or bold), times 1.1, rounded up, a CJK character still 200.
 */
START_TEST(texts_are_measured_in_their_face)
{
	ck_assert_uint_eq(xlsx_measure("企业ab", H), 600);
	/* i 46 × 1.1 = 50.6 → 51, l the same; m 158 → 173.8 → 174, W 176 → 193.6 → 194 */
	ck_assert_uint_eq(xlsx_measure("il", L), 102);
	ck_assert_uint_eq(xlsx_measure("mW", L), 368);
	/* a digit is 100 → 110; a space 45 → 49.5 → 50; é, not in the table, 1 digit → 110 */
	ck_assert_uint_eq(xlsx_measure("0 é", L), 270);
	/* bold: a 98 × 1.1 = 107.8 → 108, b 106 → 116.6 → 117; a digit 110 as in regular */
	ck_assert_uint_eq(xlsx_measure("ab0", XLSX_FACE_LATIN_BOLD), 335);
	/* ★ is an em in Calibri's fallback font, half of one in a CJK font's count */
	ck_assert_uint_eq(xlsx_measure("★", L), 200);
	ck_assert_uint_eq(xlsx_measure("★", H), 100);
	/* mixed: 企业 400, then A 115 → 126.5 → 127, newline 0, 1 → 110 */
	ck_assert_uint_eq(xlsx_measure("企业A\n1", L), 637);
	/*
	 * Scenarios 852 (S 101, c 93, e 109, n 115, a 105, r 76, i 51, o 116, s 86), " at" 229
	 * (t 74), " level" 469 (v 99), " 3" 160, " or" 242, " above" 594 (b 115): 2546, where it
	 * counted 2900 at a column a letter.
	 */
	ck_assert_uint_eq(xlsx_measure("Scenarios at level 3 or above", L), 2546);
	ck_assert_uint_eq(xlsx_measure("Scenarios at level 3 or above", H), 2900);
	/*
	 * Warehousing 1185 (W 194, h 115, u 115, g 103), " and" 385 (d 115), " logistics" 761,
	 * " ★" 250: 2581, one line in the overview's first column (26 units at 10 points:
	 * (26 - 1) / 0.95 = 26.31 columns, 2631), where 27 columns took two.
	 */
	ck_assert_uint_eq(xlsx_measure("Warehousing and logistics ★", L), 2581);
	ck_assert_uint_eq(xlsx_columns_in(26, 10), 2631);
	ck_assert_int_eq(xlsx_wrap_lines("Warehousing and logistics ★", 2631, L), 1);
	ck_assert_int_eq(xlsx_wrap_lines("Warehousing and logistics ★", 2631, H), 2);
	/* the default format is Calibri's */
	ck_assert_int_eq(xlsx_face_of(NULL), XLSX_FACE_LATIN);
}
END_TEST

/* Each language's text is measured in its font's face: the English one at its letters' widths. */
START_TEST(each_language_is_measured_in_its_font)
{
	assess_error err = {0};
	xlsx_options o = {.env = {.scratch_dir = test_dir}};
	xlsx_book *b = xlsx_open(test_in_dir("fonts.xlsx"), &o, &err);
	ck_assert_ptr_nonnull(b);
	lxw_format *zh = xlsx_add_text_format(b, QN_LANG_ZH),
		   *en = xlsx_add_text_format(b, QN_LANG_EN);
	ck_assert_ptr_nonnull(zh);
	ck_assert_ptr_nonnull(en);
	ck_assert_str_eq(zh->font_name, xlsx_font_name(QN_LANG_ZH));
	ck_assert_int_eq(xlsx_face_of(zh), XLSX_FACE_HALF_EM);
	ck_assert_int_eq(xlsx_face_of(en), XLSX_FACE_LATIN);
	ck_assert(en->font_size == XLSX_TEXT_SIZE);
	xlsx_abort(b);
	ck_assert_int_eq(test_dir_entries(), 0);
}
END_TEST

/* Where Calibri's letters break a line: hello 442 (h 115, e 109, l 51, o 116), world 515. */
START_TEST(latin_text_wraps_at_its_own_widths)
{
	/* 442 + 50 + 515 = 1007 on one line, and not one hundredth less */
	ck_assert_int_eq(xlsx_wrap_lines("hello world", 1007, L), 1);
	ck_assert_int_eq(xlsx_wrap_lines("hello world", 1006, L), 2);
	/* at 500 world (515: w 157, r 76, d 115) is cut itself: hello / worl (400) / d */
	ck_assert_int_eq(xlsx_wrap_lines("hello world", 500, L), 3);
	/* counted a column a letter it needed 11 columns */
	ck_assert_int_eq(xlsx_wrap_lines("hello world", 1007, H), 2);
	/* mixed: 证据： 600, then ERP 339 (E 107, R 119, P 113) joins it while it fits */
	ck_assert_int_eq(xlsx_wrap_lines("证据：ERP", 939, L), 1);
	ck_assert_int_eq(xlsx_wrap_lines("证据：ERP", 938, L), 2);
	/* a line narrower than a CJK character still takes one */
	ck_assert_int_eq(xlsx_wrap_lines("数字", 50, L), 2);
	char out[128];
	/* bold: Quality 663 (Q 150, u 117, a 108, l 54, i 54, t 76, y 104), space 50: 1376 */
	ck_assert_uint_eq(xlsx_widest_word("Quality Quality", XLSX_FACE_LATIN_BOLD), 663);
	ck_assert_int_eq(xlsx_wrap_words("Quality Quality", 1376, XLSX_FACE_LATIN_BOLD, out,
					 sizeof out),
			 1);
	ck_assert_str_eq(out, "Quality Quality");
	ck_assert_int_eq(xlsx_wrap_words("Quality Quality", 1375, XLSX_FACE_LATIN_BOLD, out,
					 sizeof out),
			 2);
	ck_assert_str_eq(out, "Quality\nQuality");
}
END_TEST

/*
 * In 等线 (XLSX_FACE_HALF_EM) a CJK character takes 2 display columns, a Latin letter 1; the
 * cases give columns, the calls hundredths of one.
 */
START_TEST(wrapped_lines_are_counted_word_by_word)
{
	static const struct {
		const char *text;
		size_t columns;
		int lines;
	} cases[] = {
		/* "ERP、" (5) / "MES、" (5) / "WMS": a word never splits, so "ERP、ME|S、WMS" (2) is wrong */
		{"ERP、MES、WMS", 7, 3},
		{"ERP、MES、WMS", 13, 1},
		/* CJK breaks anywhere: 数字 / 化转 / 型 */
		{"数字化转型", 4, 3},
		/* 。 cannot start a line, so 化 moves down with it: 数字 / 化。 */
		{"数字化。", 6, 2},
		/* a word wider than the column is cut: ABCD / EFGH / IJ; after 中 it starts a new line */
		{"ABCDEFGHIJ", 4, 3},
		{"中ABCDEFGHIJ", 4, 4},
		/* spaces break and take no room at a line's end: hello / world */
		{"hello world", 5, 2},
		{"hello world", 11, 1},
		/* newlines, empty lines and empty text */
		{"a\n\nb", 10, 3},
		{"", 10, 1},
		/* 证据：ERP (9) fits 10; 证据：ERP、MES takes "证据：ERP、" (11 > 10) so 2 lines */
		{"证据：ERP", 10, 1},
		{"证据：ERP、MES", 10, 2},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(xlsx_wrap_lines(cases[i].text, cases[i].columns * XLSX_COLUMN, H) ==
				      cases[i].lines,
			      "\"%s\" in %zu columns: %d lines, want %d", cases[i].text,
			      cases[i].columns,
			      xlsx_wrap_lines(cases[i].text, cases[i].columns * XLSX_COLUMN, H),
			      cases[i].lines);
}
END_TEST

/* Header texts broken at word boundaries only, so the reader has nothing left to break. */
START_TEST(header_texts_break_between_words)
{
	static const struct {
		const char *text;
		size_t columns;
		int lines;
		const char *want;
	} cases[] = {
		/* "S07 质量管理★": the id, then the name whole (9 columns); never 质量管|理★ */
		{"S07 质量管理★", 10, 2, "S07\n质量管理★"},
		{"S07 质量管理★", 13, 1, "S07 质量管理★"},
		/* a word wider than the column gets a line of its own, unbroken */
		{"S07 质量管理★", 4, 2, "S07\n质量管理★"},
		/* English words join while they fit: "S07 Quality" (11) / "management★" */
		{"S07 Quality management★", 11, 2, "S07 Quality\nmanagement★"},
		/* before （ a Chinese line may break, with no space put back: 一级 / （初始级） */
		{"一级（初始级）", 10, 2, "一级\n（初始级）"},
		{"一级（初始级）", 14, 1, "一级（初始级）"},
		/* the text's own newlines stay; runs of spaces become one */
		{"a  b\nc", 10, 2, "a b\nc"},
		{"", 10, 1, ""},
	};
	char out[128];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_int_eq(xlsx_wrap_words(cases[i].text, cases[i].columns * XLSX_COLUMN, H,
						 out, sizeof out),
				 cases[i].lines);
		ck_assert_str_eq(out, cases[i].want);
	}
	/* cut to the buffer, still ended */
	ck_assert_int_eq(xlsx_wrap_words("abcdef ghij", 2000, H, out, 5), 1);
	ck_assert_str_eq(out, "abcd");
	ck_assert_uint_eq(xlsx_widest_word("S07 质量管理★", H), 900);
	ck_assert_uint_eq(xlsx_widest_word("Level 2 (standardized)", H), 1400);
	ck_assert_uint_eq(xlsx_widest_word("二级（规范级）", H), 1000);
	ck_assert_uint_eq(xlsx_widest_word("", H), 0);
	/* widths and room agree: a width made for n hundredths holds n */
	for (size_t n = 1; n < 4000; n += 7)
		ck_assert_uint_ge(xlsx_columns_in(xlsx_width_for(n, 10), 10), n);
}
END_TEST

/* A wrapped text that its buffer cannot hold is cut between two characters, never inside one. */
START_TEST(wrapped_text_is_cut_between_characters)
{
	const xlsx_face bold = XLSX_FACE_LATIN_BOLD;
	char out[8];
	/* 数 and 字 are three bytes each: the third character would end at byte 9 */
	ck_assert_int_eq(xlsx_wrap_words("数字化 水平", 2000, bold, out, sizeof out), 1);
	ck_assert_str_eq(out, "数字");
	/* "质量管理" on a line of its own: the newline fits and stays, the half 量 goes */
	ck_assert_int_eq(xlsx_wrap_words("ab 质量管理", 300, bold, out, sizeof out), 2);
	ck_assert_str_eq(out, "ab\n质");
	ck_assert_msg(text_utf8_valid(out, strlen(out), NULL), "a text cut inside a character");
}
END_TEST

/* A word is measured whole however long it is, not cut to a buffer (or inside a character). */
START_TEST(a_long_word_is_measured_whole)
{
	const xlsx_face h = XLSX_FACE_HALF_EM;
	char word[3 * 400 + 1];
	for (size_t i = 0; i < 400; i++)
		memcpy(word + 3 * i, "质", 3);
	word[sizeof word - 1] = '\0';
	ck_assert_uint_eq(xlsx_widest_word(word, h), 400 * xlsx_measure("质", h));
	ck_assert_uint_eq(xlsx_widest_word(word, h), xlsx_measure(word, h));
}
END_TEST

START_TEST(the_title_names_the_enterprise_whole)
{
	char out[15];
	ck_assert_str_eq(xlsx_title_named("报告", "甲", QN_LANG_ZH, out, sizeof out), "报告：甲");
	ck_assert_str_eq(xlsx_title_named("Report", NULL, QN_LANG_EN, out, sizeof out), "Report");
	/* 报告： is 9 bytes and 甲 3: out holds 14, so the second 甲 would be cut inside */
	ck_assert_str_eq(xlsx_title_named("报告", "甲甲", QN_LANG_ZH, out, sizeof out), "报告：甲");
}
END_TEST

/* The text of one part of the zip at path, for the caller to free. */
static char *read_part(const char *path, const char *name)
{
	int e = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &e);
	ck_assert_ptr_nonnull(z);
	zip_stat_t st;
	ck_assert_int_eq(zip_stat(z, name, 0, &st), 0);
	char *text = calloc(1, st.size + 1);
	zip_file_t *f = zip_fopen(z, name, 0);
	ck_assert_ptr_nonnull(text);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(zip_fread(f, text, st.size), (zip_int64_t)st.size);
	zip_fclose(f);
	zip_discard(z);
	return text;
}

/* The document time: the one given, else the assessment's day at midnight UTC, else now. */
START_TEST(the_created_time_is_pinned_to_the_day)
{
	ck_assert_int_eq((long long)xlsx_created_time(1767225600, "2026-11-20"), 1767225600LL);
	ck_assert_int_eq((long long)xlsx_created_time(0, "2026-11-20"), 1795132800LL);
	ck_assert_int_eq((long long)xlsx_created_time(0, "1900-01-01"), -2208988800LL);
	ck_assert_int_eq((long long)xlsx_created_time(0, "9999-12-31"), 253402214400LL);
	time_t before = time(NULL);
	ck_assert_int_ge((long long)xlsx_created_time(0, "2026-02-30"), (long long)before);
	ck_assert_int_ge((long long)xlsx_created_time(0, NULL), (long long)before);
}
END_TEST

START_TEST(the_properties_name_the_enterprise)
{
	const char *path = test_in_dir("props.xlsx");
	assess_error err = {0};
	xlsx_options o = {.env = {.scratch_dir = test_dir}};
	xlsx_book *b = xlsx_open(path, &o, &err);
	ck_assert_ptr_nonnull(b);
	xlsx_add_sheet(b, "概览");
	const xlsx_properties p = {.what = "报告",
				   .name = "甲",
				   .author = "乙",
				   .subject = "评测",
				   .comments = PACKAGE_STRING,
				   .created = 1767225600};
	xlsx_set_properties(b, &p);
	ck_assert_ok(xlsx_close(b, &err), &err);
	char *core = read_part(path, "docProps/core.xml"),
	     *app = read_part(path, "docProps/app.xml");
	ck_assert_ptr_nonnull(strstr(core, "<dc:title>报告：甲</dc:title>"));
	ck_assert_ptr_nonnull(strstr(core, "<dc:subject>评测</dc:subject>"));
	ck_assert_ptr_nonnull(strstr(core, "<dc:creator>乙</dc:creator>"));
	ck_assert_ptr_nonnull(strstr(core, "<dc:description>" PACKAGE_STRING "</dc:description>"));
	ck_assert_ptr_nonnull(strstr(core, ">2026-01-01T00:00:00Z</dcterms:created>"));
	ck_assert_ptr_nonnull(strstr(app, "<Company>甲</Company>"));
	free(core);
	free(app);
}
END_TEST

START_TEST(the_footer_names_the_enterprise_whole)
{
	char out[256], name[200];
	const char *zh_tail = "&C&8&A&R&8第 &P 页，共 &N 页";
	/* a name's last character is kept (a Chinese one too), '&' doubled, none a code */
	xlsx_footer_named("泉州示例运动用品有限公司", QN_LANG_ZH, out, sizeof out);
	ck_assert_str_eq(out, "&L&8泉州示例运动用品有限公司&C&8&A&R&8第 &P 页，共 &N 页");
	xlsx_footer_named("A&B", QN_LANG_EN, out, sizeof out);
	ck_assert_str_eq(out, "&L&8A&&B&C&8&A&R&8Page &P of &N");
	xlsx_footer_named(NULL, QN_LANG_EN, out, sizeof out);
	ck_assert_str_eq(out, "&L&8&C&8&A&R&8Page &P of &N");
	/* a long name is cut before the character that would pass 119 bytes, never inside one */
	static const char *const fills[] = {"\xf0\xa0\x80\x80", "司", "é", "&", "a"};
	for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++)
		for (size_t lead = 0; lead < 4; lead++) {
			size_t n = 0;
			for (; n < lead; n++)
				name[n] = 'x';
			while (n + strlen(fills[f]) < sizeof name) {
				memcpy(name + n, fills[f], strlen(fills[f]));
				n += strlen(fills[f]);
			}
			name[n] = '\0';
			xlsx_footer_named(name, QN_LANG_ZH, out, sizeof out);
			size_t bad, len = strlen(out) - strlen("&L&8") - strlen(zh_tail);
			ck_assert_msg(text_utf8_valid(out, strlen(out), &bad),
				      "fill %zu lead %zu: byte %zu", f, lead, bad);
			ck_assert_msg(len <= 119 && len + (f == 3 ? 2 : strlen(fills[f])) > 119,
				      "fill %zu lead %zu: %zu bytes of name", f, lead, len);
			ck_assert_str_eq(out + strlen(out) - strlen(zh_tail), zh_tail);
		}
}
END_TEST

TCase *make_xlsx_tcase(void)
{
	const TTest *tests[] = {a_workbook_is_written_verified_and_nothing_is_left,
				verify_finds_empty_short_and_missing_parts,
				errors_map_to_codes,
				text_over_the_cell_limit_is_cut_with_a_mark,
				a_cut_text_ends_in_the_workbooks_language,
				a_cell_text_ends_between_characters,
				a_failed_workbook_leaves_the_old_file,
				the_library_is_hushed_while_it_writes,
				references_and_widths,
				texts_are_measured_in_their_face,
				each_language_is_measured_in_its_font,
				latin_text_wraps_at_its_own_widths,
				wrapped_lines_are_counted_word_by_word,
				header_texts_break_between_words,
				wrapped_text_is_cut_between_characters,
				a_long_word_is_measured_whole,
				the_title_names_the_enterprise_whole,
				the_created_time_is_pinned_to_the_day,
				the_properties_name_the_enterprise,
				the_footer_names_the_enterprise_whole,
				NULL};
	return test_tcase("xlsx", test_dir_make, test_dir_remove, 0, tests);
}
