"""Settings: the screen language (documents choose their own language when printed)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from coopdesk.i18n import LANGUAGES, _, current
from coopdesk.ui.settings import LANGUAGE, Settings

# Each language under its own name, so that someone who cannot read the current one finds theirs.
NATIVE_NAMES = {"ko": "한국어", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(_("Settings"))
        column = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(current().language))  # what the screen shows
        form.addRow(_(LANGUAGE.label), self.language)
        column.addLayout(form)
        note = QLabel(_("The screen changes language at once. Each document chooses its own language "
                        "when it is printed."))
        note.setWordWrap(True)
        column.addWidget(note)
        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def chosen_language(self) -> str:
        return str(self.language.currentData())
