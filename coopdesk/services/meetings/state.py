"""What the meeting room shows, as one value per action.

Every action in the room — check-in, check-out, proxy, vote, exclusion, close, correction —
returns a ``RoomState``: the count with the quorum (its article, how many more must come),
the lines of the present list the action changed, and, when the screen has an item open,
that item's result.  The whole present list (``AttendanceView``) is read when the screen
opens; after that each action sends only what changed, so an action costs the same
whatever the number present.  The window and the command line only display it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.domain.meetings.attendance import Proxy
from coopdesk.domain.meetings.rules import QuorumState, Register
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.room import Headcount, Room


@dataclass(frozen=True, slots=True)
class ProxyView:
    principal: int
    principal_name: str
    holder: int | None  # the holder's member number, or None for a family member
    holder_name: str
    counts: bool  # the holder is here


@dataclass(frozen=True, slots=True)
class Line:
    """One attendee's line of the present list: here in person (perhaps holding a proxy), or
    represented by a proxy (which counts while its holder is here).  Neither: no line."""

    key: int
    name: str
    in_person: bool
    holds: ProxyView | None = None  # the proxy this attendee, here, holds
    proxy: ProxyView | None = None  # the proxy this member, not here, gave

    @property
    def shown(self) -> bool:
        return self.in_person or self.proxy is not None

    @property
    def counts(self) -> bool:
        return self.in_person or (self.proxy is not None and self.proxy.counts)


@dataclass(frozen=True, slots=True)
class Count:
    """The live count the meeting screen shows in large type."""

    members: int  # the quorum's base
    in_person: int
    by_proxy: int
    quorum: QuorumState
    proxies_allowed: bool  # members may vote by proxy here (not at a board)

    @property
    def present(self) -> int:
        return self.in_person + self.by_proxy

    @property
    def register(self) -> Register:
        """Whom the quorum counts: members, consenters or directors in office."""
        return self.quorum.register

    @property
    def quorum_reached(self) -> bool:
        return self.quorum.reached


@dataclass(frozen=True, slots=True)
class AttendanceView:
    """The whole room: the count, and every line of the present list (counting first, by key)."""

    count: Count
    lines: tuple[Line, ...]
    version: int = 0  # the room's version this list shows (see ``RoomState.version``)

    @property
    def members(self) -> int:
        return self.count.members

    @property
    def present(self) -> int:
        return self.count.present

    @property
    def by_proxy(self) -> int:
        return self.count.by_proxy

    @property
    def quorum(self) -> QuorumState:
        return self.count.quorum

    @property
    def quorum_reached(self) -> bool:
        return self.count.quorum_reached

    @property
    def register(self) -> Register:
        return self.count.register

    @property
    def proxies_allowed(self) -> bool:
        return self.count.proxies_allowed

    @property
    def in_person(self) -> tuple[int, ...]:
        return tuple(sorted(line.key for line in self.lines if line.in_person))

    @property
    def proxies(self) -> tuple[ProxyView, ...]:
        return tuple(line.proxy for line in self.lines if line.proxy is not None)

    @property
    def names(self) -> dict[int, str]:
        """The names of everyone on a line and of the proxies' holders."""
        names = {line.key: line.name for line in self.lines}
        names.update({p.holder: p.holder_name for p in self.proxies if p.holder is not None})
        return names


@dataclass(frozen=True, slots=True)
class RoomState:
    """The room after an action: the count, the lines it changed, and the item on screen."""

    attendance: Count
    lines: tuple[Line, ...] = ()  # a line not ``shown`` is one to take off the list
    item: ItemResult | None = None
    whole: bool = False  # ``lines`` are the whole present list, not only what changed
    # Every arrival, departure or proxy moves it by one: a screen that finds it moved by more than
    # its own action knows another laptop changed the room meanwhile, and reads the list again.
    version: int = 0


def count_of(room: Room, headcount: Headcount) -> Count:
    return Count(room.base, headcount.in_person, headcount.by_proxy, room.quorum(headcount), room.rules.proxies)


def lines_of(room: Room) -> tuple[Line, ...]:
    """The line of every attendee ``room`` holds, as it now stands (not ``shown``: off the list)."""
    a = room.attendance
    views = {p.principal: _proxy_view(room, p) for p in a.proxies}
    held = {v.holder: v for v in views.values() if v.holder is not None}
    lines = [Line(key, room.names.get(key, ""), key in a.in_person, held.get(key) if key in a.in_person else None,
                  None if key in a.in_person else views.get(key)) for key in room.ids]
    return tuple(sorted(lines, key=lambda line: (not line.counts, line.key)))


def attendance_view(room: Room, headcount: Headcount, version: int) -> AttendanceView:
    """The whole present list of a room read whole."""
    assert room.whole, "the present list of a room read in part would be a part of it"
    return AttendanceView(count_of(room, headcount), tuple(line for line in lines_of(room) if line.shown), version)


def _proxy_view(room: Room, p: Proxy) -> ProxyView:
    holder_name = room.names.get(p.holder_member, "") if p.holder_member is not None else p.family_name
    return ProxyView(p.principal, room.names.get(p.principal, ""), p.holder_member, holder_name,
                     room.attendance.counts(p))
