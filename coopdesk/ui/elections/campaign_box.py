"""The campaign limits of the Act (선거운동의 제한, Act 37), shown from the announcement day.

From the day the election is announced until election day, candidates and members may
campaign only by the means the Act lists; the box says which, and which are forbidden,
with the article.  Before the announcement (or once the election is held) it stays hidden:
there is nothing to limit yet, or any more.  The words come with the ``CampaignRules``
value (the domain's ``campaign_rules()``, passed in by the caller).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from coopdesk.domain.elections.campaign import CampaignRules
from coopdesk.i18n import _, current
from coopdesk.ui.elections.texts import article
from coopdesk.ui.widgets.colours import GREEN, GREY, RED


class CampaignBox(QGroupBox):
    def __init__(self, rules: CampaignRules, announced_on: dt.date | None, today: dt.date,
                 election_day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaign_box")
        self.rules = rules
        self.setTitle(f"{_(rules.heading)} {article(rules.ref)}")
        self.announced = QLabel(self)
        self.announced.setObjectName("campaign_announced")
        self.announced.setStyleSheet(f"color: {GREY};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.announced)
        layout.addWidget(_text(_(rules.allowed_heading), self))
        layout.addWidget(_text(_bullets("✓", rules.allowed), self, GREEN))
        layout.addWidget(_text(_(rules.forbidden_heading), self))
        layout.addWidget(_text(_bullets("✗", rules.forbidden), self, RED))
        layout.addWidget(_text(f"{_(rules.committee)} {article(rules.committee_ref)}", self, GREY))
        self.set_dates(announced_on, today, election_day)

    def set_dates(self, announced_on: dt.date | None, today: dt.date, election_day: dt.date | None = None) -> None:
        """Shown from the announcement day through election day; hidden otherwise."""
        shown = announced_on is not None and announced_on <= today and (election_day is None or today <= election_day)
        self.announced.setText(_("The election was announced on {date}.", date=current().date(announced_on))
                               if announced_on is not None else "")
        self.setVisible(shown)

    @property
    def in_force(self) -> bool:
        """Whether the limits apply today (the box is shown when its parent is)."""
        return not self.isHidden()


def _bullets(mark: str, messages: tuple[str, ...]) -> str:
    return "\n".join(f"  {mark}  {_(m)}" for m in messages)


def _text(text: str, parent: QWidget, colour: str | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if colour is not None:
        label.setStyleSheet(f"color: {colour};")
    return label
