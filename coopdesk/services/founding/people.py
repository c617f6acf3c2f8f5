"""Founders and consenters (발기인, 설립동의자, Act 15): added, edited, withdrawn, listed.

Each is a ``member`` row at a pre-member standing — a ``CONSENTED`` event, no admission —
so the meetings services find them on the founding meeting's register and nowhere else.
The shares they subscribe go into the capital ledger on the day of their consent, checked
against the bylaws' minimum and maximum; the 30% cap is checked over all the consenters
together (``domain.founding.checks.share_cap_check``), since the first one entered alone
holds every share so far.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coopdesk.domain import law

from coopdesk.domain.capital.checks import require as require_capital
from coopdesk.domain.capital.ledger import EntryKind, check_entry_date, check_positive, schedule
from coopdesk.domain.capital.rules import maximum_check, minimum_check, price_check
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails, check_details
from coopdesk.domain.members.standing import EventKind, MemberEvent
from coopdesk.domain.text import N_
from coopdesk.services import audit
from coopdesk.services.capital import rows as ledger_rows
from coopdesk.services.capital.ledger import reverse
from coopdesk.services.coops import get_coop
from coopdesk.services.education.linking import link_attendance
from coopdesk.services.founding.rows import (
    consenter_row, consenter_rows, current_consenters, founder_ids, founding_view, open_founding, person_views,
    withdrawn,
)
from coopdesk.services.founding.views import FoundingView, PersonInput, PersonView
from coopdesk.services.members.member import record_event_in, take_numbers, type_ids
from coopdesk.store.database import Database
from coopdesk.store.models import (
    AgendaItemRow, CapitalEntryRow, FounderRow, FoundingRow, MeetingRow, Member, MemberEventRow,
)


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def add_consenter(db: Database, coop_id: int, given: PersonInput, today: dt.date | None = None) -> PersonView:
    """A consenter (설립동의자): the consent form handed in on ``consented_on``, the shares subscribed."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    details = _details(given, coop.member_types, today)
    check_positive(given.shares, "shares")
    with db.write() as s:
        row = open_founding(s, coop_id)
        _check_consent_date(s, row, given.consented_on, today)
        ledger_rows.lock_ledger(s, coop_id)
        number = take_numbers(s, coop_id, 1)
        member = Member(coop_id=coop_id, number=number, member_type_id=type_ids(s, coop_id)[details.member_type],
                        name=details.name, birth_date=details.birth_date, phone=details.phone, email=details.email,
                        address=details.address, notes=details.notes, consented_on=given.consented_on)
        s.add(member)
        s.flush()
        s.add(MemberEventRow(member_id=member.id, kind=EventKind.CONSENTED, occurred_on=given.consented_on,
                             note="", recorded_at=dt.datetime.now()))
        if given.founder:
            s.add(FounderRow(member_id=member.id, coop_id=coop_id))
        entry = _subscribe(s, coop_id, member, given.shares, given.consented_on)
        audit.record(s, coop_id=coop_id, action="founding.consenter_add", entity="member", key=number,
                     after={**details.as_dict(), "consented_on": given.consented_on, "shares": given.shares,
                            "founder": given.founder, "entry": entry})
        # the founding course attended before, as a person not yet a member, becomes theirs
        link_attendance(s, coop_id, member.id, number, details.name, details.birth_date, details.phone)
        return person_views(s, coop_id, [member], today)[0]


def add_founder(db: Database, coop_id: int, given: PersonInput, today: dt.date | None = None) -> PersonView:
    """A founder (발기인, Act 15①): a consenter marked as one of the founders."""
    return add_consenter(db, coop_id, replace(given, founder=True), today)


def edit_consenter(db: Database, coop_id: int, number: int, given: PersonInput,
                   today: dt.date | None = None) -> PersonView:
    """New details, consent date, founder mark or more shares.  Fewer shares: reverse the
    subscription in the capital ledger (``capital reverse``) and subscribe again."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    details = _details(given, coop.member_types, today)
    check_positive(given.shares, "shares")
    with db.write() as s:
        row = open_founding(s, coop_id)
        member = _standing_consenter(s, coop_id, number)
        before = _person_dict(s, coop_id, member, today)
        if given.consented_on != member.consented_on:
            _check_consent_date(s, row, given.consented_on, today)
            _check_meeting_not_counted(s, row)
            _move_consent(s, member, given.consented_on)
        member.name, member.birth_date, member.phone = details.name, details.birth_date, details.phone
        member.email, member.address, member.notes = details.email, details.address, details.notes
        member.member_type_id = type_ids(s, coop_id)[details.member_type]
        _mark(s, coop_id, member, given.founder, row)
        held = ledger_rows.holding_of(s, member.id).shares
        if given.shares < held:
            raise Refusal(N_("Number {number} subscribed {held} shares. To subscribe fewer, reverse the "
                             "subscription in the capital ledger and subscribe again."),
                          field="shares", number=number, held=held)
        if given.shares > held:
            ledger_rows.lock_ledger(s, coop_id)
            _subscribe(s, coop_id, member, given.shares - held, max(today, member.consented_on or today))
        s.flush()
        audit.record(s, coop_id=coop_id, action="founding.consenter_edit", entity="member", key=number,
                     before=before, after=_person_dict(s, coop_id, member, today))
        return person_views(s, coop_id, [member], today)[0]


def remove_consenter(db: Database, coop_id: int, number: int, *, on: dt.date, reason: str,
                     today: dt.date | None = None) -> PersonView:
    """Consent withdrawn (설립동의 철회) on ``on``: off the founding meeting's register from that day,
    the founder mark gone, and their ledger entries reversed (money paid is handed back).  The row
    stays, with its history, as every entry of the ledger does."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    with db.all_or_nothing() as joined:
        with joined.write() as s:
            row = open_founding(s, coop_id)
            member = _standing_consenter(s, coop_id, number)
            entries = _live_entries(s, member)
            record_event_in(s, coop_id, member, MemberEvent(EventKind.WITHDRAWN, on, reason.strip()),
                            coop.bylaws.withdrawal_notice_days, today)
            s.execute(delete(FounderRow).where(FounderRow.member_id == member.id))
            if row.representative_id == member.id:
                row.representative_id = None
        for entry in entries:  # payments first: a subscription is reversed once nothing is paid on it
            reverse(joined, coop_id, entry, reason.strip() or _WITHDRAWN_REASON, on=on, today=today)
        with joined.read() as s:
            return person_views(s, coop_id, [consenter_row(s, coop_id, number)], today)[0]


_WITHDRAWN_REASON = "설립동의 철회"


def set_founder(db: Database, coop_id: int, number: int, founder: bool,
                today: dt.date | None = None) -> PersonView:
    today = _today(today)
    with db.write() as s:
        row = open_founding(s, coop_id)
        member = _standing_consenter(s, coop_id, number)
        _mark(s, coop_id, member, founder, row)
        s.flush()
        audit.record(s, coop_id=coop_id, action="founding.founder", entity="member", key=number,
                     after={"founder": founder})
        return person_views(s, coop_id, [member], today)[0]


def set_representative(db: Database, coop_id: int, number: int, today: dt.date | None = None) -> FoundingView:
    """The founders' representative (발기인 대표): signs the notice and the filing and receives the
    capital paid before registration.  One of the founders."""
    today = _today(today)
    with db.write() as s:
        row = open_founding(s, coop_id)
        member = _standing_consenter(s, coop_id, number)
        if member.id not in founder_ids(s, coop_id):
            raise Refusal(N_("The representative is one of the founders: mark {name} as a founder first."),
                          field="number", name=member.name)
        before = row.representative_id
        row.representative_id = member.id
        audit.record(s, coop_id=coop_id, action="founding.representative", entity="founding", key=coop_id,
                     before={"representative_id": before}, after={"representative_id": member.id})
        return founding_view(s, coop_id, today)


def list_consenters(db: Database, coop_id: int, *, founders_only: bool = False, withdrawn_too: bool = False,
                    today: dt.date | None = None) -> list[PersonView]:
    """The founders and consenters, by number (consents withdrawn only if asked)."""
    today = _today(today)
    with db.read() as s:
        members = consenter_rows(s, coop_id) if withdrawn_too else current_consenters(s, coop_id)
        people = person_views(s, coop_id, members, today)
    return [p for p in people if p.founder] if founders_only else people


def get_consenter(db: Database, coop_id: int, number: int, today: dt.date | None = None) -> PersonView:
    with db.read() as s:
        return person_views(s, coop_id, [consenter_row(s, coop_id, number)], _today(today))[0]


# -- helpers ----------------------------------------------------------------------------------------

def _details(given: PersonInput, member_types: tuple[str, ...], today: dt.date) -> MemberDetails:
    details = MemberDetails(given.name, given.member_type, given.birth_date, given.phone, given.email,
                            given.address, given.notes).cleaned()
    check_details(details, member_types, today)
    return details


def _check_consent_date(s: Session, row: FoundingRow, on: dt.date, today: dt.date) -> None:
    """Consents count for the founding meeting when handed in before it opens (Act 15)."""
    check_entry_date(on, today, "consented_on")
    meeting = s.get(MeetingRow, row.meeting_id) if row.meeting_id else None
    if meeting is not None and on > meeting.held_on:
        raise Refusal(N_("A consent counts when it is handed in before the founding meeting of {held_on}. Someone "
                         "who joins later applies for membership once the co-op is registered."),
                      article=law.FOUNDING_QUORUM.ref, field="consented_on", held_on=meeting.held_on)


def _check_meeting_not_counted(s: Session, row: FoundingRow) -> None:
    if row.meeting_id is None:
        return
    closed = s.execute(select(AgendaItemRow.id).where(AgendaItemRow.meeting_id == row.meeting_id,
                                                      AgendaItemRow.closed.is_(True)).limit(1)).scalar()
    if closed is not None:
        raise Refusal(N_("The founding meeting has closed items, counted with its consenters: a consent date "
                         "can no longer change."), field="consented_on")


def _move_consent(s: Session, member: Member, on: dt.date) -> None:
    event = s.execute(select(MemberEventRow).where(MemberEventRow.member_id == member.id,
                                                   MemberEventRow.kind == EventKind.CONSENTED)).scalar_one()
    event.occurred_on = on
    member.consented_on = on


def _standing_consenter(s: Session, coop_id: int, number: int) -> Member:
    member = consenter_row(s, coop_id, number)
    if withdrawn(member):
        raise Refusal(N_("{name} withdrew their consent on {date}."), field="number", name=member.name,
                      date=member.left_on)
    return member


def _mark(s: Session, coop_id: int, member: Member, founder: bool, row: FoundingRow) -> None:
    marked = s.get(FounderRow, member.id) is not None
    if founder and not marked:
        s.add(FounderRow(member_id=member.id, coop_id=coop_id))
    elif not founder and marked:
        if row.representative_id == member.id:
            raise Refusal(N_("{name} represents the founders: name another representative first."),
                          field="founder", name=member.name)
        s.execute(delete(FounderRow).where(FounderRow.member_id == member.id))


def _subscribe(s: Session, coop_id: int, member: Member, shares: int, on: dt.date) -> int:
    """The subscription in the capital ledger (the one record of capital), the whole amount due on
    the day; the bylaws' price, minimum and maximum checked, the cap over everyone elsewhere."""
    bylaws = ledger_rows.bylaws_on(s, coop_id, on)
    held = ledger_rows.holding_of(s, member.id).shares + shares
    require_capital([price_check(bylaws.share_price, bylaws), minimum_check(member.number, held, bylaws),
                     maximum_check(member.number, held, bylaws)])
    plan = schedule(shares, bylaws.share_price, on, allowed=bylaws.instalments_allowed)
    number = ledger_rows.take_numbers(s, coop_id, 1)
    entry = ledger_rows.add_entry(s, coop_id, number, member, EntryKind.SUBSCRIPTION, on, shares, 0,
                                  bylaws.share_price, "설립동의 출자 청약")
    ledger_rows.add_instalments(s, entry, plan)
    return number


def _live_entries(s: Session, member: Member) -> list[int]:
    """The member's entries not yet reversed, payments first, latest first."""
    rows = s.execute(select(CapitalEntryRow).where(CapitalEntryRow.member_id == member.id)).scalars().all()
    reversed_ids = {r.reverses_id for r in rows if r.reverses_id is not None}
    live = [r for r in rows if r.kind is not EntryKind.REVERSAL and r.id not in reversed_ids]
    return [r.number for r in sorted(live, key=lambda r: (r.kind is EntryKind.SUBSCRIPTION, -r.number))]


def _person_dict(s: Session, coop_id: int, member: Member, today: dt.date) -> dict[str, object]:
    p = person_views(s, coop_id, [member], today)[0]
    return {"name": p.name, "member_type": p.member_type, "birth_date": p.birth_date, "phone": p.phone,
            "email": p.email, "address": p.address, "notes": member.notes, "consented_on": p.consented_on,
            "founder": p.founder, "shares": p.shares}

