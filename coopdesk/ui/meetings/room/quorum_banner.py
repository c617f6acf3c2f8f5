"""The banner across the top of the meeting room: who counts, who is here, and the quorum.

Large type in green or red, to be read from a metre away while the chair speaks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from coopdesk.i18n import _, current
from coopdesk.services.meetings.meeting import MeetingView
from coopdesk.services.meetings.state import Count
from coopdesk.ui.meetings.room.wording import GREEN, RED, quorum_line

_COLOURS = {True: (GREEN, "#e7f4ea"), False: (RED, "#fdecee")}


class QuorumBanner(QFrame):
    def __init__(self, meeting: MeetingView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quorum_banner")
        self.base_caption = self._label(_(meeting.rules.words.register), "caption")
        self.base_number = self._label("", "base_number")
        self.present_caption = self._label(_("Present"), "caption")
        self.present_number = self._label("", "present_number")
        self.present_detail = self._label("", "present_detail")
        self.status = self._label("", "quorum_status")
        self.rule = self._label("", "quorum_rule")
        self.rule.setWordWrap(True)
        self._lay_out()

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        return label

    def _lay_out(self) -> None:
        counts = QGridLayout()
        counts.setHorizontalSpacing(28)
        counts.setVerticalSpacing(0)
        counts.addWidget(self.base_caption, 0, 0)
        counts.addWidget(self.present_caption, 0, 1, 1, 2)
        counts.addWidget(self.base_number, 1, 0)
        counts.addWidget(self.present_number, 1, 1)
        counts.addWidget(self.present_detail, 1, 2, Qt.AlignmentFlag.AlignBottom)
        verdict = QVBoxLayout()
        verdict.setSpacing(2)
        verdict.addWidget(self.status)
        verdict.addWidget(self.rule)
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 4, 18, 4)
        row.setSpacing(36)
        row.addLayout(counts)
        row.addLayout(verdict, 1)

    def show_count(self, view: Count) -> None:
        t = current()
        in_person = view.in_person
        self.base_number.setText(t.number(view.members))
        self.present_number.setText(t.number(view.present))
        if not view.proxies_allowed:
            detail = ""
        else:
            detail = _("{in_person} in person\n{by_proxy} by proxy", in_person=t.number(in_person),
                       by_proxy=t.number(view.by_proxy))
        self.present_detail.setText(detail)
        reached = view.quorum_reached
        self.status.setText(_("QUORUM REACHED") if reached else _("QUORUM NOT REACHED"))
        self.rule.setText(quorum_line(view.quorum))
        self._paint(reached)

    def _paint(self, reached: bool) -> None:
        colour, background = _COLOURS[reached]
        self.setStyleSheet(
            f"#quorum_banner {{ background: {background}; border: 3px solid {colour}; border-radius: 8px; }}"
            f"#caption {{ color: #3c4043; font-size: 11pt; }}"
            f"#base_number, #present_number {{ font-size: 30pt; font-weight: bold; color: #202124; }}"
            f"#present_detail {{ font-size: 11pt; color: #3c4043; }}"
            f"#quorum_status {{ font-size: 26pt; font-weight: bold; color: {colour}; }}"
            f"#quorum_rule {{ font-size: 11pt; color: #202124; }}")

    def text(self) -> str:
        """Everything the banner says, for tests and screen readers."""
        parts = (self.base_caption, self.base_number, self.present_caption, self.present_number,
                 self.present_detail, self.status, self.rule)
        return " ".join(p.text() for p in parts)
