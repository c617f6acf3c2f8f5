"""Entering a co-op and its members as a new secretary does, on SQLite and PostgreSQL: someone
already on the register is found by one rule (the form's and the import's), dates ahead are
refused saying why, every problem of an import row is listed at its column, a member who died
while withdrawing left by death, and the bylaws' adoption day orders their amendments."""

import dataclasses
import datetime as dt

import pytest

from coopdesk.domain.errors import ImportRejected, Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.i18n import refusal_text
from coopdesk.services.coops import create_coop
from coopdesk.services.education.orientation import members_owing_orientation
from coopdesk.services.meetings.agenda import ItemInput, add_item
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.importing import Existing, column_text, import_members
from coopdesk.services.members.matching import Sameness, find_on_register
from coopdesk.services.members.member import add_member, get_member, record_event
from tests.conftest import TODAY, sample_profile

D = dt.date
HEADERS = "이름,조합원유형,생년월일,전화번호,이메일,가입일\n"


def add(db, coop, name, **kw):
    joined = kw.pop("joined_on", D(2025, 3, 1))
    return add_member(db, coop.id, MemberDetails(name, "소비자", **kw), joined_on=joined, today=TODAY)


def write_csv(tmp_path, body, name="members.csv"):
    path = tmp_path / name
    path.write_text(HEADERS + body, encoding="utf-8")
    return path


def do_import(db, coop, path, existing=Existing.REFUSE):
    mapping = {"name": 0, "member_type": 1, "birth_date": 2, "phone": 3, "email": 4, "joined_on": 5}
    return import_members(db, coop.id, path, mapping, today=TODAY, existing=existing)


# -- 2. someone already on the register ---------------------------------------------------------------

def test_a_person_with_the_same_phone_written_otherwise_is_found_on_the_register(db, coop):
    add(db, coop, "이서연", phone="010-2222-3333")
    add(db, coop, "김민준", phone="010-1234-5678", birth_date=D(1980, 5, 1))
    found = find_on_register(db, coop.id, MemberDetails("김민준", "소비자", phone="01012345678"))
    assert [(m.number, m.name, m.sameness) for m in found] == [(2, "김민준", Sameness.PHONE)]
    assert find_on_register(db, coop.id, MemberDetails("김민준", "소비자", phone="010-9999-0000")) == ()


def test_the_same_name_and_birth_date_is_found_and_a_namesake_born_otherwise_is_not(db, coop):
    add(db, coop, "김민준", birth_date=D(1980, 5, 1))
    same = find_on_register(db, coop.id, MemberDetails(" 김민준 ", "생산자", birth_date=D(1980, 5, 1)))
    assert [(m.number, m.sameness) for m in same] == [(1, Sameness.NAME_AND_BIRTH)]
    assert find_on_register(db, coop.id, MemberDetails("김민준", "소비자", birth_date=D(1981, 5, 1))) == ()
    assert find_on_register(db, coop.id, MemberDetails("김민준", "소비자")) == ()  # a name alone is no match


def test_both_keys_name_each_member_once_and_the_form_and_the_import_agree(db, coop, tmp_path):
    add(db, coop, "김민준", birth_date=D(1980, 5, 1), phone="010-1234-5678")
    add(db, coop, "박지호", phone="010-7777-8888")
    details = MemberDetails("김민준", "소비자", birth_date=D(1980, 5, 1), phone="010 7777 8888")
    found = find_on_register(db, coop.id, details)
    assert [(m.number, m.sameness) for m in found] == [(1, Sameness.NAME_AND_BIRTH), (2, Sameness.PHONE)]
    path = write_csv(tmp_path, "김민준,소비자,1980-05-01,010 7777 8888,,2025-04-01\n"
                               "최수아,소비자,,010.7777.8888,,2025-04-01\n")
    with pytest.raises(ImportRejected) as caught:
        do_import(db, coop, path)
    assert [(p.line, p.refusal.params["number"]) for p in caught.value.problems] == [(2, 1), (3, 2)]


# -- 4 and 5. dates ahead, refused saying why --------------------------------------------------------

def test_a_joining_date_after_today_is_refused_and_the_message_says_why(db, coop):
    with pytest.raises(Refusal) as caught:
        add(db, coop, "김민준", joined_on=TODAY + dt.timedelta(days=1))
    assert caught.value.field == "joined_on"
    text = refusal_text(caught.value)
    assert "after today" in text and "Nov 22, 2026" in text and "(Nov 21, 2026)" in text
    with pytest.raises(Refusal) as caught:
        add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=None,
                   applied_on=TODAY + dt.timedelta(days=30), today=TODAY)
    assert caught.value.field == "applied_on" and "after today" in refusal_text(caught.value)
    assert add(db, coop, "김민준", joined_on=TODAY).number == 1  # today itself is fine


def test_an_import_row_joining_after_today_is_refused_at_its_column(db, coop, tmp_path):
    path = write_csv(tmp_path, "김민준,소비자,,,,2026-12-01\n")
    with pytest.raises(ImportRejected) as caught:
        do_import(db, coop, path)
    [problem] = caught.value.problems
    assert (problem.line, problem.refusal.field, column_text(problem)) == (2, "joined_on", "F (가입일)")
    assert "after today" in refusal_text(problem.refusal)


# -- 3. every problem of an import row ---------------------------------------------------------------

def test_every_problem_of_a_row_is_listed_each_at_its_column(db, coop, tmp_path):
    path = write_csv(tmp_path, "김민준,소비자,1980-05-01,010-1234-5678,minjun@example.kr,2025-04-01\n"
                               "이서연,학생,1990-13-01,전화없음,not-an-address,2025-04-01\n"
                               "박지호,생산자,,,jiho@,2030-01-01\n")
    with pytest.raises(ImportRejected) as caught:
        do_import(db, coop, path)
    got = [(p.line, p.refusal.field, column_text(p)) for p in caught.value.problems]
    assert got == [(3, "member_type", "B (조합원유형)"), (3, "birth_date", "C (생년월일)"),
                   (3, "phone", "D (전화번호)"), (3, "email", "E (이메일)"),
                   (4, "email", "E (이메일)"), (4, "joined_on", "F (가입일)")]
    assert refusal_text(caught.value) == "Nothing was imported. Rows with problems: 2."
    assert get_member_count(db, coop) == 0  # all or nothing


def get_member_count(db, coop):
    from coopdesk.services.members.listing import list_members

    return len(list_members(db, coop.id, today=TODAY))


# -- 6. a death while withdrawing ---------------------------------------------------------------------

def test_a_member_who_died_before_the_notice_took_effect_left_by_death(db, coop):
    add(db, coop, "김민준", joined_on=D(2025, 3, 1))
    record_event(db, coop.id, 1, EventKind.WITHDRAWAL_NOTICE, D(2026, 6, 1), today=D(2026, 6, 1))
    assert get_member(db, coop.id, 1, today=TODAY).status is MemberStatus.WITHDRAWN  # the 30 days have run
    view = record_event(db, coop.id, 1, EventKind.DECEASED, D(2026, 6, 20), "사망신고서 사본", today=TODAY)
    assert view.status is MemberStatus.DECEASED
    assert (view.standing.left_on, view.standing.left_as) == (D(2026, 6, 20), EventKind.DECEASED)
    with pytest.raises(Refusal, match="already left"):  # after the day it took effect: withdrawn, not deceased
        add(db, coop, "이서연")
        record_event(db, coop.id, 2, EventKind.WITHDRAWAL_NOTICE, D(2026, 6, 1), today=D(2026, 6, 1))
        record_event(db, coop.id, 2, EventKind.DECEASED, D(2026, 7, 2), today=TODAY)


# -- 1. the day the bylaws were adopted ---------------------------------------------------------------

def test_a_co_op_cannot_have_adopted_its_bylaws_after_today(db):
    with pytest.raises(Refusal) as caught:
        create_coop(db, sample_profile(), adopted_on=dt.date.today() + dt.timedelta(days=1))
    assert caught.value.field == "adopted_on" and "after today" in refusal_text(caught.value)


def test_an_amendment_dated_before_the_bylaws_were_adopted_is_refused(db):
    coop = create_coop(db, sample_profile(), adopted_on=D(2019, 3, 15))
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "2018년 임시총회",
                                                       D(2018, 11, 1)))
    with pytest.raises(Refusal) as caught:
        add_item(db, coop.id, meeting.id, ItemInput(Subject.BYLAWS_AMENDMENT, "정관 변경의 건", ResolutionKind.SPECIAL,
                                                    new_bylaws=dataclasses.replace(coop.bylaws, notice_days=10)))
    text = refusal_text(caught.value)
    assert "Mar 15, 2019" in text and "Nov 1, 2018" in text and "version 1" in text
    later = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "2020년 임시총회",
                                                     D(2020, 11, 1)))
    add_item(db, coop.id, later.id, ItemInput(Subject.BYLAWS_AMENDMENT, "정관 변경의 건", ResolutionKind.SPECIAL,
                                              new_bylaws=dataclasses.replace(coop.bylaws, notice_days=10)))


def test_members_who_joined_before_the_bylaws_were_adopted_do_not_owe_their_orientation(db):
    """A file begun before the real day of adoption could be given said "adopted today": its
    earlier members were all listed as owing an orientation the bylaws then did not ask of them."""
    profile = sample_profile()
    coop = create_coop(db, dataclasses.replace(profile, bylaws=dataclasses.replace(profile.bylaws,
                                                                                   orientation_required=True)),
                       adopted_on=D(2026, 1, 1))
    add(db, coop, "김민준", joined_on=D(2024, 5, 1))
    add(db, coop, "이서연", joined_on=D(2026, 2, 1))
    owed = members_owing_orientation(db, coop.id, today=TODAY)
    assert [m.number for m in owed.members] == [2]


def test_the_printed_bylaws_say_the_day_they_were_adopted(db):
    import io

    from pypdf import PdfReader

    from coopdesk.services.bylaws.printing import render_bylaws

    coop = create_coop(db, sample_profile(), adopted_on=D(2019, 3, 15))
    pdf = PdfReader(io.BytesIO(render_bylaws(db, coop.id, "ko")))
    text = "".join("".join(page.extract_text() for page in pdf.pages).split())
    assert "2019년3월15일" in text


def test_an_officer_term_years_ahead_is_refused_saying_why(db, coop):
    """The same unexplained "The date … is not possible here" was said of an officer's term."""
    from coopdesk.domain.officers.terms import Office
    from coopdesk.services.officers.terms import TermInput, add_term

    with pytest.raises(Refusal) as caught:
        add_term(db, coop.id, TermInput(Office.AUDITOR, D(2030, 1, 1), D(2032, 1, 1), name="박감사"), today=TODAY)
    assert caught.value.field == "start"
    assert refusal_text(caught.value) == (
        "The first day of the term, Jan 1, 2030, is more than a year after today (Nov 21, 2026): the register "
        "holds terms already decided. Check the year.")
