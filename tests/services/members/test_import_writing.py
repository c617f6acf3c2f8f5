"""Writing an import (services/members/import_write.py): chunk by chunk, one transaction.

The members are written a chunk at a time with the driver's executemany, their first
events copied by the database, the audit entry's text made by hand: each must be what
adding the members one by one would have stored, and a Cancel at any moment until the
commit must leave nothing.  On SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from sqlalchemy import event, text

from coopdesk.domain.errors import Cancelled
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services import audit
from coopdesk.services.members import import_write
from coopdesk.services.members.importing import (
    Existing,
    guess_mapping,
    import_members,
    read_headers,
)
from coopdesk.services.members.member import get_member
from tests.conftest import TODAY

D = dt.date
HEADERS = ["이름", "조합원 유형", "생년월일", "휴대폰", "이메일", "주소", "신청일", "가입일", "비고"]


def write_csv(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([HEADERS, *rows])
    return path


def do_import(db, coop, path, **kw):
    return import_members(db, coop.id, path, guess_mapping(read_headers(path)), today=TODAY, **kw)


def count_rows(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def people(n, start=0):
    return [[f"조합원{i}", "소비자" if i % 3 else "생산자", "1980-01-01", f"010-{i:04d}-0000", "", "",
             "" if i % 2 else "2024-02-01", "2024-03-01" if i % 4 else "", ""] for i in range(start, start + n)]


def test_the_audit_entry_is_what_adding_the_members_one_by_one_records(db, coop, tmp_path):
    """The text is made by hand, a chunk at a time: it must be ``audit.canonical`` of the
    members exactly (keys in order, text escaped as JSON), and the log must replay."""
    rows = [
        ["김 \"따옴표\" 민준", "소비자", "1980-05-01", "010-1234-5678", "A.B@Example.KR", "서울 \\ 마포구",
         "2024-02-01", "2024-03-01", "첫 줄\n둘째 줄\t탭 😀 \u00a0끝"],
        ["이서연", "생산자", "", "", "", "", "2024-02-01", "", ""],
        ["O'Brien </script>", "소비자", "", "", "", "", "", "2024-03-15", "'=1+1"],
    ]
    result = do_import(db, coop, write_csv(tmp_path / "m.csv", rows))
    assert (result.first_number, result.last_number) == (1, 3)
    members = [get_member(db, coop.id, n, today=TODAY) for n in (1, 2, 3)]
    expected = [{"number": m.number, "name": m.details.name, "member_type": m.details.member_type,
                 "birth_date": m.details.birth_date, "phone": m.details.phone, "email": m.details.email,
                 "address": m.details.address, "notes": m.details.notes, "joined_on": m.standing.joined_on,
                 "applied_on": m.standing.applied_on, "privacy_consent_on": m.details.privacy_consent_on}
                for m in members]
    with db.engine.connect() as conn:
        action, key, after = conn.execute(text(
            "SELECT action, entity_key, after FROM audit_entry ORDER BY id DESC LIMIT 1")).one()
    assert (action, key) == ("member.import", "1-3")
    assert after == audit.canonical(expected)
    assert expected[0]["notes"] == "첫 줄\n둘째 줄\t탭 😀 \u00a0끝" and expected[2]["notes"] == "=1+1"
    report = audit.verify(db)
    assert report.intact and not report.differences, report.differences


def test_rows_in_several_chunks_are_numbered_in_order_with_their_events(db, coop, tmp_path, monkeypatch):
    monkeypatch.setattr(import_write, "CHUNK", 7)  # 30 rows: four full chunks and a short one
    seen = []
    result = do_import(db, coop, write_csv(tmp_path / "m.csv", people(30)), progress=lambda d, t: seen.append(d))
    assert (result.count, result.first_number, result.last_number) == (30, 1, 30)
    assert [d for d in seen if d >= 90] == [90, 90, 92, 94, 96, 98, 99, 99, 100]  # read; a report a chunk; done
    for number in (1, 2, 5, 8, 29, 30):
        i = number - 1
        member = get_member(db, coop.id, number, today=TODAY)
        assert member.details.name == f"조합원{i}" and member.details.phone == f"010-{i:04d}-0000"
        kinds = [e.kind for e in member.events]
        assert kinds == [k for k, on in ((EventKind.APPLIED, i % 2 == 0), (EventKind.ADMITTED, i % 4)) if on]
        assert member.status is (MemberStatus.MEMBER if i % 4 else MemberStatus.APPLICANT)
    assert (count_rows(db, "member"), count_rows(db, "member_event")) == (30, 15 + 22)
    assert audit.verify(db).intact


def test_skipped_rows_leave_no_gap_in_the_numbers(db, coop, tmp_path, monkeypatch):
    monkeypatch.setattr(import_write, "CHUNK", 4)
    do_import(db, coop, write_csv(tmp_path / "first.csv", people(5, start=3)))  # rows 3-7 already there
    result = do_import(db, coop, write_csv(tmp_path / "m.csv", people(12)), existing=Existing.SKIP)
    assert (result.count, result.skipped, result.first_number, result.last_number) == (7, 5, 6, 12)
    names = [get_member(db, coop.id, n, today=TODAY).details.name for n in range(6, 13)]
    assert names == [f"조합원{i}" for i in (0, 1, 2, 8, 9, 10, 11)]
    assert audit.verify(db).intact


@pytest.mark.parametrize("moment", ["a middle chunk", "the first events", "the audit entry"])
def test_a_cancel_while_writing_leaves_nothing(db, coop, tmp_path, monkeypatch, moment):
    """Cancel pressed while a chunk, the events or the audit entry is being written: the
    next report tells the import to stop, and the transaction undoes all of it."""
    monkeypatch.setattr(import_write, "CHUNK", 5)
    path = write_csv(tmp_path / "m.csv", people(20))
    entries = count_rows(db, "audit_entry")
    pressed = []
    marker = {"a middle chunk": "INSERT INTO member ", "the first events": "INSERT INTO member_event",
              "the audit entry": "INSERT INTO audit_entry"}[moment]
    counted = []

    def statement(conn, cursor, sql, *args):
        if sql.startswith(marker):
            counted.append(sql)
            if moment != "a middle chunk" or len(counted) == 2:
                pressed.append(True)

    event.listen(db.engine, "before_cursor_execute", statement)
    try:
        with pytest.raises(Cancelled):
            do_import(db, coop, path, progress=lambda done, total: not pressed)
    finally:
        event.remove(db.engine, "before_cursor_execute", statement)
    assert pressed
    assert (count_rows(db, "member"), count_rows(db, "member_event")) == (0, 0)
    assert count_rows(db, "audit_entry") == entries
    assert do_import(db, coop, path).first_number == 1  # no member number was used up
