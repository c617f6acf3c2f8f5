"""Backups of a co-op file with SQLite's online backup API.

A backup is a complete, consistent copy taken while the file may be in use.  Backups
live in the user data directory, one folder per co-op file, named with the date and
why they were made.  Only the automatic backups made when the file is opened are
pruned, to the newest ``KEEP_AUTOMATIC``; the backups made before an upgrade or a
restore, and those the user asked for, are never pruned.

A backup is kept only once SQLite's own check passes on the copy: a damaged co-op file
makes no "backup" that would push the good ones out.  Backups hold every member's
details, so they are private to the user (files 0600, folder 0700), and a backup that
fails half-way (a full disk) or is interrupted leaves no partial file behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_

KEEP_AUTOMATIC = 10
SUFFIX = ".coopdesk-backup"
PARTIAL = ".partial"  # a backup being written; renamed to SUFFIX once complete and checked
# SQLite's files beside a partial copy: its journal while the copy is written.
_PARTIAL_PATTERNS = (f"*{PARTIAL}", f"*{PARTIAL}-journal", f"*{PARTIAL}-wal", f"*{PARTIAL}-shm")
STALE_AFTER = 60.0  # seconds: an older partial file is no backup still being written
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_DISK_FULL = frozenset((errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)))
_SQLITE_FULL = 13


class Reason(Enum):
    OPEN = "open"  # made automatically when the file was opened
    MANUAL = "manual"  # Backup now
    UPGRADE = "upgrade"  # before a schema migration
    RESTORE = "restore"  # before a restore overwrote the file

    @property
    def automatic(self) -> bool:
        return self is not Reason.MANUAL

    @property
    def pruned(self) -> bool:
        """Only the backups made on every open are pruned: one made before an upgrade or
        a restore is the only copy of the file as it was before that change."""
        return self is Reason.OPEN


class BackupFailed(Refusal):
    """No backup was made: the disk is full, the folder cannot be written, or the copy
    did not pass SQLite's check.  Nothing is left behind and the earlier backups are all
    kept.  A file being opened can still be opened (with a warning): a healthy file must
    not become unusable because the disk that holds its backups is full.
    """

    def __init__(self, message: str, *, damaged: bool = False, **params: object) -> None:
        super().__init__(message, article=None, field="backup", **params)
        self.damaged = damaged  # the copy failed SQLite's check: the co-op file itself is damaged


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    made_at: dt.datetime
    reason: Reason
    size: int


def folder_for(db_file: Path, root: Path) -> Path:
    """One folder per co-op file, its name plus a short hash of its full path; private."""
    resolved = db_file.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    folder = root / f"{resolved.stem}-{digest}"
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if os.name == "posix" and folder.stat().st_mode & 0o777 != PRIVATE_FOLDER:
        folder.chmod(PRIVATE_FOLDER)  # made by an earlier version, open to all
    return folder


def copy_database(source: Path, target: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Copy a live SQLite database page by page into ``target`` (replaced)."""
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target, timeout=30)
    try:
        def report(status: int, remaining: int, total: int) -> None:
            if progress:
                progress(total - remaining, total)

        src.backup(dst, pages=1024, progress=report)
    finally:
        dst.close()
        src.close()


def make_backup(db_file: Path, root: Path, reason: Reason, now: dt.datetime | None = None, *,
                verify: bool = True) -> BackupFile:
    """A checked backup of ``db_file``; raises ``BackupFailed`` and leaves nothing if it
    cannot be made.  ``verify=False`` keeps a copy that fails the check (see restore)."""
    now = now or dt.datetime.now()
    try:
        folder = folder_for(db_file, root)
    except OSError as exc:
        raise _failed(db_file, root, exc) from exc
    # Microseconds keep names unique and in order even for backups within one second.
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_file.stem}_{stamp}_{reason.value}{SUFFIX}"
    partial = target.with_suffix(PARTIAL)
    try:
        _create_private(partial)
        copy_database(db_file, partial)
        problem = quick_check(partial) if verify else None
        if problem is not None:
            raise BackupFailed(N_("The copy of {file} did not pass SQLite's check ({problem}), so it was not "
                                  "kept: the co-op file may be damaged. The earlier backups are all kept; "
                                  "you can restore one of them."),
                               damaged=True, file=db_file.name, problem=problem)
        partial.replace(target)  # a half-written or unchecked copy never looks like a backup
    except (OSError, sqlite3.Error) as exc:
        raise _failed(db_file, folder, exc) from exc
    finally:
        _remove_partial(partial)  # gone already if it became the backup
    if reason.pruned:
        prune(db_file, root)
    return _describe(target)


def backup_on_open(db_file: Path, root: Path) -> BackupFailed | None:
    """The automatic backup made when a file is opened; a failure is returned, not raised.

    Opening goes on and the caller shows the returned refusal as a warning: the file
    itself is fine, only its backup could not be made (a full disk, say).  The backup
    before an upgrade is different: without it the upgrade must not run, so that one
    raises.
    """
    try:
        make_backup(db_file, root, Reason.OPEN)
    except BackupFailed as failed:
        return failed
    return None


def quick_check(path: Path) -> str | None:
    """What SQLite's ``PRAGMA quick_check`` finds wrong in the file; None if it is sound."""
    conn = sqlite3.connect(_read_only(path), uri=True)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:
        raise  # the disk, not the content: not a verdict on the copy
    except sqlite3.DatabaseError as exc:  # too damaged even to be checked
        return str(exc)
    finally:
        conn.close()
    found = [str(row[0]) for row in rows]
    return None if found == ["ok"] else "; ".join(" ".join(f.split()) for f in found[:3])


def _create_private(path: Path) -> None:
    """The empty file SQLite writes the copy into, readable by the user only (its journal
    gets the same mode from SQLite)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE))


def _remove_partial(partial: Path) -> None:
    for name in (partial.name, partial.name + "-journal", partial.name + "-wal", partial.name + "-shm"):
        with suppress(OSError):
            (partial.parent / name).unlink(missing_ok=True)


def _failed(db_file: Path, folder: Path, exc: OSError | sqlite3.Error) -> BackupFailed:
    full = (getattr(exc, "errno", None) in _DISK_FULL
            or getattr(exc, "sqlite_errorcode", None) == _SQLITE_FULL)
    if full:
        return BackupFailed(N_("The disk is full: no backup of {file} could be made in {folder}. Free some "
                               "space on the disk; the earlier backups are all kept."),
                            file=db_file.name, folder=str(folder))
    error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupFailed(N_("No backup of {file} could be made in {folder}: {error}. The earlier backups "
                           "are all kept."), file=db_file.name, folder=str(folder), error=error)


def list_backups(db_file: Path, root: Path) -> list[BackupFile]:
    """Newest first.  Partial files of backups that never finished are removed."""
    folder = folder_for(db_file, root)
    remove_stale_partials(folder)
    found = [_describe(p) for p in folder.glob(f"*{SUFFIX}")]
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def remove_stale_partials(folder: Path, now: float | None = None) -> None:
    """Remove what backups cut short left (the program was killed, the machine lost
    power).  One younger than ``STALE_AFTER`` may be another window's backup in progress."""
    limit = (time.time() if now is None else now) - STALE_AFTER
    for pattern in _PARTIAL_PATTERNS:
        for path in folder.glob(pattern):
            with suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()


def prune(db_file: Path, root: Path) -> None:
    pruned = [b for b in list_backups(db_file, root) if b.reason.pruned]
    for old in pruned[KEEP_AUTOMATIC:]:
        old.path.unlink(missing_ok=True)


def restore_backup(backup: Path, db_file: Path, root: Path) -> BackupFile:
    """Replace the file's content with the backup's, after backing up the file itself."""
    check_backup(backup)
    try:
        safety = make_backup(db_file, root, Reason.RESTORE)
    except BackupFailed as failed:
        if not failed.damaged:
            raise
        # A damaged file is often why a backup is being restored.  Its copy is kept even so:
        # it is the only record of what the restore overwrites, and such a backup is never
        # pruned, so it pushes no good backup out.
        safety = make_backup(db_file, root, Reason.RESTORE, verify=False)
    copy_database(backup, db_file)
    return safety


def check_backup(path: Path) -> None:
    conn = sqlite3.connect(_read_only(path), uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.execute("SELECT count(*) FROM alembic_version").fetchone()
    finally:
        conn.close()
    if result != "ok":
        raise sqlite3.DatabaseError(result)


def _read_only(path: Path) -> str:
    # as_uri() escapes what a URI cannot hold as it is ("#", "?", "%", spaces).
    return path.resolve().as_uri() + "?mode=ro"


def _parts(path: Path) -> tuple[str, str]:
    stem = path.name[: -len(SUFFIX)]
    _, stamp, reason = stem.rsplit("_", 2)
    return stamp, reason


def _describe(path: Path) -> BackupFile:
    stamp, reason = _parts(path)
    made_at = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    return BackupFile(path, made_at, Reason(reason), path.stat().st_size)
