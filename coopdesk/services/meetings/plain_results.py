"""A meeting's results read from a co-op file without SQLAlchemy, when every item is closed.

``coopdesk meeting results`` is what a script asks again and again after an assembly; a
closed item's result is its frozen snapshot alone (``readings.meeting_results`` reads it
so too), which needs no ORM.  So for a co-op file at this program's schema, read through
the store's plain ``sqlite3`` connection (``store.plain``), the results are built here by
the same ``results.frozen_item_result`` from the same columns.  Anything else returns
None and the caller asks ``readings.meeting_results``: a PostgreSQL database, a file that
needs the ordinary open, several co-ops, a meeting of another co-op or none (its refusal
is worded there), or an item still open (its result is worked out live from the room).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.services.meetings.results import ItemResult, frozen_item_result
from coopdesk.store.plain import open_reader

_MEETING = "SELECT kind FROM meeting WHERE id = ? AND coop_id = ?"
_ITEMS = ("SELECT id, position, title, title_code, kind, closed, result FROM agenda_item "
          "WHERE meeting_id = ? ORDER BY position")


@dataclass(frozen=True, slots=True)
class _ClosedItem:
    """The columns of an agenda item that its frozen result is built from (``AgendaItemRow``'s names)."""

    id: int
    position: int
    title: str
    title_code: StandardTitle | None
    kind: ResolutionKind
    result: dict[str, Any] | None


def closed_meeting_results(target: str, coop_id: int | None, meeting_id: int) -> list[ItemResult] | None:
    """Every item's result in agenda order, as ``readings.meeting_results`` gives it, if every item
    of the meeting is closed; None when that must answer instead (see the module's text).

    ``coop_id`` is the co-op asked for (``--coop``), or None for the file's only co-op."""
    if "://" in target:
        return None
    conn = open_reader(Path(target).expanduser())
    if conn is None:
        return None
    with closing(conn):  # one read transaction: the meeting and its items of one moment
        try:
            return _results(conn, coop_id, meeting_id)
        except (sqlite3.Error, ValueError, TypeError):  # damaged: the ordinary read says so
            return None


def _results(conn: sqlite3.Connection, coop_id: int | None, meeting_id: int) -> list[ItemResult] | None:
    coops = [found for found, in conn.execute("SELECT id FROM coop ORDER BY id LIMIT 2")]
    if len(coops) != 1 or coop_id not in (None, coops[0]):
        return None  # which co-op, or none: coops.default_coop answers
    meeting = conn.execute(_MEETING, (meeting_id, coops[0])).fetchone()
    if meeting is None:
        return None  # no such meeting here: its refusal is worded by the ordinary read
    items = conn.execute(_ITEMS, (meeting_id,)).fetchall()
    if not all(closed for *_columns, closed, _result in items):
        return None
    rules = rules_for(MeetingKind(meeting[0]))
    return [frozen_item_result(_item(row), rules) for row in items]  # type: ignore[arg-type]


def _item(row: tuple[Any, ...]) -> _ClosedItem:
    """An item from its columns as SQLite keeps them: codes as their values, the result as JSON text."""
    item_id, position, title, title_code, kind, _closed, result = row
    return _ClosedItem(item_id, position, title, title_code and StandardTitle(title_code), ResolutionKind(kind),
                       json.loads(result) if result is not None else None)
