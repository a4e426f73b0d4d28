#!/bin/sh
# Runs every end-to-end case in tests/cases/ through the real binary (see tests/cases/README.md).
# Environment (set by make check): ASSESS, TESTS_SRCDIR, ASSESS_QUESTIONNAIRES, ASSESS_POLICIES,
# and ASSESS_WRAPPER (valgrind) when configured with --enable-valgrind.
# Usage: tests/cases.sh [CASE-NAME...]
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
export TESTS_SRCDIR PYTHON3
cases_dir=$TESTS_SRCDIR/cases

run_case() {
	name=$1
	src=$cases_dir/$name
	dir=$work/$name
	cp -R "$src" "$dir"
	want_status=0
	[ -f "$src/status" ] && want_status=$(cat "$src/status")
	args=$(cat "$src/cmd")
	# The wrapper (valgrind) is word-split on purpose; the case's own words are shell words.
	(cd "$dir" && eval "exec ${ASSESS_WRAPPER:-} \"\$ASSESS\" $args" \
		<"${stdin_file:-/dev/null}" >"$dir/.out" 2>"$dir/.err")
	got_status=$?
	good=1
	if [ "$got_status" != "$want_status" ]; then
		echo "FAIL $name: exit status $got_status, expected $want_status"
		good=0
	fi
	for stream in stdout stderr; do
		got=$dir/.out
		[ $stream = stderr ] && got=$dir/.err
		if [ -f "$src/$stream" ] && ! diff -u "$src/$stream" "$got" >"$dir/.diff"; then
			echo "FAIL $name: $stream differs:"
			sed 's/^/    /' "$dir/.diff"
			good=0
		fi
	done
	if [ -x "$src/check" ] && ! (cd "$dir" && ./check) >"$dir/.check" 2>&1; then
		echo "FAIL $name: check script:"
		sed 's/^/    /' "$dir/.check"
		good=0
	fi
	if [ $good = 1 ]; then
		ok
	else
		fail=$((fail + 1))
	fi
}

if [ $# -gt 0 ]; then
	names="$*"
else
	names=$(ls "$cases_dir" | grep -v '\.md$')
fi
for name in $names; do
	stdin_file=
	[ -f "$cases_dir/$name/stdin" ] && stdin_file=$cases_dir/$name/stdin
	run_case "$name"
done
passed
