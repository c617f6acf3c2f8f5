"""The audit log of a co-op file checked through sqlite3 alone (``audit.verify_file``) reports
exactly what the ordinary ``audit.verify`` reports, intact or tampered, and writes nothing; a
server, or a file the ordinary open would upgrade, is left to that open."""

import datetime as dt
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services import audit
from coopdesk.services.audit import AuditMark, verify_file
from coopdesk.services.demo import create_demo
from coopdesk.services.members.member import add_member

OLD_FILE = Path(__file__).resolve().parents[1] / "data" / "coop-0004.coopdesk"


def _tamper(path, *statements):
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")  # what someone bypassing the program does
        conn.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        for statement in statements:
            conn.execute(statement)


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_an_intact_year_reads_the_same_or_falls_back_on_a_server(db):
    create_demo(db, 15, today=dt.date(2026, 11, 21))  # members, officers, an assembly run to minutes
    ordinary = audit.verify(db)
    assert ordinary.intact, ordinary.differences
    if db.path is None:
        assert verify_file(db.url) is None
        return
    assert verify_file(str(db.path)) == ordinary
    assert verify_file(str(db.path), ordinary.mark) == audit.verify(db, ordinary.mark)


@pytest.mark.parametrize("statements", [
    # a member's phone changed in the file: a difference of the replay
    ("UPDATE member SET phone = '010-9999-9999' WHERE number = 2",),
    # a meeting's time changed: SQLite keeps times with microseconds, the log without
    ("UPDATE meeting SET starts_at = '15:30:00.000000' WHERE id = 1",),
    # an item reopened, an officer's office changed, a term's end moved
    ("UPDATE agenda_item SET closed = 0 WHERE id = 1",
     "UPDATE officer_term SET office = 'auditor', end_on = '2030-01-01' WHERE id = 1"),
    # the last entries cut off: the seal says so
    ("DELETE FROM audit_entry WHERE id > 30",),
    # an entry edited: the chain breaks there
    ("UPDATE audit_entry SET actor = 'someone' WHERE id = 5",),
], ids=["member", "meeting-time", "item-and-term", "cut", "edited"])
def test_a_tampered_file_reads_the_same(sqlite_db, statements):
    create_demo(sqlite_db, 15, today=dt.date(2026, 11, 21))
    mark = audit.current_mark(sqlite_db)
    _tamper(sqlite_db.path, *statements)
    ordinary = audit.verify(sqlite_db)
    assert not ordinary.intact
    assert verify_file(str(sqlite_db.path)) == ordinary
    assert verify_file(str(sqlite_db.path), AuditMark.parse(mark.text())) == audit.verify(sqlite_db, mark)


def test_a_time_unchanged_is_no_difference(sqlite_db):
    create_demo(sqlite_db, 15, today=dt.date(2026, 11, 21))
    with sqlite3.connect(sqlite_db.path) as conn:
        (stored,) = conn.execute("SELECT starts_at FROM meeting WHERE id = 1").fetchone()
    assert stored.endswith(".000000")  # as SQLAlchemy keeps a time in SQLite: the log has "14:00:00"
    assert verify_file(str(sqlite_db.path)).intact


def test_checking_writes_nothing_and_leaves_nothing_beside_the_file(sqlite_db):
    coop = create_demo(sqlite_db, 15, today=dt.date(2026, 11, 21))
    add_member(sqlite_db, coop.id, MemberDetails("최다은", "소비자"), joined_on=dt.date(2026, 1, 5))
    sqlite_db.close()
    path = sqlite_db.path
    before = _digest(path)
    assert verify_file(str(path)).intact
    assert _digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [path.name]


def test_a_file_to_upgrade_is_left_to_the_ordinary_open_untouched(tmp_path):
    path = tmp_path / "old.coopdesk"
    shutil.copyfile(OLD_FILE, path)
    before = _digest(path)
    assert verify_file(str(path)) is None
    assert _digest(path) == before
    assert verify_file(f"sqlite:///{path}") is None  # a URL: the ordinary open
