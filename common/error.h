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

typedef enum {
	ASSESS_OK = 0,          /* no error */
	ASSESS_ERR_NOMEM,       /* an allocation failed */
	ASSESS_ERR_USAGE,       /* the command line is wrong */
	ASSESS_ERR_NOINPUT,     /* an input file does not exist or cannot be opened */
	ASSESS_ERR_SYNTAX,      /* a file is not well-formed XML/JSON or not valid UTF-8 */
	ASSESS_ERR_SCHEMA,      /* a definition file does not follow its schema */
	ASSESS_ERR_DATA,        /* well-formed input whose content is wrong */
	ASSESS_ERR_INCOMPLETE,  /* answers are missing */
	ASSESS_ERR_EXISTS,      /* the output exists and --force was not given */
	ASSESS_ERR_CANTCREAT,   /* the output cannot be created */
	ASSESS_ERR_IO,          /* reading or writing failed part-way */
	ASSESS_ERR_NOTFOUND,    /* a named questionnaire or policy is not installed */
	ASSESS_ERR_INTERNAL,    /* a bug: a library call failed where it cannot */
	ASSESS_ERR_MAX          /* keeps assess_strerror's table in step; not a code */
} assess_code;

#define ASSESS_ERROR_MSG_MAX 768
#define ASSESS_ERROR_FILE_MAX 512
#define ASSESS_ERROR_PATH_MAX 160

typedef struct assess_error {
	assess_code code;
	char file[ASSESS_ERROR_FILE_MAX];  /* the input it is about, or "" */
	int line;                          /* 1-based, 0 when unknown */
	int column;                        /* 1-based, 0 when unknown */
	char path[ASSESS_ERROR_PATH_MAX];  /* JSON path ($.answers.F1) or XML element, or "" */
	char msg[ASSESS_ERROR_MSG_MAX];
} assess_error;

/* Fills err (if not NULL) and returns code, so callers can write `return assess_fail(...)`. */
assess_code assess_fail(assess_error *err, assess_code code, const char *file, int line,
			int column, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
assess_code assess_fail_path(assess_error *err, assess_code code, const char *file,
			     const char *path, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
assess_code assess_vfail(assess_error *err, assess_code code, const char *file, int line,
			 int column, const char *fmt, va_list ap);
/* Appends "; more" to an already filled message (used to list several missing answers). */
void assess_error_append(assess_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

const char *assess_strerror(assess_code code);
/* sysexits.h value for a code: 64 usage, 65 data, 66 no input, 73 cannot create, 74 I/O... */
int assess_exit_code(assess_code code);
/* Writes "file:line:col: msg" (or "file: $.path: msg") to buf, compiler style. */
void assess_error_format(const assess_error *err, char *buf, size_t size);

#endif
