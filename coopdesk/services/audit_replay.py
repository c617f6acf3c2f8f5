"""Replaying the audit log: the records it rebuilds must be the records in the tables.

The hash chain proves that the log was not edited; it says nothing of the tables beside
it.  Replaying the logged after-images — every member added, edited, imported or given an
event, every officer's term, every meeting's facts and agenda — rebuilds what the tables
should hold, so that a member's phone changed directly in the file, or a member row added
without the program, shows as a difference.  What the log does not carry (check-ins,
proxies, the minute signers' order) is not compared.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from coopdesk.store.models import AgendaItemRow, AuditEntry, Member, MeetingRow, OfficerTermRow

_DETAILS = ("name", "member_type", "birth_date", "phone", "email", "address", "notes")
_TERM = ("member_number", "name", "office", "start", "end", "chosen_by", "predecessor_end", "left_on", "note")
_MEETING = ("kind", "title", "held_on", "starts_at", "place", "convened_by", "chair_name", "opened_at",
            "closed_at", "consenters", "purpose")
# Not the position: moving or removing an item renumbers the others without an entry each.
_ITEM = ("subject", "title", "kind", "closed")


@dataclass(frozen=True, slots=True)
class Difference:
    """One fact on which the log and the tables disagree."""

    record: str  # "member 3", "officer term 2", "meeting 1", "agenda item 5"
    field: str  # the field, or "" when the whole record is missing on one side
    logged: object  # what the log says (None: not in the log)
    stored: object  # what the tables hold (None: not in the tables)


@dataclass(slots=True)
class _Rebuilt:
    members: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    events: dict[tuple[int, int], list[tuple[str, str]]] = field(default_factory=dict)
    terms: dict[int, dict[str, Any]] = field(default_factory=dict)
    meetings: dict[int, dict[str, Any]] = field(default_factory=dict)
    items: dict[int, dict[str, Any]] = field(default_factory=dict)


def replay(s: Session) -> list[Difference]:
    """Every difference between what the log rebuilds and what the tables hold."""
    rebuilt = _Rebuilt()
    for entry in s.execute(select(AuditEntry.coop_id, AuditEntry.action, AuditEntry.entity_key,
                                  AuditEntry.after).order_by(AuditEntry.id)):
        _apply(rebuilt, entry.coop_id, entry.action, entry.entity_key, json.loads(entry.after))
    return [*_members(s, rebuilt), *_terms(s, rebuilt), *_meetings(s, rebuilt)]


# -- rebuilding ------------------------------------------------------------------------------------

def _apply(r: _Rebuilt, coop: int | None, action: str, key: str, after: Any) -> None:
    area, _, verb = action.partition(".")
    if area in ("member", "demo") and coop is not None:
        _member_entry(r, coop, verb, key, after)
    elif area == "officer":
        r.terms[int(key)] = ({**r.terms.get(int(key), {}), **after} if verb == "end" else _term(after))
    elif action in ("meeting.create", "meeting.edit", "meeting.times"):
        r.meetings[int(key)] = {k: after.get(k) for k in _MEETING}
    elif action == "meeting.item.add" or (action == "meeting.item.standard" and isinstance(after, list)):
        for item in after if isinstance(after, list) else [{**after, "id": after.get("id", int(key))}]:
            if item.get("id") is not None:
                r.items[int(item["id"])] = {**{k: item.get(k) for k in _ITEM}, "closed": False}
    elif action in ("meeting.item.text", "meeting.item.move") and int(key) in r.items:
        r.items[int(key)].update({k: after[k] for k in _ITEM if k in after})
    elif action == "meeting.item.remove":
        r.items.pop(int(key), None)
    elif action == "meeting.close_item" and int(key) in r.items:
        r.items[int(key)]["closed"] = True


def _term(after: dict[str, Any]) -> dict[str, Any]:
    term = {k: after.get(k) for k in _TERM if k != "name"}
    term["person_name"] = after.get("name") if after.get("member_number") is None else None
    return term


def _member_entry(r: _Rebuilt, coop: int, verb: str, key: str, after: Any) -> None:
    if verb in ("import", "members") and isinstance(after, list):  # member.import, demo.members
        for row in after:
            number = (coop, int(row["number"]))
            r.members[number] = {k: row.get(k) for k in _DETAILS}
            r.events[number] = [(k, row[d]) for k, d in (("applied", "applied_on"), ("admitted", "joined_on"))
                                if row.get(d)]
        return
    number = (coop, int(key))
    if verb == "add":
        r.members[number] = {k: after.get(k) for k in _DETAILS}
        r.events[number] = [(e["kind"], e["on"]) for e in after.get("events", [])]
    elif verb == "edit":
        r.members[number] = {k: after.get(k) for k in _DETAILS}
    elif verb == "expelled":
        held = r.meetings.get(int(after.get("meeting", 0)), {}).get("held_on")
        r.events.setdefault(number, []).append(("expelled", after.get("on") or held))
    elif isinstance(after, dict) and "kind" in after and "on" in after:  # member.withdrawn, .deceased ...
        r.events.setdefault(number, []).append((after["kind"], after["on"]))


# -- comparing -------------------------------------------------------------------------------------

def _plain(value: object) -> object:
    """A table value as the log writes it (dates as ISO text, enums as their values)."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return getattr(value, "value", value)


def _compare(record: str, logged: dict[str, Any] | None, stored: dict[str, Any] | None) -> Iterator[Difference]:
    if logged is None or stored is None:
        yield Difference(record, "", None if logged is None else "…", None if stored is None else "…")
        return
    for name, value in logged.items():
        if _plain(stored.get(name)) != value:
            yield Difference(record, name, value, _plain(stored.get(name)))


def _pairs(logged: dict[Any, Any], stored: dict[Any, Any]) -> Iterable[Any]:
    return sorted(set(logged) | set(stored))


def _iso(value: object) -> object:
    """A date read raw: SQLite gives the ISO text the log holds, PostgreSQL a date."""
    return value.isoformat() if isinstance(value, (dt.date, dt.time)) else value


def _members(s: Session, r: _Rebuilt) -> Iterator[Difference]:
    """Compared as plain tuples read without the ORM: at 100,000 members the per-row work of
    typed columns would be most of the time."""
    conn = s.connection()
    types = dict(conn.execute(text("SELECT id, name FROM member_type")).all())
    stored: dict[tuple[int, int], tuple[Any, ...]] = {}
    ids: dict[int, tuple[int, int]] = {}
    for member_id, coop, number, *details in conn.execute(text(
            "SELECT id, coop_id, number, name, member_type_id, birth_date, phone, email, address, notes FROM member")):
        ids[member_id] = (coop, number)
        details[1], details[2] = types.get(details[1]), _iso(details[2])
        stored[(coop, number)] = tuple(details)
    events: dict[tuple[int, int], list[tuple[str, Any]]] = {}
    for member_id, kind, on in conn.execute(text("SELECT member_id, kind, occurred_on FROM member_event")):
        events.setdefault(ids[member_id], []).append((kind, _iso(on)))
    for key in _pairs(r.members, stored):
        logged = r.members.get(key)
        logged_row = None if logged is None else tuple(logged[k] for k in _DETAILS)
        if logged_row != stored.get(key):
            yield from _compare(f"member {key[1]}", logged, None if key not in stored else
                                dict(zip(_DETAILS, stored[key])))
        if logged is not None and key in stored and sorted(r.events.get(key, [])) != sorted(events.get(key, [])):
            yield Difference(f"member {key[1]}", "events", sorted(r.events.get(key, [])), sorted(events.get(key, [])))


def _terms(s: Session, r: _Rebuilt) -> Iterator[Difference]:
    stored = {}
    for t, number in s.execute(select(OfficerTermRow, Member.number)
                               .outerjoin(Member, Member.id == OfficerTermRow.member_id)):
        stored[t.id] = {"member_number": number, "person_name": t.person_name, "office": t.office,
                        "start": t.start_on, "end": t.end_on, "chosen_by": t.chosen_by,
                        "predecessor_end": t.predecessor_end, "left_on": t.left_on, "note": t.note}
    for key in _pairs(r.terms, stored):
        yield from _compare(f"officer term {key}", r.terms.get(key), stored.get(key))


def _meetings(s: Session, r: _Rebuilt) -> Iterator[Difference]:
    stored = {m.id: {k: getattr(m, k) for k in _MEETING} for m in s.execute(select(MeetingRow)).scalars()}
    for key in _pairs(r.meetings, stored):
        yield from _compare(f"meeting {key}", r.meetings.get(key), stored.get(key))
    items = {i.id: {k: getattr(i, k) for k in _ITEM} for i in s.execute(select(AgendaItemRow)).scalars()}
    for key in sorted(set(items) & set(r.items)):  # items the log names (older logs do not name standard ones)
        yield from _compare(f"agenda item {key}", r.items[key], items[key])
    for key in sorted(set(r.items) - set(items)):
        yield Difference(f"agenda item {key}", "", "…", None)
