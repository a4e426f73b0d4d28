#!/bin/sh
# Runs the report-writing benchmark: report_write() in C, the zlib-only floor over the same
# workbook bytes, and the Python XlsxWriter peer writing the same workbook.
# usage: run.sh BUILDDIR SRCDIR   (make bench-report passes both)
# Environment: N (workbooks per round, 50), ROUNDS (7), DIR (where workbooks go, /dev/shm).
set -eu
. "$(dirname "$0")/../common.sh" "$@"
bench_need "$build/bench/report/bench-report" "$build/bench/report/zlib-baseline"
n=${N:-50}
rounds=${ROUNDS:-7}
example="$src/examples/quanzhou-sports-baseline.json"
bench_work report "${TMPDIR:-/tmp}"

"$build/bench/report/bench-report" -n 1 -r 1 -d "$dir" -k "$work/sample.xlsx" "$example" >/dev/null
mkdir "$work/parts"
/usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
	"$work/sample.xlsx" "$work/parts"
parts=$(find "$work/parts" -type f | sort)

echo "machine: $(nproc) cores, $(uname -sr); workbook $(wc -c <"$work/sample.xlsx") bytes"
# Paired runs, A B C A B C, so that background load hits all three alike.
for pass in 1 2 3; do
	echo "pass $pass:"
	"$build/bench/report/bench-report" -n "$n" -r "$rounds" -d "$dir" "$example" | sed 's/^/  /'
	"$build/bench/report/bench-report" -e -n "$n" -r "$rounds" -d "$dir" "$example" | sed 's/^/  /'
	# shellcheck disable=SC2086
	"$build/bench/report/zlib-baseline" -n "$n" -r "$rounds" $parts | sed 's/^/  /'
	/usr/bin/python3 "$src/bench/report/peer.py" -n "$n" -r "$rounds" -d "$dir" \
		"$work/sample.xlsx" | sed 's/^/  /'
done

# End to end: a whole process per workbook. `assess report` (start-up, loading the
# questionnaire, reading and scoring the answers, the report) against one-shot Python scripts
# that only write the same workbook (bench/report/oneshot.py), with XlsxWriter and openpyxl.
/usr/bin/python3 "$src/bench/report/oneshot.py" describe "$work/sample.xlsx" "$work/desc.pickle"
echo "end to end, one process per workbook (hyperfine, median of ${E2E_RUNS:-30} runs):"
hyperfine -N -w 3 -r "${E2E_RUNS:-30}" --export-json "$work/e2e.json" \
	-n 'assess report' "$build/assess/assess report --force $example -o $dir/e2e-c.xlsx" \
	-n 'python3 + XlsxWriter' \
	"/usr/bin/python3 $src/bench/report/oneshot.py xlsxwriter $work/desc.pickle $dir/e2e-x.xlsx" \
	-n 'python3 + openpyxl' \
	"/usr/bin/python3 $src/bench/report/oneshot.py openpyxl $work/desc.pickle $dir/e2e-o.xlsx" \
	>/dev/null
/usr/bin/python3 - "$work/e2e.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["results"]
first = rows[0]["median"]
for r in rows:
    print("  %-22s median %6.1f ms  (min %.1f, max %.1f)  %5.1fx the first" % (
        r["command"], r["median"] * 1000, r["min"] * 1000, r["max"] * 1000, r["median"] / first))
PY
rm -f "$dir"/e2e-*.xlsx
