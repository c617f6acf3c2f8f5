"""The yearly education report's figures, counted by the database for one fiscal year."""

import datetime as dt
from fractions import Fraction

from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.education.attendees import Guest
from coopdesk.domain.education.report import KindLine, TypeLine
from coopdesk.domain.education.sessions import SessionKind
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.coops import create_coop
from coopdesk.services.education.attendance import add_guest, add_typed
from coopdesk.services.education.report import education_year, sessions_by_year
from coopdesk.services.members.member import record_event
from tests.conftest import TODAY, sample_profile
from tests.services.education.conftest import D, session


def test_a_years_sessions_hours_attendance_by_type_and_share_reached(db, school):
    o = session(db, school, on=D(2026, 3, 14), start=dt.time(14), end=dt.time(15, 30))  # 90 min
    m = session(db, school, kind=SessionKind.MEMBER_EDUCATION, on=D(2026, 9, 1), start=dt.time(19),
                end=dt.time(21), topic="협동조합 원칙")  # 120 min
    last_year = session(db, school, on=D(2025, 12, 31))
    for typed in ("1", "4", "박도윤"):
        add_typed(db, school.id, o.id, typed, today=TODAY)
    for typed in ("1", "5"):
        add_typed(db, school.id, m.id, typed, today=TODAY)
    add_typed(db, school.id, last_year.id, "2", today=TODAY)  # another year: not counted
    add_guest(db, school.id, o.id, Guest("홍길동", D(1990, 1, 1)), today=TODAY)
    add_guest(db, school.id, m.id, Guest("홍 길동", D(1990, 1, 1)), today=TODAY)  # the same person again
    record_event(db, school.id, 5, EventKind.WITHDRAWN, D(2026, 10, 1), today=TODAY)  # reached, then left
    r = education_year(db, school.id, 2026)
    assert (r.first_day, r.last_day) == (D(2026, 1, 1), D(2026, 12, 31))
    assert [(s.id, s.minutes, s.members, s.guests) for s in r.sessions] == [(o.id, 90, 3, 1), (m.id, 120, 2, 1)]
    assert r.by_kind == (KindLine(SessionKind.ORIENTATION, 1, 90, 4), KindLine(SessionKind.MEMBER_EDUCATION, 1, 120, 3))
    assert r.by_type == (TypeLine("소비자", 3, 2, 300), TypeLine("생산자", 2, 2, 210), TypeLine(None, 2, 1, 210))
    assert (r.minutes, r.attendances, r.person_minutes) == (210, 7, 720)
    # on the register on 31 December: 1-4 (5 left, 6 an applicant); reached: 1, 3 and 4
    assert (r.members_at_end, r.members_reached, r.share) == (4, 3, Fraction(3, 4))
    assert r.audit_mark == "" and education_year(db, school.id, 2026, mark=True).audit_mark


def test_a_fiscal_year_starting_in_april_counts_from_april_to_march(db):
    coop = create_coop(db, sample_profile(fiscal_year_start_month=4, bylaws=BylawsSettings()), adopted_on=D(2025, 1, 1))
    for on in (D(2026, 3, 31), D(2026, 4, 1), D(2027, 3, 31), D(2027, 4, 1)):
        session(db, coop, on=on)
    r = education_year(db, coop.id, 2026)
    assert (r.first_day, r.last_day, [s.held_on for s in r.sessions]) == (
        D(2026, 4, 1), D(2027, 3, 31), [D(2026, 4, 1), D(2027, 3, 31)])
    assert sessions_by_year(db, coop.id) == {2025: 1, 2026: 2, 2027: 1}
    assert (r.members_at_end, r.share, r.by_type) == (0, None, (TypeLine("소비자", 0, 0, 0), TypeLine("생산자", 0, 0, 0)))
