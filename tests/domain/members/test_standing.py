"""Status is derived from events and the day it is looked at, never typed in."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.standing import (
    EventKind,
    MemberEvent,
    MemberStatus,
    changes_register,
    check_new_event,
    standing,
)

D = dt.date
JOIN = MemberEvent(EventKind.ADMITTED, D(2024, 3, 1))


@pytest.mark.parametrize(
    "events, day, expected",
    [
        ([MemberEvent(EventKind.APPLIED, D(2024, 2, 1))], D(2024, 2, 2), MemberStatus.APPLICANT),
        ([JOIN], D(2024, 2, 28), MemberStatus.APPLICANT),  # not yet admitted on that day
        ([JOIN], D(2024, 3, 1), MemberStatus.MEMBER),
        ([JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 1, 1))], D(2026, 1, 30), MemberStatus.WITHDRAWING),
        # 30 days' notice from 1 January takes effect on 31 January
        ([JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 1, 1))], D(2026, 1, 31), MemberStatus.WITHDRAWN),
        ([JOIN, MemberEvent(EventKind.DECEASED, D(2025, 5, 5))], D(2025, 5, 5), MemberStatus.DECEASED),
        ([JOIN, MemberEvent(EventKind.EXPELLED, D(2025, 6, 1))], D(2025, 7, 1), MemberStatus.EXPELLED),
        # death during the notice period: deceased, not withdrawn
        ([JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 1, 1)), MemberEvent(EventKind.DECEASED, D(2026, 1, 10))],
         D(2026, 3, 1), MemberStatus.DECEASED),
    ],
)
def test_status_follows_events(events, day, expected):
    assert standing(events, withdrawal_notice_days=30).status_on(day) is expected


def test_notice_period_comes_from_the_bylaws_setting():
    events = [JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 1, 1))]
    assert standing(events, 90).status_on(D(2026, 3, 1)) is MemberStatus.WITHDRAWING
    assert standing(events, 90).status_on(D(2026, 4, 1)) is MemberStatus.WITHDRAWN
    assert standing(events, 0).status_on(D(2026, 1, 1)) is MemberStatus.WITHDRAWN


@given(st.permutations([JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 1, 1)),
                        MemberEvent(EventKind.APPLIED, D(2024, 2, 1))]),
       st.dates(D(2020, 1, 1), D(2030, 1, 1)))
def test_order_of_recording_does_not_change_the_status(events, day):
    assert standing(events, 30).status_on(day) is standing(sorted(events, key=lambda e: e.on), 30).status_on(day)


@given(st.dates(D(2024, 3, 1), D(2030, 1, 1)), st.integers(0, 365))
def test_withdrawal_takes_effect_exactly_after_the_notice_days(notice_day, days):
    s = standing([JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, notice_day)], days)
    effective = notice_day + dt.timedelta(days=days)
    assert s.status_on(effective) is MemberStatus.WITHDRAWN
    if days:
        assert s.status_on(effective - dt.timedelta(days=1)) is MemberStatus.WITHDRAWING


def _check(events, new, today=D(2026, 11, 21)):
    check_new_event(standing(events, 30), new, today, 30)


def test_a_member_who_left_cannot_leave_again():
    with pytest.raises(Refusal, match="already left"):
        _check([JOIN, MemberEvent(EventKind.DECEASED, D(2025, 1, 1))], MemberEvent(EventKind.WITHDRAWN, D(2025, 2, 1)))


def test_leaving_before_joining_is_refused():
    with pytest.raises(Refusal) as exc:
        _check([JOIN], MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2024, 1, 1)))
    assert exc.value.field == "on"


def test_an_applicant_cannot_withdraw_and_cannot_be_admitted_twice():
    with pytest.raises(Refusal):
        _check([MemberEvent(EventKind.APPLIED, D(2024, 1, 1))], MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2024, 2, 1)))
    with pytest.raises(Refusal, match="already admitted"):
        _check([JOIN], MemberEvent(EventKind.ADMITTED, D(2024, 5, 1)))


def test_expulsion_is_not_a_plain_event_and_cites_the_act():
    with pytest.raises(Refusal) as exc:
        _check([JOIN], MemberEvent(EventKind.EXPELLED, D(2025, 1, 1)))
    # the special-resolution list of Act 29②, as the expulsion item of a meeting cites it
    assert exc.value.article is not None and exc.value.article.label("en") == "Act 29②"
    assert exc.value.article.label("ko") == "법 제29조②"


def test_second_withdrawal_notice_is_refused():
    with pytest.raises(Refusal, match="already on record"):
        _check([JOIN, MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 1))],
               MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 5)))


APPLIED = MemberEvent(EventKind.APPLIED, D(2024, 2, 1))


@pytest.mark.parametrize("kind", [EventKind.DECEASED, EventKind.WITHDRAWN, EventKind.WITHDRAWAL_NOTICE])
def test_no_event_is_dated_before_the_admission(kind):
    with pytest.raises(Refusal, match="before the member joined") as exc:
        _check([JOIN], MemberEvent(kind, D(2024, 2, 29)))
    assert (exc.value.field, exc.value.params) == ("on", {"joined": D(2024, 3, 1)})
    _check([JOIN], MemberEvent(kind, D(2024, 3, 1)))  # the same day is fine


def test_an_applicant_s_death_is_not_dated_before_the_application():
    with pytest.raises(Refusal, match="before the application") as exc:
        _check([APPLIED], MemberEvent(EventKind.DECEASED, D(2024, 1, 31)))
    assert exc.value.field == "on"
    _check([APPLIED], MemberEvent(EventKind.DECEASED, D(2024, 2, 1)))


def test_an_application_is_not_dated_after_the_admission():
    with pytest.raises(Refusal, match="after the admission") as exc:
        _check([JOIN], MemberEvent(EventKind.APPLIED, D(2024, 3, 2)))
    assert exc.value.field == "on"
    _check([JOIN], MemberEvent(EventKind.APPLIED, D(2024, 3, 1)))


@pytest.mark.parametrize("kind", [EventKind.ADMITTED, EventKind.WITHDRAWAL_NOTICE, EventKind.WITHDRAWN,
                                  EventKind.DECEASED, EventKind.APPLIED])
def test_no_event_is_dated_after_today(kind):
    events = [APPLIED] if kind is EventKind.ADMITTED else [JOIN] if kind is not EventKind.APPLIED else []
    today = D(2026, 11, 21)
    _check(events, MemberEvent(kind, today), today)
    with pytest.raises(Refusal, match="after today") as exc:
        _check(events, MemberEvent(kind, D(2026, 11, 22)), today)
    assert exc.value.field == "on" and exc.value.params == {"date": D(2026, 11, 22), "today": today}


@pytest.mark.parametrize("day", [D(1, 1, 1), D(1899, 12, 31)])
def test_an_event_in_an_impossible_year_is_refused(day):
    with pytest.raises(Refusal, match="The date of the event must fall between") as exc:
        _check([MemberEvent(EventKind.APPLIED, D(1, 1, 1))], MemberEvent(EventKind.DECEASED, day))
    assert exc.value.field == "on"


def test_an_event_s_note_must_be_printable():
    with pytest.raises(Refusal) as exc:
        _check([JOIN], MemberEvent(EventKind.WITHDRAWN, D(2025, 1, 1), "사유\x00"))
    assert exc.value.field == "note"
    _check([JOIN], MemberEvent(EventKind.WITHDRAWN, D(2025, 1, 1), "이사\n연락처 변경"))


@pytest.mark.parametrize("new, changes", [
    (MemberEvent(EventKind.DECEASED, D(2026, 3, 28)), True),  # on the meeting's day: not on its register
    (MemberEvent(EventKind.DECEASED, D(2026, 3, 29)), False),
    (MemberEvent(EventKind.WITHDRAWN, D(2026, 1, 5)), True),
    (MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 3, 1)), False),  # still withdrawing: still votes
    (MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 2, 26)), True),  # 30 days later, gone by the 28th
])
def test_what_changes_the_register_of_a_meeting_day(new, changes):
    before = standing([JOIN], 30)
    assert changes_register(before, standing([JOIN, new], 30), D(2026, 3, 28)) is changes


def test_an_admission_puts_an_applicant_on_the_register_and_an_application_changes_nothing():
    before = standing([APPLIED], 30)
    assert changes_register(before, standing([APPLIED, MemberEvent(EventKind.ADMITTED, D(2024, 2, 5))], 30),
                            D(2024, 3, 1))
    late = standing([MemberEvent(EventKind.APPLIED, D(2024, 1, 1)), JOIN], 30)
    assert not changes_register(standing([JOIN], 30), late, D(2024, 3, 1))
