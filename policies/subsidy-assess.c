/* Score, then subsidy: the one sequence every caller (subsidy, report, batch, compare) takes. */
#include "config.h"
#include "policies/subsidy.h"

#include "scoring/scoring.h"

subsidy_result *subsidy_assess(const policy *p, const answers *a, const scoring_result *scored,
			       const subsidy_options *o, assess_error *err)
{
	subsidy_options so = *o;
	scoring_result *own = NULL;
	if (!so.date)
		so.date = answers_field_get(a, ANSWERS_DATE);
	if (!so.date) {
		assess_fail_path(err, ASSESS_ERR_DATA, answers_source(a), "$.assessment.date",
				 "no assessment date: a policy pays only inside its validity "
				 "window, so give the date in the file or with --date YYYY-MM-DD");
		return NULL;
	}
	if (!so.level_overridden) {
		if (!scored && !(scored = own = scoring_run_flags(a, SCORING_NO_GAPS, err)))
			return NULL;
		so.level = scored->level;
	}
	subsidy_result *r = subsidy_compute(p, a, &so, err);
	scoring_free(own);
	return r;
}
