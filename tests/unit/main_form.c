/* Check runner for the self-assessment form. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_form_tcase, NULL};
	return test_run("form", tcases);
}
