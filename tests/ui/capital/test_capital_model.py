"""The capital list's model without a window: sorted by any column, searched by name or number,
filtered by what the members owe or hold."""

from __future__ import annotations

from PySide6.QtCore import Qt

from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.views import MemberCapital
from coopdesk.ui.capital.model import NAME, PAID, CapitalTableModel, Show, capital_rows

ROWS = [
    MemberCapital(1, "김민준", MemberStatus.MEMBER, 10, 100_000, 0),
    MemberCapital(2, "이서연", MemberStatus.MEMBER, 5, 20_000, 30_000),
    MemberCapital(3, "박도윤", MemberStatus.WITHDRAWN, 0, 0, 0),
    MemberCapital(12, "김서윤", MemberStatus.APPLICANT, 2, 0, 20_000, awaiting_payment=True),
]


def numbers(model: CapitalTableModel) -> list[int]:
    return [model.row_at(r).number for r in range(model.rowCount())]


def test_sorting_searching_and_filtering(qapp):
    model = CapitalTableModel()
    model.set_rows(capital_rows(ROWS))
    assert numbers(model) == [1, 2, 3, 12]
    model.sort(PAID, Qt.SortOrder.DescendingOrder)
    assert numbers(model) == [1, 2, 12, 3]  # a descending sort reverses the ascending one, ties included
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert numbers(model) == [1, 12, 3, 2]  # 김민준, 김서윤, 박도윤, 이서연
    model.set_search("김")
    assert numbers(model) == [1, 12]
    model.set_search("12")
    assert numbers(model) == [12]
    model.set_search("")
    model.set_show(Show.UNPAID)
    assert numbers(model) == [12, 2]
    model.set_show(Show.AWAITING)
    assert numbers(model) == [12] and model.shown == 1 and model.total == 4
    assert model.data(model.index(0, 2)) == "Applicant, awaiting payment"
