"""The fiscal year an education report covers, and its exact figures."""

import datetime as dt
from fractions import Fraction

import pytest

from coopdesk.domain.education.report import (
    EducationYear,
    SessionLine,
    TypeLine,
    fiscal_year,
    fiscal_year_of,
    percent,
)
from coopdesk.domain.education.sessions import Organiser, SessionKind

D = dt.date


@pytest.mark.parametrize("start_month, year, first, last", [
    (1, 2026, D(2026, 1, 1), D(2026, 12, 31)),
    (4, 2026, D(2026, 4, 1), D(2027, 3, 31)),
    (3, 2023, D(2023, 3, 1), D(2024, 2, 29)),  # ends on the last day of February of a leap year
    (3, 2022, D(2022, 3, 1), D(2023, 2, 28)),
    (12, 2026, D(2026, 12, 1), D(2027, 11, 30)),
])
def test_a_fiscal_year_is_named_by_the_year_it_starts_in(start_month, year, first, last):
    assert fiscal_year(start_month, year) == (first, last)
    assert fiscal_year_of(start_month, first) == year and fiscal_year_of(start_month, last) == year
    assert fiscal_year_of(start_month, last + dt.timedelta(days=1)) == year + 1


@pytest.mark.parametrize("share, shown", [
    (Fraction(2, 3), "66.7"), (Fraction(1, 8), "12.5"), (Fraction(1, 1), "100.0"), (Fraction(0, 5), "0.0"),
    (Fraction(1, 16), "6.3"),  # 6.25: half up
])
def test_a_share_is_shown_to_one_decimal_rounded_half_up(share, shown):
    assert str(percent(share)) == shown


def test_the_years_totals_add_up_in_whole_minutes():
    sessions = (SessionLine(1, D(2026, 3, 1), SessionKind.ORIENTATION, "a", Organiser.COOP, "", 90, 3, 1),
                SessionLine(2, D(2026, 9, 1), SessionKind.MEMBER_EDUCATION, "b", Organiser.COOP, "", 50, 2, 0))
    year = EducationYear("햇살", 2026, D(2026, 1, 1), D(2026, 12, 31), sessions, (),
                         (TypeLine("소비자", 5, 3, 370), TypeLine(None, 1, 1, 90)), 12, 3)
    assert (year.minutes, year.attendances, year.person_minutes, year.share) == (140, 6, 460, Fraction(1, 4))
    assert EducationYear("햇살", 2026, D(2026, 1, 1), D(2026, 12, 31), (), (), (), 0, 0).share is None
