#!/bin/sh
# The distributed run on a real Dask cluster on 127.0.0.1 (tests/dask_check.py says what it
# checks). Bounded: the whole test stops after 10 minutes whatever happens. Skipped (77) without
# Dask, and under valgrind, whose wrapper the workers' assess does not go through.
# Environment (set by make check): ASSESS, TESTS_SRCDIR, ASSESS_QUESTIONNAIRES, PYTHON3.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
[ -z "${ASSESS_WRAPPER:-}" ] || { echo "SKIP: under valgrind"; exit 77; }
exec timeout -k 10 600 "${PYTHON3:-/usr/bin/python3}" "$TESTS_SRCDIR/dask_check.py"
