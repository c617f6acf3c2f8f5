"""Importing a capital list from CSV or Excel: all rows or none, every bad row listed by line."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.errors import ImportRejected
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.balances import balances
from coopdesk.services.capital.importing import guess_mapping, import_capital, import_patronage, preview
from coopdesk.services.capital.surplus import YearInput, enter_year
from coopdesk.services.members.member import add_member, get_member
from tests.conftest import TODAY
from tests.services.capital.conftest import found, sql

HEADER = "조합원번호,출자좌수,출자일,납입액,납입일,비고\n"


def write(tmp_path, text, name="capital.csv"):
    path = tmp_path / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def mapping(path):
    return guess_mapping(preview(path).headers)


def test_the_founders_list_is_imported_whole(db, coop, tmp_path):
    rows = "".join(f"{n},10,2025-01-02,\"100,000\",2025-01-03,\n" for n in range(1, 10)) + "10,10,2025.1.2,40000,,일부\n"
    path = write(tmp_path, rows)
    assert mapping(path) == {"member": 0, "shares": 1, "subscribed_on": 2, "paid": 3, "paid_on": 4, "note": 5}
    result = import_capital(db, coop.id, path, mapping(path), today=TODAY)
    assert (result.rows, result.first_entry, result.last_entry, result.shares, result.paid) == (
        10, 1, 20, 100, 940_000)
    found = {b.number: (b.shares, b.paid) for b in balances(db, coop.id, today=TODAY)}
    assert found[1] == (10, 100_000) and found[10] == (10, 40_000)
    payment = sql(db, "SELECT entry_on FROM capital_entry WHERE number = 20")[0][0]
    assert str(payment) == "2025-01-02"  # no payment day: the day of the subscription


def test_nothing_is_imported_and_every_bad_row_is_listed(db, coop, tmp_path):
    path = write(tmp_path, "1,10,2025-01-02,100000,2025-01-03,\n"
                           "99,10,2025-01-02,0,,\n"  # line 3: no such member
                           "2,열,2025-01-02,0,,\n"  # line 4: not a number
                           "3,10,2025-01-02,100001,2025-01-03,\n"  # line 5: more than the shares cost
                           "4,10,2099-01-02,0,,\n"  # line 6: after today
                           "5,10,2025-01-02,10000,2025-01-01,\n")  # line 7: paid before subscribing
    with pytest.raises(ImportRejected) as exc:
        import_capital(db, coop.id, path, mapping(path), today=TODAY)
    assert [p.line for p in exc.value.problems] == [4, 6, 7]  # each row on its own first
    fixed = write(tmp_path, "1,10,2025-01-02,100000,2025-01-03,\n99,10,2025-01-02,0,,\n"
                            "3,10,2025-01-02,100001,2025-01-03,\n", "again.csv")
    with pytest.raises(ImportRejected) as exc:
        import_capital(db, coop.id, fixed, mapping(fixed), today=TODAY)
    assert [p.line for p in exc.value.problems] == [3, 4]  # no cap is checked on a file to be corrected
    assert sql(db, "SELECT count(*) FROM capital_entry")[0][0] == 0


def test_the_cap_is_checked_on_the_totals_after_the_whole_file(db, coop, tmp_path):
    path = write(tmp_path, "1,10,2025-01-02,0,,\n2,10,2025-01-02,0,,\n3,10,2025-01-02,0,,\n1,5,2025-01-03,0,,\n")
    with pytest.raises(ImportRejected) as exc:  # member 1: 15 of 35 shares
        import_capital(db, coop.id, path, mapping(path), today=TODAY)
    assert [(p.line, p.refusal.article) for p in exc.value.problems] == [(5, law.MAX_SHARE_RATIO.ref)]


def test_an_applicant_paid_up_by_the_file_becomes_a_member(db, coop, tmp_path):
    found(db, coop)
    number = add_member(db, coop.id, MemberDetails("신청자", "소비자"), joined_on=None,
                        applied_on=dt.date(2026, 5, 1), today=TODAY).number
    path = write(tmp_path, f"{number},2,2026-05-01,10000,2026-05-02,\n{number},0,2026-05-01,,,\n")
    with pytest.raises(ImportRejected, match="Nothing was imported"):
        import_capital(db, coop.id, path, mapping(path), today=TODAY)
    path = write(tmp_path, f"{number},2,2026-05-01,20000,2026-05-09,\n"
                           f"{number},1,2026-05-01,10000,2026-05-02,\n", "ok.csv")
    result = import_capital(db, coop.id, path, mapping(path), today=TODAY)
    assert result.joined == ((number, dt.date(2026, 5, 9)),)
    assert get_member(db, coop.id, number, today=TODAY).status is MemberStatus.MEMBER


def test_an_excel_workbook_is_read_as_the_csv_is(db, coop, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Member number", "Shares", "Subscription date", "Paid in", "Payment date"])
    for n in range(1, 11):
        sheet.append([n, 10, dt.date(2025, 1, 2), 100_000, dt.date(2025, 1, 3)])
    path = tmp_path / "capital.xlsx"
    book.save(path)
    assert import_capital(db, coop.id, path, mapping(path), today=TODAY).paid == 1_000_000


def test_the_years_patronage_is_imported_whole(db, coop, tmp_path):
    found(db, coop)
    enter_year(db, coop.id, YearInput(2025, 1_000_000))
    path = tmp_path / "use.csv"
    path.write_text("조합원번호,이용실적\n1,\"1,500,000\"\n2,300000\n", encoding="utf-8")
    view = import_patronage(db, coop.id, 2025, path)
    assert (view.patronage_members, view.patronage_total) == (2, 1_800_000)
    bad = tmp_path / "bad.csv"
    bad.write_text("조합원번호,이용실적\n1,100\n77,100\n1,5\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as exc:
        import_patronage(db, coop.id, 2025, bad)
    assert [p.line for p in exc.value.problems] == [3, 4]
    from coopdesk.services.capital.surplus import get_year

    assert get_year(db, coop.id, 2025).patronage_total == 1_800_000  # the earlier figures stay


def test_headings_with_units_and_notes_still_find_their_columns():
    """A treasurer's sheet says "출자좌수(좌)" and "납입금액 (원)": the same rule as the member import."""
    assert guess_mapping(["조합원 번호", "출자좌수(좌)", "출자일자", "납입금액 (원)", "납입일", "비고"]) == {
        "member": 0, "shares": 1, "subscribed_on": 2, "paid": 3, "paid_on": 4, "note": 5}
    assert guess_mapping(["Shares", "Member number"])["member"] == 1
