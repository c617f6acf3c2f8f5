"""What the meeting room shows, as one value per action.

Every action in the room — check-in, check-out, proxy, vote, exclusion, close, correction —
returns a ``RoomState``: the attendance with the quorum (its article, how many more must
come) and, when the screen has an item open, that item's result.  The window and the
command line only display it.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.domain.meetings.rules import QuorumState, Register
from coopdesk.services.meetings.results import ItemResult
from coopdesk.services.meetings.room import Room


@dataclass(frozen=True, slots=True)
class ProxyView:
    principal: int
    principal_name: str
    holder: int | None  # the holder's member number, or None for a family member
    holder_name: str
    counts: bool  # the holder is here


@dataclass(frozen=True, slots=True)
class AttendanceView:
    """The live count the meeting screen shows in large type."""

    members: int  # the quorum's base
    in_person: tuple[int, ...]
    proxies: tuple[ProxyView, ...]
    present: int
    quorum: QuorumState
    names: dict[int, str]
    proxies_allowed: bool  # members may vote by proxy here (not at a board)

    @property
    def register(self) -> Register:
        """Whom the quorum counts: members, consenters or directors in office."""
        return self.quorum.register

    @property
    def by_proxy(self) -> int:
        return sum(1 for p in self.proxies if p.counts)

    @property
    def quorum_reached(self) -> bool:
        return self.quorum.reached


@dataclass(frozen=True, slots=True)
class RoomState:
    """The room after an action: attendance and quorum, and the item the screen shows."""

    attendance: AttendanceView
    item: ItemResult | None = None


def attendance_view(room: Room) -> AttendanceView:
    a = room.attendance
    proxies = tuple(ProxyView(p.principal, room.names[p.principal], p.holder_member,
                              room.names[p.holder_member] if p.holder_member is not None else p.family_name,
                              a.counts(p)) for p in a.proxies)
    return AttendanceView(room.base, tuple(sorted(a.in_person)), proxies, len(a.present), room.quorum(),
                          dict(room.names), room.rules.proxies)
