"""The founders and consenters' table model, without a window: columns, roles in words, the
number of a row, and the rows kept in the order given."""

import datetime as dt

from coopdesk import i18n
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.founding.views import PersonView
from coopdesk.ui.founding.people_model import (
    NAME,
    NUMBER_ROLE,
    PAID,
    ROLE,
    SHARES,
    PeopleModel,
)


def person(number: int, founder: bool, representative: bool = False) -> PersonView:
    return PersonView(number, f"동의자{number:02d}", "소비자", None, "", "", "", dt.date(2026, 8, 2), founder,
                      representative, 10, 100_000, 50_000, MemberStatus.CONSENTER)


def test_the_model_shows_each_person_with_their_role_and_shares():
    i18n.set_language("ko")
    try:
        model = PeopleModel()
        model.set_people([person(1, True, True), person(2, True), person(3, False)])
        assert model.rowCount() == 3 and model.columnCount() == 7
        assert [model.data(model.index(r, ROLE)) for r in range(3)] == ["발기인(대표)", "발기인", "설립동의자"]
        assert model.data(model.index(2, NAME)) == "동의자03" and model.data(model.index(2, NAME), NUMBER_ROLE) == 3
        assert (model.data(model.index(0, SHARES)), model.data(model.index(0, PAID))) == ("10", "50,000원")
        assert model.row_of(2) == 1 and model.row_of(9) == -1
    finally:
        i18n.set_language("en")


def test_each_column_sorts_by_its_value_not_its_words():
    from PySide6.QtCore import Qt

    from coopdesk.ui.founding.people_model import CONSENTED, NUMBER, TYPE

    def who(number, name, kind, consented, shares, paid, founder=False, representative=False):
        return PersonView(number, name, kind, None, "", "", "", consented, founder, representative, shares,
                          shares * 10_000, paid, MemberStatus.CONSENTER)

    i18n.set_language("ko")
    try:
        model = PeopleModel()
        model.set_people([who(1, "하은", "소비자", dt.date(2026, 10, 1), 9, 90_000, founder=True),
                          who(2, "가람", "생산자", dt.date(2026, 8, 15), 100, 0),
                          who(3, "나래", "소비자", dt.date(2026, 9, 1), 10, 1_000_000, True, True),
                          who(4, "가람", "소비자", dt.date(2026, 9, 1), 10, 50_000)])

        def order(column, descending=False):
            model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
            return [p.number for p in model.people]

        assert order(NAME) == [2, 4, 3, 1]  # 가나다, ties by number
        assert order(NAME, descending=True) == [1, 3, 2, 4]  # ties still by number
        assert order(ROLE) == [3, 1, 2, 4]  # the representative, the founders, the consenters
        assert order(TYPE) == [2, 1, 3, 4]  # 생산자 before 소비자
        # "2026. 10. 1." would sort before "2026. 8. 15." as words; as dates it comes last
        assert order(CONSENTED) == [2, 3, 4, 1]
        assert order(SHARES) == [1, 3, 4, 2]  # 9, 10, 10, 100 — not "10" < "100" < "9"
        assert order(PAID, descending=True) == [3, 1, 4, 2]  # 1,000,000 before 90,000
        assert model.data(model.index(0, NAME)) == "나래" and model.row_of(3) == 0
        model.set_people(list(reversed(model.people)))  # new data keeps the order chosen
        assert [p.number for p in model.people] == [3, 1, 4, 2]
        assert order(NUMBER) == [1, 2, 3, 4]
    finally:
        i18n.set_language("en")
