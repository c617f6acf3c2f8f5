"""Opening co-op files, automatic and manual backups, restore and Save As."""

import datetime as dt

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services import files
from coopdesk.services.coops import create_coop, list_coops
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member
from coopdesk.store.backup import KEEP_AUTOMATIC, Reason
from tests.conftest import sample_profile


def _coop_file(tmp_path):
    db = files.open_database(tmp_path / "sun.coopdesk")
    coop = create_coop(db, sample_profile())
    add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
    return db, coop


def test_opening_makes_a_dated_backup_and_keeps_the_last_ten(tmp_path):
    db, _ = _coop_file(tmp_path)
    db.close()
    for _ in range(KEEP_AUTOMATIC + 3):
        files.open_database(tmp_path / "sun.coopdesk", backup_on_open=True).close()
    db = files.open_database(tmp_path / "sun.coopdesk")
    backups = files.list_backups(db)
    assert len(backups) == KEEP_AUTOMATIC
    assert all(b.reason is Reason.OPEN for b in backups)
    assert backups[0].made_at >= backups[-1].made_at
    assert backups[0].made_at.date() == dt.date.today()


def test_manual_backups_are_never_pruned(tmp_path):
    db, _ = _coop_file(tmp_path)
    manual = files.backup_now(db)
    db.close()
    for _ in range(KEEP_AUTOMATIC + 1):
        files.open_database(tmp_path / "sun.coopdesk", backup_on_open=True).close()
    assert manual.path.exists()


def test_restore_brings_back_the_backup_and_keeps_the_current_state_too(tmp_path):
    db, coop = _coop_file(tmp_path)
    saved = files.backup_now(db)
    add_member(db, coop.id, MemberDetails("이서연", "소비자"), joined_on=dt.date(2025, 2, 1))
    safety = files.restore(db, saved.path)
    assert [m.name for m in list_members(db, coop.id)] == ["김민준"]
    assert safety.reason is Reason.RESTORE
    # the state before the restore is itself recoverable
    files.restore(db, safety.path)
    assert [m.name for m in list_members(db, coop.id)] == ["김민준", "이서연"]


def test_a_damaged_backup_is_refused_and_the_file_is_untouched(tmp_path):
    db, coop = _coop_file(tmp_path)
    bad = tmp_path / "bad.coopdesk-backup"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(Refusal, match="not a usable backup"):
        files.restore(db, bad)
    assert [m.name for m in list_members(db, coop.id)] == ["김민준"]


def test_save_as_copies_everything_and_leaves_the_original(tmp_path):
    db, coop = _coop_file(tmp_path)
    copy = files.save_as(db, tmp_path / "copy" / "sun2.coopdesk")
    assert copy.path.name == "sun2.coopdesk"
    assert [m.name for m in list_members(copy, coop.id)] == ["김민준"]
    add_member(copy, coop.id, MemberDetails("이서연", "소비자"), joined_on=dt.date(2025, 2, 1))
    assert len(list_members(db, coop.id)) == 1


def test_default_file_names_never_overwrite(tmp_path):
    first = files.default_file_for("햇살마을협동조합")
    files.open_database(first).close()
    second = files.default_file_for("햇살마을협동조합")
    assert first != second and first.exists() and not second.exists()


@pytest.mark.postgresql
def test_postgresql_databases_are_not_backed_up_by_the_program(postgres_server):
    url = postgres_server.create_database("t_backup_refused")
    db = files.open_database(url)
    try:
        coop = create_coop(db, sample_profile())
        with pytest.raises(Refusal, match="pg_dump"):
            files.backup_now(db)
        assert list_coops(db)[0].name == coop.name
    finally:
        db.close()
        postgres_server.drop_database("t_backup_refused")


def test_a_backup_that_cannot_be_made_on_open_warns_and_the_file_still_opens(tmp_path, monkeypatch):
    import errno

    from coopdesk.services.coops import create_coop
    from coopdesk.store import backup as store_backup
    from tests.conftest import sample_profile

    path = tmp_path / "coop.coopdesk"
    db = files.open_database(path)
    create_coop(db, sample_profile())
    db.close()

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(store_backup, "copy_database", full_disk)  # the disk, not the program, fails
    warned = []
    db = files.open_database(path, backup_on_open=True, warn=warned.append)
    try:
        from coopdesk.services.coops import list_coops

        assert [c.name for c in list_coops(db)] == ["햇살마을협동조합"]
        assert len(warned) == 1 and "disk is full" in str(warned[0])
    finally:
        db.close()
