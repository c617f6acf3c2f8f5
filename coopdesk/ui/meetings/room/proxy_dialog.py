"""Recording a proxy (위임): who gives it, who holds it, and the written proof.

Act 23③: the holder is another member or a family member living with the principal;
one proxy represents one member only; the proxy hands in written proof.  The service
checks all of it; a refusal is shown next to the field it names and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
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
from coopdesk.services.meetings.state import AttendanceView, RoomState
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.room.matching import match
from coopdesk.ui.meetings.room.wording import GREY, person, with_article
from coopdesk.ui.save_dialog import SaveDialog


def member_combo(parent: QWidget, entries: list[tuple[int, str]]) -> QComboBox:
    """A list of members that also finds one by typing part of the name or the number."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    for key, text in entries:
        combo.addItem(text, key)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCurrentIndex(-1)
    return combo


def chosen_key(combo: QComboBox, field: str) -> int:
    """The member the entry names: a list entry, or a number or a name as at check-in."""
    text = combo.currentText().strip()
    index = combo.findText(text)
    if index >= 0:
        return int(combo.itemData(index))
    entries = {int(combo.itemData(i)): combo.itemText(i) for i in range(combo.count())
               if combo.itemData(i) is not None}
    names = {key: label.split(" ", 1)[-1] for key, label in entries.items()}
    found = match(text, names, ())
    if found.chosen is None or found.chosen not in names:
        raise Refusal(N_("Choose a member from the list."), field=field)
    return found.chosen


class ProxyDialog(SaveDialog):
    def __init__(self, context: CoopContext, meeting_id: int, view: AttendanceView,
                 item_on_screen: Callable[[], int | None] = lambda: None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proxy_dialog")
        self.setWindowTitle(_("Add proxy"))
        self.context, self.meeting_id, self.item_on_screen = context, meeting_id, item_on_screen
        given = {p.principal for p in view.proxies}
        here = set(view.in_person)
        register = view.register
        self.principal_combo = member_combo(self, [(k, person(k, n, register))
                                                   for k, n in sorted(view.names.items())
                                                   if k not in here and k not in given])
        holders = [(k, person(k, n, register) + ("  " + _("(here)") if k in here else ""))
                   for k, n in sorted(view.names.items())]
        self.holder_combo = member_combo(self, holders)
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
    def choose(self, combo: QComboBox, key: int) -> None:
        combo.setCurrentIndex(combo.findData(key))

    def save(self) -> RoomState:
        principal = chosen_key(self.principal_combo, "principal")
        holder = chosen_key(self.holder_combo, "holder") if self.by_member.isChecked() else None
        return add_proxy(self.context.db, self.context.coop_id, self.meeting_id, principal, holder=holder,
                         family_name="" if holder is not None else self.family_name.text(),
                         lives_with_principal=holder is None and self.lives_with.isChecked(),
                         item_id=self.item_on_screen(),
                         written_proof=self.proof.isChecked(), note=self.note.text())
