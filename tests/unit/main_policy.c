/* Check runner for the policies module: the definition loader and the subsidy engine. */
#include "config.h"
#include "tests/unit/subsidy_test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_policy_tcase,
						  make_policy_files_tcase,
						  make_subsidy_tcase,
						  make_subsidy_inputs_tcase,
						  make_subsidy_quanzhou_tcase,
						  make_subsidy_jinjiang_tcase,
						  make_subsidy_putian_tcase,
						  make_subsidy_xiamen_tcase,
						  make_subsidy_pingluo_tcase,
						  make_subsidy_rules_tcase,
						  NULL};
	return test_run("policy", tcases);
}
