"""The fiscal year (회계연도), shared by every area that counts by it.

A fiscal year starts on the first day of the bylaws' start month and is named by the
calendar year it starts in: with a year starting in April, "2026" runs from 1 April 2026 to
31 March 2027.  Because a year always starts on the first of a month, "within N months after
the year ends" is the day before the first of the month N months after the next year starts —
no day-of-month clipping is ever needed, whatever the start month (a year ending on 29 February
included).
"""

from __future__ import annotations

import datetime as dt


def fiscal_year_of(start_month: int, day: dt.date) -> int:
    """The fiscal year ``day`` falls in."""
    return day.year if day.month >= start_month else day.year - 1


def last_ended_fiscal_year(start_month: int, today: dt.date) -> int:
    """The fiscal year that ended last before ``today``: the one whose accounts and surplus the
    next ordinary assembly decides."""
    return fiscal_year_of(start_month, today) - 1


def fiscal_year_start(start_month: int, year: int) -> dt.date:
    return dt.date(year, start_month, 1)


def fiscal_year_end(start_month: int, year: int) -> dt.date:
    return fiscal_year_start(start_month, year + 1) - dt.timedelta(days=1)


def fiscal_year(start_month: int, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of fiscal year ``year`` of a co-op whose year starts in ``start_month``."""
    return fiscal_year_start(start_month, year), fiscal_year_end(start_month, year)


def first_of_month_after(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_after_year_end(start_month: int, year: int, months: int) -> dt.date:
    """The last day of the ``months`` months that follow the end of fiscal year ``year``:
    with a calendar year 2026 and 3 months, 31 March 2027."""
    next_start = fiscal_year_start(start_month, year + 1)
    return first_of_month_after(next_start, months) - dt.timedelta(days=1)
