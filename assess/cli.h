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
#include <stddef.h> /* offsetof, for CLI_TO_STRING and CLI_TO_FLAG */
#include <stdio.h>
#include <time.h>
#include "answers/answers.h"
#include "common/error.h"
#include "policies/policy.h"
#include "questionnaires/questionnaire.h"
#include "scoring/scoring.h"
#include "xlsx/xlsx.h"

typedef struct cli cli;

/*
 * Where the option parser (cli_run()) puts an option's value by itself, so that a command's handler is left
 * only the options that need work (a number checked, one refused when given twice).
 */
typedef enum cli_store {
	CLI_STORE_HANDLER, /* the command's on_option, or the parser's own for the shared keys */
	CLI_STORE_STRING,  /* the argument, into a const char * of the command's opts */
	CLI_STORE_FLAG,    /* true, into a bool of the command's opts */
	CLI_STORE_LIST,    /* appended to a cli_list of the command's opts: it may be repeated */
} cli_store;

/* The arguments of an option given any number of times, in order; cli_run() frees items. */
typedef struct cli_list {
	const char **items; /* NULL after the last; NULL when the option was not given */
	size_t n, cap;      /* cap: room in items, the NULL's place included */
} cli_list;

/*
 * One command-line option, declared once: getopt's table, the short-option string and the
 * option lines of `assess help NAME` are all built from it, and tests/options.sh checks that the
 * man page names every one under its command. The last two fields say where its value goes:
 * CLI_TO_STRING(type, field), CLI_TO_FLAG(type, field), CLI_TO_LIST(type, field) or
 * CLI_TO_HANDLER.
 */
typedef struct cli_option {
	const char *name; /* the long name, without "--"; NULL ends a table */
	int key;          /* what the command's handler receives: a letter or a number >= 256 */
	const char *arg;  /* the argument's placeholder ("FILE"), or NULL for a flag */
	const char *help; /* one or more lines ("\n" between them) for `assess help NAME` */
	bool has_short;   /* -KEY works as well as --name (key is then a letter) */
	cli_store store;
	size_t offset; /* of the field in the command's opts, unless store is CLI_STORE_HANDLER */
} cli_option;

/* The value into field of the command's struct type; a field of another type does not compile. */
#define CLI_TO_STRING(type, field) \
	CLI_STORE_STRING, _Generic(((type *)0)->field, const char * : offsetof(type, field))
#define CLI_TO_FLAG(type, field) \
	CLI_STORE_FLAG, _Generic(((type *)0)->field, bool : offsetof(type, field))
#define CLI_TO_LIST(type, field) \
	CLI_STORE_LIST, _Generic(((type *)0)->field, cli_list : offsetof(type, field))
#define CLI_TO_HANDLER CLI_STORE_HANDLER, 0

/* Keys of the options every command spells the same way; the parser handles them. */
enum { CLI_KEY_LANG = 'l', CLI_KEY_HELP = 'h', CLI_KEY_INCOMPLETE = 'i', CLI_KEY_RESCORE = 'R' };
#define CLI_OPT_END                                        \
	{                                                  \
		NULL, 0, NULL, NULL, false, CLI_TO_HANDLER \
	}
#define CLI_OPT_LANG(help)                                                 \
	{                                                                  \
		"lang", CLI_KEY_LANG, "zh|en", help, false, CLI_TO_HANDLER \
	}
#define CLI_OPT_HELP                                                          \
	{                                                                     \
		"help", CLI_KEY_HELP, NULL, "this help", true, CLI_TO_HANDLER \
	}
#define CLI_OPT_INCOMPLETE(help)                                                          \
	{                                                                                 \
		"allow-incomplete", CLI_KEY_INCOMPLETE, NULL, help, false, CLI_TO_HANDLER \
	}
/*
 * -f, --force of a command that writes one file (named by its placeholder, "OUT.xlsx"): its
 * help says the guarantee of docs/guarantees.md the same way everywhere.
 */
#define CLI_OPT_FORCE(file, type, field)                                    \
	{                                                                   \
		"force", 'f', NULL,                                         \
			"replace " file " if it exists (else exit 73);\n"   \
			"only a regular file: a link or device is refused", \
			true, CLI_TO_FLAG(type, field)                      \
	}
#define CLI_OPT_RESCORE                                                       \
	{                                                                     \
		"rescore", CLI_KEY_RESCORE, NULL,                             \
			"score a file answered with another version of the\n" \
			"questionnaire with the installed one",               \
			false, CLI_TO_HANDLER                                 \
	}

/*
 * What a command needs before its own work, declared in its cli_command (.setup) and done by
 * cli_run() after the options and the command's checks, in this order; a failure is printed
 * there, and the command's run never sees it.
 */
enum {
	CLI_SETUP_ANSWERS = 1 << 0, /* the answer file: setup.answers_path, or the first operand */
	CLI_SETUP_SCORE = 1 << 1,   /* the answers scored: setup.score (loads them too) */
	/* the questionnaire: the answers' when loaded, else the one setup.questionnaire_id names */
	CLI_SETUP_QUESTIONNAIRE = 1 << 2,
	CLI_SETUP_POLICY = 1 << 3, /* the policy setup.policy_id names, when one does */
};

/* What cli_run() made ready for the command's run, and releases after it. */
typedef struct cli_setup {
	unsigned needs;           /* the command's .setup; its check may change it */
	unsigned answers_flags;   /* --allow-incomplete, --rescore; the check may add others */
	const char *answers_path; /* NULL: the first operand */
	const char *questionnaire_id;
	const char *policy_id; /* NULL: no policy is opened */
	answers *answers;
	const questionnaire *questionnaire; /* the cli's (cli_questionnaire) */
	scoring_result *score;
	policy *policy;
	char *output; /* an output name the check made up (cli_output_name), or NULL */
} cli_setup;

/*
 * A command's handler for its own options: key is the cli_option's, arg its argument (NULL
 * for a flag), opts the command's own struct. Returns 0 to go on, or an exit status (usually
 * from cli_usage_error).
 */
typedef int (*cli_option_fn)(cli *c, int key, const char *arg, void *opts);
/*
 * A command's checks once the options are read: the operands (n of them) and what the options
 * say together. It may direct the setup (a path or id, fewer needs). Returns 0 or a status.
 */
typedef int (*cli_check_fn)(cli *c, void *opts, int n, char **operands, cli_setup *s);

typedef struct cli_command {
	const char *name;
	/*
	 * Arguments after the name: every option of the table but --help, as its option line
	 * spells the placeholder (tests/usage.sh); tests/synopsis.sh holds the man page and
	 * docs/ to it.
	 */
	const char *usage;
	const char *summary;       /* one line for `assess --help` */
	const char *help;          /* what it does: the text before the option lines */
	const cli_option *options; /* ends with CLI_OPT_END; --help need not be listed */
	const char *notes;         /* the text after the option lines, or NULL */
	/*
	 * The command's work once cli_run() has read the options into opts, checked them and
	 * readied s: operands are the n arguments after the options. Returns the exit status.
	 */
	int (*run)(cli *c, void *opts, cli_setup *s, int n, char **operands);
	/*
	 * The command's own struct that the options go into: sizeof it (0 for none), and the
	 * values it starts with (NULL: all zero).
	 */
	size_t opts_size;
	const void *opts_init;
	/* the options declared CLI_TO_HANDLER; NULL when the table stores all of its own */
	cli_option_fn on_option;
	/*
	 * When set, cli_run() refuses any other number of operands than n_operands with
	 * "NAME takes OPERANDS (see PROG help NAME)", before the check; e.g. "one answer FILE".
	 */
	const char *operands;
	int n_operands;
	cli_check_fn check; /* or NULL */
	unsigned setup;     /* CLI_SETUP_* */
} cli_command;

/* The table main.c dispatches on; one per cmd-NAME.c. */
extern const cli_command cmd_validate, cmd_score, cmd_report, cmd_subsidy, cmd_policies,
	cmd_interview, cmd_batch, cmd_compare, cmd_form, cmd_import;

struct cli {
	const char *prog;         /* "assess" */
	qn_lang lang;             /* --lang, or from LANG/ASSESS_LANG */
	bool lang_given;          /* --lang was on the command line, not only in the environment */
	char *questionnaire_path; /* colon-separated folders to find questionnaires by id */
	char *policy_path;        /* same, for policies */
	questionnaire **cache;    /* questionnaires loaded so far, by id */
	size_t n_cache, cap_cache;
	/* Read from the environment once, here, and handed to the library as options. */
	const char *tmpdir; /* $TMPDIR: where workbooks keep their scratch files; or NULL */
	time_t source_date; /* $SOURCE_DATE_EPOCH: pins workbook dates; 0 when unset */
	int hushed_stderr;  /* the real stderr while cli_hush silences it; -1 otherwise */
};

/* For every workbook: the scratch folder and cli_hush, which silences libxlsxwriter. */
xlsx_env cli_xlsx_env(cli *c);

/* Prints "assess: file:line:col: message" and returns the sysexits status for err. */
int cli_error(const cli *c, const assess_error *err);
/*
 * Prints "assess: out of memory" and returns 71: a refused allocation in the CLI itself, said
 * through cli_error() with assess_nomem()'s record, as the library's refusals are.
 */
int cli_nomem(const cli *c);
/* Prints "assess: message" (usage errors) and returns 64. */
int cli_usage_error(const cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Parses "zh"/"en"; false otherwise. */
bool cli_parse_lang(const char *s, qn_lang *out);
/*
 * Resolver for answers_load(): loads each questionnaire once, known by id or by file however
 * its path is spelled (ctx is the cli). A run holds at most CLI_MAX_QUESTIONNAIRES: a stream
 * naming more is refused line by line, not allowed to fill the memory.
 */
#define CLI_MAX_QUESTIONNAIRES 16
const questionnaire *cli_questionnaire(const char *id, void *ctx, assess_error *err);
/*
 * The name of a command's output when -o is not given: file with its extension replaced by ext,
 * in file's folder (acme.json and ".xlsx" give acme.xlsx; a name without an extension, or whose
 * last component's only dot leads it, keeps all of it). Allocated; NULL when out of memory.
 */
char *cli_output_name(const char *file, const char *ext);
/*
 * Whether two names are one file however they are spelled (a.json, ./a.json, a link to it: the
 * same device and inode), so that an output is never written over the command's own input.
 */
bool cli_same_file(const char *a, const char *b);
/* Loads an answer file; on failure prints the error and returns NULL with *status set. */
answers *cli_load_answers(cli *c, const char *path, unsigned flags, int *status);
/* Text by language. */
#define CLI_TR(c, zh, en) lang_pick((c)->lang, zh, en)

/*
 * Runs a command, argv[0] its name: its options read by cmd->options and cmd->on_option into the command's opts
 * (the shared answer flags into its setup), the operands counted by cmd->operands, cmd->check
 * on them, cmd->setup readied, then cmd->run; what failed on the way is printed there. Releases
 * the setup and the opts and returns the exit status (0 after --help).
 */
int cli_run(cli *c, const cli_command *cmd, int argc, char **argv);
/*
 * Whether cmd's option table reads as it is written: each key and long name once, at most 31
 * options, and a key of the shared options (CLI_KEY_*) on that option alone, since the parser
 * gives such a key to the shared option whatever the table says: an "--interval" keyed 'i'
 * would be read as --allow-incomplete, one keyed 'h' would hide --help. The first problem is
 * written into why. cli_run() refuses a command whose table fails (exit 70, the problem said),
 * so no such command runs; tests/unit/test_cli.c holds the check to each case.
 */
bool cli_options_check(const cli_command *cmd, char *why, size_t size);

/* Opens /dev/null on whichever of descriptors 0-2 is closed, so no file takes their place. */
void cli_guard_std_fds(void);
/*
 * Flushes and closes standard output; if any write to it failed, prints why and returns 74
 * (or status, when that already says something failed). main() calls it once, last.
 */
int cli_close_stdout(const cli *c, int status);

/*
 * Prints j, indented, and a newline on standard output, then deletes it; returns 0, or says
 * out of memory (cli_nomem) when j is NULL or cannot be printed.
 */
int cli_print_json(const cli *c, cJSON *j);

/* `assess help NAME` for one command; status 0. */
int cli_command_help(const cli *c, const cli_command *cmd, FILE *out);

#endif
