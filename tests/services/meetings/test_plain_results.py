"""A closed meeting's results read from a co-op file without SQLAlchemy (``plain_results``) are
exactly what ``readings.meeting_results`` gives; whatever that read must answer (a server, an
open item, another co-op's meeting) it leaves to it."""

import datetime as dt

import pytest

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.services.coops import create_coop
from coopdesk.services.demo import create_demo
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.plain_results import closed_meeting_results
from coopdesk.services.meetings.readings import meeting_results
from tests.conftest import sample_profile

ASSEMBLY = 1  # the demo's assembly of last year, every item closed


def target(db):
    return str(db.path) if db.path is not None else db.url


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_closed_assembly_reads_as_the_ordinary_read_or_falls_back_on_a_server(db, language):
    coop = create_demo(db, members=15)
    i18n.set_language(language)  # the titles of standard items are shown in the screen's language
    ordinary = meeting_results(db, coop.id, ASSEMBLY)
    assert ordinary and all(r.closed for r in ordinary)
    plain = closed_meeting_results(target(db), None, ASSEMBLY)
    if db.path is None:  # PostgreSQL: the ordinary read answers
        assert plain is None
        return
    assert plain == ordinary
    assert [r.as_json() for r in plain] == [r.as_json() for r in ordinary]
    assert closed_meeting_results(target(db), coop.id, ASSEMBLY) == ordinary  # --coop naming the same co-op


def test_an_open_item_is_left_to_the_ordinary_read(sqlite_db):
    coop = create_demo(sqlite_db, members=15)
    meeting = create_meeting(sqlite_db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2027년 정기총회",
                                                              dt.date(2027, 2, 27)), with_standard_agenda=True)
    assert closed_meeting_results(str(sqlite_db.path), None, meeting.id) is None
    assert closed_meeting_results(str(sqlite_db.path), None, ASSEMBLY) is not None


def test_a_meeting_without_items_reads_as_no_results(sqlite_db):
    coop = create_demo(sqlite_db, members=15)
    meeting = create_meeting(sqlite_db, coop.id, MeetingInput(MeetingKind.BOARD, "이사회", dt.date(2027, 1, 5)))
    assert closed_meeting_results(str(sqlite_db.path), None, meeting.id) == [] == \
        meeting_results(sqlite_db, coop.id, meeting.id)


def test_what_must_be_refused_or_chosen_is_left_to_the_ordinary_read(sqlite_db):
    coop = create_demo(sqlite_db, members=15)
    path = str(sqlite_db.path)
    assert closed_meeting_results(path, None, 99) is None  # no such meeting: refused there
    assert closed_meeting_results(path, coop.id + 1, ASSEMBLY) is None  # no such co-op: refused there
    create_coop(sqlite_db, sample_profile(name="두번째협동조합"))
    assert closed_meeting_results(path, None, ASSEMBLY) is None  # which co-op: asked there
    assert closed_meeting_results(f"sqlite:///{path}", None, ASSEMBLY) is None  # a URL: the ordinary open


def test_a_file_that_is_not_a_co_op_file_is_left_untouched(tmp_path):
    letter = tmp_path / "letter.coopdesk"
    letter.write_text("Dear members,", encoding="utf-8")
    assert closed_meeting_results(str(letter), None, ASSEMBLY) is None
    assert closed_meeting_results(str(tmp_path / "missing.coopdesk"), None, ASSEMBLY) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.coopdesk"]
    assert letter.read_text(encoding="utf-8") == "Dear members,"
