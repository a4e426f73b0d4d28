### form: the self-assessment workbook (assess form, assess import)
libassess_la_SOURCES += form/form.h form/layout.h form/layout.c form/write.c form/import.c
