"""A dialog whose OK is one service call.

A refusal is shown next to the field it names and the dialog stays open with nothing
saved; on success ``saved`` carries what the service returned and the dialog closes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.ui.widgets.fields import FieldErrors


class SaveDialog(QDialog):
    saved = Signal(object)  # what the service returned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors(QLabel(self))
        self.view: Any = None

    def lay_out(self, form: QFormLayout, min_width: int) -> None:
        """The form under the general error line, with OK and Cancel below it."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors.general)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(min_width)

    def save(self) -> Any:
        """Call the service with the dialog's values; raise Refusal to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.view = self.save()
        except Refusal as refusal:
            self.errors.show(refusal)
            return
        self.saved.emit(self.view)
        super().accept()
