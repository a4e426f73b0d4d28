/*
 * xlsx_verify: is a finished workbook whole? libxlsxwriter ignores failed writes to its scratch
 * files, so a full scratch folder gives a zip whose parts are empty or cut short, and
 * workbook_close() still succeeds. Reading the zip back (libzip) checks what matters: the
 * central directory agrees with the entries, every entry inflates with its CRC, and nothing
 * an XML part ends with is missing.
 */
#include "config.h"
#include "xlsx/xlsx.h"

#include <stdio.h>
#include <string.h>
#include <zip.h>
#include "common/text.h"

/* Bytes kept from the start and the end of a part, to find and check its root element. */
#define HEAD_MAX 512
#define TAIL_MAX 256

static const char *const required_parts[] = {
	"[Content_Types].xml", "_rels/.rels",         "docProps/app.xml",
	"docProps/core.xml",   "xl/workbook.xml",     "xl/_rels/workbook.xml.rels",
	"xl/styles.xml",       "xl/theme/theme1.xml",
};

struct part {
	char head[HEAD_MAX + 1], tail[TAIL_MAX + 1];
	size_t n_head, n_tail;
	zip_uint64_t size;
};

static bool is_xml(const char *name)
{
	return text_has_extension(name, ".xml") || text_has_extension(name, ".rels");
}

static void keep(struct part *p, const char *buf, size_t n)
{
	size_t take = HEAD_MAX - p->n_head < n ? HEAD_MAX - p->n_head : n;
	memcpy(p->head + p->n_head, buf, take);
	p->n_head += take;
	if (n >= TAIL_MAX) {
		memcpy(p->tail, buf + n - TAIL_MAX, TAIL_MAX);
		p->n_tail = TAIL_MAX;
	} else {
		size_t room = TAIL_MAX - n, old = p->n_tail < room ? p->n_tail : room;
		memmove(p->tail, p->tail + p->n_tail - old, old);
		memcpy(p->tail + old, buf, n);
		p->n_tail = old + n;
	}
	p->size += n;
}

/* Inflates one entry to its end: libzip checks the CRC when the last byte is read. */
static bool read_part(zip_t *z, zip_uint64_t i, struct part *p)
{
	char buf[65536];
	zip_file_t *f = zip_fopen_index(z, i, 0);
	zip_int64_t n;
	if (!f)
		return false;
	memset(p, 0, sizeof *p);
	while ((n = zip_fread(f, buf, sizeof buf)) > 0)
		keep(p, buf, (size_t)n);
	bool ok = n == 0;
	ok &= zip_fclose(f) == 0;
	p->head[p->n_head] = p->tail[p->n_tail] = '\0';
	return ok;
}

/* The XML part ends with its root element's end tag (or is that one empty element). */
static bool xml_complete(const struct part *p)
{
	const char *s = p->head;
	while (*s) {
		s += strspn(s, " \t\r\n");
		if (s[0] == '<' && (s[1] == '?' || s[1] == '!')) {
			const char *end = strchr(s, '>');
			if (!end)
				return false;
			s = end + 1;
			continue;
		}
		break;
	}
	if (*s != '<')
		return false;
	size_t n = strcspn(s + 1, " \t\r\n/>");
	if (n == 0 || n > 64)
		return false;
	char end_tag[80];
	snprintf(end_tag, sizeof end_tag, "</%.*s>", (int)n, s + 1);
	size_t t = p->n_tail;
	while (t > 0 && strchr(" \t\r\n", p->tail[t - 1]))
		t--;
	size_t e = strlen(end_tag);
	if (t >= e && memcmp(p->tail + t - e, end_tag, e) == 0)
		return true;
	/* <root .../> alone: the whole part is in head, and its first '>' is its last byte. */
	const char *gt = strchr(s, '>');
	return p->size <= HEAD_MAX && gt && gt > s && gt[-1] == '/' &&
	       (size_t)(gt - p->head) + 1 == t;
}

static assess_code check_entries(zip_t *z, const char *path, assess_error *err)
{
	zip_int64_t n = zip_get_num_entries(z, 0);
	struct part p;
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(z, (zip_uint64_t)i, 0);
		if (!name)
			return assess_fail(err, ASSESS_ERR_IO, path, 0, 0,
					   "the workbook's entry %lld has no name", (long long)i);
		if (!read_part(z, (zip_uint64_t)i, &p))
			return assess_fail(err, ASSESS_ERR_IO, path, 0, 0,
					   "the workbook's part %s cannot be read back: %s", name,
					   zip_strerror(z));
		if (p.size == 0)
			return assess_fail(err, ASSESS_ERR_IO, path, 0, 0,
					   "the workbook's part %s came out empty (was the scratch "
					   "folder full?)",
					   name);
		if (is_xml(name) && !xml_complete(&p))
			return assess_fail(err, ASSESS_ERR_IO, path, 0, 0,
					   "the workbook's part %s is cut short (was the scratch "
					   "folder full?)",
					   name);
	}
	return ASSESS_OK;
}

static assess_code check_required(zip_t *z, unsigned n_sheets, const char *path, assess_error *err)
{
	char name[64];
	for (size_t i = 0; i < sizeof required_parts / sizeof *required_parts; i++)
		if (zip_name_locate(z, required_parts[i], 0) < 0)
			return assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "the workbook has no %s",
					   required_parts[i]);
	for (unsigned s = 1; s <= n_sheets; s++) {
		snprintf(name, sizeof name, "xl/worksheets/sheet%u.xml", s);
		if (zip_name_locate(z, name, 0) < 0)
			return assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "the workbook has no %s",
					   name);
	}
	return ASSESS_OK;
}

assess_code xlsx_verify(const char *path, unsigned n_sheets, assess_error *err)
{
	int zerr = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
	if (!z) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, zerr);
		assess_code rc =
			assess_fail(err, zerr == ZIP_ER_MEMORY ? ASSESS_ERR_NOMEM : ASSESS_ERR_IO,
				    path, 0, 0, "the workbook is not a whole zip: %s",
				    zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	assess_code rc = check_required(z, n_sheets, path, err);
	if (rc == ASSESS_OK)
		rc = check_entries(z, path, err);
	zip_discard(z);
	return rc;
}
