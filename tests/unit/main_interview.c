/* Check runner for the interview session (interview/). */
#include "config.h"

#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_interview_input_tcase,
						  make_interview_screen_tcase,
						  make_interview_session_tcase, NULL};
	return test_run("interview", tcases);
}
