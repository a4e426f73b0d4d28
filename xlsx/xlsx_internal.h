/* xlsx_internal.h - what the files of xlsx/ share; not part of the layer's interface. */
#ifndef ASSESS_XLSX_INTERNAL_H
#define ASSESS_XLSX_INTERNAL_H

#include "xlsx/xlsx.h"

/* The mark that ends a text cut to XLSX_CELL_MAX: the options' or the language's. */
const char *xlsx_cut_mark(const xlsx_book *b);
/* The workbook's language (xlsx_options.lang). */
qn_lang xlsx_lang(const xlsx_book *b);

#endif
