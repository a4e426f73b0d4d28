/*
 * reader.h - read the cells of an .xlsx workbook someone else saved (Excel, WPS, LibreOffice).
 *
 * The file is untrusted: it is read with libzip and libxml2's streaming reader (never a tree of
 * the whole part), and refused (ASSESS_ERR_DATA) when it is not a zip, when an entry is not one
 * of a workbook's parts, when it would unpack to more than the caps below (a zip bomb), when a
 * shared-string table or a sheet is too large, or when a part declares a document type (no
 * entities are ever expanded, nothing is fetched from the network). Memory and time are bounded
 * by the caps, whatever the file claims about itself.
 *
 *     xlsx_reader *r = xlsx_reader_open("form.xlsx", &err);
 *     long i = xlsx_reader_find_sheet(r, "概况");
 *     xlsx_reader_sheet *s = xlsx_reader_load_sheet(r, (size_t)i, &err);
 *     const xlsx_reader_cell *c = xlsx_reader_cell_at(s, 2, 1);   // B3, 0-based row and column
 *     xlsx_reader_sheet_free(s);
 *     xlsx_reader_free(r);
 *
 * Values are kept as the text the file stores: numbers stay exact ("3", "0.125"), never a
 * double. Errors name the file and, where there is one, the cell: "form.xlsx: 概况!B3: reason"
 * (assess_error.path holds "SHEET!CELL").
 *
 * Ownership: the reader owns its sheet names, properties and shared strings; a sheet returned
 * by xlsx_reader_load_sheet() is the caller's, to free with xlsx_reader_sheet_free() before the
 * reader. Cell texts belong to the sheet (or to the reader, for shared strings).
 */
#ifndef ASSESS_XLSX_READER_H
#define ASSESS_XLSX_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "common/error.h"

/* Caps on what a workbook may unpack to; a file over any of them is refused. */
#define XLSX_READER_MAX_FILE (32u << 20)   /* bytes of the .xlsx itself */
#define XLSX_READER_MAX_PART (64u << 20)   /* bytes of one part, unpacked */
#define XLSX_READER_MAX_TOTAL (128u << 20) /* bytes of all the parts read, unpacked */
#define XLSX_READER_MAX_RATIO 200u         /* unpacked/packed, for parts over 1 MiB */
#define XLSX_READER_MAX_ENTRIES 4096u      /* entries in the zip */
#define XLSX_READER_MAX_STRINGS 1000000u   /* shared strings */
#define XLSX_READER_MAX_CELLS 2000000u     /* cells in one sheet */
#define XLSX_READER_MAX_SHEETS 256u

typedef enum {
	XLSX_READER_CELL_EMPTY = 0, /* no value (absent, or only a style) */
	XLSX_READER_CELL_STRING,    /* shared, inline or formula string */
	XLSX_READER_CELL_NUMBER,    /* text is the number as stored: "3", "45678", "0.5" */
	XLSX_READER_CELL_BOOL,      /* text is "0" or "1" */
	XLSX_READER_CELL_ERROR      /* text is the error: "#N/A" */
} xlsx_reader_cell_type;

typedef struct xlsx_reader_cell {
	uint32_t row, col; /* 0-based */
	xlsx_reader_cell_type type;
	bool formula;     /* the value is a formula's cached result */
	const char *text; /* never NULL; "" for an empty cell */
} xlsx_reader_cell;

typedef struct xlsx_reader xlsx_reader;
typedef struct xlsx_reader_sheet xlsx_reader_sheet;

xlsx_reader *xlsx_reader_open(const char *path, assess_error *err);
/* name is what errors call the input; data is copied. */
xlsx_reader *xlsx_reader_open_memory(const void *data, size_t len, const char *name,
				     assess_error *err);
void xlsx_reader_free(xlsx_reader *r);

size_t xlsx_reader_n_sheets(const xlsx_reader *r);
const char *xlsx_reader_sheet_name(const xlsx_reader *r, size_t i);
bool xlsx_reader_sheet_hidden(const xlsx_reader *r, size_t i);
/* Index of the sheet so named, or -1. */
long xlsx_reader_find_sheet(const xlsx_reader *r, const char *name);
/* True when the workbook counts days from 1904 (<workbookPr date1904="1"/>, old Mac Excel). */
bool xlsx_reader_date1904(const xlsx_reader *r);
/* A custom document property (docProps/custom.xml) as text, or NULL when absent. */
const char *xlsx_reader_property(const xlsx_reader *r, const char *name);

/* Reads sheet i's cells. NULL with err filled when the part is hostile or broken. */
xlsx_reader_sheet *xlsx_reader_load_sheet(xlsx_reader *r, size_t i, assess_error *err);
/* The same, reading only rows 0..n_rows-1 (sheets store rows in order; the rest is not parsed). */
xlsx_reader_sheet *xlsx_reader_load_rows(xlsx_reader *r, size_t i, uint32_t n_rows,
					 assess_error *err);
void xlsx_reader_sheet_free(xlsx_reader_sheet *s);
const char *xlsx_reader_sheet_title(const xlsx_reader_sheet *s);
/* The cell at row, col (0-based), or NULL when the file has none there. */
const xlsx_reader_cell *xlsx_reader_cell_at(const xlsx_reader_sheet *s, uint32_t row, uint32_t col);
/* The cells in row-major order, for loops. */
size_t xlsx_reader_sheet_n_cells(const xlsx_reader_sheet *s);
const xlsx_reader_cell *xlsx_reader_sheet_cells(const xlsx_reader_sheet *s);

/* "B3" for row 2, col 1, into buf (at least 16 bytes). */
const char *xlsx_reader_ref(uint32_t row, uint32_t col, char *buf, size_t size);
/* Parses "B3" (or "$B$3") into 0-based row and col; false when it is not a cell reference. */
bool xlsx_reader_parse_ref(const char *ref, uint32_t *row, uint32_t *col);

/* Fills err as "file: SHEET!CELL: message" (code DATA) and returns the code. */
assess_code xlsx_reader_fail(assess_error *err, const char *file, const char *sheet, uint32_t row,
			     uint32_t col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

#endif
