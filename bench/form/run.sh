#!/bin/sh
# Benchmarks `assess import` of a filled self-assessment form, end to end: one process per
# form (start-up, loading the instrument and hashing its file, unzipping and reading the
# workbook, checking every cell, writing the answer file atomically). Target: under 20 ms.
# Writing the form itself (blank, and pre-filled with --from) is timed beside it.
# The form is filled by openpyxl and re-saved by LibreOffice when it is there, so the reader
# sees shared strings and the parts another program writes, not only libxlsxwriter's.
# usage: run.sh BUILDDIR SRCDIR   (make bench-form passes both)
# Environment: RUNS (hyperfine runs, 50), DIR (where files go, /dev/shm).
set -eu
. "$(dirname "$0")/../common.sh" "$@"
runs=${RUNS:-50}
example=$src/examples/quanzhou-sports-baseline.json
bench_work form

"$assess" form -o "$work/blank.xlsx" >/dev/null
/usr/bin/python3 "$src/tests/form_fill.py" "$work/blank.xlsx" "$example" "$work/filled.xlsx"
form=$work/filled.xlsx
if command -v soffice >/dev/null 2>&1 &&
   HOME=$work soffice --headless --norestore --convert-to xlsx --outdir "$work/lo" "$form" \
	>/dev/null 2>&1; then
	form=$work/lo/filled.xlsx
fi
echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg); form $(wc -c <"$form") bytes ($(basename "$(dirname "$form")"))"
hyperfine -N -w 5 -r "$runs" --export-json "$work/e2e.json" \
	-n 'assess import' "$assess import --force $form -o $work/out.json" \
	-n 'assess form (blank)' "$assess form --force -o $work/blank-again.xlsx" \
	-n 'assess form --from (pre-filled)' "$assess form --force --from $example -o $work/pre.xlsx" \
	-n 'assess score (the answer file, for scale)' "$assess score $example" >/dev/null
/usr/bin/python3 - "$work/e2e.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("  %-45s median %6.1f ms  (min %.1f, max %.1f, %d runs)" % (
        r["command"], r["median"] * 1000, r["min"] * 1000, r["max"] * 1000, len(r["times"])))
PY
