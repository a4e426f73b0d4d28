/*
 * error.h - one error code enum and an error record with a source location.
 *
 * Library functions report failure by returning NULL or a non-zero assess_code and filling an
 * assess_error the caller provides (it may be NULL when the caller does not care). Only the CLI
 * turns a code into an exit status, with assess_exit_code().
 *
 *     assess_error err = {0};
 *     questionnaire *q = questionnaire_load("x.xml", &err);
 *     if (!q) { assess_error_print(stderr, &err); return assess_exit_code(err.code); }
 */
#ifndef ASSESS_ERROR_H
#define ASSESS_ERROR_H

#include <stdarg.h>
#include <stdio.h>

/*
 * Every code once, with all that is said about it: X(NAME, sysexits status, token for the
 * stream's error records, message, Chinese and English label for the batch Errors sheet).
 * The enum, assess_strerror(), assess_exit_code(), assess_code_name() and
 * assess_code_label() are all built from this list, so they cannot disagree.
 */
#define ASSESS_ERRORS(X)                                                                          \
	/* no error */                                                                            \
	X(OK, 0, "ok", "no error", "无错误", "no error")                                          \
	/* an allocation failed */                                                                \
	X(ERR_NOMEM, EX_OSERR, "nomem", "out of memory", "内存不足", "out of memory")             \
	/* the command line is wrong */                                                           \
	X(ERR_USAGE, EX_USAGE, "usage", "usage error", "用法错误", "usage")                       \
	/* an input file does not exist or cannot be opened */                                    \
	X(ERR_NOINPUT, EX_NOINPUT, "noinput", "cannot open input", "无法打开", "cannot open")     \
	/* a file is not well-formed XML/JSON or not valid UTF-8 */                               \
	X(ERR_SYNTAX, EX_DATAERR, "syntax", "malformed input", "格式错误", "malformed")           \
	/* a definition file does not follow its schema */                                        \
	X(ERR_SCHEMA, EX_DATAERR, "schema", "does not follow the schema", "不符合模式", "schema") \
	/* well-formed input whose content is wrong (an invalid id among it) */                   \
	X(ERR_DATA, EX_DATAERR, "data", "invalid data", "数据错误", "invalid data")               \
	/* answers are missing */                                                                 \
	X(ERR_INCOMPLETE, EX_DATAERR, "incomplete", "answers missing", "答案不全", "incomplete")  \
	/* the output exists and --force was not given */                                         \
	X(ERR_EXISTS, EX_CANTCREAT, "exists", "output exists", "文件已存在", "exists")            \
	/* the output cannot be created */                                                        \
	X(ERR_CANTCREAT, EX_CANTCREAT, "cantcreat", "cannot create output", "无法创建",           \
	  "cannot create")                                                                        \
	/* reading or writing failed part-way */                                                  \
	X(ERR_IO, EX_IOERR, "io", "input/output error", "读写错误", "I/O error")                  \
	/* a named questionnaire or policy is not installed */                                    \
	X(ERR_NOTFOUND, EX_NOINPUT, "notfound", "not installed", "未安装", "not installed")       \
	/* a bug: a library call failed where it cannot */                                        \
	X(ERR_INTERNAL, EX_SOFTWARE, "internal", "internal error", "内部错误", "internal error")

typedef enum {
#define ASSESS_ERROR_ENUM(name, exit, token, message, zh, en) ASSESS_##name,
	ASSESS_ERRORS(ASSESS_ERROR_ENUM)
#undef ASSESS_ERROR_ENUM
		ASSESS_ERR_MAX /* the number of codes; not a code */
} assess_code;

#define ASSESS_ERROR_MSG_MAX 768
#define ASSESS_ERROR_FILE_MAX 512
#define ASSESS_ERROR_PATH_MAX 160

typedef struct assess_error {
	assess_code code;
	char file[ASSESS_ERROR_FILE_MAX]; /* the input it is about, or "" */
	int line;                         /* 1-based, 0 when unknown */
	int column;                       /* 1-based, 0 when unknown */
	char path[ASSESS_ERROR_PATH_MAX]; /* JSON path ($.answers.F1) or XML element, or "" */
	char msg[ASSESS_ERROR_MSG_MAX];
} assess_error;

/* Fills err (if not NULL) and returns code, so callers can write `return assess_fail(...)`. */
assess_code assess_fail(assess_error *err, assess_code code, const char *file, int line, int column,
			const char *fmt, ...) __attribute__((format(printf, 6, 7)));
assess_code assess_fail_path(assess_error *err, assess_code code, const char *file,
			     const char *path, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
assess_code assess_vfail(assess_error *err, assess_code code, const char *file, int line,
			 int column, const char *fmt, va_list ap);
/*
 * The one way to say an allocation failed: fills err (if not NULL) with ASSESS_ERR_NOMEM, file
 * (may be NULL), no line and the code's own message, "out of memory", and returns
 * ASSESS_ERR_NOMEM.
 */
assess_code assess_nomem(assess_error *err, const char *file);
/*
 * The one way to say an input file could not be opened, from the errno of the attempt:
 * "cannot open: REASON", as ASSESS_ERR_NOINPUT when nothing readable is there (no such file, no
 * permission, a path through a file) and ASSESS_ERR_IO for anything else. Returns the code.
 */
assess_code assess_cannot_open(assess_error *err, const char *file, int errnum);
/* Appends "; more" to an already filled message (used to list several missing answers). */
void assess_error_append(assess_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

const char *assess_strerror(assess_code code);
/* A stable lower-case token for a code ("data", "syntax"), as the stream's error records say. */
const char *assess_code_name(assess_code code);
/* A short label for a code, Chinese (en == 0) or English, as the batch Errors sheet says. */
const char *assess_code_label(assess_code code, int en);
/* sysexits.h value for a code: 64 usage, 65 data, 66 no input, 73 cannot create, 74 I/O... */
int assess_exit_code(assess_code code);
/* Writes "file:line:col: msg" (or "file: $.path: msg") to buf, compiler style. */
void assess_error_format(const assess_error *err, char *buf, size_t size);

#endif
