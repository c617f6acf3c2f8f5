"""The co-op files of a folder, each read as it is (``snapshot``), each said for what it is.

A file that cannot be shown in full is still a row, with the reason in plain words: not
a co-op file, another program's, damaged, from a newer CoopDesk, or from an older one
(which is upgraded when opened, never here: its co-ops' names are read as plain rows,
which every schema has).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from coopdesk.domain.text import N_
from coopdesk.paths import FILE_SUFFIX
from coopdesk.services.failures import Trouble, explain, file_reason
from coopdesk.services.overview import snapshot
from coopdesk.services.overview.connections import on_snapshot
from coopdesk.services.overview.reading import Checkpoint, read_coops
from coopdesk.services.overview.rows import CoopRow, Problem
from coopdesk.store.coopfile import FileKind, examine
from coopdesk.store.revisions import HEAD, KNOWN_REVISIONS

_KIND_PROBLEMS = {FileKind.EMPTY: Problem.NOT_COOP_FILE, FileKind.NOT_SQLITE: Problem.NOT_COOP_FILE,
                  FileKind.FOREIGN: Problem.FOREIGN}


def coop_files(folder: Path) -> list[Path]:
    """The co-op files directly in ``folder``, by name; an OSError if the folder cannot be read."""
    found = [entry for entry in folder.iterdir()
             if entry.name.lower().endswith(FILE_SUFFIX) and not entry.name.startswith(".") and not entry.is_dir()]
    return sorted(found, key=lambda p: p.name.casefold())


def read_file(path: Path, today: dt.date, checkpoint: Checkpoint = lambda: None) -> list[CoopRow]:
    """The rows of one co-op file: its co-ops, or one row saying why they cannot be shown."""
    source = str(path)
    try:
        kind = examine(path)
        if kind is FileKind.MISSING:  # gone since the folder was listed
            return [_problem(source, Problem.UNREADABLE, reason=N_("there is no such file or folder"))]
        if not kind.opens:
            return [_problem(source, _KIND_PROBLEMS[kind])]
        return snapshot.read_quietly(path, lambda raw: _read_snapshot(raw, source, today, checkpoint))
    except OSError as exc:
        return [_problem(source, Problem.UNREADABLE, reason=file_reason(exc) or exc.strerror or str(exc))]
    except (sqlite3.Error, DBAPIError) as exc:
        return [_problem(source, *_database_problem(exc))]


def _read_snapshot(raw: sqlite3.Connection, source: str, today: dt.date, checkpoint: Checkpoint) -> list[CoopRow]:
    revision = snapshot.revision(raw)
    if revision is None:
        return [_problem(source, Problem.NOT_COOP_FILE)]
    if revision != HEAD:
        problem = Problem.OLDER if revision in KNOWN_REVISIONS else Problem.NEWER
        names = snapshot.coop_names(raw)
        if not names:
            return [_problem(source, problem, revision=revision)]
        return [CoopRow(source, source, coop_id=i, name=n, problem=problem, problem_params={"revision": revision})
                for i, n in names]
    with on_snapshot(raw) as conn:
        return read_coops(conn, source, source, today, checkpoint)


def _database_problem(exc: BaseException) -> tuple[Problem, dict[str, object]]:
    """What the database's error says about the file; an error it does not explain is logged
    (a bug here, or a file damaged in a way SQLite did not name) and the file still listed."""
    failure = explain(exc)
    trouble = failure.trouble if failure is not None else None
    if trouble is Trouble.DAMAGED:
        return Problem.DAMAGED, {}
    if trouble is Trouble.BUSY:
        return Problem.BUSY, {}
    if trouble in (Trouble.DISK_ERROR, Trouble.READ_ONLY):
        return Problem.UNREADABLE, {"reason": N_("the disk reported an error")}
    from coopdesk.logs import record_failure

    record_failure(exc, "overview")
    return Problem.FAILED, {}


def _problem(source: str, problem: Problem, params: dict[str, object] | None = None,
             **more: object) -> CoopRow:
    params = {**(params or {}), **more}
    return CoopRow(source, source, problem=problem, problem_params=params)
