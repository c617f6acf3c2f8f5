"""Choosing the general-assembly item that decided something: a transfer, a refund, the year's surplus."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.i18n import _, current
from coopdesk.ui.context import CoopContext

_ASSEMBLIES = (MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY)


class ItemChooser(QComboBox):
    """The items of the co-op's general assemblies, newest meeting first; "none" first.

    ``closed_only``: only items whose vote is closed (what approved a transfer or a refund).  Which
    of them passed, and by which majority, the service decides and says when it refuses."""

    def __init__(self, context: CoopContext, *, closed_only: bool, parent: QWidget | None = None) -> None:
        from coopdesk.services.meetings.agenda import list_items
        from coopdesk.services.meetings.meeting import list_meetings

        super().__init__(parent)
        self.setObjectName("item_chooser")
        self.addItem(_("(no resolution)"), None)
        t = current()
        db, coop_id = context.db, context.coop_id
        meetings = [m for m in list_meetings(db, coop_id) if m.kind in _ASSEMBLIES]
        for m in sorted(meetings, key=lambda m: m.held_on, reverse=True):
            for item in list_items(db, coop_id, m.id):
                if closed_only and not item.closed:
                    continue
                self.addItem(_("{meeting} ({date}), item {item}: {title}", meeting=m.title, date=t.date(m.held_on),
                               item=t.number(item.position), title=item.title), item.id)

    def item_id(self) -> int | None:
        return self.currentData()

    def choose(self, item_id: int | None) -> bool:
        index = self.findData(item_id)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0
