/*
 * Check runner for allocation failures across the modules (test_alloc.c). Its own program:
 * it is linked with -Wl,--wrap for the allocator, which no other suite should be.
 */
#include "config.h"

#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_alloc_tcase, NULL};
	return test_run("alloc", tcases);
}
