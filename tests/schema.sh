#!/bin/sh
# docs/answer-file.schema.json against the loader (tests/schema_check.py): every answer file of
# examples/ and tests/cases/ that assess accepts is valid under the schema, and bad files of
# every record member's wrong type or unknown key are refused by both.
# Needs Debian's python3-jsonschema (scripts/install-deps.sh, test-only); skipped without it.
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
: "${ASSESS:?ASSESS must name the assess binary}"
: "${PYTHON3:=/usr/bin/python3}"
"$PYTHON3" -c 'import jsonschema' 2>/dev/null || { echo "SKIP: no python3-jsonschema"; exit 77; }
export TESTS_SRCDIR
exec "$PYTHON3" "$TESTS_SRCDIR/schema_check.py"
