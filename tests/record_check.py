#!/usr/bin/python3
"""Reads the assessment's record back from an `assess report` workbook with openpyxl.

usage: record_check.py REPORT.xlsx zh|en draft|final|v1 [EVIDENCE-FOLDER]

draft: tests/record/draft.json (R3 and R4 unanswered, not finalized) with --allow-incomplete.
final: tests/record/final.json (complete, finalized 2026-11-20T16:00:00+08:00 by 王工).
v1:    examples/quanzhou-sports-baseline.json, a format 1 file without a record.

What the record holds, from the answer files by hand:
  report JJ-2026-031, on site, team 王工 (评测组长, 示例数字化服务有限公司) and 李工 (评测员,
  福建省示例评测中心), interviewees 陈总 (总经理) and 林经理 (信息化主管), on site on
  2026-11-19 and 2026-11-20; one flag on S13.
  Evidence, 4 items in questionnaire order: F1 车间网络拓扑图 (evidence/net-topology.txt,
  checklist F1.2 网络拓扑图/网络建设方案), F1 办公网络与车间网络的连接说明 (no file), F2
  生产设备台账 (evidence/equipment.txt, F2.1), S03 ERP与CRM集成截图 (evidence/erp-crm.txt,
  S03.3.1); each hash is the file's SHA-256, computed here from the files themselves.
  Changes after first entry, 3 of the 6 history entries, in history order: F1 B -> B+C (王工),
  S03 2 -> 3 (李工), F2 B -> C (李工), each with its reason.
A draft (or a report with unanswered questions) carries 暂定/DRAFT in the page header of
every sheet and in a banner on page 1 (row 3 of the overview); a finalized complete one and a
format 1 file with every answer carry neither. The custom properties Unanswered and
Finalized say the same.
"""
import hashlib
import os
import re
import sys
import warnings
import zipfile

import openpyxl

from sheetcheck import check, eq, verdict


T = {
    "zh": dict(
        before=["概览", "指标明细", "经营场景", "差距与建议", "评测依据"],
        record="评测记录", evidence="证据登记", changes="答案变更", draft="暂定",
        title_draft="评测记录（暂定）",
        no="报告编号", source=("评测方式", "现场评定"), visits=("现场评定日期", "2026-11-19、2026-11-20"),
        final=("定稿", "已定稿：2026-11-20 16:00:00 +08:00，王工", "未定稿（暂定）"),
        evidence_row=("证据", "4 项，见“证据登记”页"),
        changes_row=("答案修改", "首次作答后修改 3 处，见“答案变更”页"),
        flags=("待核实事项", "S13：请企业补充能耗数据采集记录"),
        team=("评测组", ["姓名", "角色", "单位"]), people=("受访人员", ["姓名", "职务"]),
        titles=["总经理", "信息化主管"], roles=["评测组长", "评测员"],
        statement="真实性承诺", pledge="承诺", signs=["评测人员", "服务机构", "受评企业"],
        sign="签字：", seal="盖章：", date="日期：",
        v1="本答卷为旧格式（第 1 版），不含评测记录", missing="未记录",
        ev_heads=["题号", "题目", "证据", "文件", "SHA-256", "对应支撑材料"],
        ch_heads=["题号", "题目", "原答案", "新答案", "修改时间", "修改人", "原因"],
        f1_entry="F1.2 网络拓扑图/网络建设方案", f1_name="网络建设",
        f1_from="B 车间已建成工业控制网络，可支撑自动化控制",
        f1_to="B 车间已建成工业控制网络，可支撑自动化控制\nC 已建成应用系统网络，设备、人员与信息系统大范围互联",
        s03=("2 级", "3 级"), f2=("B 超过10%，不超过20%", "C 超过20%，不超过40%")),
    "en": dict(
        before=["Overview", "Indicators", "Scenarios", "Gap analysis", "Method"],
        record="Assessment record", evidence="Evidence register", changes="Changed answers",
        draft="DRAFT", title_draft="Assessment record (DRAFT)",
        no="Report number", source=("How assessed", "On site"),
        visits=("Days on site", "2026-11-19, 2026-11-20"),
        final=("Finalization", "Finalized 2026-11-20 16:00:00 +08:00 by 王工",
               "Not finalized (draft)"),
        evidence_row=("Evidence", "4 items, on the Evidence register sheet"),
        changes_row=("Changes",
                     "3 answers changed after their first entry, on the Changed answers sheet"),
        flags=("To verify", "S13: 请企业补充能耗数据采集记录"),
        team=("Assessment team", ["Name", "Role", "Organisation"]),
        people=("Interviewees", ["Name", "Title"]),
        titles=["总经理", "信息化主管"], roles=["评测组长", "评测员"],
        statement="Statement of truthfulness", pledge="declare",
        signs=["Assessors", "Service provider", "Enterprise"],
        sign="Signatures:", seal="Seal:", date="Date:",
        v1="This answer file is in the old format (version 1) and carries no record",
        missing="not recorded",
        ev_heads=["Id", "Question", "Evidence", "File", "SHA-256", "Checklist entry"],
        ch_heads=["Id", "Question", "Before", "After", "When", "By", "Why"],
        f1_entry="F1.2 Network topology diagram or network build-out plan",
        f1_name="Network build-out",
        f1_from="B The workshop has an industrial control network that supports automated control",
        f1_to="B The workshop has an industrial control network that supports automated control\n"
              "C An application network connects equipment, people and information systems on a large scale",
        s03=("Level 2", "Level 3"), f2=("B Over 10 %, up to 20 %", "C Over 20 %, up to 40 %")),
}


def rows(ws):
    """Each row's non-empty values, by row number."""
    out = {}
    for r in ws.iter_rows(min_row=1, max_row=ws.max_row):
        v = [c.value for c in r if c.value is not None]
        if v:
            out[r[0].row] = v
    return out


def by_label(ws):
    return {v[0]: v[1:] for v in rows(ws).values() if isinstance(v[0], str)}


def custom_properties(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("docProps/custom.xml").decode()
    props = {}
    for name, kind, value in re.findall(r'name="([^"]+)"><vt:(\w+)>([^<]*)</vt:', xml):
        props[name] = int(value) if kind == "i4" else value
    return props


def check_headers(wb, t, draft):
    for ws in wb.worksheets:
        head = ws.oddHeader.center.text or ""
        if draft:
            check(head.startswith(t["draft"]), f"{ws.title}: page header {head!r} lacks {t['draft']}")
        else:
            check(t["draft"] not in head, f"{ws.title}: page header {head!r} says {t['draft']}")
    banner = wb.worksheets[0]["A3"].value or ""
    if draft:
        check(banner.startswith(t["draft"]), f"page 1: no {t['draft']} banner in A3: {banner!r}")
    else:
        eq(banner, "", "page 1: A3 is blank when not a draft")


def check_record(ws, t, kind):
    eq(ws.freeze_panes, "A2", "record: frozen title")
    eq(ws.print_title_rows, "$1:$1", "record: title repeated on every page")
    eq(ws.page_setup.paperSize, 9, "record: A4")
    kv = by_label(ws)
    all_rows = rows(ws)
    title = all_rows.get(1, [""])[0]
    eq(title, t["title_draft"] if kind == "draft" else t["record"], "record: title")
    if kind == "v1":
        eq(kv.get(t["no"]), [t["missing"]], "v1: the report number is not recorded")
        eq(kv.get(t["source"][0]), [t["missing"]], "v1: the source is not recorded")
        check(any(isinstance(v[-1], str) and v[-1].startswith(t["v1"]) for v in all_rows.values()),
              "v1: the sheet says the record is missing")
        check(t["team"][0] not in kv and t["people"][0] not in kv,
              "v1: no empty team or interviewee tables")
    else:
        eq(kv.get(t["no"]), ["JJ-2026-031"], "record: report number")
        check((kv.get(t["source"][0]) or [""])[0].startswith(t["source"][1]), "record: on site")
        eq(kv.get(t["visits"][0]), [t["visits"][1]], "record: the two site visits")
        eq(kv.get(t["final"][0]), [t["final"][1] if kind == "final" else t["final"][2]],
           "record: finalization")
        eq(kv.get(t["evidence_row"][0]), [t["evidence_row"][1]], "record: evidence count")
        eq(kv.get(t["changes_row"][0]), [t["changes_row"][1]], "record: changes count")
        eq(kv.get(t["flags"][0]), [t["flags"][1]], "record: flags")
        head = [r for r, v in all_rows.items() if v == t["team"][1]]
        check(len(head) == 1, "record: one team table")
        if head:
            eq(all_rows.get(head[0] + 1), ["王工", t["roles"][0], "示例数字化服务有限公司"], "team 1")
            eq(all_rows.get(head[0] + 2), ["李工", t["roles"][1], "福建省示例评测中心"], "team 2")
            check(head[0] + 3 not in all_rows, "team: two members only")
        head = [r for r, v in all_rows.items() if v == t["people"][1]]
        check(len(head) == 1, "record: one interviewee table")
        if head:
            eq(all_rows.get(head[0] + 1), ["陈总", t["titles"][0]], "interviewee 1")
            eq(all_rows.get(head[0] + 2), ["林经理", t["titles"][1]], "interviewee 2")
    st = [r for r, v in all_rows.items() if v == [t["statement"]]]
    check(len(st) == 1, "record: the statement of truthfulness")
    if st:
        check(t["pledge"] in (all_rows.get(st[0] + 1, [""])[0] or ""), "record: the statement's text")
    boxes = [r for r, v in all_rows.items() if v == t["signs"]]
    check(len(boxes) == 1, f"record: the three signature boxes {t['signs']}")
    if boxes:
        b = boxes[0]
        eq(all_rows.get(b + 2, [None])[0], t["sign"], "record: assessors sign")
        eq(all_rows.get(b + 3), [t["seal"], t["seal"]], "record: provider and enterprise seal")
        eq(len(all_rows.get(b + 4, [])), 3, "record: three date lines")
        check(all(v.startswith(t["date"]) for v in all_rows.get(b + 4, [])), "record: dates")
        for r in (b + 2, b + 3):
            check((ws.row_dimensions[r].height or 0) >= 36, f"record: row {r} tall enough to sign")
        if kind != "v1":
            eq(all_rows.get(b + 1, [None])[0], "王工、李工" if t["draft"] == "暂定" else "王工, 李工",
               "record: the assessors' names")


def check_evidence(ws, t, folder):
    eq(ws.freeze_panes, "A3", "evidence: frozen headers")
    eq(ws.print_title_rows, "$1:$2", "evidence: title and headers repeated")
    eq([c.value for c in ws[2]], t["ev_heads"], "evidence: headers")
    files = {}
    for name in ("net-topology.txt", "equipment.txt", "erp-crm.txt"):
        with open(os.path.join(folder, name), "rb") as fh:
            files["evidence/" + name] = hashlib.sha256(fh.read()).hexdigest()
    got = [[c.value for c in ws[r]] for r in range(3, 7)]
    eq([g[0] for g in got], ["F1", "F1", "F2", "S03"], "evidence: ids in order")
    eq(got[0][1], t["f1_name"], "evidence: the question's name on its first item")
    eq(got[1][1], None, "evidence: ... and not again")
    eq(got[0][2], "车间网络拓扑图", "evidence: title")
    eq(got[0][3], "evidence/net-topology.txt", "evidence: file")
    eq(got[0][4], files["evidence/net-topology.txt"], "evidence: the full SHA-256")
    eq(got[0][5], t["f1_entry"], "evidence: checklist entry")
    eq(got[1][3:5], ["—", "—"], "evidence: an item without a file")
    eq(got[2][4], files["evidence/equipment.txt"], "evidence: F2's SHA-256")
    eq(got[3][4], files["evidence/erp-crm.txt"], "evidence: S03's SHA-256")
    check(got[3][5].startswith("S03.3.1 "), "evidence: S03's checklist entry")
    # The full hash prints on two lines: the column holds more than half of it, less than all.
    width = ws.column_dimensions["E"].width
    check(34 <= width < 60, f"evidence: hash column width {width}")
    for r in range(3, 7):
        check((ws.row_dimensions[r].height or 0) >= 24, f"evidence: row {r} holds two lines")


def check_changes(ws, t):
    eq(ws.freeze_panes, "A3", "changes: frozen headers")
    eq(ws.print_title_rows, "$1:$2", "changes: title and headers repeated")
    eq([c.value for c in ws[2]], t["ch_heads"], "changes: headers")
    got = [[c.value for c in ws[r]] for r in range(3, ws.max_row + 1)]
    eq(len(got), 3, "changes: three changes after first entry")
    if len(got) == 3:
        eq(got[0][:4], ["F1", t["f1_name"], t["f1_from"], t["f1_to"]], "changes: F1 in words")
        eq(got[0][4:], ["2026-11-20\n10:31:02 +08:00", "王工", "现场看到了应用系统网络的拓扑图"],
           "changes: F1 when, by, why")
        eq([got[1][0]] + got[1][2:4] + got[1][5:], ["S03", *t["s03"], "李工", "企业演示了ERP与CRM的数据打通"],
           "changes: S03")
        eq([got[2][0]] + got[2][2:4], ["F2", *t["f2"]], "changes: F2")


def main():
    path, lang, kind = sys.argv[1], sys.argv[2], sys.argv[3]
    folder = sys.argv[4] if len(sys.argv) > 4 else None
    t = T[lang]
    warnings.simplefilter("ignore", UserWarning)
    wb = openpyxl.load_workbook(path)
    extra = [t["record"]] + ([t["evidence"], t["changes"]] if kind != "v1" else [])
    eq(wb.sheetnames, t["before"] + extra, "sheet names")
    draft = kind == "draft"
    check_headers(wb, t, draft)
    if t["record"] in wb.sheetnames:
        check_record(wb[t["record"]], t, kind)
    if kind != "v1" and wb.sheetnames == t["before"] + extra:
        check_evidence(wb[t["evidence"]], t, folder)
        check_changes(wb[t["changes"]], t)
    props = custom_properties(path)
    eq(props.get("Unanswered"), 2 if draft else 0, "property Unanswered")
    eq(props.get("Finalized"), "true" if kind == "final" else "false", "property Finalized")
    eq(props.get("ReportNo"), None if kind == "v1" else "JJ-2026-031", "property ReportNo")
    return verdict(path, f"record_check {lang} {kind}")


if __name__ == "__main__":
    sys.exit(main())
