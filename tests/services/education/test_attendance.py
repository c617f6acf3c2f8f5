"""Who attended: members typed as at check-in, people not yet members, no one twice."""

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coopdesk.domain.education.attendees import Guest
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services import audit
from coopdesk.services.education.attendance import (
    add_guest,
    add_member,
    add_typed,
    find_attendable,
    list_attendees,
    remove_attendee,
)
from coopdesk.services.members.member import add_member as add_to_register
from coopdesk.services.members.member import record_event
from tests.conftest import TODAY
from tests.services.education.conftest import D, session


def names(db, coop, view):
    return [(a.name, a.member_number) for a in list_attendees(db, coop.id, view.id)]


def test_members_are_added_by_number_by_a_name_or_by_the_completers_line(db, school):
    view = session(db, school)
    assert add_typed(db, school.id, view.id, "3", today=TODAY).name == "박도윤"
    assert add_typed(db, school.id, view.id, "서연", today=TODAY).member_number == 2
    assert add_typed(db, school.id, view.id, "1. 김민준", today=TODAY).member_number == 1  # as the completer offers
    assert add_typed(db, school.id, view.id, "강 서준", today=TODAY).member_number == 6  # an applicant attends too
    assert names(db, school, view) == [("김민준", 1), ("이서연", 2), ("박도윤", 3), ("강서준", 6)]


def test_two_members_of_the_same_name_are_never_guessed_between(db, school):
    add_to_register(db, school.id, MemberDetails("김민준", "생산자"), joined_on=D(2026, 1, 1), today=TODAY)  # no. 7
    view = session(db, school)
    with pytest.raises(Refusal, match="2 members fit") as exc:
        add_typed(db, school.id, view.id, "김민준", today=TODAY)
    assert "김민준 (1), 김민준 (7)" in exc.value.params["names"] and exc.value.field == "typed"
    add_typed(db, school.id, view.id, "7", today=TODAY)
    assert add_typed(db, school.id, view.id, "김민준", today=TODAY).member_number == 1  # the other is listed
    with pytest.raises(Refusal, match="No member fits"):
        add_typed(db, school.id, view.id, "홍길동", today=TODAY)


def test_no_one_is_on_a_list_twice(db, school):
    view = session(db, school)
    add_typed(db, school.id, view.id, "1", today=TODAY)
    with pytest.raises(Refusal, match="already on this session's list"):
        add_typed(db, school.id, view.id, "1", today=TODAY)
    add_guest(db, school.id, view.id, Guest("홍길동", D(1990, 1, 1), "010-1234-5678"), today=TODAY)
    with pytest.raises(Refusal, match="already on this session's list") as exc:
        add_guest(db, school.id, view.id, Guest("홍 길동", None, "01012345678"), today=TODAY)
    assert exc.value.field == "name"
    add_guest(db, school.id, view.id, Guest("홍길동", D(2001, 1, 1)), today=TODAY)  # another of that name
    assert len(list_attendees(db, school.id, view.id)) == 3


def test_the_database_refuses_a_member_twice_in_a_session_whoever_writes_it(db, school):
    view = session(db, school)
    add_typed(db, school.id, view.id, "1", today=TODAY)
    with pytest.raises(IntegrityError):
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO education_attendance (session_id, member_id, person_phone, added_at) "
                              "SELECT session_id, member_id, '', added_at FROM education_attendance"))
    with pytest.raises(IntegrityError):  # nobody: neither a member nor a name
        with db.engine.begin() as conn:
            conn.execute(text("INSERT INTO education_attendance (session_id, person_name, person_phone, added_at) "
                              "VALUES (:s, ' ', '', '2026-01-01 00:00:00')"), {"s": view.id})


def test_a_member_is_added_as_the_member_not_as_a_guest(db, school):
    view = session(db, school)
    with pytest.raises(Refusal, match="is member 4 already") as exc:
        add_guest(db, school.id, view.id, Guest("최하은", D(1984, 4, 4)), today=TODAY)
    assert exc.value.field == "name"
    add_guest(db, school.id, view.id, Guest("최하은", D(1999, 9, 9)), today=TODAY)  # someone else of that name


def test_attendance_is_recorded_once_the_session_has_taken_place(db, school):
    view = session(db, school, on=TODAY + dt.timedelta(days=3))
    with pytest.raises(Refusal, match="once it has taken place") as exc:
        add_typed(db, school.id, view.id, "1", today=TODAY)
    assert exc.value.field == "session"
    with pytest.raises(Refusal, match="once it has taken place"):
        add_guest(db, school.id, view.id, Guest("홍길동"), today=TODAY)
    assert add_typed(db, school.id, view.id, "1", today=view.details.held_on).member_number == 1  # on the day


def test_a_member_who_had_left_by_the_session_cannot_attend_it(db, school):
    record_event(db, school.id, 5, EventKind.WITHDRAWN, D(2026, 9, 1), today=TODAY)
    before, after = session(db, school, on=D(2026, 8, 31)), session(db, school, on=D(2026, 9, 1))
    assert add_typed(db, school.id, before.id, "5", today=TODAY).member_number == 5
    with pytest.raises(Refusal, match="had left the co-op"):
        add_member(db, school.id, after.id, 5, today=TODAY)
    assert find_attendable(db, school.id, "정지우", D(2026, 9, 1)) == []
    assert find_attendable(db, school.id, "정지우", D(2026, 8, 31)) == [(5, "정지우")]


def test_the_completer_finds_by_number_or_part_of_a_name_spaces_and_case_ignored(db, school):
    add_to_register(db, school.id, MemberDetails("Anna Lee", "소비자"), joined_on=D(2026, 1, 1), today=TODAY)
    assert find_attendable(db, school.id, "민준", TODAY) == [(1, "김민준")]
    assert find_attendable(db, school.id, "박 도윤", TODAY) == [(3, "박도윤")]
    assert find_attendable(db, school.id, "annalee", TODAY) == [(7, "Anna Lee")]
    assert find_attendable(db, school.id, "4", TODAY) == [(4, "최하은")]
    assert find_attendable(db, school.id, "%", TODAY) == []  # a wildcard typed is a character
    assert len(find_attendable(db, school.id, "", TODAY, limit=3)) == 3


def test_someone_is_taken_off_the_list_and_the_log_says_who(db, school):
    view = session(db, school)
    added = add_typed(db, school.id, view.id, "2", today=TODAY)
    remove_attendee(db, school.id, view.id, added.id)
    assert list_attendees(db, school.id, view.id) == []
    actions = [(e.action, e.after or e.before) for e in audit.recent(db) if e.action.startswith("education.")]
    assert actions[:2] == [("education.unattend", {"member": 2, "name": "이서연"}),
                           ("education.attend", {"member": 2, "name": "이서연"})]
    with pytest.raises(Refusal, match="Nobody with the number"):
        remove_attendee(db, school.id, view.id, added.id)
