"""Backups you can count on: never pruned when they matter, checked, private, never partial.

The co-op files here are real ones, made by the program (``create_demo``); a full
disk is played by SQLite's own page limit on the copy, or by the operating system's
error (ENOSPC) raised where the copy would have been written.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import stat
import sys
import time

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import refusal_text
from coopdesk.services.demo import create_demo
from coopdesk.services.files import open_database
from coopdesk.store import backup
from coopdesk.store.backup import KEEP_AUTOMATIC, BackupFailed, Reason
from tests.conftest import TODAY
from tests.support.databases import copy_sqlite_template

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def coop_file(tmp_path, sqlite_template):
    path = copy_sqlite_template(sqlite_template, tmp_path / "햇살 #1.coopdesk")
    db = open_database(path)
    create_demo(db, members=300, today=TODAY)
    db.close()
    return path


@pytest.fixture
def root(tmp_path):
    return tmp_path / "backups"


def damage(path):
    """Overwrite part of a page in the middle of the file, as a failing disk might."""
    page = 4096
    with path.open("r+b") as fh:
        fh.seek(page * (path.stat().st_size // page // 2))
        fh.write(b"\xff" * 200)


def names_in(folder):
    return sorted(p.name for p in folder.iterdir())


def members_in(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM member").fetchone()[0]
    finally:
        conn.close()


# -- (a) what is pruned ---------------------------------------------------------------

def test_backups_before_an_upgrade_or_a_restore_outlive_any_number_of_opens(coop_file, root):
    upgrade = backup.make_backup(coop_file, root, Reason.UPGRADE)
    restore = backup.make_backup(coop_file, root, Reason.RESTORE)
    manual = backup.make_backup(coop_file, root, Reason.MANUAL)
    for _ in range(KEEP_AUTOMATIC + 3):
        backup.make_backup(coop_file, root, Reason.OPEN)
    kept = backup.list_backups(coop_file, root)
    assert {upgrade.path, restore.path, manual.path} <= {b.path for b in kept}
    assert [b.reason for b in kept].count(Reason.OPEN) == KEEP_AUTOMATIC
    assert len(kept) == KEEP_AUTOMATIC + 3


# -- (b) checked before kept ------------------------------------------------------------

def test_a_damaged_file_makes_no_backup_and_the_good_ones_stay(coop_file, root):
    good = [backup.make_backup(coop_file, root, Reason.OPEN) for _ in range(KEEP_AUTOMATIC)]
    folder = backup.folder_for(coop_file, root)
    before = names_in(folder)
    damage(coop_file)
    for _ in range(3):
        with pytest.raises(BackupFailed) as exc:
            backup.make_backup(coop_file, root, Reason.OPEN)
        assert exc.value.damaged and isinstance(exc.value, Refusal)
    assert "did not pass SQLite's check" in refusal_text(exc.value)
    assert names_in(folder) == before  # no new file, no partial, not one good backup pushed out
    assert all(backup.quick_check(b.path) is None for b in good)


def test_a_damaged_file_can_still_be_restored_and_its_copy_is_kept(coop_file, root):
    good = backup.make_backup(coop_file, root, Reason.MANUAL)
    damage(coop_file)
    safety = backup.restore_backup(good.path, coop_file, root)
    assert backup.quick_check(coop_file) is None and members_in(coop_file) == 300
    # What the restore overwrote is kept, damaged as it was: the only copy of it.
    assert safety.reason is Reason.RESTORE and safety.path.exists()
    assert backup.quick_check(safety.path) is not None


# -- (c) a full disk --------------------------------------------------------------------

def test_a_full_disk_is_a_clear_refusal_and_leaves_no_file(coop_file, root, monkeypatch):
    earlier = backup.make_backup(coop_file, root, Reason.OPEN)
    folder = backup.folder_for(coop_file, root)
    real_copy = backup.copy_database

    def copy_until_the_disk_is_full(source, target, progress=None):
        real_copy(source, target)  # the partial file is there, half-written as far as anyone knows
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(backup, "copy_database", copy_until_the_disk_is_full)
    with pytest.raises(BackupFailed) as exc:
        backup.make_backup(coop_file, root, Reason.OPEN)
    assert not exc.value.damaged
    assert refusal_text(exc.value).startswith("The disk is full: no backup of 햇살 #1.coopdesk could be made")
    assert names_in(folder) == [earlier.path.name]


def test_sqlites_own_disk_full_error_is_told_as_a_full_disk(coop_file, root, monkeypatch):
    """SQLite says "database or disk is full" (SQLITE_FULL), not ENOSPC: played here by a
    page limit on the copy, which makes SQLite fail the very way a full disk does."""
    def copy_onto_a_small_disk(source, target, progress=None):
        src, dst = sqlite3.connect(source), sqlite3.connect(target)
        try:
            dst.execute("PRAGMA max_page_count = 8")
            src.backup(dst, pages=4)
        finally:
            dst.close()
            src.close()

    monkeypatch.setattr(backup, "copy_database", copy_onto_a_small_disk)
    with pytest.raises(BackupFailed) as exc:
        backup.make_backup(coop_file, root, Reason.MANUAL)
    assert refusal_text(exc.value).startswith("The disk is full")
    assert names_in(backup.folder_for(coop_file, root)) == []


def test_a_backup_folder_that_cannot_be_made_is_a_refusal(coop_file, tmp_path):
    root = tmp_path / "backups"
    root.write_text("a file where the backups folder should be")
    with pytest.raises(BackupFailed) as exc:
        backup.make_backup(coop_file, root, Reason.OPEN)
    assert "No backup of 햇살 #1.coopdesk could be made" in refusal_text(exc.value)
    assert root.read_text() == "a file where the backups folder should be"


# -- (d) no partial files ----------------------------------------------------------------

def test_an_interrupted_backup_leaves_no_partial_file(coop_file, root, monkeypatch):
    real_copy = backup.copy_database

    def copy_then_interrupted(source, target, progress=None):
        real_copy(source, target)
        raise KeyboardInterrupt

    monkeypatch.setattr(backup, "copy_database", copy_then_interrupted)
    with pytest.raises(KeyboardInterrupt):
        backup.make_backup(coop_file, root, Reason.MANUAL)
    assert names_in(backup.folder_for(coop_file, root)) == []


def test_partial_files_a_killed_backup_left_are_removed_once_stale(coop_file, root):
    folder = backup.folder_for(coop_file, root)
    stale = [folder / "햇살 #1_20250101-100000-000000_open.partial",
             folder / "햇살 #1_20250101-100000-000000_open.partial-journal"]
    fresh = folder / "햇살 #1_20250101-100001-000000_open.partial"  # another window's backup, under way
    unrelated = folder / "notes.partial.txt"
    for path in (*stale, fresh, unrelated):
        path.write_bytes(b"\0" * 512)
    old = time.time() - 2 * backup.STALE_AFTER
    for path in stale:
        os.utime(path, (old, old))
    made = backup.make_backup(coop_file, root, Reason.OPEN)  # prunes, and so tidies up
    assert names_in(folder) == sorted([made.path.name, fresh.name, unrelated.name])
    assert [b.path for b in backup.list_backups(coop_file, root)] == [made.path]


# -- privacy ---------------------------------------------------------------------------

@POSIX
def test_backups_are_readable_by_the_user_only(coop_file, root):
    old = os.umask(0o022)
    try:
        made = backup.make_backup(coop_file, root, Reason.MANUAL)
    finally:
        os.umask(old)
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700


@POSIX
def test_a_backup_folder_an_earlier_version_left_open_is_made_private(coop_file, root):
    folder = backup.folder_for(coop_file, root)
    folder.chmod(0o755)
    backup.make_backup(coop_file, root, Reason.OPEN)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_good_backup_passes_its_check_and_restores(coop_file, root):
    made = backup.make_backup(coop_file, root, Reason.MANUAL, now=dt.datetime(2026, 1, 2, 3, 4, 5))
    assert made.made_at == dt.datetime(2026, 1, 2, 3, 4, 5)
    assert backup.quick_check(made.path) is None
    backup.check_backup(made.path)  # a path with "#" and a space in it
    assert members_in(made.path) == 300


def test_the_backup_on_open_reports_a_full_disk_instead_of_raising(coop_file, root, monkeypatch):
    def no_room(source, target, progress=None):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    assert backup.backup_on_open(coop_file, root) is None
    monkeypatch.setattr(backup, "copy_database", no_room)
    failed = backup.backup_on_open(coop_file, root)
    assert isinstance(failed, BackupFailed) and refusal_text(failed).startswith("The disk is full")
    assert len(backup.list_backups(coop_file, root)) == 1
    with pytest.raises(BackupFailed):  # before an upgrade it must stop the upgrade
        backup.make_backup(coop_file, root, Reason.UPGRADE)
