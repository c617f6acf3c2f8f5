"""The dialogs a page has open without blocking, one of each kind."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


class OpenDialogs:
    """Keeps the last dialog of each kind a page opened, so that it is not collected while
    shown; the one it replaces is freed once closed."""

    def __init__(self) -> None:
        self._last: dict[type, QDialog] = {}

    def open(self, dialog: QDialog) -> QDialog:
        """Show ``dialog`` without blocking; returns it."""
        old = self._last.get(type(dialog))
        if old is not None and not old.isVisible():
            old.deleteLater()
        self._last[type(dialog)] = dialog
        dialog.open()
        return dialog
