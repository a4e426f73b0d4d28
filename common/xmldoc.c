#include "config.h"
#include "common/xmldoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include "common/readfile.h"

/* Collects the first error of a parse or validation, with its position. */
struct sink {
	assess_error *err;
	const char *name;
	assess_code code;
	int seen;
};

/* libxml2's messages end in a line feed and some hold more ("...encoding !\nBytes: 0xE9"). */
static void one_line(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
	for (char *p = s; (p = strchr(p, '\n')) != NULL;)
		*p = ' ';
}

static void on_error(void *data, xmlErrorPtr e)
{
	struct sink *s = data;
	if (e->level == XML_ERR_WARNING)
		return;
	/*
	 * Validation errors carry the node where the validator stopped, often a child of the
	 * element the message names (str1); show the line of that element.
	 */
	const xmlNode *n = e->node;
	int named = n && n->type == XML_ELEMENT_NODE && e->message &&
		    strstr(e->message, (const char *)n->name);
	while (n && !named && e->str1 && n->parent &&
	       !(n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, e->str1) == 0))
		n = n->parent;
	if (n &&
	    (n->type != XML_ELEMENT_NODE || (e->str1 && strcmp((const char *)n->name, e->str1))))
		n = e->node;
	int line = n ? (int)xmlGetLineNo((xmlNodePtr)n) : e->line;
	int column = e->node ? 0 : (e->int2 > 0 ? e->int2 : 0);
	/* Keep the first error, unless it had no line and this one has (libxml2 often says
	 * "failed to validate attributes" without a line, then names the attribute with one). */
	if (s->seen++ && !(s->err && s->err->line <= 0 && line > 0))
		return;
	assess_fail(s->err, s->code, s->name, line, column, "%s%s",
		    s->code == ASSESS_ERR_SCHEMA ? "does not follow the schema: " : "",
		    e->message ? e->message : "error");
	if (s->err)
		one_line(s->err->msg);
}

static void on_parser_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	on_error(ctxt->_private, e);
}

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct sink *s = ctxt->_private;
	if (!s->seen++)
		assess_fail(s->err, ASSESS_ERR_SYNTAX, s->name, xmlSAX2GetLineNumber(ctxt), 0,
			    "a document type declaration (<!DOCTYPE %s>) is not allowed: "
			    "definitions may not declare or use entities",
			    (const char *)name);
	xmlStopParser(ctxt);
}

/* Skips from p past the first `end` (or to the text's end), counting lines. */
static const char *skip_past(const char *p, const char *stop, const char *end, int *line)
{
	size_t n = strlen(end);
	for (; p < stop; p++) {
		if ((size_t)(stop - p) >= n && memcmp(p, end, n) == 0)
			return p + n;
		*line += *p == '\n';
	}
	return stop;
}

/*
 * The line of the first start tag with more than XMLDOC_MAX_ATTRIBUTES attributes, or 0.
 * libxml2 compares each attribute of an element with all before it, so one element of a
 * million attributes would take hours: such a text is refused before libxml2 sees it. The
 * count is of `=` outside quoted values, which is what an attribute needs.
 */
static int crowded_tag(const char *p, size_t len)
{
	const char *stop = p + len;
	int line = 1;
	while (p < stop) {
		char c = *p++;
		if (c == '\n')
			line++;
		if (c != '<')
			continue;
		if ((size_t)(stop - p) >= 3 && memcmp(p, "!--", 3) == 0) {
			p = skip_past(p + 3, stop, "-->", &line);
			continue;
		}
		if ((size_t)(stop - p) >= 8 && memcmp(p, "![CDATA[", 8) == 0) {
			p = skip_past(p + 8, stop, "]]>", &line);
			continue;
		}
		int at = line, n = 0;
		char quote = 0;
		for (; p < stop && (quote || *p != '>'); p++) {
			line += *p == '\n';
			if (quote)
				quote = *p == quote ? 0 : quote;
			else if (*p == '"' || *p == '\'')
				quote = *p;
			else if (*p == '=' && ++n > XMLDOC_MAX_ATTRIBUTES)
				return at;
		}
	}
	return 0;
}

static xmlDoc *parse(const char *buf, size_t len, struct sink *s)
{
	int crowded = crowded_tag(buf, len);
	if (crowded) {
		assess_fail(s->err, ASSESS_ERR_DATA, s->name, crowded, 0,
			    "an element has more than %d attributes", XMLDOC_MAX_ATTRIBUTES);
		return NULL;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		assess_nomem(s->err, s->name);
		return NULL;
	}
	ctxt->_private = s;
	ctxt->sax->serror = on_parser_error;
	ctxt->sax->internalSubset = refuse_doctype;
	s->code = ASSESS_ERR_SYNTAX;
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, buf, (int)len, s->name, NULL,
					XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS |
						XML_PARSE_BIG_LINES);
	if (doc && (s->seen || !ctxt->wellFormed)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && !s->seen)
		assess_fail(s->err, ASSESS_ERR_SYNTAX, s->name, 0, 0, "not well-formed XML");
	xmlFreeParserCtxt(ctxt);
	return doc;
}

static int validate(xmlDoc *doc, const char *schema, size_t schema_len, struct sink *s)
{
	int ok = 0;
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(schema, (int)schema_len);
	xmlRelaxNGPtr rng = NULL;
	xmlRelaxNGValidCtxtPtr vc = NULL;
	struct sink schema_sink = {s->err, "(built-in schema)", ASSESS_ERR_INTERNAL, 0};
	if (!pc)
		goto done;
	xmlRelaxNGSetParserStructuredErrors(pc, on_error, &schema_sink);
	rng = xmlRelaxNGParse(pc);
	if (!rng || !(vc = xmlRelaxNGNewValidCtxt(rng)))
		goto done;
	s->code = ASSESS_ERR_SCHEMA;
	xmlRelaxNGSetValidStructuredErrors(vc, on_error, s);
	ok = xmlRelaxNGValidateDoc(vc, doc) == 0 && !s->seen;
	if (!ok && !s->seen)
		assess_fail(s->err, ASSESS_ERR_SCHEMA, s->name, 0, 0, "does not follow the schema");
done:
	if (!pc || (!rng && !schema_sink.seen) || (rng && !vc))
		assess_fail(s->err, ASSESS_ERR_NOMEM, s->name, 0, 0, "cannot load the schema");
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(rng);
	xmlRelaxNGFreeParserCtxt(pc);
	return ok;
}

xmlDoc *xmldoc_parse(const char *buf, size_t len, const char *name, const char *schema,
		     size_t schema_len, assess_error *err)
{
	struct sink s = {err, name, ASSESS_ERR_SYNTAX, 0};
	xmlDoc *doc = parse(buf, len, &s);
	if (doc && !validate(doc, schema, schema_len, &s)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

int xmldoc_build(const char *buf, size_t len, const char *name, const char *schema,
		 size_t schema_len, const arena *a, int (*build)(void *ctx, xmlNode *root),
		 void *ctx, assess_error *err)
{
	xmlDoc *doc = xmldoc_parse(buf, len, name, schema, schema_len, err);
	if (!doc)
		return -1;
	int built = build(ctx, xmlDocGetRootElement(doc));
	if (arena_failed(a)) {
		assess_nomem(err, name);
		built = -1;
	}
	xmlFreeDoc(doc);
	return built;
}

void *xmldoc_load_file(const char *path, size_t max_bytes, xmldoc_loader *load, assess_error *err)
{
	size_t len;
	char *buf = readfile_regular(path, max_bytes, &len, err);
	void *made = buf ? load(buf, len, path, err) : NULL;
	free(buf);
	return made;
}

static int is_named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && (!name || strcmp((const char *)n->name, name) == 0);
}

xmlNode *xmldoc_next(const xmlNode *node, const char *name)
{
	for (xmlNode *n = node ? node->next : NULL; n; n = n->next)
		if (is_named(n, name))
			return n;
	return NULL;
}

xmlNode *xmldoc_first(const xmlNode *parent, const char *name)
{
	for (xmlNode *n = parent ? parent->children : NULL; n; n = n->next)
		if (is_named(n, name))
			return n;
	return NULL;
}

size_t xmldoc_count(const xmlNode *parent, const char *name)
{
	size_t k = 0;
	for (xmlNode *n = xmldoc_first(parent, name); n; n = xmldoc_next(n, name))
		k++;
	return k;
}

char *xmldoc_attr(arena *a, const xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *copy = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return copy;
}

bool xmldoc_bitext(arena *a, const xmlNode *node, char **zh, char **en)
{
	xmlNode *en_node = xmldoc_first(node, "en");
	*zh = xmldoc_text(a, xmldoc_first(node, "zh"));
	*en = en_node ? xmldoc_text(a, en_node) : NULL;
	return *zh && (*en || !en_node);
}

char *xmldoc_text(arena *a, const xmlNode *node)
{
	xmlChar *v = node ? xmlNodeGetContent(node) : NULL;
	if (!v)
		return NULL;
	char *out = arena_alloc(a, strlen((const char *)v) + 1);
	if (out) {
		size_t k = 0;
		int space = 0;
		for (const char *p = (const char *)v; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
				space = k > 0;
				continue;
			}
			if (space)
				out[k++] = ' ';
			space = 0;
			out[k++] = *p;
		}
		out[k] = '\0';
	}
	xmlFree(v);
	return out;
}

int xmldoc_line(const xmlNode *node) { return (int)xmlGetLineNo(node); }

/* Where what <p opens ends: past "?>", "-->" or '>', or NULL when the text ends first. */
static const char *skip_markup(const char *p)
{
	const char *end = p[1] == '?'                  ? strstr(p + 2, "?>")
			  : strncmp(p, "<!--", 4) == 0 ? strstr(p + 4, "-->")
						       : strchr(p, '>');
	return end ? end + 1 : NULL;
}

bool xmldoc_root_name(const char *text, char *name, size_t size)
{
	name[0] = '\0';
	for (const char *p = strchr(text, '<'); p; p = strchr(p, '<')) {
		if (p[1] != '?' && p[1] != '!') {
			snprintf(name, size, "%.*s", (int)strcspn(p + 1, " \t\r\n/>"), p + 1);
			return true;
		}
		if (!(p = skip_markup(p)))
			return false;
	}
	return false;
}
