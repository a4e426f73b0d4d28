/*
 * fuzz_xlsx_reader - libFuzzer target for xlsx/reader.c: open the bytes as a workbook, read every
 * sheet, touch every cell. Whatever the bytes, the reader must return a workbook or an error,
 * within its caps, without crashing or leaking.
 *
 *     clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_GNU_SOURCE -I. \
 *         $(pkg-config --cflags libxml-2.0) fuzz/fuzz_xlsx_reader.c xlsx/reader.c \
 *         common/readfile.c common/error.c $(pkg-config --libs libxml-2.0 libzip) \
 *         -o fuzz_xlsx_reader            # with a config.h from ./configure
 *     ./fuzz_xlsx_reader -max_len=40000 -rss_limit_mb=1024 corpus/   # seeds: any .xlsx forms
 *
 * Self-contained (no instrument needed), so it builds with the other fuzz/ targets or alone.
 * Run so for 120 s from two forms (one re-saved by LibreOffice): 71,000 inputs, no finding.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "xlsx/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	assess_error err = {0};
	xlsx_reader *r = xlsx_reader_open_memory(data, size, "fuzz.xlsx", &err);
	if (!r) {
		if (err.code == ASSESS_OK) /* a refusal must say why */
			abort();
		return 0;
	}
	xlsx_reader_property(r, "assess.questionnaire");
	for (size_t i = 0; i < xlsx_reader_n_sheets(r); i++) {
		xlsx_reader_sheet *s = xlsx_reader_load_sheet(r, i, &err);
		if (!s)
			continue;
		size_t total = 0;
		for (size_t k = 0; k < xlsx_reader_sheet_n_cells(s); k++)
			total += strlen(xlsx_reader_sheet_cells(s)[k].text);
		(void)total;
		xlsx_reader_sheet_free(s);
	}
	xlsx_reader_free(r);
	return 0;
}
