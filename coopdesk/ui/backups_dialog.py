"""Restore from a backup: the co-op file's backups, newest first, and a confirmed restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from coopdesk.i18n import N_, _, current
from coopdesk.services.files import BackupFile, Reason

REASON_LABELS: dict[Reason, str] = {
    Reason.OPEN: N_("When the file was opened"),
    Reason.MANUAL: N_("Backup now"),
    Reason.UPGRADE: N_("Before a program update changed the file"),
    Reason.RESTORE: N_("Before a restore"),
}


def size_text(size: int) -> str:
    t = current()
    if size < 1024 * 1024:
        return _("{size} KB", size=t.number(max(1, round(size / 1024))))
    return _("{size} MB", size=t.number(round(size / (1024 * 1024), 1)))


class BackupsDialog(QDialog):
    """Lists the backups; accepting means the user chose one and confirmed the restore."""

    def __init__(self, backups: list[BackupFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle(_("Restore from a backup"))
        self.resize(640, 420)
        self.backups = backups
        self.chosen: BackupFile | None = None
        column = QVBoxLayout(self)
        intro = QLabel(_("Choose the backup to go back to. The co-op file will hold exactly what the backup "
                         "holds; a backup of the file as it is now is made first."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.table = self._table()
        column.addWidget(self.table, 1)
        if not backups:
            column.addWidget(QLabel(_("There are no backups of this co-op file yet.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(_("Restore\u2026"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected() is not None))
        if backups:
            self.table.selectRow(0)

    def _table(self) -> QTableWidget:
        t = current()
        table = QTableWidget(len(self.backups), 3)
        table.setObjectName("backups")
        table.setHorizontalHeaderLabels([_("Made on"), _("Why"), _("Size")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            size = QTableWidgetItem(size_text(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((QTableWidgetItem(t.datetime(backup.made_at)),
                                           QTableWidgetItem(_(REASON_LABELS[backup.reason])), size)):
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def restore_chosen(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        answer = QMessageBox.question(
            self, _("Restore this backup?"),
            _("The co-op file will be put back as it was on {when}. Everything recorded after that "
              "will be gone from the file.\n\nA backup of the file as it is now is made first, so you "
              "can go back to it from this list.", when=current().datetime(backup.made_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = backup
            self.accept()
