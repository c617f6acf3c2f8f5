"""The 7-day meeting notice and the 10-day expulsion notice, counted as LAW.md says."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.notice import (
    check_expulsion_notice, expulsion_notice_on_time, latest_notice_date, notice_days_for, notice_on_time,
)

D = dt.date


def test_a_meeting_on_the_31st_needs_notice_by_the_23rd():
    assert latest_notice_date(D(2026, 3, 31)) == D(2026, 3, 23)
    assert notice_on_time(D(2026, 3, 23), D(2026, 3, 31)).on_time
    late = notice_on_time(D(2026, 3, 24), D(2026, 3, 31))
    assert not late.on_time and late.days_short == 1 and late.latest == D(2026, 3, 23)


@pytest.mark.parametrize("gap, on_time, short", [(8, True, 0), (7, False, 1), (30, True, 0), (1, False, 7), (0, False, 8)])
def test_eight_days_between_is_on_time_seven_is_late(gap, on_time, short):
    meeting = D(2026, 3, 20)
    check = notice_on_time(meeting - dt.timedelta(days=gap), meeting)
    assert check.on_time is on_time and check.days_short == short
    assert (check.warning is None) is on_time
    assert check.ref == law.MEETING_NOTICE_DAYS.ref


def test_the_warning_says_how_late_and_by_when():
    check = notice_on_time(D(2026, 3, 26), D(2026, 3, 31))
    assert check.warning.format(**check.params) == (
        "The notice is 3 day(s) late: the Act asks for 7 days' notice, so it had to go out by 2026-03-23.")


def test_counting_crosses_months_and_leap_days():
    assert latest_notice_date(D(2028, 3, 3)) == D(2028, 2, 24)
    assert latest_notice_date(D(2026, 1, 5)) == D(2025, 12, 28)


def test_a_notice_after_the_meeting_is_refused():
    with pytest.raises(Refusal):
        notice_on_time(D(2026, 4, 1), D(2026, 3, 31))


def test_notice_period_by_kind_of_meeting():
    assert notice_days_for(MeetingKind.ORDINARY_ASSEMBLY) is law.MEETING_NOTICE_DAYS
    assert notice_days_for(MeetingKind.EXTRAORDINARY_ASSEMBLY) is law.MEETING_NOTICE_DAYS
    assert notice_days_for(MeetingKind.FOUNDING) is law.FOUNDING_NOTICE_DAYS
    assert notice_days_for(MeetingKind.BOARD) is None  # the bylaws decide


@pytest.mark.parametrize("told, ok", [(D(2026, 3, 20), True), (D(2026, 3, 21), False), (D(2026, 3, 1), True)])
def test_expulsion_grounds_told_ten_clear_days_before(told, ok):
    meeting = D(2026, 3, 31)  # 10 whole days between: told by the 20th
    assert expulsion_notice_on_time(told, meeting).on_time is ok
    if ok:
        check_expulsion_notice(told, meeting)
    else:
        with pytest.raises(Refusal) as caught:
            check_expulsion_notice(told, meeting)
        assert caught.value.article == law.EXPULSION_NOTICE_DAYS.ref
        assert "2026-03-20" in str(caught.value)


def test_expulsion_without_a_recorded_notice_is_refused():
    with pytest.raises(Refusal) as caught:
        check_expulsion_notice(None, D(2026, 3, 31))
    assert caught.value.field == "told_on"


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))


@given(dates, st.integers(0, 400), st.integers(0, 60))
def test_on_time_exactly_when_enough_whole_days_lie_between(meeting, gap, days):
    notice = meeting - dt.timedelta(days=gap)
    check = notice_on_time(notice, meeting, days)
    # Reference: count the days strictly between, one by one (neither end counts).
    between = sum(1 for k in range(1, gap) if notice < notice + dt.timedelta(days=k) < meeting)
    assert check.on_time is (gap >= 1 and between >= days)
    assert check.days_short == max(0, days + 1 - gap)
    assert notice_on_time(check.latest, meeting, days).on_time
    assert not notice_on_time(check.latest + dt.timedelta(days=1), meeting, days).on_time
