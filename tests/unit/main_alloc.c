/*
 * Check runner for allocation failures across the modules (test_alloc.c). Its own program:
 * it is linked with -Wl,--wrap for the allocator, which no other suite should be.
 */
#include "config.h"

#include <stdlib.h>
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_alloc_tcase, NULL};
	/*
	 * Each test in its own process, even under valgrind (CK_FORK=no): run in one process,
	 * a descriptor of Check's own result file is closed by one of the failure paths (found at
	 * the end of a session, not yet traced; see the session note), and the run stops.
	 */
	setenv("CK_FORK", "yes", 1);
	return test_run("alloc", tcases);
}
