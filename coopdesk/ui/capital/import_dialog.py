"""Importing a capital list (조합원별 출자 현황) from Excel or CSV: the member import's dialog (preview,
column mapping, every bad row by its line, a worker with progress and Cancel), with the capital
list's fields and the capital import's service.  All rows, or none."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopdesk.i18n import N_
from coopdesk.services.capital.importing import FIELDS, import_capital, preview
from coopdesk.ui.context import CoopContext
from coopdesk.ui.members.import_dialog import ImportDialog
from coopdesk.ui.workers import Progress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coopdesk.services.files import Database
    from coopdesk.services.members.importing import Existing


class CapitalImportDialog(ImportDialog):
    fields = FIELDS
    title = N_("Import a capital list")
    file_kinds = N_("Capital lists (*.xlsx *.csv);;Excel workbooks (*.xlsx);;CSV files (*.csv)")
    working = N_("Importing the capital list…")

    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("capital_import_dialog")

    def read_preview(self, path: Path, encoding: str | None, progress: Progress) -> Any:
        return preview(path, encoding=encoding)

    def run_import(self, db: Database, coop_id: int, path: Path, mapping: dict[str, int | None],
                   encoding: str | None, progress: Progress, existing: Existing) -> Any:
        return import_capital(db, coop_id, path, mapping, encoding=encoding, progress=progress)
