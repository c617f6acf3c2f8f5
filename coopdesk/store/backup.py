"""Backups of a co-op file with SQLite's online backup API.

A backup is a complete, consistent copy taken while the file may be in use.  Backups
live in the user data directory, one folder per co-op file, named with the date and
why they were made.  Automatic ones are pruned to the newest ``KEEP_AUTOMATIC``;
backups the user asked for are never pruned.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

KEEP_AUTOMATIC = 10
SUFFIX = ".coopdesk-backup"


class Reason(Enum):
    OPEN = "open"  # made automatically when the file was opened
    MANUAL = "manual"  # Backup now
    UPGRADE = "upgrade"  # before a schema migration
    RESTORE = "restore"  # before a restore overwrote the file

    @property
    def automatic(self) -> bool:
        return self is not Reason.MANUAL


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    made_at: dt.datetime
    reason: Reason
    size: int


def folder_for(db_file: Path, root: Path) -> Path:
    """One folder per co-op file: its name plus a short hash of its full path."""
    resolved = db_file.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    folder = root / f"{resolved.stem}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
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


def make_backup(db_file: Path, root: Path, reason: Reason, now: dt.datetime | None = None) -> BackupFile:
    now = now or dt.datetime.now()
    folder = folder_for(db_file, root)
    # Microseconds keep names unique and in order even for backups within one second.
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_file.stem}_{stamp}_{reason.value}{SUFFIX}"
    partial = target.with_suffix(".partial")
    copy_database(db_file, partial)
    partial.replace(target)  # a half-written backup never looks like a backup
    if reason.automatic:
        prune(db_file, root)
    return _describe(target)


def list_backups(db_file: Path, root: Path) -> list[BackupFile]:
    """Newest first."""
    folder = folder_for(db_file, root)
    found = [_describe(p) for p in folder.glob(f"*{SUFFIX}")]
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def prune(db_file: Path, root: Path) -> None:
    automatic = [b for b in list_backups(db_file, root) if b.reason.automatic]
    for old in automatic[KEEP_AUTOMATIC:]:
        old.path.unlink(missing_ok=True)


def restore_backup(backup: Path, db_file: Path, root: Path) -> BackupFile:
    """Replace the file's content with the backup's, after backing up the file itself."""
    check_backup(backup)
    safety = make_backup(db_file, root, Reason.RESTORE)
    copy_database(backup, db_file)
    return safety


def check_backup(path: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.execute("SELECT count(*) FROM alembic_version").fetchone()
    finally:
        conn.close()
    if result != "ok":
        raise sqlite3.DatabaseError(result)


def _parts(path: Path) -> tuple[str, str]:
    stem = path.name[: -len(SUFFIX)]
    _, stamp, reason = stem.rsplit("_", 2)
    return stamp, reason


def _describe(path: Path) -> BackupFile:
    stamp, reason = _parts(path)
    made_at = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
    return BackupFile(path, made_at, Reason(reason), path.stat().st_size)
