"""The member register: adding, editing, reading and listing members, and their events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy import exists, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import check_date
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import Register, rules_for
from coopdesk.domain.members.details import MemberDetails, check_details
from coopdesk.domain.members.standing import (
    EventKind,
    MemberEvent,
    MemberStatus,
    ResolutionRef,
    Standing,
    changes_register,
    check_new_event,
    standing,
)
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator, current
from coopdesk.services import audit
from coopdesk.services.coops import get_coop
from coopdesk.services.education.linking import link_attendance
from coopdesk.store.bulk import insert_many
from coopdesk.store.database import Database
from coopdesk.store.models import (
    AgendaItemRow,
    CheckInRow,
    Coop,
    FoundingRow,
    MeetingRow,
    Member,
    MemberEventRow,
    MemberType,
    ProxyRow,
)


@dataclass(frozen=True, slots=True)
class MemberView:
    number: int
    details: MemberDetails
    status: MemberStatus
    standing: Standing
    events: tuple[MemberEvent, ...]
    version: int = 1  # as read: give it back when saving a change (``edit_member(version=…)``)

    @property
    def name(self) -> str:
        return self.details.name


def event_note(event: MemberEvent, t: Translator | None = None) -> str:
    """What the history says of an event: its note, or the resolution that decided it, in
    ``t``'s language (default: the screen's)."""
    t = t or current()
    if event.resolution is None:
        return event.note
    said = t.gettext("Expelled by resolution of the meeting of {date}, item {item}.",
                     date=t.date(event.resolution.held_on), item=t.number(event.resolution.item))
    return f"{said} {event.note}".strip()


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def type_ids(s: Session, coop_id: int) -> dict[str, int]:
    rows = s.execute(select(MemberType.name, MemberType.id).where(MemberType.coop_id == coop_id))
    return dict(rows.all())


def take_numbers(s: Session, coop_id: int, count: int) -> int:
    """Reserve ``count`` member numbers; numbers are never given out twice."""
    first = s.execute(
        update(Coop).where(Coop.id == coop_id)
        .values(next_member_number=Coop.next_member_number + count)
        .returning(Coop.next_member_number)
    ).scalar_one() - count
    return first


def check_dates(joined_on: dt.date | None, applied_on: dt.date | None, today: dt.date) -> None:
    if joined_on is None and applied_on is None:
        raise Refusal(N_("Give the joining date, or the date of the application."), field="joined_on")
    check_date(joined_on, "joined_on")
    check_date(applied_on, "applied_on")
    # A member is added once the board has admitted them (or their application has come in),
    # as every event is recorded once it has happened (``domain.members.standing``): a date
    # ahead is a typing mistake, and would count them on a register before they are on it.
    for value, message in ((joined_on, _JOINED_AHEAD), (applied_on, _APPLIED_AHEAD)):
        if value is not None and value > today:
            raise Refusal(message[0], field=message[1], date=value, today=today)
    if joined_on and applied_on and joined_on < applied_on:
        raise Refusal(N_("Admission cannot come before the application."), field="joined_on")


_JOINED_AHEAD = (N_("The joining date {date} is after today ({today}): a member is added once they have been "
                    "admitted. Check the date, or add the member on the day of the admission."), "joined_on")
_APPLIED_AHEAD = (N_("The date of the application, {date}, is after today ({today}): an application is "
                     "recorded once it has come in. Check the date."), "applied_on")


def first_events(joined_on: dt.date | None, applied_on: dt.date | None) -> list[MemberEvent]:
    events = []
    if applied_on is not None:
        events.append(MemberEvent(EventKind.APPLIED, applied_on))
    if joined_on is not None:
        events.append(MemberEvent(EventKind.ADMITTED, joined_on))
    return events


def add_member(db: Database, coop_id: int, details: MemberDetails, *, joined_on: dt.date | None,
               applied_on: dt.date | None = None, today: dt.date | None = None) -> MemberView:
    """A new member on the register, with the next member number."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    details = details.cleaned()
    check_details(details, coop.member_types, today)
    check_dates(joined_on, applied_on, today)
    events = first_events(joined_on, applied_on)
    s_ = standing(events, coop.bylaws.withdrawal_notice_days)
    with db.write() as s:
        check_not_in_founding(s, coop_id, coop.name)
        number = take_numbers(s, coop_id, 1)
        member = Member(coop_id=coop_id, number=number, member_type_id=type_ids(s, coop_id)[details.member_type],
                        **_detail_columns(details), **standing_columns(s_))
        s.add(member)
        s.flush()
        now = dt.datetime.now()
        for e in events:
            s.add(MemberEventRow(member_id=member.id, kind=e.kind, occurred_on=e.on, note=e.note, recorded_at=now))
        audit.record(s, coop_id=coop_id, action="member.add", entity="member", key=number,
                     after={**details.as_dict(), "events": [_event_dict(e) for e in events]})
        # sessions attended before joining, as a person not yet a member, become the member's
        link_attendance(s, coop_id, member.id, number, details.name, details.birth_date, details.phone)
    return get_member(db, coop_id, number, today=today)


IN_FOUNDING = N_("{coop} is still being founded and has no members until it is registered. Until then "
                  "people join as consenters (Founding page, or \u201ccoopdesk founding consenter add\u201d) and "
                  "become members on the day of registration.")


CONSENT_IN_FOUNDING = N_("{coop} is still being founded: its consenters are not members yet. A consenter who "
                         "drops out withdraws their consent on the Founding page (or \u201ccoopdesk founding "
                         "consenter remove\u201d), which also reverses their subscription.")


def check_not_in_founding(s: Session, coop_id: int, coop_name: str, message: str = IN_FOUNDING) -> None:
    """No one joins or leaves a co-op in founding by hand: it exists only from its registration
    (Act 19①), on which day every consenter becomes a member (``services.founding.filing``)."""
    founding = s.execute(select(FoundingRow.registered_on).where(FoundingRow.coop_id == coop_id)).first()
    if founding is not None and founding.registered_on is None:
        raise Refusal(message, article=law.FOUNDED_BY_REGISTRATION.ref, field="coop", coop=coop_name)


CHANGED_MEANWHILE = N_("Member {number} was changed meanwhile, in another window or by another command. "
                       "Reload the member and make your change again.")


def edit_member(db: Database, coop_id: int, number: int, details: MemberDetails,
                today: dt.date | None = None, *, version: int | None = None,
                only: Collection[str] | None = None) -> MemberView:
    """New details for a member: only the fields that differ are written.

    ``version`` is the one a form read: if the member changed since, the save is refused, not
    lost.  ``only`` names the fields a command was asked to change: the others are left as they
    are now, whatever the command read before."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    details = details.cleaned()
    check_details(details, coop.member_types, today)
    with _unless_changed(number), db.write() as s:
        member = member_row(s, coop_id, number)
        if version is not None and member.version != version:
            raise Refusal(CHANGED_MEANWHILE, field="number", number=number)
        before = _details_of(s, member)
        if only is not None:
            details = replace(before, **{name: getattr(details, name) for name in only})
            check_details(details, coop.member_types, today)
        changed = {name for name, value in details.as_dict().items() if getattr(before, name) != value}
        if not changed:
            return get_member(db, coop_id, number, today=today)
        if "member_type" in changed:
            member.member_type_id = type_ids(s, coop_id)[details.member_type]
        for key, value in _detail_columns(details).items():
            if key in changed:
                setattr(member, key, value)
        audit.record(s, coop_id=coop_id, action="member.edit", entity="member", key=number,
                     before=before.as_dict(), after=details.as_dict())
    return get_member(db, coop_id, number, today=today)


@contextmanager
def _unless_changed(number: int) -> Iterator[None]:
    """The row was updated by someone else between our read and our write (the version moved)."""
    try:
        yield
    except StaleDataError as exc:
        raise Refusal(CHANGED_MEANWHILE, field="number", number=number) from exc


def record_event(db: Database, coop_id: int, number: int, kind: EventKind, on: dt.date, note: str = "",
                 today: dt.date | None = None) -> MemberView:
    """Admission, withdrawal notice, withdrawal or death; the status follows from it."""
    today = _today(today)
    coop = get_coop(db, coop_id)
    event = MemberEvent(kind, on, note.strip())
    with db.write() as s:
        # A consenter becomes a member by the registration, and drops out by withdrawing the consent.
        check_not_in_founding(s, coop_id, coop.name,
                               IN_FOUNDING if kind is EventKind.ADMITTED else CONSENT_IN_FOUNDING)
        member = member_row(s, coop_id, number)
        record_event_in(s, coop_id, member, event, coop.bylaws.withdrawal_notice_days, today)
    return get_member(db, coop_id, number, today=today)


def record_event_in(s: Session, coop_id: int, member: Member, event: MemberEvent, notice_days: int,
                    today: dt.date) -> tuple[Standing, Standing]:
    """``record_event`` in the caller's transaction (a payment that makes an applicant a member
    records their admission with it); returns the standing before and after."""
    events = member_events(s, member.id)
    current = standing(events, notice_days)
    check_new_event(current, event, today, notice_days)
    after = standing([*events, event], notice_days)
    _check_counted_meetings(s, coop_id, current, after, event.on)
    _check_attending(s, coop_id, member, current, after, event.on)
    s.add(MemberEventRow(member_id=member.id, kind=event.kind, occurred_on=event.on, note=event.note,
                         recorded_at=dt.datetime.now()))
    for key, value in standing_columns(after).items():
        setattr(member, key, value)
    audit.record(s, coop_id=coop_id, action=f"member.{event.kind.value}", entity="member", key=member.number,
                 before={"status": current.status_on(today)}, after={**_event_dict(event),
                                                                     "status": after.status_on(today)})
    return current, after


# Meetings whose register is the members (assemblies, the founding meeting), not the directors.
_MEMBERS_MEETINGS = tuple(k for k in MeetingKind if rules_for(k).register is not Register.DIRECTORS)


def _of_consenters(kind: MeetingKind) -> bool:
    return rules_for(kind).register is Register.CONSENTERS


def _check_counted_meetings(s: Session, coop_id: int, before: Standing, after: Standing, on: dt.date) -> None:
    """Refuse an event that would change who was on the register of a meeting already counted.

    A closed item froze the register of its meeting's day with its result; an event dated on
    or before that day that puts the member on it or takes them off would make the register
    and that frozen record disagree.  An integrity rule of the program, not of the Act."""
    counted = exists().where(AgendaItemRow.meeting_id == MeetingRow.id, AgendaItemRow.closed.is_(True))
    meetings = s.execute(select(MeetingRow.held_on, MeetingRow.title, MeetingRow.kind)
                         .where(MeetingRow.coop_id == coop_id, MeetingRow.held_on >= on,
                                MeetingRow.kind.in_(_MEMBERS_MEETINGS), counted)
                         .order_by(MeetingRow.held_on.desc(), MeetingRow.id.desc())).all()
    for held_on, title, kind in meetings:  # the latest first: a date after it clears them all
        if changes_register(before, after, held_on, consenters=_of_consenters(kind)):
            raise Refusal(
                N_("The meeting of {held_on} (\u201c{title}\u201d) has closed items, counted with the register "
                   "of that day; an event dated {date} would change whether this member was on it. Check the "
                   "date. If it is right, record the event dated after that meeting and write the real date "
                   "in the note."),
                field="on", held_on=held_on, title=title, date=on)


def _check_attending(s: Session, coop_id: int, member: Member, before: Standing, after: Standing,
                     on: dt.date) -> None:
    """Refuse an event that would take off a meeting's register a member who is in its room (here,
    or represented or holding a proxy): the room counts them without reading the register again
    (``services.meetings.room``), so it must never hold someone who is not on it."""
    here = exists().where(CheckInRow.meeting_id == MeetingRow.id, CheckInRow.member_id == member.id,
                          CheckInRow.out_at.is_(None))
    proxy = exists().where(ProxyRow.meeting_id == MeetingRow.id, ProxyRow.revoked_at.is_(None),
                           or_(ProxyRow.principal_id == member.id, ProxyRow.holder_member_id == member.id))
    meetings = s.execute(select(MeetingRow.held_on, MeetingRow.title, MeetingRow.kind)
                         .where(MeetingRow.coop_id == coop_id, MeetingRow.held_on >= on, or_(here, proxy))
                         .order_by(MeetingRow.held_on.desc(), MeetingRow.id.desc())).all()
    for held_on, title, kind in meetings:
        if changes_register(before, after, held_on, consenters=_of_consenters(kind)):
            raise Refusal(
                N_("Member {number} is in the room of the meeting of {held_on} (\u201c{title}\u201d), in person "
                   "or by proxy; an event dated {date} would take them off its register. Check the date. If it "
                   "is right, check them out of that meeting first."),
                field="on", number=member.number, held_on=held_on, title=title, date=on)


def get_member(db: Database, coop_id: int, number: int, today: dt.date | None = None) -> MemberView:
    today = _today(today)
    coop = get_coop(db, coop_id)
    with db.read() as s:
        member = member_row(s, coop_id, number)
        events = member_events(s, member.id)
        details = _details_of(s, member)
        version = member.version
    st = standing(events, coop.bylaws.withdrawal_notice_days)
    return MemberView(number, details, st.status_on(today), st, tuple(events), version)


def member_row(s: Session, coop_id: int, number: int, field: str = "number") -> Member:
    """The member with this number, or a refusal that names ``field`` as the input at fault."""
    member = s.execute(select(Member).where(Member.coop_id == coop_id, Member.number == number)).scalar()
    if member is None:
        raise Refusal(N_("There is no member number {number}."), field=field, number=number)
    return member


def member_events(s: Session, member_id: int) -> list[MemberEvent]:
    """The member's events in order, each with the resolution it came from (an expulsion)."""
    rows = s.execute(select(MemberEventRow.kind, MemberEventRow.occurred_on, MemberEventRow.note,
                            MeetingRow.held_on, AgendaItemRow.position)
                     .outerjoin(AgendaItemRow, AgendaItemRow.id == MemberEventRow.by_item_id)
                     .outerjoin(MeetingRow, MeetingRow.id == AgendaItemRow.meeting_id)
                     .where(MemberEventRow.member_id == member_id)
                     .order_by(MemberEventRow.occurred_on, MemberEventRow.id)).all()
    return [MemberEvent(kind, on, note, ResolutionRef(held_on, position) if held_on else None)
            for kind, on, note, held_on, position in rows]


def record_resolved_event(s: Session, member: Member, event: MemberEvent, notice_days: int,
                          by_item_id: int) -> tuple[Standing, Standing]:
    """An event a passed resolution decided (an expulsion), in the caller's transaction.

    ``domain.members.check_new_event`` refuses an EXPELLED event by design (a secretary cannot
    expel by hand); the resolution is the authority here (Act 25①).  Returns the standing
    before and after."""
    events = member_events(s, member.id)
    before = standing(events, notice_days)
    s.add(MemberEventRow(member_id=member.id, kind=event.kind, occurred_on=event.on, note=event.note,
                         by_item_id=by_item_id, recorded_at=dt.datetime.now()))
    after = standing([*events, event], notice_days)
    for key, value in standing_columns(after).items():
        setattr(member, key, value)
    return before, after


def _details_of(s: Session, m: Member) -> MemberDetails:
    type_name = s.get(MemberType, m.member_type_id).name  # type: ignore[union-attr]
    return MemberDetails(name=m.name, member_type=type_name, birth_date=m.birth_date, phone=m.phone,
                         email=m.email, address=m.address, notes=m.notes, privacy_consent_on=m.privacy_consent_on)


def _detail_columns(d: MemberDetails) -> dict[str, object]:
    return {"name": d.name, "birth_date": d.birth_date, "phone": d.phone, "email": d.email,
            "address": d.address, "notes": d.notes, "privacy_consent_on": d.privacy_consent_on}


def standing_columns(st: Standing) -> dict[str, object]:
    return {"applied_on": st.applied_on, "joined_on": st.joined_on, "notice_on": st.notice_on,
            "leaves_on": st.leaves_on, "left_on": st.left_on, "left_as": st.left_as,
            "consented_on": st.consented_on}


def _event_dict(e: MemberEvent) -> dict[str, object]:
    return {"kind": e.kind, "on": e.on, "note": e.note}



@dataclass(frozen=True, slots=True)
class NewMember:
    """One member to add in bulk (an import or the demo); already checked."""

    details: MemberDetails
    joined_on: dt.date | None
    applied_on: dt.date | None = None


def add_members_in(s: Session, coop_id: int, entries: list[NewMember], withdrawal_notice_days: int,
                   action: str) -> tuple[int, int]:
    """Insert many members in the caller's transaction, with one audit entry.

    At 100,000 rows (an import, the demo) the time goes into per-row Python work, so
    rows are plain tuples written with the driver's executemany, each standing is
    folded once per distinct pair of dates, and the audit entry gets its dates as text.
    Returns the first and last member numbers given.
    """
    if not entries:
        return (0, 0)
    first = take_numbers(s, coop_id, len(entries))
    last = first + len(entries) - 1
    ids = type_ids(s, coop_id)
    standings: dict[tuple[dt.date | None, dt.date | None], tuple[object, ...]] = {}

    def standing_of(e: NewMember) -> tuple[object, ...]:
        key = (e.joined_on, e.applied_on)
        found = standings.get(key)
        if found is None:
            st = standing(first_events(e.joined_on, e.applied_on), withdrawal_notice_days)
            found = standings[key] = tuple(standing_columns(st).values())
        return found

    insert_many(s.connection(), Member.__table__, (*_BULK_MEMBER, *standing_columns(Standing())), [
        (coop_id, number, ids[d.member_type], d.name, d.birth_date, d.phone, d.email, d.address, d.notes,
         d.privacy_consent_on, *standing_of(e))
        for number, e in enumerate(entries, start=first) for d in (e.details,)])
    id_of = dict(s.execute(select(Member.number, Member.id).where(
        Member.coop_id == coop_id, Member.number >= first)).all())
    now = dt.datetime.now()
    insert_many(s.connection(), MemberEventRow.__table__, ("member_id", "kind", "occurred_on", "note", "recorded_at"), [
        (id_of[number], ev.kind, ev.on, "", now)
        for number, e in enumerate(entries, start=first) for ev in first_events(e.joined_on, e.applied_on)])
    iso = _iso
    audit.record(s, coop_id=coop_id, action=action, entity="member", key=f"{first}-{last}",
                 after=[{"number": number, "name": d.name, "member_type": d.member_type,
                         "birth_date": iso(d.birth_date), "phone": d.phone, "email": d.email,
                         "address": d.address, "notes": d.notes, "privacy_consent_on": iso(d.privacy_consent_on),
                         "joined_on": iso(e.joined_on),
                         "applied_on": iso(e.applied_on)}
                        for number, e in enumerate(entries, start=first) for d in (e.details,)])
    return first, last


_BULK_MEMBER = ("coop_id", "number", "member_type_id", "name", "birth_date", "phone", "email", "address", "notes",
                "privacy_consent_on")


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()

