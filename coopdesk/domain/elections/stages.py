"""How an election is held, and where each contest stands: the codes the store keeps.

An election is held on the laptop (``VotingMethod.SCREEN``: each voter marks a secret
ballot alone on the screen) or on paper (``PAPER``: ballot papers, counted by hand and
typed in twice, by two tellers).

A contest moves one way through its stages:

``OPEN`` (candidates may still change) → ``VOTING`` (ballots accepted; candidates frozen)
→ ``COUNTING`` (paper only: voting closed, the tellers' two entries awaited) → ``COUNTED``
(the count is stored) → ``DECIDED`` (who is elected, frozen) — or ``PENDING`` when a tie
still needs a run-off round or lots; the run-off's decision, or the lots, decide it.
"""

from __future__ import annotations

from enum import Enum

from coopdesk.domain.text import N_

__all__ = ["DECIDED_BY_ELECTION", "STATE_LABELS", "VOTING_LABELS", "ContestState", "VotingMethod"]


class VotingMethod(Enum):
    SCREEN = "screen"  # 전자 비밀투표: one laptop, a full-screen ballot per voter
    PAPER = "paper"  # 투표용지: counted by two tellers, each entering the count


class ContestState(Enum):
    OPEN = "open"
    VOTING = "voting"
    COUNTING = "counting"
    COUNTED = "counted"
    PENDING = "pending"
    DECIDED = "decided"

    @property
    def candidates_frozen(self) -> bool:
        return self is not ContestState.OPEN

    @property
    def voting_closed(self) -> bool:
        return self not in (ContestState.OPEN, ContestState.VOTING)


VOTING_LABELS = {
    VotingMethod.SCREEN: N_("Secret ballot on this computer"),
    VotingMethod.PAPER: N_("Paper ballots, counted by two tellers"),
}

STATE_LABELS = {
    ContestState.OPEN: N_("Candidates being registered"),
    ContestState.VOTING: N_("Voting"),
    ContestState.COUNTING: N_("Voting closed; the tellers' count awaited"),
    ContestState.COUNTED: N_("Counted"),
    ContestState.PENDING: N_("Tied: a run-off or lots to come"),
    ContestState.DECIDED: N_("Decided"),
}

# The frozen result of an agenda item an election decided: the contests hold who and by how many.
DECIDED_BY_ELECTION = N_("Decided by election: {elected} elected for {seats} seats.")
