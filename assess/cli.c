#include "config.h"
#include "assess/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <getopt.h>

int cli_error(const cli *c, const assess_error *err)
{
	char buf[ASSESS_ERROR_MSG_MAX + ASSESS_ERROR_FILE_MAX + ASSESS_ERROR_PATH_MAX + 32];
	assess_error_format(err, buf, sizeof buf);
	fprintf(stderr, "%s: %s\n", c->prog, buf);
	return assess_exit_code(err->code);
}

int cli_usage_error(const cli *c, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", c->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
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

const questionnaire *cli_questionnaire(const char *id, void *ctx, assess_error *err)
{
	cli *c = ctx;
	for (size_t i = 0; i < c->n_cache; i++)
		if (strcmp(questionnaire_id(c->cache[i]), id) == 0 ||
		    strcmp(questionnaire_path(c->cache[i]), id) == 0)
			return c->cache[i];
	questionnaire **grown = realloc(c->cache, (c->n_cache + 1) * sizeof *grown);
	if (!grown) {
		assess_fail(err, ASSESS_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	c->cache = grown;
	questionnaire *q = questionnaire_open(id, c->questionnaire_path, err);
	if (q)
		c->cache[c->n_cache++] = q;
	return q;
}

answers *cli_load_answers(cli *c, const char *path, unsigned flags, int *status)
{
	assess_error err = {0};
	answers *a = answers_load(path, cli_questionnaire, c, flags, &err);
	if (!a)
		*status = cli_error(c, &err);
	return a;
}

int cli_command_help(const cli *c, const cli_command *cmd, FILE *out)
{
	fprintf(out, "usage: %s %s %s\n\n%s\n", c->prog, cmd->name, cmd->usage, cmd->summary);
	if (cmd->help && *cmd->help)
		fprintf(out, "\n%s", cmd->help);
	return 0;
}

int cli_shared_option(cli *c, const cli_command *cmd, int ch, unsigned *flags)
{
	switch (ch) {
	case 'l':
		if (cli_parse_lang(optarg, &c->lang))
			return 0;
		return cli_usage_error(c, "--lang takes zh or en, not \"%s\"", optarg);
	case 'h':
		cli_command_help(c, cmd, stdout);
		return -1;
	case 'i':
		if (flags) {
			*flags |= ANSWERS_ALLOW_INCOMPLETE;
			return 0;
		}
		return EX_USAGE;
	default:
		return EX_USAGE;
	}
}
