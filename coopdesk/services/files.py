"""Opening, creating and copying co-op files, and their backups.

Opening runs any schema migration (after a backup) and, in the GUI, makes the
automatic backup of the file as it was found.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DatabaseError, OperationalError

from coopdesk import paths
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.store import backup
from coopdesk.store.backup import BackupFile, Reason
from coopdesk.store.database import Database
from coopdesk.store.engine import sqlite_path, url_for
from coopdesk.store.schema import SchemaState, upgrade

FILE_SUFFIX = paths.FILE_SUFFIX


def open_database(target: str | Path, *, backup_on_open: bool = False) -> Database:
    """Open (or create, if it does not exist) a co-op file or a PostgreSQL database."""
    url = url_for(target)
    path = sqlite_path(url)
    if path is not None:
        if path.exists() and path.is_dir():
            raise Refusal(N_("{path} is a folder, not a co-op file."), path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(url)
    try:
        state = upgrade(db.engine, before_change=lambda: _backup_before_upgrade(path))
        if backup_on_open and path is not None and state is not SchemaState.EMPTY:
            backup.make_backup(path, paths.backups_dir(), Reason.OPEN)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError) as exc:
        db.close()
        raise Refusal(N_("This file is not a CoopDesk co-op file, or it is damaged: {error}"),
                      error=str(getattr(exc, "orig", exc))) from exc
    except Refusal:
        db.close()
        raise
    return db


def _backup_before_upgrade(path: Path | None) -> None:
    if path is not None:
        backup.make_backup(path, paths.backups_dir(), Reason.UPGRADE)


def default_file_for(name: str) -> Path:
    """A new file in the user's co-op folder, named after the co-op, never overwriting."""
    stem = "".join(c for c in name if c.isalnum() or c in " -_").strip() or "coop"
    candidate = paths.coops_dir() / f"{stem}{FILE_SUFFIX}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = paths.coops_dir() / f"{stem} ({n}){FILE_SUFFIX}"
    return candidate


def _require_file(db: Database) -> Path:
    if db.path is None:
        raise Refusal(N_("Backups of a PostgreSQL database are made on the server (pg_dump), not by CoopDesk."))
    return db.path


def backup_now(db: Database) -> BackupFile:
    return backup.make_backup(_require_file(db), paths.backups_dir(), Reason.MANUAL)


def list_backups(db: Database) -> list[BackupFile]:
    return backup.list_backups(_require_file(db), paths.backups_dir())


def restore(db: Database, backup_file: Path) -> BackupFile:
    """Put a backup's content in place of the file's; the file is backed up first.

    Returns that safety backup.  The caller confirms with the user before calling.
    """
    path = _require_file(db)
    try:
        backup.check_backup(backup_file)
    except sqlite3.DatabaseError as exc:
        raise Refusal(N_("{path} is not a usable backup: {error}"), path=str(backup_file), error=str(exc)) from exc
    db.close()  # no pooled connection may hold the old content
    safety = backup.restore_backup(backup_file, path, paths.backups_dir())
    db.close()
    return safety


def save_as(db: Database, target: Path) -> Database:
    """A copy of the co-op file at ``target``, opened; the original stays as it was."""
    source = _require_file(db)
    target = target.expanduser().resolve()
    if target == source.resolve():
        return db
    target.parent.mkdir(parents=True, exist_ok=True)
    backup.copy_database(source, target)
    return open_database(target)
