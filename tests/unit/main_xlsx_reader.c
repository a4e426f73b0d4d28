/* Check runner for the .xlsx reader. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_xlsx_reader_tcase, NULL};
	return test_run("xlsx_reader", tcases);
}
