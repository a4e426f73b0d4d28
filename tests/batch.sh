#!/bin/sh
# assess batch and assess score --ndjson end to end: the real binary over generated inputs, the
# workbooks read back with openpyxl, every expected value worked out by hand (tests/batch_check.py).
# Environment (set by make check): ASSESS, TESTS_SRCDIR, PYTHON3, ASSESS_QUESTIONNAIRES,
# ASSESS_POLICIES; ASSESS_WRAPPER (valgrind) when configured with --enable-valgrind.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
check=$TESTS_SRCDIR/batch_check.py

# What run checks goes through the wrapper (valgrind) when there is one.
run_wrapper=${ASSESS_WRAPPER:-}

verify() { # description step
	if ! "$PYTHON3" "$check" "$2" "$work" >"$work/check" 2>&1; then
		echo "FAIL $1:"
		sed 's/^/    /' "$work/check" | tail -20
		fail=1
	fi
}

export SOURCE_DATE_EPOCH=1782777600
"$PYTHON3" "$check" make "$work" || exit 1
cd "$work" || exit 1

# A pilot: a folder of answer files and NDJSON with bad inputs among them, a missing path,
# the Pingluo policy, targets, and a report per enterprise in two worker processes.
if run 65 "pilot batch" "$ASSESS" batch -o pilot.xlsx --policy pingluo --target-level2 95% \
	--target-level4 10 --reports-dir reports -j 2 in missing.json; then
	verify "pilot workbook" pilot
	# One line per problem on standard error, compiler style, then the count.
	grep -c '^assess: ' err | grep -qx 6 || { echo "FAIL pilot stderr:"; cat err; fail=1; }
	grep -q '^assess: in/post.ndjson:62:[0-9]*: \$\.answers\.Z9: ' err ||
		{ echo "FAIL pilot stderr lacks the NDJSON line's location"; cat err; fail=1; }
	for tmp in .pilot.xlsx.*; do
		[ -e "$tmp" ] && { echo "FAIL pilot left a temporary file: $tmp"; fail=1; }
	done
fi
# The pilot in English, the workbook in a folder of its own: its report links go ../en-reports/;
# and the baselines alone, where the share is of all assessments.
mkdir en
if run 65 "pilot batch in English" "$ASSESS" --lang en batch -q -o en/pilot.xlsx --policy pingluo \
	--reports-dir en-reports -j 2 in missing.json &&
	run 0 "baselines only" "$ASSESS" batch -q -o baseline.xlsx in/baseline; then
	verify "pilot workbook in English" pilot-en
fi
# Without --force the workbook and the reports are not replaced.
if run 73 "existing workbook" "$ASSESS" batch -o pilot.xlsx in/post.ndjson; then
	grep -qx 'assess: pilot.xlsx: file exists; give --force to replace it' err ||
		{ echo "FAIL existing workbook message:"; cat err; fail=1; }
fi

# Subsidies over the budget, from standard input.
run 0 "over budget" "$ASSESS" batch -q -o over.xlsx --policy pingluo - <over.ndjson &&
	verify "over-budget workbook" over

# English, a hostile name: the report is named from the credit code only.
if run 0 "english" "$ASSESS" --lang en batch -o english.xlsx --reports-dir evil-reports evil.json; then
	verify "english workbook" english
	[ "$(ls evil-reports)" = "$("$PYTHON3" -c "import sys; sys.path.insert(0, '$TESTS_SRCDIR'); import batch_check; print(batch_check.code(99) + '-post.xlsx')")" ] ||
		{ echo "FAIL report name: $(ls evil-reports)"; fail=1; }
	if [ -e /tmp/evil ] || [ -e /tmp/evil.xlsx ]; then
		echo "FAIL a file escaped the reports folder"
		fail=1
	fi
fi

# 10,000 answer objects through score --ndjson as a pipe: one line out per line in.
"$PYTHON3" "$check" pipe-input >pipe.ndjson
# shellcheck disable=SC2086
${ASSESS_WRAPPER:-} "$ASSESS" score --ndjson <pipe.ndjson | cat >pipe.out
status=$?
if ! "$PYTHON3" "$check" pipe-output pipe.out >check.log 2>&1; then
	echo "FAIL score --ndjson pipe:"
	tail -20 check.log
	fail=1
fi
# The status of the pipe is cat's; run it again for the tool's own (65: some lines failed).
run 65 "score --ndjson status" "$ASSESS" score --ndjson pipe.ndjson
: "$status"

[ $fail = 0 ] && echo "batch: all passed"
exit $fail
