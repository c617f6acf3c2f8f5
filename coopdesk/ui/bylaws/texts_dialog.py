"""The bylaws' own words (정관 문안): purpose, businesses, member qualifications, use by
non-members and, for the original bylaws, the founders.

Two uses, one form: in the co-op's profile it writes down how a version of the bylaws is
worded (``services.bylaws.texts.set_texts``); in an amendment item it proposes new words,
checked and handed back without saving (the item carries them).  The three businesses
the Act requires are shown, fixed: the bylaws always print them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from coopdesk.domain import law
from coopdesk.domain.bylaws.texts import PART_LABELS, BylawsTexts
from coopdesk.domain.coop import CoopKind
from coopdesk.i18n import _, current
from coopdesk.services.bylaws.texts import (
    required_businesses,
    set_texts,
    validate_texts,
)
from coopdesk.services.bylaws.versions import BylawsVersionView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.widgets import multiline
from coopdesk.ui.save_dialog import SaveDialog

_LIST_PARTS = ("businesses", "main_businesses", "founders")  # one line each


class BylawsTextsDialog(SaveDialog):
    def __init__(self, context: CoopContext, texts: BylawsTexts, version: BylawsVersionView | None = None,
                 parent: QWidget | None = None) -> None:
        """``version``: the version whose words are written down; None: the words an amendment proposes."""
        super().__init__(parent)
        self.setObjectName("bylaws_texts_dialog")
        self.context, self.version = context, version
        self.setWindowTitle(_("The wording of the bylaws") if version else _("The amended wording of the bylaws"))
        self.edits: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        form.addRow(self._about())
        social = context.coop.kind is CoopKind.SOCIAL
        shown = {"main_businesses": social, "founders": version is not None}
        for part, lines in (("purpose", 3), ("main_businesses", 3), ("businesses", 4), ("qualifications", 3),
                            ("non_member_use", 3), ("founders", 3)):
            value = getattr(texts, part)
            self._add(form, part, "\n".join(value) if part in _LIST_PARTS else value, lines, shown.get(part, True))
            if part == "businesses":
                form.addRow("", self._required())
        self.edits["purpose"].setPlaceholderText(_("Continues \u201cThis co-op …\u201d: its purpose"))
        self.edits["non_member_use"].setPlaceholderText(_("Empty: the bylaws have no article on it"))
        self.lay_out(form, min_width=660)

    def _about(self) -> QLabel:
        if self.version is None:
            text = _("The words the amendment proposes. The settings (share price, officers, notice …) are set in "
                     "the item; the words only print.")
        else:
            text = _("How version {version} of the bylaws is worded, as the co-op adopted it. This corrects the "
                     "record; to change the bylaws, put an amendment to a general assembly.",
                     version=current().number(self.version.version))
        label = QLabel(text, self)
        label.setWordWrap(True)
        return label

    def _required(self) -> QLabel:
        label = QLabel(_("Always listed as well ({article}): {businesses}",
                         article=law.REQUIRED_BUSINESSES.ref.label(current().language),
                         businesses="; ".join(required_businesses())), self)
        label.setObjectName("required_businesses")
        label.setWordWrap(True)
        return label

    def _add(self, form: QFormLayout, part: str, value: str, lines: int, shown: bool) -> None:
        edit = multiline(self, lines)
        edit.setObjectName(f"text_{part}")
        edit.setPlainText(value)
        label_text = _(PART_LABELS[part])
        if part in _LIST_PARTS:
            label_text = _("{label} (one per line)", label=label_text)
        label = QLabel(label_text + ":", self)
        label.setWordWrap(True)
        field = self.errors.wrap(part, edit)
        form.addRow(label, field)
        label.setVisible(shown)
        field.setVisible(shown)
        self.edits[part] = edit

    # -- values ----------------------------------------------------------------------------
    def set_text(self, part: str, text: str) -> None:
        self.edits[part].setPlainText(text)

    def entered(self) -> BylawsTexts:
        def text(part: str) -> str:
            return self.edits[part].toPlainText()

        def lines(part: str) -> tuple[str, ...]:
            return tuple(line for line in text(part).splitlines() if line.strip())

        return BylawsTexts(purpose=text("purpose"), businesses=lines("businesses"),
                           qualifications=text("qualifications"), non_member_use=text("non_member_use"),
                           main_businesses=lines("main_businesses"), founders=lines("founders"))

    def save(self) -> BylawsTexts | BylawsVersionView:
        if self.version is None:
            return validate_texts(self.entered(), self.context.coop.kind)
        return set_texts(self.context.db, self.context.coop_id, self.entered(), self.version.version)
