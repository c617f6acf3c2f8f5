"""A wizard page whose fields are checked as the user types, by the domain's own rules.

Each page names the profile fields it owns.  After every edit it asks the wizard for
the profile as it stands and has the service check it (``validate_profile``); a refusal about one of its
own fields is shown under that field and keeps Next (and Finish) disabled.  The pages
come in the order the checks run, so an earlier page is always valid by the time a
later page is checked, and a refusal about a later page's field does not concern this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget, QWizardPage

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import refusal_text

if TYPE_CHECKING:
    from coopdesk.ui.wizard import CoopWizard

ERROR_STYLE = "color: #b00020;"


def new_form(page: QWidget) -> QFormLayout:
    form = QFormLayout(page)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class CheckedPage(QWizardPage):
    """A page of fields, each with a place under it for the reason it is refused."""

    def __init__(self, title: str, subtitle: str = "") -> None:
        super().__init__()
        self.setTitle(title)
        if subtitle:
            self.setSubTitle(subtitle)
        self.field_widgets: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.refusal: Refusal | None = None

    def coop_wizard(self) -> CoopWizard:
        return self.wizard()  # type: ignore[return-value]

    def add_field(self, form: QFormLayout, label: str, widget: QWidget, field: str, hint: str = "") -> None:
        """A labelled row: the input, and under it its refusal (hidden while none)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(widget, QAbstractSpinBox):  # numbers need no full width
            widget.setMinimumWidth(140)
            column.addWidget(widget, alignment=Qt.AlignmentFlag.AlignLeft)
        else:
            column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{field}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        error.hide()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        for described in (caption, widget):
            described.setToolTip(hint)
        form.addRow(caption, box)
        self.field_widgets[field] = widget
        self.error_labels[field] = error

    def owns(self, field: str | None) -> bool:
        return field in self.field_widgets

    def contribute(self, values: dict[str, object], bylaws: dict[str, object]) -> None:
        """Put this page's inputs into the profile (``values``) and bylaws settings."""
        raise NotImplementedError

    def revalidate(self) -> None:
        """Check the profile as it stands and show what concerns this page."""
        wizard = self.wizard()
        if wizard is None:
            return
        refusal = self.coop_wizard().refusal_now()
        self.show_refusal(refusal if refusal is not None and self.owns(refusal.field) else None)

    def show_refusal(self, refusal: Refusal | None) -> None:
        self.refusal = refusal
        for field, label in self.error_labels.items():
            shown = refusal is not None and refusal.field == field
            label.setText(refusal_text(refusal) if shown and refusal is not None else "")
            label.setVisible(shown)
        self.completeChanged.emit()

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        self.revalidate()

    def isComplete(self) -> bool:  # noqa: N802
        return self.refusal is None

    def validatePage(self) -> bool:  # noqa: N802
        self.revalidate()
        return self.refusal is None
