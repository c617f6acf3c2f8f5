"""The dialogs about shares leaving a member: a transfer to another member (as a general assembly
resolved), the refund of a leaver's capital (지분환급), and withholding or releasing that refund.

A refusal (with its article) is shown in the dialog and nothing is written.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from coopdesk.domain import law
from coopdesk.domain.coop import CoopKind
from coopdesk.i18n import N_, _, current
from coopdesk.services.capital.views import EntryResult, MemberCapital, RefundClaim
from coopdesk.ui.capital.entry_dialogs import _EntryDialog, count_box, note_edit, won_box
from coopdesk.ui.capital.items import ItemChooser
from coopdesk.ui.capital.texts import article, claim_text
from coopdesk.ui.context import CoopContext
from coopdesk.ui.widgets.member_picker import MemberPicker


class TransferDialog(_EntryDialog):
    """Fully paid shares to another member, approved by a closed general-assembly item (Act 21)."""

    def __init__(self, context: CoopContext, member: MemberCapital, parent: QWidget | None = None) -> None:
        super().__init__(context, member, _("Transfer shares"), parent)
        self.setObjectName("transfer_dialog")
        wrap = self.errors.wrap
        self.receiver = MemberPicker(context, self.day, self)
        self.shares = count_box(1, parent=self)
        self.item = ItemChooser(context, closed_only=True, parent=self)
        self.note = note_edit(self)
        self.form.addRow(_("To member:"), wrap("receiver", self.receiver))
        self.form.addRow(_("Shares:"), wrap("shares", self.shares))
        self.form.addRow(_("Date:"), wrap("on", self.on_edit))
        self.form.addRow(_("Approved by:"), wrap("item", self.item))
        self.form.addRow(_("Note:"), wrap("note", self.note))
        hint = QLabel(_("A transfer needs a resolution of a general assembly ({article}): choose the closed item "
                        "that approved it.", article=article(law.SHARE_TRANSFER_NEEDS_RESOLUTION.ref)), self)
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self.lay_out(self.form, min_width=600)

    def save(self) -> EntryResult:
        from coopdesk.domain.errors import Refusal
        from coopdesk.services.capital.ledger import transfer

        receiver = self.receiver.number()
        if receiver is None:
            raise Refusal(N_("Choose the member who receives the shares."), field="receiver")
        return transfer(self.context.db, self.context.coop_id, self.member.number, receiver, self.shares.value(),
                        on=self.day(), item_id=self.item.item_id(), note=self.note.text())


class RefundDialog(_EntryDialog):
    """The refund of a leaver's capital: the claim's state, the special resolution, the loss share."""

    def __init__(self, context: CoopContext, member: MemberCapital, claim: RefundClaim | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, member, _("Refund capital"), parent)
        self.setObjectName("refund_dialog")
        wrap = self.errors.wrap
        coop = context.coop
        state = QLabel(claim_text(claim) if claim else _("This member has not left the co-op."), self)
        state.setObjectName("claim_state")
        state.setWordWrap(True)
        self.form.addRow(_("Claim:"), state)
        self.form.addRow(_("Date:"), wrap("on", self.on_edit))
        self.item = ItemChooser(context, closed_only=True, parent=self)
        self.form.addRow(_("Special resolution:"), wrap("item", self.item))
        self.loss_share = won_box(0, self)
        self.loss_share.setEnabled(coop.bylaws.refund_less_losses)
        self.form.addRow(_("Share of losses kept (won):"), wrap("loss_share", self.loss_share))
        self.equity_extra = won_box(0, self)
        self.equity_extra.setEnabled(coop.kind is not CoopKind.SOCIAL)
        self.form.addRow(_("Equity beyond paid-in capital (won):"), wrap("equity_extra", self.equity_extra))
        self.paid_out = QLabel(self)
        self.paid_out.setObjectName("refund_paid_out")
        self.form.addRow(_("Paid out:"), self.paid_out)
        self.note = note_edit(self)
        self.form.addRow(_("Note:"), wrap("note", self.note))
        hint = QLabel(_("A refund to a member who withdrew or was expelled needs a special resolution of a general "
                        "assembly ({article}).", article=article(law.LEAVER_REFUND_SPECIAL_RESOLUTION.ref)), self)
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        for box in (self.loss_share, self.equity_extra):
            box.valueChanged.connect(self._paid_out)
        self._paid_out()
        self.lay_out(self.form, min_width=600)

    def _paid_out(self) -> None:
        won = self.member.paid - self.loss_share.value() + self.equity_extra.value()
        self.paid_out.setText(current().money(won))

    def save(self) -> EntryResult:
        from coopdesk.services.capital.refunds import refund

        return refund(self.context.db, self.context.coop_id, self.member.number, on=self.day(),
                      item_id=self.item.item_id(), loss_share=self.loss_share.value(),
                      equity_extra=self.equity_extra.value(), note=self.note.text())


class HoldDialog(_EntryDialog):
    """Withhold a leaver's refund while they owe the co-op (Act 26③), or release it."""

    def __init__(self, context: CoopContext, member: MemberCapital, *, withhold: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, member, _("Withhold the refund") if withhold else _("Release the refund"), parent)
        self.setObjectName("hold_dialog")
        self.withhold = withhold
        wrap = self.errors.wrap
        self.reason = note_edit(self)
        self.reason.setPlaceholderText(_("What the member owes") if withhold else _("A note kept with the release"))
        self.form.addRow(_("Date:"), wrap("on", self.on_edit))
        self.form.addRow(_("Reason:"), wrap("reason", self.reason))
        self.lay_out(self.form, min_width=520)

    def save(self) -> RefundClaim:
        from coopdesk.services.capital.refunds import release_refund, withhold_refund

        act = withhold_refund if self.withhold else release_refund
        return act(self.context.db, self.context.coop_id, self.member.number, on=self.day(),
                   reason=self.reason.text())

