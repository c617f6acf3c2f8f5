"""An advisor's many co-ops on one page: every co-op of a folder of co-op files, or of one
PostgreSQL database, with its kind, members, next legal deadline and warnings.

Only reads: each file is read as it is, without a lock, a migration or a file made
beside it (``snapshot``); a server is read in a read-only transaction.  Runs off the
window's thread: ``progress(done, total)`` is told after each file (or co-op, on a
server) and may answer False to stop, and ``cancelled()`` is asked as often; either
stops with ``Cancelled``.

    overview(folder_or_url, today) -> Overview
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.paths import shown_target
from coopdesk.services.failures import BAD_ADDRESS, readable_address
from coopdesk.services.overview.connections import ServerUnreachable
from coopdesk.services.overview.rows import (
    PROBLEM_MESSAGES,
    CoopRow,
    Due,
    Overview,
    Problem,
    Urgency,
)

__all__ = ["PROBLEM_MESSAGES", "CoopRow", "Due", "Overview", "Problem", "ServerUnreachable", "Urgency", "is_server",
           "overview"]

Progress = Callable[[int, int], bool]


def is_server(target: Path | str) -> bool:
    return "://" in str(target)


def overview(target: Path | str, today: dt.date, *, progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> Overview:
    """Every co-op in the folder (or co-op file, or PostgreSQL URL) ``target``, as of ``today``.

    A folder that cannot be read raises its OSError; a server address that cannot be read, a
    ``Refusal``; a server that cannot be reached, ``ServerUnreachable``; a server's error on the way, its database error
    (``services.failures.explain`` says it in the user's words).
    """
    def checkpoint() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    def step(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise Cancelled()
        checkpoint()

    if is_server(target):
        from coopdesk.services.overview.server import read_server

        if not readable_address(str(target)):
            raise Refusal(BAD_ADDRESS, address=shown_target(str(target)))

        rows = read_server(str(target), today, step)
        return Overview(shown_target(str(target)), today, tuple(rows))
    return _folder_overview(Path(target).expanduser(), today, step, checkpoint)


def _folder_overview(folder: Path, today: dt.date, step: Callable[[int, int], None],
                     checkpoint: Callable[[], None]) -> Overview:
    from coopdesk.services.overview.folder import coop_files, read_file

    files = [folder] if folder.is_file() else coop_files(folder)
    rows: list[CoopRow] = []
    step(0, len(files))
    for done, path in enumerate(files, start=1):
        rows += read_file(path, today, checkpoint)
        step(done, len(files))
    return Overview(str(folder), today, tuple(rows))
