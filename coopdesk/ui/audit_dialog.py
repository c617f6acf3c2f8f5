"""The result of verifying the audit log, with its latest entries."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QListWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.audit import AuditReport, AuditView
from coopdesk.services.audit_replay import Difference
from coopdesk.services.audit_labels import ENTITY_LABELS, action_words

OK_STYLE = "color: #1b5e20; font-weight: bold;"
BROKEN_STYLE = "color: #b00020; font-weight: bold;"


def action_text(action: str) -> str:
    """What was done, in the user's words; an action this version does not know, as recorded."""
    message, params = action_words(action)
    return _(message, **{k: _(v) for k, v in params.items()}) if message != "{action}" else action


def record_text(entry: AuditView) -> str:
    label = ENTITY_LABELS.get(entry.entity)
    return f"{_(label) if label else entry.entity} {entry.entity_key}"


def verdict(report: AuditReport) -> str:
    t = current()
    if report.intact:
        return ngettext("The audit log is intact: {count} entry checked, none changed or missing.",
                        "The audit log is intact: {count} entries checked, none changed or missing.",
                        report.entries, count=t.number(report.entries))
    reason = _(report.problem, **{k: t.number(v) if isinstance(v, int) else v for k, v in report.params.items()})
    if report.broken_at is None:
        return _("The audit log does not confirm this file: {reason}", reason=reason)
    return _("The audit log is broken at entry {entry}: {reason}", entry=t.number(report.broken_at), reason=reason)


def difference_text(d: Difference) -> str:
    """One disagreement between the log and the tables, for the list under the verdict."""
    if not d.field:
        return _("{record}: in the log but not in the tables", record=d.record) if d.stored is None else \
            _("{record}: in the tables but not in the log", record=d.record)
    return _("{record}, {field}: the log says “{logged}”, the file holds “{stored}”", record=d.record,
             field=d.field, logged=d.logged, stored=d.stored)


class AuditDialog(QDialog):
    def __init__(self, report: AuditReport, entries: list[AuditView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_dialog")
        self.setWindowTitle(_("Verify audit log"))
        self.resize(720, 460)
        self.report = report
        column = QVBoxLayout(self)
        self.verdict = QLabel(verdict(report))
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(OK_STYLE if report.intact else BROKEN_STYLE)
        column.addWidget(self.verdict)
        explanation = QLabel(_("Every change is written to the audit log with a fingerprint of the entry "
                               "before it, so an entry changed or removed later breaks the chain."))
        explanation.setWordWrap(True)
        column.addWidget(explanation)
        mark = QLabel(_("To check this file later against paper, note its mark: {mark} (final minutes, notices "
                        "and registers print it at their foot).", mark=report.mark.text()))
        mark.setObjectName("audit_mark")
        mark.setWordWrap(True)
        mark.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(mark)
        if report.differences:
            self.differences = QListWidget(self)
            self.differences.setObjectName("audit_differences")
            self.differences.addItems([difference_text(d) for d in report.differences[:500]])
            column.addWidget(self.differences)
        column.addWidget(QLabel(_("Latest changes")))
        self.entries = _entries_table(entries)
        column.addWidget(self.entries, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)


def _entries_table(entries: list[AuditView]) -> QTableWidget:
    t = current()
    table = QTableWidget(len(entries), 5)
    table.setObjectName("audit_entries")
    table.setHorizontalHeaderLabels([_("Entry"), _("When"), _("Who"), _("What"), _("Record")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    for row, e in enumerate(entries):
        values = (t.number(e.id), t.datetime(local_time(e.at)), e.actor, action_text(e.action), record_text(e))
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    header = table.horizontalHeader()
    for column in (0, 1, 2, 4):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    return table


def local_time(at: dt.datetime) -> dt.datetime:
    """The log is written in UTC; people read their own clock."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc)
    return aware.astimezone().replace(tzinfo=None)
