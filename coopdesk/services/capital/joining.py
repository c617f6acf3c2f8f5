"""Membership follows payment: the payment that completes the bylaws' condition makes an
admitted applicant a member, on its day (``domain.capital.membership``), recorded as the
register's admission event in the same transaction as the payment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.orm import Session

from coopdesk.domain.capital.ledger import Holding, Instalment
from coopdesk.domain.capital.membership import Joining, joining
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberEvent
from coopdesk.services.capital.rows import live_instalments, standing_of
from coopdesk.services.capital.views import EntryResult
from coopdesk.services.members.member import MemberView, add_member, record_event_in
from coopdesk.store.database import Database
from coopdesk.store.models import Member


def joining_of(s: Session, m: Member, bylaws: BylawsSettings, h: Holding) -> Joining | None:
    """The bylaws' condition for an applicant with holding ``h`` (None: not an applicant waiting)."""
    st = standing_of(m)
    # a founding consenter pays before registration and becomes a member on its day, not on payment
    if st.joined_on is not None or st.left_on is not None or st.pre_member or h.shares <= 0:
        return None
    due = live_instalments(s, m.id)
    first = due[0].amount if due else 0
    return joining(bylaws.membership_starts, h.paid, h.subscribed_won(bylaws.share_price), first)


def after_payment(s: Session, coop_id: int, m: Member, bylaws: BylawsSettings, h: Holding, on: dt.date,
                  today: dt.date) -> tuple[int, dt.date] | None:
    """Admit the applicant if this payment (dated ``on``) completes the condition; (number, day) if so."""
    condition = joining_of(s, m, bylaws, h)
    if condition is None or not condition.joins:
        return None
    record_event_in(s, coop_id, m, MemberEvent(EventKind.ADMITTED, on), bylaws.withdrawal_notice_days, today)
    return m.number, on


def add_applicant_with_subscription(db: Database, coop_id: int, details: MemberDetails, *, applied_on: dt.date,
                                    shares: int, subscribed_on: dt.date | None = None,
                                    instalments: Sequence[Instalment] = (), paid: int = 0,
                                    paid_on: dt.date | None = None, today: dt.date | None = None
                                    ) -> tuple[MemberView, EntryResult]:
    """*Add member* with a subscription: an applicant admitted with ``shares`` subscribed (on
    ``subscribed_on``, default the application day), who becomes a member when the payment
    the bylaws ask is made — at once, if ``paid`` on ``paid_on`` already completes it.  One
    transaction: a refused subscription or payment adds no one."""
    from coopdesk.services.capital.ledger import pay, subscribe
    from coopdesk.services.members.member import get_member

    today = today or dt.date.today()
    with db.all_or_nothing() as joined:
        member = add_member(joined, coop_id, details, joined_on=None, applied_on=applied_on, today=today)
        result = subscribe(joined, coop_id, member.number, shares, on=subscribed_on or applied_on,
                           instalments=instalments, today=today)
        if paid:
            payment = pay(joined, coop_id, member.number, paid, on=paid_on or today, today=today)
            result = EntryResult(result.entries + payment.entries, payment.holdings, result.checks + payment.checks,
                                 payment.joined)
        member = get_member(joined, coop_id, member.number, today=today)
    return member, result
