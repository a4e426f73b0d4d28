/* Check runner for the core modules: common, fastjson, questionnaires, answers, scoring. */
#include "config.h"
#include "tests/unit/test.h"

int main(void)
{
	static const test_tcase_maker tcases[] = {make_common_tcase,     make_grow_tcase,
						  make_atomicfile_tcase, make_test_dir_tcase,
						  make_fastjson_tcase,   make_questionnaire_tcase,
						  make_answers_tcase,    make_record_tcase,
						  make_scoring_tcase,    make_vocab_tcase,
						  make_limits_tcase,     NULL};
	return test_run("core", tcases);
}
