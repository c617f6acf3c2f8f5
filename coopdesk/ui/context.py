"""What the windows share about the open co-op: the database handle and the co-op.

Views never hold a session: they call services with ``context.db`` and refresh when
``changed`` says that an area's data changed.

When ``coopdesk`` starts on a co-op file, the window shows the member list from a plain
first read and opens the database while idle (``MainWindow.open_first_screen``,
``ui.opening``): until then ``db`` is not open, and asking for it opens it, or waits
until it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from coopdesk.services.coops import CoopInfo
    from coopdesk.services.files import Database


class Opening(Protocol):
    """A database on its way (``ui.opening.DatabaseOpening``)."""

    def database(self) -> Database: ...  # asked once; raises a Refusal if the file cannot be opened

    def discard(self) -> None: ...  # never asked: close it once it is open


class CoopContext(QObject):
    """The open co-op.  ``changed`` carries the area that changed ("members", "coop", ...)."""

    changed = Signal(str)
    opened = Signal()  # the database on its way has been opened (``db`` costs nothing from now on)

    def __init__(self, db: Database | None, coop: CoopInfo, parent: QObject | None = None, *,
                 opening: Opening | None = None) -> None:
        """``db`` open already, or None and the ``opening`` that gives it when first needed."""
        super().__init__(parent)
        assert (db is None) != (opening is None), "a database, or the one on its way"
        self._db = db
        self._opening = opening
        self.coop = coop

    @property
    def db(self) -> Database:
        if self._db is None:
            assert self._opening is not None, "the co-op was closed"
            opening, self._opening = self._opening, None
            self._db = opening.database()  # raises a Refusal if the file cannot be opened
            self.opened.emit()
        return self._db

    @property
    def is_open(self) -> bool:
        """The database is open (asking for ``db`` costs nothing)."""
        return self._db is not None

    def close_db(self) -> None:
        """Close the database, or the one still on its way once it is open."""
        if self._opening is not None:
            self._opening.discard()
            self._opening = None
        if self._db is not None:
            self._db.close()

    @property
    def coop_id(self) -> int:
        return self.coop.id

    def reload_coop(self) -> None:
        from coopdesk.services.coops import get_coop

        self.coop = get_coop(self.db, self.coop.id)
        self.changed.emit("coop")

    def notify(self, area: str) -> None:
        self.changed.emit(area)
