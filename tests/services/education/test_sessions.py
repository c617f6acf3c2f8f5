"""Recording, correcting and deleting sessions: one transaction each, checked, logged."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.education.attendees import Guest
from coopdesk.domain.education.sessions import Organiser, SessionDetails, SessionKind
from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.services import audit
from coopdesk.services.education.attendance import add_guest, add_typed, list_attendees
from coopdesk.services.education.sessions import (
    delete_session,
    edit_session,
    get_session,
    list_sessions,
)
from tests.conftest import TODAY
from tests.services.education.conftest import D, session

T = dt.time


def count(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_a_session_is_recorded_with_its_hours_from_its_times(db, school):
    view = session(db, school, start=T(9, 50), end=T(12, 5))
    assert view.minutes == 135 and view.attendees == 0
    again = get_session(db, school.id, view.id)
    assert again == view and again.details.organiser is Organiser.COOP
    with db.engine.connect() as conn:  # the minutes are kept, so sums are one SQL aggregate
        assert conn.execute(text("SELECT minutes FROM education_session")).scalar() == 135
    (entry,) = [e for e in audit.recent(db) if e.action == "education.session.add"]
    assert (entry.after["minutes"], entry.after["starts_at"], entry.after["kind"]) == (135, "09:50:00", "orientation")


def test_a_session_that_cannot_be_right_is_refused_and_nothing_is_written(db, school):
    with pytest.raises(Refusals) as exc:
        session(db, school, topic=" ", end=T(13))
    assert {p.field for p in exc.value.problems} == {"topic", "ends_at"}
    with pytest.raises(Refusal) as one:
        session(db, school, on=D(2200, 1, 1))
    assert one.value.field == "session_date"
    assert count(db, "education_session") == 0


def test_the_database_refuses_a_session_that_ends_before_it_starts_whoever_writes_it(db, school):
    with pytest.raises(Exception, match="education_session_times|check"):
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO education_session (coop_id, kind, topic, held_on, starts_at, ends_at, "
                              "minutes, place, instructor, organiser, materials, created_at) VALUES "
                              "(:c, 'orientation', 'x', '2026-01-01', '15:00:00', '14:00:00', 60, '', '', 'coop', "
                              "'', '2026-01-01 00:00:00')"), {"c": school.id})


def test_a_session_is_corrected_and_the_log_keeps_before_and_after(db, school):
    view = session(db, school)
    changed = SessionDetails(SessionKind.MEMBER_EDUCATION, "협동조합의 원칙", D(2026, 3, 15), T(10), T(12), "마을회관",
                             "박강사", Organiser.CONSULTATION_CENTRE, "교재 1권")
    after = edit_session(db, school.id, view.id, changed, today=TODAY)
    assert (after.details, after.minutes) == (changed, 120)
    (entry,) = [e for e in audit.recent(db) if e.action == "education.session.edit"]
    assert (entry.before["topic"], entry.after["topic"], entry.after["organiser"]) == (
        "신규 조합원 교육", "협동조합의 원칙", "consultation_centre")


def test_a_session_with_people_on_its_list_stays_on_a_day_that_has_come(db, school):
    view = session(db, school)
    add_typed(db, school.id, view.id, "1", today=TODAY)
    later = SessionDetails(SessionKind.ORIENTATION, "신규 조합원 교육", TODAY + dt.timedelta(days=1), T(14), T(15))
    with pytest.raises(Refusal, match="after today") as exc:
        edit_session(db, school.id, view.id, later, today=TODAY)
    assert exc.value.field == "session_date"
    assert get_session(db, school.id, view.id).details.held_on == D(2026, 3, 14)


def test_deleting_a_session_takes_its_list_with_it_and_the_log_keeps_who_was_on_it(db, school):
    view = session(db, school)
    add_typed(db, school.id, view.id, "김민준", today=TODAY)
    add_guest(db, school.id, view.id, Guest("홍길동", D(1990, 1, 1)), today=TODAY)
    other = session(db, school, on=D(2026, 4, 1))
    assert delete_session(db, school.id, view.id) == 2
    assert [s.id for s in list_sessions(db, school.id)] == [other.id]
    assert count(db, "education_attendance") == 0
    (entry,) = [e for e in audit.recent(db) if e.action == "education.session.delete"]
    assert entry.before["attendees"] == [{"member": 1, "name": "김민준"}, {"member": None, "name": "홍길동"}]
    with pytest.raises(Refusal, match="no education session number"):
        list_attendees(db, school.id, view.id)


def test_sessions_are_listed_latest_first_with_their_counts_and_within_dates(db, school):
    first = session(db, school, on=D(2026, 1, 5))
    second = session(db, school, kind=SessionKind.OFFICER_TRAINING, on=D(2026, 5, 5), topic="임원 교육")
    add_typed(db, school.id, second.id, "1", today=TODAY)
    add_typed(db, school.id, second.id, "2", today=TODAY)
    add_guest(db, school.id, second.id, Guest("홍길동", None, "010-1234-5678"), today=TODAY)
    listed = list_sessions(db, school.id)
    assert [(s.id, s.members, s.guests) for s in listed] == [(second.id, 2, 1), (first.id, 0, 0)]
    assert [s.id for s in list_sessions(db, school.id, D(2026, 2, 1), D(2026, 12, 31))] == [second.id]


def test_another_coops_session_is_not_found(db, school):
    from coopdesk.services.coops import create_coop
    from tests.conftest import sample_profile

    view = session(db, school)
    other = create_coop(db, sample_profile(name="달빛협동조합"), adopted_on=D(2025, 1, 1))
    with pytest.raises(Refusal, match="no education session number"):
        get_session(db, other.id, view.id)
