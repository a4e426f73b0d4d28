/*
 * assess interview -o FILE: administer a questionnaire in the terminal (or from a script).
 *
 * The session itself is interview/interview.h; this file is the terminal around it: options,
 * line editing with libedit when stdin is a TTY, plain line reading otherwise, and the score
 * at the end.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_LIBEDIT
#include <readline.h>
#endif
#include <cjson/cJSON.h>
#include "answers/record.h"
#include "assess/cli.h"
#include "common/atomicfile.h"
#include "common/date.h"
#include "common/filelock.h"
#include "common/readfile.h"
#include "common/searchpath.h"
#include "common/text.h"
#include "interview/interview.h"
#include "reports/report.h"
#include "scoring/scoring.h"

#define DEFAULT_QUESTIONNAIRE "miit-2024"
#define MIN_WIDTH 40
#define MAX_WIDTH 100 /* longer lines are hard to read, however wide the terminal */

struct interview_opts {
	const char *questionnaire;
	const char *path;
	bool resume, force, salvage;
	const char *reopen;
};

/* ---- reading lines ---- */

/*
 * Set when the terminal hangs up (SIGHUP): the read in progress then ends as end of input, and
 * the session saves or rescues its answers instead of dying with them (#10.4). The CLI's only
 * signal state.
 */
static volatile sig_atomic_t hung_up;

static void on_hangup(int sig)
{
	(void)sig;
	hung_up = 1;
}

/* No SA_RESTART: a read interrupted by the hangup returns, and the loop ends. */
static void catch_hangup(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN); /* a closed output pipe is an error to report, not a death */
}

typedef struct reader {
	bool tty;  /* stdin is a terminal: it echoes, and libedit may edit */
	char *buf; /* getline's buffer */
	size_t cap;
} reader;

#ifdef HAVE_LIBEDIT
/*
 * libedit decodes what the terminal sends by itself, and makes valid-looking text of the bytes
 * a GBK terminal sends (甲公司 came out as two unrelated characters), which would be stored as
 * such. So the bytes are read and decoded here, and a line holding bytes that are not UTF-8 is
 * marked, then handed on as not UTF-8 for the session to refuse. CLI state, one line at a time.
 */
static bool line_not_utf8;

static int read_byte(FILE *in)
{
	unsigned char b;
	for (;;) {
		ssize_t n = read(fileno(in), &b, 1);
		if (n == 1)
			return b;
		if (n < 0 && errno == EINTR && !hung_up)
			continue;
		return -1;
	}
}

static int utf8_getc(FILE *in)
{
	int b = read_byte(in);
	if (b < 0x80) /* ASCII, control keys and escape sequences as they are; -1 at the end */
		return b;
	int more = b >= 0xC2 && b <= 0xDF   ? 1
		   : b >= 0xE0 && b <= 0xEF ? 2
		   : b >= 0xF0 && b <= 0xF4 ? 3
					    : -1;
	long cp = more == 1 ? b & 0x1F : more == 2 ? b & 0x0F : b & 0x07;
	for (int i = 0; i < more; i++) {
		int c = read_byte(in);
		if (c < 0)
			return -1;
		if ((c & 0xC0) != 0x80) {
			more = -1;
			break;
		}
		cp = cp << 6 | (c & 0x3F);
	}
	if (more < 0 || (more == 2 && cp < 0x800) ||
	    (more == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
		line_not_utf8 = true;
		return 0xFFFD;
	}
	return (int)cp;
}
#endif

static void reader_init(reader *r)
{
	r->tty = isatty(STDIN_FILENO);
#ifdef HAVE_LIBEDIT
	if (r->tty) {
		/* libedit edits multibyte (Chinese) text only in a UTF-8 character type. */
		if (!setlocale(LC_CTYPE, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
			setlocale(LC_CTYPE, "C.UTF-8");
		rl_inhibit_completion = 1; /* Tab would otherwise complete file names */
		rl_getc_function = utf8_getc;
		using_history();
	}
#endif
}

static void reader_free(reader *r)
{
	free(r->buf);
#ifdef HAVE_LIBEDIT
	if (r->tty)
		clear_history();
#endif
}

/*
 * The one rule for the session's [y/N] questions: yes is exactly y, Y or 是 (the line end
 * aside); anything else, a word beginning with y included, keeps the default, no.
 */
static bool said_yes(const char *line)
{
	return line &&
	       (strcmp(line, "y") == 0 || strcmp(line, "Y") == 0 || strcmp(line, "是") == 0);
}

/* The next line without its newline, or NULL at end of input. Valid until the next call. */
static const char *reader_line(reader *r, const char *prompt)
{
	fflush(stdout);
#ifdef HAVE_LIBEDIT
	if (r->tty) {
		free(r->buf);
		line_not_utf8 = false;
		r->buf = hung_up ? NULL : readline(prompt);
		if (r->buf && line_not_utf8)
			return "\x80"; /* what the line was: not UTF-8, refused by the session */
		if (r->buf && *r->buf)
			add_history(r->buf);
		return r->buf;
	}
#endif
	fputs(prompt, stdout);
	fflush(stdout);
	ssize_t n = hung_up ? -1 : getline(&r->buf, &r->cap, stdin);
	if (n < 0)
		return NULL;
	while (n > 0 && (r->buf[n - 1] == '\n' || r->buf[n - 1] == '\r'))
		r->buf[--n] = '\0';
	if (!r->tty)
		printf("%s\n", r->buf); /* a script's transcript reads like the session */
	return r->buf;
}

/* ---- what the terminal tells us ---- */

static size_t terminal_width(void)
{
	struct winsize ws;
	if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_col)
		return 80;
	size_t w = ws.ws_col - 1; /* a full last column makes some terminals wrap early */
	return w < MIN_WIDTH ? MIN_WIDTH : w > MAX_WIDTH ? MAX_WIDTH : w;
}

static void today(char *buf, size_t size)
{
	int day;
	if (date_of_time(time(NULL), &day))
		date_format(day, buf, size);
	else
		buf[0] = '\0';
}

/* path as one shell word, for commands the assessor can copy. */
static void shell_word(const char *path, char *buf, size_t size)
{
	if (strspn(path,
		   "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-+,:@") ==
	    strlen(path)) {
		snprintf(buf, size, "%s", path);
		return;
	}
	size_t used = 0;
	buf[used++] = '\'';
	for (const char *p = path; *p && used + 5 < size; p++) {
		if (*p == '\'') {
			memcpy(buf + used, "'\\''", 4);
			used += 4;
		} else {
			buf[used++] = *p;
		}
	}
	buf[used++] = '\'';
	buf[used] = '\0';
}

/* acme.json -> acme.xlsx */
static void report_path(const char *path, char *buf, size_t size)
{
	size_t n = strlen(path);
	if (text_has_extension(path, ".json"))
		n -= strlen(".json");
	snprintf(buf, size, "%.*s.xlsx", (int)n, path);
}

/* ---- the team each assessor worked with last time ---- */

/*
 * A small file beside the user's other settings, $XDG_CONFIG_HOME/assess/teams.json (else
 * ~/.config/assess/teams.json): {"张工": "张工/组长/示例服务商; 李工/评测员"}. It only saves
 * typing, so a file that cannot be read or written is passed over in silence.
 */
typedef struct teams {
	char path[4096];
	cJSON *root;
} teams;

static void teams_open(teams *t)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	assess_error err = {0};
	size_t len;
	t->root = NULL;
	t->path[0] = '\0';
	if (xdg && *xdg)
		snprintf(t->path, sizeof t->path, "%s/assess/teams.json", xdg);
	else if (home && *home)
		snprintf(t->path, sizeof t->path, "%s/.config/assess/teams.json", home);
	char *text = t->path[0] ? readfile_all(t->path, 1u << 20, &len, &err) : NULL;
	t->root = text ? cJSON_Parse(text) : NULL;
	free(text);
	if (!cJSON_IsObject(t->root)) {
		cJSON_Delete(t->root);
		t->root = cJSON_CreateObject();
	}
}

static const char *teams_get(const char *assessor, void *ctx)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(((teams *)ctx)->root, assessor);
	return cJSON_IsString(v) && *v->valuestring ? v->valuestring : NULL;
}

/* mkdir -p of path's folder. */
static void make_folders(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
}

static void teams_keep(teams *t, const answers *a, const interview *iv)
{
	char line[1024];
	const char *by = answers_field_get(a, ANSWERS_ASSESSOR);
	if (!t->root || !t->path[0] || !by || !*interview_team_line(iv, line, sizeof line))
		return;
	const char *had = teams_get(by, t);
	if (had && strcmp(had, line) == 0)
		return;
	cJSON_DeleteItemFromObjectCaseSensitive(t->root, by);
	cJSON_AddStringToObject(t->root, by, line);
	char *text = cJSON_Print(t->root);
	make_folders(t->path);
	if (text)
		atomicfile_write(t->path, text, strlen(text), ATOMICFILE_REPLACE, NULL);
	free(text);
}

static void teams_close(teams *t)
{
	cJSON_Delete(t->root);
	t->root = NULL;
}

/* ---- the end of a session ---- */

static int write_report(cli *c, const scoring_result *r, const char *xlsx)
{
	assess_error err = {0};
	report_options ro = {.lang = c->lang, .env = cli_xlsx_env(c), .created = c->source_date};
	if (report_write(r, &ro, xlsx, &err) != ASSESS_OK)
		return cli_error(c, &err);
	printf(CLI_TR(c, "报告已写入 %s\n", "Report written to %s\n"), xlsx);
	return 0;
}

/* At a terminal the report may be written at once; a script gets the command. */
static int offer_report(cli *c, reader *rd, const scoring_result *r, const char *path)
{
	char xlsx[4096], json_word[4096], xlsx_word[4096];
	report_path(path, xlsx, sizeof xlsx);
	shell_word(path, json_word, sizeof json_word);
	shell_word(xlsx, xlsx_word, sizeof xlsx_word);
	bool exists = access(xlsx, F_OK) == 0; /* from an earlier session: replace it knowingly */
	printf(CLI_TR(c, "\n诊断报告：%s report %s -o %s%s\n",
		      "\nDiagnostic report: %s report %s -o %s%s\n"),
	       c->prog, json_word, xlsx_word, exists ? " --force" : "");
	if (!rd->tty || exists)
		return 0;
	const char *yes = reader_line(rd, CLI_TR(c, "现在生成报告吗？[y/N] ",
						 "Write the report now? [y/N] "));
	if (!said_yes(yes))
		return 0;
	return write_report(c, r, xlsx);
}

static int show_score(cli *c, reader *rd, const answers *a, const char *path)
{
	assess_error err = {0};
	scoring_result *r = scoring_run(a, &err);
	if (!r)
		return cli_error(c, &err);
	printf("\n");
	scoring_print(stdout, r, c->lang);
	int status = offer_report(c, rd, r, path);
	scoring_free(r);
	return status;
}

/* At a terminal: another path for the answers, until one works or the assessor gives up. */
static bool save_elsewhere(cli *c, reader *rd, const answers *a, const char *path)
{
	for (int tries = 0; rd->tty && !hung_up && tries < 5; tries++) {
		const char *other =
			reader_line(rd, CLI_TR(c, "另存为（回车：写一份救援副本）> ",
					       "Save as (Enter: write a rescue copy)> "));
		if (!other || !*other || hung_up)
			return false;
		char *copy = strdup(other);
		assess_error err = {0};
		bool ok = copy && answers_save(a, copy, 0, &err) == ASSESS_OK;
		if (ok)
			fprintf(stderr,
				CLI_TR(c, "%s: %s: 未能保存；全部答案已另存到 %s\n",
				       "%s: %s: not saved; every answer is in %s instead\n"),
				c->prog, path, copy);
		else if (copy)
			cli_error(c, &err);
		free(copy);
		if (ok)
			return true;
	}
	return false;
}

/*
 * The last save failed: the answers in memory must not be lost with the process. Another path
 * at a terminal, else a rescue copy beside the file or in $HOME, else the JSON itself on
 * standard error. Always 74: the file named with -o is behind.
 */
static int rescue(cli *c, reader *rd, interview *iv, const answers *a, const char *path,
		  const assess_error *why)
{
	char where[4096], word[4096];
	assess_error err = {0};
	cli_error(c, why);
	if (save_elsewhere(c, rd, a, path))
		return EX_IOERR;
	if (interview_rescue(iv, getenv("HOME"), where, sizeof where, &err) == ASSESS_OK) {
		shell_word(where, word, sizeof word);
		fprintf(stderr,
			CLI_TR(c,
			       "%s: %s: 未能保存；全部答案已写入救援副本 %s（继续：%s interview "
			       "--resume -o %s）\n",
			       "%s: %s: not saved; every answer is in the rescue copy %s (to "
			       "continue: %s interview --resume -o %s)\n"),
			c->prog, path, where, c->prog, word);
		return EX_IOERR;
	}
	char *json = answers_to_json(a);
	fprintf(stderr,
		CLI_TR(c, "%s: %s: 救援副本也无法写入（%s）；全部答案如下：\n%s\n",
		       "%s: %s: no rescue copy could be written either (%s); the answers "
		       "follow:\n%s\n"),
		c->prog, path, err.msg, json ? json : "(out of memory)");
	free(json);
	return EX_IOERR;
}

static int finish(cli *c, reader *rd, interview *iv, answers *a, const char *path)
{
	assess_error err = {0};
	interview_status st = interview_status_get(iv);
	char word[4096];
	if (interview_close(iv, &err) != ASSESS_OK)
		return rescue(c, rd, iv, a, path, &err);
	shell_word(path, word, sizeof word);
	if (interview_n_missing(iv) == 0)
		return show_score(c, rd, a, path);
	printf(CLI_TR(c, "继续评测：%s interview --resume -o %s\n",
		      "To continue: %s interview --resume -o %s\n"),
	       c->prog, word);
	if (st == INTERVIEW_PAUSED || rd->tty)
		return 0; /* q, or Ctrl-D at a terminal: the assessor chose to stop */
	/* End of input with questions open: a script that ran short should not pass for done. */
	fprintf(stderr,
		CLI_TR(c, "%s: %s: 输入已结束，还有 %zu 题未答（已保存）\n",
		       "%s: %s: input ended with %zu questions unanswered (saved)\n"),
		c->prog, path, interview_n_missing(iv));
	return EX_DATAERR;
}

/* ---- options and the loop ---- */

enum { KEY_REOPEN = 256 }; /* 'R' is --rescore's */

static const cli_option options[] = {
	{"questionnaire", 'q', "ID",
	 "an installed questionnaire or an XML path\n"
	 "(default " DEFAULT_QUESTIONNAIRE ")",
	 true, CLI_TO_STRING(struct interview_opts, questionnaire)},
	{"output", 'o', "FILE.json", "the answer file; an existing one is refused unless", true,
	 CLI_TO_STRING(struct interview_opts, path)},
	{"resume", 'r', NULL, "  ... continues it at the first unanswered question", false,
	 CLI_TO_FLAG(struct interview_opts, resume)},
	{"force", 'f', NULL, "  ... starts it over (a backup copy is kept first)", false,
	 CLI_TO_FLAG(struct interview_opts, force)},
	{"reopen", KEY_REOPEN, "REASON",
	 "with --resume of a finalized file: open it for changes; the\n"
	 "reason goes into the history of every change that follows",
	 false, CLI_TO_STRING(struct interview_opts, reopen)},
	{"salvage", 's', NULL,
	 "with --resume of a damaged file: go on with what can be\n"
	 "read (the damaged file is kept as FILE's STEM.damaged-N.json)",
	 false, CLI_TO_FLAG(struct interview_opts, salvage)},
	CLI_OPT_LANG("language of the questions and messages"),
	CLI_OPT_END,
};

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	struct interview_opts *o = opts;
	(void)operands, (void)s;
	if (n > 0)
		return cli_usage_error(
			c, "interview takes no FILE argument: the answer file is -o FILE");
	if (!o->path)
		return cli_usage_error(c, "interview needs -o FILE.json, the answer file to write");
	if (o->resume && o->force)
		return cli_usage_error(
			c, "--resume continues FILE and --force starts it over: give one");
	if (o->reopen && (!o->resume || !*o->reopen))
		return cli_usage_error(c, "--reopen REASON goes with --resume, and needs a reason");
	if (o->salvage && !o->resume)
		return cli_usage_error(c,
				       "--salvage goes with --resume: it continues a damaged FILE");
	return 0;
}

/*
 * A questionnaire given by path is named by its absolute path in the new file, so that
 * --resume, score and report find it from any folder; unless its id finds this very file
 * among the installed ones, when the id is the portable name.
 */
static assess_code name_questionnaire(cli *c, answers *a, const char *given)
{
	char found[4096], real_given[PATH_MAX];
	const questionnaire *q = answers_questionnaire(a);
	if (!searchpath_is_path(given) || !realpath(given, real_given))
		return ASSESS_OK;
	if (searchpath_find(c->questionnaire_path, questionnaire_id(q), found, sizeof found) &&
	    cli_same_file(found, given))
		return ASSESS_OK;
	return answers_set_questionnaire_ref(a, real_given);
}

/* At a terminal, before anything is read for the session: a yes or no. */
static bool confirm(const char *question)
{
	char *line = NULL;
	size_t cap = 0;
	fputs(question, stdout);
	fflush(stdout);
	ssize_t n = getline(&line, &cap, stdin);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	bool yes = n >= 0 && said_yes(line);
	free(line);
	return yes;
}

/*
 * --force starts an existing file over: at a terminal only once the assessor says so, and never
 * without a copy of what was there (acme.backup-1.json beside it, or in $HOME). False (with
 * *status) when the file is to stay as it is.
 */
static bool back_up_before_force(cli *c, const char *path, int *status)
{
	assess_error err = {0};
	char where[4096];
	size_t len = 0;
	if (access(path, F_OK) != 0)
		return true;
	char *old = readfile_all(path, 64u << 20, &len, &err);
	if (!old) {
		*status = cli_error(c, &err);
		return false;
	}
	if (isatty(STDIN_FILENO)) {
		answers *a = answers_parse(old, len, path, cli_questionnaire, c,
					   ANSWERS_ALLOW_INCOMPLETE, NULL);
		size_t n = a ? questionnaire_n_questions(answers_questionnaire(a)) : 0;
		size_t given = a ? n - answers_n_missing(a) : 0;
		answers_free(a);
		printf(CLI_TR(c,
			      "%s 已有 %zu 题答案。--force 将从头开始（原文件会先另存一份备份）。确定吗？[y/N] ",
			      "%s holds %zu answers. --force starts it over (a backup copy is kept "
			      "first). Are you sure? [y/N] "),
		       path, given);
		if (!confirm("")) {
			printf(CLI_TR(c, "未改动 %s。继续原评测：%s interview --resume -o %s\n",
				      "%s left as it was. To continue it: %s interview --resume -o %s\n"),
			       path, c->prog, path);
			free(old);
			*status = 0;
			return false;
		}
	}
	assess_code rc = interview_keep_copy(path, "backup", getenv("HOME"), old, len, where,
					     sizeof where, &err);
	free(old);
	if (rc != ASSESS_OK) {
		*status = cli_error(c, &err);
		fprintf(stderr,
			CLI_TR(c, "%s: %s: 无法保留备份，所以未从头开始\n",
			       "%s: %s: no backup could be kept, so it was not started over\n"),
			c->prog, path);
		return false;
	}
	fprintf(stderr,
		CLI_TR(c, "%s: %s: 原文件已备份到 %s\n", "%s: %s: the old file is kept as %s\n"),
		c->prog, path, where);
	return true;
}

/*
 * --resume of a file that does not load: what can still be read of it, once the assessor says
 * so (--salvage, or yes at a terminal), with the damaged file kept as a copy first.
 */
static answers *salvage_answers(cli *c, const struct interview_opts *o, int *status)
{
	assess_error err = {0};
	char where[4096];
	interview_salvaged got;
	size_t len = 0;
	char *text = readfile_all(o->path, 64u << 20, &len, &err);
	answers *a = text ? interview_salvage(text, o->path, o->questionnaire, cli_questionnaire, c,
					      &got, &err)
			  : NULL;
	if (!a) {
		free(text);
		cli_error(c, &err);
		return NULL;
	}
	fprintf(stderr,
		CLI_TR(c,
		       "%s: %s: 可以读出 %zu 题答案、%zu 项企业与评测信息、%zu 条备注、%zu 项评测记录",
		       "%s: %s: can be read: %zu answers, %zu profile fields, %zu notes, %zu parts "
		       "of the record"),
		c->prog, o->path, got.answers, got.fields, got.notes, got.record);
	if (got.n_dropped)
		fprintf(stderr, CLI_TR(c, "；无法采用：%s", "; not taken: %s"), got.dropped);
	fputc('\n', stderr);
	bool go = o->salvage;
	if (!go && isatty(STDIN_FILENO))
		go = confirm(CLI_TR(c, "用读出的内容继续评测吗？损坏的文件会先另存一份。[y/N] ",
				    "Go on with what could be read? The damaged file is kept as a "
				    "copy first. [y/N] "));
	else if (!go)
		fprintf(stderr,
			CLI_TR(c, "%s: 用读出的内容继续：%s interview --resume --salvage -o %s\n",
			       "%s: to go on with what can be read: %s interview --resume "
			       "--salvage -o %s\n"),
			c->prog, c->prog, o->path);
	if (go && interview_keep_copy(o->path, "damaged", getenv("HOME"), text, len, where,
				      sizeof where, &err) != ASSESS_OK) {
		cli_error(c, &err);
		go = false;
		*status = EX_CANTCREAT;
	}
	free(text);
	if (!go) {
		answers_free(a);
		return NULL;
	}
	fprintf(stderr,
		CLI_TR(c, "%s: %s: 损坏的文件已另存为 %s\n",
		       "%s: %s: the damaged file is kept as %s\n"),
		c->prog, o->path, where);
	*status = 0;
	return a;
}

/* A finalized record changes only with --reopen REASON, which the history keeps. */
static bool reopen(cli *c, const struct interview_opts *o, answers *a, int *status)
{
	assess_error err = {0};
	if (!answers_finalized(a) && o->reopen) {
		*status = cli_usage_error(c, "%s is not finalized: --resume alone continues it",
					  o->path);
		return false;
	}
	if (!answers_finalized(a))
		return true;
	if (!o->reopen) {
		*status =
			cli_usage_error(c,
					"%s was finalized on %s%s%s: --reopen REASON opens it for "
					"changes",
					o->path, answers_finalized_at(a),
					answers_finalized_by(a) ? " by " : "",
					answers_finalized_by(a) ? answers_finalized_by(a) : "");
		return false;
	}
	if (answers_reopen(a, o->reopen, &err) != ASSESS_OK) {
		*status = cli_error(c, &err);
		return false;
	}
	return true;
}

/* The answers to start from: the file's for --resume, else a fresh set. */
static answers *open_answers(cli *c, const struct interview_opts *o, int *status)
{
	assess_error err = {0};
	if (o->resume) {
		answers *a = cli_load_answers(c, o->path, ANSWERS_ALLOW_INCOMPLETE, status);
		if (!a && *status == EX_DATAERR)
			a = salvage_answers(c, o, status);
		const char *lang = a ? answers_field_get(a, ANSWERS_LANG) : NULL;
		if (lang && !c->lang_given) /* the file's language, unless --lang says otherwise */
			cli_parse_lang(lang, &c->lang);
		if (a && !reopen(c, o, a, status)) {
			answers_free(a);
			return NULL;
		}
		if (a && o->questionnaire &&
		    strcmp(questionnaire_id(answers_questionnaire(a)), o->questionnaire) != 0 &&
		    !cli_same_file(questionnaire_path(answers_questionnaire(a)),
				   o->questionnaire)) {
			*status = cli_usage_error(c, "%s answers questionnaire %s, not %s", o->path,
						  questionnaire_id(answers_questionnaire(a)),
						  o->questionnaire);
			answers_free(a);
			return NULL;
		}
		return a;
	}
	if (!o->force && access(o->path, F_OK) == 0) {
		assess_fail(&err, ASSESS_ERR_EXISTS, o->path, 0, 0,
			    "file exists: --resume continues it, --force starts it over");
		*status = cli_error(c, &err);
		return NULL;
	}
	const questionnaire *q =
		cli_questionnaire(o->questionnaire ? o->questionnaire : DEFAULT_QUESTIONNAIRE, c,
				  &err);
	if (q && o->force && !back_up_before_force(c, o->path, status))
		return NULL;
	answers *a = q ? answers_new(q) : NULL;
	if (a && o->questionnaire && name_questionnaire(c, a, o->questionnaire) != ASSESS_OK) {
		answers_free(a);
		a = NULL;
	}
	if (q && !a)
		assess_nomem(&err, NULL);
	if (!a)
		*status = cli_error(c, &err);
	return a;
}

static int run_session(cli *c, const struct interview_opts *o, answers *a)
{
	char date[16];
	reader rd = {0};
	assess_error err = {0};
	today(date, sizeof date);
	catch_hangup();
	reader_init(&rd);
	teams t;
	teams_open(&t);
	interview_options io = {.lang = c->lang,
				.path = o->path,
				.today = date,
				.width = terminal_width(),
				.remember = teams_get,
				.remember_ctx = &t,
				.flags = (o->resume  ? INTERVIEW_RESUME
					  : o->force ? 0
						     : INTERVIEW_CREATE) |
					 (o->reopen ? INTERVIEW_REOPENED : 0)};
	interview *iv = interview_new(a, &io, stdout);
	int status;
	if (!iv) {
		status = cli_nomem(c);
	} else if (interview_start(iv, &err) != ASSESS_OK) {
		status = cli_error(c, &err);
	} else {
		const char *line = "";
		while (interview_status_get(iv) == INTERVIEW_ASKING && !hung_up &&
		       (line = reader_line(&rd, interview_prompt(iv)))) {
			interview_set_width(iv, terminal_width()); /* the window may have changed */
			interview_input(iv, line);
		}
		if (!line && rd.tty)
			printf("\n"); /* Ctrl-D leaves the cursor after the prompt */
		teams_keep(&t, a, iv);
		status = finish(c, &rd, iv, a, o->path);
	}
	interview_free(iv);
	reader_free(&rd);
	teams_close(&t);
	return status;
}

/*
 * An answer file that is a symbolic link (into a synced folder, say) is written through to its
 * target: every save replaces the target and the link stays a link. A link to a file not yet
 * there names the file to create.
 */
static bool follow_link(const char *path, char *buf, size_t size)
{
	struct stat st;
	char target[PATH_MAX];
	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return false;
	if (realpath(path, buf))
		return true;
	ssize_t n = readlink(path, target, sizeof target - 1);
	if (n <= 0)
		return false;
	target[n] = '\0';
	const char *slash = strrchr(path, '/');
	int len = target[0] == '/' || !slash
			  ? snprintf(buf, size, "%s", target)
			  : snprintf(buf, size, "%.*s/%s", (int)(slash - path), path, target);
	return len > 0 && (size_t)len < size;
}

/* No setup: --resume, --force and a new file each open the answer file their own way. */
static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	struct interview_opts *o = opts;
	assess_error err = {0};
	char target[PATH_MAX];
	int status = 0;
	(void)s, (void)n, (void)operands;
	if (follow_link(o->path, target, sizeof target))
		o->path = target;
	/* Held from before --resume reads the file until the last save: one session per file. */
	filelock *lock = filelock_take(o->path, &err);
	if (!lock)
		return cli_error(c, &err);
	answers *a = open_answers(c, o, &status);
	if (a)
		status = run_session(c, o, a);
	answers_free(a);
	filelock_release(lock);
	return status;
}

const cli_command cmd_interview = {
	.name = "interview",
	.usage = "[-q ID] -o FILE.json [--resume [--salvage] [--reopen REASON] | --force]\n"
		 "       [--lang zh|en]",
	.summary = "administer a questionnaire on site and write the answer file",
	.help = "Asks the enterprise profile, then every question grouped by dimension, and\n"
		"writes FILE.json atomically after every line, so an interruption loses nothing.\n"
		"At the end it prints the score and level and the command for the report.\n",
	.options = options,
	.notes =
		"\nCommands start with ':', so a letter is always an option (in either case):\n"
		":b back, :s skip, :g ID go to a question (:g alone: first unanswered),\n"
		":l list unanswered, :p edit the profile, :q save and quit; ? guidance and\n"
		"evidence, - clear, Enter keeps the shown answer. Multiple choice takes \"B C E\",\n"
		"\"bce\" or \"B,C\"; a scenario takes 0-4; \"ANSWER # NOTE\" or \"# NOTE\" records an\n"
		"evidence note. :e shows the evidence checklist; :e N ticks entry N, :e FILE\n"
		"references a file beside FILE.json (its SHA-256 is taken now), :e TITLE records a\n"
		"title, :e -K removes item K; :f TEXT flags the question to verify, :f - unflags.\n"
		"Changing an earlier answer asks for a reason; every answer is stamped in the\n"
		"history. The review lists every answer with its points, evidence, flag and time\n"
		"spent (a number reopens a line); Enter finalizes the record.\n\n"
		"Without a terminal, lines are read from standard input, one per prompt (see\n"
		"docs/interview.md). Exit status: 0 when finished or paused with :q; 65 when input\n"
		"ends with questions unanswered (the file is saved); 73 when FILE exists; 74\n"
		"when FILE could not be saved at the end: the answers then go to another path\n"
		"(asked at a terminal) or to FILE's STEM.rescue-N.json beside it or in $HOME,\n"
		"and standard error says where.\n",
	.run = run,
	.opts_size = sizeof(struct interview_opts),
	.check = check,
};
