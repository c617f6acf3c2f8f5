"""The co-op's year (오늘 할 일): the first page of an open co-op, what the law expects next.

Each task comes from the co-op's own records (``services.year.agenda``): its date, what to do,
the article, its urgency, a button to the area that deals with it, and "Mark done…".  Done
tasks stay on the page, under "Done", with the day and the note.  The page reads again when
another area changes something (``CoopContext.changed``); hidden, it waits until it is shown.

Opened from its first screen (``MainWindow.open_first_screen``) the database is not open yet:
the page says it is reading, and fills in once the database has opened (``CoopContext.opened``),
so that the window shows at once and SQLAlchemy loads while idle.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QToolBar, QVBoxLayout, QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.ui.context import CoopContext
from coopdesk.ui.toolbar import add_action
from coopdesk.ui.widgets.open_dialogs import OpenDialogs
from coopdesk.ui.widgets.labels import heading, note

if TYPE_CHECKING:  # the services load SQLAlchemy: only once the database is open
    from coopdesk.services.year.agenda import TaskView, YearAgenda
    from coopdesk.ui.year.done_dialog import MarkDoneDialog
    from coopdesk.ui.year.plan_dialog import YearPlanDialog
    from coopdesk.ui.year.task_row import TaskRow

MAX_OPEN_ROWS = 200  # more open tasks than this (a large register's orientations): the rest are counted
MAX_DONE_ROWS = 100
BY_NUMBER = frozenset({"members", "capital"})  # areas whose page selects a member by number
# What another area's change can move on this page: all of them (the year page only reads).
WATCHED_AREAS = frozenset({"members", "meetings", "officers", "education", "capital", "coop", "year"})


def today() -> dt.date:
    """The page's today (tests set another)."""
    return dt.date.today()


class YearPage(QWidget):
    """The "The year" (오늘 할 일) area of the main window."""

    follow = Signal(str, object)  # the area to show, and the meeting, term or member to select there (or None)
    painted = Signal()  # the page has painted for the first time

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("year_page")
        self.context = context
        self.agenda: YearAgenda | None = None
        self.rows: dict[str, TaskRow] = {}
        self._dialogs = OpenDialogs()
        self._own_change = False
        self._stale = False
        self._painted = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.timeout.connect(self._refresh_if_stale)
        self._build()
        context.changed.connect(self._on_context_changed)
        if context.is_open:
            self.reload()
        else:
            self.summary.setText(_("Reading what the law expects next\u2026"))
            context.opened.connect(self._opened)
        self.installEventFilter(self)

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.calendar_action = add_action(self, bar, _("Export calendar\u2026"), self.export_calendar,
                                          "export_calendar")
        self.plan_action = add_action(self, bar, _("Print the year's plan\u2026"), self.print_plan,
                                      "print_year_plan")
        layout.addWidget(bar)
        title = QLabel(_("What the law expects next"), self)
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        title.setFont(font)
        layout.addWidget(title)
        self.summary = QLabel(self)
        self.summary.setObjectName("year_summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tasks_area = QScrollArea(self)
        self.tasks_area.setWidgetResizable(True)
        self.tasks_area.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(self.tasks_area, 1)
        for action in (self.calendar_action, self.plan_action):
            action.setEnabled(self.context.is_open)

    # -- showing ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the year's tasks again (a small read: the rules count in SQL)."""
        from coopdesk.services.year.agenda import year_agenda

        self._stale = False
        self.agenda = year_agenda(self.context.db, self.context.coop_id, today())
        self._show(self.agenda)
        for action in (self.calendar_action, self.plan_action):
            action.setEnabled(True)

    def _show(self, agenda: YearAgenda) -> None:
        from coopdesk.ui.year.task_row import TaskRow

        day = today()
        open_tasks, done = list(agenda.open), list(agenda.done)
        self.summary.setText(self._summary_text(open_tasks, day))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(6)
        self.rows = {}
        column.addWidget(_heading(_("To do")))
        if not open_tasks:
            column.addWidget(_note(_("Nothing is due: the law expects nothing more of the co-op for now.")))
        for task in open_tasks[:MAX_OPEN_ROWS]:
            column.addWidget(self._row(TaskRow(task, day, self._can_go(task), body)))
        column.addWidget(_more(len(open_tasks) - MAX_OPEN_ROWS, body, "more_open"))
        if done:
            column.addWidget(_heading(_("Done")))
            for task in done[:MAX_DONE_ROWS]:
                column.addWidget(self._row(TaskRow(task, day, False, body)))
            column.addWidget(_more(len(done) - MAX_DONE_ROWS, body, "more_done"))
        column.addStretch()
        scrolled = self.tasks_area.verticalScrollBar().value()
        self.tasks_area.setWidget(body)  # the old rows go with the old body
        if scrolled:  # the secretary keeps their place, once the new rows are laid out
            QTimer.singleShot(0, self, lambda: self.tasks_area.verticalScrollBar().setValue(scrolled))

    def _row(self, row: TaskRow) -> TaskRow:
        row.go.connect(self.follow_task)
        row.mark.connect(self.mark_done)
        row.undo.connect(self.undo)
        self.rows[row.key] = row
        return row

    def _summary_text(self, open_tasks: list[TaskView], day: dt.date) -> str:
        from coopdesk.domain.year.deadlines import Urgency

        t = current()
        overdue = sum(1 for task in open_tasks if task.deadline.warning or task.urgency(day) is Urgency.OVERDUE)
        soon = sum(1 for task in open_tasks if not task.deadline.warning and task.urgency(day) is Urgency.SOON)
        parts = [_("From the co-op's own records, as of {date}.", date=t.date(day, "long"))]
        if overdue:
            parts.append(ngettext("{count} task is past its deadline or needs putting right now.",
                                  "{count} tasks are past their deadline or need putting right now.", overdue,
                                  count=t.number(overdue)))
        if soon:
            parts.append(ngettext("{count} is due within 30 days.", "{count} are due within 30 days.", soon,
                                  count=t.number(soon)))
        return " ".join(parts)

    def _can_go(self, task: TaskView) -> bool:
        from coopdesk.ui.workspace import AREAS

        return task.deadline.area in {a.key for a in AREAS} and task.deadline.area != "year"

    def _opened(self) -> None:
        """The database of a co-op shown from its first screen is open: read the tasks."""
        QTimer.singleShot(0, self, self.reload)  # after whatever asked for the database

    def _on_context_changed(self, area: str) -> None:
        if area not in WATCHED_AREAS or self._own_change or not self.context.is_open:
            return
        self._stale = True
        if self.isVisible():
            self._refresh.start(0)  # once the change's own work is done: several changes, one read

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Says ``painted`` once, on the first paint (the window then opens the database)."""
        if watched is self and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self.painted.emit)
        return False

    # -- what tests and the rows ask -------------------------------------------------------
    def task(self, key: str) -> TaskView | None:
        tasks = self.agenda.tasks if self.agenda is not None else ()
        return next((task for task in tasks if task.deadline.key == key), None)

    def open_keys(self) -> list[str]:
        return [task.deadline.key for task in (self.agenda.tasks if self.agenda else ()) if task.done_on is None]

    def done_keys(self) -> list[str]:
        return [task.deadline.key for task in (self.agenda.tasks if self.agenda else ()) if task.done_on is not None]

    # -- actions ---------------------------------------------------------------------------
    def follow_task(self, key: str) -> None:
        task = self.task(key)
        if task is not None:
            self.follow.emit(task.deadline.area, follow_target(task))

    def mark_done(self, key: str) -> MarkDoneDialog | None:
        from coopdesk.ui.year.done_dialog import MarkDoneDialog
        from coopdesk.ui.year.texts import said

        task = self.task(key)
        if task is None:
            return None
        dialog = MarkDoneDialog(self.context, key, said(task.deadline), today, parent=self)
        dialog.saved.connect(lambda _view: self._changed_here())
        self._dialogs.open(dialog)
        return dialog

    def undo(self, key: str) -> None:
        from coopdesk.services.year.agenda import unmark_done

        unmark_done(self.context.db, self.context.coop_id, key, today=today())
        self._changed_here()

    def _changed_here(self) -> None:
        self.reload()
        self._own_change = True
        try:
            self.context.notify("year")  # for the other areas; this page is up to date
        finally:
            self._own_change = False

    def export_calendar(self, path: str | None = None) -> bool:
        """Write the .ics file (asked for with a save dialog unless ``path`` is given)."""
        from coopdesk.ui.year.calendar_export import export_calendar

        return export_calendar(self, self.context, today(), path)

    def print_plan(self) -> YearPlanDialog:
        from coopdesk.ui.year.plan_dialog import YearPlanDialog

        dialog = YearPlanDialog(self.context, today(), parent=self)
        self._dialogs.open(dialog)
        return dialog


def follow_target(task: TaskView) -> int | None:
    """What the area's page selects: the meeting or the term by its id, a member by their number
    (the member and capital lists know members by number; the task says the member's number)."""
    deadline = task.deadline
    if deadline.area in BY_NUMBER:
        number = deadline.params.get("number")
        return number if isinstance(number, int) else None
    return deadline.target_id


def _heading(text: str) -> QLabel:
    return heading(text, scale=1.15, above=10, below=2)


def _note(text: str) -> QLabel:
    return note(text)


def _more(count: int, parent: QWidget, name: str) -> QLabel:
    """"And 12 more." under a list cut short; hidden under a whole one."""
    label = QLabel(ngettext("And {count} more.", "And {count} more.", count, count=current().number(count))
                   if count > 0 else "", parent)
    label.setObjectName(name)
    label.setHidden(count <= 0)
    return label
