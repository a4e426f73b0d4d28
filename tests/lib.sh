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
