"""Verifying the audit log finds where a tampered file breaks the chain."""

import datetime as dt
import sqlite3

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services import audit
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member
from tests.conftest import sample_profile


def _file_with_entries(sqlite_db):
    coop = create_coop(sqlite_db, sample_profile())
    for name in ("김민준", "이서연", "박지호"):
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2025, 1, 1))
    sqlite_db.close()
    return sqlite_db.path


def _tamper(path, *statements):
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")  # what someone bypassing the program would do
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        for s in statements:
            conn.execute(s)


def test_an_edited_entry_is_found(sqlite_db):
    path = _file_with_entries(sqlite_db)
    _tamper(path, "UPDATE audit_entry SET after = replace(after, '이서연', '홍길동') WHERE id = 3")
    report = audit.verify(sqlite_db)
    assert not report.intact and report.broken_at == 3
    assert "changed" in report.problem


def test_a_removed_entry_is_found(sqlite_db):
    path = _file_with_entries(sqlite_db)
    _tamper(path, "DELETE FROM audit_entry WHERE id = 2")
    report = audit.verify(sqlite_db)
    assert not report.intact and report.broken_at == 3
    assert "removed" in report.problem


def test_an_untouched_file_verifies(sqlite_db):
    _file_with_entries(sqlite_db)
    report = audit.verify(sqlite_db)
    assert report.intact and report.entries == 4 and report.broken_at is None
