"""A co-op of 10 members for the capital tests, and a general assembly to pass resolutions at."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.agenda import ItemInput, add_item
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.members.member import add_member
from tests.conftest import TODAY, sample_profile

D = dt.date
JOINED = D(2025, 1, 2)
HELD = D(2026, 3, 28)  # the ordinary assembly of 2026


@pytest.fixture
def bylaws() -> BylawsSettings:
    return BylawsSettings(instalments_allowed=True, dividends_as_capital=True, refund_less_losses=True)


@pytest.fixture
def coop(db, bylaws):
    """10 members (numbers 1 to 10) joined on 2025-01-02, with no capital yet."""
    info = create_coop(db, sample_profile(bylaws=bylaws), adopted_on=D(2025, 1, 1))
    for n in range(1, 11):
        add_member(db, info.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=JOINED, today=TODAY)
    return info


def found(db, coop, members=range(1, 11), shares=10, paid=True):
    """The members' subscriptions entered together, and paid in full the next day."""
    subscribe_many(db, coop.id, [NewSubscription(n, shares, JOINED) for n in members], today=TODAY)
    if paid:
        for n in members:
            pay(db, coop.id, n, shares * coop.bylaws.share_price, on=JOINED + dt.timedelta(days=1), today=TODAY)


def resolution(db, coop, subject=Subject.OTHER, kind=ResolutionKind.ORDINARY, yes=10, present=range(1, 11),
               held=HELD, meeting=None):
    """An item of a general assembly held on ``held``, voted and closed; its id."""
    if meeting is None:
        meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "정기총회", held)).id
        for n in present:
            check_in(db, coop.id, meeting, n)
    item = add_item(db, coop.id, meeting, ItemInput(subject, "안건", kind))
    record_counts(db, coop.id, item.id, yes, len(present) - yes, 0)
    close_item(db, coop.id, item.id)
    return item.id


def sql(db, statement, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(statement), params).all()
