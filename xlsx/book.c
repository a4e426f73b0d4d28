/* The workbook lifecycle: private folders, the first error, close, verify, rename. */
#include "config.h"
#include "xlsx/xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "common/atomicfile.h"
#include "common/text.h"
#include "xlsx/xlsx_internal.h"

/* libxlsxwriter's scratch folder; its files are unlinked as soon as they are made. */
#define SCRATCH_PREFIX "assess-scratch-"
/*
 * Versions before the private folders wrote a workbook to ".NAME.xlsx.XXXXXX" beside it, made
 * at the start and written only at the end: a big portfolio could leave it unchanged for
 * minutes. One left unchanged for an hour belongs to a run that was killed.
 */
#define OLD_TEMP_SUFFIX ".xlsx"
#define OLD_TEMP_AGE 3600

struct xlsx_book {
	xlsx_options o;
	char *path;
	atomicfile *af; /* the workbook's file, in a private folder next to the target */
	char *scratch;  /* libxlsxwriter's private scratch folder */
	int scratch_lock;
	lxw_workbook *wb;
	lxw_error lxw;         /* the first error; LXW_NO_ERROR while all is well */
	const char *where;     /* the sheet being written */
	const char *failed_in; /* ...when the error happened */
};

assess_code xlsx_code(lxw_error e)
{
	switch (e) {
	case LXW_NO_ERROR:
		return ASSESS_OK;
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return ASSESS_ERR_NOMEM;
	case LXW_ERROR_CREATING_XLSX_FILE:
		return ASSESS_ERR_CANTCREAT;
	case LXW_ERROR_CREATING_TMPFILE:
	case LXW_ERROR_READING_TMPFILE:
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_PARAMETER_ERROR:
	case LXW_ERROR_ZIP_BAD_ZIP_FILE:
	case LXW_ERROR_ZIP_INTERNAL_ERROR:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
		return ASSESS_ERR_IO; /* what the disk did: full, or failing */
	case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
	case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
	case LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED:
	case LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED:
		return ASSESS_ERR_DATA; /* the data asked for more than Excel holds */
	default:
		return ASSESS_ERR_INTERNAL; /* a call we made wrongly */
	}
}

void xlsx_check(xlsx_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->lxw == LXW_NO_ERROR) {
		b->lxw = e;
		b->failed_in = b->where;
	}
}

bool xlsx_failed(const xlsx_book *b) { return b->lxw != LXW_NO_ERROR; }

lxw_error xlsx_error(const xlsx_book *b) { return b->lxw; }

void xlsx_where(xlsx_book *b, const char *sheet) { b->where = sheet; }

lxw_workbook *xlsx_workbook(const xlsx_book *b) { return b->wb; }

const char *xlsx_path(const xlsx_book *b) { return b->path; }

const char *xlsx_cut_mark(const xlsx_book *b)
{
	return b->o.cut_mark ? b->o.cut_mark
			     : lang_pick(b->o.lang, XLSX_CUT_MARK_ZH, XLSX_CUT_MARK_EN);
}

qn_lang xlsx_lang(const xlsx_book *b) { return b->o.lang; }

static void hush(const xlsx_book *b, bool quiet)
{
	if (b->o.env.hush)
		b->o.env.hush(quiet, b->o.env.hush_ctx);
}

static bool usable_dir(const char *dir)
{
	struct stat st;
	return stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && access(dir, W_OK | X_OK) == 0;
}

/*
 * Creating and deleting twenty files per workbook on a disk file system costs more than
 * generating the XML (docs/PERFORMANCE.md), so a report's parts go to a memory-backed folder
 * when there is one; a streamed workbook can be large, so it stays on disk.
 */
static const char *scratch_parent(const xlsx_options *o)
{
	if (o->env.scratch_dir && *o->env.scratch_dir)
		return o->env.scratch_dir;
	if (!o->constant_memory && usable_dir("/dev/shm"))
		return "/dev/shm";
	return P_tmpdir;
}

static assess_code make_scratch(xlsx_book *b, assess_error *err)
{
	const char *parent = scratch_parent(&b->o);
	struct statvfs sv;
	if (statvfs(parent, &sv) == 0 &&
	    (unsigned long long)sv.f_bavail * sv.f_frsize < XLSX_SCRATCH_MIN)
		return assess_fail(err, ASSESS_ERR_IO, b->path, 0, 0,
				   "no room for scratch files in %s (%llu bytes free); free some "
				   "or set TMPDIR to another folder",
				   parent, (unsigned long long)sv.f_bavail * sv.f_frsize);
	atomicfile_sweep(parent, SCRATCH_PREFIX, NULL); /* empty folders of killed writers */
	b->scratch = atomicfile_private_dir(parent, SCRATCH_PREFIX, &b->scratch_lock);
	if (b->scratch)
		return ASSESS_OK;
	if (errno == ENOMEM)
		return assess_nomem(err, b->path);
	return assess_fail(err, errno == ENOSPC ? ASSESS_ERR_IO : ASSESS_ERR_CANTCREAT, b->path, 0,
			   0, "cannot make a scratch folder in %s: %s", parent, strerror(errno));
}

/*
 * The one way a libxlsxwriter error becomes an assess_error: xlsx_code()'s code, the target's
 * name and libxlsxwriter's own words for it, after what we were doing ("start", "write") and
 * the sheet. why: the errno of a failed write to the zip, which libxlsxwriter's error does not
 * carry.
 */
static assess_code failure(const xlsx_book *b, const char *doing, lxw_error e, int why,
			   assess_error *err)
{
	bool disk = why != 0 && xlsx_code(e) == ASSESS_ERR_IO;
	return assess_fail(err, xlsx_code(e), b->path, 0, 0, "cannot %s the %s%s%s: %s%s%s", doing,
			   b->o.what ? b->o.what : "workbook", b->failed_in ? " in sheet " : "",
			   b->failed_in ? b->failed_in : "", lxw_strerror(e), disk ? " " : "",
			   disk ? strerror(why) : "");
}

assess_code xlsx_failure(const xlsx_book *b, assess_error *err)
{
	return b->lxw == LXW_NO_ERROR ? ASSESS_OK : failure(b, "write", b->lxw, 0, err);
}

xlsx_book *xlsx_open(const char *path, const xlsx_options *o, assess_error *err)
{
	static const xlsx_options defaults = {0};
	xlsx_book *b = calloc(1, sizeof *b);
	if (!b || !(b->path = strdup(path))) {
		free(b);
		assess_nomem(err, path);
		return NULL;
	}
	b->o = o ? *o : defaults;
	b->scratch_lock = -1;
	unsigned flags = ATOMICFILE_BY_NAME | (b->o.replace ? ATOMICFILE_REPLACE : 0);
	if (!(b->af = atomicfile_begin(path, flags, err)) || make_scratch(b, err) != ASSESS_OK) {
		xlsx_abort(b);
		return NULL;
	}
	lxw_workbook_options wo = {.constant_memory = b->o.constant_memory, .tmpdir = b->scratch};
	hush(b, true);
	b->wb = workbook_new_opt(atomicfile_tmppath(b->af), &wo);
	hush(b, false);
	if (!b->wb) {
		/* It says no more: its only failure is an allocation's. */
		failure(b, "start", LXW_ERROR_MEMORY_MALLOC_FAILED, 0, err);
		xlsx_abort(b);
		return NULL;
	}
	return b;
}

void xlsx_sweep(const char *path)
{
	size_t n;
	const char *folder = text_path_folder(path, &n);
	char dir[4096];
	if (n >= sizeof dir)
		return;
	snprintf(dir, sizeof dir, "%.*s", (int)n, folder);
	xlsx_sweep_folder(dir);
}

void xlsx_sweep_folder(const char *folder)
{
	static const char *const entries[] = {ATOMICFILE_BY_NAME_ENTRY, NULL};
	atomicfile_sweep(folder, ATOMICFILE_DIR_PREFIX, entries);
	atomicfile_sweep_stale(folder, OLD_TEMP_SUFFIX, OLD_TEMP_AGE);
}

static void free_book(xlsx_book *b)
{
	atomicfile_private_dir_remove(b->scratch, b->scratch_lock, NULL);
	free(b->path);
	free(b);
}

void xlsx_abort(xlsx_book *b)
{
	if (!b)
		return;
	lxw_workbook_free(b->wb); /* nothing is written for a workbook we gave up on */
	atomicfile_abort(b->af);
	free_book(b);
}

assess_code xlsx_close(xlsx_book *b, assess_error *err)
{
	if (b->lxw != LXW_NO_ERROR) {
		assess_code rc = xlsx_failure(b, err);
		xlsx_abort(b);
		return rc;
	}
	unsigned n_sheets = b->wb->num_worksheets;
	b->failed_in = NULL;
	hush(b, true);
	errno = 0;
	lxw_error e = workbook_close(b->wb);
	int why = errno;
	hush(b, false);
	b->wb = NULL;
	assess_code rc = e != LXW_NO_ERROR ? failure(b, "write", e, why, err)
					   : xlsx_verify(atomicfile_tmppath(b->af), n_sheets, err);
	if (rc == ASSESS_OK)
		rc = atomicfile_commit(b->af, err);
	else
		atomicfile_abort(b->af);
	if (rc != ASSESS_OK && err)
		snprintf(err->file, sizeof err->file, "%s",
			 b->path); /* never the temporary's name */
	b->af = NULL;
	free_book(b);
	return rc;
}
