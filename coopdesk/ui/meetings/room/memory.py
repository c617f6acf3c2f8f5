"""Who voted how, and who was left out of an item, as recorded from this screen.

The services give back an item's counts (``ItemResult``) but not yet the names behind a
roll call or an exclusion.  The room keeps what it recorded itself so the roll-call
table can show each choice; after a restart a member who already voted is found out by
the service's refusal ("already voted") and marked so.  When ``meeting_votes`` offers a
read of ballots and exclusions, this class is the one place to change.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coopdesk.domain.attendance import Choice

UNKNOWN = None  # voted before this screen was opened: the choice is on record, not known here


@dataclass
class VoteMemory:
    ballots: dict[int, dict[int, Choice | None]] = field(default_factory=dict)  # item -> key -> choice
    exclusions: dict[int, dict[int, str]] = field(default_factory=dict)  # item -> key -> reason

    def ballots_of(self, item_id: int) -> dict[int, Choice | None]:
        return self.ballots.setdefault(item_id, {})

    def exclusions_of(self, item_id: int) -> dict[int, str]:
        return self.exclusions.setdefault(item_id, {})
