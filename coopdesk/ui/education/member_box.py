"""A member's education on their page: the hours, the sessions, and a warning while they owe
the orientation the bylaws ask of new members."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.education.history import MemberEducation, member_education
from coopdesk.ui.context import CoopContext
from coopdesk.ui.education.texts import (
    WARNING_COLOUR,
    fill_row,
    hours_text,
    plain_table,
)

DATE, KIND, TOPIC, HOURS = range(4)


class MemberEducationBox(QWidget):
    def __init__(self, context: CoopContext, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_education")
        self.context, self.number = context, number
        self.education: MemberEducation | None = None
        self.heading = QLabel(self)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.warning = QLabel(self)
        self.warning.setObjectName("orientation_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.table = plain_table([_("Date"), _("Kind"), _("Topic"), _("Hours")], TOPIC, self)
        self.table.setObjectName("member_sessions")
        self.table.setMaximumHeight(self.table.fontMetrics().height() * 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.table)
        # a session recorded while the page is open: the warning goes as soon as they are on its list
        context.changed.connect(lambda area: self.reload() if area == "education" else None)
        self.reload()

    def reload(self) -> MemberEducation:
        e = member_education(self.context.db, self.context.coop_id, self.number)
        self.education = e
        t = current()
        self.heading.setText(ngettext("Education: {hours} in {count} session",
                                      "Education: {hours} in {count} sessions", len(e.lines),
                                      hours=hours_text(e.minutes), count=t.number(len(e.lines))))
        o = e.orientation
        if o.owed:
            self.warning.setText(ngettext(
                "Owes the orientation the bylaws ask of new members: {count} day since joining.",
                "Owes the orientation the bylaws ask of new members: {count} days since joining.",
                o.days or 0, count=t.number(o.days or 0)) + " " + _("({article})", article=o.ref.label(t.language)))
        self.warning.setVisible(o.owed)
        self.table.setRowCount(len(e.lines))
        for row, line in enumerate(e.lines):
            topic = line.topic + (" · " + _("before joining") if line.before_joining else "")
            fill_row(self.table, row, [t.date(line.held_on), _(line.kind.label), topic, hours_text(line.minutes)],
                     line.session_id, right=(HOURS,))
        self.table.setVisible(bool(e.lines))
        return e

    def owes_orientation(self) -> bool:
        return bool(self.education and self.education.orientation.owed)
