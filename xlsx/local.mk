### xlsx: reading workbooks others saved (libzip + libxml2's streaming reader)
libassess_la_SOURCES += xlsx/reader.c xlsx/reader.h

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_xlsx_reader
tests_unit_check_xlsx_reader_SOURCES = tests/unit/main_xlsx_reader.c $(UNIT_HELPERS) \
	tests/unit/test_xlsx_reader.c
tests_unit_check_xlsx_reader_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_xlsx_reader_LDADD = $(UNIT_LDADD)
endif

### xlsx: the one spreadsheet layer (workbook lifecycle with verification, cells, widths)
libassess_la_SOURCES += \
	xlsx/xlsx.h xlsx/xlsx_internal.h xlsx/book.c xlsx/verify.c xlsx/cells.c \
	xlsx/layout.h xlsx/layout.c

if HAVE_CHECK
check_PROGRAMS += tests/unit/check_xlsx
tests_unit_check_xlsx_SOURCES = tests/unit/main_xlsx.c $(UNIT_HELPERS) tests/unit/test_xlsx.c
tests_unit_check_xlsx_CFLAGS = $(UNIT_CFLAGS)
tests_unit_check_xlsx_LDADD = $(UNIT_LDADD)
endif

# A full scratch folder and a full output folder, for real (tmpfs; skipped unless root).
TESTS += tests/xlsx-full.sh
EXTRA_DIST += tests/xlsx-full.sh
