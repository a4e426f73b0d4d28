/* Check runner for the compare module: kinds, refusals, deltas, gates, what-if levels. */
#include "config.h"
#include "tests/unit/test.h"

TCase *make_compare_tcase(void);

int main(void)
{
	static const test_tcase_maker tcases[] = {make_compare_tcase, NULL};
	return test_run("compare", tcases);
}
