/* Check runner for the portfolio module: streams, tallies, the workbook, inputs, workers. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_portfolio_tcase, make_portfolio_io_tcase,
						  NULL};
	return test_run("portfolio", tcases);
}
