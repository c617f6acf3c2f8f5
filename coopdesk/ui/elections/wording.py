"""What the election panel says about contests and results, in the screen's language."""

from __future__ import annotations

from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.text import Explanation
from coopdesk.i18n import N_, _, current
from coopdesk.services.elections.views import ContestView
from coopdesk.ui.elections.texts import article

STATE_LABELS = {
    ContestState.OPEN: N_("candidates open"),
    ContestState.VOTING: N_("voting"),
    ContestState.COUNTING: N_("counting"),
    ContestState.COUNTED: N_("counted"),
    ContestState.PENDING: N_("tie: pending"),
    ContestState.DECIDED: N_("decided"),
}


def contest_line(contest: ContestView) -> str:
    """'Director: 3 to elect (round 2) — voting'."""
    text = _("{office}: {seats} to elect", office=_(contest.label), seats=current().number(contest.seats))
    if contest.round > 1:
        text += " " + _("(round {round})", round=contest.round)
    return f"{text} — {_(STATE_LABELS[contest.state])}"


def contest_title(contest: ContestView) -> str:
    """A heading on the ballot where the office alone does not say it: a run-off round."""
    if contest.round == 1:
        return ""
    return _("{office} — run-off, round {round} ({seats} to elect)", office=_(contest.label), round=contest.round,
             seats=current().number(contest.seats))


def sentence(explanation: Explanation, ref=None) -> str:
    text = _(explanation.message, **explanation.kwargs)
    return f"{text} {article(ref)}".strip()
