"""Reading a founding: its row, its people and the view the services return."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopdesk.domain.capital.ledger import Holding
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding import checks as fc
from coopdesk.domain.founding.checks import FoundingCheck
from coopdesk.domain.founding.plans import PlanTable, public_benefit_share, PlanLine
from coopdesk.domain.founding.stage import FoundingDates, stage_of
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.meetings.snapshot import FrozenResult
from coopdesk.domain.members.standing import Standing
from coopdesk.domain.text import N_
from coopdesk.services.capital.rows import bylaws_on, holdings
from coopdesk.services.founding.views import CourseLink, FoundingView, MeetingLink, NoticeView, PersonView
from coopdesk.store.models import (
    AgendaItemRow, Coop, EducationSessionRow, FounderRow, FoundingLineRow, FoundingRow, MeetingRow, Member,
    MemberType, MinuteSignerRow,
)

NOT_FOUNDING = N_("This co-op is not being founded in CoopDesk: start its founding first.")
REGISTERED = N_("The co-op was registered on {date}: its founding is closed. Its members are on the member "
                "register now.")


def founding_row(s: Session, coop_id: int) -> FoundingRow:
    row = s.execute(select(FoundingRow).where(FoundingRow.coop_id == coop_id)).scalar()
    if row is None:
        raise Refusal(NOT_FOUNDING, field="coop")
    return row


def open_founding(s: Session, coop_id: int) -> FoundingRow:
    """The founding row of a co-op not yet registered: what every change before registration asks."""
    row = founding_row(s, coop_id)
    if row.registered_on is not None:
        raise Refusal(REGISTERED, field="coop", date=row.registered_on)
    return row


def consenter_rows(s: Session, coop_id: int) -> list[Member]:
    """Every member row that consented to the founding (withdrawn consents included), by number."""
    return list(s.execute(select(Member).where(Member.coop_id == coop_id, Member.consented_on.is_not(None))
                          .order_by(Member.number)).scalars())


def consenter_row(s: Session, coop_id: int, number: int, field: str = "number") -> Member:
    m = s.execute(select(Member).where(Member.coop_id == coop_id, Member.number == number)).scalar()
    if m is None or m.consented_on is None:
        raise Refusal(N_("There is no founding consenter number {number}."), field=field, number=number)
    return m


def standing_of(m: Member) -> Standing:
    return Standing(m.applied_on, m.joined_on, m.notice_on, m.leaves_on, m.left_on, m.left_as, m.consented_on)


def withdrawn(m: Member) -> bool:
    return m.left_on is not None and m.joined_on is None


def founder_ids(s: Session, coop_id: int) -> set[int]:
    return set(s.execute(select(FounderRow.member_id).where(FounderRow.coop_id == coop_id)).scalars())


def person_views(s: Session, coop_id: int, members: list[Member], today: dt.date) -> list[PersonView]:
    row = founding_row(s, coop_id)
    price = bylaws_on(s, coop_id, today).share_price
    held = holdings(s, coop_id)
    founders = founder_ids(s, coop_id)
    types = dict(s.execute(select(MemberType.id, MemberType.name).where(MemberType.coop_id == coop_id)).all())
    return [_person(m, types[m.member_type_id], m.id in founders, row.representative_id == m.id,
                    held.get(m.id, Holding()), price, today) for m in members]


def _person(m: Member, member_type: str, founder: bool, representative: bool, h: Holding, price: int,
            today: dt.date) -> PersonView:
    st = standing_of(m)
    status = st.status_on(max(today, m.consented_on or today))
    return PersonView(m.number, m.name, member_type, m.birth_date, m.phone, m.email, m.address, m.consented_on,
                      founder, representative, h.shares, h.subscribed_won(price), h.paid, status,
                      m.left_on if withdrawn(m) else None)


def current_consenters(s: Session, coop_id: int) -> list[Member]:
    """Consenters whose consent stands (not withdrawn)."""
    return [m for m in consenter_rows(s, coop_id) if not withdrawn(m)]


def founding_view(s: Session, coop_id: int, today: dt.date) -> FoundingView:
    row = founding_row(s, coop_id)
    coop = s.get(Coop, coop_id)
    assert coop is not None
    people = current_consenters(s, coop_id)
    founders = founder_ids(s, coop_id)
    price = bylaws_on(s, coop_id, today).share_price
    held = holdings(s, coop_id)
    shares = sum(held.get(m.id, Holding()).shares for m in people)
    paid = sum(held.get(m.id, Holding()).paid for m in people)
    meeting = s.get(MeetingRow, row.meeting_id) if row.meeting_id else None
    course = s.get(EducationSessionRow, row.course_id) if row.course_id else None
    dates = FoundingDates(row.notice_on, _held_on(s, meeting), row.filed_on, row.certified_on, row.handed_over_on,
                          row.capital_paid_on, row.registered_on)
    checks = founding_checks(s, coop, row, people, founders, meeting, course)
    return FoundingView(
        coop_id, coop.name, coop.kind, row.started_on, row.ministry, row.authority, stage_of(dates), dates,
        row.certificate_number, NoticeView(row.notice_on, row.notice_place, row.qualifications),
        MeetingLink(meeting.id, meeting.title, meeting.held_on, meeting.place) if meeting else None,
        CourseLink(course.id, course.topic, course.held_on) if course else None,
        _number_of(s, row.representative_id), sum(1 for m in people if m.id in founders), len(people), shares,
        shares * price, paid, checks, deadline(coop.kind, row, today))


def _held_on(s: Session, meeting: MeetingRow | None) -> dt.date | None:
    """The founding meeting's day, once it was held: an item of it closed."""
    if meeting is None:
        return None
    closed = s.execute(select(func.count()).select_from(AgendaItemRow)
                       .where(AgendaItemRow.meeting_id == meeting.id, AgendaItemRow.closed.is_(True))).scalar_one()
    return meeting.held_on if closed else None


def _number_of(s: Session, member_id: int | None) -> int | None:
    if member_id is None:
        return None
    return s.execute(select(Member.number).where(Member.id == member_id)).scalar()


def deadline(kind: CoopKind, row: FoundingRow, today: dt.date) -> FoundingCheck | None:
    """Registration against its deadline: from the capital paid (general, Act 61①) or the
    authorisation (social, Act 106①); as recorded once registered, else as of today."""
    social = kind is CoopKind.SOCIAL
    start = row.certified_on if social else row.capital_paid_on
    return fc.registration_check(social=social, start=start, on=row.registered_on or today)


def filing_checks(s: Session, coop_id: int) -> tuple[FoundingCheck, ...]:
    """Every check the filing needs met: the founding meeting's, what it decided and who signed."""
    row = founding_row(s, coop_id)
    coop = s.get(Coop, coop_id)
    assert coop is not None
    meeting = s.get(MeetingRow, row.meeting_id) if row.meeting_id else None
    course = s.get(EducationSessionRow, row.course_id) if row.course_id else None
    return founding_checks(s, coop, row, current_consenters(s, coop_id), founder_ids(s, coop_id), meeting, course,
                           held=True)


def founding_checks(s: Session, coop: Coop, row: FoundingRow, people: list[Member], founders: set[int],
                    meeting: MeetingRow | None, course: EducationSessionRow | None, *,
                    held: bool = False) -> tuple[FoundingCheck, ...]:
    """The founding meeting's checks, and a social co-op's own; what it decided once it was held
    (an item closed) or ``held`` (the filing asks)."""
    held_on = meeting.held_on if meeting else None
    items = _items(s, meeting)
    checks = [fc.founders_check(sum(1 for m in people if m.id in founders)),
              fc.representative_check(_name_of(people, row.representative_id)),
              fc.notice_check(row.notice_on, held_on),
              fc.notice_contents_check(place=row.notice_place, held_on=held_on,
                                       meeting_place=meeting.place if meeting else "",
                                       qualifications=row.qualifications, matters=[i.subject for i in items]),
              fc.matters_check([i.subject for i in items]),
              fc.course_check(course.held_on if course else None, held_on),
              _cap(s, coop.id, people)]
    if held or any(i.closed for i in items):  # once the meeting is held: what it decided, and who signs
        checks += [fc.matters_passed_check(_passed(items)), fc.signers_check(_signers(s, meeting))]
    if coop.kind is CoopKind.SOCIAL:
        types = s.execute(select(MemberType.name).where(MemberType.id.in_({m.member_type_id for m in people}))
                          ).scalars().all() if people else []
        plan = tuple(PlanLine(r.item, r.detail, r.amount, r.public_benefit) for r in s.execute(
            select(FoundingLineRow).where(FoundingLineRow.coop_id == coop.id,
                                          FoundingLineRow.kind == PlanTable.BUSINESS_PLAN)).scalars())
        checks += [fc.stakeholders_check(types), fc.public_benefit_check(*public_benefit_share(plan))]
    return tuple(checks)


def _cap(s: Session, coop_id: int, people: list[Member]) -> FoundingCheck:
    held = holdings(s, coop_id)
    shares = [(m.number, held.get(m.id, Holding()).shares) for m in people]
    total = sum(n for _, n in shares)
    largest = max(shares, key=lambda x: x[1], default=(0, 0))
    return fc.share_cap_check(largest[0], largest[1], total)


def _name_of(people: list[Member], member_id: int | None) -> str | None:
    return next((m.name for m in people if m.id == member_id), None)


def _items(s: Session, meeting: MeetingRow | None) -> list[AgendaItemRow]:
    if meeting is None:
        return []
    return list(s.execute(select(AgendaItemRow).where(AgendaItemRow.meeting_id == meeting.id)
                          .order_by(AgendaItemRow.position)).scalars())


def _passed(items: list[AgendaItemRow]) -> set[Subject]:
    return {i.subject for i in items if i.closed and FrozenResult.from_json(i.result or {}).passed}


def _signers(s: Session, meeting: MeetingRow | None) -> int:
    if meeting is None:
        return 0
    return s.execute(select(func.count()).select_from(MinuteSignerRow)
                     .where(MinuteSignerRow.meeting_id == meeting.id)).scalar_one()


def founding_dict(row: FoundingRow) -> dict[str, object]:
    return {"started_on": row.started_on, "ministry": row.ministry, "authority": row.authority,
            "representative_id": row.representative_id, "meeting_id": row.meeting_id, "course_id": row.course_id,
            "notice_on": row.notice_on, "notice_place": row.notice_place, "qualifications": row.qualifications,
            "filed_on": row.filed_on, "certified_on": row.certified_on,
            "certificate_number": row.certificate_number, "capital_paid_on": row.capital_paid_on,
            "handed_over_on": row.handed_over_on, "registered_on": row.registered_on}
