#!/bin/sh
# Runs each benchmark program once on the smallest input (one workbook, one round), so that the
# programs keep building and running between timing runs; no time is read. The timing runs are
# `make bench` (bench/*/README.md).
set -eu
: "${ASSESS:?ASSESS must name the assess binary}"
: "${TESTS_SRCDIR:?TESTS_SRCDIR must name the tests folder}"
: "${PYTHON3:=/usr/bin/python3}"
build=$(cd "$(dirname "$ASSESS")/.." && pwd)
src=$(cd "$TESTS_SRCDIR/.." && pwd)
example="$src/examples/quanzhou-sports-baseline.json"
work=$(mktemp -d "${TMPDIR:-/tmp}/bench-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
# Through the wrapper (valgrind, when configured so), as the tests run assess.
run() { ${ASSESS_WRAPPER:-} "$@"; }

run "$build/bench/plan/bench-plan" -n 1 -r 1 "$example" >"$work/plan.out"
run "$build/bench/report/bench-report" -n 1 -r 1 -d "$work" -k "$work/sample.xlsx" "$example" \
	>"$work/report.out"
mkdir "$work/parts"
"$PYTHON3" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
	"$work/sample.xlsx" "$work/parts"
# shellcheck disable=SC2046
run "$build/bench/report/zlib-baseline" -n 1 -r 1 $(find "$work/parts" -type f | sort) \
	>"$work/zlib.out"
tr -d '\n' <"$example" >"$work/one.ndjson" && echo >>"$work/one.ndjson"
run "$build/bench/portfolio/cjson-floor" "$work/one.ndjson" >"$work/floor.out"
grep -q '^1 lines (0 not JSON)' "$work/floor.out"
for out in plan report zlib; do
	[ -s "$work/$out.out" ] || { echo "bench/smoke.sh: $out printed nothing" >&2; exit 1; }
done
echo "bench-plan, bench-report, zlib-baseline and cjson-floor ran once each"
