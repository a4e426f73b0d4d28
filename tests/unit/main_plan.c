/* Check runner for the plan search (scoring/plan.h) and open readings (scoring/reading.h). */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_plan_tcase, make_reading_tcase, NULL};
	return test_run("plan", tcases);
}
