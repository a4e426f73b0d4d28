#include "config.h"
#include "assess/validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common/readfile.h"
#include "common/xmldoc.h"
#include "policies/policy.h"

static bool validate_questionnaire(const char *path, char *what, size_t size, assess_error *err)
{
	questionnaire *q = questionnaire_load(path, err);
	if (!q)
		return false;
	snprintf(what, size, "questionnaire %s: %zu questions, %zu scenarios (%zu ★), %zu levels",
		 questionnaire_id(q), questionnaire_n_questions(q) - questionnaire_n_scenarios(q),
		 questionnaire_n_scenarios(q), questionnaire_n_constrained(q),
		 questionnaire_n_levels(q));
	questionnaire_free(q);
	return true;
}

static bool validate_policy(const char *path, char *what, size_t size, assess_error *err)
{
	policy *p = policy_load(path, err);
	if (!p)
		return false;
	snprintf(what, size, "policy %s: %zu clauses, %zu awards, %zu conflicts, in force %s to %s",
		 policy_id(p), policy_n_clauses(p), policy_n_awards(p), policy_n_conflicts(p),
		 policy_window_get(p)->from_text, policy_window_get(p)->to_text);
	policy_free(p);
	return true;
}

bool validate_definition(cli *c, const char *path, char *what, size_t size, assess_error *err)
{
	size_t len;
	char name[64];
	char *buf = readfile_all(path, 16u << 20, &len, err);
	if (!buf)
		return false;
	xmldoc_root_name(buf, name, sizeof name);
	free(buf);
	(void)c;
	if (strcmp(name, "questionnaire") == 0 || !name[0])
		return validate_questionnaire(path, what, size, err);
	if (strcmp(name, "policy") == 0)
		return validate_policy(path, what, size, err);
	assess_fail(err, ASSESS_ERR_SCHEMA, path, 0, 0,
		    "root element <%s> is neither <questionnaire> nor <policy>", name);
	return false;
}
