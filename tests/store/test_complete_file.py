"""A plain copy of the co-op file is complete within a moment of any saved action.

While the program is open, SQLite's WAL mode keeps new work in the ``-wal`` beside the
file; a secretary who copies only the ``.coopdesk`` file (to a USB stick, by mail) must
still carry the member just added.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3

from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.members.member import add_member, record_event
from coopdesk.domain.members.standing import EventKind
from tests.conftest import sample_profile


def copied_alone(path, tmp_path):
    """The co-op file copied byte for byte, without its -wal, and opened by plain sqlite3."""
    copy = tmp_path / "usb" / "copy.coopdesk"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(path, copy)
    return sqlite3.connect(copy)


def test_a_member_just_added_is_in_a_copy_of_the_file_alone(sqlite_db, tmp_path):
    coop = create_coop(sqlite_db, sample_profile())
    add_member(sqlite_db, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
    assert sqlite_db.path.with_name(sqlite_db.path.name + "-wal").exists()  # the database is still open
    conn = copied_alone(sqlite_db.path, tmp_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT name FROM coop").fetchall() == [("햇살마을협동조합",)]
        assert conn.execute("SELECT number, name FROM member").fetchall() == [(1, "김민준")]
    finally:
        conn.close()


def test_every_saved_action_reaches_the_file_not_only_the_first(sqlite_db, tmp_path):
    coop = create_coop(sqlite_db, sample_profile())
    for name in ("김민준", "이서연", "박지호"):
        add_member(sqlite_db, coop.id, MemberDetails(name, "소비자"), joined_on=dt.date(2025, 1, 1))
    record_event(sqlite_db, coop.id, 2, EventKind.WITHDRAWAL_NOTICE, dt.date(2025, 6, 1), today=dt.date(2025, 6, 1))
    conn = copied_alone(sqlite_db.path, tmp_path)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM member ORDER BY number")] == ["김민준", "이서연", "박지호"]
        assert conn.execute("SELECT count(*) FROM member_event WHERE kind = 'withdrawal_notice'").fetchone()[0] == 1
    finally:
        conn.close()

