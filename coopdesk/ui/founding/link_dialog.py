"""Link a founding meeting created elsewhere (on the meetings page) as the founding's meeting.

The service decides which of the co-op's meetings qualify (``meeting_choices``); those can be
chosen, the others are listed greyed out with the reason ``link_meeting`` would refuse them.
OK is one service call (``link_meeting``); a refusal stays in the dialog, nothing changed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QListWidget, QListWidgetItem, QWidget

from coopdesk.domain.errors import Refusal
from coopdesk.i18n import N_, _, current, refusal_text
from coopdesk.services.founding.views import MeetingChoice
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog

MEETING_ROLE = Qt.ItemDataRole.UserRole  # the meeting's id


def choice_text(c: MeetingChoice) -> str:
    """"2026. 9. 5. 창립총회 — 햇빛 창립총회, 마을회관", and the reason for one that cannot be linked."""
    text = _("{date} {kind} — {title}", date=current().date(c.held_on), kind=_(c.kind.label), title=c.title)
    if c.place:
        text += f", {c.place}"
    return text if c.refusal is None else f"{text}\n    {refusal_text(c.refusal)}"


class LinkMeetingDialog(SaveDialog):
    def __init__(self, context: CoopContext, parent: QWidget | None = None) -> None:
        from coopdesk.services.founding.meeting import meeting_choices
        from coopdesk.ui.meetings.widgets import WrappedLabel

        super().__init__(parent)
        self.setObjectName("founding_link_meeting_dialog")
        self.setWindowTitle(_("Link the founding meeting"))
        self.context = context
        self.choices = meeting_choices(context.db, context.coop_id)
        self.meetings = QListWidget(self)
        self.meetings.setObjectName("founding_meeting_choices")
        self.meetings.setWordWrap(True)
        for c in sorted(self.choices, key=lambda c: not c.qualifies):  # those that can be linked first
            item = QListWidgetItem(choice_text(c))
            item.setData(MEETING_ROLE, c.id)
            if not c.qualifies:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown with its reason, never chosen
            self.meetings.addItem(item)
        usable = sum(1 for c in self.choices if c.qualifies)
        if usable:
            self.meetings.setCurrentRow(0)
        self.note = WrappedLabel(
            _("A founding meeting created on the meetings page becomes the founding's: its register is the "
              "consenters, and the public notice recorded here becomes its notice.") if usable else
            _("No meeting of this co-op can be linked. Create a meeting of the kind \u201cfounding meeting\u201d "
              "on the meetings page, or use \u201cCreate the founding meeting\u2026\u201d here."), self)
        self.note.setObjectName("founding_link_note")
        form = QFormLayout()
        form.addRow(self.note)
        form.addRow(self.errors.wrap("meeting", self.meetings))
        self.lay_out(form, 560)
        self.ok_button.setText(_("Link"))
        self.ok_button.setEnabled(usable > 0)

    def chosen(self) -> int | None:
        item = self.meetings.currentItem()
        return item.data(MEETING_ROLE) if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled else None

    def save(self) -> Any:
        from coopdesk.services.founding.meeting import link_meeting

        meeting = self.chosen()
        if meeting is None:
            raise Refusal(N_("Choose the meeting to link."), field="meeting")
        return link_meeting(self.context.db, self.context.coop_id, meeting)
