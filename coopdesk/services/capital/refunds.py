"""Refunds to members who have left (지분환급), their withholding, and the claims open.

A refund takes all of the leaver's shares and paid-in capital off the books in one entry,
records the losses they bear and any equity paid beyond the capital, and cites the special
resolution that approved it.  See ``domain.capital.refunds`` for the law.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from coopdesk.domain.capital.checks import require
from coopdesk.domain.capital.ledger import EntryKind, check_entry_date, check_note
from coopdesk.domain.capital.refunds import (
    HoldKind, RefundAmount, amount_checks, refund_window, resolution_check, timing_checks, withheld_check,
)
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_text
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.capital.ledger import over_cap, result_of
from coopdesk.services.capital.rows import (
    add_entry, bylaws_on, entry_dict, holding_of, holdings, left_on, lock_ledger, resolution_seen, standing_of,
    take_numbers,
)
from coopdesk.services.capital.views import EntryResult, RefundClaim
from coopdesk.services.coops import get_coop
from coopdesk.services.members.member import member_row
from coopdesk.store.database import Database
from coopdesk.store.models import CapitalHoldRow, Member


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def refund(db: Database, coop_id: int, member: int, *, on: dt.date, item_id: int | None, loss_share: int = 0,
           equity_extra: int = 0, note: str = "", today: dt.date | None = None) -> EntryResult:
    """The refund of a leaver's capital, on ``on``, as the special resolution ``item_id`` approved."""
    today = _today(today)
    check_entry_date(on, today)
    check_note(note)
    if loss_share < 0 or equity_extra < 0:
        raise Refusal(N_("An amount cannot be less than 0 won."), field="loss_share")
    coop = get_coop(db, coop_id)
    with db.write() as s:
        lock_ledger(s, coop_id)
        m = member_row(s, coop_id, member, field="member")
        left = left_on(standing_of(m), on)
        if left is None:
            raise Refusal(N_("Member {number} has not left the co-op: only a member who has left is refunded."),
                          field="member", number=member)
        h = holding_of(s, m.id)
        if h.shares <= 0 and h.paid <= 0:
            raise Refusal(N_("Member {number} holds no capital to refund."), field="member", number=member)
        bylaws = bylaws_on(s, coop_id, on)
        amount = RefundAmount(h.paid, loss_share, equity_extra)
        window = refund_window(left, coop.fiscal_year_start_month)
        checks = [*timing_checks(window, on), withheld_check(withheld_since(s, m.id)),
                  resolution_check(resolution_seen(s, coop_id, item_id), left),
                  *amount_checks(amount, coop.kind, bylaws.refund_less_losses)]
        require(checks)
        row = add_entry(s, coop_id, take_numbers(s, coop_id, 1), m, EntryKind.REFUND, on, -h.shares, -h.paid,
                        bylaws.share_price, note, item_id=item_id, loss_share=loss_share, equity_extra=equity_extra)
        audit.record(s, coop_id=coop_id, action="capital.refund", entity="capital_entry", key=row.number,
                     after={**entry_dict(row, member), "cash": amount.cash, "left_on": left})
        return result_of(s, coop_id, [row], [m], checks, today, over_cap=over_cap(s, coop_id))


# -- withholding (환급 정지, Act 26③) ------------------------------------------------------------------

def withhold_refund(db: Database, coop_id: int, member: int, *, on: dt.date, reason: str,
                    today: dt.date | None = None) -> RefundClaim:
    """Record that the co-op withholds the leaver's refund while they owe it money (say what they owe)."""
    return _hold(db, coop_id, member, HoldKind.WITHHOLD, on, reason, _today(today))


def release_refund(db: Database, coop_id: int, member: int, *, on: dt.date, reason: str = "",
                   today: dt.date | None = None) -> RefundClaim:
    """The member's debts are paid: the refund is no longer withheld."""
    return _hold(db, coop_id, member, HoldKind.RELEASE, on, reason, _today(today))


def _hold(db: Database, coop_id: int, member: int, kind: HoldKind, on: dt.date, reason: str,
          today: dt.date) -> RefundClaim:
    check_entry_date(on, today)
    reason = reason.strip()
    check_text(reason, "reason", NOTE_LENGTH, multiline=True)
    if kind is HoldKind.WITHHOLD and not reason:
        raise Refusal(N_("Say what the member owes the co-op: the reason the refund is withheld."), field="reason")
    with db.write() as s:
        m = member_row(s, coop_id, member, field="member")
        since = withheld_since(s, m.id)
        if kind is HoldKind.WITHHOLD and since is not None:
            raise Refusal(N_("This member's refund is already withheld, since {date}."), field="member", date=since)
        if kind is HoldKind.RELEASE and since is None:
            raise Refusal(N_("This member's refund is not withheld."), field="member")
        if kind is HoldKind.RELEASE and since is not None and on < since:
            raise Refusal(N_("A release cannot be dated before the withholding on {date}."), field="on", date=since)
        s.add(CapitalHoldRow(coop_id=coop_id, member_id=m.id, kind=kind, hold_on=on, reason=reason,
                             recorded_at=dt.datetime.now()))
        action = "capital.refund.withhold" if kind is HoldKind.WITHHOLD else "capital.refund.release"
        audit.record(s, coop_id=coop_id, action=action, entity="member", key=member, after={"on": on, "reason": reason})
    return refund_claim(db, coop_id, member, today)


def withheld_since(s: Session, member_id: int) -> dt.date | None:
    """The day the refund was withheld, if the last record withholds it."""
    last = s.execute(select(CapitalHoldRow.kind, CapitalHoldRow.hold_on).where(CapitalHoldRow.member_id == member_id)
                     .order_by(CapitalHoldRow.id.desc()).limit(1)).first()
    return last[1] if last is not None and last[0] is HoldKind.WITHHOLD else None


# -- claims -------------------------------------------------------------------------------------------

def refund_claims(db: Database, coop_id: int, today: dt.date | None = None) -> list[RefundClaim]:
    """Every member who has left and still holds capital: when they may claim, when the claim
    lapses, and whether it is withheld, by member number."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    with db.read() as s:
        held = holdings(s, coop_id)
        leavers = s.execute(select(Member).where(Member.coop_id == coop_id,
                                                 or_(Member.left_on.is_not(None), Member.leaves_on <= today))
                            .order_by(Member.number)).scalars().all()
        claims = (_claim(s, m, held[m.id].shares, held[m.id].paid, coop.fiscal_year_start_month, today)
                  for m in leavers if m.id in held)
        return [claim for claim in claims if claim is not None]


def refund_claim(db: Database, coop_id: int, member: int, today: dt.date | None = None) -> RefundClaim:
    today = _today(today)
    coop = get_coop(db, coop_id)
    with db.read() as s:
        m = member_row(s, coop_id, member, field="member")
        h = holding_of(s, m.id)
        claim = _claim(s, m, h.shares, h.paid, coop.fiscal_year_start_month, today)
    if claim is None:
        raise Refusal(N_("Member {number} has not left the co-op, or holds no capital: there is no refund claim."),
                      field="member", number=member)
    return claim


def _claim(s: Session, m: Member, shares: int, paid: int, start_month: int, today: dt.date) -> RefundClaim | None:
    st = standing_of(m)
    left = left_on(st, today)
    if left is None or (shares <= 0 and paid <= 0):
        return None
    window = refund_window(left, start_month)
    return RefundClaim(m.number, m.name, st.status_on(today), window, window.state_on(today), shares, paid,
                       withheld_since(s, m.id), window.days_left(today))
