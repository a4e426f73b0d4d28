/* Finding installed policies by id along a colon-separated search path. */
#include "config.h"
#include "policies/policy.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common/grow.h"
#include "common/searchpath.h"
#include "common/text.h"
#include "common/xmldoc.h"

policy *policy_open(const char *id_or_path, const char *search_path, assess_error *err)
{
	char path[4096];
	const char *file;
	searchpath_found found =
		searchpath_locate(id_or_path, search_path, "policy", "; see `assess policies`",
				  path, sizeof path, &file, err);
	if (found == SEARCHPATH_FAILED)
		return NULL;
	policy *p = policy_load(file, err);
	if (p && found == SEARCHPATH_INSTALLED &&
	    searchpath_check_id(file, "policy", policy_id(p), id_or_path, err)) {
		policy_free(p);
		return NULL;
	}
	return p;
}

/* True when the file's first element is <policy> (it may still be invalid: open says why). */
static bool is_policy_file(const char *path)
{
	char head[8192]; /* room for a licence or provenance comment before the root */
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(head, 1, sizeof head - 1, f);
	fclose(f);
	head[n] = '\0';
	char name[sizeof "policy" + 1]; /* a longer name, cut to fit, is still not "policy" */
	return xmldoc_root_name(head, name, sizeof name) && strcmp(name, "policy") == 0;
}

static bool listed(char **ids, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return true;
	return false;
}

static int add_id(char ***ids, size_t *n, size_t *cap, const char *name, size_t len)
{
	char **grown = grow_array(*ids, cap, *n + 1, sizeof *grown, 8);
	if (!grown)
		return -1;
	*ids = grown;
	if (!((*ids)[*n] = strndup(name, len)))
		return -1;
	(*n)++;
	return 0;
}

static int scan_dir(const char *dir, char ***ids, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[4096];
	int rc = 0;
	while (d && rc == 0 && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (!text_has_extension(e->d_name, ".xml"))
			continue;
		if (!text_path_join(path, sizeof path, dir, e->d_name))
			continue; /* a name longer than a path holds names no file to open */
		char *id = strndup(e->d_name, len - 4);
		if (!id)
			rc = -1;
		else if (searchpath_valid_id(id) && !listed(*ids, *n, id) && is_policy_file(path))
			rc = add_id(ids, n, cap, id, len - 4);
		free(id);
	}
	if (d)
		closedir(d);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **policy_list(const char *search_path, size_t *n, assess_error *err)
{
	char **ids = NULL, *copy = strdup(search_path ? search_path : ""), *save = NULL;
	size_t cap = 0;
	int rc = copy ? 0 : -1;
	*n = 0;
	for (char *d = copy ? strtok_r(copy, ":", &save) : NULL; d && rc == 0;
	     d = strtok_r(NULL, ":", &save))
		rc = scan_dir(d, &ids, n, &cap);
	free(copy);
	if (rc == 0 && (ids || (ids = calloc(1, sizeof *ids)))) {
		qsort(ids, *n, sizeof *ids, by_name);
		return ids;
	}
	for (size_t i = 0; i < *n; i++)
		free(ids[i]);
	free(ids);
	*n = 0;
	assess_nomem(err, NULL);
	return NULL;
}

static void free_ids(char **ids, size_t n)
{
	for (size_t i = 0; ids && i < n; i++)
		free(ids[i]);
	free(ids);
}

static bool is_all(const char *id) { return strcmp(id, "all") == 0; }

char **policy_ids_expand(const char *search_path, const char *const *asked, size_t n_asked,
			 size_t *n, assess_error *err)
{
	bool every = n_asked == 0;
	for (size_t i = 0; i < n_asked; i++)
		every = every || is_all(asked[i]);
	size_t n_all = 0;
	char **all = every ? policy_list(search_path, &n_all, err) : NULL;
	*n = 0;
	if (every && !all)
		return NULL;
	char **ids = calloc(n_asked + n_all + 1, sizeof *ids);
	bool ok = ids != NULL;
	for (size_t i = 0; ok && i < n_asked; i++)
		if (!is_all(asked[i]))
			ok = (ids[(*n)++] = strdup(asked[i])) != NULL;
	for (size_t i = 0; ok && i < n_all; i++) {
		ids[(*n)++] = all[i]; /* handed over: no longer all's to free */
		all[i] = NULL;
	}
	free_ids(all, n_all);
	if (ok)
		return ids;
	free_ids(ids, *n);
	*n = 0;
	assess_nomem(err, NULL);
	return NULL;
}
