/* Check runner for the CLI's option tables (assess/options.c), linked without main.c. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_cli_tcase, NULL};
	return test_run("cli", tcases);
}
