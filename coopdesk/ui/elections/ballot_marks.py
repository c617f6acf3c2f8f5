"""The marks of one contest on the screen ballot: check boxes, each one a candidate.

- A choice among candidates (``Method.PLURALITY``): one box per candidate; the box that
  would make more marks than seats is not ticked, and a red line under the contest says
  why, so the voter is never left wondering why a click did nothing.
- A yes-or-no vote (``Method.APPROVAL``): For and Against per candidate; ticking one
  clears the other, and neither ticked is no mark.

These widgets are built fresh for each voter and thrown away after the cast: nothing of one
voter's marks can show on the next voter's screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.contest import Contest, Method
from coopdesk.i18n import _, current
from coopdesk.ui.elections.look import paint, scaled
from coopdesk.ui.elections.texts import (
    AGAINST,
    FOR,
    candidate_names,
    contest_title,
    how_to_mark,
    listed,
)
from coopdesk.ui.widgets.colours import GREY, RED

# Big boxes and a focus that shows from across the table: the voter may not know Qt's dotted line.
MARK_STYLE = """
QCheckBox { spacing: 18px; padding: 8px 14px; border: 3px solid transparent; border-radius: 8px; }
QCheckBox::indicator { width: 34px; height: 34px; }
QCheckBox:focus { border: 3px solid #1a73e8; background: #e8f0fe; }
"""


class MarkBox(QCheckBox):
    """A check box that may refuse to be ticked (by click or Space) and says why elsewhere."""

    def __init__(self, text: str, key: int, may_tick: Callable[[MarkBox], bool], parent: QWidget) -> None:
        super().__init__(text, parent)
        self.key = key
        self._may_tick = may_tick

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the whole row is the target, not just the small square

    def nextCheckState(self) -> None:
        if not self.isChecked() and not self._may_tick(self):
            return
        super().nextCheckState()


class ContestMarks(QFrame):
    """One contest of the ballot; ``rows`` are the boxes as the arrow keys move among them."""

    changed = Signal()

    def __init__(self, contest_id: int, contest: Contest, title: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"contest_{contest_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.contest_id, self.contest = contest_id, contest
        self.names = candidate_names(contest)
        self.rows: list[list[MarkBox]] = []
        self.title = QLabel(title or contest_title(contest), self)
        self.title.setFont(scaled(self.font(), 1.3, bold=True))
        self.help = QLabel(how_to_mark(contest), self)
        self.help.setWordWrap(True)
        self.status = QLabel(self)  # the count of marks, or why a mark was refused
        self.status.setObjectName("mark_status")
        self.status.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        for widget in (self.title, self.help):
            layout.addWidget(widget)
        layout.addLayout(self.grid)
        layout.addWidget(self.status)

    def boxes(self) -> list[MarkBox]:
        return [box for row in self.rows for box in row]

    def ballot(self) -> Ballot:
        raise NotImplementedError

    def is_blank(self) -> bool:
        return not any(box.isChecked() for box in self.boxes())

    def review_lines(self) -> list[str]:
        """The marks in words, for the voter to check before casting."""
        raise NotImplementedError

    def say(self, text: str, colour: str) -> None:
        self.status.setText(text)
        paint(self.status, colour)


class ChoiceMarks(ContestMarks):
    """Up to ``seats`` of the candidates (다수득표)."""

    def __init__(self, contest_id: int, contest: Contest, title: str | None, parent: QWidget) -> None:
        super().__init__(contest_id, contest, title, parent)
        for row, c in enumerate(contest.candidates):
            box = MarkBox(self.names[c.key], c.key, self._may_tick, self)
            box.setObjectName(f"mark_{contest_id}_{c.key}")
            box.setStyleSheet(MARK_STYLE)
            box.toggled.connect(self._toggled)
            self.grid.addWidget(box, row, 0)
            self.rows.append([box])
        self._count()

    def _may_tick(self, box: MarkBox) -> bool:
        marked = sum(b.isChecked() for b in self.boxes())
        if marked < self.contest.seats:
            return True
        name = self.names[box.key]
        if self.contest.seats == 1:
            self.say(_("You have already marked one candidate. To choose {name}, first unmark the other.",
                       name=name), RED)
        else:
            self.say(_("You have already marked {seats}, the most allowed here. To choose {name}, "
                       "first unmark someone else.", seats=current().number(self.contest.seats), name=name), RED)
        return False

    def _toggled(self, _checked: bool) -> None:
        self._count()
        self.changed.emit()

    def _count(self) -> None:
        marked = sum(b.isChecked() for b in self.boxes())
        self.say(_("Marked: {marked} of at most {seats}", marked=current().number(marked),
                   seats=current().number(self.contest.seats)), GREY)

    def ballot(self) -> Ballot:
        return Ballot.choice(b.key for b in self.boxes() if b.isChecked())

    def review_lines(self) -> list[str]:
        chosen = [self.names[b.key] for b in self.boxes() if b.isChecked()]
        if not chosen:
            return [_("No one marked (a blank ballot)")]
        return [_("Chosen: {names}", names=listed(chosen))]


class YesNoMarks(ContestMarks):
    """For or Against each candidate (찬반투표); no mark is allowed too."""

    def __init__(self, contest_id: int, contest: Contest, title: str | None, parent: QWidget) -> None:
        super().__init__(contest_id, contest, title, parent)
        for row, c in enumerate(contest.candidates):
            name = QLabel(self.names[c.key], self)
            name.setFont(scaled(self.font(), 1.1, bold=True))
            yes = MarkBox(_(FOR), c.key, lambda _box: True, self)
            no = MarkBox(_(AGAINST), c.key, lambda _box: True, self)
            for box, kind in ((yes, "for"), (no, "against")):
                box.setObjectName(f"{kind}_{contest_id}_{c.key}")
                box.setStyleSheet(MARK_STYLE)
                box.setAccessibleName(f"{self.names[c.key]}: {box.text()}")
            yes.toggled.connect(lambda on, other=no: self._toggled(on, other))
            no.toggled.connect(lambda on, other=yes: self._toggled(on, other))
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(yes, row, 1)
            self.grid.addWidget(no, row, 2)
            self.rows.append([yes, no])
        self.grid.setColumnStretch(3, 1)
        self.status.hide()  # nothing to count or refuse here: For and Against exclude each other

    def _toggled(self, on: bool, other: MarkBox) -> None:
        if on:
            other.setChecked(False)  # For and Against exclude each other
        self.changed.emit()

    def _keys(self, column: int) -> list[int]:
        return [row[column].key for row in self.rows if row[column].isChecked()]

    def ballot(self) -> Ballot:
        return Ballot.yes_no(yes=self._keys(0), no=self._keys(1))

    def review_lines(self) -> list[str]:
        if self.is_blank():
            return [_("No one marked (a blank ballot)")]
        lines = []
        for row in self.rows:
            name = self.names[row[0].key]
            mark = _(FOR) if row[0].isChecked() else _(AGAINST) if row[1].isChecked() else _("not marked")
            lines.append(_("{name}: {mark}", name=name, mark=mark))
        return lines


def contest_marks(contest_id: int, contest: Contest, title: str | None, parent: QWidget) -> ContestMarks:
    kind = ChoiceMarks if contest.method is Method.PLURALITY else YesNoMarks
    return kind(contest_id, contest, title, parent)

