/*
 * The option tables of cli.h: getopt's tables and the help text, built from one declaration;
 * and a command's run, its options read, checked and what it needs set up (cli_run).
 */
#include "config.h"
#include "assess/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "common/grow.h"

/* Not an exit status: the help was printed, and the command stops there with 0. */
#define CLI_HELP_SHOWN (-1)

#define MAX_OPTIONS 32 /* per command, --help included; more is a programming error */
#define HELP_COLUMN 22 /* where option descriptions start, at least */

static const cli_option help_option = CLI_OPT_HELP;

/* The command's options and --help, in the order `assess help` lists them. */
static size_t collect(const cli_command *cmd, const cli_option **out)
{
	size_t n = 0;
	bool has_help = false;
	for (const cli_option *o = cmd->options; o && o->name && n < MAX_OPTIONS - 1; o++) {
		has_help |= o->key == CLI_KEY_HELP;
		out[n++] = o;
	}
	if (!has_help)
		out[n++] = &help_option;
	return n;
}

/* The shared option a key belongs to (cli.h): parse() hands it that key whatever a table says. */
static const char *shared_name(int key)
{
	switch (key) {
	case CLI_KEY_LANG:
		return "lang";
	case CLI_KEY_HELP:
		return "help";
	case CLI_KEY_INCOMPLETE:
		return "allow-incomplete";
	case CLI_KEY_RESCORE:
		return "rescore";
	default:
		return NULL;
	}
}

bool cli_options_check(const cli_command *cmd, char *why, size_t size)
{
	const cli_option *all[MAX_OPTIONS];
	size_t n = collect(cmd, all), given = 0;
	for (const cli_option *o = cmd->options; o && o->name; o++)
		given++;
	if (given > MAX_OPTIONS - 1) { /* collect() would leave the last ones out */
		snprintf(why, size, "more than %d options", MAX_OPTIONS - 1);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const char *shared = shared_name(all[i]->key);
		if (shared && strcmp(all[i]->name, shared) != 0) {
			snprintf(why, size, "--%s has the key of --%s, and would be read as it",
				 all[i]->name, shared);
			return false;
		}
		for (size_t k = 0; k < i; k++)
			if (all[k]->key == all[i]->key || strcmp(all[k]->name, all[i]->name) == 0) {
				snprintf(why, size, "--%s and --%s share a key or a name",
					 all[k]->name, all[i]->name);
				return false;
			}
	}
	return true;
}

/* "  -o, --output FILE" into buf; returns its length. */
static size_t option_label(const cli_option *o, char *buf, size_t size)
{
	int n;
	if (o->has_short)
		n = snprintf(buf, size, "  -%c, --%s%s%s", o->key, o->name, o->arg ? " " : "",
			     o->arg ? o->arg : "");
	else
		n = snprintf(buf, size, "  --%s%s%s", o->name, o->arg ? " " : "",
			     o->arg ? o->arg : "");
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* Each line of text, the first after the label, the others indented to the same column. */
static void print_help_lines(FILE *out, const char *text, size_t column)
{
	const char *line = text ? text : "";
	for (bool first = true;; first = false) {
		const char *nl = strchr(line, '\n');
		int len = nl ? (int)(nl - line) : (int)strlen(line);
		fprintf(out, "%*s%.*s\n", first ? 0 : (int)column, "", len, line);
		if (!nl || !nl[1])
			break;
		line = nl + 1;
	}
}

static void print_options(FILE *out, const cli_command *cmd)
{
	const cli_option *opts[MAX_OPTIONS];
	size_t n = collect(cmd, opts), column = HELP_COLUMN;
	char label[96];
	for (size_t i = 0; i < n; i++) {
		size_t len = option_label(opts[i], label, sizeof label) + 2;
		if (len > column)
			column = len;
	}
	fputc('\n', out);
	for (size_t i = 0; i < n; i++) {
		size_t len = option_label(opts[i], label, sizeof label);
		fprintf(out, "%s%*s", label, (int)(column - len), "");
		print_help_lines(out, opts[i]->help, column);
	}
}

int cli_command_help(const cli *c, const cli_command *cmd, FILE *out)
{
	fprintf(out, "usage: %s %s %s\n\n%s\n", c->prog, cmd->name, cmd->usage, cmd->summary);
	if (cmd->help && *cmd->help)
		fprintf(out, "\n%s", cmd->help);
	print_options(out, cmd);
	if (cmd->notes && *cmd->notes)
		fprintf(out, "%s", cmd->notes);
	return 0;
}

/* getopt_long's tables from the command's: short letters in shorts, all of them in longs. */
static void build_getopt(const cli_option *const *opts, size_t n, struct option *longs,
			 char *shorts)
{
	size_t k = 0;
	shorts[k++] = ':'; /* a missing argument comes back as ':', not as '?' */
	for (size_t i = 0; i < n; i++) {
		longs[i] = (struct option){opts[i]->name,
					   opts[i]->arg ? required_argument : no_argument, NULL,
					   opts[i]->key};
		if (opts[i]->has_short) {
			shorts[k++] = (char)opts[i]->key;
			if (opts[i]->arg)
				shorts[k++] = ':';
		}
	}
	longs[n] = (struct option){NULL, 0, NULL, 0};
	shorts[k] = '\0';
}

static int shared_option(cli *c, const cli_command *cmd, int key, const char *arg,
			 unsigned *answers_flags)
{
	switch (key) {
	case CLI_KEY_LANG:
		c->lang_given = true;
		if (cli_parse_lang(arg, &c->lang))
			return 0;
		return cli_usage_error(c, "--lang takes zh or en, not \"%s\"", arg);
	case CLI_KEY_HELP:
		cli_command_help(c, cmd, stdout);
		return CLI_HELP_SHOWN;
	default: /* CLI_KEY_INCOMPLETE, CLI_KEY_RESCORE */
		if (answers_flags)
			*answers_flags |=
				key == CLI_KEY_RESCORE ? ANSWERS_RESCORE : ANSWERS_ALLOW_INCOMPLETE;
		return 0;
	}
}

/* The option getopt_long returned: by index for a long name, else by its short key. */
static const cli_option *find(const cli_option *const *all, size_t n, int key, int index)
{
	if (index >= 0 && (size_t)index < n)
		return all[index];
	for (size_t i = 0; i < n; i++)
		if (all[i]->key == key)
			return all[i];
	return NULL;
}

/*
 * An option the table says where to put (cli.h): stored here, no handler needed. False when a
 * list could not grow (out of memory).
 */
static bool store(const cli_option *o, const char *arg, void *opts)
{
	void *field = (char *)opts + o->offset;
	if (o->store == CLI_STORE_STRING)
		*(const char **)field = arg;
	else if (o->store == CLI_STORE_FLAG)
		*(bool *)field = true;
	else {
		cli_list *l = field;
		const char **grown = grow_array(l->items, &l->cap, l->n + 2, sizeof *grown, 4);
		if (!grown)
			return false;
		grown[l->n++] = arg;
		grown[l->n] = NULL;
		l->items = grown;
	}
	return true;
}

/* The option as the user typed it, for messages: "-o" or "--output". */
static const char *typed(char **argv, int ind, char *buf, size_t size)
{
	const char *word = ind > 0 && argv[ind - 1] ? argv[ind - 1] : "?";
	snprintf(buf, size, "%.*s", (int)strcspn(word, "="), word);
	return buf;
}

/*
 * Parses argv by cmd->options. An option declared CLI_TO_STRING, CLI_TO_FLAG or CLI_TO_LIST is
 * stored into opts here, the command's other options go to on_option; --lang, --help and
 * --allow-incomplete (into *answers_flags; a command without it passes NULL) are handled here.
 * Returns 0 with optind at the first operand, CLI_HELP_SHOWN after printing the help (the
 * command then exits 0), or an exit status.
 */
static int parse(cli *c, const cli_command *cmd, int argc, char **argv, cli_option_fn on_option,
		 void *opts, unsigned *answers_flags)
{
	const cli_option *all[MAX_OPTIONS];
	struct option longs[MAX_OPTIONS + 1];
	char shorts[2 * MAX_OPTIONS + 2], word[64];
	size_t n = collect(cmd, all);
	build_getopt(all, n, longs, shorts);
	opterr = 0; /* the messages below name the command and say what to do */
	optind = 0; /* not 1: GNU getopt starts afresh, so the global options' "+" is forgotten */
	int key, index;
	while ((index = -1, key = getopt_long(argc, argv, shorts, longs, &index)) != -1) {
		if (key == '?')
			return cli_usage_error(c, "%s: unknown option %s (see %s help %s)",
					       cmd->name,
					       optopt ? (snprintf(word, sizeof word, "-%c", optopt),
							 word)
						      : typed(argv, optind, word, sizeof word),
					       c->prog, cmd->name);
		if (key == ':')
			return cli_usage_error(c, "%s: %s needs an argument (see %s help %s)",
					       cmd->name, typed(argv, optind, word, sizeof word),
					       c->prog, cmd->name);
		const cli_option *o = find(all, n, key, index);
		int status = 0;
		if (o && o->store != CLI_STORE_HANDLER && opts)
			status = store(o, optarg, opts) ? 0 : cli_nomem(c);
		else if (key == CLI_KEY_LANG || key == CLI_KEY_HELP || key == CLI_KEY_INCOMPLETE ||
			 key == CLI_KEY_RESCORE)
			status = shared_option(c, cmd, key, optarg, answers_flags);
		else
			status = on_option ? on_option(c, key, optarg, opts) : EX_USAGE;
		if (status)
			return status;
	}
	return 0;
}

/* The setup a command declared (cli.h), in order; the first failure is printed. */
static int setup(cli *c, char **operands, cli_setup *s)
{
	assess_error err = {0};
	int status = 0;
	unsigned needs = s->needs;
	if (needs & CLI_SETUP_SCORE)
		needs |= CLI_SETUP_ANSWERS;
	if ((needs & CLI_SETUP_ANSWERS) &&
	    !(s->answers = cli_load_answers(c, s->answers_path ? s->answers_path : operands[0],
					    s->answers_flags, &status)))
		return status;
	if (needs & CLI_SETUP_QUESTIONNAIRE)
		s->questionnaire = s->answers ? answers_questionnaire(s->answers)
					      : cli_questionnaire(s->questionnaire_id, c, &err);
	if (((needs & CLI_SETUP_QUESTIONNAIRE) && !s->questionnaire) ||
	    ((needs & CLI_SETUP_SCORE) && !(s->score = scoring_run(s->answers, &err))) ||
	    ((needs & CLI_SETUP_POLICY) && s->policy_id &&
	     !(s->policy = policy_open(s->policy_id, c->policy_path, &err))))
		return cli_error(c, &err);
	return 0;
}

/*
 * The options into opts, the operands counted and checked, then the setup. Returns 0 with
 * optind at the first operand, CLI_HELP_SHOWN, or the status of what failed (printed).
 */
static int start(cli *c, const cli_command *cmd, int argc, char **argv, void *opts, cli_setup *s)
{
	int status = parse(c, cmd, argc, argv, cmd->on_option, opts, &s->answers_flags);
	if (!status && cmd->operands && argc - optind != cmd->n_operands)
		status = cli_usage_error(c, "%s takes %s (see %s help %s)", cmd->name,
					 cmd->operands, c->prog, cmd->name);
	if (!status && cmd->check)
		status = cmd->check(c, opts, argc - optind, argv + optind, s);
	return status ? status : setup(c, argv + optind, s);
}

/* What start() set up, and the lists the table grew in opts. */
static void finish(const cli_command *cmd, void *opts, cli_setup *s)
{
	for (const cli_option *o = cmd->options; opts && o && o->name; o++)
		if (o->store == CLI_STORE_LIST)
			free(((cli_list *)((char *)opts + o->offset))->items);
	policy_free(s->policy);
	scoring_free(s->score);
	answers_free(s->answers);
	free(s->output);
}

int cli_run(cli *c, const cli_command *cmd, int argc, char **argv)
{
	char why[160];
	if (!cli_options_check(cmd, why, sizeof why)) {
		fprintf(stderr, "%s: %s: the option table is wrong: %s\n", c->prog, cmd->name, why);
		return EX_SOFTWARE;
	}
	cli_setup s = {.needs = cmd->setup};
	void *opts = cmd->opts_size ? calloc(1, cmd->opts_size) : NULL;
	int status = cmd->opts_size && !opts ? cli_nomem(c) : 0;
	if (opts && cmd->opts_init)
		memcpy(opts, cmd->opts_init, cmd->opts_size);
	if (!status)
		status = start(c, cmd, argc, argv, opts, &s);
	if (!status)
		status = cmd->run(c, opts, &s, argc - optind, argv + optind);
	finish(cmd, opts, &s);
	free(opts);
	return status == CLI_HELP_SHOWN ? 0 : status;
}
