"""The co-op's capital at a glance, at the top of the Capital area."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from coopdesk.i18n import _, current, ngettext
from coopdesk.services.capital.views import CapitalTotals
from coopdesk.ui.capital.texts import largest_text, over_cap_text


@dataclass(frozen=True, slots=True)
class Glance:
    """What the head shows: the totals, and how many members are late with an instalment."""

    totals: CapitalTotals
    overdue_members: int
    overdue_won: int


class CapitalHead(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capital_head")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 4)
        self.values: dict[str, QLabel] = {}
        captions = (("shares", _("Shares subscribed:")), ("paid", _("Paid-in capital:")),
                    ("holders", _("Members holding shares:")), ("overdue", _("Instalments overdue:")),
                    ("largest", _("Largest holding:")))
        for i, (key, caption) in enumerate(captions):
            value = QLabel(self)
            value.setObjectName(f"total_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[key] = value
            row, column = (i // 2, (i % 2) * 2) if key != "largest" else (2, 0)
            grid.addWidget(QLabel(caption, self), row, column)
            grid.addWidget(value, row, column + 1, 1, 3 if key == "largest" else 1)
        self.warning = QLabel(self)
        self.warning.setObjectName("capital_warning")
        self.warning.setStyleSheet("color: #b00020;")
        self.warning.setWordWrap(True)
        self.warning.hide()
        grid.addWidget(self.warning, 3, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def show_glance(self, g: Glance) -> None:
        t, c = current(), g.totals
        self.values["shares"].setText(_("{shares} shares at {price}: {won}", shares=t.number(c.shares),
                                        price=t.money(c.share_price), won=t.money(c.subscribed)))
        self.values["paid"].setText(_("{paid} paid in; {unpaid} unpaid", paid=t.money(c.paid),
                                      unpaid=t.money(c.unpaid)))
        self.values["holders"].setText(_("{holders} (members on the register: {members})", holders=t.number(c.holders),
                                         members=t.number(c.members)))
        self.values["overdue"].setText(
            ngettext("{count} member, {won} in all", "{count} members, {won} in all", g.overdue_members,
                     count=t.number(g.overdue_members), won=t.money(g.overdue_won)) if g.overdue_members
            else _("None"))
        self.values["largest"].setText(largest_text(c.largest))
        warnings = [over_cap_text(o) for o in c.over_cap]
        if c.below_minimum:
            warnings.append(ngettext("{count} member on the register holds fewer shares than the bylaws' minimum.",
                                     "{count} members on the register hold fewer shares than the bylaws' minimum.",
                                     c.below_minimum, count=t.number(c.below_minimum)))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
