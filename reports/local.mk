### reports: the Excel diagnostic report (libxlsxwriter)
libassess_la_SOURCES += \
	reports/report.c reports/report.h reports/report_internal.h reports/report-sheets.c \
	reports/sheet-overview.c reports/sheet-indicators.c reports/sheet-scenarios.c \
	reports/sheet-gaps.c reports/sheet-method.c reports/sheet-subsidy.c \
	reports/sheet-record.c reports/sheet-evidence.c reports/sheet-changes.c

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_report
tests_unit_check_report_SOURCES = tests/unit/main_report.c $(UNIT_HELPERS) tests/unit/test_report.c
tests_unit_check_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_report_LDADD = $(UNIT_LDADD)
endif

# Reads the workbook back with openpyxl, converts it with LibreOffice.
TESTS += tests/report.sh tests/report-pdf.sh
EXTRA_DIST += tests/report.sh tests/report-pdf.sh tests/report_check.py tests/report_radar.py \
	tests/record_check.py tests/sheetcheck.py tests/record/draft.json tests/record/final.json \
	tests/record/evidence/net-topology.txt tests/record/evidence/equipment.txt \
	tests/record/evidence/erp-crm.txt

### bench: `make bench-report` (never part of make check); see bench/report/README.md
EXTRA_PROGRAMS += bench/report/bench-report bench/report/zlib-baseline
bench_report_bench_report_SOURCES = bench/report/bench-report.c bench/common.h
bench_report_bench_report_LDADD = libassess.la $(LIBS_ALL)
bench_report_zlib_baseline_SOURCES = bench/report/zlib-baseline.c bench/common.h
bench_report_zlib_baseline_LDADD = -lz

.PHONY: bench bench-report
bench: bench-report
bench-report: bench/report/bench-report$(EXEEXT) bench/report/zlib-baseline$(EXEEXT)
	$(SHELL) $(srcdir)/bench/report/run.sh '$(abs_top_builddir)' '$(abs_top_srcdir)'
