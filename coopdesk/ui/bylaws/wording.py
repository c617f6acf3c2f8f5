"""The wording of the bylaws in force, as the co-op's profile shows it: the text parts, with
the buttons to write them down and to print the bylaws."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from coopdesk.domain.bylaws.texts import PART_LABELS, BylawsTexts
from coopdesk.domain.coop import CoopKind
from coopdesk.i18n import _, current

if TYPE_CHECKING:
    from coopdesk.ui.coop_view import CoopView


def wording_rows(texts: BylawsTexts, kind: CoopKind) -> list[tuple[str, str]]:
    """(label, text) of each part, lists one line per entry."""
    rows = [("purpose", texts.purpose)]
    if kind is CoopKind.SOCIAL:
        rows.append(("main_businesses", "\n".join(texts.main_businesses)))
    rows += [("businesses", "\n".join(texts.businesses)), ("qualifications", texts.qualifications),
             ("non_member_use", texts.non_member_use or _("None: the bylaws have no article on it")),
             ("founders", ", ".join(texts.founders) or _("Not written down"))]
    return [(_(PART_LABELS[part]), text) for part, text in rows]


def wording_section(view: CoopView) -> QVBoxLayout:
    section = QVBoxLayout()
    version = view.in_force
    title = QLabel(_("Wording of the bylaws (version {version})", version=current().number(version.version)))
    title.setContentsMargins(0, 12, 0, 4)
    font = QFont(title.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    title.setFont(font)
    section.addWidget(title)
    form = QFormLayout()
    form.setHorizontalSpacing(24)
    assert version.texts is not None
    for label, text in wording_rows(version.texts, view.context.coop.kind):
        value = QLabel(text)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label, value)
    section.addLayout(form)
    buttons = QHBoxLayout()
    edit = QPushButton(_("Edit the wording…"))
    edit.setObjectName("edit_texts")
    edit.clicked.connect(lambda _checked=False: view.edit_texts())
    printing = QPushButton(_("Print the bylaws…"))
    printing.setObjectName("print_bylaws")
    printing.clicked.connect(lambda _checked=False: view.print_bylaws())
    buttons.addWidget(edit)
    buttons.addWidget(printing)
    buttons.addStretch()
    section.addLayout(buttons)
    return section
