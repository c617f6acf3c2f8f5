"""Rows of the ledger made into the area's plain values (``views``), inside a transaction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from coopdesk.domain.capital.ledger import Holding, Instalment
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.rows import standing_of
from coopdesk.services.capital.views import EntryView, MemberCapital
from coopdesk.store.models import CapitalEntryRow, CapitalInstalmentRow, Member, SurplusYearRow

_E = aliased(CapitalEntryRow, name="e")
_TARGET = aliased(CapitalEntryRow, name="target")  # the entry a reversal reverses
_REVERSAL = aliased(CapitalEntryRow, name="reversal")  # the entry that reverses this one
_TO = aliased(CapitalEntryRow, name="other_to")  # a transfer's receiver row points at the giver's
_FROM = aliased(CapitalEntryRow, name="other_from")
_TO_MEMBER = aliased(Member, name="to_member")
_FROM_MEMBER = aliased(Member, name="from_member")


def entries_query() -> Select:
    return (select(_E, Member.number, Member.name, _TARGET.number, _REVERSAL.number,
                   func.coalesce(_TO_MEMBER.number, _FROM_MEMBER.number), SurplusYearRow.fiscal_year)
            .join(Member, Member.id == _E.member_id)
            .outerjoin(_TARGET, _TARGET.id == _E.reverses_id)
            .outerjoin(_REVERSAL, _REVERSAL.reverses_id == _E.id)
            .outerjoin(_TO, _TO.id == _E.counterpart_id)
            .outerjoin(_TO_MEMBER, _TO_MEMBER.id == _TO.member_id)
            .outerjoin(_FROM, _FROM.counterpart_id == _E.id)
            .outerjoin(_FROM_MEMBER, _FROM_MEMBER.id == _FROM.member_id)
            .outerjoin(SurplusYearRow, SurplusYearRow.id == _E.surplus_id)
            .order_by(_E.number))


ENTRY = _E  # for callers' conditions: ``entries_query().where(ENTRY.member_id == …)``


def entry_views(s: Session, query: Select) -> list[EntryView]:
    rows = s.execute(query).all()
    plans = _instalments(s, [r[0].id for r in rows])
    return [EntryView(e.number, e.kind, e.entry_on, number, name, e.shares, int(e.amount), e.share_price, e.note,
                      e.recorded_at, target, reversal, other, e.item_id, year, int(e.loss_share),
                      int(e.equity_extra), tuple(plans.get(e.id, ())))
            for e, number, name, target, reversal, other, year in rows]


def _instalments(s: Session, entry_ids: list[int]) -> dict[int, list[Instalment]]:
    found: dict[int, list[Instalment]] = defaultdict(list)
    for start in range(0, len(entry_ids), 900):  # under every database's limit of parameters
        chunk = entry_ids[start:start + 900]
        for entry_id, due, amount in s.execute(
                select(CapitalInstalmentRow.entry_id, CapitalInstalmentRow.due_on, CapitalInstalmentRow.amount)
                .where(CapitalInstalmentRow.entry_id.in_(chunk))
                .order_by(CapitalInstalmentRow.entry_id, CapitalInstalmentRow.position)):
            found[entry_id].append(Instalment(due, int(amount)))
    return found


def member_capital(m: Member, h: Holding, price: int, day: dt.date) -> MemberCapital:
    status = standing_of(m).status_on(day)
    return MemberCapital(m.number, m.name, status, h.shares, h.paid, h.unpaid(price),
                         status is MemberStatus.APPLICANT and h.shares > 0)


def views_of(s: Session, rows: Iterable[CapitalEntryRow]) -> tuple[EntryView, ...]:
    ids = [r.id for r in rows]
    return tuple(entry_views(s, entries_query().where(_E.id.in_(ids)))) if ids else ()
