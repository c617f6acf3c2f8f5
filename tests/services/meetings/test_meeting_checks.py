"""A meeting's typed text and days, checked before anything is written, on SQLite and PostgreSQL:
a title that breaks printing, a character no export can hold, a year the notice cannot be
counted back from."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.meetings.agenda import ItemInput, add_item, list_items, record_item_text
from coopdesk.services.meetings.attendance import add_proxy, attendance_of
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting, edit_meeting, get_meeting
from coopdesk.services.meetings.notice import check_notice
from coopdesk.services.members.member import add_member
from tests.conftest import TODAY

D = dt.date
HELD = D(2026, 3, 28)


def counts(db):
    with db.engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                     for t in ("meeting", "agenda_item", "meeting_proxy", "audit_entry"))


def given(**changes):
    values = dict(kind=MeetingKind.ORDINARY_ASSEMBLY, title="2026년 정기총회", held_on=HELD, place="조합 사무실")
    return MeetingInput(**(values | changes))


@pytest.fixture
def assembly(db, coop):
    for n in range(1, 6):
        add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    return create_meeting(db, coop.id, given())


def refused(call, field):
    with pytest.raises(Refusal) as exc:
        call()
    assert exc.value.field == field
    return exc.value


def test_a_100_000_character_title_is_refused_at_the_column_s_length(db, coop):
    found = refused(lambda: create_meeting(db, coop.id, given(title="가" * 100_000)), "title")
    assert found.params == {"n": 200}
    assert counts(db)[0] == 0
    assert create_meeting(db, coop.id, given(title="가" * 200)).title == "가" * 200


@pytest.mark.parametrize("changes, field", [
    (dict(title="정기\x1b총회"), "title"),
    (dict(place="조합\x00 사무실"), "place"),
    (dict(place="마" * 201), "place"),
    (dict(convened_by="이사장\u202e 김민준"), "convened_by"),
    (dict(chair_name="김\x07민준"), "chair_name"),
    (dict(chair_name="김" * 101), "chair_name"),
    (dict(purpose="결산 승인\x00"), "purpose"),
    (dict(purpose="목" * 501), "purpose"),
])
def test_a_meeting_s_text_must_be_printable(db, coop, changes, field):
    refused(lambda: create_meeting(db, coop.id, given(**changes)), field)
    assert counts(db)[0] == 0


def test_the_purpose_keeps_its_lines_and_the_place_its_words(db, coop):
    view = create_meeting(db, coop.id, given(purpose="1. 결산 승인\n2. 임원 선출", place=" 마을회관\t2층 "))
    assert (view.purpose, view.place) == ("1. 결산 승인\n2. 임원 선출", "마을회관 2층")


@pytest.mark.parametrize("day", [D(1, 1, 1), D(1899, 12, 31), D(2101, 1, 1), D(9999, 12, 31)])
def test_a_meeting_day_outside_1900_to_2100_is_refused(db, coop, day):
    """Year 1 or 9999 used to be stored, then the notice check crashed counting back from it."""
    found = refused(lambda: create_meeting(db, coop.id, given(held_on=day)), "held_on")
    assert found.params["date"] == day
    assert counts(db)[0] == 0


def test_the_last_day_allowed_still_has_its_notice_counted(db, coop):
    meeting = create_meeting(db, coop.id, given(held_on=D(2100, 12, 31)))
    assert check_notice(db, coop.id, meeting.id, D(2100, 12, 1)).on_time
    first = create_meeting(db, coop.id, given(held_on=D(1900, 1, 1)))
    assert not check_notice(db, coop.id, first.id, D(1900, 1, 1)).on_time


def test_editing_is_checked_the_same_way(db, coop, assembly):
    refused(lambda: edit_meeting(db, coop.id, assembly.id, given(title="가" * 100_000)), "title")
    refused(lambda: edit_meeting(db, coop.id, assembly.id, given(held_on=D(1, 1, 1))), "held_on")
    assert get_meeting(db, coop.id, assembly.id) == assembly


def test_an_item_s_title_proposal_and_discussion_must_be_printable(db, coop, assembly):
    def item(**kw):
        values = dict(subject=Subject.OTHER, title="사업계획 승인", kind=ResolutionKind.ORDINARY) | kw
        return add_item(db, coop.id, assembly.id, ItemInput(**values))

    assert refused(lambda: item(title="가" * 100_000), "title").params == {"n": 200}
    refused(lambda: item(title="사업\x1b계획"), "title")
    refused(lambda: item(proposal="원안\x00대로"), "proposal")
    refused(lambda: item(proposal="가" * 10_001), "proposal")
    before = counts(db)
    view = item(proposal="첫째,\n둘째.")
    assert view.proposal == "첫째,\n둘째."
    refused(lambda: record_item_text(db, coop.id, view.id, discussion="질의\x1b응답"), "discussion")
    refused(lambda: record_item_text(db, coop.id, view.id, proposal="\u202e안원"), "proposal")
    refused(lambda: record_item_text(db, coop.id, view.id, discussion="가" * 10_001), "discussion")
    assert list_items(db, coop.id, assembly.id)[-1].discussion == ""
    assert counts(db)[1] == before[1] + 1


def test_the_day_the_grounds_were_told_stays_within_1900_to_2100(db, coop, assembly):
    """Year 1 was 'in time' for an expulsion: ten days before the meeting, and more."""
    expel = ItemInput(Subject.EXPULSION, "조합원 제명", ResolutionKind.SPECIAL, expel_member=5,
                      grounds_told_on=D(1, 1, 1))
    refused(lambda: add_item(db, coop.id, assembly.id, expel), "told_on")
    assert list_items(db, coop.id, assembly.id) == []


@pytest.mark.parametrize("kw, field", [
    (dict(family_name="김\u202e가족", lives_with_principal=True, written_proof=True), "holder"),
    (dict(family_name="김" * 101, lives_with_principal=True, written_proof=True), "holder"),
    (dict(holder=2, written_proof=True, note="위임장\x00"), "note"),
])
def test_a_proxy_s_family_member_and_note_must_be_printable(db, coop, assembly, kw, field):
    refused(lambda: add_proxy(db, coop.id, assembly.id, 1, **kw), field)
    assert attendance_of(db, coop.id, assembly.id).proxies == ()
