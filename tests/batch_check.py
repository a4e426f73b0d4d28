#!/usr/bin/python3
"""Fixtures and checks for tests/batch.sh: `assess batch` and `assess score --ndjson`.

    batch_check.py make DIR          write the inputs into DIR
    batch_check.py pilot DIR         check DIR/pilot.xlsx and DIR/reports/
    batch_check.py over DIR          check DIR/over.xlsx (subsidies over the budget)
    batch_check.py english DIR       check DIR/english.xlsx (--lang en)
    batch_check.py pilot-en DIR      check DIR/en/pilot.xlsx (the pilot in English, reports
                                     in DIR/en-reports) and DIR/baseline.xlsx (no post rows)
    batch_check.py pipe-input        print 10,000 answer lines for the pipe test
    batch_check.py pipe-output FILE  check what score --ndjson made of them

Every expected number below is worked out by hand from the questionnaire (miit-2024.xml) and
the Pingluo policy (policies/pingluo.xml), never by running the tool:

  variant  answers                                   total    level
  ZERO     every question A, every scenario 0         0        0
  ONE      digital foundation full, the rest A,       50       1   (F: 8+6+6+10+10+5+5 = 50;
           every scenario 1                                         16 scenarios >= L1, none >= L2)
  EXAMPLE  examples/quanzhou-sports-baseline.json     48.875   2   (F 20.75, M 13.125, R 15)
  MAX      every top option, every scenario 4          100      4

Pingluo clause (一), batch 1: 60% of project spend, at most 500,000 yuan, for pilot enterprises
in 平罗县 (region_code 640221) at level >= 2 on a post-transformation assessment (a baseline row
pays nothing now; the baseline fixtures are below level 2 anyway); dated 2026-06-30 (inside the 2025-12 .. 2026-09-30 window). With software spend
1,000,000 and nothing else: 600,000 capped to 500,000 at level >= 2, 0 below. The other clauses
need awards, cloud spend or counts the fixtures do not have: they pay 0.
"""
import json
import os
import re
import sys
import unicodedata
import zipfile

import openpyxl

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

F_ZERO = {"F1": ["A"], "F2": "A", "F3": "A", "F4": ["A"], "F5": "A", "F6": ["A"], "F7": ["A"]}
F_MAX = {"F1": list("BCDE"), "F2": "E", "F3": "E", "F4": list("BCDEFGHIJKLMNO"), "F5": "E",
         "F6": list("BCDE"), "F7": list("BCDE")}
MR_ZERO = {"M1": "A", "M2": ["A"], "M3": ["A"], "M4": "A", "R1": "A", "R2": "A", "R3": "A",
           "R4": "A"}
MR_MAX = {"M1": "F", "M2": list("BCDE"), "M3": list("BCDEF"), "M4": "E", "R1": "C", "R2": "C",
          "R3": "C", "R4": "C"}
EXAMPLE = {"F1": ["B", "C"], "F2": "C", "F3": "B", "F4": ["D", "G", "H", "M", "N"], "F5": "C",
           "F6": ["B", "C"], "F7": ["B"], "S01": 2, "S02": 1, "S03": 3, "S04": 1, "S05": 2,
           "S06": 2, "S07": 2, "S08": 1, "S09": 1, "S10": 1, "S11": 2, "S12": 2, "S13": 3,
           "S14": 2, "S15": 2, "S16": 1, "M1": "D", "M2": ["B", "C"], "M3": ["B", "D"],
           "M4": "B", "R1": "B", "R2": "C", "R3": "C", "R4": "B"}
EXAMPLE_SCENARIOS = [2, 1, 3, 1, 2, 2, 2, 1, 1, 1, 2, 2, 3, 2, 2, 1]
TOTAL = {"ZERO": 0, "ONE": 50, "EXAMPLE": 48.875, "MAX": 100}
LEVEL = {"ZERO": 0, "ONE": 1, "EXAMPLE": 2, "MAX": 4}


def scenarios(level):
    return {"S%02d" % i: level for i in range(1, 17)}


def answers(variant):
    if variant == "EXAMPLE":
        return dict(EXAMPLE)
    if variant == "ZERO":
        return {**F_ZERO, **MR_ZERO, **scenarios(0)}
    if variant == "ONE":
        return {**F_MAX, **MR_ZERO, **scenarios(1)}
    return {**F_MAX, **MR_MAX, **scenarios(4)}


def code(k):
    first = "9135058200%07d" % k
    total = sum(ALPHABET.index(c) * w for c, w in zip(first, WEIGHTS))
    return first + ALPHABET[(31 - total % 31) % 31]


def obj(k, variant, stage, above=True, industry=None, region=None, name=None):
    # Pingluo's pilot enterprises (640221 平罗县): the policy pays pilot enterprises there only.
    ent = {"name": name or "企业%d" % k, "credit_code": code(k), "region_code": "640221"}
    if industry:
        ent["industry"] = industry
    if region:
        ent["region"] = region
    if above is not None:
        ent["above_scale"] = above
    return {"questionnaire": "miit-2024", "enterprise": ent,
            "assessment": {"date": "2026-06-30", "stage": stage},
            "answers": answers(variant),
            "finance": {"project_spend": {"software": 1000000}, "batch": 1},
            "status": {"pilot_enterprise": True}}


def line(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))


def post_variant(k):
    """Post rows 1..60: 40 at level 2, 10 at level 4, 5 at level 1, 5 at level 0."""
    return "EXAMPLE" if k <= 40 else "MAX" if k <= 50 else "ONE" if k <= 55 else "ZERO"


def post_above(k):
    """Above scale: 1..38 yes, 39..40 no, 41..55 yes, 56..60 not stated."""
    return True if k <= 38 or 41 <= k <= 55 else False if k <= 40 else None


def make(d):
    os.makedirs(os.path.join(d, "in", "baseline"), exist_ok=True)
    os.makedirs(os.path.join(d, "in", "bad"), exist_ok=True)
    with open(os.path.join(d, "in", "post.ndjson"), "w", encoding="utf-8") as f:
        for k in range(1, 61):
            f.write(line(obj(k, post_variant(k), "post", post_above(k),
                             "纺织服装" if k <= 30 else "食品加工",
                             "城关镇" if k % 2 else "黄渠桥镇")) + "\n")
        f.write("\n")                                              # line 61: blank, skipped
        bad = obj(61, "EXAMPLE", "post")
        bad["answers"]["Z9"] = "A"
        f.write(line(bad) + "\n")                                  # line 62: unknown question
        f.write(line(obj(1, "ONE", "post", True, "纺织服装", "城关镇")) + "\n")  # 63: duplicate
    # Baseline assessments of enterprises 1-3 (levels 1, 0, 1; all level 2 after).
    for k, v in ((1, "ONE"), (2, "ZERO"), (3, "ONE")):
        with open(os.path.join(d, "in", "baseline", "b%d.json" % k), "w", encoding="utf-8") as f:
            json.dump(obj(k, v, "baseline", True, "纺织服装", "城关镇"), f, ensure_ascii=False,
                      indent=1)
    with open(os.path.join(d, "in", "bad", "broken.json"), "w") as f:
        f.write('{"questionnaire": "miit-2024",\n  "answers": {\n')
    bad = obj(70, "EXAMPLE", "post")
    bad["answers"]["F2"] = "Z"
    with open(os.path.join(d, "in", "bad", "unknown-option.json"), "w", encoding="utf-8") as f:
        json.dump(bad, f, ensure_ascii=False)
    # 57 enterprises at level 2, 500,000 each: 28,500,000, over the 28,000,000 budget.
    with open(os.path.join(d, "over.ndjson"), "w", encoding="utf-8") as f:
        for k in range(1, 58):
            f.write(line(obj(k, "EXAMPLE", "post", True, "纺织服装", "平罗县")) + "\n")
    # A hostile name and a code: the report is named from the code only.
    with open(os.path.join(d, "evil.json"), "w", encoding="utf-8") as f:
        json.dump(obj(99, "EXAMPLE", "post", name="../../../tmp/evil"), f, ensure_ascii=False)


def sheet_rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def find_row(rows, first):
    for r in rows:
        if r and r[0] == first:
            return r
    raise AssertionError("no row starting with %r" % (first,))


def check(cond, what):
    if not cond:
        raise AssertionError(what)


# The level colours of the charts, level 0 to 4, as the level colour scale of the cells runs.
LEVEL_COLORS = ["F8696B", "FBAA77", "FFEB84", "B1D580", "63BE7B"]


def charts(path):
    """The chart parts of a workbook, in order (openpyxl does not read charts back)."""
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n)),
                       key=lambda n: int(re.search(r"(\d+)", n).group(1)))
        return [z.read(n).decode("utf-8") for n in names]


def check_charts(path, most, lang):
    """Level colours in level order; count axes in whole numbers (a tick per unit up to 10); the
    title, the axes and the legend in the workbook's font, as the report's and the acceptance
    workbook's, the legend at the axes' size."""
    face = '<a:latin typeface="%s"/>' % ("Calibri" if lang == "en" else "等线")
    for xml in charts(path):
        title = re.search(r"<c:chart><c:title>.*?</c:title>", xml, re.S)
        check(title and face in title.group(0), ("chart title font", face, title))
        for ax in re.findall(r"<c:(?:valAx|catAx)>.*?</c:(?:valAx|catAx)>", xml, re.S):
            check(face in ax, ("axis font", face, ax))
        for legend in re.findall(r"<c:legend>.*?</c:legend>", xml, re.S):
            check(face in legend and 'sz="800"' in legend, ("legend font, as the axes'", legend))
        got = set(re.findall(r'<a:latin typeface="[^"]*"/>', xml))
        check(got == {face}, ("chart fonts", got))
        for ax in re.findall(r"<c:valAx>.*?</c:valAx>", xml, re.S):
            check('<c:numFmt formatCode="0" sourceLinked="0"/>' in ax, ("count axis format", ax))
            if most <= 10:
                check('<c:majorUnit val="1"/>' in ax, ("a tick per enterprise", ax))
        if '<c:grouping val="stacked"/>' in xml:
            sers = re.findall(r"<c:ser>.*?</c:ser>", xml, re.S)
            got = [re.search(r'srgbClr val="([0-9A-F]{6})"', x).group(1) for x in sers]
            check(got == LEVEL_COLORS, ("stacked series colours", got))
        elif xml.count("<c:ser>") == 1:
            got = re.findall(r'<c:dPt>.*?srgbClr val="([0-9A-F]{6})"', xml, re.S)
            check(got == LEVEL_COLORS, ("level bars' colours", got))


# ---- what every workbook must hold ----

def display_width(text):
    """Columns a text takes as xlsx/layout counts them: 2 for CJK and full-width, else 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def unbroken(text):
    """A header as written before it was broken: a break stands for a space, or for nothing
    before （ (一级 / （初始级）)."""
    return re.sub("\n(?=（)", "", text).replace("\n", " ")


def cell_columns(width, font=10.0):
    """Display columns a cell `width` Excel units wide holds (xlsx_columns_in)."""
    return int((width - 1.0) / (1.9 / 2 * font / 10))


class N(float):
    """A cell's number in a recalculation: x/0 is NaN (the IF around it decides), not a crash."""

    def __truediv__(self, other):
        return N(float("nan")) if other == 0 else N(float(self) / float(other))

    def __rtruediv__(self, other):
        return N(float("nan")) if self == 0 else N(float(other) / float(self))


def recalc(formula, ws):
    """Evaluates one of the portfolio's formulas (SUM, SUMPRODUCT, IF, cell arithmetic) over the
    cached values of the cells it names, as a spreadsheet would recalculate it."""
    def cell(ref):
        v = ws[ref].value
        return N(v if isinstance(v, (int, float)) and not isinstance(v, bool) else 0)

    def rng(a, b):
        return [cell(c.coordinate) for row in ws[a:b] for c in row]

    def ref(m):
        return "rng(%r, %r)" % (m.group(1), m.group(2)) if m.group(2) else "cell(%r)" % m.group(1)

    expr = re.sub(r"\b([A-Z]{1,3}[0-9]+)(?::([A-Z]{1,3}[0-9]+))?\b", ref,
                  formula[1:].replace("$", ""))
    expr = expr.replace("<>", "!=").replace("=", "==").replace(">==", ">=").replace("<==", "<=")
    env = {"rng": rng, "cell": cell, "SUM": lambda *a: N(sum(sum(x) if isinstance(x, list) else x
                                                              for x in a)),
           "SUMPRODUCT": lambda a, b: N(sum(x * y for x, y in zip(a, b))),
           "IF": lambda c, a, b: a if c else b}
    return eval(expr, env)  # the workbook is our own output, its formulas from a fixed set


def check_recalc(path, least):
    """Every formula's cached value is what recalculating it gives; at least `least` formulas."""
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    n = 0
    for ws in formulas.worksheets:
        vs = values[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    n += 1
                    cached, got = vs[c.coordinate].value, recalc(c.value, vs)
                    check(isinstance(cached, (int, float)) and abs(got - cached) <= 1e-9 *
                          max(1, abs(cached)), (ws.title, c.coordinate, c.value, cached, got))
    check(n >= least, "%s: %d formulas, expected at least %d" % (path, n, least))


def check_header(ws, row, labels, first_col=1):
    """Header texts broken only where the label has a space, every line fitting its column (so
    the reader breaks nothing, a word least of all), the row tall enough for the most lines."""
    most = 1
    for i, label in enumerate(labels):
        c = ws.cell(row, first_col + i)
        text = c.value or ""
        # A break stands for a space, or for nothing before （ (一级 / （初始级）).
        check(unbroken(text) == label,
              ("header text", c.coordinate, text, label))
        width = ws.column_dimensions[c.column_letter].width
        for line in text.split("\n"):
            check(display_width(line) <= cell_columns(width),
                  ("header line wider than its column", c.coordinate, line, width))
        most = max(most, text.count("\n") + 1)
    height = ws.row_dimensions[row].height or 15
    check(height >= most * 1.45 * 10 + 5 - 0.25, ("header row too low", row, height, most))


def scenario_labels(heat):
    """The scenarios' labels as the heat map's level table lists them, one per row, unbroken."""
    top = [r for r in range(1, heat.max_row + 1) if heat.cell(r, 1).value in ("场景", "Scenario")]
    check(len(top) == 1, ("the level table's header", top))
    labels = [heat.cell(r, 1).value for r in range(top[0] + 1, top[0] + 17)]
    check(all(re.match(r"S\d\d \S", x or "") for x in labels), labels)
    return labels


def check_heat_headers(wb, lang):
    """The heat map's and the Enterprises sheet's scenario headers: not one broken mid-word."""
    heat = wb["场景热力图" if lang == "zh" else "Scenario heat map"]
    labels = scenario_labels(heat)
    check(labels[6] == ("S07 质量管理★" if lang == "zh" else "S07 Quality management★"), labels)
    rows = [r for r in range(1, heat.max_row + 1)
            if heat.cell(r, 2).value in ("企业数", "Enterprises")]
    check(len(rows) == 2, ("two group tables on the heat map", rows))
    for r in rows:
        check_header(heat, r, labels, first_col=3)
        # The scenario's name is never cut: "S07\n质量管理★", "S07 Quality\nmanagement★".
        s07 = heat.cell(r, 3 + 6).value
        check(s07.endswith("质量管理★" if lang == "zh" else "management★"), s07)
    ent = wb["企业明细" if lang == "zh" else "Enterprises"]
    head = [unbroken(c.value or "") for c in ent[1]]
    first = head.index(labels[0]) + 1
    check_header(ent, 1, labels, first_col=first)
    check_header(ent, 1, head)  # every other header too, "Scenarios ≥L1" among them


def check_errors(wb, lang, want):
    """The Errors sheet says why in the workbook's language; the loader's text follows."""
    ws = wb["错误" if lang == "zh" else "Errors"]
    head = [unbroken(c.value or "") for c in ws[1]]
    check(head[6:8] == (["原因", "详情（英文原文）"] if lang == "zh" else ["Reason", "Details"]), head)
    rows = sheet_rows(ws)[1:]
    check(len(rows) == len(want), (rows, want))
    cjk = re.compile("[\u4e00-\u9fff]")
    for r in rows:
        reason = r[6] or ""
        check(bool(cjk.search(reason)) == (lang == "zh"), ("reason language", lang, reason))
    by_source = {(os.path.basename(r[1]), r[2]): r[6] for r in rows}
    check(by_source == want, (by_source, want))


def check_links(path, want_dir, n):
    """Each report name links to its file, by a path relative to the workbook's folder."""
    ws = openpyxl.load_workbook(path)["企业明细" if "en" not in path else "Enterprises"]
    head = [unbroken(c.value or "") for c in ws[1]]
    col = head.index("诊断报告" if "en" not in path else "Report") + 1
    links = 0
    for r in range(2, ws.max_row + 1):
        c = ws.cell(r, col)
        check(c.hyperlink is not None, ("no link", c.coordinate, c.value))
        if c.hyperlink is None:
            continue
        target = c.hyperlink.target.replace("\\", "/")  # libxlsxwriter writes Excel's \
        check(target == want_dir + "/" + c.value, ("link target", target, c.value))
        check(os.path.isfile(os.path.join(os.path.dirname(path), target)), ("no file", target))
        links += 1
    check(links == n, ("links", links, n))


def check_share_basis(wb, lang, basis):
    """The overview's share column: its header names the basis, its formulas divide that
    column's cells by that column's total."""
    ws = wb["概览" if lang == "zh" else "Overview"]
    hr = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in ("等级", "Level")][0]
    head = [unbroken(c.value) for c in ws[hr] if c.value]
    share = head[-1]
    check(share == ("占比（%s）" % basis if lang == "zh" else "Share (%s)" % basis), head)
    letter = "ABCDEF"[head.index(basis)]
    total = hr + 6
    for r in range(hr + 1, hr + 6):
        f = ws.cell(r, len(head)).value
        check(f == "=IF($%s$%d>0,%s%d/$%s$%d,0)" % (letter, total, letter, r, letter, total),
              ("share formula", r, f))
    check(ws.cell(total, len(head)).value == "=SUM(%s%d:%s%d)" % (
        "ABCDEF"[len(head) - 1], hr + 1, "ABCDEF"[len(head) - 1], hr + 5), "share total")
    for c in range(2, len(head)):
        L = "ABCDEF"[c - 1]
        check(ws.cell(total, c).value == "=SUM(%s%d:%s%d)" % (L, hr + 1, L, hr + 5),
              ("level total", c, ws.cell(total, c).value))


def check_totals(wb, lang):
    """The breakdowns' and the heat map's total rows are formulas over the rows above them."""
    for name in (("按行业", "按地区") if lang == "zh" else ("By industry", "By region")):
        ws = wb[name]
        tr = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in ("合计", "Total")][0]
        check(ws.cell(tr, 2).value == "=SUM(B5:B%d)" % (tr - 1), (name, ws.cell(tr, 2).value))
        check(ws.cell(tr, 12).value == "=IF(B%d>0,SUMPRODUCT(B5:B%d,L5:L%d)/B%d,0)" % (
            tr, tr - 1, tr - 1, tr), (name, ws.cell(tr, 12).value))
    heat = wb["场景热力图" if lang == "zh" else "Scenario heat map"]
    totals = [r for r in range(1, heat.max_row + 1) if heat.cell(r, 1).value in ("合计", "Total")]
    check(len(totals) == 2, totals)
    for r in totals:
        check((heat.cell(r, 2).value or "").startswith("=SUM(B"), heat.cell(r, 2).value)
        check((heat.cell(r, 3).value or "").startswith("=IF(B%d>0,SUMPRODUCT($B$" % r),
              heat.cell(r, 3).value)


def check_pilot(d):
    check_recalc(os.path.join(d, "pilot.xlsx"), 60)
    formulas = openpyxl.load_workbook(os.path.join(d, "pilot.xlsx"))
    check_heat_headers(formulas, "zh")
    check_share_basis(formulas, "zh", "改造后")
    check_totals(formulas, "zh")
    check_errors(formulas, "zh", {("missing.json", None): "无法打开",
                                  ("broken.json", 2): "格式错误",
                                  ("unknown-option.json", 1): "数据错误",
                                  ("post.ndjson", 62): "数据错误",
                                  ("post.ndjson", 63): "信用代码和评测阶段与前面一行相同，未计入"})
    check_links(os.path.join(d, "pilot.xlsx"), "reports", 63)
    wb = openpyxl.load_workbook(os.path.join(d, "pilot.xlsx"), data_only=True)
    check(wb.sheetnames == ["概览", "目标", "按行业", "按地区", "场景热力图", "企业明细", "错误"],
          wb.sheetnames)
    ent = sheet_rows(wb["企业明细"])
    head = ent[0]
    col = {unbroken(name): i for i, name in enumerate(head)}
    rows = ent[1:]
    # Folder order: bad/ (2 failures), baseline/ (rows 1-3), post.ndjson (rows 4-63).
    check(len(rows) == 63, "63 rows, got %d" % len(rows))
    check([r[0] for r in rows] == list(range(1, 64)), "row numbers")
    for i, k in enumerate((1, 2, 3)):
        r = rows[i]
        check(r[col["统一社会信用代码"]] == code(k) and r[col["阶段"]] == "改造前", r)
        check(r[col["来源"]].endswith("in/baseline/b%d.json" % k), r[col["来源"]])
    for k in range(1, 61):
        r = rows[2 + k]
        v = post_variant(k)
        check(r[col["统一社会信用代码"]] == code(k), (k, r))
        check(r[col["来源"]].endswith("in/post.ndjson:%d" % k), r[col["来源"]])
        check(r[col["总分"]] == TOTAL[v], (k, r[col["总分"]], TOTAL[v]))
        check(r[col["等级"]] == LEVEL[v], (k, r[col["等级"]]))
        check(r[col["规上"]] == {True: "是", False: "否", None: None}[post_above(k)], (k, r))
        check(r[col["补贴测算（元）"]] == (500000 if LEVEL[v] >= 2 else 0), (k, r))
        check(r[col["诊断报告"]] == code(k) + "-post.xlsx", r)
    ex = rows[3]  # enterprise 1 after transformation: the example's answers
    check([ex[col[n]] for n in ("数字化基础", "数字化管理", "数字化成效")] == [20.75, 13.125, 15], ex)
    first_s = col["S01 产品设计★"]
    check(ex[first_s:first_s + 16] == EXAMPLE_SCENARIOS, ex[first_s:first_s + 16])
    check([ex[col["场景≥%d级" % l]] for l in range(1, 5)] == [16, 10, 2, 0], "scenario counts")
    check([ex[col["★场景≥%d级" % l]] for l in range(1, 5)] == [10, 7, 2, 0], "star counts")

    check_charts(os.path.join(d, "pilot.xlsx"), 63, "zh")
    errors = sheet_rows(wb["错误"])[1:]
    check(len(errors) == 5, errors)
    by_source = {os.path.basename(e[1]): e for e in errors}
    check(by_source["broken.json"][6] == "格式错误", by_source["broken.json"])
    check(by_source["unknown-option.json"][4] == "$.answers.F2", by_source["unknown-option.json"])
    check(by_source["missing.json"][6] == "无法打开", by_source["missing.json"])
    post_errors = [e for e in errors if e[1].endswith("post.ndjson")]
    check(sorted(e[2] for e in post_errors) == [62, 63], post_errors)
    dup = [e for e in post_errors if e[2] == 63][0]
    check("already assessed in row 4" in dup[7] and dup[5] == "重复评测", dup)

    over = sheet_rows(wb["概览"])
    check(find_row(over, "已评分企业")[1] == 63, "overview count")
    levels = {r[0]: r[1:5] for r in over if r and isinstance(r[0], str) and "级" in r[0]}
    # columns: 改造前, 改造后, 全部, 占比 (judged on post)
    check(levels["未达一级"][:3] == [1, 5, 6], levels)
    check(levels["一级（初始级）"][:3] == [2, 5, 7], levels)
    check(levels["二级（规范级）"][:3] == [0, 40, 40], levels)
    check(levels["四级（协同级）"][:3] == [0, 10, 10], levels)
    check(abs(levels["二级（规范级）"][3] - 40 / 60) < 1e-12, levels)

    tg = sheet_rows(wb["目标"])
    check(tg[1][0] == "判定依据：改造后评测（60 家企业）", tg[1])
    l2 = find_row(tg, "规上企业达到二级及以上的比例")
    # 53 above scale (38 + 10 + 5), 48 of them at >= 2; 95% of 53 = 50.35, so 51: 3 more.
    check(l2[1] == 0.95 and abs(l2[2] - 48 / 53) < 1e-12 and l2[3] == "未达成", l2)
    check("规上企业 53 家，其中 48 家" in l2[4] and "还差 3 家" in l2[4] and "另有 5 家" in l2[4], l2[4])
    l4 = find_row(tg, "达到四级的企业数")
    check(l4[1:4] == [10, 10, "达成"], l4)
    money = find_row(tg, "补贴测算合计与预算（元）")
    check(money[1:4] == [28000000, 25000000, "预算内"], money)
    check("结余 3,000,000 元" in money[4], money[4])
    line1 = find_row(tg, "中小企业数字化改造投入")
    check(line1[1:5] == [26000000, 25000000, 1000000, "预算内"], line1)
    stages = {r[0]: r for r in tg if r and r[0] in ("改造前", "改造后", "全部")}
    check(stages["改造前"][1:6] == [3, 3, 0, 0, 0], stages["改造前"])
    check(stages["改造后"][1:4] == [60, 53, 48], stages["改造后"])
    check(abs(stages["改造后"][6] - 3205 / 60) < 1e-9, stages["改造后"])  # (40*48.875+1000+250)/60
    check(stages["全部"][7] == 25000000, stages["全部"])
    check(find_row(tg, "配对 3 家：升级 3 家，持平 0 家，下降 0 家"), "pairs")
    # the three pairs are at level 2 after: 3 of 3
    check(find_row(tg, "其中改造后达到二级及以上 3 家，占 100.00%"), "pairs at level 2 after")
    hdr = [i for i, r in enumerate(tg) if r and r[0] == "改造前 ＼ 改造后"][0]
    check(tg[hdr + 1][1:6] == [0, 0, 1, 0, 0] and tg[hdr + 2][1:6] == [0, 0, 2, 0, 0], tg[hdr + 1:])

    ind = sheet_rows(wb["按行业"])
    textile, food = find_row(ind, "纺织服装"), find_row(ind, "食品加工")
    check(textile[1:7] == [30, 0, 0, 30, 0, 0], textile)
    check(food[1:7] == [30, 5, 5, 10, 0, 10], food)
    check(textile[8:10] == [30, 30] and food[8:10] == [23, 18], (textile, food))
    check(find_row(ind, "合计")[1] == 60, "industry total")
    reg = sheet_rows(wb["按地区"])
    check(find_row(reg, "城关镇")[1] == 30 and find_row(reg, "黄渠桥镇")[1] == 30, "regions")

    heat = sheet_rows(wb["场景热力图"])
    s03 = find_row(heat, "S03 营销管理★")
    # S03 after: 3 (40 examples), 4 (10 max), 1 (5 one), 0 (5 zero).
    check(s03[1:6] == [5, 5, 0, 40, 10], s03)
    check(abs(s03[6] - (40 * 3 + 10 * 4 + 5) / 60) < 1e-12, s03)
    textile_heat = [r for r in heat if r and r[0] == "纺织服装"][0]
    check(textile_heat[1] == 30 and textile_heat[2:18] == EXAMPLE_SCENARIOS, textile_heat)

    reports = sorted(os.listdir(os.path.join(d, "reports")))
    want = sorted([code(k) + "-post.xlsx" for k in range(1, 61)] +
                  [code(k) + "-baseline.xlsx" for k in (1, 2, 3)])
    check(reports == want, "reports: %s" % reports[:5])
    rep = openpyxl.load_workbook(os.path.join(d, "reports", code(41) + "-post.xlsx"))
    check(len(rep.sheetnames) >= 5, rep.sheetnames)


def check_over(d):
    check_recalc(os.path.join(d, "over.xlsx"), 20)
    wb = openpyxl.load_workbook(os.path.join(d, "over.xlsx"), data_only=True)
    tg = sheet_rows(wb["目标"])
    money = find_row(tg, "补贴测算合计与预算（元）")
    check(money[1:4] == [28000000, 28500000, "超出预算"], money)
    # The 56th enterprise brings the total to exactly 28,000,000; the 57th goes over.
    want = "超出预算 500,000 元（超出 1.8%）；按输入顺序，第 57 行（企业57 " + code(57) + "）起预算用尽"
    check(money[4] == want, money[4])
    ent = sheet_rows(wb["企业明细"])
    check(len(ent) == 58 and ent[57][0] == 57, "57 rows")
    check(ent[57][-1] == "stdin:57", ent[57][-1])
    check(sheet_rows(wb["错误"])[1][6] == "没有失败的输入。", "no errors")


def check_pilot_en(d):
    """The pilot in English, its workbook in a folder of its own and the reports beside it."""
    path = os.path.join(d, "en", "pilot.xlsx")
    check_recalc(path, 60)
    wb = openpyxl.load_workbook(path)
    check_heat_headers(wb, "en")
    check_share_basis(wb, "en", "post")
    check_totals(wb, "en")
    dup = "the same credit code and stage as an earlier row: left out"
    check_errors(wb, "en", {("missing.json", None): "cannot open", ("broken.json", 2): "malformed",
                            ("unknown-option.json", 1): "invalid data",
                            ("post.ndjson", 62): "invalid data", ("post.ndjson", 63): dup})
    check_links(path, "../en-reports", 63)
    check_charts(path, 63, "en")
    # Baseline rows only: the share is of all assessments, and says so.
    base = openpyxl.load_workbook(os.path.join(d, "baseline.xlsx"))
    check_share_basis(base, "zh", "全部")
    check_recalc(os.path.join(d, "baseline.xlsx"), 10)


def check_english(d):
    check_recalc(os.path.join(d, "english.xlsx"), 10)
    wb = openpyxl.load_workbook(os.path.join(d, "english.xlsx"), data_only=True)
    check(wb.sheetnames == ["Overview", "Targets", "By industry", "By region",
                            "Scenario heat map", "Enterprises", "Errors"], wb.sheetnames)
    tg = sheet_rows(wb["Targets"])
    check(find_row(tg, "Enterprises at level 4")[3] == "no target given", "unset target")
    check(find_row(tg, "Subsidies against the budget (yuan)")[3] == "not computed", "no policy")
    check_charts(os.path.join(d, "english.xlsx"), 1, "en")
    ent = sheet_rows(wb["Enterprises"])
    check(ent[0][:3] == ["No.", "Credit code", "Enterprise"], ent[0])
    # The row number is centred and ruled off, not run into the credit code beside it.
    no = wb["Enterprises"]["A2"]
    check(no.alignment.horizontal == "center" and no.border.right.style == "thin",
          (no.alignment.horizontal, no.border.right.style))
    check(ent[1][1] == code(99) and ent[1][2] == "../../../tmp/evil", ent[1])


def pipe_variant(i):
    return ("ZERO", "ONE", "EXAMPLE", "MAX")[i % 4]


def pipe_input():
    """10,000 lines; every 1,000th (1000, 2000, ...) names an unknown option."""
    out = sys.stdout
    for i in range(1, 10001):
        o = obj(i, pipe_variant(i), "post")
        if i % 1000 == 0:
            o["answers"]["F2"] = "Q"
        out.write(line(o) + "\n")


def pipe_output(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    check(lines[-1] == "", "output ends with a newline")
    lines = lines[:-1]
    check(len(lines) == 10000, "10,000 output lines, got %d" % len(lines))
    errors = 0
    for n, text in enumerate(lines, 1):
        r = json.loads(text)
        check(r["line"] == n and r["source"] == "stdin", (n, r.get("line")))
        if n % 1000 == 0:
            e = r["error"]
            check(e["code"] == "data" and e["path"] == "$.answers.F2" and e["exit"] == 65, e)
            errors += 1
            continue
        v = pipe_variant(n)
        check(r["total"] == TOTAL[v] and r["level"] == LEVEL[v], (n, r["total"], r["level"]))
        check(r["enterprise"]["credit_code"] == code(n), n)
    check(errors == 10, errors)
    ex = json.loads(lines[1])  # line 2: EXAMPLE
    check(ex["dimensions"] == {"F": 20.75, "M": 13.125, "R": 15}, ex["dimensions"])
    check(ex["total_milli"] == 48875, ex["total_milli"])
    check(ex["scenarios"] == {"at_least": [16, 16, 10, 2, 0],
                              "constrained_at_least": [10, 10, 7, 2, 0]}, ex["scenarios"])
    check(ex["gates_met"] == [True, True, False, False], ex["gates_met"])
    top = json.loads(lines[2])  # line 3: MAX
    check(top["gates_met"] == [True] * 4 and top["scenarios"]["at_least"] == [16] * 5, top)


def main():
    what = sys.argv[1]
    if what == "make":
        make(sys.argv[2])
    elif what == "pilot":
        check_pilot(sys.argv[2])
    elif what == "over":
        check_over(sys.argv[2])
    elif what == "english":
        check_english(sys.argv[2])
    elif what == "pilot-en":
        check_pilot_en(sys.argv[2])
    elif what == "pipe-input":
        pipe_input()
    elif what == "pipe-output":
        pipe_output(sys.argv[2])
    else:
        sys.exit("unknown step " + what)


if __name__ == "__main__":
    main()
