#include "config.h"
#include "assess/cli.h"
#include "common/grow.h"
#include "common/searchpath.h"
#include "common/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <getopt.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

/*
 * libxlsxwriter prints "[ERROR]..." to stderr when writing a workbook fails; the error it
 * returns is printed once, as "assess: FILE: ...", so its own lines are sent to /dev/null
 * while it writes. Only the CLI owns the process's descriptors, so this lives here.
 */
static void cli_hush(bool quiet, void *ctx)
{
	cli *c = ctx;
	fflush(stderr);
	if (quiet && c->hushed_stderr < 0) {
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
		int saved = null >= 0 ? fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3) : -1;
		if (saved >= 0 && dup2(null, STDERR_FILENO) >= 0)
			c->hushed_stderr = saved;
		else if (saved >= 0)
			close(saved);
		if (null >= 0)
			close(null);
	} else if (!quiet && c->hushed_stderr >= 0) {
		dup2(c->hushed_stderr, STDERR_FILENO);
		close(c->hushed_stderr);
		c->hushed_stderr = -1;
	}
}

xlsx_env cli_xlsx_env(cli *c)
{
	return (xlsx_env){.scratch_dir = c->tmpdir, .hush = cli_hush, .hush_ctx = c};
}

int cli_error(const cli *c, const assess_error *err)
{
	char buf[ASSESS_ERROR_MSG_MAX + ASSESS_ERROR_FILE_MAX + ASSESS_ERROR_PATH_MAX + 32];
	assess_error_format(err, buf, sizeof buf);
	/* Names, paths and values in the message come from data: escaped, it stays one line. */
	fprintf(stderr, "%s: ", c->prog);
	text_fputs_escaped(buf, stderr);
	fputc('\n', stderr);
	return assess_exit_code(err->code);
}

int cli_nomem(const cli *c)
{
	assess_error err = {0};
	assess_nomem(&err, NULL);
	return cli_error(c, &err);
}

int cli_usage_error(const cli *c, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	/* The message quotes what was typed: an option value must not forge a line of its own. */
	fprintf(stderr, "%s: ", c->prog);
	text_fputs_escaped(buf, stderr);
	fputc('\n', stderr);
	return EX_USAGE;
}

bool cli_parse_lang(const char *s, qn_lang *out)
{
	if (strcmp(s, "zh") == 0 || strcmp(s, "cn") == 0)
		*out = QN_LANG_ZH;
	else if (strcmp(s, "en") == 0)
		*out = QN_LANG_EN;
	else
		return false;
	return true;
}

bool cli_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return strcmp(a, b) == 0 || (stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
				     sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino);
}

const questionnaire *cli_questionnaire(const char *id, void *ctx, assess_error *err)
{
	cli *c = ctx;
	/*
	 * By id, then by file: "q.xml", "./q.xml" and ".//q.xml" are loaded once, as a path is
	 * told from an id where the questionnaire is opened; a bare id names no file.
	 */
	bool is_path = searchpath_is_path(id);
	for (size_t i = 0; i < c->n_cache; i++) {
		const char *path = questionnaire_path(c->cache[i]);
		if (strcmp(questionnaire_id(c->cache[i]), id) == 0 ||
		    (is_path ? cli_same_file(id, path) : strcmp(id, path) == 0))
			return c->cache[i];
	}
	if (c->n_cache >= CLI_MAX_QUESTIONNAIRES) {
		assess_fail(err, ASSESS_ERR_DATA, NULL, 0, 0,
			    "more than %d different questionnaires in one run",
			    CLI_MAX_QUESTIONNAIRES);
		return NULL;
	}
	questionnaire **grown =
		grow_array(c->cache, &c->cap_cache, c->n_cache + 1, sizeof *grown, 4);
	if (!grown) {
		assess_nomem(err, NULL);
		return NULL;
	}
	c->cache = grown;
	questionnaire *q = questionnaire_open(id, c->questionnaire_path, err);
	if (q)
		c->cache[c->n_cache++] = q;
	return q;
}

char *cli_output_name(const char *file, const char *ext)
{
	const char *slash = strrchr(file, '/'), *base = slash ? slash + 1 : file;
	const char *dot = strrchr(base, '.');
	size_t stem = dot && dot != base ? (size_t)(dot - file) : strlen(file), n = strlen(ext);
	char *out = malloc(stem + n + 1);
	if (out) {
		memcpy(out, file, stem);
		memcpy(out + stem, ext, n + 1);
	}
	return out;
}

answers *cli_load_answers(cli *c, const char *path, unsigned flags, int *status)
{
	assess_error err = {0};
	answers *a = answers_load(path, cli_questionnaire, c, flags, &err);
	if (!a)
		*status = cli_error(c, &err);
	return a;
}

int cli_print_json(const cli *c, cJSON *j)
{
	char *text = j ? cJSON_Print(j) : NULL;
	bool printed = text != NULL;
	if (printed)
		printf("%s\n", text);
	free(text);
	cJSON_Delete(j);
	return printed ? 0 : cli_nomem(c);
}

void cli_guard_std_fds(void)
{
	/*
	 * A closed descriptor 0, 1 or 2 would be handed to the next file opened, so a workbook or
	 * an answer file could receive what was meant for the terminal. Fill the gap with
	 * /dev/null opened the wrong way round: nothing else can take the number, and writing
	 * the closed standard output still fails (EBADF), which cli_close_stdout() reports.
	 */
	static const int modes[3] = {O_WRONLY, O_RDONLY, O_RDONLY};
	for (int fd = 0; fd < 3; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		int got = open("/dev/null", modes[fd]);
		if (got >= 0 && got != fd) {
			dup2(got, fd);
			close(got);
		}
	}
}

int cli_close_stdout(const cli *c, int status)
{
	/*
	 * printf() reports nothing: a write that failed part-way through a long output only sets
	 * the stream's error flag, and the last fflush() may then succeed with an empty buffer.
	 * So the flag is checked as well, once, here: no command reports success for output
	 * that did not all arrive.
	 */
	errno = 0;
	bool failed = ferror(stdout) != 0;
	if (fflush(stdout) != 0)
		failed = true;
	int saved = errno;
	if (fclose(stdout) != 0 && !failed) {
		failed = true;
		saved = errno;
	}
	if (!failed)
		return status;
	fprintf(stderr, "%s: %s%s%s\n", c->prog,
		CLI_TR(c, "标准输出写入失败，输出不完整",
		       "cannot write the standard output; what it shows is incomplete"),
		saved ? CLI_TR(c, "：", ": ") : "", saved ? strerror(saved) : "");
	return status ? status : EX_IOERR;
}
