"""The member register (조합원 명부) as a PDF file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from coopdesk.documents.members.register import render_register
from coopdesk.domain.members.register import RegisterHeader, RegisterRow
from coopdesk.services.audit import current_mark
from coopdesk.services.capital.balances import balances
from coopdesk.services.coops import get_coop
from coopdesk.services.members.listing import MemberRow, list_members
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.services.table_files import Progress
from coopdesk.store.database import Database


def print_register(db: Database, coop_id: int, path: str | Path, language: str, *,
                   as_of: dt.date | None = None, rows: Sequence[MemberRow] | None = None,
                   progress: Progress | None = None) -> PrintResult:
    """The member register as a PDF at ``path``.

    ``rows`` are the members to print, in order (what the member list shows); without
    them, every member of the co-op by number.  ``as_of`` is the date printed on the
    register and the day the statuses and each member's shares and paid-in capital (the
    ledger's entries dated on or before it) are taken on.
    """
    as_of = as_of or dt.date.today()
    coop = get_coop(db, coop_id)
    members = list_members(db, coop_id, today=as_of) if rows is None else rows
    header = RegisterHeader(
        coop_name=coop.name, main_office=coop.main_office, as_of=as_of,
        member_count=sum(1 for m in members if m.status.is_current), audit_mark=current_mark(db).text(),
    )
    capital = {c.number: (c.shares, c.paid) for c in balances(db, coop_id, as_of=as_of)}
    pdf = render_register(header, _RegisterRows(members, capital), language, progress=progress)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


class _RegisterRows(Sequence[RegisterRow]):
    """Member list rows as register rows, made one at a time as the pages are laid out."""

    def __init__(self, rows: Sequence[MemberRow], capital: dict[int, tuple[int, int]]) -> None:
        self._rows, self._capital = rows, capital

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):  # type: ignore[no-untyped-def, override]
        if isinstance(index, slice):
            return [register_row(r, self._capital.get(r.number, _NONE)) for r in self._rows[index]]
        row = self._rows[index]
        return register_row(row, self._capital.get(row.number, _NONE))


_NONE = (0, 0)


def register_row(m: MemberRow, capital: tuple[int, int] = _NONE) -> RegisterRow:
    """A register row; ``capital``: the member's shares and paid-in won on the register's day."""
    return RegisterRow(number=m.number, name=m.name, member_type=m.member_type, birth_date=m.birth_date,
                       phone=m.phone, address=m.address, joined_on=m.joined_on, left_on=m.left_on,
                       status=m.status, shares=capital[0], paid=capital[1])
