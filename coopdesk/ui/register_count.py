"""The status bar's count: the members on the register today, as the Capital page counts them.

Counted by the database (``services.members.current.count_on_register``), never from the
member list: the list holds everyone ever listed, and people who left are not on the
register.  The count on the window's thread stops at ``COUNT_HERE_UP_TO``; a larger register
is counted again, whole, in a thread, so the window never waits on a count that grows with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from coopdesk.i18n import current, ngettext

if TYPE_CHECKING:
    from coopdesk.services.members.first_screen import FirstScreen
    from coopdesk.ui.context import CoopContext

COUNT_HERE_UP_TO = 1_000  # a count that stops there: ~4 ms on a slow machine (5,000: ~20 ms)


class RegisterCount(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_member_count")
        self._context: CoopContext | None = None
        self._asked = 0  # the latest count asked for: an older one arriving late is not shown

    def follow(self, context: CoopContext | None, first: FirstScreen | None = None) -> None:
        """Count the co-op of ``context`` (None: show nothing); ``first``: its list read without the
        database, counted from its rows until the database is open."""
        self._context = context
        self._asked += 1
        if context is None:
            self.clear()
            return
        if context.is_open:
            self.refresh()
            return
        context.opened.connect(self.refresh)  # never open the database for a count
        if first is not None and first.members is not None:
            self.show_count(sum(1 for row in first.members if row.status.is_current))
        else:
            self.clear()

    def refresh(self) -> None:
        """Count again (a change here, a reload after a change elsewhere)."""
        from coopdesk.services.members.current import count_on_register

        context = self._context
        if context is None or not context.is_open:
            return
        self._asked += 1
        asked = self._asked
        db, coop_id = context.db, context.coop_id
        count = count_on_register(db, coop_id, up_to=COUNT_HERE_UP_TO + 1)
        if count <= COUNT_HERE_UP_TO:
            self.show_count(count)
            return
        from coopdesk.ui.workers import Job, start_detached

        job = Job(lambda _progress: count_on_register(db, coop_id))
        job.succeeded.connect(lambda whole: self._counted(asked, whole))
        start_detached(job)  # a failed count leaves the last one shown; the pages say what failed

    def _counted(self, asked: int, count: int) -> None:
        if asked == self._asked:
            self.show_count(count)

    def show_count(self, count: int) -> None:
        self.setText(ngettext("{count} member on the register", "{count} members on the register",
                              count, count=current().number(count)))
