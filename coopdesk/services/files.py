"""Opening, creating and copying co-op files, and their backups.

Opening runs any schema migration (after a backup) and, in the GUI, makes the
automatic backup of the file as it was found.  A file that is not a co-op file (another
program's database, an empty file, a letter) is refused before anything writes to it.

A new co-op file appears whole or not at all: it is built under a temporary name in the
same folder (schema, co-op, demo records) and then given its name, only if no file has
that name by then (a hard link, which the system refuses for a taken name).  So two
programs creating the same new file never mix their co-ops or remove each other's file,
and a program killed half-way leaves no half co-op.  This program removes only files it
made itself under its own temporary names.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sqlalchemy.exc import DatabaseError, OperationalError

from coopdesk import paths
from coopdesk.domain.coop import CoopProfile
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_
from coopdesk.services.failures import BAD_ADDRESS, explain, readable_address
from coopdesk.store import backup
from coopdesk.store.backup import BackupFile, Reason
from coopdesk.store.coopfile import FileKind, examine, mark_file
from coopdesk.store.database import Database
from coopdesk.store.engine import sqlite_path, url_for
from coopdesk.store.schema import SchemaState, upgrade
from coopdesk.store.server import NoConnection, check_connection

if TYPE_CHECKING:
    import datetime as dt

    from coopdesk.services.coops import CoopInfo

FILE_SUFFIX = paths.FILE_SUFFIX
SIDECARS = ("-wal", "-shm", "-journal")
_DEFAULT_NAME_TRIES = 100
T = TypeVar("T")

_NOT_OURS = {
    FileKind.MISSING: N_("There is no co-op file at {path}."),
    FileKind.EMPTY: N_("{path} is an empty file, not a CoopDesk co-op file. CoopDesk leaves it as it is."),
    FileKind.NOT_SQLITE: N_("{path} is not a CoopDesk co-op file, or it is damaged. CoopDesk leaves it as it is."),
    FileKind.FOREIGN: N_("{path} is another program's database, not a CoopDesk co-op file. "
                         "CoopDesk leaves it as it is."),
}


@dataclass(frozen=True, slots=True)
class Made(Generic[T]):
    """What a creating action made, and where: the co-op file's path or the database URL."""

    target: str
    result: T


def open_database(target: str | Path, *, backup_on_open: bool = False,
                  warn: Callable[[Refusal], None] | None = None) -> Database:
    """Open a co-op file or a PostgreSQL database; a file that does not exist is created
    (empty, at the current schema).  A backup on open that cannot be made (a full disk) does
    not stop a healthy file from opening: ``warn`` is told why."""
    url, path = _address(target)
    if path is not None:
        if path.is_dir():
            raise Refusal(N_("{path} is a folder, not a co-op file."), path=str(path))
        if not os.path.lexists(path):
            _create_empty(path)
        refuse_if_not_ours(path)
    db = Database(url)
    try:
        if path is None:
            check_connection(db.engine)  # a server that cannot be reached is said as such (store.server)
        state = upgrade(db.engine, before_change=lambda: _backup_before_upgrade(path))
        db.checkpoint()  # a migration or the file's first mark: in the file itself at once
        if backup_on_open and path is not None and state is not SchemaState.EMPTY:
            failed = backup.backup_on_open(path, paths.backups_dir())
            if failed is not None and warn is not None:
                warn(failed)
    except (DatabaseError, OperationalError, sqlite3.DatabaseError, NoConnection) as exc:
        db.close()
        failure = explain(exc)  # read-only, damaged, full, no server: said in the user's words
        if failure is not None:
            raise Refusal(failure.message, **failure.params) from exc
        raise Refusal(N_("This file is not a CoopDesk co-op file, or it is damaged: {error}"),
                      error=str(getattr(exc, "orig", exc))) from exc
    except Refusal:
        db.close()
        raise
    return db


def _address(target: str | Path) -> tuple[str, Path | None]:
    """The database URL of ``target`` and, for a co-op file, its path; an address whose server or
    port cannot be read (a port of letters) is refused, naming it without its password."""
    url = url_for(target)
    try:
        if readable_address(url):
            return url, sqlite_path(url)
    except ValueError:
        pass
    raise Refusal(BAD_ADDRESS, address=paths.shown_target(url))


def refuse_if_not_ours(path: Path) -> None:
    """Refuse, untouched, a file that is not a co-op file (see ``store.coopfile``)."""
    kind = examine(path)
    if not kind.opens:
        raise Refusal(_NOT_OURS[kind], path=str(path))


def _create_empty(path: Path) -> None:
    try:
        _in_new_file(path, lambda db: None)
    except FileExistsError:
        pass  # made by another program just now: opened (and checked) like any file


def _backup_before_upgrade(path: Path | None) -> None:
    if path is not None:
        backup.make_backup(path, paths.backups_dir(), Reason.UPGRADE)


def default_file_for(name: str) -> Path:
    """A new file in the user's co-op folder, named after the co-op, never overwriting."""
    stem = "".join(c for c in name if c.isalnum() or c in " -_").strip() or "coop"
    candidate = paths.coops_dir() / f"{stem}{FILE_SUFFIX}"
    n = 1
    while os.path.lexists(candidate):
        n += 1
        candidate = paths.coops_dir() / f"{stem} ({n}){FILE_SUFFIX}"
    return candidate


# -- creating: whole or not at all -----------------------------------------------------

def create_in(target: str | Path | None, build: Callable[[Database], T], *, name: str = "coop") -> Made[T]:
    """Run ``build`` in a new co-op file, or in the existing database ``target`` names.

    ``None`` means a new file in the user's co-op folder, named after ``name``.  A new
    file is made whole or not at all (see the module's docstring); if another program
    gives a file that name first, ``build`` runs again in that file, so its own checks
    ("this file holds no co-op yet") decide.  In an existing database ``build`` should
    be one transaction (``Database.all_or_nothing``).
    """
    if target is None:
        return _in_new_default_file(name, build)
    url, path = _address(target)
    if path is not None and not os.path.lexists(path):
        try:
            return Made(str(path), _in_new_file(path, build))
        except FileExistsError:
            pass  # another program made the file meanwhile: treat it as the existing file it is
    db = open_database(target)
    try:
        return Made(str(path) if path is not None else url, build(db))
    finally:
        db.close()


def _in_new_default_file(name: str, build: Callable[[Database], T]) -> Made[T]:
    folder = paths.coops_dir()
    temp, result = _build(folder, build)
    try:
        for _ in range(_DEFAULT_NAME_TRIES):
            path = default_file_for(name)
            try:
                _claim(temp, path)
            except FileExistsError:
                continue  # another program took the name meanwhile: the next one
            return Made(str(path), result)
        raise Refusal(N_("No free file name was found for {name} in {folder}."), name=name, folder=str(folder))
    finally:
        _remove(temp)


def _in_new_file(path: Path, build: Callable[[Database], T]) -> T:
    """``build`` in a new file at ``path``; FileExistsError (nothing changed) if the name is taken."""
    path = path.expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp, result = _build(path.parent, build)
    try:
        _claim(temp, path)
    finally:
        _remove(temp)
    return result


def _build(folder: Path, build: Callable[[Database], T]) -> tuple[Path, T]:
    """A complete co-op file under a temporary name in ``folder``: schema, then ``build``.

    Everything ends up in the main file (no ``-wal`` beside it), since only the main
    file is given the real name.
    """
    temp = _temporary_name(folder, "new")
    db = Database(url_for(temp))
    try:
        upgrade(db.engine)
        result = build(db)
        db.complete_file()
        db.close()  # the last connection closed checkpoints again and removes the -wal
        if os.path.lexists(f"{temp}-wal"):
            raise OSError(f"the new co-op file {temp} could not be completed")
    except BaseException:
        db.close()
        _remove(temp)
        raise
    return temp, result


def _temporary_name(folder: Path, purpose: str) -> Path:
    # Hidden, unique to this process, never a name a person or another program would use.
    return folder / f".coopdesk-{purpose}-{os.getpid()}-{secrets.token_hex(6)}"


def _claim(temp: Path, path: Path) -> None:
    """Give the finished file ``temp`` the name ``path`` only if no file has it; else FileExistsError.

    ``os.link`` does exactly that in one step.  Disks without hard links (FAT and exFAT
    USB sticks, some network folders) get a rename: on Windows a rename never replaces a
    file; elsewhere the name is first taken with an empty file (O_EXCL, which fails for a
    taken name too), so the rename replaces only that file of ours.  Meanwhile, for an
    instant, another program opening the name finds an empty file and is refused.
    """
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        if os.name == "nt":
            os.rename(temp, path)
        else:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.replace(temp, path)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """The new name survives a power cut (POSIX; Windows has no handle to a folder for this)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the name is there all the same
    finally:
        os.close(fd)


def _remove(temp: Path) -> None:
    """Remove a file this program made under its own temporary name, with its sidecars."""
    for suffix in ("", *SIDECARS):
        try:
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass  # left behind, hidden; it is no co-op file's name


def add_coop(db: Database, profile: CoopProfile, adopted_on: dt.date | None = None, *,
             beside_others: bool = False) -> CoopInfo:
    """``init`` in an open database: a new co-op, refused if the database holds one already
    unless ``beside_others`` (an advisor's file keeps several co-ops).

    The check and the new co-op are one transaction that no other program's new co-op can
    slip into.
    """
    from coopdesk.services.coops import create_coop, list_coops, validate_profile  # the ORM, when needed

    validate_profile(profile)
    with db.all_or_nothing(lock_coops=True) as joined:
        if not beside_others:
            found = list_coops(joined)
            if found:
                raise Refusal(N_("{file} already holds a co-op ({name}). A second co-op is added to it "
                                 "only when that is asked for."),
                              field="add_to_existing", file=where(db), name=found[0].name)
        return create_coop(joined, profile, adopted_on=adopted_on)


def create_coop_in(target: str | Path | None, profile: CoopProfile, adopted_on: dt.date | None = None, *,
                   beside_others: bool = False) -> Made[CoopInfo]:
    """A co-op in a new file (``target`` None: in the user's co-op folder) or added to an
    existing database, as ``coopdesk init`` does."""
    return create_in(target, lambda db: add_coop(db, profile, adopted_on, beside_others=beside_others),
                     name=profile.name)


def where(db: Database) -> str:
    """The file, or the server URL without its password, for messages."""
    if db.path is not None:
        return str(db.path)
    return db.engine.url.render_as_string(hide_password=True)


# -- backups and copies ----------------------------------------------------------------

def _require_file(db: Database, message: str = N_(
        "Backups of a PostgreSQL database are made on the server (pg_dump), not by CoopDesk.")) -> Path:
    if db.path is None:
        raise Refusal(message)
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


def save_copy(db: Database, target: Path, *, replace: bool = False,
              progress: Callable[[int, int], object] | None = None) -> Path:
    """A complete copy of the open co-op file at ``target``; work goes on in the original.

    Made with SQLite's backup API, so it holds everything saved, even what still sits in
    the ``-wal``, and is consistent while the file is in use.  The copy appears whole or
    not at all; an existing file at ``target`` is replaced only with ``replace`` (the
    window's file dialog has asked).  It is a co-op file like any other (marked as ours).
    """
    source = _require_file(db, N_("A PostgreSQL database is copied on the server (pg_dump), not by CoopDesk."))
    target = target.expanduser().resolve()
    if target == source.resolve():
        raise Refusal(N_("A copy cannot take the place of the file it is copied from."), field="path")
    if target.is_dir():
        raise Refusal(N_("{path} is a folder, not a co-op file."), field="path", path=str(target))
    if os.path.lexists(target) and not replace:
        raise Refusal(N_("There is already a file at {path}."), field="path", path=str(target))
    if os.path.lexists(target.parent) and not target.parent.is_dir():
        raise Refusal(N_("{path} is a file, not a folder: the copy cannot be saved in it."), field="path",
                      path=str(target.parent))
    if any(os.path.lexists(f"{target}{s}") for s in SIDECARS):
        # Its -wal would be read into the copy as if it were the copy's own.
        raise Refusal(N_("{path} is open in a program, or was not closed properly. Choose another name."),
                      field="path", path=str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = _temporary_name(target.parent, "copy")
    try:
        backup.copy_database(source, temp, progress)  # type: ignore[arg-type]
        mark_file(temp)
        if replace:
            os.replace(temp, target)
            _sync_folder(target.parent)
        else:
            try:
                _claim(temp, target)
            except FileExistsError:
                raise Refusal(N_("There is already a file at {path}."), field="path", path=str(target)) from None
    finally:
        _remove(temp)
    return target


def save_as(db: Database, target: Path) -> Database:
    """A copy of the co-op file at ``target``, opened; the original stays as it was."""
    source = _require_file(db)
    target = target.expanduser().resolve()
    if target == source.resolve():
        return db
    save_copy(db, target, replace=True)  # the window's file dialog asked before replacing
    return open_database(target)
