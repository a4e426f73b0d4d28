#!/usr/bin/python3
"""The Python peer of `assess score --ndjson` and `assess batch`, for the benchmarks.

    peer.py score IN.ndjson > OUT.ndjson     one result line per answer line
    peer.py portfolio IN.ndjson OUT.xlsx     the portfolio workbook, with XlsxWriter

What a careful Python programmer would write with the standard library and Debian's
python3-xlsxwriter: json.loads per line; the same checks as the C loader on what scoring
needs (questionnaire, known questions and options, types, exclusive options, scenario levels
0-4, every question answered, the credit code's check character); points in integer
thousandths; the same level rule. The workbook has the same Enterprises columns (one row per
enterprise, constant_memory mode), the level distribution with its chart, the breakdowns by
industry and region, the scenario heat map with the same colour scales, and an Errors sheet.
It leaves out what only the C tool has: subsidies and the budget, targets, baseline/post
pairing; the C side is timed without --policy to match.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

import xlsxwriter

HERE = os.path.dirname(os.path.abspath(__file__))
QUESTIONNAIRE = os.path.join(HERE, "..", "..", "questionnaires", "miit-2024.xml")
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def milli(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 1000 + int((frac + "000")[:3])


class Questionnaire:
    def __init__(self, path):
        root = ET.parse(path).getroot()
        self.id = root.get("id")
        self.questions = {}   # id -> (kind, {code: points}, exclusive codes, dimension, star)
        self.order = []
        self.dims = []        # scored dimension ids
        self.names = {}
        for dim in root.iter("dimension"):
            scored = dim.get("scored") != "false"
            if scored:
                self.dims.append(dim.get("id"))
            self.names[dim.get("id")] = dim.find("name/zh").text
            for ind in dim.iter("indicator"):
                for q in ind.iter("question"):
                    opts = {o.get("code"): milli(o.get("points") or "0") for o in q.findall("option")}
                    excl = {o.get("code") for o in q.findall("option") if o.get("exclusive") == "true"}
                    self.questions[q.get("id")] = (q.get("kind"), opts, excl, dim.get("id"),
                                                   q.get("constrained") == "true",
                                                   ind.find("name/zh").text)
                    self.order.append(q.get("id"))
        self.scenarios = [q for q in self.order if self.questions[q][0] == "scenario"]
        self.levels = []
        for lv in root.findall("levels/level"):  # not a reading's alternative <level>
            self.levels.append((int(lv.get("value")), milli(lv.get("min-score")),
                                int(lv.get("scenario-level")), int(lv.get("min-scenarios")),
                                int(lv.get("min-constrained")), lv.find("name/zh").text))
        self.levels.sort()


class Bad(Exception):
    pass


def valid_code(code):
    if len(code) != 18 or any(c not in ALPHABET for c in code):
        return False
    total = sum(ALPHABET.index(c) * w for c, w in zip(code, WEIGHTS))
    return code[17] == ALPHABET[(31 - total % 31) % 31]


def score(qn, doc):
    if not isinstance(doc, dict) or doc.get("questionnaire") != qn.id:
        raise Bad("$.questionnaire: expected \"%s\"" % qn.id)
    ent = doc.get("enterprise") or {}
    code = ent.get("credit_code")
    if code is not None and not valid_code(code):
        raise Bad("$.enterprise.credit_code: invalid credit code")
    answers = doc.get("answers")
    if not isinstance(answers, dict):
        raise Bad("$: no \"answers\" object")
    dims = defaultdict(int)
    levels = {}
    for qid, value in answers.items():
        if qid not in qn.questions:
            raise Bad("$.answers.%s: no such question" % qid)
        kind, opts, excl, dim, _, _ = qn.questions[qid]
        if kind == "scenario":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 4:
                raise Bad("$.answers.%s: a level 0 to 4" % qid)
            levels[qid] = value
        elif kind == "single":
            if not isinstance(value, str) or value not in opts:
                raise Bad("$.answers.%s: no option %r" % (qid, value))
            dims[dim] += opts[value]
        else:
            if not isinstance(value, list) or not value or len(set(value)) != len(value):
                raise Bad("$.answers.%s: expected a list of codes" % qid)
            for c in value:
                if not isinstance(c, str) or c not in opts:
                    raise Bad("$.answers.%s: no option %r" % (qid, c))
            if len(value) > 1 and excl & set(value):
                raise Bad("$.answers.%s: \"none\" with another option" % qid)
            dims[dim] += sum(opts[c] for c in value)
    missing = [q for q in qn.order if q not in answers]
    if missing:
        raise Bad("%d unanswered questions" % len(missing))
    total = sum(dims.values())
    at_least = [0] * 5
    star_at_least = [0] * 5
    for q in qn.scenarios:
        star = qn.questions[q][4]
        for lv in range(levels[q] + 1):
            at_least[lv] += 1
            star_at_least[lv] += star
    gates = [total >= s and at_least[sl] >= n and star_at_least[sl] >= c
             for _, s, sl, n, c, _ in qn.levels]
    level = 0
    for i, met in enumerate(gates):
        if met:
            level = i + 1
    return {"total": total, "dims": dims, "level": level, "levels": levels,
            "at_least": at_least, "star_at_least": star_at_least, "gates": gates}


def decimal(m):
    return "%d" % (m // 1000) if m % 1000 == 0 else ("%d.%03d" % divmod(m, 1000)).rstrip("0")


def scored_lines(qn, path):
    """Each non-blank line of an NDJSON stream, scored: (line, document, result, None), or
    (line, None, None, the reason) for one that is refused."""
    with open(path, encoding="utf-8") as f:
        for n, text in enumerate(f, 1):
            if not text.strip():
                continue
            try:
                doc = json.loads(text)
                r = score(qn, doc)
            except (ValueError, Bad) as e:
                yield n, None, None, e
                continue
            yield n, doc, r, None


def score_stream(path):
    qn = Questionnaire(QUESTIONNAIRE)
    out = sys.stdout
    failed = 0
    for n, doc, r, e in scored_lines(qn, path):
        if e is not None:
            failed += 1
            out.write(json.dumps({"source": path, "line": n, "error": {"message": str(e)}},
                                 ensure_ascii=False, separators=(",", ":")))
        else:
            ent = doc.get("enterprise") or {}
            out.write(json.dumps({
                "source": path, "line": n, "questionnaire": qn.id, "enterprise": ent,
                "total": json.loads(decimal(r["total"])), "total_milli": r["total"],
                "level": r["level"],
                "dimensions": {d: json.loads(decimal(r["dims"][d])) for d in qn.dims},
                "scenarios": {"at_least": r["at_least"],
                              "constrained_at_least": r["star_at_least"]},
                "gates_met": r["gates"]}, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
    return 65 if failed else 0


class Group:
    def __init__(self, n_scenarios):
        self.n = 0
        self.levels = [0] * 5
        self.total = 0
        self.scen = [0] * n_scenarios


def portfolio(path, out_path):
    qn = Questionnaire(QUESTIONNAIRE)
    wb = xlsxwriter.Workbook(out_path, {"constant_memory": True})
    names = ["概览", "按行业", "按地区", "场景热力图", "企业明细", "错误"]
    ws = {n: wb.add_worksheet(n) for n in names}
    hdr = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                         "align": "center", "valign": "vcenter"})
    pts = wb.add_format({"num_format": "0.###"})
    pct = wb.add_format({"num_format": "0.0%"})
    mean = wb.add_format({"num_format": "0.00"})
    scale = {"type": "3_color_scale", "min_type": "num", "min_value": 0, "min_color": "#F8696B",
             "mid_type": "num", "mid_value": 2, "mid_color": "#FFEB84", "max_type": "num",
             "max_value": 4, "max_color": "#63BE7B"}
    rows = ws["企业明细"]
    head = ["序号", "统一社会信用代码", "企业名称", "行业", "规模", "规上", "地区", "阶段", "评测日期",
            "总分"] + [qn.names[d] for d in qn.dims] + ["等级"]
    head += ["%s %s%s" % (q, qn.questions[q][5], "★" if qn.questions[q][4] else "")
             for q in qn.scenarios]
    head += ["场景≥%d级" % l for l in range(1, 5)] + ["★场景≥%d级" % l for l in range(1, 5)] + ["来源"]
    for c, h in enumerate(head):
        rows.write_string(0, c, h, hdr)
    rows.freeze_panes(1, 3)
    errors = ws["错误"]
    for c, h in enumerate(["序号", "来源", "行", "原因"]):
        errors.write_string(0, c, h, hdr)
    overall = Group(len(qn.scenarios))
    by = {"industry": defaultdict(lambda: Group(len(qn.scenarios))),
          "region": defaultdict(lambda: Group(len(qn.scenarios)))}
    n_rows = n_err = 0
    for n, doc, r, e in scored_lines(qn, path):
        if e is not None:
            n_err += 1
            errors.write_number(n_err, 0, n_err)
            errors.write_string(n_err, 1, path)
            errors.write_number(n_err, 2, n)
            errors.write_string(n_err, 3, str(e))
            continue
        n_rows += 1
        ent = doc.get("enterprise") or {}
        st = doc.get("assessment") or {}
        above = ent.get("above_scale")
        row = [n_rows, ent.get("credit_code"), ent.get("name"), ent.get("industry"),
               ent.get("size"), None if above is None else "是" if above else "否",
               ent.get("region"), {"baseline": "改造前", "post": "改造后"}.get(st.get("stage")),
               st.get("date")]
        for c, v in enumerate(row):
            if isinstance(v, int):
                rows.write_number(n_rows, c, v)
            elif v:
                rows.write_string(n_rows, c, v)
        c = len(row)
        rows.write_number(n_rows, c, r["total"] / 1000, pts)
        for d in qn.dims:
            c += 1
            rows.write_number(n_rows, c, r["dims"][d] / 1000, pts)
        c += 1
        rows.write_number(n_rows, c, r["level"])
        scen = [r["levels"][q] for q in qn.scenarios]
        for v in scen + r["at_least"][1:] + r["star_at_least"][1:]:
            c += 1
            rows.write_number(n_rows, c, v)
        rows.write_string(n_rows, c + 1, "%s:%d" % (path, n))
        for g in (overall, by["industry"][ent.get("industry") or ""],
                  by["region"][ent.get("region") or ""]):
            g.n += 1
            g.levels[r["level"]] += 1
            g.total += r["total"]
            for i, v in enumerate(scen):
                g.scen[i] += v
    first_s = 10 + len(qn.dims) + 1
    if n_rows:
        rows.conditional_format(1, first_s - 1, n_rows, first_s + len(qn.scenarios) - 1, scale)
    rows.autofilter(0, 0, n_rows, len(head) - 1)
    level_names = ["未达一级"] + [lv[5] for lv in qn.levels]

    ov = ws["概览"]
    ov.write_string(0, 0, "中小企业数字化水平评测 · 组合汇总")
    ov.write_string(2, 0, "已评分企业")
    ov.write_number(2, 1, n_rows)
    ov.write_string(3, 0, "问题")
    ov.write_number(3, 1, n_err)
    for c, h in enumerate(["等级", "企业数", "占比"]):
        ov.write_string(5, c, h, hdr)
    for l in range(5):
        ov.write_string(6 + l, 0, level_names[l])
        ov.write_number(6 + l, 1, overall.levels[l])
        ov.write_number(6 + l, 2, overall.levels[l] / overall.n if overall.n else 0, pct)
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"categories": ["概览", 6, 0, 10, 0], "values": ["概览", 6, 1, 10, 1]})
    chart.set_title({"name": "等级分布"})
    ov.insert_chart(12, 0, chart)

    for key, sheet in (("industry", "按行业"), ("region", "按地区")):
        w = ws[sheet]
        groups = sorted(by[key].items(), key=lambda kv: (-kv[1].n, kv[0]))
        for c, h in enumerate(["分组", "企业数"] + level_names + ["二级及以上占比", "平均分"]):
            w.write_string(0, c, h, hdr)
        for i, (name, g) in enumerate(groups, 1):
            w.write_string(i, 0, name or "（未填写）")
            w.write_number(i, 1, g.n)
            for l in range(5):
                w.write_number(i, 2 + l, g.levels[l])
            w.write_number(i, 7, sum(g.levels[2:]) / g.n, pct)
            w.write_number(i, 8, g.total / 1000 / g.n, mean)

    heat = ws["场景热力图"]
    r0 = 0
    for key in ("industry", "region"):
        groups = sorted(by[key].items(), key=lambda kv: (-kv[1].n, kv[0]))
        heat.write_string(r0, 0, "分组", hdr)
        for i, q in enumerate(qn.scenarios):
            heat.write_string(r0, 1 + i, q, hdr)
        for k, (name, g) in enumerate(groups, 1):
            heat.write_string(r0 + k, 0, name or "（未填写）")
            for i in range(len(qn.scenarios)):
                heat.write_number(r0 + k, 1 + i, g.scen[i] / g.n, mean)
        heat.conditional_format(r0 + 1, 1, r0 + len(groups), len(qn.scenarios), scale)
        r0 += len(groups) + 2
    wb.close()
    return 65 if n_err else 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "score":
        sys.exit(score_stream(sys.argv[2]))
    if len(sys.argv) >= 4 and sys.argv[1] == "portfolio":
        sys.exit(portfolio(sys.argv[2], sys.argv[3]))
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
