"""Writing an import's checked rows: members, their first events and one audit entry.

Runs inside the import's one transaction.  At 100,000 rows the time goes into per-row
Python work, so members are written as plain tuples with the driver's executemany a
chunk at a time (the progress bar moves, and Cancel rolls everything back), and their
first events are copied from the new rows by the database itself (``INSERT … SELECT``).
An imported member has an application, an admission or both, and nothing else: its
standing is those two dates (``standing`` folds them so), and the columns of a notice
or a leaving stay empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring  # JSON text of a str, as json.dumps(ensure_ascii=False)

from sqlalchemy import insert, literal, select
from sqlalchemy.orm import Session

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services import audit
from coopdesk.services.members.member import take_numbers, type_ids
from coopdesk.store.bulk import insert_many
from coopdesk.store.models import Member, MemberEventRow

# One checked row: its line in the file, the member's details, the joining and application dates.
Checked = tuple[int, MemberDetails, dt.date | None, dt.date | None]

CHUNK = 5_000  # rows per executemany: the progress bar moves, and the driver's lists stay small
_COLUMNS = ("coop_id", "number", "member_type_id", "name", "birth_date", "phone", "email", "address", "notes",
            "privacy_consent_on", "applied_on", "joined_on")


def write_members(s: Session, coop_id: int, rows: list[Checked],
                  tick: Callable[[int, int], None]) -> tuple[int, int]:
    """Add ``rows`` as members numbered from the co-op's next number, with one audit entry.

    Each chunk of ``rows`` is let go (set to None) once written and logged: the rows and
    the audit entry's text are never held whole at once.  ``tick(done, total)`` is told
    after each chunk; it may raise to stop (the caller's transaction then undoes
    everything).  Returns the first and last numbers given."""
    first = take_numbers(s, coop_id, len(rows))
    last = first + len(rows) - 1
    ids = type_ids(s, coop_id)
    conn = s.connection()
    logged = _Logged()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        insert_many(conn, Member.__table__, _COLUMNS, _member_rows(chunk, first + start, coop_id, ids))
        logged.add(chunk, first + start)
        rows[start:start + CHUNK] = [None] * len(chunk)  # type: ignore[list-item]  # let go
        del chunk
        tick(min(start + CHUNK, len(rows)), len(rows))
    _add_first_events(s, coop_id, first, last)
    audit.record(s, coop_id=coop_id, action="member.import", entity="member", key=f"{first}-{last}",
                 after_text=logged.text())
    return first, last


def _member_rows(chunk: Sequence[Checked], first: int, coop_id: int, ids: dict[str, int]) -> list[tuple[object, ...]]:
    return [(coop_id, number, ids[d.member_type], d.name, d.birth_date, d.phone, d.email, d.address, d.notes,
             d.privacy_consent_on, applied, joined)
            for number, (_line, d, joined, applied) in enumerate(chunk, start=first)]


def _add_first_events(s: Session, coop_id: int, first: int, last: int) -> None:
    """The application and the admission of each new member, from the dates just written
    (a member's standing columns hold the dates of its events).  All applications go in
    before all admissions, so that one member's events keep their order on the same day."""
    events = MemberEventRow.__table__
    now = dt.datetime.now()
    for kind, day in ((EventKind.APPLIED, Member.applied_on), (EventKind.ADMITTED, Member.joined_on)):
        s.execute(insert(events).from_select(
            ["member_id", "kind", "occurred_on", "note", "recorded_at"],
            select(Member.id, literal(kind, events.c.kind.type), day, literal(""),
                   literal(now, events.c.recorded_at.type))
            .where(Member.coop_id == coop_id, Member.number.between(first, last), day.is_not(None))
            .order_by(Member.number)))


class _Logged:
    """The audit entry's list of members, text exactly as ``audit.canonical`` writes it
    (keys in order, no spaces, text as it is), made a chunk at a time.  100,000 dictionaries
    held at once would take more room than the rows, and writing each member's text
    directly takes half the time of building and sorting a dictionary for it.  The text
    grows as UTF-8 in one buffer, which is handed back to the system once decoded: the
    pieces of a list of strings would stay in the process while the whole text is made.
    """

    def __init__(self) -> None:
        self._utf8 = bytearray(b"[")

    def add(self, rows: Sequence[Checked], first: int) -> None:
        q, day = encode_basestring, _day
        if len(self._utf8) > 1:
            self._utf8 += b","
        self._utf8 += ",".join(
            f'{{"address":{q(d.address)},"applied_on":{day(applied)},"birth_date":{day(d.birth_date)},'
            f'"email":{q(d.email)},"joined_on":{day(joined)},"member_type":{q(d.member_type)},'
            f'"name":{q(d.name)},"notes":{q(d.notes)},"number":{number},"phone":{q(d.phone)},'
            f'"privacy_consent_on":{day(d.privacy_consent_on)}}}'
            for number, (_line, d, joined, applied) in enumerate(rows, start=first)).encode("utf-8")

    def text(self) -> str:
        """The whole list; the buffer is let go."""
        self._utf8 += b"]"
        whole = self._utf8.decode("utf-8")
        self._utf8 = bytearray()
        return whole


def _day(day: dt.date | None) -> str:
    return "null" if day is None else f'"{day.isoformat()}"'
