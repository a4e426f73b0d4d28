/*
 * The .xlsx reader: the values of every cell kind as Excel, WPS and LibreOffice store them, and
 * each hostile file refused with ASSESS_ERR_DATA. Workbooks are built in memory with libzip, so
 * each case shows exactly the bytes it is about.
 */
#include "config.h"

#include <stdlib.h>
#include <zip.h>
#include <xlsxwriter.h>
#include "common/readfile.h"
#include "tests/unit/test.h"
#include "xlsx/reader.h"

struct part {
	const char *name;
	const char *text; /* NULL: use data/len */
	const char *data;
	size_t len;
	bool store; /* no compression */
};

/* A zip of the parts, in memory; the caller frees it. */
static char *make_zip(const struct part *parts, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	ck_assert_ptr_nonnull(src);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	ck_assert_ptr_nonnull(z);
	for (const struct part *p = parts; p->name; p++) {
		const char *d = p->text ? p->text : p->data;
		size_t n = p->text ? strlen(p->text) : p->len;
		zip_source_t *s = zip_source_buffer(z, d, n, 0);
		zip_int64_t i = zip_file_add(z, p->name, s, ZIP_FL_ENC_UTF_8);
		ck_assert_int_ge(i, 0);
		if (p->store)
			zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
	}
	ck_assert_int_eq(zip_close(z), 0);
	ck_assert_int_eq(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t size = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = malloc((size_t)size);
	ck_assert_int_eq(zip_source_read(src, out, (zip_uint64_t)size), size);
	zip_source_close(src);
	zip_source_free(src);
	*len = (size_t)size;
	return out;
}

#define WORKBOOK                                                                           \
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"                                       \
	"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "   \
	"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" \
	"<sheets><sheet name=\"概况\" sheetId=\"1\" r:id=\"rId1\"/>"                     \
	"<sheet name=\"meta\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/></sheets></workbook>"
#define RELS                                                                                      \
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"  \
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"                            \
	"<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"   \
	"<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/" \
	"relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"
#define STRINGS                                                                                 \
	"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\">" \
	"<si><t>泉州</t></si>"                                                                \
	"<si><r><rPr><b/></rPr><t xml:space=\"preserve\">rich </t></r><r><t>text</t></r>"       \
	"<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si><si/></sst>"
#define SHEET_HEAD \
	"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET1                                                                                        \
	SHEET_HEAD                                                                                    \
	"<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"               \
	"<c r=\"C1\" t=\"inlineStr\"><is><t>内联</t></is></c><c r=\"D1\"><v>3</v></c>"              \
	"<c r=\"E1\" t=\"b\"><v>1</v></c><c r=\"F1\" t=\"str\"><f>A1&amp;\"x\"</f><v>泉州x</v></c>" \
	"<c r=\"G1\"><f>1+1</f><v>2</v></c><c r=\"H1\" t=\"e\"><v>#N/A</v></c>"                       \
	"<c r=\"I1\" s=\"3\"/><c r=\"J1\" t=\"s\"><v>2</v></c></row>"                                 \
	"<row><c><v>0.125</v></c><c><v>45678</v></c></row>"                                           \
	"<row r=\"5\"><c r=\"AB5\"><v>-1E-3</v></c></row></sheetData></worksheet>"
#define SHEET2     \
	SHEET_HEAD \
	"<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>miit-2024</t></is></c></row></sheetData></worksheet>"
#define CUSTOM                                                                                                \
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "      \
	"xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"                  \
	"<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"2\" name=\"assess.questionnaire\">" \
	"<vt:lpwstr>miit-2024</vt:lpwstr></property>"                                                         \
	"<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"3\" name=\"n\">"                    \
	"<vt:i4>7</vt:i4></property></Properties>"

static struct part good_parts[] = {{.name = "[Content_Types].xml", .text = "<Types/>"},
				   {.name = "_rels/.rels", .text = "<Relationships/>"},
				   {.name = "xl/workbook.xml", .text = WORKBOOK},
				   {.name = "xl/_rels/workbook.xml.rels", .text = RELS},
				   {.name = "xl/sharedStrings.xml", .text = STRINGS},
				   {.name = "xl/worksheets/sheet1.xml", .text = SHEET1},
				   {.name = "xl/worksheets/sheet2.xml", .text = SHEET2},
				   {.name = "docProps/custom.xml", .text = CUSTOM},
				   {.name = NULL}};

static xlsx_reader *open_parts(const struct part *parts, assess_error *err)
{
	size_t len;
	char *zip = make_zip(parts, &len);
	xlsx_reader *r = xlsx_reader_open_memory(zip, len, "form.xlsx", err);
	free(zip);
	return r;
}

/* good_parts with one part replaced (or added, when the name is new). */
static xlsx_reader *open_with(const char *name, const char *text, bool store, assess_error *err)
{
	struct part parts[16];
	size_t n = 0;
	bool replaced = false;
	for (const struct part *p = good_parts; p->name; p++) {
		parts[n] = *p;
		if (strcmp(p->name, name) == 0) {
			parts[n].text = text;
			parts[n].store = store;
			replaced = true;
		}
		n++;
	}
	if (!replaced)
		parts[n++] = (struct part){name, text, NULL, 0, store};
	parts[n] = (struct part){NULL};
	return open_parts(parts, err);
}

static void assert_cell(const xlsx_reader_sheet *s, const char *ref, xlsx_reader_cell_type type,
			const char *text, bool formula)
{
	uint32_t row, col;
	ck_assert(xlsx_reader_parse_ref(ref, &row, &col));
	const xlsx_reader_cell *c = xlsx_reader_cell_at(s, row, col);
	ck_assert_msg(c != NULL, "no cell %s", ref);
	ck_assert_int_eq(c->type, type);
	ck_assert_str_eq(c->text, text);
	ck_assert_int_eq(c->formula, formula);
}

START_TEST(reads_every_kind_of_cell)
{
	assess_error err = {0};
	xlsx_reader *r = open_parts(good_parts, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	ck_assert_uint_eq(xlsx_reader_n_sheets(r), 2);
	ck_assert_str_eq(xlsx_reader_sheet_name(r, 0), "概况");
	ck_assert(!xlsx_reader_sheet_hidden(r, 0));
	ck_assert(xlsx_reader_sheet_hidden(r, 1));
	ck_assert_int_eq(xlsx_reader_find_sheet(r, "meta"), 1);
	ck_assert_int_eq(xlsx_reader_find_sheet(r, "nope"), -1);
	ck_assert_str_eq(xlsx_reader_property(r, "assess.questionnaire"), "miit-2024");
	ck_assert_str_eq(xlsx_reader_property(r, "n"), "7");
	ck_assert(!xlsx_reader_date1904(r));
	ck_assert_ptr_null(xlsx_reader_property(r, "absent"));
	xlsx_reader_sheet *s = xlsx_reader_load_sheet(r, 0, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	assert_cell(s, "A1", XLSX_READER_CELL_STRING, "泉州", false);
	assert_cell(s, "B1", XLSX_READER_CELL_STRING, "rich text",
		    false); /* runs joined, no phonetic */
	assert_cell(s, "C1", XLSX_READER_CELL_STRING, "内联", false);
	assert_cell(s, "D1", XLSX_READER_CELL_NUMBER, "3", false);
	assert_cell(s, "E1", XLSX_READER_CELL_BOOL, "1", false);
	assert_cell(s, "F1", XLSX_READER_CELL_STRING, "泉州x", true);
	assert_cell(s, "G1", XLSX_READER_CELL_NUMBER, "2", true);
	assert_cell(s, "H1", XLSX_READER_CELL_ERROR, "#N/A", false);
	assert_cell(s, "J1", XLSX_READER_CELL_STRING, "", false);
	ck_assert_ptr_null(xlsx_reader_cell_at(s, 0, 8));              /* I1: a style, no value */
	assert_cell(s, "A2", XLSX_READER_CELL_NUMBER, "0.125", false); /* no r: positions counted */
	assert_cell(s, "B2", XLSX_READER_CELL_NUMBER, "45678", false);
	assert_cell(s, "AB5", XLSX_READER_CELL_NUMBER, "-1E-3", false);
	ck_assert_uint_eq(xlsx_reader_sheet_n_cells(s), 12);
	xlsx_reader_sheet_free(s);
	s = xlsx_reader_load_sheet(r, 1, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	assert_cell(s, "A1", XLSX_READER_CELL_STRING, "miit-2024", false);
	xlsx_reader_sheet_free(s);
	xlsx_reader_free(r);
}
END_TEST

START_TEST(knows_the_1904_date_system)
{
	assess_error err = {0};
	char wb[sizeof WORKBOOK + 64];
	const char *at = strstr(WORKBOOK, "<sheets>");
	snprintf(wb, sizeof wb, "%.*s<workbookPr date1904=\"1\"/>%s", (int)(at - WORKBOOK),
		 WORKBOOK, at);
	xlsx_reader *r = open_with("xl/workbook.xml", wb, false, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	ck_assert(xlsx_reader_date1904(r));
	xlsx_reader_free(r);
}
END_TEST

START_TEST(refs_both_ways)
{
	char buf[16];
	uint32_t row, col;
	ck_assert_str_eq(xlsx_reader_ref(0, 0, buf, sizeof buf), "A1");
	ck_assert_str_eq(xlsx_reader_ref(9, 26, buf, sizeof buf), "AA10");
	ck_assert_str_eq(xlsx_reader_ref(1048575, 16383, buf, sizeof buf), "XFD1048576");
	ck_assert(xlsx_reader_parse_ref("$XFD$1048576", &row, &col));
	ck_assert_uint_eq(row, 1048575);
	ck_assert_uint_eq(col, 16383);
	ck_assert(!xlsx_reader_parse_ref("XFE1", &row, &col));
	ck_assert(!xlsx_reader_parse_ref("A0", &row, &col));
	ck_assert(!xlsx_reader_parse_ref("A", &row, &col));
	ck_assert(!xlsx_reader_parse_ref("1", &row, &col));
	ck_assert(!xlsx_reader_parse_ref("a1", &row, &col));
	ck_assert(!xlsx_reader_parse_ref("A1 ", &row, &col));
}
END_TEST

START_TEST(errors_name_sheet_and_cell)
{
	assess_error err = {0};
	xlsx_reader_fail(&err, "f.xlsx", "概况", 2, 1, "bad %s", "code");
	char buf[1024];
	assess_error_format(&err, buf, sizeof buf);
	ck_assert_str_eq(buf, "f.xlsx: 概况!B3: bad code");
	ck_assert_int_eq(assess_exit_code(err.code), 65);
}
END_TEST

static void assert_refused(xlsx_reader *r, const assess_error *err, const char *fragment)
{
	ck_assert_ptr_null(r);
	ck_assert_int_eq(err->code, ASSESS_ERR_DATA);
	ck_assert_msg_has(err, fragment);
}

START_TEST(refuses_what_is_not_a_zip)
{
	assess_error err = {0};
	assert_refused(xlsx_reader_open_memory("{\"a\":1}", 7, "x.xlsx", &err), &err, "not a zip");
	char broken[64] = "PK\3\4 and then nothing a zip would have";
	assert_refused(xlsx_reader_open_memory(broken, sizeof broken, "x.xlsx", &err), &err,
		       "broken zip");
	assert_refused(xlsx_reader_open_memory("", 0, "x.xlsx", &err), &err, "not a zip");
}
END_TEST

START_TEST(refuses_a_zip_without_a_workbook)
{
	assess_error err = {0};
	struct part parts[] = {{.name = "[Content_Types].xml", .text = "<Types/>"}, {NULL}};
	assert_refused(open_parts(parts, &err), &err, "no xl/_rels/workbook.xml.rels");
}
END_TEST

START_TEST(refuses_entries_outside_the_parts)
{
	assess_error err = {0};
	assert_refused(open_with("../../etc/passwd", "x", false, &err), &err, "not a part");
	assert_refused(open_with("readme.txt", "x", false, &err), &err, "not a part");
	assert_refused(open_with("/xl/abs.xml", "x", false, &err), &err, "not a part");
	assert_refused(open_with("xl/..\\x", "x", false, &err), &err, "not a part");
}
END_TEST

START_TEST(refuses_a_zip_bomb)
{
	/* 60 MB of one byte packs to about 60 KB: a ratio of ~1000. */
	size_t n = 60u << 20;
	char *zeros = malloc(n + 1);
	memset(zeros, ' ', n);
	zeros[n] = '\0';
	assess_error err = {0};
	assert_refused(open_with("xl/worksheets/sheet1.xml", zeros, false, &err), &err, "zip bomb");
	/* Over the cap for one part even uncompressed. */
	char *big = realloc(zeros, (65u << 20) + 1);
	memset(big, ' ', 65u << 20);
	big[65u << 20] = '\0';
	assert_refused(open_with("xl/worksheets/sheet1.xml", big, true, &err), &err, "zip bomb");
	free(big);
}
END_TEST

START_TEST(refuses_a_document_type)
{
	assess_error err = {0};
	const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
			     "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]><sst><si><t>&lol2;"
			     "</t></si></sst>";
	assert_refused(open_with("xl/sharedStrings.xml", laughs, false, &err), &err,
		       "document type");
	xlsx_reader *r = open_with("xl/worksheets/sheet1.xml",
				   "<!DOCTYPE x SYSTEM \"http://example.com/x.dtd\"><worksheet/>",
				   false, &err);
	ck_assert_msg(r != NULL, "%s", err.msg); /* sheets are read when asked for */
	assert_refused((xlsx_reader *)xlsx_reader_load_sheet(r, 0, &err), &err, "document type");
	xlsx_reader_free(r);
}
END_TEST

START_TEST(refuses_a_huge_string_table)
{
	/* Stored, not deflated, so the ratio cap does not catch it first. */
	size_t n = XLSX_READER_MAX_STRINGS + 1;
	char *sst = malloc(n * 5 + 64);
	char *p = sst + sprintf(sst, "<sst>");
	for (size_t i = 0; i < n; i++, p += 5)
		memcpy(p, "<si/>", 5);
	strcpy(p, "</sst>");
	assess_error err = {0};
	assert_refused(open_with("xl/sharedStrings.xml", sst, true, &err), &err,
		       "more than 1000000 strings");
	free(sst);
}
END_TEST

START_TEST(refuses_broken_cells)
{
	assess_error err = {0};
	xlsx_reader *r = open_with("xl/worksheets/sheet1.xml",
				   SHEET_HEAD "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>99</v></c></row>"
					      "</sheetData></worksheet>",
				   false, &err);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_null(xlsx_reader_load_sheet(r, 0, &err));
	ck_assert_str_eq(err.path, "概况!B3");
	ck_assert_msg_has(&err, "shared string 99");
	xlsx_reader_free(r);
	r = open_with("xl/worksheets/sheet1.xml",
		      SHEET_HEAD "<row><c r=\"B3\"><v>1</v></c><c r=\"B3\"><v>2</v></c></row>"
				 "</sheetData></worksheet>",
		      false, &err);
	ck_assert_ptr_null(xlsx_reader_load_sheet(r, 0, &err));
	ck_assert_msg_has(&err, "twice");
	xlsx_reader_free(r);
	r = open_with("xl/worksheets/sheet1.xml", SHEET_HEAD "<row><c r=\"B", false, &err);
	ck_assert_ptr_null(xlsx_reader_load_sheet(r, 0, &err));
	ck_assert_msg_has(&err, "not well-formed");
	xlsx_reader_free(r);
}
END_TEST

/* A workbook as libxlsxwriter writes it (what `assess form` makes) reads back. */
START_TEST(reads_what_libxlsxwriter_writes)
{
	const char *path = test_in_dir("w.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "维度一");
	worksheet_write_string(ws, 0, 0, "选项", NULL);
	worksheet_write_number(ws, 1, 2, 4, NULL);
	worksheet_write_boolean(ws, 2, 0, 1, NULL);
	worksheet_write_formula_num(ws, 3, 0, "=C2*2", NULL, 8);
	workbook_set_custom_property_string(wb, "assess.questionnaire", "miit-2024");
	lxw_worksheet *hidden = workbook_add_worksheet(wb, "_assess");
	worksheet_hide(hidden);
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
	assess_error err = {0};
	xlsx_reader *r = xlsx_reader_open(path, &err);
	ck_assert_msg(r != NULL, "%s", err.msg);
	ck_assert_str_eq(xlsx_reader_property(r, "assess.questionnaire"), "miit-2024");
	ck_assert(xlsx_reader_sheet_hidden(r, 1));
	xlsx_reader_sheet *s = xlsx_reader_load_sheet(r, 0, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	assert_cell(s, "A1", XLSX_READER_CELL_STRING, "选项", false);
	assert_cell(s, "C2", XLSX_READER_CELL_NUMBER, "4", false);
	assert_cell(s, "A3", XLSX_READER_CELL_BOOL, "1", false);
	assert_cell(s, "A4", XLSX_READER_CELL_NUMBER, "8", true);
	xlsx_reader_sheet_free(s);
	xlsx_reader_free(r);
	assert_refused(xlsx_reader_open(TESTS_SRCDIR "/../README.md", &err), &err, "not a zip");
}
END_TEST

TCase *make_xlsx_reader_tcase(void)
{
	const TTest *tests[] = {reads_every_kind_of_cell,
				refs_both_ways,
				knows_the_1904_date_system,
				errors_name_sheet_and_cell,
				refuses_what_is_not_a_zip,
				refuses_a_zip_without_a_workbook,
				refuses_entries_outside_the_parts,
				refuses_a_zip_bomb,
				refuses_a_document_type,
				refuses_a_huge_string_table,
				refuses_broken_cells,
				reads_what_libxlsxwriter_writes,
				NULL};
	return test_tcase("xlsx_reader", test_dir_make, test_dir_remove, 60, tests);
}
