"""The co-op's year as an .ics file, read back with a real iCalendar parser (the ``icalendar``
package): one all-day event per open task on its due day, summaries in the chosen language, UIDs
that stay the same between two exports, a co-op name with commas and semicolons escaped, and long
Korean text folded by octets, never inside a character."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.year.agenda import mark_done, year_agenda
from coopdesk.services.year.calendar import LINE_OCTETS, calendar_ics, fold, write_calendar

D = dt.date
TODAY = D(2026, 11, 21)
NAME = "햇살, 마을; 나눔 협동조합"
TITLE = "조합원 여러분과 함께 나누는 햇살마을 공동체 돌봄 사업의 새로운 방향과 정관 변경에 관한 임시총회"


@pytest.fixture
def coop(db):
    from tests.conftest import sample_profile

    info = create_coop(db, sample_profile(name=NAME), adopted_on=D(2024, 1, 1))
    create_meeting(db, info.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, TITLE, D(2026, 12, 31)))
    return info


def events(data: bytes) -> list:
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_every_open_task_is_an_all_day_event_on_its_due_day_with_a_reminder(db, coop):
    mark_done(db, coop.id, "yearly_report:2025", on=D(2026, 3, 30), today=TODAY)
    found = events(calendar_ics(db, coop.id, TODAY, "en"))
    tasks = year_agenda(db, coop.id, TODAY).open
    assert len(found) == len(tasks) > 5
    by_uid = {str(e["UID"]): e for e in found}
    assert not [uid for uid in by_uid if uid.startswith("yearly_report-2025-")]  # done: not on the calendar
    for task, event in zip(tasks, found):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert not isinstance(start, dt.datetime)  # an all-day event
        assert (start, end) == (task.deadline.due_on, task.deadline.due_on + dt.timedelta(days=1))
        alarm = next(c for c in event.walk() if c.name == "VALARM")
        assert alarm.decoded("TRIGGER") == -dt.timedelta(days=7)
    notice = next(e for e in found if str(e["UID"]).startswith("notice-meeting-"))
    assert event_text(notice, "SUMMARY") == f"Meeting notice ({NAME})"
    assert notice.decoded("DTSTART") == D(2026, 12, 23)
    assert event_text(notice, "DESCRIPTION").endswith("\nAct 28④")


def event_text(event, name: str) -> str:
    return str(event[name])


def test_the_summaries_are_in_the_chosen_language(db, coop):
    found = events(calendar_ics(db, coop.id, TODAY, "ko"))
    notice = next(e for e in found if str(e["UID"]).startswith("notice-meeting-"))
    assert event_text(notice, "SUMMARY") == f"소집 통지 ({NAME})"
    assert "2026. 12. 23." in event_text(notice, "DESCRIPTION")
    assert event_text(notice, "DESCRIPTION").endswith("법 제28조④")
    assembly = next(e for e in found if str(e["UID"]).startswith("ordinary_assembly-2026-"))
    assert event_text(assembly, "SUMMARY").startswith("정기총회")


def test_uids_are_stable_between_two_exports_and_differ_between_co_ops(db, coop, tmp_path):
    first = write_calendar(db, coop.id, tmp_path / "a.ics", TODAY, "ko").read_bytes()
    second = calendar_ics(db, coop.id, TODAY, "en")
    assert [str(e["UID"]) for e in events(first)] == [str(e["UID"]) for e in events(second)]
    from tests.conftest import sample_profile

    other = create_coop(db, sample_profile(name="두번째협동조합"), adopted_on=D(2024, 1, 1))
    theirs = {str(e["UID"]) for e in events(calendar_ics(db, other.id, TODAY, "ko"))}
    assert not theirs & {str(e["UID"]) for e in events(first)}


def test_commas_and_semicolons_of_the_name_are_escaped(db, coop):
    data = calendar_ics(db, coop.id, TODAY, "ko")
    assert "X-WR-CALNAME:햇살\\, 마을\\; 나눔 협동조합".encode() in data.replace(b"\r\n ", b"")
    assert "SUMMARY:소집 통지 (햇살\\, 마을\\; 나눔 협동조합)".encode() in data.replace(b"\r\n ", b"")
    assert all(str(e["SUMMARY"]).endswith(f"({NAME})") for e in events(data))  # read back whole


def test_long_korean_text_is_folded_by_octets_never_inside_a_character(db, coop):
    data = calendar_ics(db, coop.id, TODAY, "ko")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in data.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= LINE_OCTETS
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    for line in lines:
        line.decode("utf-8")  # each physical line is whole characters
    notice = next(e for e in events(data) if str(e["UID"]).startswith("notice-meeting-"))
    assert TITLE in event_text(notice, "DESCRIPTION")


@pytest.mark.parametrize("prefix", ["", "a", "ab"])
def test_fold_keeps_every_character_whole_at_the_edge(prefix):
    line = "DESCRIPTION:" + prefix + "가" * 60
    folded = fold(line)
    parts = folded[:-2].split(b"\r\n ")
    assert all(len(p) + (1 if i else 0) <= LINE_OCTETS for i, p in enumerate(parts))
    assert b"".join(parts).decode("utf-8") == line
    assert len(parts[0]) in (LINE_OCTETS, LINE_OCTETS - 1, LINE_OCTETS - 2)
