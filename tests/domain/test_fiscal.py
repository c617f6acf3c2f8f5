"""The fiscal year (회계연도), shared by every area: named by the year it starts in, in any start
month, and "N months after the year ends" always ending on the last day of a month."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain import fiscal
from coopdesk.domain.capital import refunds
from coopdesk.domain.education import report

D = dt.date


@pytest.mark.parametrize("start_month", range(1, 13))
def test_a_fiscal_year_starting_in_any_month_is_twelve_whole_months(start_month):
    first, last = fiscal.fiscal_year(start_month, 2027)
    assert first == D(2027, start_month, 1)
    assert last + dt.timedelta(days=1) == D(2028, start_month, 1)
    assert fiscal.fiscal_year_of(start_month, first) == fiscal.fiscal_year_of(start_month, last) == 2027
    assert fiscal.fiscal_year_of(start_month, first - dt.timedelta(days=1)) == 2026
    assert fiscal.fiscal_year_of(start_month, last + dt.timedelta(days=1)) == 2028


def test_a_year_starting_in_march_ends_on_29_february_of_a_leap_year():
    assert fiscal.fiscal_year(3, 2027) == (D(2027, 3, 1), D(2028, 2, 29))
    assert fiscal.fiscal_year(3, 2026) == (D(2026, 3, 1), D(2027, 2, 28))
    assert fiscal.months_after_year_end(3, 2027, 3) == D(2028, 5, 31)
    assert fiscal.months_after_year_end(12, 2026, 3) == D(2028, 2, 29)  # a year ending 30 November 2027


@pytest.mark.parametrize("months", range(1, 13))
def test_n_months_after_the_year_ends_is_the_last_day_of_a_month(months):
    for start_month in range(1, 13):
        day = fiscal.months_after_year_end(start_month, 2026, months)
        assert (day + dt.timedelta(days=1)).day == 1
        assert day > fiscal.fiscal_year_end(start_month, 2026)


def test_the_old_names_still_answer_alike():
    assert report.fiscal_year is fiscal.fiscal_year and report.fiscal_year_of is fiscal.fiscal_year_of
    assert refunds.fiscal_year_of(D(2026, 2, 1), 3) == fiscal.fiscal_year_of(3, D(2026, 2, 1)) == 2025
    assert refunds.fiscal_year_end(2027, 3) == D(2028, 2, 29)
