"""Who owes the orientation, asked of the database, and each member's history and hours: the
database's list agrees with the domain's rule member by member."""

import datetime as dt
from dataclasses import replace

import pytest

from coopdesk.domain.education.orientation import owes_orientation
from coopdesk.domain.education.sessions import SessionKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.education.attendance import add_typed
from coopdesk.services.education.history import member_education
from coopdesk.services.education.orientation import (
    members_owing_orientation,
    orientation_rule,
)
from coopdesk.services.members.member import add_member, get_member, record_event
from tests.conftest import TODAY
from tests.services.education.conftest import D, session


def owed(db, coop, today=TODAY, **kw):
    return members_owing_orientation(db, coop.id, today, **kw)


def test_members_who_joined_while_it_was_asked_and_did_not_attend_owe_it_longest_first(db, school):
    result = owed(db, school)
    assert result.required and result.ref.label("en") == "Act 7"
    assert [(m.number, m.days) for m in result.members] == [(1, 680), (2, 680), (3, 680), (4, 293), (5, 173)]
    assert result.total == 5  # not the applicant (6): not a member yet


def test_an_orientation_or_a_founding_course_settles_it_other_kinds_do_not(db, school):
    orientation = session(db, school)
    founding = session(db, school, kind=SessionKind.FOUNDING_COURSE, on=D(2024, 12, 1), topic="설립 교육")
    training = session(db, school, kind=SessionKind.OFFICER_TRAINING, topic="임원 교육")
    add_typed(db, school.id, orientation.id, "4", today=TODAY)
    add_typed(db, school.id, founding.id, "1", today=TODAY)
    add_typed(db, school.id, training.id, "2", today=TODAY)
    add_typed(db, school.id, orientation.id, "6", today=TODAY)  # an applicant attends before admission
    record_event(db, school.id, 6, EventKind.ADMITTED, D(2026, 11, 1), today=TODAY)
    assert [m.number for m in owed(db, school).members] == [2, 3, 5]


def test_a_member_who_left_owes_nothing_and_a_withdrawing_one_still_does(db, school):
    record_event(db, school.id, 5, EventKind.WITHDRAWN, D(2026, 10, 1), today=TODAY)
    record_event(db, school.id, 4, EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 1), today=TODAY)
    assert [m.number for m in owed(db, school).members] == [1, 2, 3, 4]


def test_the_list_is_cut_at_the_limit_and_still_counts_them_all(db, school):
    result = owed(db, school, limit=2)
    assert ([m.number for m in result.members], result.total) == ([1, 2], 5)


def test_nobody_owes_it_when_the_bylaws_do_not_ask_for_it(db, coop):
    add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=D(2026, 1, 1), today=TODAY)
    result = owed(db, coop)
    assert (result.required, result.total, result.members) == (False, 0, ())
    assert not member_education(db, coop.id, 1, TODAY).orientation.owed


def test_added_by_an_amendment_it_is_asked_of_those_who_join_from_the_day_it_takes_effect(db, coop):
    from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
    from coopdesk.services.bylaws import record_bylaws_report
    from coopdesk.services.meetings.agenda import ItemInput, add_item
    from coopdesk.services.meetings.attendance import check_in
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
    from coopdesk.services.meetings.votes import close_item, record_counts

    for n in range(1, 6):
        add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회", D(2026, 3, 28)))
    for n in range(1, 6):
        check_in(db, coop.id, meeting.id, n)
    amendment = add_item(db, coop.id, meeting.id, ItemInput(Subject.BYLAWS_AMENDMENT, "정관 변경의 건",
                                                            ResolutionKind.SPECIAL,
                                                            new_bylaws=replace(coop.bylaws, orientation_required=True)))
    record_counts(db, coop.id, amendment.id, 5, 0, 0)
    close_item(db, coop.id, amendment.id)
    add_member(db, coop.id, MemberDetails("새조합원", "소비자"), joined_on=D(2026, 4, 1), today=TODAY)  # no. 6
    assert not owed(db, coop).required  # adopted, not in force before its report
    record_bylaws_report(db, coop.id, 2, D(2026, 4, 6))
    add_member(db, coop.id, MemberDetails("늦은조합원", "소비자"), joined_on=D(2026, 4, 6), today=TODAY)  # no. 7
    result = owed(db, coop)
    assert (result.required, [m.number for m in result.members]) == (True, [7])
    assert member_education(db, coop.id, 7, TODAY).orientation.owed
    assert not member_education(db, coop.id, 1, TODAY).orientation.owed


def test_the_databases_list_agrees_with_the_domains_rule_member_by_member(db, school):
    view = session(db, school)
    add_typed(db, school.id, view.id, "2", today=TODAY)
    record_event(db, school.id, 3, EventKind.WITHDRAWN, D(2026, 10, 1), today=TODAY)
    listed = {m.number for m in members_owing_orientation(db, school.id, TODAY, limit=None).members}
    with db.read() as s:
        required, spans = orientation_rule(s, school.id, TODAY)
    for number in range(1, 7):
        member = get_member(db, school.id, number, today=TODAY)
        history = member_education(db, school.id, number, TODAY)
        rule = owes_orientation(required_now=required, spans=spans, joined_on=member.standing.joined_on,
                                on_register=member.status.is_current,
                                attended=any(x.kind is SessionKind.ORIENTATION for x in history.lines))
        assert (number in listed) is rule is history.orientation.owed, number


def test_a_members_history_and_hours(db, school):
    first = session(db, school, on=D(2026, 3, 14), start=dt.time(14), end=dt.time(15, 30))
    second = session(db, school, kind=SessionKind.MEMBER_EDUCATION, on=D(2026, 9, 1), start=dt.time(19),
                     end=dt.time(20, 45), topic="협동조합 원칙")
    for view in (second, first):
        add_typed(db, school.id, view.id, "4", today=TODAY)
    e = member_education(db, school.id, 4, TODAY)
    assert [(x.session_id, x.minutes, x.before_joining) for x in e.lines] == [(first.id, 90, False),
                                                                              (second.id, 105, False)]
    assert (e.minutes, e.orientation.owed, e.orientation.days) == (195, False, None)
    owing = member_education(db, school.id, 5, TODAY)
    assert (owing.lines, owing.minutes, owing.orientation.owed, owing.orientation.days) == ((), 0, True, 173)
    with pytest.raises(Exception, match="no member number 99"):
        member_education(db, school.id, 99, TODAY)

