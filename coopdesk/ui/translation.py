"""The screen language: our gettext catalog and Qt's own strings, switched together.

Qt's standard buttons and dialogs (OK, Cancel, Yes, the wizard's Next and Back, the
file dialog) take their texts from ``qtbase_<lang>.qm``, shipped with PySide6.  Our own
texts never pass through Qt's ``tr()``: every one goes through ``coopdesk.i18n._``, so a
``QTranslator`` bridging gettext into Qt would translate nothing and is left out.

Installing or removing a translator makes Qt send ``LanguageChange`` to every widget,
so Qt's own texts on open windows change at once; ours are rebuilt by the windows.

Qt's catalogs lag behind Qt's texts: Qt 6 gave the file dialog's labels a shortcut key
("&Look in:", "Files of &type:"), and ``qtbase_ko.qm`` as PySide6 ships it still holds
them as they were ("Look in:" → "다음에서 찾기:"), so the Korean file dialog showed those two
in English.  ``_ShortcutBridge`` answers for such a text with the catalog's translation of
the text without its shortcut, the key added the Korean way ("다음에서 찾기(&L):").
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from coopdesk import i18n

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators


class _ShortcutBridge(QTranslator):
    """Qt's texts that gained a shortcut key after ``catalog`` was made, translated from it."""

    def __init__(self, catalog: QTranslator, parent: QCoreApplication) -> None:
        super().__init__(parent)
        self._catalog = catalog

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        # Asked only when the catalog has no translation: it is installed after this one.  None
        # (a null string) lets Qt go on to the source text; "" would be a translation, empty.
        marker = source.find("&")
        if marker < 0 or marker + 1 >= len(source) or source[marker + 1] in "& ":
            return None
        found = self._catalog.translate(context, source[:marker] + source[marker + 1:], disambiguation, n)
        if not found:
            return None
        if "&" in found:
            return found
        key = f"(&{source[marker + 1].upper()})"
        return found[:-1] + key + ":" if found.endswith(":") else found + key


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
        bridge = _ShortcutBridge(translator, app)
        for installed in (bridge, translator):  # the last installed is asked first: the catalog
            app.installTranslator(installed)
            _installed.append(installed)
    else:
        log.warning("no Qt translation qtbase_%s in %s", language, qt_translations_dir())
