"""A consent withdrawn (설립동의 철회): the dialog says what will happen before OK does it.

One service call (``services.founding.people.remove_consenter``); a refusal stays in the dialog,
with its article, and nothing is changed (``SaveDialog``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from coopdesk.i18n import _, current
from coopdesk.services.founding.views import PersonView
from coopdesk.ui.context import CoopContext
from coopdesk.ui.save_dialog import SaveDialog
from coopdesk.ui.widgets.fields import date_edit, from_qdate


def consequences(p: PersonView) -> list[str]:
    """What withdrawing ``p``'s consent does, one sentence each, as the service does it."""
    t = current()
    said = [_("From that day they are off the founding meeting's register and do not count for its quorum.")]
    if p.representative:
        said.append(_("They no longer represent the founders, nor are they one of them: name another "
                      "representative."))
    elif p.founder:
        said.append(_("They are no longer one of the founders."))
    if p.shares:
        said.append(_("Their subscription of {shares} shares ({amount}) is reversed in the capital ledger.",
                      shares=t.number(p.shares), amount=t.money(p.subscribed_won)))
    if p.paid_won:
        said.append(_("The {paid} they paid in is reversed too: hand the money back to them.",
                      paid=t.money(p.paid_won)))
    said.append(_("Their row and the ledger's entries stay on record with the day and the reason. This cannot "
                  "be undone: to count them again, add them as a new consenter."))
    return said


class WithdrawDialog(SaveDialog):
    """Withdraw ``person``'s consent on a day, for a reason."""

    def __init__(self, context: CoopContext, person: PersonView, parent: QWidget | None = None) -> None:
        from coopdesk.ui.meetings.widgets import WrappedLabel, heading

        super().__init__(parent)
        self.setObjectName("founding_withdraw_dialog")
        self.setWindowTitle(_("Withdraw consent"))
        self.context, self.person = context, person
        self.day = date_edit(dt.date.today(), self)
        self.reason = QLineEdit("", self)
        self.reason.setPlaceholderText(_("e.g. moved away"))
        self.what = WrappedLabel("\n".join(f"\u2022 {line}" for line in consequences(person)), self)
        self.what.setObjectName("withdraw_consequences")
        form = QFormLayout()
        form.addRow(heading(_("{name} (no. {number}) withdraws their consent to the founding (설립동의 철회).",
                              name=person.name, number=person.number), self))
        form.addRow(self.what)
        form.addRow(_("Withdrawn on:"), self.errors.wrap("on", self.day))
        form.addRow(_("Reason:"), self.errors.wrap("note", self.reason))
        self.lay_out(form, 520)
        self.ok_button.setText(_("Withdraw consent"))

    def save(self) -> Any:
        from coopdesk.services.founding.people import remove_consenter

        return remove_consenter(self.context.db, self.context.coop_id, self.person.number,
                                on=from_qdate(self.day.date()), reason=self.reason.text())
