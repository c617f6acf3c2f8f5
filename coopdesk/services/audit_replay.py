"""Replaying the audit log: the records it rebuilds must be the records in the tables.

The hash chain proves that the log was not edited; it says nothing of the tables beside
it.  Replaying the logged after-images — every member added, edited, imported or given an
event, every officer's term, every meeting's facts and agenda — rebuilds what the tables
should hold, so that a member's phone changed directly in the file, or a member row added
without the program, shows as a difference.  What the log does not carry (check-ins,
proxies, the minute signers' order) is not compared.

The tables are read as plain rows (``Rows``: SQL in, tuples out), so that the same replay
runs on the ordinary connection and on a co-op file read with sqlite3 alone
(``audit.verify_file``); values are compared as the log writes them, whichever database
gave them (``_plain``: a date as ISO text, a time without SQLite's microseconds).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

# A read of the database: an SQL statement without parameters in, its rows out.
Rows = Callable[[str], Iterable[Sequence[Any]]]

_DETAILS = ("name", "member_type", "birth_date", "phone", "email", "address", "notes")
_TERM = ("member_number", "name", "office", "start", "end", "chosen_by", "predecessor_end", "left_on", "note")
_MEETING = ("kind", "title", "held_on", "starts_at", "place", "convened_by", "chair_name", "opened_at",
            "closed_at", "consenters", "purpose")
# Not the position: moving or removing an item renumbers the others without an entry each.
_ITEM = ("subject", "title", "kind", "closed")
_TIMES = frozenset({"starts_at", "opened_at", "closed_at"})
_TERMS_SQL = ("SELECT t.id, m.number, t.person_name, t.office, t.start_on, t.end_on, t.chosen_by, "
              "t.predecessor_end, t.left_on, t.note FROM officer_term t LEFT JOIN member m ON m.id = t.member_id")
_STORED_TERM = ("member_number", "person_name", "office", "start", "end", "chosen_by", "predecessor_end",
                "left_on", "note")


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


def replay(rows: Rows) -> list[Difference]:
    """Every difference between what the log rebuilds and what the tables hold."""
    rebuilt = _Rebuilt()
    for coop_id, action, key, after in rows("SELECT coop_id, action, entity_key, after FROM audit_entry ORDER BY id"):
        _apply(rebuilt, coop_id, action, key, json.loads(after))
    return [*_members(rows, rebuilt), *_terms(rows, rebuilt), *_meetings(rows, rebuilt)]


# -- rebuilding ------------------------------------------------------------------------------------

def _apply(r: _Rebuilt, coop: int | None, action: str, key: str, after: Any) -> None:
    area, _, verb = action.partition(".")
    if area in ("member", "demo") and coop is not None:
        _member_entry(r, coop, verb, key, after)
    elif action in ("founding.consenter_add", "founding.consenter_edit") and coop is not None:
        _consenter_entry(r, (coop, int(key)), after)
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
    elif action == "meeting.clear_vote" and int(key) in r.items:  # a motion's vote off an election item
        r.items[int(key)]["closed"] = False


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


def _consenter_entry(r: _Rebuilt, number: tuple[int, int], after: dict[str, Any]) -> None:
    """A founding consenter added or edited (services.founding.people): details and the consent."""
    r.members[number] = {k: after.get(k) for k in _DETAILS}
    events = [e for e in r.events.get(number, []) if e[0] != "consented"]
    r.events[number] = [("consented", after["consented_on"]), *events]


# -- comparing -------------------------------------------------------------------------------------

def _plain(value: object) -> object:
    """A table value as the log writes it (dates as ISO text, enums as their values)."""
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return getattr(value, "value", value)


def _time(value: object) -> object:
    """A time of day as the log writes it: SQLite keeps "14:00:00.000000", the log "14:00:00"."""
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value).isoformat()
        except ValueError:  # not a time at all: shown as stored, a difference
            return value
    return _plain(value)


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


def _members(rows: Rows, r: _Rebuilt) -> Iterator[Difference]:
    """Compared as plain tuples: at 100,000 members the per-row work of typed columns would
    be most of the time."""
    types = {type_id: name for type_id, name in rows("SELECT id, name FROM member_type")}
    stored: dict[tuple[int, int], tuple[Any, ...]] = {}
    ids: dict[int, tuple[int, int]] = {}
    for member_id, coop, number, *details in rows(
            "SELECT id, coop_id, number, name, member_type_id, birth_date, phone, email, address, notes FROM member"):
        ids[member_id] = (coop, number)
        details[1], details[2] = types.get(details[1]), _iso(details[2])
        stored[(coop, number)] = tuple(details)
    events: dict[tuple[int, int], list[tuple[str, Any]]] = {}
    for member_id, kind, on in rows("SELECT member_id, kind, occurred_on FROM member_event"):
        events.setdefault(ids[member_id], []).append((kind, _iso(on)))
    for key in _pairs(r.members, stored):
        logged = r.members.get(key)
        logged_row = None if logged is None else tuple(logged[k] for k in _DETAILS)
        if logged_row != stored.get(key):
            yield from _compare(f"member {key[1]}", logged, None if key not in stored else
                                dict(zip(_DETAILS, stored[key])))
        if logged is not None and key in stored and sorted(r.events.get(key, [])) != sorted(events.get(key, [])):
            yield Difference(f"member {key[1]}", "events", sorted(r.events.get(key, [])), sorted(events.get(key, [])))


def _terms(rows: Rows, r: _Rebuilt) -> Iterator[Difference]:
    stored = {term_id: dict(zip(_STORED_TERM, values)) for term_id, *values in rows(_TERMS_SQL)}
    for key in _pairs(r.terms, stored):
        yield from _compare(f"officer term {key}", r.terms.get(key), stored.get(key))


def _meetings(rows: Rows, r: _Rebuilt) -> Iterator[Difference]:
    stored = {meeting_id: {k: _time(v) if k in _TIMES else v for k, v in zip(_MEETING, values)}
              for meeting_id, *values in rows(f"SELECT id, {', '.join(_MEETING)} FROM meeting")}
    for key in _pairs(r.meetings, stored):
        yield from _compare(f"meeting {key}", r.meetings.get(key), stored.get(key))
    items = {item_id: {"subject": subject, "title": title, "kind": kind, "closed": bool(closed)}
             for item_id, subject, title, kind, closed in rows(f"SELECT id, {', '.join(_ITEM)} FROM agenda_item")}
    for key in sorted(set(items) & set(r.items)):  # items the log names (older logs do not name standard ones)
        yield from _compare(f"agenda item {key}", r.items[key], items[key])
    for key in sorted(set(r.items) - set(items)):
        yield Difference(f"agenda item {key}", "", "…", None)
