"""A founding consenter's standing: on the founding meeting's register from the consent, never a
member until admitted on the registration day; a consent withdrawn takes them off."""

import datetime as dt

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.standing import (
    EventKind, MemberEvent, MemberStatus, Standing, changes_register, check_new_event, consenter_on, standing,
)

D = dt.date
CONSENT = MemberEvent(EventKind.CONSENTED, D(2026, 8, 2))


def test_a_consenter_is_not_a_member_until_admitted():
    st = standing([CONSENT], 30)
    assert (st.status_on(D(2026, 8, 1)), st.status_on(D(2026, 8, 2))) == (MemberStatus.APPLICANT,
                                                                         MemberStatus.CONSENTER)
    assert st.pre_member and not st.status_on(D(2026, 9, 5)).is_current and consenter_on(st, D(2026, 9, 5))
    admitted = standing([CONSENT, MemberEvent(EventKind.ADMITTED, D(2026, 10, 15))], 30)
    assert admitted.status_on(D(2026, 10, 15)) is MemberStatus.MEMBER and not admitted.pre_member
    assert consenter_on(admitted, D(2026, 9, 5))  # the founding meeting's register stays as it was
    assert not changes_register(st, admitted, D(2026, 9, 5), consenters=True)


def test_a_consent_is_withdrawn_and_never_given_twice_or_by_a_member():
    st = standing([CONSENT], 30)
    check_new_event(st, MemberEvent(EventKind.WITHDRAWN, D(2026, 8, 30)), D(2026, 11, 1), 30)
    gone = standing([CONSENT, MemberEvent(EventKind.WITHDRAWN, D(2026, 8, 30))], 30)
    assert not consenter_on(gone, D(2026, 9, 5)) and changes_register(st, gone, D(2026, 9, 5), consenters=True)
    with pytest.raises(Refusal, match="already on record"):
        check_new_event(st, CONSENT, D(2026, 11, 1), 30)
    member = standing([MemberEvent(EventKind.ADMITTED, D(2025, 1, 1))], 30)
    with pytest.raises(Refusal, match="not yet a member"):
        check_new_event(member, CONSENT, D(2026, 11, 1), 30)
    with pytest.raises(Refusal, match="before the consent"):
        check_new_event(st, MemberEvent(EventKind.ADMITTED, D(2026, 8, 1)), D(2026, 11, 1), 30)


def test_an_applicant_is_still_an_applicant():
    assert Standing(applied_on=D(2026, 1, 1)).status_on(D(2026, 2, 1)) is MemberStatus.APPLICANT
