"""The bundled Korean font on screen: the same Nanum Gothic files the PDFs embed.

Loading them from ``resources/fonts`` (plain files, not a Qt resource) means the screen
shows Hangul on a machine without any Korean font, and looks like the printouts.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from coopdesk import paths

APP_FAMILY = "NanumGothic"
POINT_SIZE = 10
log = logging.getLogger(__name__)


@cache  # once per process: registering a file twice would list its family twice
def load_fonts() -> tuple[str, ...]:
    """Register every bundled Nanum Gothic file with Qt; returns the families found."""
    families: list[str] = []
    for file in sorted(paths.fonts_dir().glob("NanumGothic*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id < 0:
            log.warning("Qt could not load the font %s", file)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(sorted(set(families)))


def apply_app_font(app: QApplication) -> QFont:
    """Nanum Gothic for every widget, at the platform's usual size."""
    load_fonts()
    font = QFont(APP_FAMILY)
    size = app.font().pointSize()
    font.setPointSize(size if size > 0 else POINT_SIZE)
    app.setFont(font)
    return font
