### portfolio: batch runs over many enterprises, the portfolio workbook, streaming scores
libassess_la_SOURCES += \
	portfolio/stream.c portfolio/stream.h \
	portfolio/tally.c portfolio/tally.h \
	portfolio/portfolio-book.c portfolio/portfolio-book-summary.c portfolio/portfolio-book.h \
	portfolio/portfolio-book_internal.h \
	portfolio/inputs.c portfolio/inputs.h \
	portfolio/pool.c portfolio/pool.h portfolio/pool_internal.h \
	portfolio/batch.c portfolio/progress.c portfolio/batch.h

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_portfolio
tests_unit_check_portfolio_SOURCES = tests/unit/main_portfolio.c $(UNIT_HELPERS) tests/unit/test_portfolio.c
tests_unit_check_portfolio_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_portfolio_LDADD = $(UNIT_LDADD)
endif

# The real binary over generated inputs; workbooks read back with openpyxl.
TESTS += tests/batch.sh
EXTRA_DIST += tests/batch.sh tests/batch_check.py

### bench: `make bench-portfolio` (never part of make check); see bench/portfolio/README.md
EXTRA_PROGRAMS += bench/portfolio/cjson-floor
bench_portfolio_cjson_floor_SOURCES = bench/portfolio/cjson-floor.c
bench_portfolio_cjson_floor_LDADD = $(CJSON_LIBS)
.PHONY: bench-portfolio
bench: bench-portfolio
bench-portfolio: assess/assess$(EXEEXT) bench/portfolio/cjson-floor$(EXEEXT)
	/usr/bin/python3 $(srcdir)/bench/portfolio/run.py --build '$(abs_top_builddir)' \
		--out '$(abs_top_builddir)/bench-portfolio/results.md' $(BENCH_PORTFOLIO_FLAGS)

### bench: `make bench-dask` (never part of make check): the distributed run, 1 and 2 workers
.PHONY: bench-dask
bench: bench-dask
bench-dask: assess/assess$(EXEEXT)
	/usr/bin/python3 $(srcdir)/bench/dask/run.py --build '$(abs_top_builddir)' $(BENCH_DASK_FLAGS)
