/* Check runner for the spreadsheet layer. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_xlsx_tcase, NULL};
	return test_run("xlsx", tcases);
}
