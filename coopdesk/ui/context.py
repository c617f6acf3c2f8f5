"""What the windows share about the open co-op: the database handle and the co-op.

Views never hold a session: they call services with ``context.db`` and refresh when
``changed`` says that an area's data changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from coopdesk.services.coops import CoopInfo, get_coop

if TYPE_CHECKING:
    from coopdesk.services.files import Database


class CoopContext(QObject):
    """The open co-op.  ``changed`` carries the area that changed ("members", "coop", ...)."""

    changed = Signal(str)

    def __init__(self, db: Database, coop: CoopInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.coop = coop

    @property
    def coop_id(self) -> int:
        return self.coop.id

    def reload_coop(self) -> None:
        self.coop = get_coop(self.db, self.coop.id)
        self.changed.emit("coop")

    def notify(self, area: str) -> None:
        self.changed.emit(area)
