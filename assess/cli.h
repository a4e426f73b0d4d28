/*
 * cli.h - what the subcommands of the assess binary share.
 *
 * Each subcommand lives in its own cmd-NAME.c and exports one cli_command; main.c lists them
 * in a table, and `assess --help` / `assess help NAME` are generated from it. Only code here
 * may print to the terminal or choose an exit status.
 */
#ifndef ASSESS_CLI_H
#define ASSESS_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "answers/answers.h"
#include "common/error.h"
#include "questionnaires/questionnaire.h"

typedef struct cli cli;

typedef struct cli_command {
	const char *name;
	const char *usage;    /* arguments after the name */
	const char *summary;  /* one line for `assess --help` */
	const char *help;     /* the rest of `assess help NAME` */
	int (*run)(cli *c, int argc, char **argv); /* argv[0] is the command name; returns exit status */
} cli_command;

/* The table main.c dispatches on; one per cmd-NAME.c. */
extern const cli_command cmd_validate, cmd_score, cmd_report, cmd_subsidy, cmd_policies,
	cmd_interview, cmd_batch, cmd_compare;

struct cli {
	const char *prog;          /* "assess" */
	qn_lang lang;              /* --lang, or from LANG/ASSESS_LANG */
	char *questionnaire_path;  /* colon-separated folders to find questionnaires by id */
	char *policy_path;         /* same, for policies */
	questionnaire **cache;     /* questionnaires loaded so far, by id */
	size_t n_cache;
};

/* Prints "assess: file:line:col: message" and returns the sysexits status for err. */
int cli_error(const cli *c, const assess_error *err);
/* Prints "assess: message" (usage errors) and returns 64. */
int cli_usage_error(const cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parses "zh"/"en"; false otherwise. */
bool cli_parse_lang(const char *s, qn_lang *out);
/* Resolver for answers_load(): loads each questionnaire once (ctx is the cli). */
const questionnaire *cli_questionnaire(const char *id, void *ctx, assess_error *err);
/* Loads an answer file; on failure prints the error and returns NULL with *status set. */
answers *cli_load_answers(cli *c, const char *path, unsigned flags, int *status);
/* Text by language. */
#define CLI_TR(c, zh, en) lang_pick((c)->lang, zh, en)

/* Options every command spells the same way, for its getopt_long table. */
#define CLI_LONGOPT_LANG {"lang", required_argument, NULL, 'l'}
#define CLI_LONGOPT_HELP {"help", no_argument, NULL, 'h'}
#define CLI_LONGOPT_INCOMPLETE {"allow-incomplete", no_argument, NULL, 'i'}
/*
 * Handles an option the command's own switch does not: --lang, --help, --allow-incomplete
 * (into *flags, which may be NULL for commands without it) or one getopt already called
 * unknown. Returns 0 to go on parsing, -1 after printing help (exit 0), or 64.
 */
int cli_shared_option(cli *c, const cli_command *cmd, int ch, unsigned *flags);

/* Opens /dev/null on whichever of descriptors 0-2 is closed, so no file takes their place. */
void cli_guard_std_fds(void);
/*
 * Flushes and closes standard output; if any write to it failed, prints why and returns 74
 * (or status, when that already says something failed). main() calls it once, last.
 */
int cli_close_stdout(const cli *c, int status);

/* `assess help NAME` for one command; status 0. */
int cli_command_help(const cli *c, const cli_command *cmd, FILE *out);

#endif
