/* The option tables of assess/cli.h: a key the parser keeps for a shared option is that option's. */
#include "config.h"
#include <string.h>
#include <sysexits.h>
#include "assess/cli.h"
#include "tests/unit/test.h"

struct opts {
	const char *interval;
	bool quiet;
};

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	(void)c, (void)opts, (void)s, (void)n, (void)operands;
	return 0;
}

static const cli_command *command(const cli_option *options)
{
	static cli_command cmd;
	cmd = (cli_command){.name = "t",
			    .usage = "",
			    .summary = "",
			    .options = options,
			    .run = run,
			    .opts_size = sizeof(struct opts)};
	return &cmd;
}

/* The shared options by their macros, a --force and options of the command's own pass. */
START_TEST(tables_as_the_commands_write_them_pass)
{
	static const cli_option options[] = {{"interval", 'n', "N", "how often", true,
					      CLI_TO_STRING(struct opts, interval)},
					     CLI_OPT_FORCE("OUT.xlsx", struct opts, quiet),
					     CLI_OPT_LANG("the language"),
					     CLI_OPT_INCOMPLETE("score what is answered"),
					     CLI_OPT_RESCORE,
					     CLI_OPT_HELP,
					     CLI_OPT_END};
	char why[160] = "";
	ck_assert_msg(cli_options_check(command(options), why, sizeof why), "%s", why);
	ck_assert_msg(cli_options_check(command(NULL), why, sizeof why), "%s", why);
}
END_TEST

/* Each key of the shared options, on an option of another name, is refused with both names. */
START_TEST(a_shared_key_on_another_option_is_refused)
{
	static const struct {
		int key;
		const char *shared;
	} keys[] = {{CLI_KEY_INCOMPLETE, "--allow-incomplete"},
		    {CLI_KEY_LANG, "--lang"},
		    {CLI_KEY_HELP, "--help"},
		    {CLI_KEY_RESCORE, "--rescore"}};
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		cli_option options[] = {{"interval", keys[i].key, "N", "", true,
					 CLI_TO_STRING(struct opts, interval)},
					CLI_OPT_END};
		char why[160] = "";
		ck_assert(!cli_options_check(command(options), why, sizeof why));
		ck_assert_msg(strstr(why, "--interval") && strstr(why, keys[i].shared), "%s", why);
	}
}
END_TEST

START_TEST(a_key_or_name_used_twice_is_refused)
{
	static const cli_option keys[] = {{"interval", 'n', "N", "", true,
					   CLI_TO_STRING(struct opts, interval)},
					  {"quiet", 'n', NULL, "", true,
					   CLI_TO_FLAG(struct opts, quiet)},
					  CLI_OPT_END};
	static const cli_option names[] = {{"quiet", 'q', NULL, "", true,
					    CLI_TO_FLAG(struct opts, quiet)},
					   {"quiet", 'Q', NULL, "", true,
					    CLI_TO_FLAG(struct opts, quiet)},
					   CLI_OPT_END};
	char why[160];
	ck_assert(!cli_options_check(command(keys), why, sizeof why));
	ck_assert_str_eq(why, "--interval and --quiet share a key or a name");
	ck_assert(!cli_options_check(command(names), why, sizeof why));
	ck_assert_str_eq(why, "--quiet and --quiet share a key or a name");
}
END_TEST

/* cli_run() does not run a command whose table is wrong: the option would be misread. */
START_TEST(a_wrong_table_is_not_run)
{
	static const cli_option options[] = {{"interval", 'i', "N", "", true,
					      CLI_TO_STRING(struct opts, interval)},
					     CLI_OPT_END};
	cli c = {.prog = "assess", .hushed_stderr = -1};
	char *argv[] = {"t", "-i", "5", NULL};
	ck_assert_int_eq(cli_run(&c, command(options), 3, argv), EX_SOFTWARE);
}
END_TEST

TCase *make_cli_tcase(void)
{
	const TTest *tests[] = {tables_as_the_commands_write_them_pass,
				a_shared_key_on_another_option_is_refused,
				a_key_or_name_used_twice_is_refused, a_wrong_table_is_not_run,
				NULL};
	return test_tcase("cli", NULL, NULL, 0, tests);
}
