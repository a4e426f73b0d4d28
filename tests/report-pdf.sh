#!/bin/sh
# Opens a report in a real spreadsheet program: LibreOffice converts it to PDF, which must
# exist and have pages (one per printed page of the five sheets). Skipped (77) where
# LibreOffice is not installed; .ci/run installs it through scripts/install-deps.sh.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
if ! command -v libreoffice >/dev/null 2>&1; then
	echo "report-pdf.sh: SKIP: libreoffice is not installed (apt-get install libreoffice-calc-nogui)"
	exit 77
fi
"$ASSESS" report "$example" -o "$work/report.xlsx" >/dev/null || exit 1
# A private profile, so a desktop session's LibreOffice (or a parallel test) does not interfere.
(cd "$work" && HOME="$work" timeout 300 libreoffice -env:UserInstallation=file://"$work/profile" \
	--headless --convert-to pdf report.xlsx >"$work/lo.log" 2>&1)
if [ ! -s "$work/report.pdf" ]; then
	echo "FAIL: LibreOffice made no PDF:"; cat "$work/lo.log"
	exit 1
fi
pages=$(pdfinfo "$work/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ -n "$pages" ] || pages=$(grep -c '/Type */Page[^s]' "$work/report.pdf")
# Overview 2 pages, indicators 1+, scenarios 1+, gaps 1+, method 1+.
if [ "${pages:-0}" -ge 6 ]; then
	echo "report-pdf: 1 passed, 0 failed ($pages pages)"
else
	echo "FAIL: the PDF has ${pages:-no} pages, expected at least 6"
	echo "report-pdf: 0 passed, 1 failed"
	exit 1
fi
