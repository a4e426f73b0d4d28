#!/bin/sh
# Times what the plans add to `assess score --json`: in process (bench-plan) and against a
# whole run of the binary (process start and loading the instrument included).
# usage: run.sh BUILDDIR SRCDIR   (make bench-plan passes both). Environment: RUNS (200).
set -eu
build=$1
src=$2
runs=${RUNS:-200}
export ASSESS_QUESTIONNAIRES="$src/questionnaires"
files="$src/examples/quanzhou-sports-baseline.json $src/bench/plan/far.json"
echo "machine: $(nproc) cores, $(uname -sr)"
# shellcheck disable=SC2086
"$build/bench/plan/bench-plan" $files
for f in $files; do
	start=$(date +%s.%N)
	i=0
	while [ $i -lt "$runs" ]; do
		"$build/assess/assess" score --json "$f" >/dev/null
		i=$((i + 1))
	done
	end=$(date +%s.%N)
	echo "$f: assess score --json, whole run: $(echo "($end - $start) * 1000000 / $runs" | bc) us"
done
