"""A co-op file read as it is, without writing to it, locking it, or making anything beside it.

SQLite's ordinary read-only open (``mode=ro``) is not enough for that: on a file in WAL
journal mode (every co-op file) with no ``-wal`` beside it, it makes a ``-wal`` and a
``-shm`` and leaves them there.  So:

- a file with nothing beside it (closed by every program) is read as ``immutable``: only
  the main file, no lock, nothing made.  Since that read trusts nobody to write meanwhile,
  the file is looked at again afterwards; if a program opened it meanwhile (its size or
  time changed, or a ``-wal`` appeared), it is read again the other way;
- a file with a ``-wal`` beside it (open in a program now, or left by one that stopped)
  is read with ``mode=ro``: through the ``-wal``, so that what was committed there and not
  yet copied into the file is seen.  The ``-wal`` and the file are only read; SQLite
  marks its reader in the ``-shm`` the writer made, as every reader does.

Either way the read is one transaction: every query sees the same moment of the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_BESIDE = ("-wal", "-journal")  # a program's work not (yet) in the main file
_BUSY_MS = 2000  # a writer recovering the -wal holds readers back this long at most


def read_quietly(path: Path, read: Callable[[sqlite3.Connection], T]) -> T:
    """``read(connection)`` in one read transaction on ``path``, which stays as it was."""
    if _something_beside(path):
        return _read(path, read, immutable=False)
    before = _stamp(path)
    try:
        result = _read(path, read, immutable=True)
    except Exception:
        if not _changed(path, before):
            raise  # the file itself: damaged, or not what it says
        return _read(path, read, immutable=False)  # a torn read of a file written meanwhile
    if _changed(path, before):
        return _read(path, read, immutable=False)  # written meanwhile: read it the careful way
    return result


def _changed(path: Path, before: tuple[int, int]) -> bool:
    """A program opened the file to write since ``before``: a ``-wal`` beside it, or a new size or time."""
    return _something_beside(path) or _stamp(path) != before


def _read(path: Path, read: Callable[[sqlite3.Connection], T], *, immutable: bool) -> T:
    with _connection(path, immutable=immutable) as conn:
        return read(conn)


@contextmanager
def _connection(path: Path, *, immutable: bool) -> Iterator[sqlite3.Connection]:
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    # check_same_thread: the engine that reads through it may hand it back from its pool
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True, isolation_level=None,
                           timeout=_BUSY_MS / 1000, check_same_thread=False)
    with closing(conn):
        conn.execute("PRAGMA query_only=ON")
        conn.execute("BEGIN")  # a read transaction: one snapshot for every query
        yield conn  # closing it ends the read (SQLAlchemy may have closed it already)


def _something_beside(path: Path) -> bool:
    return any(os.path.lexists(f"{path}{suffix}") for suffix in _BESIDE)


def _stamp(path: Path) -> tuple[int, int]:
    found = path.stat()
    return found.st_size, found.st_mtime_ns


def revision(conn: sqlite3.Connection) -> str | None:
    """The schema revision the file says it has; None when it has no ``alembic_version``."""
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return str(rows[0][0]) if rows else None


def coop_names(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """The co-ops' ids and names: what every schema since the first has, read as plain rows."""
    return [(int(i), str(n)) for i, n in conn.execute("SELECT id, name FROM coop ORDER BY id")]
