#include "config.h"
#include "common/error.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sysexits.h>
#include "common/text.h"

struct code_info {
	int exit;
	const char *token, *message, *label[2];
};

static const struct code_info codes[ASSESS_ERR_MAX] = {
#define ASSESS_ERROR_INFO(name, exit, token, message, zh, en) \
	[ASSESS_##name] = {exit, token, message, {zh, en}},
	ASSESS_ERRORS(ASSESS_ERROR_INFO)
#undef ASSESS_ERROR_INFO
};

const char *assess_strerror(assess_code code)
{
	return (unsigned)code < ASSESS_ERR_MAX ? codes[code].message : "unknown error";
}

int assess_exit_code(assess_code code)
{
	return (unsigned)code < ASSESS_ERR_MAX ? codes[code].exit : EX_SOFTWARE;
}

const char *assess_code_name(assess_code code)
{
	return codes[(unsigned)code < ASSESS_ERR_MAX ? code : ASSESS_ERR_INTERNAL].token;
}

const char *assess_code_label(assess_code code, int en)
{
	return codes[(unsigned)code < ASSESS_ERR_MAX ? code : ASSESS_ERR_INTERNAL].label[en != 0];
}

assess_code assess_vfail(assess_error *err, assess_code code, const char *file, int line,
			 int column, const char *fmt, va_list ap)
{
	if (!err)
		return code;
	err->code = code;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	err->line = line;
	err->column = column;
	err->path[0] = '\0';
	/* A message cut to fit ends between characters (only a cut one: the text may quote
	 * bytes that are not UTF-8, and they are shown as they are). */
	if (vsnprintf(err->msg, sizeof err->msg, fmt, ap) >= (int)sizeof err->msg)
		err->msg[text_prefix_bytes(err->msg, sizeof err->msg)] = '\0';
	return code;
}

assess_code assess_fail(assess_error *err, assess_code code, const char *file, int line, int column,
			const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_vfail(err, code, file, line, column, fmt, ap);
	va_end(ap);
	return code;
}

assess_code assess_nomem(assess_error *err, const char *file)
{
	return assess_fail(err, ASSESS_ERR_NOMEM, file, 0, 0, "%s",
			   assess_strerror(ASSESS_ERR_NOMEM));
}

assess_code assess_cannot_open(assess_error *err, const char *file, int errnum)
{
	bool absent = errnum == ENOENT || errnum == EACCES || errnum == ENOTDIR;
	return assess_fail(err, absent ? ASSESS_ERR_NOINPUT : ASSESS_ERR_IO, file, 0, 0,
			   "cannot open: %s", strerror(errnum));
}

assess_code assess_fail_path(assess_error *err, assess_code code, const char *file,
			     const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_vfail(err, code, file, 0, 0, fmt, ap);
	va_end(ap);
	if (err)
		snprintf(err->path, sizeof err->path, "%s", path ? path : "");
	return code;
}

void assess_error_append(assess_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	size_t used = strlen(err->msg);
	va_list ap;
	va_start(ap, fmt);
	text_vappendf(err->msg, sizeof err->msg, &used, fmt, ap);
	va_end(ap);
}

void assess_error_format(const assess_error *err, char *buf, size_t size)
{
	const char *msg = err->msg[0] ? err->msg : assess_strerror(err->code);
	if (!err->file[0])
		snprintf(buf, size, "%s", msg);
	else if (err->path[0] && err->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s: %s", err->file, err->line, err->column,
			 err->path, msg);
	else if (err->path[0])
		snprintf(buf, size, "%s: %s: %s", err->file, err->path, msg);
	else if (err->line > 0 && err->column > 0)
		snprintf(buf, size, "%s:%d:%d: %s", err->file, err->line, err->column, msg);
	else if (err->line > 0)
		snprintf(buf, size, "%s:%d: %s", err->file, err->line, msg);
	else
		snprintf(buf, size, "%s: %s", err->file, msg);
}
