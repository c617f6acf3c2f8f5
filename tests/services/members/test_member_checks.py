"""What the register refuses to hold, on SQLite and PostgreSQL: text that cannot be shown,
printed or exported, impossible dates, and events out of order or against a meeting already
counted.  Nothing refused is written."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import ImportRejected, Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.i18n import Translator, refusal_text
from coopdesk.services.meetings.agenda import ItemInput, add_item
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.members.exporting import export_members
from coopdesk.services.members.importing import guess_mapping, import_members, read_headers
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member, edit_member, get_member, record_event
from tests.conftest import TODAY

D = dt.date
JOINED = D(2025, 1, 10)
HELD = D(2026, 3, 28)


def counts(db):
    with db.engine.connect() as conn:
        return tuple(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                     for t in ("member", "member_event", "audit_entry"))


def add(db, coop, name="김민준", joined_on=JOINED, **kw):
    return add_member(db, coop.id, MemberDetails(name, "소비자", **kw), joined_on=joined_on, today=TODAY)


@pytest.mark.parametrize("name, char", [("김\x1b[1m민준", "U+001B"), ("김민\x00준", "U+0000")])
def test_a_name_with_an_escape_or_a_nul_is_refused_and_nothing_is_written(db, coop, name, char):
    """Today an ESC in one name makes the whole register impossible to export to .xlsx, and
    a NUL is stored by SQLite but breaks PostgreSQL (and any later move of the file to it)."""
    add(db, coop, "이서연")
    before = counts(db)
    with pytest.raises(Refusal) as exc:
        add(db, coop, name)
    assert (exc.value.field, exc.value.params["char"]) == ("name", char)
    with pytest.raises(Refusal) as exc:
        edit_member(db, coop.id, 1, MemberDetails(name, "소비자"), today=TODAY)
    assert exc.value.field == "name"
    assert counts(db) == before
    assert get_member(db, coop.id, 1, today=TODAY).name == "이서연"


def test_the_register_still_exports_to_a_spreadsheet(db, coop, tmp_path):
    add(db, coop, "이서연", notes="첫째 줄\n둘째 줄")
    with pytest.raises(Refusal):
        add(db, coop, "김\x1b민준")
    assert export_members(list_members(db, coop.id, today=TODAY), tmp_path / "register.xlsx", "ko") == 1


@pytest.mark.parametrize("details, field", [
    (dict(address="서울특별시 \u202e구포마"), "address"),
    (dict(notes="연락\x07바람"), "notes"),
    (dict(email="kim\x1b@example.kr"), "email"),
    (dict(address="서" * 201), "address"),
])
def test_other_details_are_checked_the_same_way(db, coop, details, field):
    with pytest.raises(Refusal) as exc:
        add(db, coop, **details)
    assert exc.value.field == field
    assert counts(db)[0] == 0


def test_an_import_refuses_the_same_names_by_line_and_imports_nothing(db, coop, tmp_path):
    path = tmp_path / "members.csv"
    rows = ["이름,조합원 유형,가입일", "이서연,소비자,2024-03-15", "김\x1b민준,소비자,2024-03-01",
            "박\x00지호,소비자,2024-03-01", "\u202e정우진,소비자,2024-03-01", "최하은,소비자,0001-03-01"]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    before = counts(db)
    with pytest.raises(ImportRejected) as exc:
        import_members(db, coop.id, path, guess_mapping(read_headers(path)), today=TODAY)
    problems = {p.line: p.refusal for p in exc.value.problems}
    assert sorted(problems) == [3, 4, 5, 6]
    assert [problems[n].field for n in (3, 4, 5, 6)] == ["name", "name", "name", "joined_on"]
    korean = refusal_text(problems[3], Translator("ko"))
    assert "U+001B" in korean and "2" in korean  # the character and where it is
    assert counts(db) == before


def test_joining_dates_stay_within_1900_to_2100(db, coop):
    for day in (D(1, 1, 1), D(1899, 12, 31)):
        with pytest.raises(Refusal) as exc:
            add(db, coop, joined_on=day)
        assert exc.value.field == "joined_on"
    with pytest.raises(Refusal) as exc:
        add_member(db, coop.id, MemberDetails("김민준", "소비자"), joined_on=None, applied_on=D(1, 1, 1),
                   today=TODAY)
    assert exc.value.field == "applied_on"


# -- events in order ----------------------------------------------------------------------------

def test_a_death_is_not_dated_before_the_admission_nor_after_today(db, coop):
    add(db, coop)
    before = counts(db)
    with pytest.raises(Refusal, match="before the member joined") as exc:
        record_event(db, coop.id, 1, EventKind.DECEASED, D(2025, 1, 9), today=TODAY)
    assert exc.value.field == "on"
    with pytest.raises(Refusal, match="after today") as exc:
        record_event(db, coop.id, 1, EventKind.DECEASED, TODAY + dt.timedelta(days=1), today=TODAY)
    assert exc.value.field == "on"
    with pytest.raises(Refusal, match="The date of the event") as exc:
        record_event(db, coop.id, 1, EventKind.WITHDRAWN, D(9999, 12, 31), today=TODAY)
    with pytest.raises(Refusal) as exc:
        record_event(db, coop.id, 1, EventKind.WITHDRAWN, TODAY, note="사유\x00", today=TODAY)
    assert exc.value.field == "note"
    assert counts(db) == before
    assert record_event(db, coop.id, 1, EventKind.DECEASED, TODAY, today=TODAY).status is MemberStatus.DECEASED


def test_an_application_is_not_recorded_after_the_admission(db, coop):
    add(db, coop)
    with pytest.raises(Refusal, match="after the admission"):
        record_event(db, coop.id, 1, EventKind.APPLIED, D(2025, 2, 1), today=TODAY)
    view = record_event(db, coop.id, 1, EventKind.APPLIED, D(2025, 1, 2), today=TODAY)
    assert view.standing.applied_on == D(2025, 1, 2)


@pytest.fixture
def counted(db, coop):
    """Members 1 to 3 joined in 2025, member 4 an applicant; an ordinary assembly on 28 March 2026
    whose one item is closed (members 1 and 2 present), and a later one not yet counted."""
    for name in ("김민준", "이서연", "박도윤"):
        add(db, coop, name)
    add_member(db, coop.id, MemberDetails("최하은", "소비자"), joined_on=None, applied_on=D(2026, 1, 5), today=TODAY)
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD))
    item = add_item(db, coop.id, meeting.id, ItemInput(Subject.OTHER, "사업계획 승인", ResolutionKind.ORDINARY))
    for n in (1, 2):
        check_in(db, coop.id, meeting.id, n)
    record_counts(db, coop.id, item.id, 2, 0, 0)
    close_item(db, coop.id, item.id)
    later = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "임시총회", D(2026, 6, 1)))
    add_item(db, coop.id, later.id, ItemInput(Subject.OTHER, "안건", ResolutionKind.ORDINARY))
    return meeting


@pytest.mark.parametrize("number, kind, on", [
    (3, EventKind.DECEASED, D(2026, 3, 10)),  # counted on the register of the 28th
    (3, EventKind.DECEASED, HELD),  # the day itself: not on that day's register
    (1, EventKind.WITHDRAWN, D(2025, 6, 1)),
    (2, EventKind.WITHDRAWAL_NOTICE, D(2026, 2, 20)),  # 30 days' notice: gone by the 28th
    (4, EventKind.ADMITTED, D(2026, 2, 1)),  # would have been on the register, and was not counted
])
def test_an_event_that_would_change_a_counted_register_is_refused_naming_the_meeting(db, coop, counted,
                                                                                     number, kind, on):
    before = counts(db)
    with pytest.raises(Refusal) as exc:
        record_event(db, coop.id, number, kind, on, today=TODAY)
    assert exc.value.field == "on"
    assert exc.value.params == {"held_on": HELD, "title": "2026년 정기총회", "date": on}
    said = refusal_text(exc.value, Translator("en"))
    assert "Mar 28, 2026" in said and "2026년 정기총회" in said and "record the event dated after" in said
    assert counts(db) == before


@pytest.mark.parametrize("number, kind, on", [
    (3, EventKind.DECEASED, D(2026, 3, 29)),  # after the meeting
    (3, EventKind.DECEASED, D(2026, 5, 1)),  # before a meeting with nothing counted yet
    (2, EventKind.WITHDRAWAL_NOTICE, D(2026, 3, 1)),  # withdrawing on the 28th: still on the register
    (4, EventKind.ADMITTED, D(2026, 3, 29)),
    (4, EventKind.DECEASED, D(2026, 3, 1)),  # an applicant was on no register
])
def test_an_event_that_leaves_the_counted_register_as_it_was_is_recorded(db, coop, counted, number, kind, on):
    view = record_event(db, coop.id, number, kind, on, today=TODAY)
    assert view.events[-1].kind is kind and view.events[-1].on == on
