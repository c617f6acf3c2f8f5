"""Who voted how in a roll call, and who was left out of an item.

Read from the record the first time an item is shown (``meeting_votes.item_votes``), so
the roll-call table shows every choice even after the program was closed mid-meeting;
then kept up to date by the room as it records, without reading again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from coopdesk.domain.meetings.attendance import Choice
from coopdesk.services.meetings.readings import ItemVotes

UNKNOWN = None  # a vote on record whose choice this screen does not know (kept for safety)


@dataclass
class VoteMemory:
    read: Callable[[int], ItemVotes] | None = None  # item id -> what the record holds
    ballots: dict[int, dict[int, Choice | None]] = field(default_factory=dict)  # item -> key -> choice
    exclusions: dict[int, dict[int, str]] = field(default_factory=dict)  # item -> key -> reason

    def ballots_of(self, item_id: int) -> dict[int, Choice | None]:
        self._load(item_id)
        return self.ballots[item_id]

    def exclusions_of(self, item_id: int) -> dict[int, str]:
        self._load(item_id)
        return self.exclusions[item_id]

    def _load(self, item_id: int) -> None:
        if item_id in self.ballots:
            return
        votes = self.read(item_id) if self.read is not None else ItemVotes((), ())
        self.ballots[item_id] = dict(votes.ballots)
        self.exclusions[item_id] = dict(votes.excluded)
