"""The welcome page says what the program does now, in English and in Korean: nothing is "to come"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from coopdesk import i18n
from coopdesk.ui.welcome import WelcomePage


@pytest.mark.parametrize("language, words", [
    ("en", ("member register", "capital", "general assemblies", "officer elections", "education", "founding")),
    ("ko", ("조합원 명부", "출자금", "총회와 이사회", "임원 선거", "교육", "설립")),
])
def test_the_welcome_page_names_what_the_program_does(qtbot, language, words):
    i18n.set_language(language)
    page = WelcomePage([])
    qtbot.addWidget(page)
    intro = page.findChild(QLabel, "intro").text()
    assert all(word in intro for word in words), intro
    assert "to come" not in intro
    if language == "ko":
        page.resize(900, 600)
        page.grab().save("/tmp/me/welcome_ko.png")
