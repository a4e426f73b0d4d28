#!/usr/bin/python3
"""One-shot Python peers for `assess report` end to end: a whole process per workbook.

usage: oneshot.py describe REPORT.xlsx DESC.pickle    (once, not timed)
       oneshot.py xlsxwriter DESC.pickle OUT.xlsx      (timed: start-up, import, write)
       oneshot.py openpyxl DESC.pickle OUT.xlsx        (timed: the same with openpyxl)

`describe` reads a report written by `assess report` into the plain description peer.py uses
(cells, formulas with their values, styles, merges, widths, heights, panes, print set-up,
conditional formats, charts) and keeps it. Each timed run is what a one-shot Python script
would pay to write that report: interpreter start-up, importing the library, writing the
workbook, fsync and rename. It does no scoring, which `assess report` does as well, so the
comparison leans in Python's favour.

The openpyxl writer covers cells, formulas, styles, merges, widths, heights, panes and print
titles; it leaves out the two charts and the conditional formats, so it too leans Python's way.
"""
import os
import pickle
import sys


def finish(tmp, final):
    fd = os.open(tmp, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    os.replace(tmp, final)


def write_openpyxl(book, path):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    styles = {}

    def apply(cell, key):
        if key not in styles:
            f = dict(key)
            side = Side(style="thin", color=(f.get("border_color") or "#000000")[1:])
            styles[key] = (
                Font(name=f.get("font_name"), sz=f.get("font_size"), b=f.get("bold", False),
                     color=f["font_color"][1:] if f.get("font_color") else None),
                PatternFill("solid", fgColor=f["bg_color"][1:]) if f.get("bg_color") else None,
                Border(left=side, right=side, top=side, bottom=side) if f.get("border") else None,
                Alignment(wrap_text=f.get("text_wrap"), horizontal=f.get("align"),
                          vertical={"vcenter": "center"}.get(f.get("valign"), f.get("valign"))),
                f.get("num_format"))
        font, fill, border, align, numfmt = styles[key]
        cell.font, cell.alignment = font, align
        if fill:
            cell.fill = fill
        if border:
            cell.border = border
        if numfmt:
            cell.number_format = numfmt

    for sh in book["sheets"]:
        ws = wb.create_sheet(sh["name"])
        for c, w in sh["cols"].items():
            ws.column_dimensions[openpyxl.utils.get_column_letter(c + 1)].width = w
        for r, (h, level) in sh["rows"].items():
            ws.row_dimensions[r + 1].height = h
            if level:
                ws.row_dimensions[r + 1].outlineLevel = level
        for r, c, value, formula, key in sh["cells"]:
            cell = ws.cell(r + 1, c + 1, formula or value)
            apply(cell, key)
        for r1, c1, r2, c2, value, formula, key in sh["merged"]:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1,
                           end_column=c2 + 1)
            apply(ws.cell(r1 + 1, c1 + 1, value), key)
        if sh["freeze"]:
            ws.freeze_panes = sh["freeze"]
        if sh["repeat"]:
            ws.print_title_rows = sh["repeat"]
        ws.page_setup.paperSize = 9
        if sh["landscape"]:
            ws.page_setup.orientation = "landscape"
    wb.save(path)


def main(argv):
    mode = argv[1] if len(argv) == 4 else ""
    if mode == "describe":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import peer
        with open(argv[3], "wb") as f:
            pickle.dump(peer.describe(argv[2]), f)
        return 0
    if mode not in ("xlsxwriter", "openpyxl"):
        print(__doc__, file=sys.stderr)
        return 64
    with open(argv[2], "rb") as f:
        book = pickle.load(f)
    tmp = argv[3] + ".tmp"
    if mode == "xlsxwriter":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import peer  # its write(): XlsxWriter only
        peer.write(book, tmp)
    else:
        write_openpyxl(book, tmp)
    finish(tmp, argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
