"""The fast reading of a workbook's first sheet (services/table_xlsx.py) gives what openpyxl gives.

The import reads sheets with openpyxl's parts but not with ``load_workbook``: every value
must still be the one ``load_workbook(read_only=True, data_only=True)`` +
``reset_dimensions()`` + ``iter_rows(values_only=True)`` gives, of the same type, on every
kind of cell.  Workbooks are made with openpyxl, and where openpyxl cannot write a case
(shared strings, rich text, cached formula values, missing references, 1904 dates…) by
writing the XML parts into a zip here.  A damaged workbook is refused in the user's
language, and nothing is imported.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from sqlalchemy import text

from coopdesk import i18n
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import Translator, refusal_text
from coopdesk.services.members.importing import (
    guess_mapping,
    import_members,
    preview,
    read_headers,
)
from coopdesk.services.table_files import _cell, read_table
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[3]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


# -- what each reader gives ---------------------------------------------------------------------

def same(value):
    return value


def openpyxl_rows(path, convert=same):
    """The rows as the import read them before: openpyxl's read-only pass, numbered from 1."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the size a file states can be wrong: every row that is there
        return [(line, [convert(v) if v is not None and type(v) is not str else v for v in values])
                for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def fast_rows(path, convert=same):
    # Imported here: if openpyxl's private parts are gone, the test below says so plainly.
    from coopdesk.services.table_xlsx import first_sheet

    sheet = first_sheet(path, convert)
    assert sheet is not None
    with_lines = list(sheet.lines)
    assert sheet.done() == sheet.size  # the whole sheet was read: the progress reaches its end
    return with_lines


def typed(values):
    return [(type(v).__name__, v) for v in values]


def assert_same_as_openpyxl(path, convert=same):
    """Row for row, value for value and type for type.  openpyxl also gives an empty row for
    each row number the sheet skips; the fast reading gives only the rows that are there,
    with their numbers (an empty row is skipped by the import either way)."""
    expected = openpyxl_rows(path, convert)
    found = fast_rows(path, convert)
    by_line = dict(expected)
    assert len(by_line) == len(expected)
    for line, values in found:
        assert line in by_line, f"row {line} is not one openpyxl gives"
        assert typed(values) == typed(by_line[line]), f"row {line}"
    given = {line for line, _values in found}
    assert [line for line, values in expected if line not in given and values] == []
    assert [line for line, _values in found] == sorted(given)
    return found


def assert_both_ways(path):
    """With openpyxl's own values, and as the import converts them (dates, booleans…)."""
    found = assert_same_as_openpyxl(path)
    assert_same_as_openpyxl(path, _cell)
    return found


# -- workbooks written by hand ------------------------------------------------------------------

STYLES = {  # cell style index -> number format, as the styles part below lists them
    "general": 0, "date": 1, "datetime": 2, "duration": 3, "korean_date": 4, "two_places": 5, "time": 6,
}
_STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/>
<numFmt numFmtId="165" formatCode="yyyy&quot;년&quot; m&quot;월&quot; d&quot;일&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="맑은 고딕"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


DATE1904 = ' date1904="1"'


def write_package(path, sheet_data, *, strings=(), dimension=None, date1904=False, chartsheet_first=False,
                  sheet_xml=None):
    """A workbook as Excel saves one: ``sheet_data`` is the inside of ``<sheetData>`` and
    ``strings`` the shared-string items (each the inside of an ``<si>``)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    if sheet_xml is None:
        sheet_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">{dim}<sheetViews><sheetView workbookViewId="0"/>'
                     f'</sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>{sheet_data}</sheetData>'
                     f'<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                     f'</worksheet>')
    sheets = [("명단", "worksheet", "worksheets/sheet1.xml")]
    if chartsheet_first:
        sheets.insert(0, ("차트", "chartsheet", "chartsheets/sheet1.xml"))
    overrides = [("/xl/workbook.xml", f"{CONTENT}.sheet.main+xml"), ("/xl/styles.xml", f"{CONTENT}.styles+xml")]
    overrides += [(f"/xl/{target}", f"{CONTENT}.{kind}+xml") for _name, kind, target in sheets]
    if strings:
        overrides.append(("/xl/sharedStrings.xml", f"{CONTENT}.sharedStrings+xml"))
    types = "".join(f'<Override PartName="{part}" ContentType="{kind}"/>' for part, kind in overrides)
    workbook_rels = [(f"rId{i}", f"{RELS}/{kind}", target) for i, (_name, kind, target) in enumerate(sheets, 1)]
    workbook_rels.append(("rIdStyles", f"{RELS}/styles", "styles.xml"))
    if strings:
        workbook_rels.append(("rIdStrings", f"{RELS}/sharedStrings", "sharedStrings.xml"))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{types}</Types>'),
        "_rels/.rels": _relationships([("rId1", f"{RELS}/officeDocument", "xl/workbook.xml")]),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{RELS}">'
            f'<workbookPr{DATE1904 if date1904 else ""}/><sheets>'
            + "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _k, _t) in enumerate(sheets, 1))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": _relationships(workbook_rels),
        "xl/styles.xml": _STYLES_XML,
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    if strings:
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">' + "".join(f"<si>{s}</si>" for s in strings) + "</sst>")
    if chartsheet_first:
        parts["xl/chartsheets/sheet1.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="{MAIN}" '
            f'xmlns:r="{RELS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>')
        parts["xl/chartsheets/_rels/sheet1.xml.rels"] = _relationships([])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _relationships(rels):
    inside = "".join(f'<Relationship Id="{i}" Type="{kind}" Target="{target}"/>' for i, kind, target in rels)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PACKAGE_RELS}">{inside}</Relationships>')


def row(number, *cells, **attributes):
    attrs = "".join(f' {k}="{v}"' for k, v in attributes.items())
    r = "" if number is None else f' r="{number}"'
    return f"<row{r}{attrs}>{''.join(cells)}</row>"


def c(ref, value=None, t=None, s=None, inside=None):
    """A cell: ``inside`` is its XML content, else ``<v>value</v>``."""
    attrs = (f' r="{ref}"' if ref else "") + (f' t="{t}"' if t else "") + (f' s="{s}"' if s is not None else "")
    if inside is None:
        inside = "" if value is None else f"<v>{escape(str(value))}</v>"
    return f"<c{attrs}>{inside}</c>"


def plain(text_, preserve=False):
    space = ' xml:space="preserve"' if preserve else ""
    return f"<t{space}>{escape(text_)}</t>"


def run(text_, bold=False):
    props = "<rPr><b/><sz val=\"11\"/></rPr>" if bold else "<rPr><sz val=\"11\"/></rPr>"
    return f"<r>{props}<t xml:space=\"preserve\">{escape(text_)}</t></r>"


def phonetic(text_):
    return f'<rPh sb="0" eb="2"><t>{escape(text_)}</t></rPh>'


SHARED = [
    plain("이름"), plain("조합원 유형"), plain("생년월일"), plain("비고"),   # 0-3: headers
    plain("김민준"),                                                       # 4
    run("굵은 ", bold=True) + run("글씨") + phonetic("クロイ"),             # 5: rich text and a phonetic guide
    plain("金敏俊") + phonetic("キム") + '<phoneticPr fontId="0" type="noConversion"/>',  # 6
    plain("  앞뒤 공백  ", preserve=True),                                  # 7
    plain("a_x005F_x000D_b"),                                              # 8: Excel's escape of "_x000D_"
    plain("줄\n바꿈"),                                                      # 9
    "<t/>",                                                                # 10: empty
    plain("소비자"),                                                        # 11
    plain("x005F_x005F_ twice"),                                           # 12
    run("") + run("끝"),                                                   # 13: an empty run
    plain("0101234 5678"),                                                 # 14
    "",                                                                    # 15: no text at all
    plain("😀 &lt;b&gt; \"인용\" 'x' \\ 탭\t"),                            # 16
]


def inline(inside):
    return f"<is>{inside}</is>"


def every_kind_of_cell():
    """The inside of a ``<sheetData>`` with one of every kind of cell Excel or another
    program writes, and the gaps and missing references openpyxl fills in."""
    s, d = STYLES, STYLES
    return "".join([
        row(1, c("A1", 0, "s"), c("B1", 1, "s"), c("C1", 2, "s"), c("D1", 3, "s")),
        # shared strings, rich text, escapes
        row(2, *(c(f"{col}2", i, "s") for col, i in zip("ABCDEFGHIJKLMN", (4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                                                            14, 15, 16, 4)))),
        # inline strings, plain and rich, with a phonetic guide; an empty one; one without <is>
        row(3, c("A3", t="inlineStr", inside=inline(plain("박지호"))),
            c("B3", t="inlineStr", inside=inline(run("리치 ", bold=True) + run("텍스트") + phonetic("ヨミ"))),
            c("C3", t="inlineStr", inside=inline(plain("a_x005F_x000D_b"))),
            c("D3", t="inlineStr", inside=inline("")),
            c("E3", t="inlineStr"),
            c("F3", t="inlineStr", inside=inline(plain("  공백  ", preserve=True))),
            c("G3", t="inlineStr", inside=inline(plain("first") + plain("second")))),
        # numbers: integers, floats, exponents, odd spellings
        row(4, c("A4", 42), c("B4", -7), c("C4", 3.25), c("D4", "1.5E+3"), c("E4", "2e2"), c("F4", "1E-7"),
            c("G4", "007"), c("H4", "12345678901234567890"), c("I4", "-0"), c("J4", 0.1, s=s["two_places"]),
            c("K4", "1010000000", t="n"), c("L4", "3.0"), c("M4", "0"), c("N4", "4.4E-320")),
        # dates, date-times, times, durations and a date out of range
        row(5, c("A5", 45352, s=d["date"]), c("B5", "45352.5", s=d["datetime"]), c("C5", "45352.75", s=d["date"]),
            c("D5", 1, s=d["date"]), c("E5", 59, s=d["date"]), c("F5", 60, s=d["date"]), c("G5", 61, s=d["date"]),
            c("H5", "0.5", s=d["time"]), c("I5", "1.5", s=d["duration"]), c("J5", "0.000011574", s=d["duration"]),
            c("K5", 45352, s=d["korean_date"]), c("L5", 2958466, s=d["date"]), c("M5", -1, s=d["date"]),
            c("N5", "1E+20", s=d["date"]), c("O5", 0, s=d["date"]), c("P5", "45352.999999999", s=d["datetime"])),
        # booleans, errors, formulas with their cached values, ISO dates, text results
        row(6, c("A6", 1, "b"), c("B6", 0, "b"), c("C6", "#N/A", "e"), c("D6", "#DIV/0!", "e"),
            c("E6", inside="<f>SUM(A4:B4)</f><v>35</v>"), c("F6", t="str", inside="<f>A2&amp;\"님\"</f><v>김민준님</v>"),
            c("G6", t="b", inside="<f>A4&gt;1</f><v>1</v>"), c("H6", t="e", inside="<f>1/0</f><v>#DIV/0!</v>"),
            c("I6", inside='<f t="shared" ref="I6:I7" si="0">A4*2</f><v>84</v>'),
            c("J6", "2024-03-01T00:00:00", "d"), c("K6", "2024-03-01T09:30:00", "d"), c("L6", "2024-03-01", "d"),
            c("M6", inside="<f>NOW()</f>"), c("N6", t="str", inside="<f>\"\"</f><v></v>"),
            c("O6", "텍스트 결과", "str"), c("P6", "?", "x")),
        row(7, c("I7", inside='<f t="shared" si="0"/><v>-14</v>'), c("A7", "뒤에 온 A", "str")),
        # empty cells: no value, an empty <v>, styled but empty
        row(8, c("A8"), c("B8", inside="<v></v>"), c("C8", s=d["date"]), c("D8", inside="<v></v>", s=d["date"]),
            c("E8", t="s", inside="<v></v>"), c("F8", 5)),
        # gaps between cells, and cells without a reference (the next column)
        row(9, c("B9", "b", "str"), c(None, "c", "str"), c("F9", "f", "str"), c(None, 6), c(None, 45000, s=d["date"])),
        # a row without a number comes after the one before; rows 11-12 are missing
        row(None, c(None, "열번호 없음", "str"), c("C10", 1)),
        row(13, c("A13", 4, "s"), c("Z13", 1)),
        row(None),  # 14: a row element without cells
        row("15.0", c("A15", "소수점 행 번호", "str")),
        row(16, c("C16", "C", "str"), c("A16", "A", "str")),  # out of order: openpyxl keeps up to the last
        row(17, c("A17", "first", "str"), c("A17", "again", "str"), c("B17", 2)),  # one cell twice
        row(18, c("b18", "lower", "str"), c("AA18", "AA", "str")),
        row(20, c("XFD20", "last column", "str")),
        row(19, c("A19", "a row that goes back", "str")),  # openpyxl drops it
        row(21, c("A21", "after", "str")),
    ])


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_every_kind_of_cell_reads_as_openpyxl_reads_it(tmp_path, date1904):
    path = write_package(tmp_path / "cells.xlsx", every_kind_of_cell(), strings=SHARED, date1904=date1904,
                         dimension="A1:D4")  # a wrong size: read every row anyway
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about the date out of range
        found = dict(assert_both_ways(path))
    # The comparison is not empty-handed: the cases are there, and read as Excel shows them.
    assert found[2][:5] == ["김민준", "굵은 글씨", "金敏俊", "  앞뒤 공백  ", "a_x000D_b"]
    assert found[3][:3] == ["박지호", "리치 텍스트", "a_x005F_x000D_b"]  # escapes undone in shared strings only
    assert typed(found[4][:6]) == typed([42, -7, 3.25, 1500.0, 200.0, 1e-7])
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    assert found[5][0] == epoch + dt.timedelta(days=45352)
    assert found[5][8] == dt.timedelta(days=1.5)
    assert found[5][11] == "#VALUE!"  # out of range: an error cell, as openpyxl makes it
    assert found[6][:9] == [True, False, "#N/A", "#DIV/0!", 35, "김민준님", True, "#DIV/0!", 84]
    assert found[9] == [None, "b", "c", None, None, "f", 6, epoch + dt.timedelta(days=45000)]
    assert found[10] == ["열번호 없음", None, 1] and 14 in found and found[14] == []
    assert found[15] == ["소수점 행 번호"] and found[16] == ["A"] and found[17] == ["again", 2]
    assert len(found[20]) == 16384 and 19 not in found and found[21] == ["after"]


def test_a_workbook_openpyxl_writes_reads_alike(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["이름", "수", "날짜", "참/거짓"])
    sheet.append(["김민준", 42, dt.date(1980, 5, 1), True])
    sheet.append(["이서연", 3.25, dt.datetime(2024, 3, 1, 9, 30), False])
    sheet.append([" 공백 ", 1e-7, dt.datetime(2024, 3, 1), None])
    sheet.append([None, 10 ** 18, dt.time(12, 30), dt.timedelta(hours=36)])
    sheet.append([])
    sheet.append(["=SUM(B2:B3)", "#N/A", "_x005F_x000D_", "a\nb"])
    sheet["H12"] = "멀리"
    path = tmp_path / "openpyxl.xlsx"
    book.save(path)
    found = dict(assert_both_ways(path))
    assert found[2] == ["김민준", 42, dt.datetime(1980, 5, 1), True]
    assert found[12][-1] == "멀리"


def test_the_1904_calendar_as_openpyxl_writes_it(tmp_path):
    book = Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append(["가입일", "시각"])
    book.active.append([dt.date(2024, 3, 1), dt.datetime(2024, 3, 1, 18, 0)])
    path = tmp_path / "1904.xlsx"
    book.save(path)
    found = dict(assert_both_ways(path))
    assert found[2] == [dt.datetime(2024, 3, 1), dt.datetime(2024, 3, 1, 18, 0)]


def test_a_sheet_without_its_size_as_the_export_writes_it(tmp_path):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["이름", "가입일", "전화"])
    for i in range(300):
        sheet.append([f"조합원{i}", dt.date(2024, 1, 1) + dt.timedelta(days=i), 1012345678 + i])
    sheet.append([])
    sheet.append(["마지막", None, "010-0000-0000"])
    path = tmp_path / "write-only.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:  # the case is the one meant: no <dimension>
        assert b"<dimension" not in archive.read("xl/worksheets/sheet1.xml")
    found = assert_both_ways(path)
    assert len(found) == 303 and found[-1] == (303, ["마지막", None, "010-0000-0000"])


def test_the_first_worksheet_is_read_when_the_first_sheet_is_a_chart(tmp_path):
    book = Workbook()
    data = book.active
    data.title = "명단"
    for r in (["이름", "수"], ["김민준", 1], ["이서연", 2]):
        data.append(r)
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    book.create_chartsheet("차트", 0).add_chart(chart)
    path = tmp_path / "chart-first.xlsx"
    book.save(path)
    assert load_workbook(path).sheetnames == ["차트", "명단"]  # the case is the one meant
    assert assert_both_ways(path)[1] == (2, ["김민준", 1])
    made = write_package(tmp_path / "chart-first-by-hand.xlsx", row(1, c("A1", "이름", "str")), chartsheet_first=True)
    assert assert_both_ways(made) == [(1, ["이름"])]


def test_shared_strings_as_excel_writes_them_are_read_into_a_table(tmp_path):
    """Through the import's own reading: headers, line numbers, dates as dates."""
    sheet = "".join([
        row(1, c("A1", 0, "s"), c("B1", 1, "s"), c("C1", 2, "s"), c("D1", 3, "s")),
        row(3, c("A3", 5, "s"), c("B3", 11, "s"), c("C3", 29000, s=STYLES["date"]), c("D3", 7, "s")),
        row(4, c("D4", 15, "s")),  # only an empty string: an empty row
        row(5, c("A5", 6, "s"), c("B5", 11, "s"), c("C5", 29001.25, s=STYLES["datetime"]), c("E5", "넘침", "str")),
    ])
    path = write_package(tmp_path / "excel.xlsx", sheet, strings=SHARED)
    table = read_table(path)
    assert (table.headers, table.header_line, table.row_count) == (("이름", "조합원 유형", "생년월일", "비고"), 1, 2)
    assert [(r.line, r.values) for r in table.rows] == [
        (3, ("굵은 글씨", "소비자", dt.date(1979, 5, 25), "  앞뒤 공백  ")),
        (5, ("金敏俊", "소비자", "1979-05-26 06:00:00", None)),
    ]


# -- damaged files --------------------------------------------------------------------------

def _good_workbook(tmp_path, rows=2000):
    book = Workbook()
    sheet = book.active
    sheet.append(["이름", "조합원 유형", "가입일"])
    for i in range(rows):
        sheet.append([f"조합원{i}", "소비자", dt.date(2024, 3, 1)])
    path = tmp_path / "good.xlsx"
    book.save(path)
    return path


def _rewrite(source, path, member, change):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            new.writestr(item, change(data) if item.filename == member else data)
    return path


def _sheet_data_at(source):
    """Where the sheet's compressed bytes start in the file, and how many there are."""
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(SHEET)
    return info.header_offset + 30 + len(info.filename.encode()) + len(info.extra), info.compress_size


def _garble(source, path, where):
    """32 of the sheet's compressed bytes overwritten, ``where`` of the way in: the zip's
    index is intact.  At the start the data cannot be decompressed at all (zlib's error);
    further in it decompresses into XML that is not well formed, rows after the first."""
    data = bytearray(source.read_bytes())
    start, size = _sheet_data_at(source)
    at = start + int(size * where)
    data[at:at + 32] = b"\xff" * 32
    path.write_bytes(bytes(data))
    return path


def _wrong_checksum(source, path):
    """The sheet's checksum in the zip's index changed: found only once every row is read."""
    data = bytearray(source.read_bytes())
    at = data.find(b"PK\x01\x02")
    while data[at + 46:at + 46 + int.from_bytes(data[at + 28:at + 30], "little")] != SHEET.encode():
        at = data.find(b"PK\x01\x02", at + 4)
    data[at + 16] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


SHEET = "xl/worksheets/sheet1.xml"
DAMAGES = {
    "not a zip": lambda good, path: path.write_bytes(b"PK\x03\x04 not really a workbook") and path,
    "zip cut in half": lambda good, path: path.write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2]) and path,
    "compressed data unreadable": lambda good, path: _garble(good, path, 0),
    "compressed data garbled": lambda good, path: _garble(good, path, 0.6),
    "checksum wrong": _wrong_checksum,
    "XML cut off in a row": lambda good, path: _rewrite(good, path, SHEET, lambda d: d[:len(d) * 2 // 3]),
    "XML not well formed": lambda good, path: _rewrite(
        good, path, SHEET, lambda d: d.replace(b'<row r="1500"', b'<row r="1500" <', 1)),
    "no such shared string": lambda good, path: _rewrite(
        good, path, SHEET, lambda d: d.replace(b'<c r="B1500" t="inlineStr">', b'<c r="B1500" t="s"><v>99</v>', 1)),
    "a cell reference that is none": lambda good, path: _rewrite(
        good, path, SHEET, lambda d: d.replace(b'r="A1500"', b'r="1A"', 1)),
    "a row number that is none": lambda good, path: _rewrite(
        good, path, SHEET, lambda d: d.replace(b'<row r="1500"', b'<row r="15.5"', 1)),
    "a number that is none": lambda good, path: _rewrite(
        good, path, SHEET, lambda d: re.sub(rb'(<c r="C1500"[^>]*>)<v>[^<]*</v>', rb"\1<v>abc</v>", d, 1)),
    "no sheet part": lambda good, path: _rewrite(good, path, SHEET, lambda d: d) and _drop(path, SHEET),
}


def _drop(path, member):
    kept = {}
    with zipfile.ZipFile(path) as archive:
        for item in archive.infolist():
            if item.filename != member:
                kept[item.filename] = archive.read(item)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in kept.items():
            archive.writestr(name, data)
    return path


def count_rows(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_damaged_workbook_is_refused_in_the_users_language_and_nothing_is_imported(db, coop, tmp_path, damage):
    good = _good_workbook(tmp_path)
    mapping = guess_mapping(read_headers(good))
    path = DAMAGES[damage](good, tmp_path / "damaged.xlsx")
    entries = count_rows(db, "audit_entry")
    i18n.set_language("ko")
    for attempt in (lambda: preview(path), lambda: import_members(db, coop.id, path, mapping, today=TODAY)):
        with pytest.raises(Refusal) as exc:
            attempt()
        refusal = exc.value
        assert refusal.field == "path"
        shown = refusal_text(refusal)
        assert shown == Translator("ko").gettext(refusal.message, **refusal.params)
        assert shown != Translator("en").gettext(refusal.message, **refusal.params)  # it is in Korean
        assert str(path) in shown
        if damage != "no sheet part":  # that one is told as a workbook without a sheet
            assert "엑셀에서 열어 Excel 통합 문서(.xlsx)로 다시 저장해 주세요" in shown  # what to do about it
    assert (count_rows(db, "member"), count_rows(db, "member_event")) == (0, 0)
    assert count_rows(db, "audit_entry") == entries
    result = import_members(db, coop.id, good, mapping, today=TODAY)  # no member number was used up
    assert (result.first_number, result.count) == (1, 2000)


# -- openpyxl's private parts ---------------------------------------------------------------

def test_openpyxl_still_has_the_private_parts_the_fast_reading_uses():
    """table_xlsx.py subclasses openpyxl's sheet parser and calls its number cast: names that
    are not openpyxl's public API, hence the pin in pyproject.toml.  If this fails after an
    upgrade of openpyxl, adapt table_xlsx.py to the new version (this file's other tests
    then say whether the values are still openpyxl's) before raising the pin."""
    import inspect

    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet import _reader

    version = openpyxl.__version__
    missing = [name for name in ("WorkSheetParser", "_cast_number") if not hasattr(_reader, name)]
    assert not missing, f"openpyxl {version}: openpyxl.worksheet._reader no longer has {missing}"
    parser = _reader.WorkSheetParser
    for method in ("parse_cell", "parse_row"):
        assert callable(getattr(parser, method, None)), f"openpyxl {version}: WorkSheetParser.{method} is gone"
    wanted = {"src", "shared_strings", "data_only", "epoch", "date_formats", "timedelta_formats"}
    params = set(inspect.signature(parser.__init__).parameters)
    assert wanted <= params, f"openpyxl {version}: WorkSheetParser() no longer takes {sorted(wanted - params)}"
    made = parser(None, [], data_only=True)
    for attribute in ("row_counter", "col_counter", "shared_strings", "date_formats", "timedelta_formats", "epoch"):
        assert hasattr(made, attribute), f"openpyxl {version}: WorkSheetParser has no attribute {attribute!r}"
    for method in ("read_manifest", "read_workbook"):
        assert callable(getattr(ExcelReader, method, None)), f"openpyxl {version}: ExcelReader.{method} is gone"
    assert _reader._cast_number("1.5E+3") == 1500.0 and type(_reader._cast_number("7")) is int


def test_openpyxl_is_pinned_to_the_minor_version_the_fast_reading_was_checked_with():
    [pin] = re.findall(r'^\s*"(openpyxl\b[^"]*)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    bounds = dict(re.findall(r"(>=|<)\s*([\d.]+)", pin))
    assert set(bounds) == {">=", "<"}, f"openpyxl must be pinned below its next minor version, not {pin!r}"
    installed = tuple(int(p) for p in openpyxl.__version__.split(".")[:2])
    low = tuple(int(p) for p in bounds[">="].split(".")[:2])
    high = tuple(int(p) for p in bounds["<"].split(".")[:2])
    assert low <= installed < high, f"openpyxl {openpyxl.__version__} is installed, outside the pin {pin!r}"
    assert high[0] == low[0] and high[1] == low[1] + 1, f"{pin!r} allows more than one minor version"
