"""Recording a proxy (위임): who gives it, who holds it, and the written proof.

Act 23③: the holder is another member or a family member living with the principal;
one proxy represents one member only; the proxy hands in written proof.  The service
checks all of it; a refusal is shown next to the field it names and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _
from coopdesk.services.meetings.attendance import add_proxy
from coopdesk.services.meetings.state import RoomState
from coopdesk.ui.context import CoopContext
from coopdesk.services.meetings.matching import match
from coopdesk.ui.meetings.room.picture import RoomPicture
from coopdesk.ui.meetings.room.wording import GREY, person, with_article
from coopdesk.ui.save_dialog import SaveDialog


class MemberCombo(QComboBox):
    """A list of members that also finds one by typing part of the name or the number.

    The labels sit in a ``QStringListModel``: filtering 100,000 of them as the user types is
    Qt's own work, not a Python call per row."""

    def __init__(self, parent: QWidget, entries: list[tuple[int, str]]) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.keys = [key for key, _label in entries]
        self.setModel(QStringListModel([label for _key, label in entries], self))
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCurrentIndex(-1)

    def set_key(self, key: int) -> None:
        self.setCurrentIndex(self.keys.index(key) if key in self.keys else -1)

    def key(self, field: str) -> int:
        """The member the entry names: a list entry, or a number or a name as at check-in."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return self.keys[index]
        names = {key: self.itemText(i).split(" ", 1)[-1] for i, key in enumerate(self.keys)}
        found = match(text, names, ())
        if found.chosen is None or found.chosen not in names:
            raise Refusal(N_("Choose a member from the list."), field=field)
        return found.chosen


class ProxyDialog(SaveDialog):
    def __init__(self, context: CoopContext, meeting_id: int, picture: RoomPicture,
                 item_on_screen: Callable[[], int | None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proxy_dialog")
        self.setWindowTitle(_("Add proxy"))
        self.context, self.meeting_id, self.item_on_screen = context, meeting_id, item_on_screen
        here, register, names = picture.here, picture.register, picture.names
        given = {key for key, line in picture.lines.items() if line.proxy is not None}
        everyone = sorted(names)
        self.principal_combo = MemberCombo(self, [(k, person(k, names[k], register)) for k in everyone
                                                  if k not in here and k not in given])
        self.holder_combo = MemberCombo(self, [(k, person(k, names[k], register) + ("  " + _("(here)") if k in here
                                                                                    else "")) for k in everyone])
        self._build()

    def _build(self) -> None:
        self.by_member = QRadioButton(_("A member"), self)
        self.by_family = QRadioButton(_("A family member living with the principal"), self)
        group = QButtonGroup(self)
        for button in (self.by_member, self.by_family):
            group.addButton(button)
            button.toggled.connect(self._sync)
        self.family_name = QLineEdit(self)
        self.family_name.setPlaceholderText(_("Family member's name"))
        self.lives_with = QCheckBox(_("Lives with the principal"), self)
        self.proof = QCheckBox(_("Written proof (proxy form) handed in"), self)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(_("e.g. proxy form signed and sealed"))
        form = QFormLayout()
        wrap = self.errors.wrap
        form.addRow(_("Member giving the proxy:"), wrap("principal", self.principal_combo))
        form.addRow(_("Held by:"), wrap("holder", self._holder_box()))
        form.addRow("", wrap("written_proof", self.proof))
        form.addRow(_("Note on the proof:"), self.note)
        self.lay_out(form, min_width=560)
        rule = QLabel(with_article(_("The proxy is another member or a family member living with the principal, "
                                     "with written proof; one proxy represents one member only. A member holding "
                                     "a proxy counts it while they are here."), law.PROXY_PRINCIPALS_PER_HOLDER.ref),
                      self)
        rule.setWordWrap(True)
        rule.setStyleSheet(f"color: {GREY};")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, rule)
        self.by_member.setChecked(True)

    def _holder_box(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.by_member)
        layout.addWidget(self.holder_combo)
        layout.addWidget(self.by_family)
        layout.addWidget(self.family_name)
        layout.addWidget(self.lives_with)
        return box

    def _sync(self) -> None:
        member = self.by_member.isChecked()
        self.holder_combo.setEnabled(member)
        self.family_name.setEnabled(not member)
        self.lives_with.setEnabled(not member)

    # -- for tests and keyboard users ------------------------------------------------------
    def choose(self, combo: MemberCombo, key: int) -> None:
        combo.set_key(key)

    def save(self) -> RoomState:
        principal = self.principal_combo.key("principal")
        holder = self.holder_combo.key("holder") if self.by_member.isChecked() else None
        return add_proxy(self.context.db, self.context.coop_id, self.meeting_id, principal, holder=holder,
                         family_name="" if holder is not None else self.family_name.text(),
                         lives_with_principal=holder is None and self.lives_with.isChecked(),
                         item_id=self.item_on_screen(),
                         written_proof=self.proof.isChecked(), note=self.note.text())
