"""After the founding meeting: the filing, the certificate, the handover, the capital paid and
the registration (Act 15, 15의2, 18, 19, 61; a social co-op Act 85, 106).

A general co-op files a report with the city or province (설립신고) and receives its certificate
(신고필증); a social co-op applies for authorisation (설립인가) and receives it.  The founders
then hand the business over to the chair (사무인계, Act 18①), the capital is paid in (Act 18②),
and the co-op is registered at the registry — within 14 days of the capital paid (Act 61①; a
social co-op within 60 days of the authorisation, Act 106①).  It exists from registration
(Act 19①): that day, in one transaction, every consenter becomes a member.

A registration recorded after its deadline is not refused: the registry registered the co-op
on that day whatever the program thinks, and the record must say what happened.  Its check
says it was late, citing the article, on the founding's page and in the result.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from coopdesk.domain.capital.ledger import Holding, check_entry_date
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, check_text
from coopdesk.domain.founding.checks import Level, require
from coopdesk.domain.founding.stage import CERTIFICATE_NUMBER_LENGTH
from coopdesk.domain.members.standing import EventKind, MemberEvent
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.capital.ledger import pay
from coopdesk.services.capital.rows import bylaws_on, holdings
from coopdesk.services.coops import get_coop
from coopdesk.services.founding.rows import (
    current_consenters, filing_checks, founding_dict, founding_view, open_founding,
)
from coopdesk.services.founding.views import AdmittedMember, FoundingView, RegistrationResult
from coopdesk.services.members.member import record_event_in
from coopdesk.store.database import Database
from coopdesk.store.models import FoundingRow, MeetingRow

# Written in the ledger with each payment made before registration (Act 18②).
PAID_TO_REPRESENTATIVE = "설립 전 출자금 납입 (발기인 대표 수령)"


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def record_filing(db: Database, coop_id: int, *, on: dt.date, authority: str | None = None,
                  today: dt.date | None = None) -> FoundingView:
    """The report filed (설립신고) or, for a social co-op, the authorisation applied for (설립인가
    신청): refused, citing the articles, until the founding meeting's checks all pass."""
    today = _today(today)
    check_entry_date(on, today)
    with db.write() as s:
        row = open_founding(s, coop_id)
        meeting = s.get(MeetingRow, row.meeting_id) if row.meeting_id else None
        if meeting is None:
            raise Refusal(N_("Hold the founding meeting first: the filing reports what it decided."),
                          field="meeting")
        _not_before(on, meeting.held_on)
        require(filing_checks(s, coop_id))
        if authority is not None:
            authority = " ".join(authority.split())
            check_text(authority, "authority", NAME_LENGTH)
        return _set(s, coop_id, row, today, "founding.filed", filed_on=on,
                    **({"authority": authority} if authority else {}))


def record_certificate(db: Database, coop_id: int, *, on: dt.date, number: str,
                       today: dt.date | None = None) -> FoundingView:
    """The certificate of report (신고필증) or the authorisation (인가증) received, with its number."""
    today = _today(today)
    check_entry_date(on, today)
    number = " ".join(number.split())
    if not number:
        raise Refusal(N_("Give the number the certificate carries."), field="number")
    check_text(number, "number", CERTIFICATE_NUMBER_LENGTH)
    with db.write() as s:
        row = open_founding(s, coop_id)
        _after(row.filed_on, on, N_("Record the filing first."))
        return _set(s, coop_id, row, today, "founding.certified", certified_on=on, certificate_number=number)


def record_handover(db: Database, coop_id: int, *, on: dt.date, today: dt.date | None = None) -> FoundingView:
    """The founders hand the business over to the chair once the certificate is received (Act 18①)."""
    today = _today(today)
    check_entry_date(on, today)
    with db.write() as s:
        row = open_founding(s, coop_id)
        _after(row.certified_on, on, N_("Record the certificate first: the founders hand the business over once "
                                        "they have it (Act 18)."))
        return _set(s, coop_id, row, today, "founding.handed_over", handed_over_on=on)


def record_capital_paid(db: Database, coop_id: int, *, on: dt.date, today: dt.date | None = None) -> FoundingView:
    """The capital paid in (Act 18②): every consenter's unpaid subscription is paid in the ledger on
    ``on`` — to the founders' representative, before registration — and nobody becomes a member by
    it: they all do on the registration day."""
    today = _today(today)
    check_entry_date(on, today)
    with db.all_or_nothing() as joined:
        with joined.read() as s:
            row = open_founding(s, coop_id)
            _after(row.certified_on, on, N_("Record the certificate first: the capital is paid once it is "
                                            "received (Act 18)."))
            if row.capital_paid_on is not None:
                raise Refusal(N_("The capital was recorded as paid on {date}."), field="on", date=row.capital_paid_on)
            price = bylaws_on(s, coop_id, on).share_price
            held = holdings(s, coop_id)
            owed = [(m.number, held.get(m.id, Holding()).unpaid(price)) for m in current_consenters(s, coop_id)]
        for number, unpaid in owed:
            if unpaid > 0:
                pay(joined, coop_id, number, unpaid, on=on, note=PAID_TO_REPRESENTATIVE, today=today)
        with joined.write() as s:
            return _set(s, coop_id, founding_row_of(s, coop_id), today, "founding.capital_paid", capital_paid_on=on)


def record_registration(db: Database, coop_id: int, *, on: dt.date,
                        today: dt.date | None = None) -> RegistrationResult:
    """The registration at the registry (설립등기): the co-op exists from this day (Act 19①).  In one
    transaction every consenter is admitted as a member on ``on``, their subscriptions and payments
    staying in the ledger as they are; the founding record stays as the co-op's first chapter."""
    today = _today(today)
    check_entry_date(on, today)
    coop = get_coop(db, coop_id)
    with db.write() as s:
        row = open_founding(s, coop_id)
        _after(row.capital_paid_on, on, N_("Record the capital paid first: the co-op is registered once it is "
                                           "paid in (Act 61)."))
        _after(row.handed_over_on, on, N_("Record the handover to the chair first (Act 18)."))
        price = bylaws_on(s, coop_id, on).share_price
        held = holdings(s, coop_id)
        admitted = []
        for m in current_consenters(s, coop_id):
            record_event_in(s, coop_id, m, MemberEvent(EventKind.ADMITTED, on, "설립등기"),
                            coop.bylaws.withdrawal_notice_days, today)
            h = held.get(m.id, Holding())
            admitted.append(AdmittedMember(m.number, m.name, h.shares, min(h.paid, h.subscribed_won(price))))
        view = _set(s, coop_id, row, today, "founding.registered", registered_on=on)
        return RegistrationResult(view, tuple(admitted))


def founding_row_of(s: Session, coop_id: int) -> FoundingRow:
    return open_founding(s, coop_id)


def _set(s: Session, coop_id: int, row: FoundingRow, today: dt.date, action: str,
         **values: object) -> FoundingView:
    before = founding_dict(row)
    for key, value in values.items():
        setattr(row, key, value)
    s.flush()
    audit.record(s, coop_id=coop_id, action=action, entity="founding", key=coop_id, before=before,
                 after=founding_dict(row))
    return founding_view(s, coop_id, today)


def _after(earlier: dt.date | None, on: dt.date, missing: str) -> None:
    if earlier is None:
        raise Refusal(missing, field="on")
    _not_before(on, earlier)


def _not_before(on: dt.date, earlier: dt.date) -> None:
    """The steps of a founding follow one another: none is dated before the step it follows."""
    if on < earlier:
        raise Refusal(N_("This date, {date}, is before {earlier}, the date of the step it follows."), field="on",
                      date=on, earlier=earlier)


__all__ = ["Level", "record_capital_paid", "record_certificate", "record_filing", "record_handover",
           "record_registration"]
