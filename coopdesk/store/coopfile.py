"""Telling a co-op file from any other file before SQLite writes a byte to it.

Opening a file the ordinary way is not harmless: SQLite creates a database in an empty
file, and ``journal_mode=WAL`` rewrites the header of a database in another journal
mode.  So a file is looked at first, without writing: its size, its first 100 bytes,
and, only when the header does not say whose it is, its table names through a
connection that cannot write (``immutable=1``: no lock, no ``-wal`` or ``-shm`` made).

A co-op file is marked with SQLite's application id (``APPLICATION_ID``, "COOP")
when it is created.  Files made before CoopDesk marked them are recognised by their
tables and marked on their first open (``schema.upgrade``).
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from pathlib import Path

# SQLite's header field for "which program's file is this" (offset 68, ``PRAGMA
# application_id``): "COOP" in ASCII.  Set when a co-op file is created, and on the first
# open of a co-op file made before CoopDesk marked its files.  Never change it: files in
# people's hands carry it.  Here, not in ``engine``, so that telling a co-op file needs
# no SQLAlchemy (``store.plain``).
APPLICATION_ID = 0x434F4F50
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
APPLICATION_ID_OFFSET = 68
# Tables every CoopDesk file has had since its first schema (0001).
OUR_TABLES = frozenset({"alembic_version", "coop", "member", "member_type", "bylaws_version", "audit_entry"})


class FileKind(Enum):
    MISSING = "missing"  # no file: a new one may be created there
    EMPTY = "empty"  # 0 bytes: not ours, whoever made it
    NOT_SQLITE = "not_sqlite"  # a letter, a spreadsheet, a damaged file
    FOREIGN = "foreign"  # another program's SQLite database
    OURS = "ours"  # marked as a co-op file
    OURS_UNMARKED = "ours_unmarked"  # a co-op file from before the mark: our tables, no mark

    @property
    def opens(self) -> bool:
        return self in (FileKind.OURS, FileKind.OURS_UNMARKED)


def examine(path: Path) -> FileKind:
    """What ``path`` holds, found without changing it or making anything beside it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return FileKind.MISSING
    if size == 0:
        return FileKind.EMPTY
    with path.open("rb") as f:
        header = f.read(HEADER_SIZE)
    if len(header) < HEADER_SIZE or not header.startswith(SQLITE_MAGIC):
        return FileKind.NOT_SQLITE
    marked = header_application_id(header)
    if marked == APPLICATION_ID:
        return FileKind.OURS
    if marked != 0:
        return FileKind.FOREIGN
    return _by_tables(path)


def header_application_id(header: bytes) -> int:
    return int.from_bytes(header[APPLICATION_ID_OFFSET:APPLICATION_ID_OFFSET + 4], "big")


def _by_tables(path: Path) -> FileKind:
    """Unmarked in the main file: the mark may still sit in the ``-wal``, or the file is old.

    Read as immutable (only the main file, nothing written or created).  Only if that
    finds no co-op file and a ``-wal`` is there already is the ``-wal`` read too: a
    program that stopped before its changes reached the main file left them there.
    """
    kind = _peek(path, immutable=True)
    if kind is FileKind.FOREIGN and Path(f"{path}-wal").exists():
        kind = _peek(path, immutable=False)
    return kind


def _peek(path: Path, *, immutable: bool) -> FileKind:
    options = "mode=ro&immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
    except sqlite3.Error:
        return FileKind.NOT_SQLITE
    try:
        marked = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        return FileKind.NOT_SQLITE
    finally:
        conn.close()
    if marked == APPLICATION_ID:
        return FileKind.OURS
    if marked == 0 and OUR_TABLES <= tables:
        return FileKind.OURS_UNMARKED
    return FileKind.FOREIGN


def mark_file(path: Path) -> None:
    """Mark a closed co-op file of ours (a fresh copy) as a co-op file, if it is not yet."""
    conn = sqlite3.connect(path, timeout=30)
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.commit()
    finally:
        conn.close()
