### form: the self-assessment workbook (assess form, assess import)
libassess_la_SOURCES += form/form.h form/layout.h form/layout.c form/write.c form/import.c

# A blank form filled with openpyxl and re-saved by LibreOffice, imported and scored; refusals.
TESTS += tests/form.sh
EXTRA_DIST += tests/form.sh tests/form_fill.py
