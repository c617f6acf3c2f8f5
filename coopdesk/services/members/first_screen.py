"""The first screen of a co-op file, read before SQLAlchemy is loaded.

``coopdesk`` shows the member list of the file it opens as soon as it can: the co-op and
its members are read here through the store's plain ``sqlite3`` connection
(``store.plain``), and SQLAlchemy, the models and the ordinary open (with its backup of
the file as found) follow in a thread (``load_layer``, then ``files.open_database``).
Importing those takes longer than showing the window (bench/bench_startup.py), so only
this read stands between the window and the list.

Only a co-op file that the ordinary open would open as it is, holding one co-op, is read
here; for anything else (a PostgreSQL database, a file to upgrade or not ours, several
co-ops to choose from) ``read_first_screen`` returns None and the ordinary path runs.
The queries mirror ``coops.get_coop`` and ``listing.list_members``; tests compare them.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from coopdesk.domain.coop import CoopKind, GoverningLaw
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services.coop_info import CoopInfo, bylaws_from_dict
from coopdesk.services.members.rows import MemberRow, collector_paused, row_from
from coopdesk.store.plain import open_reader

# What opening a co-op file needs beyond this read, in import order (``load_layer``).
# SQLAlchemy and the store never import the program's upper layers, nor Qt: a thread may
# import them while the window's thread imports what it needs.
LAYER: tuple[str, ...] = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "sqlalchemy.dialects.sqlite",
    "coopdesk.store.models",
    "coopdesk.store.database",
    "coopdesk.services.files",
    "coopdesk.services.coops",
    "coopdesk.services.members.listing",
    "coopdesk.services.members.member",
)

_COOP = """
    SELECT id, name, kind, governing_law, main_office, fiscal_year_start_month FROM coop WHERE id = ?
"""
_TYPES = "SELECT name FROM member_type WHERE coop_id = ? ORDER BY position"
# The bylaws in force today: as coops.bylaws_in_force (an amendment counts once reported).
_BYLAWS_IN_FORCE = """
    SELECT version, settings FROM bylaws_version
    WHERE coop_id = ? AND effective_on IS NOT NULL AND effective_on <= ? ORDER BY version DESC LIMIT 1
"""
_FIRST_BYLAWS = "SELECT version, settings FROM bylaws_version WHERE coop_id = ? ORDER BY version LIMIT 1"
# founding consenters not yet admitted are not on the member list (listing.on_member_list)
_ON_LIST = "(m.consented_on IS NULL OR m.joined_on IS NOT NULL)"
_COUNT = f"SELECT count(*) FROM member m WHERE m.coop_id = ? AND {_ON_LIST}"
_MEMBERS = f"""
    SELECT m.number, m.name, t.name, m.birth_date, m.phone, m.email, m.address,
           m.applied_on, m.joined_on, m.notice_on, m.leaves_on, m.left_on, m.left_as
    FROM member m JOIN member_type t ON t.id = m.member_type_id
    WHERE m.coop_id = ? AND {_ON_LIST} ORDER BY m.number
"""


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """The file's only co-op and its register: every member when there are few, else only
    how many (``read_register`` reads them, in a thread)."""

    path: Path
    coop: CoopInfo
    total: int
    members: list[MemberRow] | None


def read_first_screen(target: str, *, members_up_to: int, today: dt.date | None = None) -> FirstScreen | None:
    """The co-op of a co-op file and, if it holds at most ``members_up_to``, its members; None
    when the file needs the ordinary open (see the module's text)."""
    if "://" in target:
        return None
    path = Path(target).expanduser().resolve()
    conn = open_reader(path)
    if conn is None:
        return None
    today = today or dt.date.today()
    with closing(conn):
        try:
            ids = conn.execute("SELECT id FROM coop ORDER BY id LIMIT 2").fetchall()
            if len(ids) != 1:
                return None
            coop = _coop(conn, ids[0][0], today)
            total = conn.execute(_COUNT, (coop.id,)).fetchone()[0]
            members = _members(conn, coop.id, today) if total <= members_up_to else None
        except (sqlite3.Error, ValueError, KeyError, TypeError):  # damaged: the ordinary open says so
            return None
    return FirstScreen(path, coop, total, members)


def read_register(first: FirstScreen, today: dt.date | None = None) -> list[MemberRow] | None:
    """Every member of the first screen's co-op, by number (for a large register, in a thread);
    None if the file can no longer be read this way."""
    conn = open_reader(first.path)
    if conn is None:
        return None
    with closing(conn):
        try:
            return _members(conn, first.coop.id, today or dt.date.today())
        except sqlite3.Error:
            return None


def load_layer() -> None:
    """Import what opening the file needs (``LAYER``): ~0.5 s on a slow machine, so in a thread."""
    for name in LAYER:
        importlib.import_module(name)


def _coop(conn: sqlite3.Connection, coop_id: int, today: dt.date) -> CoopInfo:
    id_, name, kind, law, office, fiscal_month = conn.execute(_COOP, (coop_id,)).fetchone()
    types = tuple(t for t, in conn.execute(_TYPES, (coop_id,)))
    bylaws = (conn.execute(_BYLAWS_IN_FORCE, (coop_id, today.isoformat())).fetchone()
              or conn.execute(_FIRST_BYLAWS, (coop_id,)).fetchone())
    version, settings = bylaws
    return CoopInfo(id=id_, name=name, kind=CoopKind(kind), governing_law=GoverningLaw(law), main_office=office,
                    fiscal_year_start_month=fiscal_month, member_types=types,
                    bylaws=bylaws_from_dict(json.loads(settings)), bylaws_version=version)


def _members(conn: sqlite3.Connection, coop_id: int, today: dt.date) -> list[MemberRow]:
    with collector_paused():
        return list(_rows(conn.execute(_MEMBERS, (coop_id,)), today))


def _rows(found: Iterable[tuple], today: dt.date) -> Iterator[MemberRow]:  # type: ignore[type-arg]
    """Rows from the columns as SQLite keeps them: dates as ISO text, the leaving kind as its value."""
    day, member, today_text = dt.date.fromisoformat, MemberStatus.MEMBER, today.isoformat()
    for number, name, type_name, birth, phone, email, address, applied, joined, notice, leaves, left, left_as in found:
        if notice is None and left is None and joined is not None and joined <= today_text:
            # most members: current, with no notice given (ISO dates compare as their text)
            yield MemberRow(number, name, type_name, member, day(joined), None, birth and day(birth), phone, email,
                            address)
        else:  # NULL columns stay None (`and` skips them)
            yield row_from((number, name, type_name, birth and day(birth), phone, email, address,
                            applied and day(applied), joined and day(joined), notice and day(notice),
                            leaves and day(leaves), left and day(left), left_as and EventKind(left_as)), today)
