"""Creating a co-op: its profile's text and the day its bylaws were adopted are checked before
anything is written, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import Refusal
from coopdesk.services.coops import create_coop, list_coops, validate_profile
from tests.conftest import sample_profile


@pytest.mark.parametrize("changes, field", [
    (dict(name="햇살\x1b마을협동조합"), "name"),
    (dict(name="햇살마을협동조합\x00"), "name"),
    (dict(main_office="서울특별시 \u202e구포마"), "main_office"),
    (dict(member_types=("소비자\x7f", "생산자")), "member_types"),
])
def test_a_profile_with_a_hidden_character_is_refused(db, changes, field):
    for check in (validate_profile, lambda p: create_coop(db, p, adopted_on=dt.date(2025, 1, 1))):
        with pytest.raises(Refusal) as exc:
            check(sample_profile(**changes))
        assert exc.value.field == field
    assert list_coops(db) == []


def test_the_wizard_checks_the_profile_as_it_will_be_stored():
    """A line break typed into the name is a space once stored, not a refusal."""
    validate_profile(sample_profile(name=" 햇살마을\n협동조합 "))


@pytest.mark.parametrize("day", [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(2101, 1, 1)])
def test_the_bylaws_adoption_day_stays_within_1900_to_2100(db, day):
    with pytest.raises(Refusal) as exc:
        create_coop(db, sample_profile(), adopted_on=day)
    assert exc.value.field == "adopted_on"
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM bylaws_version")).scalar() == 0
