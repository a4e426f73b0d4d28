/* assess policies: the installed subsidy policies and when each is in force. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include "assess/cli.h"
#include "common/date.h"
#include "common/text.h"
#include "policies/subsidy.h"

struct policies_opts {
	bool json;
	const char *date; /* --date: also say whether each is in force then */
	int yyyymmdd;
};

static const cli_option options[] = {
	{"json", 'j', NULL, "an array of {id, title, issuer, from, to, clauses, path}", false,
	 CLI_TO_FLAG(struct policies_opts, json)},
	{"date", 'd', "YYYY-MM-DD", "also say whether each policy is in force on that date", false,
	 CLI_TO_HANDLER},
	CLI_OPT_LANG("language of titles"),
	CLI_OPT_END,
};

static int on_option(cli *c, int key, const char *arg, void *opts)
{
	struct policies_opts *o = opts;
	(void)key; /* 'd', the one not stored by the table */
	o->date = arg;
	if (!date_parse(arg, &o->yyyymmdd))
		return cli_usage_error(c, "--date takes YYYY-MM-DD, not \"%s\"", arg);
	return 0;
}

static cJSON *policy_json(cli *c, const policy *p, const struct policies_opts *o)
{
	const policy_window *w = policy_window_get(p);
	cJSON *j = cJSON_CreateObject();
	char retro[DATE_TEXT_MAX];
	cJSON_AddStringToObject(j, "id", policy_id(p));
	cJSON_AddStringToObject(j, "title", qn_text_get(policy_title(p), c->lang));
	cJSON_AddStringToObject(j, "issuer", qn_text_get(policy_issuer(p), c->lang));
	cJSON_AddStringToObject(j, "version", policy_version(p));
	cJSON_AddStringToObject(j, "from", w->from_text);
	cJSON_AddStringToObject(j, "to", w->to_text);
	if (w->retroactive_from) {
		cJSON_AddStringToObject(j, "retroactive_from",
					date_format(w->retroactive_from, retro, sizeof retro));
	}
	if (o->date)
		cJSON_AddStringToObject(j, "status",
					subsidy_window_name(subsidy_window_at(w, o->yyyymmdd)));
	cJSON_AddNumberToObject(j, "clauses", (double)policy_n_clauses(p));
	cJSON_AddStringToObject(j, "path", policy_path(p));
	return j;
}

static void policy_text(cli *c, const policy *p, const struct policies_opts *o)
{
	char win[160];
	policy_window_describe(policy_window_get(p), c->lang, win, sizeof win);
	text_fprintf_escaped(stdout, "%-10s %s\n", policy_id(p),
			     qn_text_get(policy_title(p), c->lang));
	text_fprintf_escaped(stdout,
			     CLI_TR(c, "           %s；有效期%s；%zu 条",
				    "           %s; in force %s; %zu clauses"),
			     qn_text_get(policy_issuer(p), c->lang), win, policy_n_clauses(p));
	if (o->date)
		text_fprintf_escaped(stdout, CLI_TR(c, "；%s：%s", "; on %s: %s"), o->date,
				     subsidy_window_label(subsidy_window_at(policy_window_get(p),
									    o->yyyymmdd),
							  c->lang));
	printf("\n");
}

/* Loads every installed policy first: a broken file fails the listing, with its error. */
static int load_all(cli *c, char **ids, size_t n, policy **out)
{
	assess_error err = {0};
	for (size_t i = 0; i < n; i++)
		if (!(out[i] = policy_open(ids[i], c->policy_path, &err)))
			return cli_error(c, &err);
	return 0;
}

static int list(cli *c, const struct policies_opts *o)
{
	assess_error err = {0};
	size_t n = 0;
	char **ids = policy_list(c->policy_path, &n, &err);
	policy **ps = ids ? calloc(n + 1, sizeof *ps) : NULL;
	int status = !ids ? cli_error(c, &err) : !ps ? cli_nomem(c) : load_all(c, ids, n, ps);
	cJSON *arr = !status && o->json ? cJSON_CreateArray() : NULL;
	for (size_t i = 0; !status && i < n; i++) {
		if (o->json)
			cJSON_AddItemToArray(arr, policy_json(c, ps[i], o));
		else
			policy_text(c, ps[i], o);
	}
	if (!status && o->json)
		status = cli_print_json(c, arr);
	if (!status && !n)
		fprintf(stderr, "%s: %s %s\n", c->prog,
			CLI_TR(c, "没有找到已安装的政策，查找路径：",
			       "no policies installed; looked in"),
			c->policy_path);
	for (size_t i = 0; i < n; i++) {
		policy_free(ps ? ps[i] : NULL);
		free(ids[i]);
	}
	free(ps);
	free(ids);
	return status;
}

static int run(cli *c, void *opts, cli_setup *s, int n, char **operands)
{
	(void)s, (void)n, (void)operands;
	return list(c, opts);
}

const cli_command cmd_policies = {
	.name = "policies",
	.usage = "[--json] [--date YYYY-MM-DD] [--lang zh|en]",
	.summary = "list the installed subsidy policies and when each is in force",
	.help = "Lists every policy found along the search path ($ASSESS_POLICIES, the build\n"
		"tree's policies/, then the installed data folder): its id for --policy, title,\n"
		"issuer, validity window and number of clauses. Every file is loaded and\n"
		"checked, so a broken definition is reported with its file and line.\n",
	.options = options,
	.run = run,
	.opts_size = sizeof(struct policies_opts),
	.on_option = on_option,
	.operands = "no arguments",
};
