"""The screen language: our gettext catalog and Qt's own strings, switched together.

Qt's standard buttons and dialogs (OK, Cancel, Yes, the wizard's Next and Back, the
file dialog) take their texts from ``qtbase_<lang>.qm``, shipped with PySide6.  Our own
texts never pass through Qt's ``tr()``: every one goes through ``coopdesk.i18n._``, so a
``QTranslator`` bridging gettext into Qt would translate nothing and is left out.

Installing or removing a translator makes Qt send ``LanguageChange`` to every widget,
so Qt's own texts on open windows change at once; ours are rebuilt by the windows.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from coopdesk import i18n

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _remove_installed(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def apply_language(language: str) -> None:
    """Make ``language`` the screen language for our texts and for Qt's."""
    i18n.set_language(language)
    app = QCoreApplication.instance()
    if app is None:
        return
    _remove_installed(app)
    if language == "en":
        return  # Qt's own texts are English already
    translator = QTranslator(app)
    if translator.load(f"qtbase_{language}", qt_translations_dir()):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("no Qt translation qtbase_%s in %s", language, qt_translations_dir())
