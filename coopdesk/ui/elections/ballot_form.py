"""One voter's ballot: mark, (say yes to a blank contest), review, cast — or go back.

Three pages, all built for this voter alone and thrown away with the form after the cast:

1. marking: every open contest of the round, one under the other;
2. a question when a contest has no mark at all ("You marked no one in …"), asked once per
   confirmation, with "Go back and mark" as the default so a stray Enter loses nothing;
3. the review: the marks in words, "Cast my ballot" or "Back".

Keyboard alone: Tab and the arrow keys move, Space marks, Enter goes on; ↑ ↓ move between
candidates (and contests), ← → between For and Against.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.contest import Contest
from coopdesk.i18n import _
from coopdesk.ui.elections.ballot_marks import ContestMarks, MarkBox, contest_marks
from coopdesk.ui.elections.look import big_button, paint, scaled
from coopdesk.ui.elections.texts import listed
from coopdesk.ui.widgets.colours import GREY, RED

MARKING, BLANK, REVIEW = range(3)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class BallotForm(QStackedWidget):
    cast_requested = Signal()  # the voter pressed "Cast my ballot" on the review page

    def __init__(self, contests: Mapping[int, Contest], titles: Mapping[int, str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("ballot_form")
        self.contests: list[ContestMarks] = []
        self.addWidget(self._marking_page(contests, titles))
        self.addWidget(self._blank_page())
        self.addWidget(self._review_page())
        for box in self.boxes():
            box.installEventFilter(self)

    # -- building --------------------------------------------------------------------------
    def _marking_page(self, contests: Mapping[int, Contest], titles: Mapping[int, str]) -> QWidget:
        page = QWidget(self)
        inner = QWidget(page)
        column = QVBoxLayout(inner)
        column.setSpacing(24)
        for contest_id, contest in contests.items():
            marks = contest_marks(contest_id, contest, titles.get(contest_id), inner)
            self.contests.append(marks)
            column.addWidget(marks)
        column.addStretch(1)
        self.scroller = QScrollArea(page)
        self.scroller.setWidget(inner)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from box to box, never to the frame
        self.confirm_button = big_button(_("Confirm my choices"), "confirm_marks", page)
        self.confirm_button.clicked.connect(self.confirm)
        hint = QLabel(_("Tab or the arrow keys move · Space marks or unmarks · Enter confirms"), page)
        paint(hint, GREY)
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(_row(hint, self.confirm_button))
        return page

    def _blank_page(self) -> QWidget:
        page = QWidget(self)
        self.blank_text = QLabel(page)
        self.blank_text.setObjectName("blank_question")
        self.blank_text.setWordWrap(True)
        self.blank_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark_button = big_button(_("Go back and mark"), "blank_back", page)
        self.mark_button.clicked.connect(self.back)
        self.leave_blank_button = big_button(_("Yes, leave it blank"), "blank_ok", page)
        self.leave_blank_button.clicked.connect(self.review)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.blank_text)
        layout.addSpacing(32)
        layout.addLayout(_row(None, self.mark_button, self.leave_blank_button, centred=True))
        layout.addStretch(1)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        heading = QLabel(_("Check your ballot"), page)
        heading.setFont(scaled(page.font(), 1.4, bold=True))
        self.review_box = QWidget(page)  # the marks in words, written afresh at each review
        self.review_box.setObjectName("review")
        self.review_layout = QVBoxLayout(self.review_box)
        self.review_layout.setSpacing(8)
        self.refusal = QLabel(page)  # a cast the service refused, in the voter's own screen
        self.refusal.setObjectName("cast_refusal")
        self.refusal.setWordWrap(True)
        paint(self.refusal, RED)
        self.back_button = big_button(_("Back"), "review_back", page)
        self.back_button.clicked.connect(self.back)
        self.cast_button = big_button(_("Cast my ballot"), "cast_ballot", page)
        self.cast_button.clicked.connect(self.cast_requested)
        self.cast_button.installEventFilter(self)  # a held-down Enter does not cast unseen
        scroll = QScrollArea(page)
        scroll.setWidget(self.review_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(page)
        layout.addWidget(heading)
        layout.addWidget(QLabel(_("Cast it, or go back to change it."), page))
        layout.addWidget(scroll, 1)
        layout.addWidget(self.refusal)
        layout.addLayout(_row(None, self.back_button, self.cast_button))
        return page

    # -- the voter's marks -----------------------------------------------------------------
    def boxes(self) -> list[MarkBox]:
        return [box for marks in self.contests for box in marks.boxes()]

    def ballots(self) -> dict[int, Ballot]:
        """The marks as the domain's ballots, keyed by contest id."""
        return {marks.contest_id: marks.ballot() for marks in self.contests}

    def blank_contests(self) -> list[ContestMarks]:
        return [marks for marks in self.contests if marks.is_blank()]

    # -- going from page to page -----------------------------------------------------------
    def start(self) -> None:
        self.setCurrentIndex(MARKING)
        boxes = self.boxes()
        (boxes[0] if boxes else self.confirm_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm(self) -> None:
        """Done marking: ask about a contest left blank, else straight to the review."""
        blank = self.blank_contests()
        if not blank:
            self.review()
            return
        self.blank_text.setText(_("You marked no one in {contests}.", contests=listed(_title(m) for m in blank))
                                + "\n\n" + _("A blank ballot is counted as cast, for no one. Leave it blank?"))
        self.setCurrentIndex(BLANK)
        self.mark_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def review(self) -> None:
        layout = self.review_layout
        while (taken := layout.takeAt(0)) is not None:
            old = taken.widget()
            if old is not None:
                old.hide()  # gone from the screen now, not when the event loop gets to it
                old.deleteLater()
        for marks in self.contests:
            title = _plain_label(_title(marks), self.review_box)
            title.setFont(scaled(self.font(), 1.1, bold=True))
            layout.addWidget(title)
            layout.addWidget(_plain_label("\n".join(marks.review_lines()), self.review_box, indent=32))
            layout.addSpacing(16)
        layout.addStretch(1)
        self.refusal.clear()
        self.setCurrentIndex(REVIEW)
        self.cast_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def back(self) -> None:
        """Back to the marks, as the voter left them."""
        self.refusal.clear()
        self.setCurrentIndex(MARKING)
        first_blank = next((m for m in self.blank_contests()), None)
        boxes = first_blank.boxes() if first_blank is not None else self.boxes()
        (boxes[0] if boxes else self.confirm_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def refused(self, text: str) -> None:
        """The service would not take the ballot: say why on the review page; marks stay."""
        self.refusal.setText(text)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the keyboard ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.cast_button and isinstance(event, QKeyEvent) and event.isAutoRepeat():
            return True
        if isinstance(watched, MarkBox) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in _ENTER:
                self.confirm()
                return True
            step = _ARROWS.get(event.key())
            if step is not None:
                self._move(watched, *step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, box: MarkBox, rows: int, columns: int) -> None:
        """↑ ↓ to the row above or below (across contests), ← → within a row."""
        grid = [row for marks in self.contests for row in marks.rows]
        r = next(i for i, row in enumerate(grid) if box in row)
        c = grid[r].index(box)
        r = max(0, min(len(grid) - 1, r + rows))
        c = max(0, min(len(grid[r]) - 1, c + columns))
        target = grid[r][c]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroller.ensureWidgetVisible(target, 0, 80)


_ARROWS: dict[int, tuple[int, int]] = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0), Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)}


def _title(marks: ContestMarks) -> str:
    return marks.title.text()


def _plain_label(text: str, parent: QWidget, indent: int = 0) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names are the members' own text, not markup
    label.setWordWrap(True)
    label.setIndent(indent)
    return label


def _row(first: QWidget | None, *buttons: QPushButton, centred: bool = False) -> QHBoxLayout:
    row = QHBoxLayout()
    if first is not None:
        row.addWidget(first, 1)
    elif not centred:
        row.addStretch(1)
    if centred:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    if centred:
        row.addStretch(1)
    return row
