"""A co-op file read with Python's own ``sqlite3``, without SQLAlchemy.

Starting the program on a co-op file shows the member list first and loads SQLAlchemy
afterwards, while the window is idle: importing SQLAlchemy and the models takes longer
than showing the window (bench/bench_startup.py).  This connection serves that first
read only.  It never writes (``query_only``), and it opens only a file that the ordinary
open would open as it is: marked as a co-op file and at this program's schema.  Anything
else (an unmarked old file, one to upgrade, one from a newer program, a damaged one) gets
None, and the ordinary open (``services.files.open_database``) says what it is.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coopdesk.store.coopfile import FileKind, examine
from coopdesk.store.revisions import HEAD


def open_reader(path: Path) -> sqlite3.Connection | None:
    """A read-only connection in one snapshot (a read transaction), or None; the caller closes it."""
    try:
        if not path.is_file() or examine(path) is not FileKind.OURS:
            return None
    except OSError:  # cannot be read: the ordinary open says why
        return None
    try:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only=ON")
        conn.execute("BEGIN")  # every read sees the same moment of the file
        found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        conn.close()
        return None
    if found != [(HEAD,)]:
        conn.close()
        return None
    return conn
