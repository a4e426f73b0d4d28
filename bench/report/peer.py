#!/usr/bin/python3
"""The Python peer: writes the same workbook as `assess report` with XlsxWriter.

usage: peer.py [-n WORKBOOKS] [-r ROUNDS] [-d DIR] REPORT.xlsx

Before timing, reads a report written by the C program (openpyxl for cells, styles, merges,
widths, heights, panes, print set-up and conditional formats; the chart and drawing XML for
the two charts) into a plain description. Each timed workbook is then written from that
description with XlsxWriter, so the peer does no scoring and no reading: only what
report_write() does after scoring. It writes to a temporary name, fsyncs and renames, like
report_write(), and uses XlsxWriter's in_memory mode, its fastest.
"""
import argparse
import os
import re
import statistics
import sys
import time
import warnings
import zipfile

import xlsxwriter

warnings.simplefilter("ignore", UserWarning)


def rgb(color):
    if color is None or color.type != "rgb" or not color.rgb or color.rgb == "00000000":
        return None
    return "#" + color.rgb[-6:]


def style_of(cell):
    f = {}
    font = cell.font
    if font is not None:
        f["font_name"] = font.name
        f["font_size"] = font.sz
        if font.b:
            f["bold"] = True
        if rgb(font.color):
            f["font_color"] = rgb(font.color)
    if cell.fill is not None and cell.fill.fill_type == "solid" and rgb(cell.fill.fgColor):
        f["bg_color"] = rgb(cell.fill.fgColor)
    if cell.border is not None and cell.border.left is not None and cell.border.left.style:
        f["border"] = 1
        if rgb(cell.border.left.color):
            f["border_color"] = rgb(cell.border.left.color)
    al = cell.alignment
    if al is not None:
        if al.wrap_text:
            f["text_wrap"] = True
        if al.horizontal:
            f["align"] = al.horizontal
        if al.vertical:
            f["valign"] = {"center": "vcenter"}.get(al.vertical, al.vertical)
    if cell.number_format and cell.number_format != "General":
        f["num_format"] = cell.number_format
    return tuple(sorted(f.items()))


def charts_of(z, sheet_index):
    """(chart kind, categories ref, values ref, anchor row, col, width px, height px)."""
    rels = z.read(f"xl/worksheets/_rels/sheet{sheet_index}.xml.rels").decode() \
        if f"xl/worksheets/_rels/sheet{sheet_index}.xml.rels" in z.namelist() else ""
    m = re.search(r'Target="../drawings/(drawing\d+\.xml)"', rels)
    if not m:
        return []
    drawing = z.read("xl/drawings/" + m.group(1)).decode()
    drels = z.read("xl/drawings/_rels/" + m.group(1) + ".rels").decode()
    charts = []
    for i, anchor in enumerate(re.findall(r"<xdr:twoCellAnchor.*?</xdr:twoCellAnchor>", drawing,
                                          re.S)):
        row = int(re.search(r"<xdr:from>.*?<xdr:row>(\d+)", anchor, re.S).group(1))
        col = int(re.search(r"<xdr:from>.*?<xdr:col>(\d+)", anchor, re.S).group(1))
        to_row = int(re.search(r"<xdr:to>.*?<xdr:row>(\d+)", anchor, re.S).group(1))
        cx, cy = 340 * 9525, (to_row - row) * 20 * 9525  # as sheet-overview.c sizes them
        rid = re.search(r'r:id="(rId\d+)"', anchor).group(1)
        target = re.search(rf'Id="{rid}"[^>]*Target="../charts/(chart\d+\.xml)"', drels).group(1)
        xml = z.read("xl/charts/" + target).decode()
        kind = "radar" if "<c:radarChart>" in xml else "bar"
        # The names come from <c:cat>, wherever they stand (the radar's are in a hidden column).
        cat = re.search(r"<c:cat>.*?<c:f>(.*?)</c:f>", xml, re.S).group(1)
        val = re.search(r"<c:val>.*?<c:f>(.*?)</c:f>", xml, re.S).group(1)
        charts.append((kind, cat.replace("&apos;", "'"), val.replace("&apos;", "'"), row, col,
                       cx / 9525, cy / 9525))
    return charts


def describe(path):
    import openpyxl  # here, so that a one-shot writer (oneshot.py) does not pay for it
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path)
    z = zipfile.ZipFile(path)
    book = {"props": values.properties, "sheets": [], "names": []}
    wbxml = z.read("xl/workbook.xml").decode()
    for name, ref in re.findall(r'<definedName name="([A-Za-z]\w*)">(.*?)</definedName>', wbxml):
        book["names"].append((name, "=" + ref.replace("&apos;", "'")))
    for index, ws in enumerate(values.worksheets, 1):
        fs = formulas[ws.title]
        sheet = {"name": ws.title, "cells": [], "merged": [], "cols": {}, "rows": {},
                 "freeze": ws.freeze_panes, "landscape": ws.page_setup.orientation == "landscape",
                 "repeat": ws.print_title_rows, "footer": fs.oddFooter.left.text and
                 "&L" + fs.oddFooter.left.text + "&C" + (fs.oddFooter.center.text or "") +
                 "&R" + (fs.oddFooter.right.text or ""), "cf": [],
                 "charts": charts_of(z, index), "autofilter": ws.auto_filter.ref}
        merged_tl = {}
        for rng in ws.merged_cells.ranges:
            merged_tl[(rng.min_row, rng.min_col)] = rng
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                if type(cell).__name__ == "MergedCell":
                    continue
                formula = fs.cell(cell.row, cell.column).value
                rng = merged_tl.get((cell.row, cell.column))
                entry = (cell.row - 1, cell.column - 1, cell.value,
                         formula if isinstance(formula, str) and formula.startswith("=") else None,
                         style_of(cell))
                if rng:
                    sheet["merged"].append((rng.min_row - 1, rng.min_col - 1, rng.max_row - 1,
                                            rng.max_col - 1) + entry[2:])
                else:
                    sheet["cells"].append(entry)
        for key, dim in ws.column_dimensions.items():
            if dim.width:
                c = openpyxl.utils.column_index_from_string(key) - 1
                sheet["cols"][c] = dim.width
        for r, dim in ws.row_dimensions.items():
            if dim.ht or dim.outlineLevel:
                sheet["rows"][r - 1] = (dim.ht, dim.outlineLevel)
        for cf in ws.conditional_formatting:
            for rule in cf.rules:
                sheet["cf"].append((str(cf.sqref), rule.type, rule.operator, list(rule.formula or []),
                                    rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None))
        book["sheets"].append(sheet)
    return book


OPS = {"lessThan": "<", "greaterThan": ">", "greaterThanOrEqual": ">=", "equal": "=="}


def write(book, path):
    wb = xlsxwriter.Workbook(path, {"in_memory": True})
    p = book["props"]
    wb.set_properties({"title": p.title, "subject": p.subject, "author": p.creator,
                       "company": "", "category": p.category, "keywords": p.keywords,
                       "comments": p.description, "created": p.created})
    formats = {}

    def fmt(key):
        if key not in formats:
            formats[key] = wb.add_format(dict(key))
        return formats[key]

    good = wb.add_format({"bg_color": "#C6EFCE", "font_color": "#006100"})
    bad = wb.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
    for sh in book["sheets"]:
        ws = wb.add_worksheet(sh["name"])
        ws.set_paper(9)
        if sh["landscape"]:
            ws.set_landscape()
        ws.set_margins(0.5, 0.5, 0.6, 0.7)
        ws.fit_to_pages(1, 0)
        if sh["footer"]:
            ws.set_footer(sh["footer"])
        for c, w in sh["cols"].items():
            ws.set_column(c, c, w)
        for r, (h, level) in sh["rows"].items():
            ws.set_row(r, h, None, {"level": level} if level else None)
        for r, c, value, formula, key in sh["cells"]:
            f = fmt(key)
            if formula:
                ws.write_formula(r, c, formula, f, value)
            elif value is None:
                ws.write_blank(r, c, None, f)
            else:
                ws.write(r, c, value, f)
        for r1, c1, r2, c2, value, formula, key in sh["merged"]:
            ws.merge_range(r1, c1, r2, c2, "" if value is None else value, fmt(key))
        if sh["freeze"]:
            ws.freeze_panes(sh["freeze"])
        if sh["repeat"]:
            first = int(re.search(r"\d+", sh["repeat"]).group(0)) - 1
            ws.repeat_rows(first)
        if sh["autofilter"]:
            ws.autofilter(sh["autofilter"])
        for sqref, kind, op, formula, color in sh["cf"]:
            f = good if color and color.endswith("C6EFCE") else bad
            if kind == "dataBar":
                ws.conditional_format(sqref, {"type": "data_bar", "bar_color": "#9DC3E6",
                                              "bar_solid": True, "min_type": "num",
                                              "min_value": 0, "max_type": "num", "max_value": 1})
            elif kind == "expression":
                ws.conditional_format(sqref, {"type": "formula", "criteria": "=" + formula[0],
                                              "format": f})
            else:
                ws.conditional_format(sqref, {"type": "cell", "criteria": OPS.get(op, "=="),
                                              "value": formula[0], "format": f})
        for kind, cat, val, row, col, w, h in sh["charts"]:
            chart = wb.add_chart({"type": "radar", "subtype": "filled"} if kind == "radar"
                                 else {"type": "bar"})
            series = {"categories": "=" + cat, "values": "=" + val}
            if kind == "bar":
                series["data_labels"] = {"value": True}
                series["points"] = [{"fill": {"color": "#1F4E79"}}] * 16
            chart.add_series(series)
            chart.set_legend({"none": True})
            ws.insert_chart(row, col, chart, {"x_scale": w / 480, "y_scale": h / 288,
                                              "x_offset": 4, "y_offset": 4})
    for name, ref in book["names"]:
        wb.define_name(name, ref)
    wb.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=50)
    ap.add_argument("-r", type=int, default=7)
    ap.add_argument("-d", default="/dev/shm")
    ap.add_argument("report")
    a = ap.parse_args()
    book = describe(a.report)
    times = []
    for rnd in range(-1, a.r):  # round -1 warms up
        t0 = time.perf_counter()
        for i in range(a.n if rnd >= 0 else 1):
            final = os.path.join(a.d, f"peer-{i % 8}.xlsx")
            tmp = final + ".tmp"
            write(book, tmp)
            fd = os.open(tmp, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
            os.replace(tmp, final)
        if rnd >= 0:
            times.append(time.perf_counter() - t0)
    for i in range(8):
        try:
            os.unlink(os.path.join(a.d, f"peer-{i}.xlsx"))
        except FileNotFoundError:
            pass
    times.sort()
    print(f"XlsxWriter {xlsxwriter.__version__}: {a.n} workbooks x {a.r} rounds in {a.d}: "
          f"median {statistics.median(times) / a.n * 1e3:.3f} ms per workbook "
          f"(rounds {times[0] / a.n * 1e3:.3f}-{times[-1] / a.n * 1e3:.3f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
