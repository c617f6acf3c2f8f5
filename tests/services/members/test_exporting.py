"""Exporting the member list to .xlsx and .csv, and importing an export again."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.i18n import Translator
from coopdesk.services.coops import create_coop
from coopdesk.services.members.exporting import HEADINGS, export_members
from coopdesk.services.members.importing import guess_mapping, import_members, preview
from coopdesk.services.members.listing import MemberRow, list_members
from coopdesk.services.members.member import add_member, record_event
from tests.conftest import TODAY, sample_profile

D = dt.date


def row(number, name, status=MemberStatus.MEMBER, **kw):
    values = dict(member_type="소비자", joined_on=D(2024, 3, 1), left_on=None, birth_date=None, phone="",
                  email="", address="")
    values.update(kw)
    return MemberRow(number=number, name=name, status=status, **values)


@pytest.fixture
def register(db, coop):
    """Four members of the sample co-op, one of whom has left."""
    people = [
        ("김민준", "소비자", D(1980, 5, 1), "010-1234-5678", "minjun@example.kr", "서울특별시 마포구 성미산로 1"),
        ("이서연", "생산자", D(1992, 11, 30), "010-2222-3333", "", "서울특별시 은평구 은평로 2, 101동 1203호"),
        ("박지호", "소비자", None, "", "jiho@example.kr", ""),
        ("최하은", "생산자", D(1975, 1, 9), "02-333-4444", "", "서울특별시 용산구 한강대로 3"),
    ]
    for i, (name, kind, born, phone, email, address) in enumerate(people):
        add_member(db, coop.id, MemberDetails(name, kind, born, phone, email, address),
                   joined_on=D(2024, 3, 1 + i), today=TODAY)
    record_event(db, coop.id, 4, EventKind.WITHDRAWAL_NOTICE, D(2025, 1, 5), today=TODAY)
    return list_members(db, coop.id, today=TODAY)


def facts(rows):
    return [(r.name, r.member_type, r.birth_date, r.phone, r.email, r.address, r.joined_on) for r in rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_an_export_imports_again_into_another_co_op(db, register, tmp_path, suffix):
    path = tmp_path / f"members{suffix}"
    assert export_members(register, path, "ko") == 4
    other = create_coop(db, sample_profile(name="두레마을협동조합"), adopted_on=D(2025, 1, 1))
    found = preview(path)
    result = import_members(db, other.id, path, found.mapping, today=TODAY)
    assert (result.count, result.first_number) == (4, 1)
    assert facts(list_members(db, other.id, today=TODAY)) == facts(register)


def test_headings_and_statuses_are_in_the_language_asked_for(register, tmp_path):
    for language in ("en", "ko"):
        t = Translator(language)
        path = export_members(register, tmp_path / f"{language}.xlsx", language) and tmp_path / f"{language}.xlsx"
        sheet = load_workbook(path).active
        values = list(sheet.iter_rows(values_only=True))
        assert list(values[0]) == [t.gettext(h) for h in HEADINGS]
        assert values[4][3] == t.gettext(MemberStatus.WITHDRAWN.label)
        assert guess_mapping(values[0])["joined_on"] == 4  # the import knows its own headings
    english = list(load_workbook(tmp_path / "en.xlsx").active.iter_rows(values_only=True))
    assert english[0][:5] == ("No.", "Name", "Type", "Status", "Joining date")
    assert english[4][:6] == (4, "최하은", "생산자", "Withdrawn", dt.datetime(2024, 3, 4), dt.datetime(2025, 2, 4))


def test_csv_is_utf8_with_a_byte_order_mark_or_cp949(register, tmp_path):
    export_members(register, tmp_path / "u.csv", "en")
    data = (tmp_path / "u.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfNo.,Name,Type,Status,Joining date,Leaving date,Birth date")
    assert "1,김민준,소비자,Member,2024-03-01,,1980-05-01,010-1234-5678" in data.decode("utf-8-sig")
    export_members(register, tmp_path / "k.csv", "en", encoding="cp949")
    assert (tmp_path / "k.csv").read_bytes().decode("cp949") == data.decode("utf-8-sig")
    assert preview(tmp_path / "k.csv").encoding == "cp949"


def test_only_the_rows_given_are_written_in_their_order(tmp_path):
    shown = [row(9, "최하은"), row(2, "이서연")]
    export_members(shown, tmp_path / "m.csv", "en")
    lines = (tmp_path / "m.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [line.split(",")[:2] for line in lines[1:]] == [["9", "최하은"], ["2", "이서연"]]


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    export_members([row(1, "=1+1", address="=HYPERLINK(\"http://x\")")], tmp_path / "m.xlsx", "en")
    cells = list(load_workbook(tmp_path / "m.xlsx").active.iter_rows(min_row=2))[0]
    assert (cells[1].value, cells[1].data_type) == ("=1+1", "s")
    assert cells[9].data_type == "s"


def test_a_text_that_cp949_cannot_hold_is_refused(tmp_path):
    with pytest.raises(Refusal) as exc:
        export_members([row(1, "김민준 \U0001F600")], tmp_path / "m.csv", "en", encoding="cp949")
    assert exc.value.field == "encoding"
    assert not (tmp_path / "m.csv").exists()


def test_only_xlsx_and_csv_are_written(tmp_path):
    with pytest.raises(Refusal) as exc:
        export_members([row(1, "김민준")], tmp_path / "m.ods", "en")
    assert ".ods" in str(exc.value)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_cancelled_export_leaves_the_old_file_as_it_was(tmp_path, suffix):
    path = tmp_path / f"m{suffix}"
    path.write_bytes(b"the export of last week")
    rows = [row(n, f"조합원{n}") for n in range(1, 10_001)]
    with pytest.raises(Cancelled):
        export_members(rows, path, "en", progress=lambda done, total: done < 4000)
    assert path.read_bytes() == b"the export of last week"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


FORMULAS = {  # what a spreadsheet would run, as a member's details may hold it
    "name": "=HYPERLINK(\"http://x.example\",\"x\")",
    "address": "@SUM(1,1)",
}


def _csv_cells(path):
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text(tmp_path):
    rows = [row(1, FORMULAS["name"], address=FORMULAS["address"], phone="010-1234-5678"),
            row(2, "-2+3", address="+82 2 333 4444", email="\tx@example.kr", birth_date=D(1980, 5, 1)),
            row(3, "김민준", address="-", phone="")]
    export_members(rows, tmp_path / "m.csv", "en")
    cells = _csv_cells(tmp_path / "m.csv")
    assert cells[1][1] == "'" + FORMULAS["name"] and cells[1][9] == "'@SUM(1,1)"
    assert (cells[2][1], cells[2][9], cells[2][8]) == ("'-2+3", "'+82 2 333 4444", "'\tx@example.kr")
    # Numbers, dates, phones and a lone dash are no formula: they stay as they were.
    assert cells[1][0] == "1" and cells[1][7] == "010-1234-5678"
    assert (cells[2][4], cells[2][6]) == ("2024-03-01", "1980-05-01")
    assert cells[3][9] == "-"
    assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for line in cells[1:] for c in line)


def test_an_apostrophe_that_is_part_of_the_text_survives_the_round_trip(db, coop, tmp_path):
    names = ["'=already quoted", "'plain", "O'Brien", "-2+3", FORMULAS["name"]]
    rows = [row(i, name, address=FORMULAS["address"]) for i, name in enumerate(names, start=1)]
    export_members(rows, tmp_path / "m.csv", "en")
    import_members(db, coop.id, tmp_path / "m.csv", preview(tmp_path / "m.csv").mapping, today=TODAY)
    back = list_members(db, coop.id, today=TODAY)
    assert [r.name for r in back] == names
    assert {r.address for r in back} == {FORMULAS["address"]}


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_like_text_comes_back_the_same_after_export_and_import(db, coop, register, tmp_path, suffix):
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.members.member import edit_member

    edit_member(db, coop.id, 1, MemberDetails(FORMULAS["name"], "소비자", D(1980, 5, 1), "010-1234-5678",
                                              address=FORMULAS["address"]), today=TODAY)
    edit_member(db, coop.id, 2, MemberDetails("-2+3", "생산자", address="+1 (555) 0100"), today=TODAY)
    shown = list_members(db, coop.id, today=TODAY)
    path = tmp_path / f"m{suffix}"
    export_members(shown, path, "ko")
    other = create_coop(db, sample_profile(name="두레마을협동조합"), adopted_on=D(2025, 1, 1))
    import_members(db, other.id, path, preview(path).mapping, today=TODAY)
    assert facts(list_members(db, other.id, today=TODAY)) == facts(shown)


def test_every_formula_start_is_a_text_cell_in_a_workbook(tmp_path):
    # (no "\r": a workbook's XML reads every line end back as "\n", formula or not)
    texts = ["=1+1", "-2+3", "+1", "@SUM(1,1)", "\tx", "=HYPERLINK(\"http://x.example\",\"x\")"]
    export_members([row(i, t, address=t) for i, t in enumerate(texts, start=1)], tmp_path / "m.xlsx", "en")
    sheet = load_workbook(tmp_path / "m.xlsx").active
    cells = [(r[1], r[9]) for r in sheet.iter_rows(min_row=2)]
    assert [c.value for c, _ in cells] == texts  # a workbook's text cell needs no apostrophe
    assert {c.data_type for pair in cells for c in pair} == {"s"}
    assert [a.value for _, a in cells] == texts
