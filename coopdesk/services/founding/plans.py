"""The business plan, the income-and-expense budget and the founding expenses: each a simple
table of lines, replaced whole as a form saves it (``domain.founding.plans``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from coopdesk.domain.founding.plans import PlanLine, PlanTable, check_lines
from coopdesk.services import audit
from coopdesk.services.founding.rows import founding_row, open_founding
from coopdesk.services.founding.views import PlanLineView
from coopdesk.store.database import Database
from coopdesk.store.models import FoundingLineRow


def set_lines(db: Database, coop_id: int, kind: PlanTable, lines: Sequence[PlanLine]) -> tuple[PlanLineView, ...]:
    """The table ``kind`` becomes ``lines``, in this order."""
    cleaned = tuple(line.cleaned() for line in lines)
    check_lines(kind, cleaned)
    with db.write() as s:
        open_founding(s, coop_id)
        before = _lines(s, coop_id, kind)
        s.execute(delete(FoundingLineRow).where(FoundingLineRow.coop_id == coop_id, FoundingLineRow.kind == kind))
        s.flush()
        for position, line in enumerate(cleaned, start=1):
            s.add(FoundingLineRow(coop_id=coop_id, kind=kind, position=position, item=line.item,
                                  detail=line.detail, amount=line.amount, public_benefit=line.public_benefit))
        s.flush()
        after = _lines(s, coop_id, kind)
        audit.record(s, coop_id=coop_id, action="founding.lines", entity="founding_line", key=kind.value,
                     before=[_dict(v) for v in before], after=[_dict(v) for v in after])
        return after


def lines_of(db: Database, coop_id: int, kind: PlanTable) -> tuple[PlanLineView, ...]:
    with db.read() as s:
        founding_row(s, coop_id)
        return _lines(s, coop_id, kind)


def all_lines(db: Database, coop_id: int) -> dict[PlanTable, tuple[PlanLineView, ...]]:
    with db.read() as s:
        founding_row(s, coop_id)
        return {kind: _lines(s, coop_id, kind) for kind in PlanTable}


def _lines(s: Session, coop_id: int, kind: PlanTable) -> tuple[PlanLineView, ...]:
    rows = s.execute(select(FoundingLineRow).where(FoundingLineRow.coop_id == coop_id, FoundingLineRow.kind == kind)
                     .order_by(FoundingLineRow.position)).scalars()
    return tuple(PlanLineView(kind, r.position, PlanLine(r.item, r.detail, r.amount, r.public_benefit)) for r in rows)


def _dict(v: PlanLineView) -> dict[str, object]:
    return {"position": v.position, "item": v.line.item, "detail": v.line.detail, "amount": v.line.amount,
            "public_benefit": v.line.public_benefit}
