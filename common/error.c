#include "config.h"
#include "common/error.h"

#include <string.h>
#include <sysexits.h>

static const char *const strings[ASSESS_ERR_MAX] = {
	[ASSESS_OK] = "no error",
	[ASSESS_ERR_NOMEM] = "out of memory",
	[ASSESS_ERR_USAGE] = "usage error",
	[ASSESS_ERR_NOINPUT] = "cannot open input",
	[ASSESS_ERR_SYNTAX] = "malformed input",
	[ASSESS_ERR_SCHEMA] = "does not follow the schema",
	[ASSESS_ERR_DATA] = "invalid data",
	[ASSESS_ERR_INCOMPLETE] = "answers missing",
	[ASSESS_ERR_EXISTS] = "output exists",
	[ASSESS_ERR_CANTCREAT] = "cannot create output",
	[ASSESS_ERR_IO] = "input/output error",
	[ASSESS_ERR_NOTFOUND] = "not installed",
	[ASSESS_ERR_INTERNAL] = "internal error",
};

static const int exits[ASSESS_ERR_MAX] = {
	[ASSESS_OK] = 0,
	[ASSESS_ERR_NOMEM] = EX_OSERR,
	[ASSESS_ERR_USAGE] = EX_USAGE,
	[ASSESS_ERR_NOINPUT] = EX_NOINPUT,
	[ASSESS_ERR_SYNTAX] = EX_DATAERR,
	[ASSESS_ERR_SCHEMA] = EX_DATAERR,
	[ASSESS_ERR_DATA] = EX_DATAERR,
	[ASSESS_ERR_INCOMPLETE] = EX_DATAERR,
	[ASSESS_ERR_EXISTS] = EX_CANTCREAT,
	[ASSESS_ERR_CANTCREAT] = EX_CANTCREAT,
	[ASSESS_ERR_IO] = EX_IOERR,
	[ASSESS_ERR_NOTFOUND] = EX_NOINPUT,
	[ASSESS_ERR_INTERNAL] = EX_SOFTWARE,
};

const char *assess_strerror(assess_code code)
{
	if ((unsigned)code >= ASSESS_ERR_MAX || !strings[code])
		return "unknown error";
	return strings[code];
}

int assess_exit_code(assess_code code)
{
	if ((unsigned)code >= ASSESS_ERR_MAX)
		return EX_SOFTWARE;
	return exits[code];
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
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	return code;
}

assess_code assess_fail(assess_error *err, assess_code code, const char *file, int line,
			int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	assess_vfail(err, code, file, line, column, fmt, ap);
	va_end(ap);
	return code;
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
	if (used + 1 >= sizeof err->msg)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg + used, sizeof err->msg - used, fmt, ap);
	va_end(ap);
}

void assess_error_format(const assess_error *err, char *buf, size_t size)
{
	const char *msg = err->msg[0] ? err->msg : assess_strerror(err->code);
	if (!err->file[0])
		snprintf(buf, size, "%s", msg);
	else if (err->path[0] && err->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s: %s", err->file, err->line, err->column, err->path,
			 msg);
	else if (err->path[0])
		snprintf(buf, size, "%s: %s: %s", err->file, err->path, msg);
	else if (err->line > 0 && err->column > 0)
		snprintf(buf, size, "%s:%d:%d: %s", err->file, err->line, err->column, msg);
	else if (err->line > 0)
		snprintf(buf, size, "%s:%d: %s", err->file, err->line, msg);
	else
		snprintf(buf, size, "%s: %s", err->file, msg);
}
