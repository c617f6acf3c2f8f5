"""Opening changes nothing that is not ours: co-op files carry SQLite's application id.

Another program's database, an empty file or a letter is refused byte for byte as it
was, with nothing made beside it; a co-op file made before the mark is recognised by its
tables and marked.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop, list_coops
from coopdesk.services.files import open_database
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.store.coopfile import FileKind, examine
from coopdesk.store.database import Database
from coopdesk.store.engine import APPLICATION_ID
from tests.conftest import sample_profile

SIDECARS = ("-wal", "-shm", "-journal")


def header_id(path) -> int:
    return int.from_bytes(path.read_bytes()[68:72], "big")


def beside(path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p != path)


def other_programs_database(path, *, application_id: int = 0, wal: bool = False) -> None:
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA application_id = {application_id}")
    conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipe (name) VALUES ('김치찌개')")
    conn.commit()
    conn.close()


def test_the_mark_is_coop_in_ascii():
    assert APPLICATION_ID.to_bytes(4, "big") == b"COOP"


def test_a_new_co_op_file_carries_the_mark_in_its_header(tmp_path):
    path = tmp_path / "new.coopdesk"
    open_database(path).close()
    assert header_id(path) == APPLICATION_ID
    assert examine(path) is FileKind.OURS


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_another_programs_marked_database_is_refused_untouched(tmp_path, wal):
    path = tmp_path / "recipes.db"
    other_programs_database(path, application_id=0x46534C21, wal=wal)
    before, around = path.read_bytes(), beside(path)
    with pytest.raises(Refusal, match="another program's database") as refused:
        open_database(path)
    assert refused.value.params["path"] == str(path)
    assert path.read_bytes() == before and beside(path) == around  # no WAL switch, no -wal or -shm


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal", "wal"])
def test_an_unmarked_database_of_another_program_is_refused_untouched(tmp_path, wal):
    path = tmp_path / "recipes.db"
    other_programs_database(path, wal=wal)
    before, around = path.read_bytes(), beside(path)
    with pytest.raises(Refusal, match="not a CoopDesk co-op file"):
        open_database(path)
    assert path.read_bytes() == before and beside(path) == around


def test_an_empty_file_is_refused_and_stays_empty(tmp_path):
    path = tmp_path / "empty.coopdesk"
    path.touch()
    with pytest.raises(Refusal, match="empty file, not a CoopDesk co-op file"):
        open_database(path)
    assert path.stat().st_size == 0 and beside(path) == []


def test_the_engine_never_switches_a_marked_foreign_file_to_wal(tmp_path):
    """Even opened without the look beforehand, the mark is read before any pragma writes."""
    path = tmp_path / "recipes.db"
    other_programs_database(path, application_id=0x46534C21)
    before = path.read_bytes()
    db = Database(f"sqlite:///{path}")
    try:
        with pytest.raises(Exception, match="another program"):
            with db.engine.connect():
                pass
    finally:
        db.close()
    assert path.read_bytes() == before and beside(path) == []


def test_a_co_op_file_from_before_the_mark_opens_and_is_marked(tmp_path):
    path = tmp_path / "old.coopdesk"
    db = open_database(path)
    coop = create_coop(db, sample_profile())
    add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
    db.close()
    with sqlite3.connect(path) as conn:  # as every file made before this version is
        conn.execute("PRAGMA application_id = 0")
    conn.close()
    assert header_id(path) == 0 and examine(path) is FileKind.OURS_UNMARKED

    db = open_database(path)
    try:
        assert [m.name for m in list_members(db, coop.id)] == ["김민준"]
        assert header_id(path) == APPLICATION_ID  # in the main file already, not only in the -wal
    finally:
        db.close()
    assert examine(path) is FileKind.OURS


def test_a_write_protected_co_op_file_from_before_the_mark_still_opens(tmp_path):
    """On a locked USB stick or a CD the mark cannot be written: the file is read all the same."""
    from tests.support.read_only import read_only

    path = tmp_path / "old.coopdesk"
    db = open_database(path)
    coop = create_coop(db, sample_profile())
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id = 0")
    conn.close()
    with read_only(path):
        db = open_database(path)
        try:
            assert [c.name for c in list_coops(db)] == [coop.name]
        finally:
            db.close()
    assert header_id(path) == 0  # marked on a later open that can write
