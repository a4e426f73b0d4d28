### scoring: the plan search (the fewest steps to each level) beside the core's scoring files
libassess_la_SOURCES += scoring/plan.c scoring/plan.h scoring/plan-text.c

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_plan
TESTS += tests/unit/check_plan
tests_unit_check_plan_SOURCES = tests/unit/main_plan.c tests/unit/helpers.c tests/unit/test.h \
	tests/unit/test_plan.c
tests_unit_check_plan_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_plan_LDADD = $(UNIT_LDADD)
endif
