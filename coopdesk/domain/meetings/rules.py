"""What the law asks of each kind of meeting."""

from __future__ import annotations

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.text import N_

_SPECIAL = law.SPECIAL_MAJORITY.ref


def check_kind_at(meeting: MeetingKind, kind: ResolutionKind) -> None:
    """A board cannot take a special resolution: those matters belong to the assembly (Act 29)."""
    if meeting is MeetingKind.BOARD and kind is ResolutionKind.SPECIAL:
        raise Refusal(N_("A special resolution is a matter for the general assembly, not the board."),
                      article=_SPECIAL, field="kind")


def board_optional(members: int) -> bool:
    """A co-op with fewer than 10 members may do without a board (Act 32①)."""
    return members < law.BOARD_OPTIONAL_BELOW_MEMBERS.value
