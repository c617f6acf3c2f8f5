"""File ▸ Save a copy and ``coopdesk copy``: a complete co-op file anywhere, work goes on here."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services import files
from coopdesk.services.coops import create_coop
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.store.coopfile import FileKind, examine
from coopdesk.store.engine import APPLICATION_ID
from tests.conftest import sample_profile


@pytest.fixture
def open_file(tmp_path):
    db = files.open_database(tmp_path / "sun.coopdesk")
    coop = create_coop(db, sample_profile())
    add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
    yield db, coop
    db.close()


def names(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM member ORDER BY number")]
    finally:
        conn.close()


def test_a_copy_holds_everything_and_opens_as_a_co_op_file(open_file, tmp_path):
    db, coop = open_file
    copy = files.save_copy(db, tmp_path / "usb" / "sun copy.coopdesk")
    assert copy == tmp_path / "usb" / "sun copy.coopdesk"
    assert sorted(p.name for p in copy.parent.iterdir()) == ["sun copy.coopdesk"]  # nothing beside it
    assert examine(copy) is FileKind.OURS
    assert int.from_bytes(copy.read_bytes()[68:72], "big") == APPLICATION_ID
    opened = files.open_database(copy)
    try:
        assert [m.name for m in list_members(opened, coop.id)] == ["김민준"]
    finally:
        opened.close()
    # work goes on in the original, and the copy stays as it was
    add_member(db, coop.id, MemberDetails("이서연", "소비자"), joined_on=dt.date(2025, 2, 1))
    assert [m.name for m in list_members(db, coop.id)] == ["김민준", "이서연"]
    assert names(copy) == ["김민준"]


def test_a_file_already_there_is_replaced_only_when_asked(open_file, tmp_path):
    db, _coop = open_file
    target = tmp_path / "old copy.coopdesk"
    target.write_text("last week's copy", encoding="utf-8")
    with pytest.raises(Refusal, match="There is already a file at") as refused:
        files.save_copy(db, target)
    assert refused.value.field == "path"
    assert target.read_text(encoding="utf-8") == "last week's copy"
    files.save_copy(db, target, replace=True)
    assert names(target) == ["김민준"]


def test_a_copy_never_takes_the_place_of_its_own_file(open_file):
    db, coop = open_file
    with pytest.raises(Refusal, match="cannot take the place"):
        files.save_copy(db, db.path, replace=True)
    assert [m.name for m in list_members(db, coop.id)] == ["김민준"]


def test_a_target_with_a_wal_beside_it_is_refused(open_file, tmp_path):
    """Its -wal would be read into the new copy as if it were the copy's own."""
    db, _coop = open_file
    target = tmp_path / "busy.coopdesk"
    target.write_bytes(b"")
    (tmp_path / "busy.coopdesk-wal").write_bytes(b"\x00" * 64)
    with pytest.raises(Refusal, match="open in a program"):
        files.save_copy(db, target, replace=True)


def test_the_copy_of_a_file_from_before_the_mark_is_marked(open_file, tmp_path):
    db, _coop = open_file
    with db.engine.begin() as conn:  # as an older CoopDesk left it
        conn.exec_driver_sql("PRAGMA application_id = 0")
    copy = files.save_copy(db, tmp_path / "copy.coopdesk")
    assert examine(copy) is FileKind.OURS


def test_progress_is_reported(open_file, tmp_path):
    db, _coop = open_file
    seen = []
    files.save_copy(db, tmp_path / "copy.coopdesk", progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] > 0


@pytest.mark.postgresql
def test_a_server_database_is_copied_on_the_server(postgres_server, tmp_path):
    url = postgres_server.create_database("t_save_copy_refused")
    db = files.open_database(url)
    try:
        with pytest.raises(Refusal, match="pg_dump"):
            files.save_copy(db, tmp_path / "copy.coopdesk")
        assert list(tmp_path.iterdir()) == []
    finally:
        db.close()
        postgres_server.drop_database("t_save_copy_refused")
