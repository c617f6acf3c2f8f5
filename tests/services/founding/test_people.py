"""Founders and consenters: the founders' count and representative, consents before the meeting,
corrections, a consent withdrawn, the 30% cap over all subscriptions, payments that make nobody
a member before registration.  On SQLite and PostgreSQL."""

import datetime as dt
from dataclasses import replace

import pytest

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding.checks import FoundingRule, Level
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.ledger import ledger_entries, pay
from coopdesk.services.founding.filing import record_filing
from coopdesk.services.founding.people import (
    add_consenter, add_founder, edit_consenter, get_consenter, list_consenters, remove_consenter, set_founder,
    set_representative,
)
from coopdesk.services.founding.start import begin_founding, get_founding
from coopdesk.services.meetings.register import register_of_day
from tests.conftest import TODAY
from tests.services.founding.helpers import HELD, gather, person, prepare_meeting, start

D = dt.date


def levels(db, coop_id):
    return {c.rule: c for c in get_founding(db, coop_id, TODAY).checks}


def test_five_founders_are_needed_and_one_of_them_represents_them(db):
    coop_id = start(db).coop_id
    for n in range(1, 5):
        add_founder(db, coop_id, person(n, founder=True), today=TODAY)
    check = levels(db, coop_id)[FoundingRule.FOUNDERS]
    assert (check.level, check.article, check.english()) == (
        Level.UNMET, law.MIN_FOUNDERS.ref, "4 founders recorded; the Act asks for at least 5.")
    add_consenter(db, coop_id, person(5), today=TODAY)
    with pytest.raises(Refusal, match="one of the founders"):
        set_representative(db, coop_id, 5, today=TODAY)
    set_founder(db, coop_id, 5, True, today=TODAY)
    assert levels(db, coop_id)[FoundingRule.FOUNDERS].level is Level.MET
    assert levels(db, coop_id)[FoundingRule.REPRESENTATIVE].level is Level.UNMET
    set_representative(db, coop_id, 5, today=TODAY)
    assert get_founding(db, coop_id, TODAY).representative == 5
    with pytest.raises(Refusal, match="represents the founders"):
        set_founder(db, coop_id, 5, False, today=TODAY)


def test_a_coop_with_members_is_not_put_into_founding(db, coop):
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.members.member import add_member

    add_member(db, coop.id, MemberDetails("기존조합원", "소비자"), joined_on=D(2025, 2, 1), today=TODAY)
    with pytest.raises(Refusal, match="before it has members"):
        begin_founding(db, coop.id, started_on=D(2026, 8, 1), today=TODAY)


def test_a_consent_counts_only_before_the_founding_meeting(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    with pytest.raises(Refusal, match="before the founding meeting") as exc:
        add_consenter(db, coop_id, replace(person(13), consented_on=HELD + dt.timedelta(days=1)), today=TODAY)
    assert exc.value.article == law.FOUNDING_QUORUM.ref


def test_a_consenter_is_corrected_and_subscribes_more_but_not_fewer(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    changed = edit_consenter(db, coop_id, 8, replace(person(8), phone="010-9999-0008", shares=7), today=TODAY)
    assert (changed.phone, changed.shares, changed.subscribed_won) == ("010-9999-0008", 7, 70_000)
    kinds = [(e.kind.value, e.shares) for e in ledger_entries(db, coop_id, member=8)]
    assert kinds == [("subscription", 5), ("subscription", 2)]  # the ledger keeps both
    with pytest.raises(Refusal, match="reverse the subscription"):
        edit_consenter(db, coop_id, 8, replace(person(8), shares=3), today=TODAY)


def test_a_consent_withdrawn_leaves_the_register_and_the_ledger(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    pay(db, coop_id, 9, 20_000, on=D(2026, 8, 29), today=TODAY)
    gone = remove_consenter(db, coop_id, 9, on=D(2026, 8, 30), reason="이사", today=TODAY)
    assert (gone.status, gone.withdrawn_on, gone.shares, gone.paid_won) == (
        MemberStatus.WITHDRAWN, D(2026, 8, 30), 0, 0)
    assert 9 not in [p.number for p in list_consenters(db, coop_id, today=TODAY)]
    assert 9 in [p.number for p in list_consenters(db, coop_id, withdrawn_too=True, today=TODAY)]
    meeting = get_founding(db, coop_id, TODAY).meeting.id
    assert 9 not in register_of_day(db, coop_id, meeting).names
    assert get_founding(db, coop_id, TODAY).consenters == 11
    with pytest.raises(Refusal, match="withdrew their consent"):
        set_founder(db, coop_id, 9, True, today=TODAY)


def test_a_payment_before_registration_makes_nobody_a_member(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    result = pay(db, coop_id, 8, 50_000, on=D(2026, 8, 29), today=TODAY)
    assert result.joined == ()
    assert get_consenter(db, coop_id, 8, TODAY).status is MemberStatus.CONSENTER


def test_the_30_percent_cap_is_checked_over_all_subscriptions_and_refuses_the_filing(db):
    coop_id = start(db).coop_id
    add_founder(db, coop_id, replace(person(1, founder=True), shares=40), today=TODAY)  # alone: 100%, allowed
    for n in range(2, 8):
        add_founder(db, coop_id, person(n, founder=True), today=TODAY)
    cap = levels(db, coop_id)[FoundingRule.SHARE_CAP]
    assert (cap.level, cap.article) == (Level.UNMET, law.MAX_SHARE_RATIO.ref)  # 40 of 100 shares
    set_representative(db, coop_id, 1, today=TODAY)
    prepare_meeting(db, coop_id)
    with pytest.raises(Refusal) as exc:
        record_filing(db, coop_id, on=D(2026, 9, 10), today=TODAY)
    problems = getattr(exc.value, "problems", (exc.value,))
    assert law.MAX_SHARE_RATIO.ref in {p.article for p in problems}
