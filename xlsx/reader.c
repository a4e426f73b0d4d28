/*
 * reader.c - the cells of an untrusted .xlsx, through libzip and libxml2's xmlTextReader.
 *
 * Order of work: the zip's directory is checked entry by entry before anything is unpacked
 * (names, methods, declared sizes and ratios); then each part is unpacked in chunks, counting
 * what really comes out, so a directory that lies about sizes is caught at the cap and not after.
 */
#include "config.h"
#include "xlsx/reader.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "common/grow.h"
#include "common/readfile.h"
#include "common/text.h"

#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_REL_STRICT "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* A growable byte buffer; `failed` turns later appends into no-ops. */
struct bytes {
	char *data;
	size_t len, cap;
	bool failed;
};

static void bytes_add(struct bytes *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	/* A length past size_t is refused like memory that runs out. */
	size_t need = b->len + 1 + n;
	char *bigger = need > n ? grow_array(b->data, &b->cap, need, 1, 256) : NULL;
	if (!bigger) {
		b->failed = true;
		return;
	}
	b->data = bigger;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

struct sheet_info {
	char *name;
	char *part; /* "xl/worksheets/sheet1.xml" */
	bool hidden;
};

struct property {
	char *name, *value;
};

struct xlsx_reader {
	char *name;    /* what errors call the file */
	char *data;    /* the zip, owned (libzip reads from it) */
	bool date1904; /* day numbers count from 1904-01-01 */
	zip_t *zip;
	size_t unpacked; /* bytes unpacked so far, against XLSX_READER_MAX_TOTAL */
	struct sheet_info *sheets;
	size_t n_sheets, cap_sheets;
	struct property *props;
	size_t n_props, cap_props;
	struct bytes strings; /* shared strings, NUL-separated */
	size_t *string_at;    /* offsets into strings.data */
	size_t n_strings, cap_strings;
};

struct xlsx_reader_sheet {
	char *name;
	xlsx_reader_cell *cells;
	size_t n_cells;
	struct bytes text; /* the sheet's own texts, NUL-separated */
};

assess_code xlsx_reader_fail(assess_error *err, const char *file, const char *sheet, uint32_t row,
			     uint32_t col, const char *fmt, ...)
{
	char ref[16], path[ASSESS_ERROR_PATH_MAX], msg[ASSESS_ERROR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(path, sizeof path, "%s!%s", sheet, xlsx_reader_ref(row, col, ref, sizeof ref));
	return assess_fail_path(err, ASSESS_ERR_DATA, file, path, "%s", msg);
}

const char *xlsx_reader_ref(uint32_t row, uint32_t col, char *buf, size_t size)
{
	char letters[8];
	int n = 0;
	uint32_t c = col + 1;
	while (c && n < (int)sizeof letters) {
		letters[n++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	char col_s[8];
	for (int i = 0; i < n; i++)
		col_s[i] = letters[n - 1 - i];
	col_s[n] = '\0';
	snprintf(buf, size, "%s%lu", col_s, (unsigned long)row + 1);
	return buf;
}

bool xlsx_reader_parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
	const char *p = ref;
	uint32_t c = 0, r = 0;
	int letters = 0, digits = 0;
	if (*p == '$')
		p++;
	for (; *p >= 'A' && *p <= 'Z' && letters < 3; p++, letters++)
		c = c * 26 + (uint32_t)(*p - 'A' + 1);
	if (*p == '$')
		p++;
	for (; *p >= '0' && *p <= '9' && digits < 7; p++, digits++)
		r = r * 10 + (uint32_t)(*p - '0');
	/* Excel's grid: XFD (16384 columns) by 1048576 rows. */
	if (*p || !letters || !digits || c > 16384 || r < 1 || r > 1048576)
		return false;
	*row = r - 1;
	*col = c - 1;
	return true;
}

static assess_code fail(assess_error *err, const xlsx_reader *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static assess_code fail(assess_error *err, const xlsx_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_vfail(err, ASSESS_ERR_DATA, r->name, 0, 0, fmt, ap);
	va_end(ap);
	return ASSESS_ERR_DATA;
}

static assess_code nomem(assess_error *err, const xlsx_reader *r)
{
	return assess_nomem(err, r->name);
}

/* ---- the zip ---- */

/* The parts a workbook has; anything else (a path out of the package, a stray file) is refused. */
static bool expected_entry(const char *name)
{
	static const char *const prefixes[] = {"_rels/", "docProps/", "xl/", "customXml/", NULL};
	if (strcmp(name, "[Content_Types].xml") == 0)
		return true;
	if (strstr(name, "..") || strchr(name, '\\') || strchr(name, ':') || strstr(name, "//"))
		return false;
	for (int i = 0; prefixes[i]; i++)
		if (strncmp(name, prefixes[i], strlen(prefixes[i])) == 0)
			return true;
	return false;
}

static bool over_ratio(uint64_t size, uint64_t comp)
{
	return size > (1u << 20) && size / XLSX_READER_MAX_RATIO > comp;
}

static assess_code check_directory(xlsx_reader *r, assess_error *err)
{
	zip_int64_t n = zip_get_num_entries(r->zip, 0);
	if (n < 0 || (uint64_t)n > XLSX_READER_MAX_ENTRIES)
		return fail(err, r, "not an .xlsx workbook: the zip has %lld entries (at most %u)",
			    (long long)n, XLSX_READER_MAX_ENTRIES);
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_stat_index(r->zip, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME))
			return fail(err, r,
				    "not an .xlsx workbook: entry %lld of the zip is unreadable",
				    (long long)i);
		if (!expected_entry(st.name))
			return fail(err, r,
				    "not an .xlsx workbook: the zip holds \"%.80s\", which is "
				    "not a part of a workbook",
				    st.name);
		if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
			return fail(err, r, "%s is encrypted", st.name);
		if ((st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method != ZIP_CM_STORE &&
		    st.comp_method != ZIP_CM_DEFLATE)
			return fail(err, r,
				    "%s is compressed with method %u (only deflate is read)",
				    st.name, (unsigned)st.comp_method);
		if ((st.valid & ZIP_STAT_SIZE) && st.size > XLSX_READER_MAX_PART)
			return fail(err, r,
				    "%s would unpack to %llu bytes (at most %u): refused as "
				    "a zip bomb",
				    st.name, (unsigned long long)st.size, XLSX_READER_MAX_PART);
		if ((st.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) ==
			    (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE) &&
		    over_ratio(st.size, st.comp_size))
			return fail(err, r,
				    "%s would unpack to %llu times its packed size: refused as "
				    "a zip bomb",
				    st.name,
				    (unsigned long long)(st.size /
							 (st.comp_size ? st.comp_size : 1)));
	}
	return ASSESS_OK;
}

static bool has_part(const xlsx_reader *r, const char *part)
{
	return zip_name_locate(r->zip, part, 0) >= 0;
}

/*
 * Unpacks one part into a NUL-terminated buffer the caller frees, counting the bytes that come
 * out against the caps (the directory's sizes were checked, but the data decides).
 */
static char *read_part(xlsx_reader *r, const char *part, size_t *len, assess_error *err)
{
	zip_int64_t idx = zip_name_locate(r->zip, part, 0);
	zip_stat_t st;
	zip_stat_init(&st);
	if (idx < 0 || zip_stat_index(r->zip, (zip_uint64_t)idx, 0, &st) != 0) {
		fail(err, r, "not an .xlsx workbook: it has no %s", part);
		return NULL;
	}
	zip_file_t *zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
	if (!zf) {
		fail(err, r, "cannot unpack %s: %s", part, zip_strerror(r->zip));
		return NULL;
	}
	struct bytes b = {0};
	char chunk[16384];
	zip_int64_t got;
	assess_code code = ASSESS_OK;
	while ((got = zip_fread(zf, chunk, sizeof chunk)) > 0) {
		if (b.len + (size_t)got > XLSX_READER_MAX_PART ||
		    r->unpacked + b.len + (size_t)got > XLSX_READER_MAX_TOTAL ||
		    over_ratio(b.len + (uint64_t)got, st.comp_size)) {
			code = fail(err, r,
				    "%s unpacks to more than the caps allow: refused as a "
				    "zip bomb",
				    part);
			break;
		}
		bytes_add(&b, chunk, (size_t)got);
		if (b.failed) {
			code = nomem(err, r);
			break;
		}
	}
	if (!code && got < 0)
		code = fail(err, r, "cannot unpack %s: %s", part, zip_file_strerror(zf));
	zip_fclose(zf);
	if (!code && !b.data)
		bytes_add(&b, "", 0);
	if (!code && b.failed)
		code = nomem(err, r);
	/* A document type declaration is where entities live; no part of a workbook has one. */
	if (!code && memmem(b.data, b.len, "<!DOCTYPE", 9))
		code = fail(err, r,
			    "%s declares a document type (<!DOCTYPE>), which no workbook "
			    "part has: refused",
			    part);
	if (code) {
		free(b.data);
		return NULL;
	}
	r->unpacked += b.len;
	*len = b.len;
	return b.data;
}

/* ---- XML ---- */

struct xml {
	xmlTextReaderPtr rd;
	xlsx_reader *r;
	const char *part;
	assess_error *err;
	bool failed;
	char *data;
};

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct xml *x = ctx;
	if (e->level == XML_ERR_WARNING || x->failed)
		return;
	x->failed = true;
	char msg[200];
	snprintf(msg, sizeof msg, "%s", e->message ? e->message : "error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	fail(x->err, x->r, "%s line %d: not well-formed XML: %s", x->part, e->line, msg);
}

static assess_code xml_open(struct xml *x, xlsx_reader *r, const char *part, assess_error *err)
{
	size_t len;
	*x = (struct xml){.r = r, .part = part, .err = err};
	if (!(x->data = read_part(r, part, &len, err)))
		return err ? err->code : ASSESS_ERR_DATA;
	if (len > (size_t)INT32_MAX)
		return fail(err, r, "%s is too large", part);
	x->rd = xmlReaderForMemory(x->data, (int)len, part, NULL, XML_PARSE_NONET);
	if (!x->rd) {
		free(x->data);
		x->data = NULL;
		return nomem(err, r);
	}
	xmlTextReaderSetStructuredErrorHandler(x->rd, on_xml_error, x);
	return ASSESS_OK;
}

static void xml_close(struct xml *x)
{
	if (x->rd)
		xmlFreeTextReader(x->rd);
	free(x->data);
	x->rd = NULL;
	x->data = NULL;
}

/* Next node: 1, 0 at the end, -1 on an error (already reported). */
static int xml_next(struct xml *x)
{
	int rc = xmlTextReaderRead(x->rd);
	if (rc == 1 && xmlTextReaderNodeType(x->rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
		fail(x->err, x->r, "%s declares a document type: refused", x->part);
		x->failed = true;
	}
	if (rc < 0 && !x->failed) {
		fail(x->err, x->r, "%s is not well-formed XML", x->part);
		x->failed = true;
	}
	return x->failed ? -1 : rc;
}

static bool is_start(const struct xml *x, const char *local)
{
	return xmlTextReaderNodeType(x->rd) == XML_READER_TYPE_ELEMENT &&
	       strcmp((const char *)xmlTextReaderConstLocalName(x->rd), local) == 0;
}

static bool is_end(const struct xml *x, const char *local)
{
	int t = xmlTextReaderNodeType(x->rd);
	return (t == XML_READER_TYPE_END_ELEMENT ||
		(t == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x->rd))) &&
	       strcmp((const char *)xmlTextReaderConstLocalName(x->rd), local) == 0;
}

static bool is_text(const struct xml *x)
{
	int t = xmlTextReaderNodeType(x->rd);
	return t == XML_READER_TYPE_TEXT || t == XML_READER_TYPE_CDATA ||
	       t == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || t == XML_READER_TYPE_WHITESPACE;
}

static const char *xml_value(const struct xml *x)
{
	const xmlChar *v = xmlTextReaderConstValue(x->rd);
	return v ? (const char *)v : "";
}

/* An attribute as a malloc'd copy, or NULL. */
static char *attr(const struct xml *x, const char *name)
{
	return (char *)xmlTextReaderGetAttribute(x->rd, (const xmlChar *)name);
}

/* ---- workbook.xml and its relationships ---- */

struct rel {
	char *id, *target, *type;
};

static void rels_free(struct rel *rels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		xmlFree(rels[i].id);
		xmlFree(rels[i].target);
		xmlFree(rels[i].type);
	}
	free(rels);
}

static assess_code read_rels(xlsx_reader *r, const char *part, struct rel **out, size_t *n_out,
			     assess_error *err)
{
	struct xml x;
	struct rel *rels = NULL;
	size_t n = 0, cap = 0;
	assess_code code = xml_open(&x, r, part, err);
	int rc;
	while (!code && (rc = xml_next(&x)) == 1) {
		if (!is_start(&x, "Relationship"))
			continue;
		if (n >= XLSX_READER_MAX_ENTRIES) {
			code = fail(err, r, "%s has too many relationships", part);
			break;
		}
		struct rel *bigger = grow_array(rels, &cap, n + 1, sizeof *rels, 16);
		if (!bigger) {
			code = nomem(err, r);
			break;
		}
		rels = bigger;
		rels[n++] = (struct rel){attr(&x, "Id"), attr(&x, "Target"), attr(&x, "Type")};
	}
	if (!code && x.failed)
		code = err ? err->code : ASSESS_ERR_DATA;
	xml_close(&x);
	if (code) {
		rels_free(rels, n);
		return code;
	}
	*out = rels;
	*n_out = n;
	return ASSESS_OK;
}

/* A target relative to xl/ ("worksheets/sheet1.xml") or absolute ("/xl/…") as a part name. */
static char *part_name(const char *target)
{
	if (!target)
		return NULL;
	if (target[0] == '/')
		return strdup(target + 1);
	size_t n = strlen(target);
	char *p = malloc(n + 4);
	if (p) {
		memcpy(p, "xl/", 3);
		memcpy(p + 3, target, n + 1);
	}
	return p;
}

static const struct rel *find_rel(const struct rel *rels, size_t n, const char *id)
{
	for (size_t i = 0; id && i < n; i++)
		if (rels[i].id && strcmp(rels[i].id, id) == 0)
			return &rels[i];
	return NULL;
}

static assess_code add_sheet(xlsx_reader *r, struct xml *x, const struct rel *rels, size_t n_rels,
			     assess_error *err)
{
	if (r->n_sheets >= XLSX_READER_MAX_SHEETS)
		return fail(err, r, "the workbook has more than %u sheets", XLSX_READER_MAX_SHEETS);
	char *name = attr(x, "name"), *state = attr(x, "state");
	char *rid = (char *)xmlTextReaderGetAttributeNs(x->rd, (const xmlChar *)"id",
							(const xmlChar *)NS_REL);
	if (!rid)
		rid = (char *)xmlTextReaderGetAttributeNs(x->rd, (const xmlChar *)"id",
							  (const xmlChar *)NS_REL_STRICT);
	const struct rel *rel = find_rel(rels, n_rels, rid);
	assess_code code = ASSESS_OK;
	struct sheet_info *bigger = NULL;
	if (!name || !rel || !rel->target)
		code = fail(err, r, "xl/workbook.xml names a sheet without a name or a part");
	else if (!(bigger = grow_array(r->sheets, &r->cap_sheets, r->n_sheets + 1, sizeof *bigger,
				       8)))
		code = nomem(err, r);
	if (!code) {
		r->sheets = bigger;
		struct sheet_info *s = &r->sheets[r->n_sheets];
		*s = (struct sheet_info){strdup(name), part_name(rel->target),
					 state && strcmp(state, "visible") != 0};
		r->n_sheets++;
		if (!s->name || !s->part)
			code = nomem(err, r);
		else if (!expected_entry(s->part) || !has_part(r, s->part))
			code = fail(err, r,
				    "sheet \"%.60s\" points at %.80s, which the file does "
				    "not have",
				    name, s->part);
	}
	xmlFree(name);
	xmlFree(state);
	xmlFree(rid);
	return code;
}

static assess_code read_workbook(xlsx_reader *r, char **strings_part, assess_error *err)
{
	struct rel *rels = NULL;
	size_t n_rels = 0;
	assess_code code = read_rels(r, "xl/_rels/workbook.xml.rels", &rels, &n_rels, err);
	struct xml x = {0};
	if (!code)
		code = xml_open(&x, r, "xl/workbook.xml", err);
	int rc;
	while (!code && (rc = xml_next(&x)) == 1) {
		if (is_start(&x, "sheet")) {
			code = add_sheet(r, &x, rels, n_rels, err);
		} else if (is_start(&x, "workbookPr")) {
			char *d = attr(&x, "date1904");
			r->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
			xmlFree(d);
		}
	}
	if (!code && x.failed)
		code = err ? err->code : ASSESS_ERR_DATA;
	xml_close(&x);
	for (size_t i = 0; !code && i < n_rels; i++)
		if (text_ends_with(rels[i].type, "/sharedStrings") && rels[i].target) {
			if (!(*strings_part = part_name(rels[i].target)))
				code = nomem(err, r);
			break;
		}
	rels_free(rels, n_rels);
	if (!code && r->n_sheets == 0)
		code = fail(err, r, "not an .xlsx workbook: it has no sheets");
	return code;
}

/* ---- shared strings: <si> holds <t> or runs <r><t>; phonetic runs <rPh> are not the text ---- */

static assess_code add_string(xlsx_reader *r, const struct bytes *text, assess_error *err)
{
	if (r->n_strings >= XLSX_READER_MAX_STRINGS)
		return fail(err, r, "the shared-string table has more than %u strings: refused",
			    XLSX_READER_MAX_STRINGS);
	size_t *bigger =
		grow_array(r->string_at, &r->cap_strings, r->n_strings + 1, sizeof *bigger, 64);
	if (!bigger)
		return nomem(err, r);
	r->string_at = bigger;
	r->string_at[r->n_strings++] = r->strings.len;
	bytes_add(&r->strings, text->data ? text->data : "", text->len + 1);
	return r->strings.failed ? nomem(err, r) : ASSESS_OK;
}

static assess_code read_strings(xlsx_reader *r, const char *part, assess_error *err)
{
	struct xml x;
	struct bytes text = {0};
	int in_t = 0, in_ph = 0, rc;
	assess_code code = xml_open(&x, r, part, err);
	while (!code && (rc = xml_next(&x)) == 1) {
		if (is_start(&x, "si")) {
			text.len = 0;
			bytes_add(&text, "", 0);
			if (xmlTextReaderIsEmptyElement(x.rd))
				code = add_string(r, &text, err);
		} else if (is_end(&x, "si")) {
			code = add_string(r, &text, err);
		} else if (is_start(&x, "rPh")) {
			in_ph = !xmlTextReaderIsEmptyElement(x.rd);
		} else if (is_end(&x, "rPh")) {
			in_ph = 0;
		} else if (is_start(&x, "t")) {
			in_t = !xmlTextReaderIsEmptyElement(x.rd);
		} else if (is_end(&x, "t")) {
			in_t = 0;
		} else if (in_t && !in_ph && is_text(&x)) {
			const char *v = xml_value(&x);
			bytes_add(&text, v, strlen(v));
			if (text.failed)
				code = nomem(err, r);
		}
	}
	if (!code && x.failed)
		code = err ? err->code : ASSESS_ERR_DATA;
	xml_close(&x);
	free(text.data);
	return code;
}

/* ---- docProps/custom.xml: <property name="..."><vt:lpwstr>value</vt:lpwstr></property> ---- */

static assess_code read_properties(xlsx_reader *r, assess_error *err)
{
	struct xml x;
	struct bytes value = {0};
	char *name = NULL;
	int rc, depth = -1;
	assess_code code = xml_open(&x, r, "docProps/custom.xml", err);
	while (!code && (rc = xml_next(&x)) == 1) {
		if (is_start(&x, "property") && !xmlTextReaderIsEmptyElement(x.rd)) {
			xmlFree(name);
			name = attr(&x, "name");
			value.len = 0;
			bytes_add(&value, "", 0);
			depth = xmlTextReaderDepth(x.rd);
		} else if (depth >= 0 && is_text(&x)) {
			const char *v = xml_value(&x);
			bytes_add(&value, v, strlen(v));
		} else if (depth >= 0 && is_end(&x, "property")) {
			depth = -1;
			struct property *bigger = NULL;
			if (r->n_props >= 1024)
				code = fail(err, r, "docProps/custom.xml has too many properties");
			else if (value.failed ||
				 !(bigger = grow_array(r->props, &r->cap_props, r->n_props + 1,
						       sizeof *bigger, 16)))
				code = nomem(err, r);
			if (!code && name) {
				r->props = bigger;
				r->props[r->n_props] =
					(struct property){strdup(name), strdup(value.data)};
				if (!r->props[r->n_props++].value || !r->props[r->n_props - 1].name)
					code = nomem(err, r);
			} else if (!code) {
				r->props = bigger;
			}
		}
	}
	if (!code && x.failed)
		code = err ? err->code : ASSESS_ERR_DATA;
	xml_close(&x);
	xmlFree(name);
	free(value.data);
	return code;
}

/* ---- opening ---- */

xlsx_reader *xlsx_reader_open_memory(const void *data, size_t len, const char *name,
				     assess_error *err)
{
	xlsx_reader *r = calloc(1, sizeof *r);
	char *strings_part = NULL;
	assess_code code = ASSESS_OK;
	if (!r || !(r->name = strdup(name)) || !(r->data = malloc(len ? len : 1))) {
		assess_nomem(err, name);
		xlsx_reader_free(r);
		return NULL;
	}
	memcpy(r->data, data, len);
	if (len < 4 || memcmp(data, "PK\3\4", 4) != 0) {
		fail(err, r, "not an .xlsx workbook (not a zip file)");
		xlsx_reader_free(r);
		return NULL;
	}
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(r->data, len, 0, &ze);
	if (src && !(r->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze)))
		zip_source_free(src);
	if (!r->zip)
		code = fail(err, r, "not an .xlsx workbook (a broken zip file: %s)",
			    zip_error_strerror(&ze));
	zip_error_fini(&ze);
	if (!code)
		code = check_directory(r, err);
	if (!code)
		code = read_workbook(r, &strings_part, err);
	if (!code && !strings_part && has_part(r, "xl/sharedStrings.xml") &&
	    !(strings_part = strdup("xl/sharedStrings.xml")))
		code = nomem(err, r);
	if (!code && strings_part && has_part(r, strings_part))
		code = read_strings(r, strings_part, err);
	if (!code && has_part(r, "docProps/custom.xml"))
		code = read_properties(r, err);
	free(strings_part);
	if (code) {
		xlsx_reader_free(r);
		return NULL;
	}
	return r;
}

xlsx_reader *xlsx_reader_open(const char *path, assess_error *err)
{
	size_t len;
	char *data = readfile_all(path, XLSX_READER_MAX_FILE, &len, err);
	if (!data)
		return NULL;
	xlsx_reader *r = xlsx_reader_open_memory(data, len, path, err);
	free(data);
	return r;
}

void xlsx_reader_free(xlsx_reader *r)
{
	if (!r)
		return;
	if (r->zip)
		zip_discard(r->zip);
	for (size_t i = 0; i < r->n_sheets; i++) {
		free(r->sheets[i].name);
		free(r->sheets[i].part);
	}
	for (size_t i = 0; i < r->n_props; i++) {
		free(r->props[i].name);
		free(r->props[i].value);
	}
	free(r->sheets);
	free(r->props);
	free(r->strings.data);
	free(r->string_at);
	free(r->data);
	free(r->name);
	free(r);
}

size_t xlsx_reader_n_sheets(const xlsx_reader *r) { return r->n_sheets; }
const char *xlsx_reader_sheet_name(const xlsx_reader *r, size_t i) { return r->sheets[i].name; }
bool xlsx_reader_sheet_hidden(const xlsx_reader *r, size_t i) { return r->sheets[i].hidden; }
bool xlsx_reader_date1904(const xlsx_reader *r) { return r->date1904; }

long xlsx_reader_find_sheet(const xlsx_reader *r, const char *name)
{
	for (size_t i = 0; i < r->n_sheets; i++)
		if (strcmp(r->sheets[i].name, name) == 0)
			return (long)i;
	return -1;
}

const char *xlsx_reader_property(const xlsx_reader *r, const char *name)
{
	for (size_t i = 0; i < r->n_props; i++)
		if (strcmp(r->props[i].name, name) == 0)
			return r->props[i].value;
	return NULL;
}

/* ---- a sheet's cells ---- */

/* One <c> while it is being read. */
struct cell_state {
	uint32_t row, col;
	char t[16]; /* the t attribute: "s", "str", "inlineStr", "b", "e", "n", "d" */
	bool formula;
	int in;             /* 1 inside <v> or an inline string's <t> */
	bool has_value;     /* a <v> or <is> was seen */
	struct bytes value; /* reused from cell to cell */
};

struct sheet_build {
	xlsx_reader *r;
	xlsx_reader_sheet *s;
	size_t cap_cells, cap_text_at, cap_shared; /* of s->cells, text_at and shared */
	size_t *text_at;     /* per cell: offset of its text in s->text, or SIZE_MAX for shared */
	const char **shared; /* per cell: the shared string, when text_at is SIZE_MAX */
	uint32_t row;        /* the current <row>'s index; next cell's default column */
	uint32_t next_col;
	uint32_t n_rows; /* stop at the first row at or past this one */
	bool done;
	assess_error *err;
};

static assess_code cell_fail(struct sheet_build *b, const struct cell_state *c, const char *fmt,
			     ...) __attribute__((format(printf, 3, 4)));
static assess_code cell_fail(struct sheet_build *b, const struct cell_state *c, const char *fmt,
			     ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return xlsx_reader_fail(b->err, b->r->name, b->s->name, c->row, c->col, "%s", msg);
}

static assess_code emit_cell(struct sheet_build *b, struct cell_state *c)
{
	xlsx_reader_cell_type type = XLSX_READER_CELL_NUMBER;
	const char *shared = NULL;
	const char *v = c->has_value && c->value.data ? c->value.data : "";
	if (!c->has_value && strcmp(c->t, "inlineStr") != 0)
		return ASSESS_OK; /* a styled cell without a value */
	if (strcmp(c->t, "s") == 0) {
		char *end;
		unsigned long k = strtoul(v, &end, 10);
		if (end == v || *end || k >= b->r->n_strings)
			return cell_fail(b, c,
					 "refers to shared string %.20s, which the file does "
					 "not have",
					 v);
		shared = b->r->strings.data + b->r->string_at[k];
		type = XLSX_READER_CELL_STRING;
	} else if (!strcmp(c->t, "str") || !strcmp(c->t, "inlineStr") || !strcmp(c->t, "d")) {
		type = XLSX_READER_CELL_STRING;
	} else if (strcmp(c->t, "b") == 0) {
		type = XLSX_READER_CELL_BOOL;
	} else if (strcmp(c->t, "e") == 0) {
		type = XLSX_READER_CELL_ERROR;
	} else if (c->t[0] && strcmp(c->t, "n") != 0) {
		return cell_fail(b, c, "has an unknown cell type \"%s\"", c->t);
	}
	xlsx_reader_sheet *s = b->s;
	if (s->n_cells >= XLSX_READER_MAX_CELLS)
		return cell_fail(b, c, "the sheet has more than %u cells: refused",
				 XLSX_READER_MAX_CELLS);
	size_t need = s->n_cells + 1;
	xlsx_reader_cell *cells = grow_array(s->cells, &b->cap_cells, need, sizeof *cells, 256);
	if (cells)
		s->cells = cells;
	size_t *at = cells ? grow_array(b->text_at, &b->cap_text_at, need, sizeof *at, 256) : NULL;
	if (at)
		b->text_at = at;
	const char **sh = at ? grow_array(b->shared, &b->cap_shared, need, sizeof *sh, 256) : NULL;
	if (!sh)
		return nomem(b->err, b->r);
	b->shared = sh;
	s->cells[s->n_cells] = (xlsx_reader_cell){c->row, c->col, type, c->formula, NULL};
	b->shared[s->n_cells] = shared;
	b->text_at[s->n_cells] = shared ? SIZE_MAX : s->text.len;
	if (!shared)
		bytes_add(&s->text, v, strlen(v) + 1);
	s->n_cells++;
	return s->text.failed ? nomem(b->err, b->r) : ASSESS_OK;
}

static assess_code start_cell(struct sheet_build *b, struct xml *x, struct cell_state *c)
{
	char *ref = attr(x, "r"), *t = attr(x, "t");
	c->row = b->row;
	c->col = b->next_col;
	c->formula = false;
	c->in = 0;
	c->has_value = false;
	c->value.len = 0;
	if (c->value.data)
		c->value.data[0] = '\0';
	snprintf(c->t, sizeof c->t, "%s", t ? t : "");
	bool ok = !ref || xlsx_reader_parse_ref(ref, &c->row, &c->col);
	xmlFree(t);
	if (!ok) {
		assess_code code =
			xlsx_reader_fail(b->err, b->r->name, b->s->name, b->row, b->next_col,
					 "has a bad cell reference \"%.20s\"", ref);
		xmlFree(ref);
		return code;
	}
	xmlFree(ref);
	b->next_col = c->col + 1;
	return ASSESS_OK;
}

static assess_code start_row(struct sheet_build *b, struct xml *x, bool *seen)
{
	char *r = attr(x, "r");
	uint32_t row = *seen ? b->row + 1 : 0;
	if (r) {
		char *end;
		unsigned long n = strtoul(r, &end, 10);
		if (end == r || *end || n < 1 || n > 1048576) {
			xmlFree(r);
			return fail(b->err, b->r, "sheet \"%s\" has a bad row number", b->s->name);
		}
		row = (uint32_t)n - 1;
	}
	xmlFree(r);
	*seen = true;
	b->row = row;
	b->next_col = 0;
	return ASSESS_OK;
}

static int by_position(const void *pa, const void *pb)
{
	const xlsx_reader_cell *a = pa, *b = pb;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	return a->col < b->col ? -1 : a->col > b->col;
}

/* Cells get their text pointers once the sheet's text buffer stops moving; then sorted. */
static assess_code finish_sheet(struct sheet_build *b)
{
	xlsx_reader_sheet *s = b->s;
	for (size_t i = 0; i < s->n_cells; i++)
		s->cells[i].text =
			b->text_at[i] == SIZE_MAX ? b->shared[i] : s->text.data + b->text_at[i];
	qsort(s->cells, s->n_cells, sizeof *s->cells, by_position);
	for (size_t i = 1; i < s->n_cells; i++)
		if (by_position(&s->cells[i - 1], &s->cells[i]) == 0)
			return xlsx_reader_fail(b->err, b->r->name, s->name, s->cells[i].row,
						s->cells[i].col,
						"the cell appears twice in the file");
	return ASSESS_OK;
}

static assess_code sheet_node(struct sheet_build *b, struct xml *x, struct cell_state *c,
			      bool *in_cell, bool *row_seen)
{
	if (is_start(x, "row")) {
		assess_code code = start_row(b, x, row_seen);
		b->done = !code && b->row >= b->n_rows;
		return code;
	}
	if (is_start(x, "c")) {
		assess_code code = start_cell(b, x, c);
		*in_cell = !xmlTextReaderIsEmptyElement(x->rd);
		return code;
	}
	if (!*in_cell)
		return ASSESS_OK;
	if (is_end(x, "c")) {
		*in_cell = false;
		return emit_cell(b, c);
	}
	if (is_start(x, "f"))
		c->formula = true;
	if (is_start(x, "v") || (is_start(x, "t") && strcmp(c->t, "inlineStr") == 0)) {
		c->in = xmlTextReaderIsEmptyElement(x->rd) ? 0 : 1;
		c->has_value = true;
		bytes_add(&c->value, "", 0);
	} else if (is_end(x, "v") || is_end(x, "t")) {
		c->in = 0;
	} else if (c->in && is_text(x)) {
		const char *v = xml_value(x);
		bytes_add(&c->value, v, strlen(v));
	}
	return c->value.failed ? nomem(b->err, b->r) : ASSESS_OK;
}

xlsx_reader_sheet *xlsx_reader_load_sheet(xlsx_reader *r, size_t i, assess_error *err)
{
	return xlsx_reader_load_rows(r, i, UINT32_MAX, err);
}

xlsx_reader_sheet *xlsx_reader_load_rows(xlsx_reader *r, size_t i, uint32_t n_rows,
					 assess_error *err)
{
	xlsx_reader_sheet *s = calloc(1, sizeof *s);
	struct sheet_build b = {.r = r, .s = s, .n_rows = n_rows, .err = err};
	struct cell_state c = {0};
	struct xml x = {0};
	bool in_cell = false, row_seen = false;
	int rc;
	assess_code code = s && (s->name = strdup(r->sheets[i].name)) ? ASSESS_OK : nomem(err, r);
	if (!code)
		code = xml_open(&x, r, r->sheets[i].part, err);
	while (!code && !b.done && (rc = xml_next(&x)) == 1)
		code = sheet_node(&b, &x, &c, &in_cell, &row_seen);
	if (!code && x.failed)
		code = err ? err->code : ASSESS_ERR_DATA;
	xml_close(&x);
	if (!code)
		code = finish_sheet(&b);
	free(c.value.data);
	free(b.text_at);
	free(b.shared);
	if (code) {
		xlsx_reader_sheet_free(s);
		return NULL;
	}
	return s;
}

void xlsx_reader_sheet_free(xlsx_reader_sheet *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->cells);
	free(s->text.data);
	free(s);
}

const char *xlsx_reader_sheet_title(const xlsx_reader_sheet *s) { return s->name; }
size_t xlsx_reader_sheet_n_cells(const xlsx_reader_sheet *s) { return s->n_cells; }
const xlsx_reader_cell *xlsx_reader_sheet_cells(const xlsx_reader_sheet *s) { return s->cells; }

const xlsx_reader_cell *xlsx_reader_cell_at(const xlsx_reader_sheet *s, uint32_t row, uint32_t col)
{
	xlsx_reader_cell key = {.row = row, .col = col};
	return bsearch(&key, s->cells, s->n_cells, sizeof key, by_position);
}
