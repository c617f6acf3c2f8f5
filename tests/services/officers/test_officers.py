"""The officer register through the services, on SQLite and on PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.register import AUDITOR_NOT_DIRECTOR, Severity
from coopdesk.domain.officers.terms import ChosenBy, Office
from coopdesk.services import audit
from coopdesk.services.members.member import add_member, record_event
from coopdesk.services.officers.terms import (
    TermInput,
    TermStatus,
    add_term,
    edit_term,
    end_term,
    list_terms,
    register_check,
)
from tests.conftest import TODAY

D = dt.date
START, END = D(2026, 3, 15), D(2028, 3, 14)  # a two-year term, as the sample bylaws set
NAMES = ("김민준", "이서연", "박도윤", "최하은", "정우진")


@pytest.fixture
def members(db, coop):
    """Five members who joined in 2025: numbers 1 to 5."""
    for name in NAMES:
        add_member(db, coop.id, MemberDetails(name, "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    return db


def term(office, member=None, name="", start=START, end=END, **kw):
    return TermInput(office, start, end, member_number=member, name=name, **kw)


def full_board(db, coop):
    """Chair 1, directors 2 and 3, auditor 4."""
    return [add_term(db, coop.id, t, today=TODAY) for t in (
        term(Office.CHAIR, 1), term(Office.DIRECTOR, 2), term(Office.DIRECTOR, 3), term(Office.AUDITOR, 4))]


def count_rows(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_terms_are_listed_with_the_members_names_and_a_non_member(members, coop):
    full_board(members, coop)
    add_term(members, coop.id, term(Office.DIRECTOR, name="  한  외부 "), today=TODAY)
    views = list_terms(members, coop.id)
    assert [(v.term.office, v.name, v.is_member) for v in views] == [
        (Office.CHAIR, "김민준", True), (Office.DIRECTOR, "이서연", True), (Office.DIRECTOR, "박도윤", True),
        (Office.DIRECTOR, "한 외부", False), (Office.AUDITOR, "최하은", True)]
    assert views[0].person.member_number == 1 and views[3].person.member_number is None
    assert [views[0].status_on(d) for d in (D(2026, 3, 14), START, END, D(2028, 3, 15))] == [
        TermStatus.UPCOMING, TermStatus.IN_OFFICE, TermStatus.IN_OFFICE, TermStatus.ENDED]


def test_the_check_goes_from_breaches_to_compliant(members, coop):
    add_term(members, coop.id, term(Office.CHAIR, 1), today=TODAY)
    check = register_check(members, coop.id, on=D(2026, 11, 21))
    assert not check.meets_act
    assert {p.refusal.article for p in check.breaches} == {law.MIN_DIRECTORS.ref, law.MIN_AUDITORS.ref}
    full = [term(Office.DIRECTOR, 2), term(Office.DIRECTOR, 3), term(Office.AUDITOR, 4)]
    for t in full:
        add_term(members, coop.id, t, today=TODAY)
    check = register_check(members, coop.id, on=D(2026, 11, 21))
    assert check.meets_act and check.problems == () and check.ending == ()
    assert check.member_count == 5 and not check.board.required  # fewer than 10 members


def test_terms_ending_within_sixty_days_are_warned(members, coop):
    full_board(members, coop)
    assert register_check(members, coop.id, on=D(2028, 1, 13)).ending == ()
    check = register_check(members, coop.id, on=D(2028, 1, 14))  # exactly 60 days left
    assert [(w.term.person.label, w.days_left) for w in check.ending] == [
        ("김민준", 60), ("박도윤", 60), ("이서연", 60), ("최하은", 60)]
    assert check.meets_act


def test_an_auditor_who_is_a_director_is_refused_and_nothing_is_saved(members, coop):
    full_board(members, coop)
    before = (count_rows(members, "officer_term"), count_rows(members, "audit_entry"))
    with pytest.raises(Refusal) as exc:
        add_term(members, coop.id, term(Office.AUDITOR, 2, start=D(2027, 1, 1)), today=TODAY)
    assert exc.value.article == AUDITOR_NOT_DIRECTOR and exc.value.field == "office"
    with pytest.raises(Refusal) as exc:  # a second chair at the same time
        add_term(members, coop.id, term(Office.CHAIR, 5), today=TODAY)
    assert exc.value.field == "start"
    with pytest.raises(Refusal) as exc:  # longer than the bylaws' two years
        add_term(members, coop.id, term(Office.DIRECTOR, 5, end=D(2028, 3, 15)), today=TODAY)
    assert exc.value.field == "end"
    assert (count_rows(members, "officer_term"), count_rows(members, "audit_entry")) == before


def test_a_member_officer_must_be_a_current_member_on_the_first_day(members, coop):
    with pytest.raises(Refusal, match="is not a member on") as exc:
        add_term(members, coop.id, term(Office.DIRECTOR, 1, start=D(2024, 12, 1), end=D(2026, 11, 30)),
                 today=TODAY)
    assert exc.value.field == "person"
    record_event(members, coop.id, 5, EventKind.DECEASED, D(2026, 1, 5), today=TODAY)
    with pytest.raises(Refusal, match="is not a member on"):
        add_term(members, coop.id, term(Office.DIRECTOR, 5), today=TODAY)
    with pytest.raises(Refusal, match="no member number 99") as exc:
        add_term(members, coop.id, term(Office.DIRECTOR, 99), today=TODAY)
    assert exc.value.field == "person"
    with pytest.raises(Refusal) as exc:  # neither a member nor a name
        add_term(members, coop.id, term(Office.DIRECTOR, name="   "), today=TODAY)
    assert exc.value.field == "person"
    assert list_terms(members, coop.id) == []


def test_editing_and_ending_terms_are_checked_and_audited(members, coop):
    chair, director, _other, auditor = full_board(members, coop)
    changed = edit_term(members, coop.id, director.id, term(Office.DIRECTOR, 5), today=TODAY)
    assert changed.name == "정우진" and changed.id == director.id
    with pytest.raises(Refusal) as exc:  # the chair cannot also be the auditor
        edit_term(members, coop.id, auditor.id, term(Office.AUDITOR, 1), today=TODAY)
    assert exc.value.article == AUDITOR_NOT_DIRECTOR
    with pytest.raises(Refusal) as exc:
        end_term(members, coop.id, chair.id, D(2030, 1, 1))
    assert exc.value.field == "left_on"
    ended = end_term(members, coop.id, chair.id, D(2026, 9, 30), note="사임")
    assert ended.term.left_on == D(2026, 9, 30) and ended.note == "사임"
    assert ended.status_on(D(2026, 10, 1)) is TermStatus.ENDED
    check = register_check(members, coop.id, on=D(2026, 10, 1))
    assert not check.meets_act
    assert "There is no chair in office on {on}." in [p.refusal.message for p in check.breaches]
    # the chair who left can be followed by a new chair for the rest of the term
    add_term(members, coop.id, term(Office.CHAIR, 2, start=D(2026, 10, 1), chosen_by=ChosenBy.VACANCY,
                                    predecessor_end=END), today=TODAY)
    assert register_check(members, coop.id, on=D(2026, 10, 1)).meets_act
    actions = [e.action for e in audit.recent(members) if e.entity == "officer_term"]
    assert actions[:3] == ["officer.add", "officer.end", "officer.edit"]
    assert audit.verify(members).intact


def test_the_bylaws_numbers_are_warnings_not_breaches(members, coop):
    full_board(members, coop)
    add_term(members, coop.id, term(Office.AUDITOR, 5), today=TODAY)  # the bylaws set one auditor
    check = register_check(members, coop.id, on=D(2026, 6, 1))
    assert check.meets_act
    assert [p.severity for p in check.warnings] == [Severity.BYLAWS]
    assert check.warnings[0].refusal.params == {"on": D(2026, 6, 1), "count": 2, "n": 1}


def test_the_database_refuses_an_officer_who_is_both_or_neither(members, coop):
    insert = ("INSERT INTO officer_term (coop_id, member_id, person_name, office, start_on, end_on, chosen_by, "
              "note, created_at) VALUES (:c, {member}, {name}, 'director', '2026-01-01', '2027-01-01', "
              "'elected', '', '2026-01-01 00:00:00')")
    for member, name in (("(SELECT min(id) FROM member)", "'한 외부'"), ("NULL", "NULL"), ("NULL", "'  '")):
        with pytest.raises(IntegrityError):
            with members.engine.begin() as conn:
                conn.execute(text(insert.format(member=member, name=name)), {"c": coop.id})
    assert count_rows(members, "officer_term") == 0


def test_ten_current_members_need_a_board(members, coop):
    for n in range(5):
        add_member(members, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=D(2025, 2, 1), today=TODAY)
    check = register_check(members, coop.id, on=TODAY)
    assert check.member_count == 10 and check.board.required
    record_event(members, coop.id, 10, EventKind.DECEASED, D(2026, 5, 1), today=TODAY)
    assert not register_check(members, coop.id, on=TODAY).board.required
