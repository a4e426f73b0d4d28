/* Check runner for the compare module: kinds, refusals, deltas, gates, what-if levels, the workbook. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_compare_tcase, make_compare_book_tcase,
						  NULL};
	return test_run("compare", tcases);
}
