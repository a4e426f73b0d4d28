### tests: Check unit tests per module, end-to-end cases run through the real binary

# Every test finds the definitions in the source tree and the binary in the build tree.
AM_TESTS_ENVIRONMENT = \
	export ASSESS_QUESTIONNAIRES='$(abs_top_srcdir)/questionnaires'; \
	export ASSESS_POLICIES='$(abs_top_srcdir)/policies'; \
	export ASSESS='$(abs_top_builddir)/assess/assess'; \
	export TESTS_SRCDIR='$(abs_top_srcdir)/tests'; \
	export PYTHON3='/usr/bin/python3'; export PYTHONDONTWRITEBYTECODE=1; \
	export LC_ALL=C.UTF-8; \
	export XDG_CONFIG_HOME=/dev/null/no-config; # the interview remembers teams there: not in tests
if VALGRIND
VALGRIND_CMD = valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--suppressions=$(abs_top_srcdir)/tests/valgrind.supp
AM_TESTS_ENVIRONMENT += export CK_FORK=no; export ASSESS_WRAPPER='$(VALGRIND_CMD)'; export CK_TIMEOUT_MULTIPLIER=6;
LOG_COMPILER = $(VALGRIND_CMD)
endif
if SANITIZE
# Suppressions for leaks inside the libraries (tests/lsan.supp; none is needed at present).
AM_TESTS_ENVIRONMENT += export LSAN_OPTIONS='suppressions=$(abs_top_srcdir)/tests/lsan.supp';
# Instrumented code runs several times slower: Check's per-test time limits scale with it.
AM_TESTS_ENVIRONMENT += export CK_TIMEOUT_MULTIPLIER=6;
endif
SH_LOG_COMPILER = $(SHELL)
TEST_EXTENSIONS = .sh
EXTRA_DIST += tests/valgrind.supp tests/lsan.supp tests/cases tests/jsontree.h
# tests/cases is a folder: without a rule of its own, make's built-in .sh rule would make it
# from tests/cases.sh (and fail) whenever that script is newer than the folder, as in make dist.
tests/cases: ; @:
# What the end-to-end shell tests source.
EXTRA_DIST += tests/lib.sh

# The distributed run on a real Dask scheduler and two workers (scripts/assess-dask.py).
TESTS += tests/dask.sh
EXTRA_DIST += tests/dask.sh tests/dask_check.py

# Every option of every command's table is described in the man page.
TESTS += tests/options.sh
EXTRA_DIST += tests/options.sh

# Every command's usage line, as the man page and docs/ show it, is the one `assess help` prints.
TESTS += tests/synopsis.sh
EXTRA_DIST += tests/synopsis.sh

# Every command's usage line shows every option it takes, with its option line's placeholder.
TESTS += tests/usage.sh
EXTRA_DIST += tests/usage.sh

# No two sources of the library share a basename (libtool would copy and rename their objects).
TESTS += tests/basenames.sh
EXTRA_DIST += tests/basenames.sh
AM_TESTS_ENVIRONMENT += \
	export LIBASSESS_SOURCES='$(filter %.c,$(libassess_la_SOURCES) $(nodist_libassess_la_SOURCES))';

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_core
tests_unit_check_core_SOURCES = tests/unit/main_core.c $(UNIT_HELPERS) \
	tests/unit/test_common.c tests/unit/test_questionnaire.c tests/unit/test_answers.c \
	tests/unit/test_scoring.c tests/unit/test_fastjson.c tests/unit/test_limits.c tests/unit/test_vocab.c \
	tests/unit/test_record.c tests/unit/test_grow.c
tests_unit_check_core_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_core_LDADD = $(UNIT_LDADD)

# Allocation failures on purpose: the project's own allocations go through the test's wrappers.
check_PROGRAMS += tests/unit/check_alloc
tests_unit_check_alloc_SOURCES = tests/unit/main_alloc.c $(UNIT_HELPERS) tests/unit/test_alloc.c
tests_unit_check_alloc_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_alloc_LDFLAGS = $(AM_LDFLAGS) -Wl,--wrap=malloc -Wl,--wrap=calloc \
	-Wl,--wrap=realloc -Wl,--wrap=strdup -Wl,--wrap=strndup
tests_unit_check_alloc_LDADD = $(UNIT_LDADD)

# The CLI's option tables (assess/options.c and what it calls, without main.c's command table).
check_PROGRAMS += tests/unit/check_cli
tests_unit_check_cli_SOURCES = tests/unit/main_cli.c $(UNIT_HELPERS) tests/unit/test_cli.c \
	assess/options.c assess/cli.c
tests_unit_check_cli_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_cli_LDADD = $(UNIT_LDADD)
endif

TESTS += tests/cases.sh tests/docs.sh
EXTRA_DIST += tests/cases.sh tests/docs.sh

# docs/answer-file.schema.json against the loader (python3-jsonschema; skipped without it).
TESTS += tests/schema.sh
EXTRA_DIST += tests/schema.sh tests/schema_check.py

# Each benchmark program once on the smallest input, so that they keep building and running
# (timing runs are `make bench` only); the programs are built for it, not by plain make.
TESTS += bench/smoke.sh
EXTRA_DIST += bench/smoke.sh
bench/smoke.log: bench/plan/bench-plan$(EXEEXT) bench/report/bench-report$(EXEEXT) \
	bench/report/zlib-baseline$(EXEEXT) bench/portfolio/cjson-floor$(EXEEXT)
