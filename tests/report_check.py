#!/usr/bin/python3
"""Reads an `assess report` workbook back with openpyxl (an independent reader) and checks it
against figures worked out by hand for examples/quanzhou-sports-baseline.json.

usage: report_check.py REPORT.xlsx zh|en ANSWER-FILE [SUBSIDY-TOTAL]

With SUBSIDY-TOTAL (the report was written with --policy quanzhou), the sixth sheet must
hold the clauses and that total: clause (一) pays 50% of the 600,000 project spend, capped
at 200,000 for level 2; clause (二) 30% of the 60,000 cloud fee, 18,000; together 218,000.

By hand, from the answer file and questionnaires/miit-2024.xml:
  F1 B+C 2+2=4, F2 C 3, F3 B 1.5            -> 设备系统 8.5 / 20
  F4 D G H M N 5 x 0.7 = 3.5                -> 数据采集 3.5 / 10
  F5 C 5                                    -> 信息系统 5 / 10
  F6 B+C 2.5, F7 B 1.25                     -> 信息安全 3.75 / 10
  dimension F = 8.5 + 3.5 + 5 + 3.75        = 20.75 / 50
  M1 D 4.5, M2 B+C 3.75 -> 8.25; M3 B+D 3, M4 B 1.875 -> 4.875; M = 13.125 / 30
  R1 B 3.5, R2 C 7, R3 C 3, R4 B 1.5        -> R = 15 / 20
  total 48.875. Scenarios: levels 2,1,3,1,2,2,2,1,1,1,2,2,3,2,2,1 for S01..S16;
  ★ = S01 S03 S06 S07 S08 S09 S10 S11 S12 S13.
  >=1: 16 (★10); >=2: 10 (★ S01 S03 S06 S07 S11 S12 S13 = 7); >=3: 2 (S03 S13, both ★ = 2);
  >=4: 0. Level 2 needs 40 / 6 at >=2 / 3 ★: met. Level 3 needs 60 / 8 at >=3 / 5 ★:
  short by 11.125 points, 6 scenarios, 3 ★ -> level 2.
  Best single-choice gain: M4 B -> E, 7.5 - 1.875 = 5.625, so the running total starts at
  48.875 + 5.625 = 54.5.
"""
import datetime
import hashlib
import re
import sys
import warnings
import zipfile

import openpyxl

from sheetcheck import check, eq, find_row, near, verdict


T = {
    "zh": dict(sheets=["概览", "指标明细", "经营场景", "差距与建议", "评测依据"], font="等线",
               total="总分", level_label="数字化水平等级", level_name="二级（规范级）",
               dims=["数字化基础", "数字化管理", "数字化成效"], verdict="还需 11.125 分",
               at_least="%d 级及以上", subtotal="数字化基础 小计", met="满足", unmet="未满足",
               sub="设备系统", star="产品设计 ★", title="中小企业数字化水平诊断报告",
               footer="第 &P 页，共 &N 页", sha="答卷 SHA-256", rank="序号", subsidy="补贴测算", sum="合计",
               record="评测记录",
               readings=["约束性场景的范围", "M1最高档的表述", "M4的区间", "一级的场景条件", "0级场景",
                         "三级与四级描述的顺序", "F4的分值", "F1选项E的前提"],
               reading_verdict=("对本企业的影响", "每一种尚待与官方文本核对的解读都不改变等级"),
               gates_title="升至三级（集成级）的条件", short=["差11.125分", "差6个", "差3个"],
               steps_title="升至三级（集成级）的最少步骤：共 11 步",
               steps=["将产品设计★由 2 级提升到 3 级：", "将生产管控★由 2 级提升到 3 级：",
                      "将质量管理★由 2 级提升到 3 级："]),
    "en": dict(sheets=["Overview", "Indicators", "Scenarios", "Gap analysis", "Method"], font="Calibri",
               total="Total", level_label="Digitization level", level_name="Level 2 (standardized)",
               dims=["Digital foundation", "Digital management", "Digital results"],
               verdict="needs 11.125 more points", at_least="L%d or above",
               subtotal="Digital foundation subtotal", met="met", unmet="not met",
               sub="Equipment and systems", star="Product design ★",
               title="SME digitization diagnostic report", footer="Page &P of &N",
               sha="Answer file SHA-256", rank="Rank", subsidy="Subsidy", sum="Total",
               record="Assessment record",
               readings=["Which scenarios are constrained (★)", "Wording of M1's top option",
                         "M4's bins", "The scenario condition of level 1", "Scenarios at level 0",
                         "Order of the level 3 and level 4 descriptors", "F4's points",
                         "When F1 option E may be chosen"],
               reading_verdict=("For this enterprise", "the level is the same under every open reading"),
               gates_title="What Level 3 (integrated) needs",
               short=["11.125 short", "6 short", "3 short"],
               steps_title="Fewest steps to Level 3 (integrated): 11 in all",
               steps=["Bring product design ★ from level 2 to level 3: ",
                      "Bring production control ★ from level 2 to level 3: ",
                      "Bring quality management ★ from level 2 to level 3: "]),
}


def check_page_one(ws, t, subsidy):
    """The next level's gates as a small table, the first three plan actions, the subsidy."""
    r = find_row(ws, 1, t["gates_title"])
    if r:
        want = [(60, 48.875, t["short"][0]), (8, 2, t["short"][1]), (5, 2, t["short"][2])]
        for i, (need, have, verdict) in enumerate(want):
            near(ws.cell(r + 2 + i, 2).value, need, f"page 1 gate {i} needed")
            near(ws.cell(r + 2 + i, 3).value, have, f"page 1 gate {i} now")
            eq(ws.cell(r + 2 + i, 4).value, verdict, f"page 1 gate {i} verdict")
    heads = [ws.cell(x, 1).value or "" for x in range(1, ws.max_row + 1)]
    at = [i + 1 for i, h in enumerate(heads) if h.startswith(t["steps_title"])]
    check(len(at) == 1, f"page 1: the plan's heading {t['steps_title']!r}")
    if at:
        for k, start in enumerate(t["steps"]):
            eq(ws.cell(at[0] + 1 + k, 1).value, str(k + 1), f"page 1 plan action {k + 1}")
            check((ws.cell(at[0] + 1 + k, 2).value or "").startswith(start),
                  f"page 1 plan action {k + 1}: {ws.cell(at[0] + 1 + k, 2).value!r}")
        check(ws.cell(at[0] + 4, 2).value is None or not str(ws.cell(at[0] + 4, 1).value).isdigit(),
              "page 1: three actions only")
    r = find_row(ws, 1, t["subsidy"]) if subsidy is not None else None
    if r:
        v = ws.cell(r, 2).value or ""
        check(f"{subsidy:,}" in v, f"page 1 subsidy headline names the total: {v!r}")


def check_overview(ws, f, t):
    row = find_row(ws, 1, t["level_label"])
    if row:
        near(ws.cell(row, 2).value, 2, "overview level")
        eq(ws.cell(row, 3).value, t["level_name"], "overview level name")
        check(t["verdict"] in (ws.cell(row + 2, 2).value or ""), "overview verdict line")
    want = dict(zip(t["dims"], [(20.75, 50), (13.125, 30), (15, 20)]))
    for name, (pts, mx) in want.items():
        r = find_row(ws, 1, name)
        if r:
            near(ws.cell(r, 2).value, pts, f"overview {name} points")
            near(ws.cell(r, 3).value, mx, f"overview {name} maximum")
            near(ws.cell(r, 4).value, pts / mx, f"overview {name} share")
            eq(f.cell(r, 4).value, f"=B{r}/C{r}", f"overview {name} share formula")
    r = find_row(ws, 1, t["total"])
    if r:
        near(ws.cell(r, 2).value, 48.875, "overview total (cached)")
        check(re.fullmatch(r"=SUM\(B\d+:B\d+\)", f.cell(r, 2).value or ""),
              f"overview total formula: {f.cell(r, 2).value!r}")
        near(ws.cell(r, 3).value, 100, "overview maximum")
    r = find_row(ws, 1, t["sub"])
    if r:
        near(ws.cell(r, 2).value, 8.5, "overview sub-dimension points")
    r = find_row(ws, 1, t["star"])
    if r:
        eq(ws.cell(r, 2).value, "S01", "overview scenario id")
        near(ws.cell(r, 3).value, 2, "overview scenario level")
    for level, (n, star) in {1: (16, 10), 2: (10, 7), 3: (2, 2), 4: (0, 0)}.items():
        r = find_row(ws, 1, t["at_least"] % level)
        if r:
            near(ws.cell(r, 2).value, n, f"scenarios at >= {level}")
            near(ws.cell(r, 3).value, star, f"★ scenarios at >= {level}")
            check((f.cell(r, 2).value or "").startswith("=COUNTIF("), "COUNTIF formula")


def check_indicators(ws, f, t):
    eq(ws.freeze_panes, "A2", "indicators frozen header")
    eq(ws.print_title_rows, "$1:$1", "indicators repeated header row")
    ids = [ws.cell(r, 4).value for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value]
    eq(ids, ["F1", "F2", "F3", "F4", "F5", "F6", "F7", "M1", "M2", "M3", "M4",
             "R1", "R2", "R3", "R4"], "indicators: every scored question once, in order")
    r = find_row(ws, 4, "F1")
    if r:
        near(ws.cell(r, 7).value, 4, "F1 points")
        near(ws.cell(r, 8).value, 8, "F1 maximum")
        eq(len((ws.cell(r, 6).value or "").split("\n")), 2, "F1 answer: two options, two lines")
    r = find_row(ws, 4, "F4")
    if r:
        near(ws.cell(r, 7).value, 3.5, "F4 points")
        check((ws.cell(r, 6).value or "").startswith("D "), "F4 answer in words")
    r = find_row(ws, 1, t["subtotal"])
    if r:
        near(ws.cell(r, 7).value, 20.75, "subtotal F (cached)")
        eq(f.cell(r, 7).value, f"=SUM(G2:G{r - 1})", "subtotal F formula")
    r = find_row(ws, 1, t["total"])
    if r:
        near(ws.cell(r, 7).value, 48.875, "indicators total (cached)")
        check(re.fullmatch(r"=G\d+\+G\d+\+G\d+", f.cell(r, 7).value or ""),
              f"indicators total adds the subtotals: {f.cell(r, 7).value!r}")
    check(len(ws.conditional_formatting) > 0, "indicators: conditional formats")
    for row in range(2, ws.max_row + 1):
        for col in (7, 8):
            v = ws.cell(row, col).value
            check(isinstance(v, (int, float)), f"indicators {ws.cell(row, col).coordinate} "
                  f"is a number, not {v!r}")
    check(ws.column_dimensions["E"].width >= 20, "indicators: question column readable")
    check(ws.row_dimensions[r - 1].outlineLevel == 0 if r else True, "subtotal not folded")
    check(ws.row_dimensions[2].outlineLevel == 1, "question rows grouped under subtotals")


def check_scenarios(ws, t):
    eq(ws.max_row, 17, "scenarios: header and 16 rows")
    levels = [2, 1, 3, 1, 2, 2, 2, 1, 1, 1, 2, 2, 3, 2, 2, 1]
    stars = {"S01", "S03", "S06", "S07", "S08", "S09", "S10", "S11", "S12", "S13"}
    for i, want in enumerate(levels):
        r = i + 2
        sid = f"S{i + 1:02d}"
        eq(ws.cell(r, 1).value, sid, f"scenario row {r}")
        near(ws.cell(r, 5).value, want, f"{sid} level")
        eq(ws.cell(r, 4).value == "★", sid in stars, f"{sid} ★")
        near(ws.cell(r, 7).value, want + 1, f"{sid} next level")
        check(ws.cell(r, 8).value and ws.cell(r, 6).value != ws.cell(r, 8).value,
              f"{sid}: the next level's descriptor")
        check((ws.cell(r, 9).value or "").startswith("• "), f"{sid}: evidence list")
    check(ws.auto_filter.ref is not None, "scenarios: autofilter")


def check_gaps(ws, f, t):
    want = [(60, 48.875, 11.125), (8, 2, 6), (5, 2, 3)]
    for i, (need, have, short) in enumerate(want):
        r = 3 + i
        near(ws.cell(r, 1).value, 3, f"gate row {r}: level 3")
        near(ws.cell(r, 3).value, need, f"gate row {r} required")
        near(ws.cell(r, 4).value, have, f"gate row {r} reached")
        eq(ws.cell(r, 5).value, t["unmet"], f"gate row {r} met (cached)")
        near(ws.cell(r, 6).value, short, f"gate row {r} short by")
        eq(f.cell(r, 6).value, f"=MAX(0,C{r}-D{r})", f"gate row {r} formula")
    head = find_row(ws, 1, t["rank"])
    rank1 = head + 1 if head else None
    if rank1:
        near(ws.cell(rank1, 1).value, 1, "improvements ranked from 1")
        eq(ws.cell(rank1, 6).value, "S01", "first improvement: S01 (★, one step)")
        eq(ws.cell(rank1 + 14, 6).value, "M4", "first points improvement: M4")
        near(ws.cell(rank1 + 14, 3).value, 5.625, "M4 gains 5.625")
        near(ws.cell(rank1 + 14, 4).value, 54.5, "running total after M4")
        eq(f.cell(rank1 + 14, 4).value, f"=$D$3+C{rank1 + 14}", "running total formula")


def check_method(ws, t, answer_file):
    values = [ws.cell(r, 2).value for r in range(1, ws.max_row + 1)]
    check("miit-2024" in values, "method: instrument id")
    check("2024" in values, "method: instrument version")
    names = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    for name in t["readings"]:
        check(name in names, f"method: reading {name}")
    check(any(isinstance(v, str) and "工信厅企业〔2024〕56号" in v for v in values),
          "method: cites the notice 工信厅企业〔2024〕56号")
    r = find_row(ws, 1, t["reading_verdict"][0])
    if r:
        check(t["reading_verdict"][1] in (ws.cell(r, 2).value or ""),
              f"method: the level is the same under every open reading: {ws.cell(r, 2).value!r}")
    r = find_row(ws, 1, t["sha"])
    if r:
        with open(answer_file, "rb") as fh:
            eq(ws.cell(r, 2).value, hashlib.sha256(fh.read()).hexdigest(), "method: SHA-256")
    check(any(isinstance(v, str) and v.startswith("assess ") for v in values),
          "method: tool version")


def check_subsidy(ws, f, t, total):
    r = find_row(ws, 1, t["sum"])
    if r:
        near(ws.cell(r, 8).value, total, "subsidy total")
        check(re.fullmatch(r"=SUM\(H\d+:H\d+\)", f.cell(r, 8).value or ""),
              f"subsidy total formula {f.cell(r, 8).value!r}")
    # Clause numbers as the document writes them in Chinese, in Arabic numerals in English.
    clause = (lambda n, zh: zh) if t is T["zh"] else (lambda n, zh: f"Clause {n}")
    numbers = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    check(clause(17, "（十七）") in numbers and clause(21, "（二十一）") in numbers,
          f"clause numbers (十七) and (二十一): {numbers}")
    if t is T["en"]:
        check(not any(isinstance(v, str) and re.search("[（一二三四五六七八九十]", v)
                      for v in numbers), f"Chinese clause numbers in English: {numbers}")
    r = find_row(ws, 1, clause(1, "（一）"))
    if r:
        near(ws.cell(r, 4).value, 600000, "clause (一) base")
        near(ws.cell(r, 5).value, 0.5, "clause (一) rate")
        near(ws.cell(r, 6).value, 200000, "clause (一) cap")
        # the example is a baseline: (一) pays after transformation only
        near(ws.cell(r, 8).value, 0, "clause (一) amount")
    r = find_row(ws, 1, clause(2, "（二）"))
    if r:
        near(ws.cell(r, 8).value, 18000, "clause (二) amount")


def check_package(path, wb, t):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        charts = sorted(n for n in names if n.startswith("xl/charts/chart"))
        eq(len(charts), 2, "two charts")
        kinds = "".join(z.read(n).decode() for n in charts)
        check("<c:radarChart>" in kinds, "a radar chart")
        check("<c:barChart>" in kinds and '<c:barDir val="bar"/>' in kinds, "a bar chart")
        face = '<a:latin typeface="%s"/>' % t["font"]
        check(set(re.findall(r'<a:latin typeface="[^"]*"/>', kinds)) == {face}, "charts' font")
        for legend in re.findall(r"<c:legend>.*?</c:legend>", kinds, re.S):
            check(face in legend and 'sz="800"' in legend, "a legend at the axes' size")
        rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
        check("drawing" in rels, "the charts are on the overview")
        wbxml = z.read("xl/workbook.xml").decode()
        check('name="TotalScore"' in wbxml and 'name="DigitalLevel"' in wbxml, "defined names")
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
        check('paperSize="9"' in sheet1, "A4 paper")
        check('fitToWidth="1"' in sheet1 or "fitToPage" in sheet1, "fit to page width")
    props = wb.properties
    eq(props.creator, "张工（示例服务商）", "document author is the assessor")
    check(t["title"] in (props.title or ""), f"document title: {props.title!r}")
    eq(props.created, datetime.datetime(2026, 11, 20, 0, 0), "created = assessment date")
    for ws in wb.worksheets:
        check(t["footer"] in (ws.oddFooter.right.text or ""),
              f"{ws.title}: footer page x of y: {ws.oddFooter.right.text!r}")
        check("泉州示例运动用品有限公司" in (ws.oddFooter.left.text or ""),
              f"{ws.title}: footer names the enterprise")
        eq(ws.page_setup.paperSize, 9, f"{ws.title}: A4")


def main():
    path, lang, answer_file = sys.argv[1], sys.argv[2], sys.argv[3]
    t = T[lang]
    # Data bars in the Excel 2010 form are an extension openpyxl reads past; that is fine.
    warnings.simplefilter("ignore", UserWarning)
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    subsidy = int(sys.argv[4]) if len(sys.argv) > 4 else None
    # The assessment's record comes last (tests/record_check.py reads it).
    want_sheets = t["sheets"] + ([t["subsidy"]] if subsidy is not None else []) + [t["record"]]
    eq(values.sheetnames, want_sheets, "sheet names")
    if subsidy is not None and values.sheetnames == want_sheets:
        check_subsidy(values[t["subsidy"]], formulas[t["subsidy"]], t, subsidy)
    if values.sheetnames[:5] == t["sheets"]:
        names = t["sheets"]
        check_overview(values[names[0]], formulas[names[0]], t)
        check_page_one(values[names[0]], t, subsidy)
        check_indicators(values[names[1]], formulas[names[1]], t)
        check_scenarios(values[names[2]], t)
        check_gaps(values[names[3]], formulas[names[3]], t)
        check_method(values[names[4]], t, answer_file)
    for ws in values.worksheets:  # every sheet repeats its title or header rows when printed
        check(ws.print_title_rows, f"{ws.title}: no rows repeated on each printed page")
    check_package(path, values, t)
    return verdict(path, f"report_check {lang}")


if __name__ == "__main__":
    sys.exit(main())
