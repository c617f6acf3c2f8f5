"""What the meeting screen knows of the room between two actions.

The screen reads the whole present list once, when it opens (``AttendanceView``); after
that each action's ``RoomState`` brings the count and only the lines it changed, which
are put in place here.  So an arrival costs the screen the same at 15 members and at
100,000.  The register of the day (everyone who may attend, for typing a name at
check-in or choosing a proxy's principal) is read apart, in a worker for a large co-op.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from coopdesk.domain.meetings.rules import QuorumState, Register
from coopdesk.services.meetings.state import AttendanceView, Count, Line, ProxyView, RoomState


class Names(Mapping[int, str]):
    """The names the screen can say: those on the present list, then the register of the day."""

    def __init__(self, picture: RoomPicture) -> None:
        self._picture = picture

    def __getitem__(self, key: int) -> str:
        line = self._picture.lines.get(key)
        if line is not None:
            return line.name
        return self._picture.roll[key]

    def __iter__(self) -> Iterator[int]:
        return iter(self._picture.roll or self._picture.lines)

    def __len__(self) -> int:
        return len(self._picture.roll or self._picture.lines)


class RoomPicture:
    def __init__(self, register: Register) -> None:
        self.register = register
        self.count: Count | None = None
        self.lines: dict[int, Line] = {}
        self.here: set[int] = set()  # in person
        self.represented: set[int] = set()  # by a proxy whose holder is here
        self.roll: dict[int, str] = {}  # the register of the day, once read
        self.version = 0
        self.names = Names(self)

    # -- taking news ---------------------------------------------------------------------------
    def set_whole(self, view: AttendanceView) -> None:
        self.count, self.version = view.count, view.version
        self.lines.clear()
        self.here.clear()
        self.represented.clear()
        self._put(view.lines)

    def missed(self, state: RoomState) -> bool:
        """Someone else changed the room since this picture was taken (another laptop, a command):
        the lines of this action alone would not make the list; read it whole again."""
        return not state.whole and state.version > self.version + 1

    def apply(self, state: RoomState) -> tuple[Line, ...]:
        """Put an action's news in place; returns the lines it changed."""
        self.count, self.version = state.attendance, max(self.version, state.version)
        if state.whole:
            self.lines.clear()
            self.here.clear()
            self.represented.clear()
        self._put(state.lines)
        return state.lines

    def _put(self, lines: tuple[Line, ...]) -> None:
        for line in lines:
            if line.shown:
                self.lines[line.key] = line
            else:
                self.lines.pop(line.key, None)
            (self.here.add if line.in_person else self.here.discard)(line.key)
            counting = line.proxy is not None and line.proxy.counts
            (self.represented.add if counting else self.represented.discard)(line.key)

    # -- what the screen shows -------------------------------------------------------------------
    @property
    def known(self) -> bool:
        return self.count is not None

    @property
    def members(self) -> int:
        return self.count.members if self.count else 0

    @property
    def present(self) -> int:
        return self.count.present if self.count else 0

    @property
    def quorum(self) -> QuorumState | None:
        return self.count.quorum if self.count else None

    @property
    def proxies_allowed(self) -> bool:
        return self.count.proxies_allowed if self.count else self.register is not Register.DIRECTORS

    def name(self, key: int) -> str:
        return self.names.get(key, "")

    def sorted_lines(self) -> list[Line]:
        """The present list in its order: those who count first, then by number."""
        return sorted(self.lines.values(), key=lambda line: (not line.counts, line.key))

    def proxies(self) -> list[ProxyView]:
        return [line.proxy for line in self.sorted_lines() if line.proxy is not None]

    def principal_of(self, holder: int) -> ProxyView | None:
        line = self.lines.get(holder)
        return line.holds if line is not None else None
