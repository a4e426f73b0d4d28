### form: the self-assessment workbook (assess form, assess import)
libassess_la_SOURCES += form/form.h form/form-layout.h form/form-layout.c form/write.c \
	form/import.c

# A blank form filled with openpyxl and re-saved by LibreOffice, imported and scored; refusals.
TESTS += tests/form.sh
EXTRA_DIST += tests/form.sh tests/form_fill.py

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_form
tests_unit_check_form_SOURCES = tests/unit/main_form.c $(UNIT_HELPERS) tests/unit/test_form.c
tests_unit_check_form_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_form_LDADD = $(UNIT_LDADD)
endif

### bench: `make bench-form` (never part of make check); see bench/form/README.md
EXTRA_DIST += bench/form/README.md bench/form/run.sh
.PHONY: bench-form
bench: bench-form
bench-form: assess/assess$(EXEEXT)
	$(SHELL) $(srcdir)/bench/form/run.sh '$(abs_top_builddir)' '$(abs_top_srcdir)'
