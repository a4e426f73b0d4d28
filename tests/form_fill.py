#!/usr/bin/env python3
"""Fills an `assess form` workbook the way a person would, with openpyxl.

    form_fill.py BLANK.xlsx ANSWERS.json OUT.xlsx [--lang en] [--tamper WHAT]

Reads the answers to give from an answer file, finds each question's row by the id in column A
of its dimension's sheet, and types into the input cells only: a single choice picked as the
drop-down item text (read from the cell's data validation list, as Excel offers it), a ✓ in
each option column of a multiple-choice question, a level number for a scenario, the profile
as text, notes in F and the titles of evidence items in G, one a line. --tamper makes one mistake a person (or a hostile file) could make, for the refusal
tests.
"""
import json
import sys

import openpyxl
import openpyxl.utils.datetime

TICK = "✓"
PROFILE = {  # answer-file key -> label in column A of the profile sheet (zh, en)
    "name": ("企业名称", "Enterprise name"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "industry": ("所属行业", "Industry"),
    "region": ("所在地区", "Region"),
    "region_code": ("地区代码", "Region code"),
    "industry_code": ("行业代码", "Industry code"),
    "size": ("企业规模", "Size"),
    "above_scale": ("规模以上企业", "Above designated size"),
    "date": ("评测日期", "Assessment date"),
    "stage": ("评测阶段", "Stage"),
    "assessor": ("填表人及联系方式", "Filled in by (name, contact)"),
}
STAGE = {"baseline": ("改造前", "before"), "post": ("改造后", "after")}


def list_items(wb, ws, cell):
    """The drop-down items of a cell, read from its data validation as a spreadsheet would."""
    for dv in ws.data_validations.dataValidation:
        if cell in dv.sqref:
            ref = dv.formula1
            sheet, rng = ref.split("!")
            return [c.value for row in wb[sheet][rng.replace("$", "")] for c in row]
    raise AssertionError("no drop-down at %s!%s" % (ws.title, cell))


def question_rows(wb):
    rows = {}
    for ws in wb.worksheets:
        if ws.title == "_assess":
            continue
        for r in range(1, ws.max_row + 1):
            v = ws.cell(r, 1).value
            if isinstance(v, str) and v[:1] in "FOMRS" and v[1:].isdigit():
                rows[v] = (ws, r)
    return rows


def fill(wb, answers, en):
    pick = 1 if en else 0
    profile = wb["Profile" if en else "企业概况"]
    labels = {profile.cell(r, 1).value: r for r in range(1, profile.max_row + 1)}
    given = dict(answers.get("enterprise", {}))
    given.update(answers.get("assessment", {}))
    for key, value in given.items():
        if key == "above_scale":
            value = ("否", "no")[pick] if not value else ("是", "yes")[pick]
        elif key == "stage":
            value = STAGE[value][pick]
        profile.cell(labels[PROFILE[key][pick]], 2).value = value
    rows = question_rows(wb)
    notes = answers.get("notes", {})
    for qid, value in answers["answers"].items():
        ws, r = rows[qid]
        if isinstance(value, list):
            for code in value:
                ws.cell(r, 8 + ord(code) - ord("A")).value = TICK
        elif isinstance(value, int):
            ws.cell(r, 4).value = value
        else:
            items = list_items(wb, ws, "D%d" % r)
            ws.cell(r, 4).value = next(i for i in items if i.startswith(value + ". "))
        if qid in notes:
            ws.cell(r, 6).value = notes[qid]
    # The evidence column: what can be shown, one item a line (a person presses Alt+Enter).
    for qid, items in answers.get("evidence", {}).items():
        ws, r = rows[qid]
        ws.cell(r, 7).value = "\n".join(item["title"] for item in items)
    fill_subsidy(wb, answers, en)
    return rows


def subsidy_rows(wb, en):
    """The subsidy inputs sheet and its rows by the key in column B."""
    ws = wb["Subsidy inputs" if en else "补贴信息"]
    return ws, {ws.cell(r, 2).value: r for r in range(3, ws.max_row + 1)}


def fill_subsidy(wb, answers, en):
    """Status flags as 是/否 (yes/no), figures as numbers in C, project ids in E."""
    if "finance" not in answers and "status" not in answers:
        return
    ws, keys = subsidy_rows(wb, en)
    for key, value in answers.get("status", {}).items():
        ws.cell(keys[key], 3).value = ("否", "no", "是", "yes")[bool(value) * 2 + en]
    for key, value in answers.get("finance", {}).items():
        if key == "project_spend":
            for part, amount in value.items():
                if part == "project":  # one project for all parts, on the first part's row
                    ws.cell(keys["project_spend.software"], 5).value = amount
                else:
                    ws.cell(keys["project_spend." + part], 3).value = amount
        elif isinstance(value, dict):
            ws.cell(keys[key], 3).value = value["amount"]
            ws.cell(keys[key], 5).value = value.get("project")
        else:
            ws.cell(keys[key], 3).value = value


def tamper(wb, rows, what):
    """One mistake, at a known cell (the test checks the message names it)."""
    if what == "option-not-offered":
        ws, r = rows["F2"]
        ws.cell(r, 4).value = "F. 全部"
    elif what == "long-option":  # quoted cut to 80 bytes: 77 of them Chinese
        ws, r = rows["F2"]
        ws.cell(r, 4).value = "F. " + "全部" * 20
    elif what == "tick-not-offered":
        ws, r = rows["F1"]       # F1 has options A..E; column M is option F
        ws.cell(r, 13).value = TICK
    elif what == "none-with-others":
        ws, r = rows["F1"]       # A is 无 (none), B is another option
        ws.cell(r, 8).value = TICK
        ws.cell(r, 9).value = TICK
    elif what == "level-5":
        ws, r = rows["S01"]
        ws.cell(r, 4).value = 5
    elif what == "bad-tick":
        ws, r = rows["F1"]
        ws.cell(r, 9).value = "maybe"
    elif what == "bad-credit-code":
        wb["企业概况"]["B4"].value = "91350500MA31XP7C4N"
    elif what == "bad-region-code":
        wb["企业概况"]["B8"].value = "350082"   # a county under no prefecture
    elif what == "bad-date":
        wb["企业概况"]["B11"].value = "2026-02-30"
    elif what == "other-version":
        wb["_assess"]["B3"].value = "2019"
    elif what == "other-sha256":
        wb["_assess"]["B4"].value = "0" * 64
    elif what == "other-instrument":
        wb["_assess"]["B2"].value = "miit-2019"
    elif what == "not-a-form":
        wb["_assess"]["B1"].value = "someone-else"
    elif what == "moved-row":
        ws, r = rows["F3"]
        ws.cell(r, 1).value = "F4"
    elif what == "unanswered":
        ws, r = rows["F2"]
        ws.cell(r, 4).value = None
        ws, r = rows["S03"]
        ws.cell(r, 4).value = None
    elif what == "date-as-number":
        wb["企业概况"]["B11"].value = 46346   # Excel's day number of 2026-11-20
    elif what == "date-as-number-1904":
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
        wb["企业概况"]["B11"].value = 46346 - 1462   # the same day in the 1904 system
    elif what in SUBSIDY_TAMPER:
        key, col, value = SUBSIDY_TAMPER[what]
        ws, keys = subsidy_rows(wb, False)
        ws.cell(keys[key], col).value = value
    elif what == "subsidy-moved-row":
        ws, keys = subsidy_rows(wb, False)
        ws.cell(keys["diagnosis_fee"], 2).value = "ai_product_price"
    elif what == "no-subsidy-sheet":  # a form of layout 1, made before the sheet
        del wb["补贴信息"]
        wb["_assess"]["B1"].value = "assess-form-1"
    elif what == "subsidy-sheet-deleted":  # a layout 2 form that lost its sheet
        del wb["补贴信息"]
    elif what == "newer-layout":
        wb["_assess"]["B1"].value = "assess-form-3"
    else:
        raise SystemExit("unknown --tamper " + what)


SUBSIDY_TAMPER = {  # --tamper WHAT: (key in column B, column, what is typed)
    "fin-negative": ("cloud_annual_fee", 3, -5),
    "fin-fraction": ("revenue_last_year", 3, 38000000.5),
    "fin-text": ("cloud_annual_fee", 3, "6万"),
    "fin-big": ("revenue_last_year", 3, 100000000000001),
    "fin-batch-0": ("batch", 3, 0),
    "fin-bool": ("diagnosis_fee", 3, True),
    "fin-bad-project": ("cloud_annual_fee", 5, "erp 2026"),
    "fin-bad-spend-project": ("project_spend.software", 5, "项目一"),
    "fin-project-alone": ("diagnosis_fee", 5, "diag-1"),
    "status-bad": ("pilot_enterprise", 3, "maybe"),
    "status-contradicts": ("above_scale", 3, "否"),
}


def main():
    args = sys.argv[1:]
    en = "--lang" in args and args[args.index("--lang") + 1] == "en"
    what = args[args.index("--tamper") + 1] if "--tamper" in args else None
    blank, answers_path, out = args[:3]
    wb = openpyxl.load_workbook(blank)
    with open(answers_path, encoding="utf-8") as f:
        answers = json.load(f)
    rows = fill(wb, answers, en)
    if what:
        tamper(wb, rows, what)
    wb.save(out)


if __name__ == "__main__":
    main()
