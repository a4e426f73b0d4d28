### compare: two assessments of one enterprise side by side (progress, verification)
libassess_la_SOURCES += \
	compare/compare.c compare/compare.h compare/compare_internal.h \
	compare/compare-record.c compare/whatif.c compare/json.c compare/print.c \
	compare/verdict.c compare/verdict.h compare/compare-book.c compare/compare-book.h

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_compare
tests_unit_check_compare_SOURCES = tests/unit/main_compare.c $(UNIT_HELPERS) \
	tests/unit/test_compare.c
tests_unit_check_compare_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_compare_LDADD = $(UNIT_LDADD)
endif

# The acceptance workbook read back by openpyxl and opened by LibreOffice.
TESTS += tests/compare-book.sh
EXTRA_DIST += tests/compare-book.sh tests/compare_book_check.py

### bench: `make bench-compare` (never part of make check): one pair per process, end to end
EXTRA_DIST += bench/compare/README.md bench/compare/run.sh
.PHONY: bench-compare
bench: bench-compare
bench-compare: assess/assess$(EXEEXT)
	$(SHELL) $(srcdir)/bench/compare/run.sh '$(abs_top_builddir)' '$(abs_top_srcdir)'
