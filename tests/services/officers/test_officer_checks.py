"""The officer register's typed names and notes and its days, checked before anything is
written, on SQLite and PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.officers.terms import ChosenBy, Office
from coopdesk.services.members.member import add_member
from coopdesk.services.officers.terms import TermInput, add_term, edit_term, end_term, get_term
from tests.conftest import TODAY

D = dt.date
START, END = D(2026, 3, 15), D(2028, 3, 14)


def counts(db):
    with db.engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in ("officer_term", "audit_entry"))


def refused(call, field):
    with pytest.raises(Refusal) as exc:
        call()
    assert exc.value.field == field
    return exc.value


@pytest.mark.parametrize("term, field", [
    (TermInput(Office.AUDITOR, START, END, name="한\x1b외부"), "person"),
    (TermInput(Office.AUDITOR, START, END, name="한외부\x00"), "person"),
    (TermInput(Office.AUDITOR, START, END, name="\u202e부외한"), "person"),
    (TermInput(Office.AUDITOR, START, END, name="한외부", note="회계사\x00"), "note"),
    (TermInput(Office.AUDITOR, START, END, name="한외부", note="가" * 2001), "note"),
    (TermInput(Office.DIRECTOR, START, END, name="한외부", chosen_by=ChosenBy.VACANCY,
               predecessor_end=D(9999, 12, 31)), "predecessor_end"),
])
def test_a_term_s_name_note_and_days_must_be_printable_and_possible(db, coop, term, field):
    before = counts(db)
    refused(lambda: add_term(db, coop.id, term, today=TODAY), field)
    assert counts(db) == before


def test_editing_and_ending_a_term_are_checked_the_same_way(db, coop):
    add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    view = add_term(db, coop.id, TermInput(Office.AUDITOR, START, END, member_number=1, note="첫 임기"), today=TODAY)
    refused(lambda: edit_term(db, coop.id, view.id, TermInput(Office.AUDITOR, START, END, member_number=1,
                                                              note="\x1b[2J"), today=TODAY), "note")
    refused(lambda: end_term(db, coop.id, view.id, D(2026, 9, 30), note="사임\x07"), "note")
    assert get_term(db, coop.id, view.id) == view
    ended = end_term(db, coop.id, view.id, D(2026, 9, 30), note="사임\n후임 선출 예정")
    assert ended.note == "사임\n후임 선출 예정"
