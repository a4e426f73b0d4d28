/*
 * fuzz_xlsx_reader - libFuzzer target for xlsx/reader.c: open the bytes as a workbook, read every
 * sheet, touch every cell. Whatever the bytes, the reader must return a workbook or an error,
 * within its caps, without crashing or leaking.
 *
 *     clang -g -fsanitize=fuzzer,address -I. -I.. fuzz/fuzz_xlsx_reader.c .libs/libassess.a \
 *         $(pkg-config --libs libxml-2.0 libzip libcjson xlsxwriter) -o fuzz_xlsx_reader
 *     ./fuzz_xlsx_reader -max_len=200000 corpus/   # seed corpus: any .xlsx files
 *
 * (Not built by make: the project's fuzz/ folder and its build rules come with the input
 * module's targets; this one follows the libFuzzer convention so it fits them.)
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "xlsx/reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	assess_error err = {0};
	xlsx_reader *r = xlsx_reader_open_memory(data, size, "fuzz.xlsx", &err);
	if (!r)
		return 0;
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
