### scoring: the plan search (the fewest steps to each level) beside the core's scoring files
libassess_la_SOURCES += scoring/plan.c scoring/plan.h scoring/plan-text.c \
	scoring/reading.c scoring/reading.h

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_plan
tests_unit_check_plan_SOURCES = tests/unit/main_plan.c $(UNIT_HELPERS) \
	tests/unit/test_plan.c tests/unit/test_reading.c
tests_unit_check_plan_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_plan_LDADD = $(UNIT_LDADD)
endif

### bench: `make bench-plan` (never part of make check); what the plans add to score --json
EXTRA_PROGRAMS += bench/plan/bench-plan
bench_plan_bench_plan_SOURCES = bench/plan/bench-plan.c bench/common.h
bench_plan_bench_plan_LDADD = libassess.la $(LIBS_ALL)
EXTRA_DIST += bench/plan/run.sh bench/plan/far.json

.PHONY: bench-plan
bench: bench-plan
bench-plan: bench/plan/bench-plan$(EXEEXT)
	$(SHELL) $(srcdir)/bench/plan/run.sh '$(abs_top_builddir)' '$(abs_top_srcdir)'
