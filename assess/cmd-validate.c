/* assess validate FILE...: check questionnaire or policy XML, or answer JSON. */
#include "config.h"

#include <getopt.h>
#include <string.h>
#include <sysexits.h>
#include "assess/cli.h"
#include "assess/validate.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int validate_one(cli *c, const char *path, unsigned flags)
{
	assess_error err = {0};
	char what[256] = "";
	int ok;
	if (ends_with(path, ".xml")) {
		ok = validate_definition(c, path, what, sizeof what, &err);
	} else {
		answers *a = answers_load(path, cli_questionnaire, c, flags, &err);
		ok = a != NULL;
		if (a)
			snprintf(what, sizeof what, CLI_TR(c, "答卷，问卷 %s，已答 %zu 题",
							   "answers to %s, %zu answered"),
				 questionnaire_id(answers_questionnaire(a)),
				 questionnaire_n_questions(answers_questionnaire(a)) -
					 answers_n_missing(a));
		answers_free(a);
	}
	if (!ok)
		return cli_error(c, &err);
	printf("%s: ok (%s)\n", path, what);
	return 0;
}

static int run(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {CLI_LONGOPT_INCOMPLETE, CLI_LONGOPT_LANG,
						 CLI_LONGOPT_HELP, {NULL, 0, NULL, 0}};
	unsigned flags = 0;
	int ch;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		int rc = cli_shared_option(c, &cmd_validate, ch, &flags);
		if (rc)
			return rc < 0 ? 0 : rc;
	}
	if (optind >= argc)
		return cli_usage_error(c, "validate needs at least one FILE");
	int status = 0;
	for (int i = optind; i < argc; i++) {
		int rc = validate_one(c, argv[i], flags);
		if (rc && !status)
			status = rc;
	}
	return status;
}

const cli_command cmd_validate = {
	.name = "validate",
	.usage = "[--allow-incomplete] FILE...",
	.summary = "check questionnaire/policy definitions (.xml) or answer files (.json)",
	.help = "Each FILE ending in .xml is checked against its schema (a questionnaire or a\n"
		"policy, by its root element) and its arithmetic; any other FILE is read as an\n"
		"answer file and checked against the questionnaire it names. Prints one line per\n"
		"good file; the first problem of a bad one as FILE:LINE:COLUMN: reason.\n"
		"Exits 65 if any file is bad, 66 if one cannot be opened.\n",
	.run = run,
};
