#!/bin/sh
# Benchmarks `assess compare` per pair of answer files, end to end: one process per pair
# (start-up, loading the instrument, both answer files, scoring both, the comparison, and the
# output: text, JSON, the policy verdict, or the acceptance workbook written atomically).
# The pair is the bundled example's baseline and post-transformation assessments.
# usage: run.sh BUILDDIR SRCDIR   (make bench-compare passes both)
# Environment: RUNS (hyperfine runs, 50), DIR (where files go, /dev/shm).
set -eu
. "$(dirname "$0")/../common.sh" "$@"
runs=${RUNS:-50}
export ASSESS_POLICIES="$src/policies"
before=$src/examples/quanzhou-sports-baseline.json
after=$src/examples/quanzhou-sports-post.json
bench_work compare

echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N -w 5 -r "$runs" --export-json "$work/e2e.json" \
	-n 'assess compare (text)' "$assess compare $before $after" \
	-n 'assess compare --json' "$assess compare --json $before $after" \
	-n 'assess compare --policy quanzhou' "$assess compare --policy quanzhou $before $after" \
	-n 'assess compare -o (acceptance workbook)' \
	"$assess compare --policy quanzhou --force -o $work/book.xlsx $before $after" \
	-n 'assess score (one file, for scale)' "$assess score $before" >/dev/null
/usr/bin/python3 - "$work/e2e.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("  %-45s median %6.1f ms  (min %.1f, max %.1f, %d runs)" % (
        r["command"], r["median"] * 1000, r["min"] * 1000, r["max"] * 1000, len(r["times"])))
PY
