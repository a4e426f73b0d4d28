#!/bin/sh
# assess interview at a pseudo-terminal and on pipes, killed with SIGKILL and resumed
# (tests/interview_drive.py). The scripted cases are tests/cases/interview-*.
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
: "${ASSESS:?ASSESS must name the assess binary}"
export TESTS_SRCDIR
exec "${PYTHON3:-/usr/bin/python3}" "$TESTS_SRCDIR/interview_drive.py"
