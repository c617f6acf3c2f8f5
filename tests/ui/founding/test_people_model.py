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
