/* Check runner for the policies module: the definition loader and the subsidy engine. */
#include "config.h"
#include "tests/unit/test.h"

TCase *make_policy_tcase(void);
TCase *make_policy_files_tcase(void);
TCase *make_subsidy_tcase(void);
TCase *make_subsidy_inputs_tcase(void);

int main(void)
{
	static const test_tcase_maker tcases[] = {make_policy_tcase, make_policy_files_tcase,
						  make_subsidy_tcase, make_subsidy_inputs_tcase,
						  NULL};
	return test_run("policy", tcases);
}
