/* Check runner for the report module. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_report_tcase, NULL};
	return test_run("report", tcases);
}
