/*
 * answers-reader.c - many answer objects, one after another (a stream, a portfolio): the JSON
 * memory is kept from one text to the next (common/fastjson.h); the checks and errors are the
 * loader's.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <stdlib.h>
#include "common/sha256.h"

answers_reader *answers_reader_new(answers_resolver resolve, void *ctx, unsigned flags)
{
	answers_reader *r = malloc(sizeof *r);
	if (!r)
		return NULL;
	*r = (answers_reader){resolve, ctx, flags, fastjson_new()};
	if (!r->fj) {
		free(r);
		return NULL;
	}
	return r;
}

void answers_reader_free(answers_reader *r)
{
	if (!r)
		return;
	fastjson_free(r->fj);
	free(r);
}

/*
 * The JSON tree of the text: fastjson's when it takes the text (*borrowed, not to be deleted),
 * else cJSON's, whose errors then stand.
 */
static assess_code read_tree(const answers_reader *r, const struct answers_load *ld, cJSON **root,
			     bool *borrowed)
{
	*root = r->fj ? fastjson_parse(r->fj, ld->text, ld->len) : NULL;
	*borrowed = answers_is_type(*root, cJSON_Object);
	if (*borrowed)
		return ASSESS_OK;
	*root = NULL;
	return answers_parse_json(ld, root);
}

answers *answers_reader_parse(answers_reader *r, const char *json, size_t len, const char *name,
			      assess_error *err)
{
	struct answers_load ld = {json, len, name, err, false};
	cJSON *root = NULL;
	answers *a = NULL;
	if (read_tree(r, &ld, &root, &ld.borrowed) == ASSESS_OK)
		a = answers_bind(root, &ld, r->resolve, r->ctx, r->flags);
	if (!ld.borrowed)
		cJSON_Delete(root);
	if (a && (r->flags & ANSWERS_DIGEST))
		sha256_hex(json, len, a->sha);
	return a;
}
