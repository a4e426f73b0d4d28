/* assess score FILE: points, level, gates and gaps for one answer file. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <sysexits.h>
#include "assess/cli.h"
#include "scoring/scoring.h"

struct score_opts {
	bool json;
	unsigned flags;
};

static int parse(cli *c, int argc, char **argv, struct score_opts *o)
{
	static const struct option longopts[] = {{"json", no_argument, NULL, 'j'},
						 {"allow-incomplete", no_argument, NULL, 'i'},
						 {"lang", required_argument, NULL, 'l'},
						 {"help", no_argument, NULL, 'h'},
						 {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			o->json = true;
			break;
		case 'i':
			o->flags |= ANSWERS_ALLOW_INCOMPLETE;
			break;
		case 'l':
			if (!cli_parse_lang(optarg, &c->lang))
				return cli_usage_error(c, "--lang takes zh or en, not \"%s\"", optarg);
			break;
		case 'h':
			cli_command_help(c, &cmd_score, stdout);
			return -1;
		default:
			return EX_USAGE;
		}
	}
	if (argc - optind != 1)
		return cli_usage_error(c, "score takes one answer FILE (see %s help score)", c->prog);
	return 0;
}

static int run(cli *c, int argc, char **argv)
{
	struct score_opts o = {0};
	int status = parse(c, argc, argv, &o);
	if (status)
		return status < 0 ? 0 : status;
	answers *a = cli_load_answers(c, argv[optind], o.flags, &status);
	if (!a)
		return status;
	assess_error err = {0};
	scoring_result *r = scoring_run(a, &err);
	if (!r) {
		status = cli_error(c, &err);
	} else if (o.json) {
		cJSON *j = scoring_to_json(r, c->lang);
		char *text = j ? cJSON_Print(j) : NULL;
		if (text)
			printf("%s\n", text);
		else
			status = EX_OSERR;
		free(text);
		cJSON_Delete(j);
	} else {
		scoring_print(stdout, r, c->lang);
	}
	scoring_free(r);
	answers_free(a);
	return status;
}

const cli_command cmd_score = {
	.name = "score",
	.usage = "[--json] [--allow-incomplete] [--lang zh|en] FILE",
	.summary = "score an answer file into points and a level 0-4",
	.help = "Prints the total, each dimension's points, the scenario counts, the level, what\n"
		"the next level still needs, and the improvements that gain most.\n\n"
		"  --json              one JSON object: total, level, dimensions, scenarios,\n"
		"                      gates, gaps, questions, missing\n"
		"  --allow-incomplete  score unanswered questions as 0 (and say so)\n"
		"  --lang zh|en        language of names and text\n"
		"FILE may be - for standard input.\n",
	.run = run,
};
