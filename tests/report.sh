#!/bin/sh
# End-to-end checks of `assess report`: the workbook read back with openpyxl against figures
# computed by hand (tests/report_check.py, and tests/record_check.py for the assessment's
# record), reproducible bytes, no partial or replaced files.
# Environment (set by make check): ASSESS, TESTS_SRCDIR, PYTHON3, ASSESS_QUESTIONNAIRES.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"

# expect STATUS CMD...: runs the command and checks its exit status
expect() {
	want=$1; shift
	${ASSESS_WRAPPER:-} "$ASSESS" "$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" = "$want" ]; then ok; else bad "$* exited $got, expected $want: $(cat "$work/err")"; fi
}
# leftovers DIR: no temporary .*.xlsx.* file may remain
leftovers() {
	if ls -A "$1" | grep -q '^\..*\.xlsx\.'; then bad "temporary file left in $1"; else ok; fi
}

if ! "$PYTHON3" -c 'import openpyxl' 2>/dev/null; then
	echo "report.sh: $PYTHON3 has no openpyxl (apt-get install python3-openpyxl)"
	exit 77
fi

# The workbook, in both languages, read back cell by cell.
for lang in zh en; do
	expect 0 report --lang "$lang" "$example" -o "$work/$lang.xlsx"
	if "$PYTHON3" "$TESTS_SRCDIR/report_check.py" "$work/$lang.xlsx" "$lang" "$example"; then
		ok
	else
		bad "report_check.py $lang"
	fi
done

# The radar chart as large in English as in Chinese (tests/report_radar.py).
if "$PYTHON3" "$TESTS_SRCDIR/report_radar.py" "$work/zh.xlsx" "$work/en.xlsx"; then
	ok
else
	bad "report_radar.py"
fi

# With --policy, a sixth sheet: what the Quanzhou policy pays the baseline example now (18,000
# yuan, by hand: (二) 30% of 60,000; (一)'s 200,000 waits for the post-transformation assessment).
expect 0 report --policy quanzhou "$example" -o "$work/subsidy.xlsx"
if "$PYTHON3" "$TESTS_SRCDIR/report_check.py" "$work/subsidy.xlsx" zh "$example" 18000; then
	ok
else
	bad "report_check.py with the subsidy sheet"
fi
# The same in English: the clauses numbered "Clause 1", "Clause 2"... instead of （一）, （二）.
expect 0 report --lang en --policy quanzhou "$example" -o "$work/subsidy-en.xlsx"
if "$PYTHON3" "$TESTS_SRCDIR/report_check.py" "$work/subsidy-en.xlsx" en "$example" 18000; then
	ok
else
	bad "report_check.py with the English subsidy sheet"
fi
expect 66 report --policy no-such-policy "$example" -o "$work/nopolicy.xlsx"
if [ ! -e "$work/nopolicy.xlsx" ]; then ok; else bad "unknown policy left a file"; fi
expect 64 report --policy quanzhou --policy xiamen "$example" -o "$work/two.xlsx"

# The checker must be able to fail: a Chinese report does not pass as an English one.
if "$PYTHON3" "$TESTS_SRCDIR/report_check.py" "$work/zh.xlsx" en "$example" >/dev/null 2>&1; then
	bad "report_check.py accepted the wrong report"
else
	ok
fi

# The assessment's record (tests/record/: a full record, by hand), read back by
# tests/record_check.py: a draft with two questions unanswered carries 暂定 on every page, the
# same record finalized and complete does not, and a format 1 file says what it lacks. The
# evidence files are the real ones: validate checks their hashes first.
record=$TESTS_SRCDIR/record
expect 0 validate "$record/final.json"
expect 0 validate --allow-incomplete "$record/draft.json"
for lang in zh en; do
	expect 0 report --lang "$lang" --allow-incomplete "$record/draft.json" -o "$work/draft-$lang.xlsx"
	expect 0 report --lang "$lang" "$record/final.json" -o "$work/final-$lang.xlsx"
	for kind in draft final; do
		if "$PYTHON3" "$TESTS_SRCDIR/record_check.py" "$work/$kind-$lang.xlsx" "$lang" "$kind" \
			"$record/evidence"; then ok; else bad "record_check.py $kind $lang"; fi
	done
	if "$PYTHON3" "$TESTS_SRCDIR/record_check.py" "$work/$lang.xlsx" "$lang" v1; then
		ok
	else
		bad "record_check.py v1 $lang"
	fi
done
# The checker must be able to fail: a draft does not pass as the finalized report.
if "$PYTHON3" "$TESTS_SRCDIR/record_check.py" "$work/draft-zh.xlsx" zh final "$record/evidence" \
	>/dev/null 2>&1; then
	bad "record_check.py accepted a draft as final"
else
	ok
fi

# Answered with another definition: refused (65), and with --rescore the method sheet says
# so in one line naming both versions.
sed 's/"questionnaire": "miit-2024",/"questionnaire": "miit-2024", "questionnaire_version": "2023", "questionnaire_sha256": "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",/' \
	"$record/final.json" >"$work/old.json"
expect 65 report "$work/old.json" -o "$work/old.xlsx"
expect 0 report --rescore "$work/old.json" -o "$work/old.xlsx"
if "$PYTHON3" - "$work/old.xlsx" "$work/zh.xlsx" <<'PY'
import sys, warnings, openpyxl
warnings.simplefilter("ignore", UserWarning)
def lines(path):
    ws = openpyxl.load_workbook(path)["评测依据"]
    return [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(1, ws.max_row + 1)]
got = [v for k, v in lines(sys.argv[1]) if k == "重新评分"]
assert len(got) == 1 and "2023 版" in got[0] and "已安装的 2024 版" in got[0], got
assert "重新评分" not in [k for k, v in lines(sys.argv[2])], "a file not rescored says so"
PY
then ok; else bad "the method sheet does not say the file was rescored"; fi

# Same answers, same bytes.
expect 0 report --lang en "$example" -o "$work/en2.xlsx"
if cmp -s "$work/en.xlsx" "$work/en2.xlsx"; then ok; else bad "two runs gave different bytes"; fi

# An existing file is kept without --force (73) and replaced with it.
printf 'keep me' >"$work/keep.xlsx"
expect 73 report "$example" -o "$work/keep.xlsx"
if [ "$(cat "$work/keep.xlsx")" = "keep me" ]; then ok; else bad "existing file changed without --force"; fi
grep -q 'file exists; give --force' "$work/err" && ok || bad "no --force hint: $(cat "$work/err")"
expect 0 report --force "$example" -o "$work/keep.xlsx"
if cmp -s "$work/keep.xlsx" "$work/zh.xlsx"; then ok; else bad "--force did not replace the file"; fi
leftovers "$work"

# A folder that does not exist: 73 and nothing written.
expect 73 report "$example" -o "$work/no/such/folder/r.xlsx"
grep -q "$work/no/such/folder/r.xlsx" "$work/err" && ok || bad "error does not name the path"

# A disk that fills up part-way: 74, and neither the workbook nor a temporary file is left.
# Needs a small tmpfs, so only where this user may mount one (root in CI); skipped elsewhere.
mkdir "$work/tiny"
if mount -t tmpfs -o size=16k tmpfs "$work/tiny" 2>/dev/null; then
	expect 74 report "$example" -o "$work/tiny/r.xlsx"
	if [ -z "$(ls -A "$work/tiny")" ]; then ok; else bad "a full disk left $(ls -A "$work/tiny")"; fi
	umount "$work/tiny"
else
	echo "report.sh: skipping the full-disk check (cannot mount a tmpfs here)"
fi

# Long Chinese texts cut to fit a buffer on their way keep whole characters: a workbook whose
# XML is not UTF-8 is one Excel refuses. The name is cut by the identification row, each flag
# to a line of 512 bytes, both inside a character.
"$PYTHON3" - "$TESTS_SRCDIR/record/final.json" "$work/long.json" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["enterprise"]["name"] = "ab" + "数" * 400
a["flags"] = {"S13": "ab" + "数" * 200, "S14": "ab" + "数" * 200}
json.dump(a, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
expect 0 report "$work/long.json" -o "$work/long.xlsx"
if utf8_parts "$work/long.xlsx"; then ok; else bad "long texts: a part of the workbook is not UTF-8"; fi

# The default output is FILE with .xlsx, beside it.
cp "$example" "$work/acme.json"
expect 0 report "$work/acme.json"
if [ -f "$work/acme.xlsx" ]; then ok; else bad "no default acme.xlsx"; fi

# Bad input writes nothing; standard input needs -o; unanswered questions need the flag.
printf '{"questionnaire": "miit-2024", "answers": {"F1": "Z"}}' >"$work/bad.json"
expect 65 report "$work/bad.json" -o "$work/bad.xlsx"
if [ ! -e "$work/bad.xlsx" ]; then ok; else bad "bad input left bad.xlsx"; fi
expect 64 report - <"$example"
expect 0 report - -o "$work/stdin.xlsx" <"$example"
printf '{"questionnaire": "miit-2024", "answers": {"F1": ["B"]}}' >"$work/part.json"
expect 65 report "$work/part.json" -o "$work/part.xlsx"
expect 0 report --allow-incomplete "$work/part.json" -o "$work/part.xlsx"
expect 64 report --lang fr "$example" -o "$work/fr.xlsx"
leftovers "$work"

passed
