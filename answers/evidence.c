/*
 * evidence.c - what the assessor saw or collected, per question: a title, optionally a file
 * beside the answer file and its SHA-256, and the instrument's checklist entry it satisfies.
 *
 * An evidence file lives in or below the answer file's folder, so the record moves with its
 * folder: a path that is absolute or has a ".." part is refused on load and by the setter, the
 * last part is not followed if it is a symbolic link, and only a regular file is read.
 */
#include "config.h"
#include "answers/answers_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/grow.h"
#include "common/sha256.h"
#include "common/text.h"

size_t answers_evidence_count(const answers *a, size_t question_index)
{
	return a->rec && a->rec->evidence && question_index < questionnaire_n_questions(a->q)
		       ? a->rec->evidence[question_index].n
		       : 0;
}

const answers_evidence *answers_evidence_get(const answers *a, size_t question_index, size_t k)
{
	return k < answers_evidence_count(a, question_index)
		       ? &a->rec->evidence[question_index].items[k]
		       : NULL;
}

size_t answers_evidence_total(const answers *a)
{
	size_t n = 0;
	for (size_t i = 0; a->rec && a->rec->evidence && i < questionnaire_n_questions(a->q); i++)
		n += a->rec->evidence[i].n;
	return n;
}

/* NULL if file may name an evidence file, else why not. */
static const char *path_problem(const char *file)
{
	if (!*file)
		return "an empty file name";
	for (const char *p = file; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '\\')
			return "a control character or backslash in a file name (use / between "
			       "folders)";
	if (file[0] == '/')
		return "an absolute path: evidence files are named relative to the answer file's "
		       "folder";
	for (const char *p = file; *p; p = strchr(p, '/') ? strchr(p, '/') + 1 : p + strlen(p))
		if (p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0'))
			return "a path with \"..\": evidence files live in or below the answer "
			       "file's folder";
	return NULL;
}

/* NULL when id names an entry of the question's checklist in the instrument, else why not. */
static const char *checklist_problem(const qn_question *q, const char *id)
{
	if (qn_checklist_find(q, id))
		return NULL;
	return q->n_checklist ? "not an entry of the question's checklist (支撑材料) in the "
				"questionnaire"
			      : "the question has no checklist (支撑材料) in the questionnaire";
}

static void item_clear(answers_evidence *e)
{
	free(e->title);
	free(e->file);
	free(e->sha256);
	free(e->checklist);
}

/* Appends copies of the item's strings; -1 (nothing added) when out of memory. */
static int push(answers *a, size_t qi, const answers_evidence *e)
{
	struct answers_record *r = answers_record_get(a);
	if (!r)
		return -1;
	if (!r->evidence) {
		r->evidence = calloc(questionnaire_n_questions(a->q), sizeof *r->evidence);
		if (!r->evidence)
			return -1;
	}
	struct answers_evidence_list *list = &r->evidence[qi];
	answers_evidence *bigger =
		grow_array(list->items, &list->cap, list->n + 1, sizeof *bigger, 4);
	if (!bigger)
		return -1;
	list->items = bigger;
	answers_evidence copy = {0};
	if (answers_set_string(&copy.title, e->title) || answers_set_string(&copy.file, e->file) ||
	    answers_set_string(&copy.sha256, e->sha256) ||
	    answers_set_string(&copy.checklist, e->checklist)) {
		item_clear(&copy);
		return -1;
	}
	list->items[list->n++] = copy;
	return 0;
}

void answers_evidence_folder(const char *answer_path, char *buf, size_t size)
{
	size_t n;
	const char *folder =
		text_path_folder(strcmp(answer_path, "-") == 0 ? "." : answer_path, &n);
	snprintf(buf, size, "%.*s", (int)n, folder);
}

/* dir/file into buf; fails when it does not fit. */
static assess_code join(const char *dir, const char *file, char *buf, size_t size,
			assess_error *err)
{
	bool fits = dir && *dir ? text_path_join(buf, size, dir, file)
				: (size_t)snprintf(buf, size, "%s", file) < size;
	if (!fits)
		return assess_fail(err, ASSESS_ERR_DATA, file, 0, 0, "path too long");
	return ASSESS_OK;
}

assess_code answers_evidence_hash(const char *dir, const char *file, char out[65],
				  assess_error *err)
{
	char path[ASSESS_ERROR_FILE_MAX];
	const char *problem = path_problem(file);
	if (problem)
		return assess_fail(err, ASSESS_ERR_DATA, file, 0, 0, "%s", problem);
	if (join(dir, file, path, sizeof path, err))
		return ASSESS_ERR_DATA;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return assess_fail(err, errno == ENOENT ? ASSESS_ERR_NOINPUT : ASSESS_ERR_DATA,
				   path, 0, 0, "cannot open: %s",
				   errno == ELOOP ? "a symbolic link" : strerror(errno));
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return assess_fail(err, ASSESS_ERR_DATA, path, 0, 0, "not a regular file");
	}
	sha256_ctx c;
	sha256_init(&c);
	unsigned char buf[65536];
	ssize_t got;
	while ((got = read(fd, buf, sizeof buf)) > 0)
		sha256_update(&c, buf, (size_t)got);
	int saved = errno;
	close(fd);
	if (got < 0)
		return assess_fail(err, ASSESS_ERR_IO, path, 0, 0, "read failed: %s",
				   strerror(saved));
	sha256_final_hex(&c, out);
	return ASSESS_OK;
}

assess_code answers_evidence_add(answers *a, size_t question_index, const char *title,
				 const char *file, const char *sha256, const char *checklist,
				 const char *dir, assess_error *err)
{
	const qn_question *q = questionnaire_question(a->q, question_index);
	const char *problem = !q                  ? "no such question"
			      : !title || !*title ? "evidence needs a title"
			      : file && *file     ? path_problem(file)
			      : sha256            ? "a sha256 without a file"
						  : NULL;
	if (!problem && sha256 && !answers_is_sha256(sha256))
		problem = "a sha256 is 64 lower-case hex digits";
	if (!problem && checklist)
		problem = checklist_problem(q, checklist);
	if (problem)
		return assess_fail(err, ASSESS_ERR_DATA, file, 0, 0, "%s", problem);
	char digest[65];
	if (file && *file && !sha256) {
		assess_code rc = answers_evidence_hash(dir, file, digest, err);
		if (rc)
			return rc;
		sha256 = digest;
	}
	answers_evidence e = {(char *)title, (char *)(file && *file ? file : NULL), (char *)sha256,
			      (char *)checklist};
	if (push(a, question_index, &e))
		return assess_nomem(err, NULL);
	return ASSESS_OK;
}

void answers_evidence_clear(struct answers_evidence_list *list)
{
	for (size_t k = 0; k < list->n; k++)
		item_clear(&list->items[k]);
	free(list->items);
	*list = (struct answers_evidence_list){0};
}

assess_code answers_evidence_remove(answers *a, size_t question_index, size_t k)
{
	if (k >= answers_evidence_count(a, question_index))
		return ASSESS_ERR_DATA;
	struct answers_evidence_list *list = &a->rec->evidence[question_index];
	item_clear(&list->items[k]);
	memmove(&list->items[k], &list->items[k + 1], (list->n - k - 1) * sizeof *list->items);
	list->n--;
	return ASSESS_OK;
}

static assess_code verify_item(const answers *a, const qn_question *q, size_t k,
			       const answers_evidence *e, const char *dir, assess_error *err)
{
	char digest[65];
	assess_error inner = {0};
	char path[ASSESS_ERROR_PATH_MAX];
	snprintf(path, sizeof path, "$.evidence.%s[%zu].file", q->id, k);
	if (answers_evidence_hash(dir, e->file, digest, &inner))
		return answers_fail_model(a, err, path, "evidence of %s: %s: %s", q->id, e->file,
					  inner.msg);
	if (e->sha256 && strcmp(digest, e->sha256) != 0)
		return answers_fail_model(a, err, path,
					  "evidence of %s: %s has changed: its SHA-256 is %s, the "
					  "record says %s",
					  q->id, e->file, digest, e->sha256);
	return ASSESS_OK;
}

assess_code answers_evidence_verify(const answers *a, const char *dir, assess_error *err)
{
	for (size_t i = 0; i < questionnaire_n_questions(a->q); i++)
		for (size_t k = 0; k < answers_evidence_count(a, i); k++) {
			const answers_evidence *e = answers_evidence_get(a, i, k);
			if (e->file &&
			    verify_item(a, questionnaire_question(a->q, i), k, e, dir, err))
				return ASSESS_ERR_DATA;
		}
	return ASSESS_OK;
}

/* ---- loading and writing ---- */

static assess_code load_item(answers *a, const struct answers_load *ld, const qn_question *q,
			     const cJSON *obj, int k)
{
	char path[ASSESS_ERROR_PATH_MAX];
	snprintf(path, sizeof path, "$.evidence.%s[%d]", q->id, k);
	if (answers_expect_object(ld, obj, path))
		return ASSESS_ERR_DATA;
	answers_evidence e = {0};
	for (const cJSON *c = obj->child; c; c = c->next) {
		char **slot = strcmp(c->string, "title") == 0       ? &e.title
			      : strcmp(c->string, "file") == 0      ? &e.file
			      : strcmp(c->string, "sha256") == 0    ? &e.sha256
			      : strcmp(c->string, "checklist") == 0 ? &e.checklist
								    : NULL;
		if (!slot)
			return answers_fail_at(ld, path, c->string, -1,
					       "unknown key \"%s\" (expected "
					       "title, file, sha256, checklist)",
					       c->string);
		if (answers_expect_string(ld, c, path, c->string, -1))
			return ASSESS_ERR_DATA;
		*slot = c->valuestring;
	}
	const char *problem = NULL, *key = NULL;
	if (!e.title)
		return answers_fail_at(ld, path, NULL, -1,
				       "no \"title\": say what the evidence is");
	if (e.file && (problem = path_problem(e.file)))
		key = "file";
	else if (e.sha256 && !e.file && (problem = "a sha256 without a file"))
		key = "sha256";
	else if (e.sha256 && !answers_is_sha256(e.sha256) &&
		 (problem = "expected the file's SHA-256: 64 lower-case hex digits"))
		key = "sha256";
	else if (e.checklist && (problem = checklist_problem(q, e.checklist)))
		key = "checklist";
	if (problem)
		return answers_fail_at(ld, path, key, -1, "%s", problem);
	return push(a, q->index, &e) ? answers_fail_nomem(ld) : ASSESS_OK;
}

assess_code answers_evidence_load(answers *a, const struct answers_load *ld, const cJSON *obj)
{
	if (answers_expect_object(ld, obj, "$.evidence"))
		return ASSESS_ERR_DATA;
	for (const cJSON *c = obj->child; c; c = c->next) {
		const qn_question *q = answers_expect_question(ld, a, "$.evidence", c->string);
		if (!q)
			return ASSESS_ERR_DATA;
		if (!answers_is_type(c, cJSON_Array))
			return answers_fail_at(ld, "$.evidence", c->string, -1,
					       "expected an array of evidence items, got %s",
					       answers_type_name(c));
		int k = 0;
		for (const cJSON *it = c->child; it; it = it->next, k++) {
			assess_code rc = load_item(a, ld, q, it, k);
			if (rc) /* a refusal, or no memory to keep the item */
				return rc;
		}
	}
	return ASSESS_OK;
}

cJSON *answers_evidence_json(const answers *a, bool *ok)
{
	if (!answers_evidence_total(a))
		return NULL;
	cJSON *obj = cJSON_CreateObject();
	*ok = obj != NULL;
	for (size_t i = 0; *ok && i < questionnaire_n_questions(a->q); i++) {
		size_t n = answers_evidence_count(a, i);
		cJSON *arr =
			n ? cJSON_AddArrayToObject(obj, questionnaire_question(a->q, i)->id) : NULL;
		*ok = !n || arr;
		for (size_t k = 0; *ok && k < n; k++) {
			const answers_evidence *e = answers_evidence_get(a, i, k);
			cJSON *o = cJSON_CreateObject();
			*ok = answers_json_add(arr, NULL, o);
			const char *keys[] = {"title", "file", "sha256", "checklist"};
			const char *vals[] = {e->title, e->file, e->sha256, e->checklist};
			for (int j = 0; *ok && j < 4; j++)
				*ok = answers_json_add_string(o, keys[j], vals[j]);
		}
	}
	if (*ok)
		return obj;
	cJSON_Delete(obj);
	return NULL;
}
