"""A member who gave notice of withdrawal and died before it took effect left by death
(당연탈퇴), even when the death is recorded after the notice's day has passed."""

import datetime as dt

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.standing import EventKind, MemberEvent, MemberStatus, check_new_event, standing

D = dt.date
NOTICE_DAYS = 90
EVENTS = [MemberEvent(EventKind.ADMITTED, D(2024, 1, 10)), MemberEvent(EventKind.WITHDRAWAL_NOTICE, D(2026, 6, 1))]
LEAVES = D(2026, 6, 1) + dt.timedelta(days=NOTICE_DAYS)  # 2026-08-30
TODAY = D(2026, 11, 21)  # after the notice took effect


def test_a_death_before_the_notice_took_effect_is_accepted_and_is_the_reason_for_leaving():
    current = standing(EVENTS, NOTICE_DAYS)
    assert current.status_on(TODAY) is MemberStatus.WITHDRAWN
    died = MemberEvent(EventKind.DECEASED, D(2026, 7, 15))
    check_new_event(current, died, TODAY, NOTICE_DAYS)  # not "already left"
    after = standing([*EVENTS, died], NOTICE_DAYS)
    assert (after.left_on, after.left_as) == (D(2026, 7, 15), EventKind.DECEASED)
    assert after.status_on(D(2026, 7, 14)) is MemberStatus.WITHDRAWING
    assert after.status_on(D(2026, 7, 15)) is MemberStatus.DECEASED
    assert after.status_on(TODAY) is MemberStatus.DECEASED


@pytest.mark.parametrize("on", [LEAVES, D(2026, 10, 1)])
def test_a_death_on_or_after_the_day_the_withdrawal_took_effect_is_still_refused(on):
    with pytest.raises(Refusal, match="already left"):
        check_new_event(standing(EVENTS, NOTICE_DAYS), MemberEvent(EventKind.DECEASED, on), TODAY, NOTICE_DAYS)


def test_a_withdrawal_dated_before_the_notice_took_effect_is_still_refused_once_it_has():
    with pytest.raises(Refusal, match="already left"):
        check_new_event(standing(EVENTS, NOTICE_DAYS), MemberEvent(EventKind.WITHDRAWN, D(2026, 7, 15)), TODAY,
                        NOTICE_DAYS)
