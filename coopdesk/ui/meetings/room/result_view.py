"""The result of the item in large type: PASSED or REJECTED, the counts, the rule and why."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.i18n import _, current, ngettext
from coopdesk.services.meetings.results import ItemResult
from coopdesk.ui.meetings.room.wording import AMBER, GREEN, GREY, RED, explained


def verdict(result: ItemResult) -> tuple[str, str]:
    """The word in large type and its colour."""
    if result.kind is ResolutionKind.REPORT:
        return (_("REPORTED") if result.closed else _("REPORT: NO VOTE")), GREY
    if result.election_seats is not None:  # an election names people: elected, or seats left unfilled
        elected, seats = result.election_seats
        if elected >= seats:
            return _("ELECTED"), GREEN
        return (_("NOBODY ELECTED"), RED) if elected == 0 else (_("SEATS UNFILLED"), AMBER)
    if result.kind is ResolutionKind.ELECTION and result.passed is not None:
        return (_("ELECTED"), GREEN) if result.passed else (_("NOT ELECTED"), RED)
    if result.passed is True:
        return _("PASSED"), GREEN
    if result.passed is False:
        return _("REJECTED"), RED
    if result.voted:
        return _("CHECK THE COUNT"), AMBER  # the room changed since the count: see why below
    return _("NO VOTE YET"), GREY


def counts_line(result: ItemResult) -> str:
    t = current()
    if result.kind is ResolutionKind.REPORT:
        return _("{present} present", present=t.number(result.present))
    if not result.voted:
        return _("{present} present, {voters} may vote", present=t.number(result.present),
                 voters=t.number(result.voters))
    return _("For {yes} · Against {no} · Abstain {abstain} — {present} present",
             yes=t.number(result.yes), no=t.number(result.no), abstain=t.number(result.abstain),
             present=t.number(result.present))


def detail_line(result: ItemResult) -> str:
    """Who is left out of the base, and who did not vote (they count against)."""
    t, parts = current(), []
    if result.kind is ResolutionKind.REPORT or result.election_seats is not None:
        return ""  # an election's contests say who and by how many
    election = result.kind is ResolutionKind.ELECTION
    if result.yes_needed is not None:  # the plain words first; the rule's formula follows below
        needed, voters = t.number(result.yes_needed), t.number(result.voters)
        parts.append(_("{needed} yes needed to elect, of {voters} voting", needed=needed, voters=voters) if election
                     else _("{needed} yes needed to carry it, of {voters} voting", needed=needed, voters=voters))
    if result.excluded:
        parts.append(_("{excluded} excluded", excluded=t.number(result.excluded)))
    if result.voted and result.not_voting > 0:
        parts.append(_("{count} did not vote (counts against)", count=t.number(result.not_voting)))
    if result.passed is False and not result.closed and result.needed_to_pass and not election:
        parts.append(ngettext("{count} more yes vote would carry it.", "{count} more yes votes would carry it.",
                              result.needed_to_pass, count=t.number(result.needed_to_pass)))
    return " · ".join(parts)


def explanation(result: ItemResult) -> str:
    """Why it passed or failed, with the article, in the screen's language."""
    if result.kind is ResolutionKind.REPORT:
        return ""
    text = explained(result.explanation, result.article)
    if result.passed is not None and not result.quorum_reached:
        text = _("No quorum: {why}", why=text)
    return text


class ResultView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("result_view")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.counts = QLabel(self)
        self.counts.setObjectName("result_counts")
        self.counts.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("result_detail")
        self.detail.setWordWrap(True)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("result_explanation")
        self.explanation.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("result_state")
        details = QVBoxLayout()
        details.setSpacing(2)
        for label in (self.counts, self.detail, self.explanation, self.state):
            details.addWidget(label)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 14, 6)
        row.setSpacing(24)
        row.addWidget(self.verdict)
        row.addLayout(details, 1)
        self.setMinimumHeight(84)

    def show_result(self, result: ItemResult | None, motion_on_election: bool = False) -> None:
        """``motion_on_election``: a yes-or-no vote recorded on an officer-election item (an older
        version let it through): it elects no one, whatever its counts."""
        if result is not None and motion_on_election:
            word, colour = _("NO ONE ELECTED"), AMBER
            self.counts.setText(counts_line(result))
            self.detail.clear()
            self.explanation.setText(_("A yes-or-no vote does not elect officers: clear it and hold the election."))
            self.state.setText(self._state(result))
        elif result is None:
            word, colour = "", GREY
            self.counts.setText(_("Choose an item of the agenda."))
            self.detail.clear()
            self.explanation.clear()
            self.state.clear()
        else:
            word, colour = verdict(result)
            self.counts.setText(counts_line(result))
            self.detail.setText(detail_line(result))
            self.explanation.setText(explanation(result))
            self.state.setText(self._state(result))
        self.verdict.setText(word)
        self.detail.setVisible(bool(self.detail.text()))
        self.setStyleSheet(f"#result_view {{ border: 3px solid {colour}; border-radius: 8px; }}"
                           f"#verdict {{ font-size: 24pt; font-weight: bold; color: {colour}; }}"
                           f"#result_counts {{ font-size: 13pt; font-weight: bold; }}"
                           f"#result_detail {{ font-size: 11pt; }}"
                           f"#result_explanation {{ font-size: 10pt; color: {GREY}; }}"
                           f"#result_state {{ color: {GREY}; }}")

    def _state(self, result: ItemResult) -> str:
        if not result.closed:
            return _("Open: the result follows the room until the item is closed.")
        text = _("Closed: this result is frozen.")
        if result.corrections:
            text += " " + ngettext("Corrected once.", "Corrected {n} times.", result.corrections)
        return text

    def text(self) -> str:
        labels = (self.verdict, self.counts, self.detail, self.explanation, self.state)
        return " ".join(label.text() for label in labels)
