# bench/common.sh - what the benchmark scripts share, sourced by bench/*/run.sh.
# Sets build and src from the two arguments every run.sh takes (make bench-NAME passes them),
# dir (where outputs go: $DIR, else /dev/shm, else $TMPDIR or /tmp), assess (the binary), the
# instrument folder, and bench_work NAME, which makes a work folder that is removed on exit.
# usage: . "$(dirname "$0")/../common.sh" "$@"
build=$1
src=$2
dir=${DIR:-/dev/shm}
[ -d "$dir" ] || dir=${TMPDIR:-/tmp}
assess=$build/assess/assess
export ASSESS_QUESTIONNAIRES="$src/questionnaires"

# bench_work NAME [FOLDER]: sets work to a new folder in FOLDER (default $dir), gone at exit.
bench_work() {
	work=$(mktemp -d "${2:-$dir}/bench-$1.XXXXXX")
	trap 'rm -rf "$work"' EXIT INT TERM
}

# bench_need PROGRAM...: stops when a program is not built (make bench-NAME builds what its
# run.sh needs; a run.sh started by hand may find one missing), rather than going on without it.
bench_need() {
	for p in "$@"; do
		[ -x "$p" ] || { echo "$0: $p is not built (make bench builds it)" >&2; exit 1; }
	done
}
