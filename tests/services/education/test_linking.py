"""A person on a session's list before joining: the record follows them to the register when they
are added as a member, by the name and the birth date (or, without one, the phone)."""

import pytest

from coopdesk.domain.education.attendees import Guest
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services import audit
from coopdesk.services.education.attendance import add_guest, list_attendees
from coopdesk.services.education.history import member_education
from coopdesk.services.members.member import add_member
from tests.conftest import TODAY
from tests.services.education.conftest import D, session


def join(db, coop, name, birth=None, phone=""):
    return add_member(db, coop.id, MemberDetails(name, "소비자", birth_date=birth, phone=phone),
                      joined_on=D(2026, 11, 1), today=TODAY).number


def test_a_founders_course_and_orientation_follow_them_when_they_join(db, school):
    from coopdesk.domain.education.sessions import SessionKind

    course = session(db, school, kind=SessionKind.FOUNDING_COURSE, on=D(2024, 11, 2), topic="설립 교육")
    orientation = session(db, school, on=D(2026, 10, 20))
    add_guest(db, school.id, course.id, Guest("윤하린", D(1992, 2, 2), "010-2222-3333"), today=TODAY)
    add_guest(db, school.id, orientation.id, Guest("윤 하린", None, "010 2222 3333"), today=TODAY)
    add_guest(db, school.id, orientation.id, Guest("한도현", D(1970, 7, 7)), today=TODAY)
    number = join(db, school, "윤하린", D(1992, 2, 2), "010-2222-3333")
    history = member_education(db, school.id, number, TODAY)
    assert [(line.session_id, line.before_joining) for line in history.lines] == [(course.id, True),
                                                                                   (orientation.id, True)]
    assert history.minutes == 180 and not history.orientation.owed
    people = list_attendees(db, school.id, orientation.id)
    assert [(p.name, p.member_number, p.linked) for p in people] == [("윤하린", number, True), ("한도현", None, False)]
    (entry,) = [e for e in audit.recent(db) if e.action == "education.link"]
    assert (entry.entity_key, entry.after) == (str(number), {"sessions": [course.id, orientation.id]})


@pytest.mark.parametrize("guest, member, linked", [
    (Guest("윤하린", D(1992, 2, 2)), ("윤하린", D(1992, 2, 2), ""), True),
    (Guest("윤하린", D(1992, 2, 2), "010-2222-3333"), ("윤하린", D(1993, 3, 3), "010-2222-3333"), False),
    (Guest("윤하린", None, "010-2222-3333"), ("윤하린", None, "01022223333"), True),
    (Guest("윤하린"), ("윤하린", D(1992, 2, 2), "010-2222-3333"), False),  # a name alone links nobody
    (Guest("윤하린", D(1992, 2, 2)), ("윤하연", D(1992, 2, 2), ""), False),
])
def test_the_linking_rule_decides_at_the_register(db, school, guest, member, linked):
    view = session(db, school)
    add_guest(db, school.id, view.id, guest, today=TODAY)
    number = join(db, school, *member)
    (person,) = list_attendees(db, school.id, view.id)
    assert (person.member_number == number, person.linked) == (linked, linked)


def test_of_two_entries_in_one_session_that_fit_the_one_whose_birth_date_agrees_is_linked(db, school):
    view = session(db, school)
    add_guest(db, school.id, view.id, Guest("윤하린", None, "010-2222-3333"), today=TODAY)
    add_guest(db, school.id, view.id, Guest("윤하린", D(1992, 2, 2), "010-9999-9999"), today=TODAY)
    number = join(db, school, "윤하린", D(1992, 2, 2), "010-2222-3333")
    people = list_attendees(db, school.id, view.id)
    assert [(p.member_number, p.birth_date) for p in people] == [(number, D(1992, 2, 2)), (None, None)]


def test_another_coops_guests_are_not_linked(db, school):
    from coopdesk.services.coops import create_coop
    from tests.conftest import sample_profile

    other = create_coop(db, sample_profile(name="달빛협동조합"), adopted_on=D(2025, 1, 1))
    view = session(db, other)
    add_guest(db, other.id, view.id, Guest("윤하린", D(1992, 2, 2)), today=TODAY)
    join(db, school, "윤하린", D(1992, 2, 2))
    assert [p.member_number for p in list_attendees(db, other.id, view.id)] == [None]
