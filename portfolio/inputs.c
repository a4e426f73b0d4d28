#include "config.h"
#include "portfolio/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/grow.h"
#include "common/lines.h"
#include "common/text.h"
#include "portfolio/stream.h"

bool portfolio_input_is_ndjson(const char *name)
{
	return text_has_extension_anycase(name, ".ndjson") ||
	       text_has_extension_anycase(name, ".jsonl");
}

bool portfolio_input_wanted(const char *name)
{
	return text_has_extension_anycase(name, ".json") || portfolio_input_is_ndjson(name);
}

static bool push(portfolio_inputs *in, const char *path, bool ndjson)
{
	portfolio_input *grown = grow_array(in->v, &in->cap, in->n + 1, sizeof *grown, 16);
	if (!grown)
		return false;
	in->v = grown;
	char *copy = strdup(path);
	if (!copy)
		return false;
	in->v[in->n++] = (portfolio_input){.path = copy, .ndjson = ndjson};
	return true;
}

static void bad_path(portfolio_bad_input bad, void *ctx, const char *path, int errnum)
{
	assess_error e = {0};
	assess_cannot_open(&e, path, errnum);
	bad(ctx, &e);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entry names of a folder, sorted, without hidden ones; NULL with errno set on failure. */
static char **list_folder(const char *path, size_t *n)
{
	DIR *d = opendir(path);
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	if (!d)
		return NULL;
	for (struct dirent *e; (errno = 0, e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char **grown = grow_array(names, &cap, *n + 1, sizeof *grown, 64);
		if (!grown)
			goto nomem;
		names = grown;
		if (!(names[*n] = strdup(e->d_name)))
			goto nomem;
		(*n)++;
	}
	int saved = errno;
	closedir(d);
	if (saved) {
		for (size_t i = 0; i < *n; i++)
			free(names[i]);
		free(names);
		errno = saved;
		return NULL;
	}
	if (*n)
		qsort(names, *n, sizeof *names, name_cmp);
	return names ? names : calloc(1, sizeof *names);
nomem:
	for (size_t i = 0; i < *n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	errno = ENOMEM;
	return NULL;
}

struct walk {
	portfolio_inputs *in;
	bool ndjson;
	portfolio_bad_input bad;
	void *ctx;
};

static bool walk_folder(struct walk *w, const char *path);

/* One folder entry: a wanted file is taken, a sub-folder walked, anything else ignored. */
static bool walk_entry(struct walk *w, const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	struct stat st;
	bool ok = true;
	if (!path)
		return false;
	snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", name);
	if (lstat(path, &st) != 0)
		bad_path(w->bad, w->ctx, path, errno);
	else if (S_ISDIR(st.st_mode))
		ok = walk_folder(w, path);
	else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) && portfolio_input_wanted(name))
		ok = push(w->in, path, w->ndjson || portfolio_input_is_ndjson(name));
	free(path);
	return ok;
}

static bool walk_folder(struct walk *w, const char *path)
{
	size_t n;
	char **names = list_folder(path, &n);
	bool ok = true;
	if (!names) {
		if (errno == ENOMEM)
			return false;
		bad_path(w->bad, w->ctx, path, errno);
		return true;
	}
	for (size_t i = 0; i < n; i++) {
		if (ok)
			ok = walk_entry(w, path, names[i]);
		free(names[i]);
	}
	free(names);
	return ok;
}

static bool expand_one(struct walk *w, const char *arg)
{
	struct stat st;
	if (strcmp(arg, "-") == 0)
		return push(w->in, arg, true);
	if (stat(arg, &st) != 0) {
		bad_path(w->bad, w->ctx, arg, errno);
		return true;
	}
	if (!S_ISDIR(st.st_mode))
		return push(w->in, arg, w->ndjson || portfolio_input_is_ndjson(arg));
	size_t before = w->in->n;
	if (!walk_folder(w, arg))
		return false;
	if (w->in->n == before) {
		assess_error e = {0};
		assess_fail(&e, ASSESS_ERR_NOINPUT, arg, 0, 0,
			    "folder holds no answer files (*.json, *.ndjson, *.jsonl)");
		w->bad(w->ctx, &e);
	}
	return true;
}

assess_code portfolio_inputs_expand(portfolio_inputs *in, const char *const *args, size_t n_args,
				    bool ndjson, portfolio_bad_input bad, void *ctx,
				    assess_error *err)
{
	struct walk w = {in, ndjson, bad, ctx};
	for (size_t i = 0; i < n_args; i++)
		if (!expand_one(&w, args[i]))
			return assess_nomem(err, args[i]);
	return ASSESS_OK;
}

/* Non-blank lines of an NDJSON file, read in bounded memory; 0 when it cannot be read. */
static size_t count_lines(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t n = 0;
	lines_reader *l = fd >= 0 ? lines_new(fd, PORTFOLIO_MAX_LINE, NULL, NULL) : NULL;
	lines_line line;
	lines_status st;
	while (l && (st = lines_next(l, &line)) != LINES_EOF && st != LINES_IOERR &&
	       st != LINES_NOMEM)
		n += st == LINES_TOO_LONG || !lines_blank(line.text, line.len);
	lines_free(l);
	if (fd >= 0)
		close(fd);
	return n;
}

void portfolio_inputs_count(portfolio_inputs *in)
{
	in->units = 0;
	for (size_t i = 0; i < in->n; i++) {
		if (strcmp(in->v[i].path, "-") == 0) {
			in->units = 0;
			return;
		}
		in->v[i].units = in->v[i].ndjson ? count_lines(in->v[i].path) : 1;
		in->units += in->v[i].units;
	}
}

void portfolio_inputs_free(portfolio_inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		free(in->v[i].path);
	free(in->v);
	*in = (portfolio_inputs){0};
}
