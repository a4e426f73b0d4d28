#!/bin/sh
# The documentation's examples, run: every `assess ...` line of the README's "Using it" block and
# of the man page's EXAMPLES, in order, in a folder holding the files they name; each must exit 0
# and leave the files its -o and --reports-dir name. The README's sample output must match what
# the example enterprise really scores, line for line where it shows a line.
# Environment (set by make check): ASSESS, TESTS_SRCDIR, ASSESS_QUESTIONNAIRES, ASSESS_POLICIES,
# ASSESS_WRAPPER (valgrind, when configured so).
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
top=$(cd "$TESTS_SRCDIR/.." && pwd)

# `assess` on PATH, as a reader would type it, going through the wrapper when there is one.
mkdir "$work/bin"
printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${ASSESS_WRAPPER:-}" "$ASSESS" >"$work/bin/assess"
chmod +x "$work/bin/assess"
PATH=$work/bin:$PATH
export PATH

# A folder with what the examples name: the example enterprise, a folder and a stream of them.
workspace() {
	dir=$work/$1
	mkdir -p "$dir/examples" "$dir/answers"
	cp "$top"/examples/*.json "$dir/examples/"
	cp "$example" "$dir/answers/"
	tr -d '\n' <"$example" >"$dir/many.ndjson"
	echo >>"$dir/many.ndjson"
	cat "$dir/many.ndjson" "$dir/many.ndjson" >"$dir/many.tmp" && mv "$dir/many.tmp" "$dir/many.ndjson"
}

# The value after an option in a command line ("-o acme.xlsx" -> acme.xlsx).
option() {
	echo "$2" | sed -n "s/.*$1 \\([^ ]*\\).*/\\1/p"
}

# run_in WHERE CMD: one documented command line, in the workspace WHERE.
run_in() {
	where=$1
	cmd=$2
	dir=$work/$where
	stdin=/dev/null
	case $cmd in
	*" interview "* | "assess interview"*)
		# An interview starts a new file: answer it with the complete script of the cases.
		rm -f "$dir/$(option -o "$cmd")"
		stdin=$TESTS_SRCDIR/cases/interview-full/stdin ;;
	esac
	(cd "$dir" && sh -c "$cmd" <"$stdin" >"$dir/.out" 2>"$dir/.err")
	status=$?
	if [ "$status" != 0 ]; then
		echo "FAIL ($where) $cmd: exit status $status"
		sed 's/^/    /' "$dir/.err" | head -5
		fail=$((fail + 1))
		return
	fi
	for made in "$(option -o "$cmd")" "$(option --reports-dir "$cmd")"; do
		if [ -n "$made" ] && [ ! -s "$dir/$made" ] && [ -z "$(ls -A "$dir/$made" 2>/dev/null)" ]; then
			echo "FAIL ($where) $cmd: left no $made"
			fail=$((fail + 1))
			return
		fi
	done
	ok
}

# Runs, in the workspace WHERE, each command of the file WHERE.cmds (one a line).
run_listed() {
	if [ ! -s "$work/$1.cmds" ]; then
		echo "FAIL: no commands found for $1"
		fail=$((fail + 1))
	fi
	while IFS= read -r cmd; do
		run_in "$1" "$cmd"
	done <"$work/$1.cmds"
}

# README: the indented lines that start with "assess" in the "Using it" section.
workspace readme
sed -n '/^## Using it/,/^## /p' "$top/README.md" | sed -n 's/^    \(assess .*\)$/\1/p' |
	sed 's/ *#.*$//' >"$work/readme.cmds"
run_listed readme

# Man page: the lines of EXAMPLES, with roff's \- for -.
workspace man
cp "$example" "$work/man/acme.json"
sed -n '/^\.SH EXAMPLES/,/^\.SH SEE/p' "$top/man/assess.1.in" | sed -n 's/^\(assess .*\)$/\1/p' |
	sed 's/\\-/-/g' >"$work/man.cmds"
run_listed man

# README: the sample output of the first command, against the real score of the example.
sed -n '/^The first command prints/,/^---/p' "$top/README.md" | sed -n 's/^    \(.*\)$/\1/p' |
	grep -v '^…$' >"$work/shown"
(cd "$work/readme" && assess score examples/quanzhou-sports-baseline.json) >"$work/real" 2>&1
missing=$(grep -vxFf "$work/real" "$work/shown")
if [ ! -s "$work/shown" ] || [ -n "$missing" ]; then
	echo "FAIL: README's sample output shows lines the example does not print:"
	echo "$missing" | sed 's/^/    /'
	fail=$((fail + 1))
else
	ok
fi

passed
