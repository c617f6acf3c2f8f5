"""Small widgets the meeting forms share: an hour that may be left open, and a live check line."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QSize, QTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QSizePolicy,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from coopdesk.i18n import _
from coopdesk.ui.meetings.texts import OK_COLOUR, WARNING_COLOUR
from coopdesk.ui.widgets.fields import FieldErrors
from coopdesk.ui.save_dialog import SaveDialog

_MIN_LINE_WIDTH = 320  # px: a wrapped line in a dialog is never laid out narrower than this
DEFAULT_START = dt.time(14, 0)  # the usual hour of an assembly, until the secretary sets another


class OptionalTime(QWidget):
    """The hour a meeting starts; 'Not decided yet' leaves it out of the notice."""

    def __init__(self, value: dt.time | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QTimeEdit(self)
        self.edit.setDisplayFormat("HH:mm")
        self.edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.not_given = QCheckBox(_("Not decided yet"), self)
        self.not_given.toggled.connect(lambda off: self.edit.setEnabled(not off))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.not_given)
        layout.addStretch(1)
        self.set_value(value)

    def value(self) -> dt.time | None:
        if self.not_given.isChecked():
            return None
        t = self.edit.time()
        return dt.time(t.hour(), t.minute())

    def set_value(self, value: dt.time | None) -> None:
        shown = value or DEFAULT_START
        self.edit.setTime(QTime(shown.hour, shown.minute))
        self.not_given.setChecked(value is None)
        self.edit.setEnabled(value is not None)


class WrappedLabel(QLabel):
    """A label whose text wraps, and whose size hint is as tall as the text at its width.

    QLabel guesses a narrow, tall shape for wrapped text; a dialog sized to that guess
    leaves gaps above and below the sentence.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), _MIN_LINE_WIDTH)))


def heading(text: str, parent: QWidget) -> WrappedLabel:
    """A dialog's first line, in bold: what the dialog is about."""
    label = WrappedLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class CheckLine(WrappedLabel):
    """One sentence that says, as the user types, whether a rule is met: green or red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.ok: bool | None = None
        self.hide()

    def show_ok(self, text: str) -> None:
        self._show(text, OK_COLOUR, True)

    def show_warning(self, text: str) -> None:
        self._show(text, WARNING_COLOUR, False)

    def show_plain(self, text: str) -> None:
        self._show(text, None, None)

    def plain_text(self) -> str:
        """What the line says, without its colour (for tests and screen readers)."""
        return self.accessibleName()

    def _show(self, text: str, colour: str | None, ok: bool | None) -> None:
        self.ok = ok
        body = html.escape(text)
        if colour == WARNING_COLOUR:
            body = f"<b>{body}</b>"  # a warning must not be missed, even by someone who sees no red
        self.setText(f'<span style="color:{colour}">{body}</span>' if colour else body)
        self.setAccessibleName(text)
        self.show()


class FormDialog(SaveDialog):
    """A dialog whose OK is one service call, with the refusal under the form.

    Unlike ``SaveDialog.lay_out`` the refusal is read after the fields it is about, next
    to the button just pressed, and the dialog grows to show it whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors.general.deleteLater()
        self.errors = FieldErrors(WrappedLabel("", self))

    def lay_out_below(self, parts: list[QWidget | QLayout], min_width: int) -> None:
        """``parts`` top to bottom, then the refusal line, then OK and Cancel."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(min_width)

    def accept(self) -> None:
        super().accept()
        if self.isVisible():  # refused: make room for the message
            self.adjustSize()


def multiline(parent: QWidget, lines: int) -> QPlainTextEdit:
    """A text box ``lines`` high in which Tab moves on, as in every other field."""
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit
