"""The secret ballot on one laptop (비밀투표): a full-screen window the voter marks alone.

The secretary opens it for one voter (``open_ballot``); the voter marks, confirms, reviews
and casts; the screen then locks ("Ballot cast. Please hand the laptop back to the
secretary.") until the secretary opens it for the next voter.

What keeps the vote secret on this screen:
- each voter gets widgets built for them alone; after the cast (or when the secretary ends
  a ballot) they are destroyed, so no check box, review text or refusal of one voter is
  ever seen by the next;
- the window does not close by Escape nor by the window manager (Alt+F4) while a ballot is
  open: only the secretary's button ends it, after a confirmation, and the marks are then
  thrown away, never cast;
- a cast the service refuses (``submit`` raising ``Refusal``) is said on the voter's own
  screen and the marks stay, so the voter can go back or call the secretary.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.contest import Contest
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import _, refusal_text
from coopdesk.ui.elections.ballot_form import BallotForm
from coopdesk.ui.elections.look import big_button, paint
from coopdesk.ui.fonts import APP_FAMILY, load_fonts
from coopdesk.ui.widgets.colours import GREEN, GREY, RED

POINT_SIZE = 22  # read from a step away, by members who left their glasses at home
Submit = Callable[[dict[int, Ballot]], object]


class BallotScreen(QWidget):
    """``submit(marks)`` records a cast (the service); it raises ``Refusal`` to refuse it.

    Signals: ``cast(dict[int, Ballot])`` once a cast is accepted, keyed by contest id;
    ``discarded()`` when the secretary ends a ballot without a cast; ``ended()`` when the
    screen is handed back to the secretary (after either).
    """

    cast = Signal(object)
    discarded = Signal()
    ended = Signal()

    def __init__(self, submit: Submit | None = None, *, full_screen: bool = True) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("ballot_screen")
        self.setWindowTitle(_("Secret ballot"))
        load_fonts()
        self.setFont(QFont(APP_FAMILY, POINT_SIZE))
        self.submit, self.full_screen = submit, full_screen
        self.form: BallotForm | None = None  # the ballot of the voter now at the screen
        self._build()
        self._lock(_("The ballot is closed. The secretary opens it for each voter."))

    def _build(self) -> None:
        self.voter = QLabel(self)
        self.voter.setObjectName("ballot_voter")
        self.voter.setTextFormat(Qt.TextFormat.PlainText)
        self.secretary_button = QPushButton(_("Secretary…"), self)
        self.secretary_button.setObjectName("secretary")
        self.secretary_button.setAutoDefault(True)
        self.secretary_button.setFont(QFont(APP_FAMILY, 12))  # small: the secretary's, not the voter's
        self.secretary_button.setMinimumHeight(36)
        self.secretary_button.clicked.connect(self.secretary)
        self.notice = QLabel(self)  # why the window did not close
        self.notice.setObjectName("ballot_notice")
        self.notice.setFont(QFont(APP_FAMILY, 12))
        paint(self.notice, GREY)
        self.pages = QStackedWidget(self)
        self.locked_page = self._locked_page()
        self.leave_page = self._leave_page()
        self.pages.addWidget(self.locked_page)
        self.pages.addWidget(self.leave_page)
        top = QHBoxLayout()
        top.addWidget(self.voter, 1)
        top.addWidget(self.notice)
        top.addWidget(self.secretary_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

    def _locked_page(self) -> QWidget:
        page = QWidget(self)
        self.locked_title = QLabel(page)
        self.locked_title.setObjectName("locked_title")
        self.locked_title.setFont(QFont(APP_FAMILY, POINT_SIZE * 2, QFont.Weight.Bold))
        self.locked_text = QLabel(page)
        self.locked_text.setObjectName("locked_text")
        for label in (self.locked_title, self.locked_text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.locked_title)
        layout.addSpacing(24)
        layout.addWidget(self.locked_text)
        layout.addStretch(2)
        return page

    def _leave_page(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(_("End this ballot without casting it?") + "\n\n"
                      + _("Only the secretary does this. The marks on the screen are thrown away; "
                          "the voter can be given a ballot again."), page)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep_button = big_button(_("Keep voting"), "keep_voting", page)
        self.keep_button.clicked.connect(self._keep_voting)
        self.end_button = big_button(_("End the ballot"), "end_ballot", page)
        self.end_button.clicked.connect(self._end_ballot)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_button)
        row.addWidget(self.end_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addSpacing(32)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- for the secretary -----------------------------------------------------------------
    def open_ballot(self, contests: Mapping[int, Contest], voter: str = "",
                    titles: Mapping[int, str] | None = None) -> BallotForm:
        """A fresh ballot for one voter: ``contests`` by contest id, in ballot order;
        ``voter``: whose ballot it is, shown at the top; ``titles``: a heading per contest
        where the office alone does not say it (a run-off round)."""
        self._drop_form()
        self.form = BallotForm(contests, titles or {}, self.pages)
        self.form.cast_requested.connect(self._cast)
        self.pages.addWidget(self.form)
        self.pages.setCurrentWidget(self.form)
        self.voter.setText(voter)
        self.notice.clear()
        if self.full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.activateWindow()
        self.form.start()
        return self.form

    @property
    def ballot_open(self) -> bool:
        return self.form is not None

    def secretary(self) -> None:
        """The secretary's button: with a ballot open, ask first; locked, hand the screen back."""
        if self.form is None:
            self.hide()
            self.ended.emit()
            return
        self.notice.clear()
        self.pages.setCurrentWidget(self.leave_page)
        self.keep_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_voting(self) -> None:
        if self.form is not None:
            self.pages.setCurrentWidget(self.form)
            self.form.back()

    def _end_ballot(self) -> None:
        self._drop_form()
        self._lock(_("The ballot was ended by the secretary. Nothing was cast."))
        self.hide()
        self.discarded.emit()
        self.ended.emit()

    # -- for the voter ---------------------------------------------------------------------
    def _cast(self) -> None:
        if self.form is None:
            return
        marks = self.form.ballots()
        if self.submit is not None:
            try:
                self.submit(marks)
            except Refusal as refusal:
                self.form.refused(refusal_text(refusal))
                return
        self._drop_form()
        self._lock(_("Ballot cast."), _("Please hand the laptop back to the secretary."), GREEN)
        self.cast.emit(marks)

    def _lock(self, title: str, text: str = "", colour: str = GREY) -> None:
        self.voter.clear()
        self.locked_title.setText(title)
        paint(self.locked_title, colour)
        self.locked_text.setText(text)
        self.pages.setCurrentWidget(self.locked_page)
        self.setFocus(Qt.FocusReason.OtherFocusReason)  # not the secretary's button: Enter does nothing

    def _drop_form(self) -> None:
        """Destroy the widgets that held a voter's marks, now: none of them is reused."""
        form, self.form = self.form, None
        if form is None:
            return
        self.pages.removeWidget(form)
        form.hide()
        form.setParent(None)
        form.deleteLater()

    # -- what the voter cannot do ----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # never leaves the ballot, never leaks past it
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.form is None:
            super().closeEvent(event)
            self.ended.emit()
            return
        event.ignore()  # Alt+F4 with a ballot open: only the secretary ends it
        self.notice.setText(_("A ballot is open: only the secretary can end it."))
        paint(self.notice, RED)
