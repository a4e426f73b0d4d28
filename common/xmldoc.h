/*
 * xmldoc.h - parse a definition file safely and validate it against a RELAX NG schema.
 *
 * Parsing never touches the network and never expands entities: a document type declaration
 * is refused outright (that is where XXE and "billion laughs" entities live), before any of it
 * is processed. Errors carry the file, line and column libxml2 reports.
 *
 *     xmlDoc *doc = xmldoc_parse(buf, len, "x.xml", schema, schema_len, &err);
 *     for (xmlNode *n = xmldoc_first(xmlDocGetRootElement(doc), "dimension"); n;
 *          n = xmldoc_next(n, "dimension")) ...
 *     xmlFreeDoc(doc);
 *
 * Ownership: xmldoc_parse returns a document the caller frees with xmlFreeDoc(). Strings from
 * xmldoc_attr()/xmldoc_text() are copies in the arena the caller passes.
 */
#ifndef ASSESS_XMLDOC_H
#define ASSESS_XMLDOC_H

#include <libxml/tree.h>
#include "common/arena.h"
#include "common/error.h"

/* More attributes on one element are refused before parsing (libxml2's check is quadratic). */
#define XMLDOC_MAX_ATTRIBUTES 256

xmlDoc *xmldoc_parse(const char *buf, size_t len, const char *name, const char *schema,
		     size_t schema_len, assess_error *err);

/* First element child named `name` (any element if name is NULL), and the next sibling so named. */
xmlNode *xmldoc_first(const xmlNode *parent, const char *name);
xmlNode *xmldoc_next(const xmlNode *node, const char *name);
size_t xmldoc_count(const xmlNode *parent, const char *name);
/* Attribute value copied into the arena, or NULL if absent. */
char *xmldoc_attr(arena *a, const xmlNode *node, const char *name);
/* Text content with white-space runs folded to one space and trimmed, copied into the arena. */
char *xmldoc_text(arena *a, const xmlNode *node);
int xmldoc_line(const xmlNode *node);

#endif
