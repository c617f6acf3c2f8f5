"""Small pieces the member forms share: dates, optional dates and refusals shown by the field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.i18n import _, refusal_text

DATE_FORMAT = "yyyy-MM-dd"  # the same in both languages, and what people type in Korea


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(value: dt.date, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(to_qdate(value))
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # a date is short: no stretching
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: the box 'Not given' switches the date off."""

    changed = Signal()

    def __init__(self, fallback: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = date_edit(fallback, self)
        self.not_given = QCheckBox(_("Not given"), self)
        self.not_given.toggled.connect(self._sync)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.not_given)
        layout.addStretch(1)
        self.not_given.setChecked(True)
        self._sync()

    def _sync(self) -> None:
        self.edit.setEnabled(not self.not_given.isChecked())
        self.changed.emit()

    def value(self) -> dt.date | None:
        return None if self.not_given.isChecked() else from_qdate(self.edit.date())

    def set_value(self, value: dt.date | None) -> None:
        if value is not None:
            self.edit.setDate(to_qdate(value))
        self.not_given.setChecked(value is None)


class FieldErrors:
    """Refusals shown under the inputs they name (``Refusal.field``), or at the top: all the
    problems of a form at once (``Refusals``), each gone as soon as its input is changed."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.labels: dict[str, QLabel] = {}
        _style(general)

    def wrap(self, field: str, widget: QWidget) -> QWidget:
        """``widget`` with a hidden message line under it, for refusals about ``field``."""
        box = QWidget(widget.parentWidget())
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        label = QLabel(box)
        label.setObjectName(f"error_{field}")
        _style(label)
        layout.addWidget(label)
        self.labels[field] = label
        _on_change(widget, label.hide)  # fixed, or at least touched: the message goes
        return box

    def clear(self) -> None:
        for label in (self.general, *self.labels.values()):
            label.clear()
            label.hide()

    def show(self, refusal: Refusal) -> QLabel:
        problems = refusal.problems if isinstance(refusal, Refusals) else (refusal,)
        self.clear()
        shown = [self._add(p.field, refusal_text(p)) for p in problems]
        return shown[0]

    def show_text(self, field: str | None, text: str) -> QLabel:
        self.clear()
        return self._add(field, text)

    def _add(self, field: str | None, text: str) -> QLabel:
        label = self.labels.get(field or "", self.general)
        label.setText(f"{label.text()}\n{text}" if label.isVisibleTo(label.window()) and label.text() else text)
        label.show()
        return label

    def message(self, field: str | None = None) -> str:
        """The message shown for ``field`` (None: the general one); empty when none."""
        label = self.labels.get(field, self.general) if field else self.general
        return label.text() if label.isVisibleTo(label.window()) else ""

    def shown(self) -> dict[str, str]:
        """Every message on show, by field ("" for the general line)."""
        shown = {f: lab.text() for f, lab in self.labels.items() if lab.isVisibleTo(lab.window())}
        if self.general.isVisibleTo(self.general.window()):
            shown[""] = self.general.text()
        return shown


def _on_change(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` when the user changes ``widget`` (or an input inside it)."""
    targets = [widget, *widget.findChildren(QWidget)]
    for target in targets:
        for signal in ("textEdited", "dateChanged", "currentIndexChanged", "valueChanged", "toggled",
                       "textChanged"):
            if hasattr(target, signal) and not isinstance(target, QLabel):
                getattr(target, signal).connect(lambda *_args: slot())
                break


def _style(label: QLabel) -> None:
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
