/* assess validate FILE...: check questionnaire or policy XML, or answer JSON. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include "assess/cli.h"
#include "answers/record.h"
#include "common/text.h"
#include "assess/validate.h"
#include "policies/subsidy.h"

/*
 * What loading leaves to validate (answers/record.h): the history against the answers, and
 * each evidence file, named relative to the answer file's folder, against its hash.
 */
static bool record_ok(const answers *a, const char *path, assess_error *err)
{
	char dir[ASSESS_ERROR_FILE_MAX];
	answers_evidence_folder(path, dir, sizeof dir);
	return answers_history_check(a, err) == ASSESS_OK &&
	       answers_evidence_verify(a, dir, err) == ASSESS_OK;
}

static int validate_one(cli *c, const char *path, unsigned flags)
{
	assess_error err = {0};
	char what[256] = "";
	int ok;
	if (text_ends_with(path, ".xml")) {
		ok = validate_definition(c, path, what, sizeof what, &err);
	} else {
		answers *a = answers_load(path, cli_questionnaire, c, flags, &err);
		/* Everything subsidy and report --policy check on the same file, and the record. */
		ok = a != NULL && subsidy_check_inputs(a, &err) == ASSESS_OK &&
		     record_ok(a, path, &err);
		if (ok)
			snprintf(what, sizeof what,
				 CLI_TR(c, "答卷，问卷 %s，已答 %zu 题",
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

static const cli_option options[] = {
	CLI_OPT_INCOMPLETE("accept answer files with unanswered questions"),
	CLI_OPT_RESCORE,
	CLI_OPT_LANG("language of the messages"),
	CLI_OPT_END,
};

static int check(cli *c, void *opts, int n, char **operands, cli_setup *s)
{
	(void)opts, (void)operands, (void)s;
	if (n < 1)
		return cli_usage_error(c, "validate needs at least one FILE");
	return 0;
}

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	int status = 0;
	(void)opts;
	for (int i = 0; i < n; i++) {
		int rc = validate_one(c, operands[i], s->answers_flags);
		if (rc && !status)
			status = rc;
	}
	return status;
}

const cli_command cmd_validate = {
	.name = "validate",
	.usage = "[--allow-incomplete] [--rescore] [--lang zh|en] FILE...",
	.summary = "check questionnaire/policy definitions (.xml) or answer files (.json)",
	.help = "Each FILE ending in .xml is checked against its schema (a questionnaire or a\n"
		"policy, by its root element) and its arithmetic; any other FILE is read as an\n"
		"answer file and checked against the questionnaire it names, with every check\n"
		"subsidy and report --policy make of its finance, status and awards blocks,\n"
		"and its record: the history against the answers, and each evidence file\n"
		"(relative to the answer file's folder) against its SHA-256.\n"
		"Prints one line per good file; the first problem of a bad one as\n"
		"FILE:LINE:COLUMN: reason.\n"
		"Exits 65 if any file is bad, 66 if one cannot be opened.\n",
	.options = options,
	.run = run,
	.check = check, /* no options of its own */
};
