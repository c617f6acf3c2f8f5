"""Who the secretary means by what they typed at check-in: a member number or part of a name.

Plain values, no Qt, so the rule is easy to read: Enter checks in the one best match,
and two people who both fit (two 김민준) are never guessed between.  The room's check-in and
proxy dialog and the election's ballot unlock all find people by this one rule.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Match:
    absent: tuple[int, ...]  # who fits and is not here yet, best first: the list to pick from
    chosen: int | None  # the one Enter checks in; None when nobody or several fit
    here: tuple[int, ...] = ()  # who fits but is already here
    fitting: int = -1  # how many fit and are not here (``absent`` may hold only the first of them)

    @property
    def count(self) -> int:
        return len(self.absent) if self.fitting < 0 else self.fitting


def _plain(text: str) -> str:
    """Case and spaces ignored: '김 민준' finds 김민준."""
    return "".join(text.split()).casefold()


def match(text: str, names: Mapping[int, str], here: Collection[int], by_number: bool = True) -> Match:
    """``names``: everyone who may attend (key -> name); ``here``: keys already checked in.

    A number (at a members' meeting) is taken as it is, even if not on the register or
    already here: the service then says why it cannot be checked in.
    """
    query = _plain(text)
    if not query:
        return Match(tuple(k for k in sorted(names) if k not in here), None)
    if by_number and query.isdigit():
        key = int(query)
        return Match((key,) if key in names and key not in here else (), key)
    found = [k for k in sorted(names) if query in _plain(names[k])]
    # exact names first, then names that start with the text, then the rest; by number within
    found.sort(key=lambda k: (_plain(names[k]) != query, not _plain(names[k]).startswith(query), k))
    absent = tuple(k for k in found if k not in here)
    present = tuple(k for k in found if k in here)
    exact = [k for k in absent if _plain(names[k]) == query]
    if len(exact) == 1 and len([k for k in found if _plain(names[k]) == query]) == 1:
        chosen: int | None = exact[0]
    elif len(absent) == 1:
        chosen = absent[0]
    elif not absent and len(present) == 1:
        chosen = present[0]  # already here: checking in again is refused, and said so
    else:
        chosen = None
    return Match(absent, chosen, present)


class RegisterIndex:
    """The register of the day made ready for typing: every name made plain once, in number
    order, so that a keystroke searches 100,000 names without building anything."""

    def __init__(self, names: Mapping[int, str]) -> None:
        self.names = dict(names)
        self.keys = sorted(self.names)
        self._keyset = frozenset(self.keys)
        self._plain = [_plain(self.names[k]) for k in self.keys]

    def match(self, text: str, here: Collection[int], by_number: bool = True, hidden: Collection[int] = (),
              limit: int = 300) -> Match:
        """As ``match``, with at most ``limit`` keys listed; ``hidden`` are left out of the list of
        everyone (nothing typed) but found when typed (a member present by proxy may still come)."""
        query = _plain(text)
        if not query:
            leave_out = self._keyset.intersection(here) | self._keyset.intersection(hidden)
            shown = []
            for k in self.keys:
                if k not in leave_out:
                    shown.append(k)
                    if len(shown) >= limit:
                        break
            return Match(tuple(shown), None, (), len(self.keys) - len(leave_out))
        if by_number and query.isdigit():
            key = int(query)
            return Match((key,) if key in self._keyset and key not in here else (), key)
        found = [k for k, p in zip(self.keys, self._plain) if query in p]
        full = match(text, {k: self.names[k] for k in found}, here, by_number)
        return Match(full.absent[:limit], full.chosen, full.here, len(full.absent))
