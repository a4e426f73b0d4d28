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
 * A loader of a kind of definition (questionnaires, policies) sets up its object and hands the
 * walk to xmldoc_build(); xmldoc_load_file() reads the file for its memory loader.
 *
 * Ownership: xmldoc_parse returns a document the caller frees with xmlFreeDoc(). Strings from
 * xmldoc_attr()/xmldoc_text() are copies in the arena the caller passes.
 */
#ifndef ASSESS_XMLDOC_H
#define ASSESS_XMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include "common/arena.h"
#include "common/error.h"

/* More attributes on one element are refused before parsing (libxml2's check is quadratic). */
#define XMLDOC_MAX_ATTRIBUTES 256

xmlDoc *xmldoc_parse(const char *buf, size_t len, const char *name, const char *schema,
		     size_t schema_len, assess_error *err);
/*
 * What every definition loader does with the bytes: parses and validates them, hands the root
 * to build (which fills err and returns -1 when the document is wrong), frees the document.
 * A build during which the arena `a` ran out fails as out of memory, whatever build said: a
 * copy it did not get reads like an absent attribute. Returns 0, or -1 with err filled.
 */
int xmldoc_build(const char *buf, size_t len, const char *name, const char *schema,
		 size_t schema_len, const arena *a, int (*build)(void *ctx, xmlNode *root),
		 void *ctx, assess_error *err);
/*
 * Reads the definition file at path (a regular file, at most max_bytes: definitions are files)
 * and returns what load makes of its bytes, named by path; NULL with err filled.
 */
typedef void *xmldoc_loader(const char *buf, size_t len, const char *name, assess_error *err);
void *xmldoc_load_file(const char *path, size_t max_bytes, xmldoc_loader *load, assess_error *err);

/*
 * The name of the root element of text (NUL-terminated; the first bytes of a file will do),
 * without parsing it: what comes before the root, the XML declaration, comments (which may
 * hold a '<' of their own), processing instructions and a document type declaration, is
 * skipped. Written into name (size bytes, cut to fit); false, with name "", when the text
 * ends before an element starts. For telling kinds of definition apart before loading one:
 * the loader still says what is wrong with the file.
 */
bool xmldoc_root_name(const char *text, char *name, size_t size);

/* First element child named `name` (any element if name is NULL), and the next sibling so named. */
xmlNode *xmldoc_first(const xmlNode *parent, const char *name);
xmlNode *xmldoc_next(const xmlNode *node, const char *name);
size_t xmldoc_count(const xmlNode *parent, const char *name);
/* Attribute value copied into the arena, or NULL if absent. */
char *xmldoc_attr(arena *a, const xmlNode *node, const char *name);
/* Text content with white-space runs folded to one space and trimmed, copied into the arena. */
char *xmldoc_text(arena *a, const xmlNode *node);
/*
 * A text given in both languages, as the definitions write one: node's <zh> child's text into
 * *zh and its optional <en> child's into *en (NULL when there is none), as xmldoc_text() copies
 * them. False when memory ran out (or <zh> is missing, which the schemas rule out).
 */
bool xmldoc_bitext(arena *a, const xmlNode *node, char **zh, char **en);
int xmldoc_line(const xmlNode *node);

#endif
