"""The members who still owe the orientation the bylaws ask of new members, with the days since
they joined, the longest owed first.

One service call lists a screenful and counts the rest.  It probes every member on the register,
so a large register (above ``BACKGROUND_ABOVE`` members, asked of the database without counting
past it) is read in a thread, and the window never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.education.orientation import (
    OwedOrientation,
    members_owing_orientation,
)
from coopdesk.services.members.current import count_on_register
from coopdesk.ui.context import CoopContext
from coopdesk.ui.education.texts import fill_row, plain_table
from coopdesk.ui.workers import Job, start_detached

NUMBER, NAME, JOINED, DAYS = range(4)
SHOWN = 200  # listed at most; the caption says how many there are
# Above this many members on the register the read takes more than ~50 ms (bench_education.py):
# it goes to a thread.
BACKGROUND_ABOVE = 5_000


class OwedList(QWidget):
    opened = Signal(int)  # a member's number, double-clicked: open their page
    shown = Signal(object)  # the OwedOrientation now on show

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("owed_list")
        self.context = context
        self.owed: OwedOrientation | None = None
        self._reading: Job | None = None
        self._read_again = False
        self.caption = QLabel(self)
        self.caption.setObjectName("owed_caption")
        self.caption.setWordWrap(True)
        self.table = plain_table([_("No."), _("Name"), _("Joined"), _("Days since joining")], NAME, self)
        self.table.setObjectName("owed_table")
        self.table.doubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)

    # -- reading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read who owes the orientation; a large register in a thread."""
        if self._reading is not None:  # a read is under way: read once more after it
            self._read_again = True
            return
        db, coop_id = self.context.db, self.context.coop_id
        if count_on_register(db, coop_id, up_to=BACKGROUND_ABOVE + 1) <= BACKGROUND_ABOVE:
            self._show(members_owing_orientation(db, coop_id, limit=SHOWN))
            return
        self.caption.setText(_("Reading the member register\u2026"))
        # No parent: if the page goes (a language switch rebuilds it) the thread must still finish
        job = Job(lambda _progress: members_owing_orientation(db, coop_id, limit=SHOWN))
        job.succeeded.connect(self._read)
        job.failed.connect(self._failed)
        self._reading = job
        start_detached(job)

    @property
    def reading(self) -> bool:
        return self._reading is not None

    def _read(self, owed: OwedOrientation) -> None:
        self._reading = None
        if self._read_again:
            self._read_again = False
            self.reload()
            return
        self._show(owed)

    def _failed(self, error: BaseException) -> None:
        from coopdesk.ui.errors import show_refusal

        self._reading = None
        show_refusal(self, error)

    # -- showing ---------------------------------------------------------------------------
    def _show(self, owed: OwedOrientation) -> None:
        self.owed = owed
        t = current()
        if not owed.required:
            text = _("The bylaws do not ask new members to attend an orientation.")
        elif not owed.total:
            text = _("Every member who joined while the bylaws asked for it has attended an orientation.")
        else:
            text = ngettext("{count} member has not attended the orientation the bylaws ask of new members.",
                            "{count} members have not attended the orientation the bylaws ask of new members.",
                            owed.total, count=t.number(owed.total))
        self.caption.setText(text + " " + _("({article})", article=owed.ref.label(t.language)))
        self.table.setRowCount(len(owed.members))
        for row, m in enumerate(owed.members):
            fill_row(self.table, row, [str(m.number), m.name, t.date(m.joined_on), t.number(m.days)], m.number,
                     right=(NUMBER, DAYS))
        self.table.setVisible(bool(owed.members))
        self.shown.emit(owed)

    def _double_clicked(self) -> None:
        row = self.table.currentRow()
        if self.owed is not None and 0 <= row < len(self.owed.members):
            self.opened.emit(self.owed.members[row].number)

    def numbers(self) -> list[int]:
        return [m.number for m in self.owed.members] if self.owed else []
