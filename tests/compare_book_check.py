"""Reads an acceptance workbook back (openpyxl) and checks it against the hand-computed pair of
tests/cases/compare-policy-quanzhou (NOTES.md there): the bundled example, baseline 48.875 at
level 2, post 66.75 at level 3, against Quanzhou.

Usage: compare_book_check.py BOOK.xlsx zh|en"""
import re
import sys
import zipfile
import openpyxl

path, lang = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
names = {'zh': ['概览', '题目对比', '场景对比', '佐证登记'],
         'en': ['Overview', 'Questions', 'Scenarios', 'Evidence']}[lang]
assert wb.sheetnames == names, wb.sheetnames
ov, qs, sc, ev = (wb[n] for n in names)


def rows(ws):
    return [[c.value for c in r] for r in ws.iter_rows()]


def find(ws, label):
    for r in rows(ws):
        if r and r[0] == label:
            return r
    raise AssertionError('%s: no row %r' % (ws.title, label))


total = find(ov, '总分' if lang == 'zh' else 'Total')
assert total[1:4] == [48.875, 66.75, 17.875], total
dims = [find(ov, n)[1:4] for n in (['数字化基础', '数字化管理', '数字化成效'] if lang == 'zh'
                                   else ['Digital foundation', 'Digital management', 'Digital results'])]
assert dims == [[20.75, 31.75, 11], [13.125, 16.5, 3.375], [15, 18.5, 3.5]], dims
level = find(ov, '等级' if lang == 'zh' else 'Level')
assert level[1].startswith('二级' if lang == 'zh' else 'Level 2'), level
assert level[2].startswith('三级' if lang == 'zh' else 'Level 3'), level
# the verdict lines and the sign-off block
text = [str(v) for r in rows(ov) for v in r if v is not None]
assert any('318,000' in t for t in text), 'no payable amount'
assert any(t.endswith('S01 S11 S12 S13') for t in text), 'no evidence line'
assert ('签字确认' if lang == 'zh' else 'Sign-off') in text
assert '张工（示例服务商）' in text and '2027-03-10' in text
# print titles, footers and frozen headers on every sheet
for ws in wb.worksheets:
    assert ws.print_title_rows, (ws.title, 'no print titles')
    # every page names the enterprise in its footer, whole to its last character
    assert ws.oddFooter.left.text == '泉州示例运动用品有限公司', (ws.title, ws.oddFooter.left.text)
for ws in (qs, sc, ev):
    assert ws.freeze_panes == 'A2', (ws.title, ws.freeze_panes)
# questions: every question, changed rows highlighted, points as numbers
qrows = {r[0]: r for r in rows(qs)[1:] if r[0]}
assert len([k for k in qrows if k[0] in 'FMRS' and k[1:2].isdigit()]) == 31, sorted(qrows)
assert qrows['F2'][4:7] == [3, 6, 3], qrows['F2']
assert qrows['R2'][4:7] == [7, 7, 0], qrows['R2']
fill = lambda ws, row, col: ws.cell(row=row, column=col).fill.fgColor.rgb
ids = [r[0] for r in rows(qs)]
assert fill(qs, ids.index('F2') + 1, 1).endswith('FFF2CC'), 'F2 not highlighted'
assert not fill(qs, ids.index('R2') + 1, 1).endswith('FFF2CC'), 'R2 highlighted'
# scenarios with the chart
srows = {r[0]: r for r in rows(sc)[1:] if r[0]}
assert len(srows) == 16 and srows['S01'][3:6] == [2, 3, 1], srows['S01']
assert len(sc._charts) == 1, 'no chart'
# the chart's text in the workbook's font: its legend at the axes' 8 points, as its axes
with zipfile.ZipFile(path) as z:
    xml = z.read('xl/charts/chart1.xml').decode()
face = '<a:latin typeface="%s"/>' % ('Calibri' if lang == 'en' else '等线')
legend = re.search(r'<c:legend>.*?</c:legend>', xml, re.S)
assert legend and face in legend.group(0) and 'sz="800"' in legend.group(0), legend
assert set(re.findall(r'<a:latin typeface="[^"]*"/>', xml)) == {face}, xml
# evidence: the notes, S06 and S07 added
erows = {r[0]: r for r in rows(ev)[1:] if r[0]}
assert sorted(erows) == ['F1', 'S03', 'S06', 'S07'], sorted(erows)
assert erows['S06'][2] in (None, '') and erows['S06'][3].startswith('MES'), erows['S06']
# no clipped text: a wrapped cell's row is tall enough for its lines
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and '\n' in c.value:
                h = ws.row_dimensions[c.row].height
                assert h and h >= 15 * (c.value.count('\n') + 1) - 0.5, (ws.title, c.coordinate, h)
print('compare book %s: ok' % lang)
