"""A co-op whose bylaws ask new members for an orientation, with members who joined at the start
and later, on SQLite and on PostgreSQL."""

import datetime as dt

import pytest

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.education.sessions import Organiser, SessionDetails, SessionKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop
from coopdesk.services.education.sessions import record_session
from coopdesk.services.members.member import add_member
from tests.conftest import TODAY, sample_profile

D = dt.date
FOUNDED = D(2025, 1, 1)


@pytest.fixture
def school(db):
    """Members 1-3 founders (joined 2025-01-10), 4-5 joined in 2026, 6 an applicant; orientation required."""
    coop = create_coop(db, sample_profile(bylaws=BylawsSettings(orientation_required=True)), adopted_on=FOUNDED)
    people = [("김민준", "소비자", D(2025, 1, 10)), ("이서연", "소비자", D(2025, 1, 10)),
              ("박도윤", "생산자", D(2025, 1, 10)), ("최하은", "소비자", D(2026, 2, 1)),
              ("정지우", "생산자", D(2026, 6, 1))]
    for n, (name, kind, joined) in enumerate(people, start=1):
        add_member(db, coop.id, MemberDetails(name, kind, birth_date=D(1980 + n, n, n)), joined_on=joined, today=TODAY)
    add_member(db, coop.id, MemberDetails("강서준", "소비자"), joined_on=None, applied_on=D(2026, 10, 1), today=TODAY)
    return coop


def session(db, coop, kind=SessionKind.ORIENTATION, on=D(2026, 3, 14), start=dt.time(14), end=dt.time(15, 30),
            topic="신규 조합원 교육", organiser=Organiser.COOP):
    return record_session(db, coop.id, SessionDetails(kind, topic, on, start, end, "조합 사무실", "이강사", organiser))
