# shellcheck shell=sh
# What the end-to-end shell tests share; each sources it once it knows its own folder:
#	: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
#	. "$TESTS_SRCDIR/lib.sh"
# ASSESS must name the binary; PYTHON3 defaults to Debian's. $example is the bundled example
# enterprise and $work a scratch folder of the test's own (assess-NAME.XXXXXX, NAME the
# script's), removed when the test ends.
: "${ASSESS:?ASSESS must name the assess binary}"
: "${PYTHON3:=/usr/bin/python3}"
# shellcheck disable=SC2034 # used by the scripts that source this file
example=$TESTS_SRCDIR/../examples/quanzhou-sports-baseline.json
work=$(mktemp -d "${TMPDIR:-/tmp}/assess-$(basename "$0" .sh).XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
pass=0
fail=0

# Counted checks: ok counts one passed, bad WHAT one failed (FAIL: WHAT); passed, last, prints
# "NAME: P passed, F failed" and is the test's exit status.
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
passed() {
	echo "$(basename "$0" .sh): $pass passed, $fail failed"
	[ "$fail" = 0 ]
}

# utf8_parts FILE.xlsx: every XML part of the workbook is UTF-8 (Excel refuses one that is not).
utf8_parts() {
	"$PYTHON3" -c '
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    if name.endswith(".xml"):
        z.read(name).decode("utf-8")
' "$1"
}

# The commands `assess --help` lists, one a line.
commands() {
	"$ASSESS" --help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'
}

# usage NAME: the usage of command NAME as `assess help NAME` prints it, on one line: "NAME ARGS".
usage() {
	"$ASSESS" help "$1" 2>/dev/null | sed -n '1,/^$/p' | tr '\n' ' ' |
		sed 's/^usage: [^ ]* //; s/  */ /g; s/ $//'
}

# long_name IN.json OUT.json: IN with a long Chinese enterprise name, which the workbooks cut
# to fit their titles (inside a character, were the cut made by bytes).
long_name() {
	"$PYTHON3" -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["enterprise"]["name"] = "ab" + "数" * 400
json.dump(a, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
' "$1" "$2"
}

# run STATUS WHAT COMMAND...: runs COMMAND with its output in $work/stdout and $work/err. Unless
# it exits STATUS: FAIL WHAT with the first lines of its standard error, fail=1, and returns 1.
# The command goes through $run_wrapper where the script sets one (batch.sh: valgrind's).
run() {
	want=$1 what=$2
	shift 2
	# The wrapper is word-split on purpose.
	# shellcheck disable=SC2086
	${run_wrapper:-} "$@" >"$work/stdout" 2>"$work/err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL $what: exit status $got, expected $want"
		sed 's/^/    /' "$work/err" | head -20
		fail=1
		return 1
	fi
	return 0
}
