#include "config.h"
#include "common/xmldoc.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>

/* Collects the first error of a parse or validation, with its position. */
struct sink {
	assess_error *err;
	const char *name;
	assess_code code;
	int seen;
};

static void trim_newline(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
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
	if (n && (n->type != XML_ELEMENT_NODE || (e->str1 && strcmp((const char *)n->name, e->str1))))
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
		trim_newline(s->err->msg);
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
			    "definitions may not declare or use entities", (const char *)name);
	xmlStopParser(ctxt);
}

static xmlDoc *parse(const char *buf, size_t len, struct sink *s)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		assess_fail(s->err, ASSESS_ERR_NOMEM, s->name, 0, 0, "out of memory");
		return NULL;
	}
	ctxt->_private = s;
	ctxt->sax->serror = on_parser_error;
	ctxt->sax->internalSubset = refuse_doctype;
	s->code = ASSESS_ERR_SYNTAX;
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, buf, (int)len, s->name, NULL,
					XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS);
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

int xmldoc_line(const xmlNode *node)
{
	return (int)xmlGetLineNo(node);
}
