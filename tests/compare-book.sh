#!/bin/sh
# The acceptance workbook of the bundled example, in both languages: read back by openpyxl
# (tests/compare_book_check.py, figures from tests/cases/compare-policy-quanzhou/NOTES.md), then
# opened by LibreOffice, which must make a PDF with pages (skipped where it is not installed).
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
examples=$TESTS_SRCDIR/../examples
for lang in zh en; do
	if ! "$ASSESS" --lang $lang compare --policy quanzhou -o "$work/acc-$lang.xlsx" \
		"$examples/quanzhou-sports-baseline.json" "$examples/quanzhou-sports-post.json" \
		>/dev/null; then
		echo "FAIL: compare -o ($lang)"; fail=1; continue
	fi
	"$PYTHON3" "$TESTS_SRCDIR/compare_book_check.py" "$work/acc-$lang.xlsx" $lang || fail=1
done
# A long Chinese name, cut to fit the workbook's title, keeps whole characters.
long_name "$examples/quanzhou-sports-baseline.json" "$work/long-before.json"
long_name "$examples/quanzhou-sports-post.json" "$work/long-after.json"
for lang in zh en; do
	if ! "$ASSESS" --lang $lang compare -o "$work/long-$lang.xlsx" "$work/long-before.json" \
		"$work/long-after.json" >/dev/null; then
		echo "FAIL: compare -o with a long name ($lang)"; fail=1
	elif ! utf8_parts "$work/long-$lang.xlsx"; then
		echo "FAIL: a long name: a part of the workbook is not UTF-8 ($lang)"; fail=1
	fi
done
# The workbook is dated as the run is pinned (SOURCE_DATE_EPOCH, as report and form), else by
# AFTER's assessment date (2027-03-10 in the example).
created() { "$PYTHON3" -c 'import sys, zipfile, re
core = zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode()
print(re.search(r"<dcterms:created[^>]*>([^<]*)<", core).group(1))' "$1"; }
for epoch in 1782777600 ""; do
	want=2026-06-30T00:00:00Z
	[ -z "$epoch" ] && want=2027-03-10T00:00:00Z
	rm -f "$work/dated.xlsx"
	if ! SOURCE_DATE_EPOCH=$epoch "$ASSESS" compare -o "$work/dated.xlsx" \
		"$examples/quanzhou-sports-baseline.json" "$examples/quanzhou-sports-post.json" >/dev/null; then
		echo "FAIL: compare -o (SOURCE_DATE_EPOCH=$epoch)"; fail=1
	elif [ "$(created "$work/dated.xlsx")" != "$want" ]; then
		echo "FAIL: created $(created "$work/dated.xlsx"), expected $want (SOURCE_DATE_EPOCH=$epoch)"
		fail=1
	fi
done
# Without --force an existing workbook stays.
if "$ASSESS" compare -o "$work/acc-zh.xlsx" "$examples/quanzhou-sports-baseline.json" \
	"$examples/quanzhou-sports-post.json" >/dev/null 2>&1; then
	echo "FAIL: compare -o replaced a workbook without --force"; fail=1
fi
if command -v libreoffice >/dev/null 2>&1; then
	(cd "$work" && HOME="$work" timeout 300 libreoffice -env:UserInstallation=file://"$work/profile" \
		--headless --convert-to pdf acc-zh.xlsx >"$work/lo.log" 2>&1)
	pages=$(pdfinfo "$work/acc-zh.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	# overview 2, questions 2, scenarios 1, evidence 1
	if [ "${pages:-0}" -lt 5 ]; then
		echo "FAIL: LibreOffice made ${pages:-no} pages, expected at least 5"; cat "$work/lo.log"; fail=1
	fi
else
	echo "compare-book.sh: libreoffice not installed, PDF step skipped"
fi
[ $fail = 0 ] && echo "compare-book: passed"
exit $fail
