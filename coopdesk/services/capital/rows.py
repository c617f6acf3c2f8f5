"""The ledger's rows inside a transaction: the lock, entry numbers, balances by SQL, new entries.

Shared by every module of the area.  A balance is always a SUM over ``capital_entry``,
never a stored number; the index ``ix_capital_entry_balance`` (co-op, member, shares,
amount) makes the sums of a whole co-op one pass over the index.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from coopdesk.domain.capital.checks import ResolutionSeen
from coopdesk.domain.capital.ledger import EntryKind, Holding, Instalment
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.snapshot import FrozenResult
from coopdesk.domain.members.standing import EventKind, MemberStatus, Standing
from coopdesk.domain.text import N_
from coopdesk.services.coops import bylaws_from_dict, bylaws_in_force
from coopdesk.services.meetings.rows import item_row
from coopdesk.store.models import CapitalAccountRow, CapitalEntryRow, CapitalInstalmentRow, Member, MeetingRow

# -- the lock and the numbers -------------------------------------------------------------------------


def lock_ledger(s: Session, coop_id: int) -> None:
    """Take the co-op's ledger for this transaction, before anything is read.

    On PostgreSQL the row of ``capital_account`` is locked (FOR UPDATE): a second laptop's
    capital write waits here until the first commits, and then reads its entries, so the 30%
    cap is never checked against totals that miss one.  On SQLite the write transaction
    (BEGIN IMMEDIATE) already keeps every other writer out."""
    s.execute(text("INSERT INTO capital_account (coop_id, next_entry_number) VALUES (:coop, 1) "
                   "ON CONFLICT (coop_id) DO NOTHING"), {"coop": coop_id})
    s.execute(select(CapitalAccountRow.next_entry_number).where(CapitalAccountRow.coop_id == coop_id)
              .with_for_update()).scalar_one()


def take_numbers(s: Session, coop_id: int, count: int) -> int:
    """Reserve ``count`` entry numbers (the ledger is numbered 1, 2, 3 … per co-op, without gaps)."""
    last = s.execute(text("UPDATE capital_account SET next_entry_number = next_entry_number + :n "
                          "WHERE coop_id = :coop RETURNING next_entry_number"),
                     {"n": count, "coop": coop_id}).scalar_one()
    return int(last) - count


# -- balances -----------------------------------------------------------------------------------------


def holding_of(s: Session, member_id: int, as_of: dt.date | None = None) -> Holding:
    query = select(func.coalesce(func.sum(CapitalEntryRow.shares), 0),
                   func.coalesce(func.sum(CapitalEntryRow.amount), 0)).where(CapitalEntryRow.member_id == member_id)
    if as_of is not None:
        query = query.where(CapitalEntryRow.entry_on <= as_of)
    shares, paid = s.execute(query).one()
    return Holding(int(shares), int(paid))


def total_shares(s: Session, coop_id: int) -> int:
    return int(s.execute(select(func.coalesce(func.sum(CapitalEntryRow.shares), 0))
                         .where(CapitalEntryRow.coop_id == coop_id)).scalar_one())


def holdings(s: Session, coop_id: int, as_of: dt.date | None = None) -> dict[int, Holding]:
    """Every member's holding, by member id (members with no entries are left out)."""
    query = (select(CapitalEntryRow.member_id, func.sum(CapitalEntryRow.shares), func.sum(CapitalEntryRow.amount))
             .where(CapitalEntryRow.coop_id == coop_id).group_by(CapitalEntryRow.member_id))
    if as_of is not None:
        query = query.where(CapitalEntryRow.entry_on <= as_of)
    return {member: Holding(int(shares), int(paid)) for member, shares, paid in s.execute(query)}


def live_instalments(s: Session, member_id: int) -> list[Instalment]:
    """The instalments of the member's subscriptions that are not reversed, earliest due first."""
    reversal = select(CapitalEntryRow.reverses_id).where(CapitalEntryRow.member_id == member_id,
                                                         CapitalEntryRow.reverses_id.is_not(None))
    rows = s.execute(select(CapitalInstalmentRow.due_on, CapitalInstalmentRow.amount)
                     .join(CapitalEntryRow, CapitalEntryRow.id == CapitalInstalmentRow.entry_id)
                     .where(CapitalEntryRow.member_id == member_id, CapitalEntryRow.id.not_in(reversal))
                     .order_by(CapitalInstalmentRow.due_on, CapitalInstalmentRow.id)).all()
    return [Instalment(due, int(amount)) for due, amount in rows]


def paid_by_payments(s: Session, member_id: int) -> int:
    """Won paid in by payments (and their reversals): what instalments are paid from."""
    payments = select(CapitalEntryRow.id).where(CapitalEntryRow.member_id == member_id,
                                                CapitalEntryRow.kind == EntryKind.PAYMENT)
    return int(s.execute(select(func.coalesce(func.sum(CapitalEntryRow.amount), 0))
                         .where(CapitalEntryRow.member_id == member_id,
                                (CapitalEntryRow.kind == EntryKind.PAYMENT)
                                | CapitalEntryRow.reverses_id.in_(payments))).scalar_one())


# -- members and bylaws -------------------------------------------------------------------------------


def standing_of(m: Member) -> Standing:
    return Standing(m.applied_on, m.joined_on, m.notice_on, m.leaves_on, m.left_on, m.left_as, m.consented_on)


def left_on(st: Standing, day: dt.date) -> dt.date | None:
    """The day the member left the co-op, if they have by ``day``."""
    if st.left_on is not None and st.left_as is not None and st.left_on <= day:
        return st.left_on
    if st.leaves_on is not None and st.leaves_on <= day:
        return st.leaves_on
    return None


LEFT = (MemberStatus.WITHDRAWN, MemberStatus.EXPELLED, MemberStatus.DECEASED)
LEFT_EVENTS = (EventKind.WITHDRAWN, EventKind.EXPELLED, EventKind.DECEASED)


def check_not_left(m: Member, on: dt.date, field: str = "member") -> None:
    """No capital moves to or for a member who has left (or whose withdrawal has taken effect by ``on``)."""
    st = standing_of(m)
    if st.left_on is not None or (st.leaves_on is not None and st.leaves_on <= on):
        raise Refusal(N_("Member {number} has left the co-op: no shares are subscribed, paid or received for them."),
                      field=field, number=m.number)


def bylaws_on(s: Session, coop_id: int, on: dt.date) -> BylawsSettings:
    return bylaws_from_dict(bylaws_in_force(s, coop_id, on).settings)


# -- new rows -----------------------------------------------------------------------------------------


def add_entry(s: Session, coop_id: int, number: int, member: Member, kind: EntryKind, on: dt.date, shares: int,
              amount: int, price: int, note: str = "", **links: object) -> CapitalEntryRow:
    row = CapitalEntryRow(coop_id=coop_id, number=number, member_id=member.id, kind=kind, entry_on=on,
                          shares=shares, amount=amount, share_price=price, note=note.strip(),
                          recorded_at=dt.datetime.now(), **links)
    s.add(row)
    s.flush()
    return row


def add_instalments(s: Session, entry: CapitalEntryRow, instalments: tuple[Instalment, ...]) -> None:
    for position, part in enumerate(instalments, start=1):
        s.add(CapitalInstalmentRow(entry_id=entry.id, position=position, due_on=part.due_on, amount=part.amount))
    s.flush()


def entry_row(s: Session, coop_id: int, number: int, field: str = "entry") -> CapitalEntryRow:
    row = s.execute(select(CapitalEntryRow).where(CapitalEntryRow.coop_id == coop_id,
                                                  CapitalEntryRow.number == number)).scalar()
    if row is None:
        raise Refusal(N_("There is no ledger entry number {number}."), field=field, number=number)
    return row


def entry_dict(row: CapitalEntryRow, member_number: int, **numbers: object) -> dict[str, object]:
    """An entry as the audit log keeps it; ``numbers`` give the entry and member numbers of its links."""
    return {"number": row.number, "kind": row.kind, "on": row.entry_on, "member": member_number,
            "shares": row.shares, "amount": row.amount, "share_price": row.share_price, "note": row.note,
            "item": row.item_id, "loss_share": row.loss_share, "equity_extra": row.equity_extra, **numbers}


def resolution_seen(s: Session, coop_id: int, item_id: int | None) -> ResolutionSeen | None:
    """The agenda item an entry cites, as the rules need to see it (None if none was given)."""
    if item_id is None:
        return None
    item = item_row(s, coop_id, item_id)
    meeting = s.get(MeetingRow, item.meeting_id)
    assert meeting is not None
    passed = bool(item.closed and item.result and FrozenResult.from_json(item.result).passed)
    return ResolutionSeen(item.id, item.position, meeting.held_on, meeting.kind in GENERAL_ASSEMBLIES,
                          item.kind is ResolutionKind.SPECIAL, passed)


GENERAL_ASSEMBLIES = (MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY)
