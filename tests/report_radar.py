#!/usr/bin/python3
"""The radar chart is as large in English as in Chinese (tests/report.sh).

usage: report_radar.py ZH.xlsx EN.xlsx

The same anchor in both (the chart's size comes from the sheet's fixed layout, not from the
language), and English category names on at most two lines of at most 12 characters: a
chart's plot shrinks to leave its widest label room on either side, so one-line English names
would leave a smaller radar in the same frame. The names come from a hidden column, which the
chart is told to show.
"""
import re
import sys
import zipfile


def radar(path):
    with zipfile.ZipFile(path) as z:
        charts = [z.read(n).decode() for n in sorted(z.namelist())
                  if re.match(r"xl/charts/chart\d+\.xml$", n)]
        drawing = z.read("xl/drawings/drawing1.xml").decode()
    xml = [c for c in charts if "<c:radarChart>" in c][0]
    # The first anchor of the overview's drawing is the radar's (the bar chart's is second).
    anchor = re.search(r"<xdr:from>.*?</xdr:to>", drawing, re.S).group(0)
    cats = re.search(r"<c:cat>.*?</c:cat>", xml, re.S).group(0)
    names = re.findall(r"<c:v>(.*?)</c:v>", cats, re.S)
    ref = re.search(r"<c:f>(.*?)</c:f>", cats).group(1)
    return anchor, names, ref, xml


def main():
    za, zn, zref, zxml = radar(sys.argv[1])
    ea, en, eref, exml = radar(sys.argv[2])
    bad = []
    if za != ea:
        bad.append("the English radar is anchored elsewhere:\n  %s\n  %s" % (za, ea))
    if len(en) != 9 or any(len(line) > 12 or n.count("\n") > 1
                           for n in en for line in n.split("\n")):
        bad.append("English categories wider than two lines of 12: %r" % en)
    if "Planning and\ngovernance" not in en or "设备系统" not in zn:
        bad.append("categories: %r / %r" % (en, zn))
    for ref, xml in ((zref, zxml), (eref, exml)):
        if not re.match(r"'?(概览|Overview)'?!\$J\$\d+:\$J\$\d+$", ref):
            bad.append("categories from %s, not the hidden column J" % ref)
        if '<c:plotVisOnly val="1"/>' in xml:  # libxlsxwriter leaves it out to show them
            bad.append("the chart does not show its hidden category column")
    for b in bad:
        print("FAIL radar:", b)
    print("report_radar: %s" % ("ok" if not bad else "%d failed" % len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
