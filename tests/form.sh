#!/bin/sh
# assess form / assess import, end to end as a person would use them: a blank form filled with
# openpyxl (tests/form_fill.py) and re-saved by LibreOffice, imported, scored and checked against
# the hand-computed expectations of the score cases; a pre-filled form round-trips to the same
# answers; every refusal the import makes has a case here (exit 65, the cell named, no output).
# Environment (set by make check): ASSESS, TESTS_SRCDIR, PYTHON3, ASSESS_QUESTIONNAIRES.
set -u
: "${TESTS_SRCDIR:=$(cd "$(dirname "$0")" && pwd)}"
. "$TESTS_SRCDIR/lib.sh"
fill=$TESTS_SRCDIR/form_fill.py
cases=$TESTS_SRCDIR/cases

"$PYTHON3" -c 'import openpyxl' 2>/dev/null || { echo "SKIP: no openpyxl"; exit 77; }
have_soffice=no
command -v soffice >/dev/null 2>&1 && have_soffice=yes

cd "$work" || exit 1
"$ASSESS" form -o blank.xlsx >/dev/null || { echo "FAIL: assess form"; exit 1; }
"$ASSESS" --lang en form -o blank-en.xlsx >/dev/null || { echo "FAIL: assess form --lang en"; exit 1; }

# The answers, enterprise and assessment of two answer files are the same (notes too).
same_answers() {
	"$PYTHON3" - "$1" "$2" <<'EOF'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
for key in ("questionnaire", "enterprise", "answers", "notes"):
    assert a.get(key) == b.get(key), (key, a.get(key), b.get(key))
for key in ("date", "stage", "assessor"):
    assert a.get("assessment", {}).get(key) == b.get("assessment", {}).get(key), key
EOF
}

# LibreOffice re-saves a workbook as .xlsx (its own writer, as a person's "Save" would).
resave() {
	mkdir -p lo
	HOME=$work timeout 180 soffice --headless --norestore --convert-to xlsx --outdir lo "$1" \
		>/dev/null 2>&1 && [ -s "lo/$1" ]
}

# Each score case with a hand-computed check: fill a blank form with its answers, import, score,
# and run the case's own check on the result; then the same through LibreOffice.
for name in score-59.3-l2 score-exact-80-l4 score-19.45-l0 score-40-two-stars-l1; do
	src=$cases/$name
	for via in openpyxl libreoffice; do
		[ $via = libreoffice ] && [ $have_soffice = no ] && continue
		dir=$work/$name-$via
		mkdir -p "$dir"
		cp "$src/check" "$dir/"
		form=$name.xlsx
		"$PYTHON3" "$fill" blank.xlsx "$src/answers.json" "$form" || { bad "$name: fill"; continue; }
		if [ $via = libreoffice ]; then
			resave "$form" || { bad "$name: LibreOffice could not re-save"; continue; }
			form=lo/$form
		fi
		if ! "$ASSESS" import "$form" -o "$dir/answers.json" >/dev/null 2>"$dir/.err"; then
			bad "$name ($via): import: $(cat "$dir/.err")"
			continue
		fi
		same_answers "$dir/answers.json" "$src/answers.json" || bad "$name ($via): answers differ"
		(cd "$dir" && "$ASSESS" score --json answers.json >.out) || bad "$name ($via): score"
		if (cd "$dir" && ./check) >"$dir/.check" 2>&1; then ok; else
			bad "$name ($via): the case's check on the imported answers:"
			sed 's/^/    /' "$dir/.check"
		fi
	done
done

# The English form, filled in English, gives the same answers.
"$PYTHON3" "$fill" blank-en.xlsx "$example" filled-en.xlsx --lang en &&
	"$ASSESS" import filled-en.xlsx -o en.json >/dev/null &&
	same_answers en.json "$example" && ok || bad "English form"

# The region and industry codes travel too (the example gives its region by name only).
"$PYTHON3" -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["enterprise"].update(region_code="350582", industry_code="C244")
json.dump(a, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' "$example" coded.json
"$PYTHON3" "$fill" blank.xlsx coded.json coded.xlsx && "$ASSESS" import coded.xlsx -o coded-in.json >/dev/null &&
	same_answers coded-in.json coded.json && "$ASSESS" form --from coded.json -o coded-pre.xlsx >/dev/null &&
	"$ASSESS" import coded-pre.xlsx -o coded-pre.json >/dev/null && same_answers coded-pre.json coded.json &&
	ok || bad "region and industry codes"

# The evidence column (G) becomes evidence items, one per line, titled by the line; notes (F)
# stay notes. A note an import wrote before evidence items ("\n[佐证] " and the evidence) is
# pre-filled as before, its evidence part in G, and comes back as an item.
"$PYTHON3" -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["evidence"] = {"F1": [{"title": "车间网络拓扑图"}, {"title": "交换机台账"}], "S03": [{"title": "ERP订单截图"}]}
json.dump(a, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
a.pop("evidence")
a["notes"]["F2"] = "采购记录\n[佐证] 采购合同"
json.dump(a, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)' "$example" evidence.json old-note.json
evidence_is() {
	"$PYTHON3" - "$@" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
want = json.loads(sys.argv[2])
assert a.get("evidence") == want, (a.get("evidence"), want)
assert all("[佐证]" not in n for n in a.get("notes", {}).values()), a["notes"]
EOF
}
items='{"F1": [{"title": "车间网络拓扑图"}, {"title": "交换机台账"}], "S03": [{"title": "ERP订单截图"}]}'
"$PYTHON3" "$fill" blank.xlsx evidence.json evidence.xlsx &&
	"$ASSESS" import evidence.xlsx -o evidence-in.json >/dev/null &&
	same_answers evidence-in.json evidence.json && evidence_is evidence-in.json "$items" &&
	"$ASSESS" form --from evidence-in.json -o evidence-pre.xlsx >/dev/null &&
	"$ASSESS" import evidence-pre.xlsx -o evidence-pre.json >/dev/null &&
	same_answers evidence-pre.json evidence.json && evidence_is evidence-pre.json "$items" &&
	ok || bad "the evidence column as evidence items"
"$ASSESS" form --from old-note.json -o old-note.xlsx >/dev/null &&
	"$PYTHON3" -c '
import openpyxl, sys
ws = openpyxl.load_workbook(sys.argv[1])["数字化基础"]
row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "F2")
got = (ws.cell(row, 6).value, ws.cell(row, 7).value)
assert got == ("采购记录", "采购合同"), got' old-note.xlsx &&
	"$ASSESS" import old-note.xlsx -o old-note-in.json >/dev/null &&
	evidence_is old-note-in.json '{"F2": [{"title": "采购合同"}]}' &&
	"$PYTHON3" -c '
import json, sys
assert json.load(open(sys.argv[1], encoding="utf-8"))["notes"]["F2"] == "采购记录"' old-note-in.json &&
	ok || bad "an old note with its evidence part"

# Without -o the form is named as report and import name their outputs: the answer file's name
# less its extension, a hidden file's leading dot kept (".draft" -> ".draft-form.xlsx").
mkdir names && cp "$example" names/acme.json && cp "$example" names/.draft &&
	(cd names && "$ASSESS" form --from acme.json >/dev/null && "$ASSESS" form --from .draft >/dev/null &&
		"$ASSESS" form -q miit-2024 >/dev/null) &&
	[ "$(cd names && ls -A | sort | tr '\n' ' ')" = ".draft .draft-form.xlsx acme-form.xlsx acme.json miit-2024-form.xlsx " ] &&
	ok || bad "default form names: $(ls -A names | tr '\n' ' ')"

# A pre-filled form round-trips to the same answers, also after LibreOffice re-saves it.
"$ASSESS" form --from "$example" -o pre.xlsx >/dev/null &&
	"$ASSESS" import pre.xlsx -o pre.json >/dev/null && same_answers pre.json "$example" && ok ||
	bad "pre-filled form does not round-trip"
if [ $have_soffice = yes ]; then
	resave pre.xlsx && "$ASSESS" import lo/pre.xlsx -o pre-lo.json >/dev/null &&
		same_answers pre-lo.json "$example" && ok ||
		bad "pre-filled form re-saved by LibreOffice does not round-trip"
fi
# A long Chinese name, cut to fit the form's title, keeps whole characters.
long_name "$example" long.json
for lang in zh en; do
	"$ASSESS" --lang $lang form --from long.json -o long-$lang.xlsx >/dev/null &&
		utf8_parts long-$lang.xlsx && ok || bad "a long name: a part of the form is not UTF-8 ($lang)"
done
# The record of a self-assessment: source self, the instrument's version and hash (the form's),
# one history entry per answer at the import time.
"$PYTHON3" - pre.json pre.xlsx <<'EOF' && ok || bad "the imported file's record"
import json, sys, zipfile, re
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert a["assessment"]["source"] == "self", a["assessment"]
assert a["questionnaire_version"] == "2024", a.get("questionnaire_version")
props = zipfile.ZipFile(sys.argv[2]).read("docProps/custom.xml").decode()
sha = re.search(r'name="assess.questionnaire_sha256"><vt:lpwstr>([0-9a-f]{64})<', props).group(1)
assert a["questionnaire_sha256"] == sha, (a["questionnaire_sha256"], sha)
hist = a["history"]
assert sorted(h["question"] for h in hist) == sorted(a["answers"]), hist
assert all(h["at"] == hist[0]["at"] and "pre.xlsx" in h["reason"] for h in hist), hist
EOF

# Scores the same as the answer file it came from (the import's record line aside).
"$ASSESS" score pre.json | grep -v '^记录：' >pre.score && "$ASSESS" score "$example" >example.score &&
	cmp -s pre.score example.score && ok || bad "pre-filled form scores differently"

# The subsidy inputs sheet: status flags and finance figures travel, and the subsidy computed
# from the imported file is the one computed from the answer file (the example has both blocks).
same_inputs() {
	"$PYTHON3" - "$1" "$2" <<'EOF'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
for key in ("finance", "status"):
    assert a.get(key) == b.get(key), (key, a.get(key), b.get(key))
assert "awards" not in a, a["awards"]
EOF
}
same_subsidy() { # FILE ORIGINAL POLICY: the same output of assess subsidy (kept in $work)
	"$ASSESS" subsidy --policy "$3" "$1" >got.subsidy && "$ASSESS" subsidy --policy "$3" "$2" >want.subsidy &&
		grep -q '^合计：' got.subsidy && cmp -s got.subsidy want.subsidy
}
"$PYTHON3" "$fill" blank.xlsx "$example" subsidy.xlsx &&
	"$ASSESS" import subsidy.xlsx -o subsidy.json >/dev/null && same_inputs subsidy.json "$example" &&
	same_subsidy subsidy.json "$example" quanzhou && ok || bad "subsidy inputs filled with openpyxl"
same_inputs pre.json "$example" && same_subsidy pre.json "$example" quanzhou && ok ||
	bad "subsidy inputs of a pre-filled form"
if [ $have_soffice = yes ]; then
	resave subsidy.xlsx && "$ASSESS" import lo/subsidy.xlsx -o subsidy-lo.json >/dev/null &&
		same_inputs subsidy-lo.json "$example" && same_subsidy subsidy-lo.json "$example" quanzhou &&
		same_inputs pre-lo.json "$example" && ok ||
		bad "subsidy inputs re-saved by LibreOffice"
fi
# Every flag and figure, with project tags: filled in English, and pre-filled, round-trip exactly.
"$PYTHON3" -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
a["status"] = {"above_scale": True, "in_standard_park": True, "city_leader": False, "pilot_enterprise": True}
a["finance"] = {
    "project_spend": {"software": 420000, "cloud": 60000, "hardware": 120000, "other_hardware": 0,
                      "services": 35000, "project": "erp-2026"},
    "cloud_annual_fee": 60000, "mis_software_spend": {"amount": 1200000, "project": "erp-2026"},
    "diagnosis_fee": 80000, "ai_product_price": {"amount": 300000, "project": "2026.ai_1"},
    "design_contract": 150000, "revenue_last_year": 100000000000000,
    "tech_service_contract": 200000, "local_fiscal_contribution": 900000, "batch": 99}
a["awards"] = ["national-little-giant", {"id": "provincial-smart-scene", "count": 2}]
json.dump(a, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)' "$example" tagged.json
"$ASSESS" form --from tagged.json -o tagged-pre.xlsx >/dev/null 2>tagged.err &&
	"$ASSESS" import tagged-pre.xlsx -o tagged-pre.json >/dev/null && same_inputs tagged-pre.json tagged.json &&
	same_answers tagged-pre.json tagged.json && ok || bad "tagged figures pre-filled"
# Awards have no place in the form: one line on standard error says how many were left out.
[ "$(cat tagged.err)" = "assess: 注意：tagged.json 的 2 项奖项认定（awards）未写入表中：表格不含奖项，请保留在答卷文件中" ] &&
	ok || bad "awards left out: $(cat tagged.err)"
"$ASSESS" --lang en form --from tagged.json -o tagged-en.xlsx >/dev/null 2>tagged-en.err &&
	[ "$(cat tagged-en.err)" = "assess: note: 2 awards of tagged.json left out: the form cannot carry awards, keep them in the answer file" ] &&
	ok || bad "awards left out (en): $(cat tagged-en.err)"
"$PYTHON3" "$fill" blank-en.xlsx tagged.json tagged-en-filled.xlsx --lang en &&
	"$ASSESS" import tagged-en-filled.xlsx -o tagged-en.json >/dev/null && same_inputs tagged-en.json tagged.json &&
	ok || bad "tagged figures filled in English"
"$PYTHON3" - tagged.json stripped.json <<'EOF'
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
del a["awards"]
json.dump(a, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
EOF
for policy in quanzhou jinjiang xiamen putian pingluo; do
	same_subsidy tagged-pre.json stripped.json $policy && ok || bad "tagged figures: subsidy under $policy"
done
if [ $have_soffice = yes ]; then
	resave tagged-pre.xlsx && "$ASSESS" import lo/tagged-pre.xlsx -o tagged-lo.json >/dev/null &&
		same_inputs tagged-lo.json tagged.json && ok || bad "tagged figures re-saved by LibreOffice"
fi
# A form of layout 1, made before the sheet (none in it), imports with neither block.
"$PYTHON3" "$fill" blank.xlsx "$example" old-form.xlsx --tamper no-subsidy-sheet &&
	"$ASSESS" import old-form.xlsx -o old-form.json >/dev/null && same_answers old-form.json "$example" &&
	"$PYTHON3" -c '
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
assert "finance" not in a and "status" not in a, a' old-form.json && ok || bad "a form without the subsidy sheet"

# A date typed into a date-formatted cell arrives as Excel's day number.
"$PYTHON3" "$fill" blank.xlsx "$example" dated.xlsx --tamper date-as-number &&
	"$ASSESS" import dated.xlsx -o dated.json >/dev/null &&
	grep -q '"date":[[:space:]]*"2026-11-20"' dated.json && ok || bad "date as a day number"
"$PYTHON3" "$fill" blank.xlsx "$example" dated1904.xlsx --tamper date-as-number-1904 &&
	"$ASSESS" import dated1904.xlsx -o dated1904.json >/dev/null &&
	grep -q '"date":[[:space:]]*"2026-11-20"' dated1904.json && ok || bad "date in the 1904 system"

# refuse WHAT STATUS FRAGMENT: the tampered form is refused with STATUS, the message is one line
# that starts "assess: FORM: " and holds FRAGMENT, and no answer file appears.
refuse() {
	what=$1 status=$2 fragment=$3
	form=$what.xlsx
	[ -f "$form" ] || "$PYTHON3" "$fill" blank.xlsx "$example" "$form" --tamper "$what" ||
		{ bad "$what: fill"; return; }
	"$ASSESS" import "$form" -o "$what.json" >/dev/null 2>"$what.err"
	got=$?
	if [ "$got" != "$status" ]; then
		bad "$what: exit $got, expected $status: $(cat "$what.err")"
	elif [ "$(wc -l <"$what.err")" != 1 ] || ! grep -q "^assess: $form: " "$what.err" ||
	     ! grep -qF -- "$fragment" "$what.err"; then
		bad "$what: message is not one line \"assess: $form: ...$fragment...\": $(cat "$what.err")"
	elif [ -e "$what.json" ]; then
		bad "$what: an answer file was written"
	else
		ok
	fi
}
# ...and the whole line is the message: "assess: FORM: FRAGMENT".
refuse_exactly() {
	refuse "$@"
	[ "$(cat "$1.err")" = "assess: $1.xlsx: $3" ] || bad "$1: not exactly \"assess: $1.xlsx: $3\": $(cat "$1.err")"
}
refuse option-not-offered 65 '数字化基础!D5: "F. 全部" is not an option of F2'
# ...quoted in whole characters, though the cut counts bytes
refuse long-option 65 '数字化基础!D5: "F. 全部全部全部全部全部全部全部全部全部全部全部全部全" is not an option of F2'
refuse tick-not-offered 65 '数字化基础!M4: F1 has no option F'
refuse none-with-others 65 '数字化基础!H4: option A (无) of F1 stands alone'
refuse level-5 65 '数字化经营!D4: the level of scenario S01 must be 0, 1, 2, 3 or 4, not "5"'
refuse bad-tick 65 '数字化基础!I4: expected ✓ or nothing, not "maybe"'
refuse bad-credit-code 65 '企业概况!B4: 统一社会信用代码: '
refuse bad-date 65 '企业概况!B11: 评测日期: expected a date as YYYY-MM-DD'
refuse bad-region-code 65 '企业概况!B8: 地区代码: '
refuse other-version 65 '_assess!B3: the form was made for version 2019 of miit-2024'
refuse other-sha256 65 '_assess!B4: the form was made for another definition of miit-2024'
refuse other-instrument 65 '_assess!B2: the form was made for miit-2019, which is not installed'
refuse not-a-form 65 '_assess!B1: not a self-assessment form made by assess'
refuse moved-row 65 '数字化基础!A6: expected question F3 here'
# A layout 2 form without its subsidy sheet lost it: refused, not read as a layout 1 form. A
# newer layout is named as such (a reader that cannot see its sheets must not drop them).
refuse_exactly subsidy-sheet-deleted 65 'the form has no sheet "补贴信息" (sheets may not be renamed or deleted)'
refuse_exactly newer-layout 65 '_assess!B1: a form of layout "assess-form-3", made by a newer assess: this one reads "assess-form-1" and "assess-form-2"'
refuse_exactly fin-negative 65 '补贴信息!C12: 上云年度服务费: expected an amount in whole yuan (a whole number from 0 to 100000000000000), got a number out of range (the cell holds "-5")'
refuse_exactly fin-fraction 65 '补贴信息!C17: 上年度营业收入: expected an amount in whole yuan (a whole number from 0 to 100000000000000), got a fraction (the cell holds "38000000.5")'
refuse_exactly fin-text 65 '补贴信息!C12: 上云年度服务费: expected an amount in whole yuan, got a string (the cell holds "6万")'
refuse_exactly fin-big 65 '补贴信息!C17: 上年度营业收入: expected an amount in whole yuan (a whole number from 0 to 100000000000000), got a number out of range (the cell holds "100000000000001")'
refuse_exactly fin-batch-0 65 '补贴信息!C20: 改造批次: expected a batch number (a whole number from 1 to 99), got a number out of range (the cell holds "0")'
refuse_exactly fin-bool 65 '补贴信息!C14: 数字化诊断费用: expected an amount in whole yuan, got true/false (the cell holds "1")'
refuse_exactly fin-bad-project 65 '补贴信息!E12: 上云年度服务费: "erp 2026" is not a project id (letters, digits, - _ ., at most 48)'
refuse_exactly fin-bad-spend-project 65 '补贴信息!E7: 改造投入：软件: "项目一" is not a project id (letters, digits, - _ ., at most 48)'
refuse_exactly fin-project-alone 65 '补贴信息!E14: 数字化诊断费用: the project is named but the figure (C) is blank'
refuse_exactly status-bad 65 '补贴信息!C6: 数字化转型试点企业: expected 是 or 否, not "maybe"'
refuse_exactly status-contradicts 65 '补贴信息!C3: 规模以上工业企业: contradicts 企业概况!B10 (规模以上企业) (the cell holds "否")'
refuse_exactly subsidy-moved-row 65 '补贴信息!B14: expected the key "diagnosis_fee" here: rows of the sheet may not be moved'
refuse unanswered 65 '2 questions unanswered: 数字化基础!D5 (F2), 数字化经营!D6 (S03)'
# ...which --allow-incomplete imports, listing them.
"$ASSESS" import unanswered.xlsx -o unanswered.json --allow-incomplete >/dev/null 2>u.err &&
	grep -qF '2 题未答：数字化基础!D5 (F2), 数字化经营!D6 (S03)' u.err && [ -s unanswered.json ] &&
	ok || bad "--allow-incomplete: $(cat u.err)"
# An existing output is replaced only with --force.
"$ASSESS" import pre.xlsx -o pre.json >/dev/null 2>exists.err
[ $? = 73 ] && ok || bad "existing output replaced without --force"
"$ASSESS" import pre.xlsx -o pre.json --force >/dev/null && ok || bad "--force"

# Workbooks that are not ours, and hostile files.
"$PYTHON3" -c 'import openpyxl; wb = openpyxl.Workbook(); wb.save("other.xlsx")'
refuse other 65 'not a self-assessment form made by assess: it has no hidden _assess sheet'
echo '{"not": "a workbook"}' >not-a-zip.xlsx
refuse not-a-zip 65 'not an .xlsx workbook (not a zip file)'
"$PYTHON3" - <<'EOF'
import zipfile
src = zipfile.ZipFile("pre.xlsx")
def copy(out, replace):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            z.writestr(info.filename, replace.get(info.filename, data))
        for name, data in replace.items():
            if name not in src.namelist():
                z.writestr(name, data)
# 100 MB of blanks after a sheet's XML: deflates about 1000 to 1.
copy("bomb.xlsx", {"xl/worksheets/sheet3.xml": src.read("xl/worksheets/sheet3.xml") + b" " * (100 << 20)})
copy("doctype.xlsx", {"xl/sharedStrings.xml": b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">]><sst/>'})
copy("outside.xlsx", {"../../evil.sh": b"rm -rf /"})
copy("stray.xlsx", {"payload.exe": b"MZ"})
EOF
refuse bomb 65 'refused as a zip bomb'
refuse doctype 65 'xl/sharedStrings.xml declares a document type'
refuse outside 65 'the zip holds "../../evil.sh", which is not a part of a workbook'
refuse stray 65 'the zip holds "payload.exe", which is not a part of a workbook'

passed
