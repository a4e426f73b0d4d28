/*
 * assess - digitization-level assessment of SMEs: administer, score, report, look up subsidies.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <libxml/parser.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include "assess/cli.h"

static const cli_command *const commands[] = {&cmd_interview, &cmd_validate, &cmd_score,
					      &cmd_report,    &cmd_subsidy,  &cmd_policies,
					      &cmd_batch,     &cmd_compare,  &cmd_form,
					      &cmd_import,    NULL};

static const cli_command *find_command(const char *name)
{
	for (int i = 0; commands[i]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

static int usage(const cli *c, FILE *out)
{
	fprintf(out,
		"usage: %s [--lang zh|en] COMMAND [ARGS]\n\n"
		"Digitization-level assessment of small and medium enterprises\n"
		"(中小企业数字化水平评测): administer the questionnaire, score it into\n"
		"levels 1-4, write Excel diagnostic reports and look up subsidies.\n\n"
		"Commands:\n",
		c->prog);
	for (int i = 0; commands[i]; i++)
		fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
	fprintf(out,
		"\n`%s help COMMAND` explains one command. Options for every command:\n"
		"  --lang zh|en   language of output (default zh, or $ASSESS_LANG)\n"
		"  -h, --help     help\n"
		"  --version      version\n\n"
		"Exit status: 0 ok, 64 usage, 65 bad data, 66 missing input,\n"
		"73 cannot create output, 74 I/O error.\n",
		c->prog);
	return 0;
}

/*
 * Folders to find definitions in: $ASSESS_* first, then the build tree the binary sits in
 * (assess/assess next to questionnaires/), then the installed datadir.
 */
static char *search_path(const char *env, const char *sub)
{
	char exe[PATH_MAX] = "", buf[3 * PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = '\0';
	const char *here = n > 0 ? dirname(exe) : ".";
	const char *from_env = getenv(env);
	snprintf(buf, sizeof buf, "%s%s%s/../%s:%s/%s", from_env ? from_env : "",
		 from_env ? ":" : "", here, sub, PKGDATADIR, sub);
	return strdup(buf);
}

static void cli_teardown(cli *c)
{
	for (size_t i = 0; i < c->n_cache; i++)
		questionnaire_free(c->cache[i]);
	free(c->cache);
	free(c->questionnaire_path);
	free(c->policy_path);
}

/* Global options come before the command; --lang is also accepted after it (see commands). */
static int parse_global(cli *c, int argc, char **argv, int *status)
{
	static const struct option longopts[] = {{"help", no_argument, NULL, 'h'},
						 {"version", no_argument, NULL, 'V'},
						 {"lang", required_argument, NULL, 'l'},
						 {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			*status = usage(c, stdout);
			return -1;
		case 'V':
			printf("%s %s\n", c->prog, PACKAGE_VERSION);
			*status = 0;
			return -1;
		case 'l':
			c->lang_given = true;
			if (!cli_parse_lang(optarg, &c->lang)) {
				*status = cli_usage_error(c, "--lang takes zh or en, not \"%s\"",
							  optarg);
				return -1;
			}
			break;
		default:
			*status = EX_USAGE;
			return -1;
		}
	}
	return optind;
}

static int dispatch(cli *c, int argc, char **argv)
{
	if (argc < 1) {
		usage(c, stderr);
		return EX_USAGE;
	}
	if (strcmp(argv[0], "help") == 0) {
		if (argc < 2)
			return usage(c, stdout);
		const cli_command *cmd = find_command(argv[1]);
		if (!cmd)
			return cli_usage_error(c, "no command \"%s\" (see %s --help)", argv[1],
					       c->prog);
		return cli_command_help(c, cmd, stdout);
	}
	const cli_command *cmd = find_command(argv[0]);
	if (!cmd)
		return cli_usage_error(c, "no command \"%s\" (see %s --help)", argv[0], c->prog);
	return cli_run(c, cmd, argc, argv);
}

/* The library reads no environment: what it needs from there comes in as options. */
static void read_environment(cli *c)
{
	const char *tmp = getenv("TMPDIR");
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	c->tmpdir = tmp && *tmp ? tmp : NULL;
	if (epoch && *epoch) {
		errno = 0;
		long long v = strtoll(epoch, &end, 10);
		if (!*end && !errno && v > 0)
			c->source_date = (time_t)v;
	}
}

int main(int argc, char **argv)
{
	cli c = {.prog = "assess", .lang = QN_LANG_ZH, .hushed_stderr = -1};
	const char *env_lang = getenv("ASSESS_LANG");
	int status = 0;
#ifdef HAVE_MALLOPT
	/*
	 * Keep freed memory in the process: writing a workbook allocates and frees large zlib and
	 * zip buffers per part, and returning them to the kernel each time costs more than the
	 * work itself (docs/PERFORMANCE.md).
	 */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
#endif
	cli_guard_std_fds();
	if (env_lang)
		cli_parse_lang(env_lang, &c.lang);
	read_environment(&c);
	LIBXML_TEST_VERSION
	c.questionnaire_path = search_path("ASSESS_QUESTIONNAIRES", "questionnaires");
	c.policy_path = search_path("ASSESS_POLICIES", "policies");
	if (!c.questionnaire_path || !c.policy_path)
		return cli_nomem(&c);
	int first = parse_global(&c, argc, argv, &status);
	if (first >= 0)
		status = dispatch(&c, argc - first, argv + first);
	cli_teardown(&c);
	xmlCleanupParser();
	return cli_close_stdout(&c, status);
}
