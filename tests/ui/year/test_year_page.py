"""The year's page (오늘 할 일), driven as a secretary would, over a real co-op file: it is the page a
co-op opens on, lists what the law expects with the articles, leads to the area that deals with
each task, and keeps what was marked done."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from coopdesk import i18n
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.officers.terms import Office
from coopdesk.i18n import Translator
from coopdesk.services.coops import create_coop
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.member import add_member
from coopdesk.services.officers.terms import TermInput, add_term
from coopdesk.services.year.agenda import year_agenda
from coopdesk.ui.context import CoopContext
from coopdesk.ui.meetings.page import MeetingsPage
from coopdesk.ui.members.page import MembersPage
from coopdesk.ui.officers.page import OfficersPage
from coopdesk.ui.widgets.colours import AMBER, RED
from coopdesk.ui.workspace import AREAS, Workspace
from coopdesk.ui.year import page as year_page
from coopdesk.ui.year.done_dialog import MarkDoneDialog
from coopdesk.ui.year.page import YearPage
from tests.conftest import sample_profile
from tests.support.jobs import wait_for_job

TODAY = dt.date(2026, 11, 21)  # fiscal years run January to December: fiscal year 2025's assembly was due 2026-03-31
TERM_ENDS = TODAY + dt.timedelta(days=30)
ASSEMBLY = "ordinary_assembly:2025"
NAMES = ("김민준", "이서연", "박도윤", "최하은", "정지우", "강서준")


@pytest.fixture
def context(sqlite_db, monkeypatch):
    """A co-op since 2020 that never held its assembly, one of whose directors leaves office in 30 days."""
    monkeypatch.setattr(year_page, "today", lambda: TODAY)
    context = CoopContext(sqlite_db, create_coop(sqlite_db, sample_profile(), adopted_on=dt.date(2020, 1, 1)))
    for name in NAMES:
        add_member(sqlite_db, context.coop_id, MemberDetails(name, "소비자"), joined_on=dt.date(2020, 3, 1))
    context.term = add_term(sqlite_db, context.coop_id, TermInput(Office.DIRECTOR, dt.date(2024, 12, 22), TERM_ENDS,
                                                                  member_number=2), today=TODAY)
    return context


@pytest.fixture
def workspace(qtbot, context):
    w = Workspace(context)
    qtbot.addWidget(w)
    w.resize(1100, 700)
    w.show()
    return w


def term_key(context) -> str:
    return f"term_end:officer_term:{context.term.id}"


def shown_dialog(page: YearPage) -> MarkDoneDialog:
    (dialog,) = [d for d in page.findChildren(MarkDoneDialog) if d.isVisible()]
    return dialog


def test_a_co_op_opens_on_its_year_with_the_overdue_assembly_and_the_term_ending(workspace, context):
    assert workspace.current_area == "year" and isinstance(workspace.stack.currentWidget(), YearPage)
    assert isinstance(workspace.pages["members"], MembersPage)  # built too: the status bar counts its members
    page = workspace.pages["year"]
    keys = page.open_keys()
    assert ASSEMBLY in keys and term_key(context) in keys
    assembly, term = page.rows[ASSEMBLY], page.rows[term_key(context)]
    assert assembly.article_label.text() == "Act 28③" and term.article_label.text() == "Act 35①"
    assert "fiscal year 2025" in assembly.what_label.text() and "Mar 31, 2026" in assembly.date_label.text()
    assert assembly.state_label.text() == "Past the deadline" and RED in assembly.date_label.styleSheet()
    assert "이서연" in term.what_label.text() and term.date_label.text() == "Dec 21, 2026"
    assert term.state_label.text() == "Due soon" and AMBER in term.date_label.styleSheet()
    assert keys.index(ASSEMBLY) < keys.index(term_key(context))  # by due date
    assert "tasks are past their deadline" in page.summary.text()


def test_the_assembly_deadline_leads_to_the_meetings_page(workspace):
    row = workspace.pages["year"].rows[ASSEMBLY]
    assert row.go_button.text() == "Go to meetings"
    row.go_button.click()
    assert workspace.current_area == "meetings" and isinstance(workspace.stack.currentWidget(), MeetingsPage)


def test_a_term_ending_leads_to_the_officers_page_with_the_term_selected(workspace, context):
    workspace.pages["year"].rows[term_key(context)].go_button.click()
    officers = workspace.stack.currentWidget()
    assert isinstance(officers, OfficersPage) and workspace.current_area == "officers"
    assert officers.selected_term() is not None and officers.selected_term().id == context.term.id


def test_a_planned_meeting_s_notice_leads_to_that_meeting(workspace, context):
    meeting = create_meeting(context.db, context.coop_id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY,
                                                                      "임시총회", TODAY + dt.timedelta(days=20)))
    context.notify("meetings")  # as the meetings page says when it adds one
    page = workspace.pages["year"]
    key = f"notice:meeting:{meeting.id}"
    QApplication.processEvents()
    assert key in page.open_keys() and "임시총회" in page.rows[key].what_label.text()
    page.rows[key].go_button.click()
    meetings = workspace.stack.currentWidget()
    assert isinstance(meetings, MeetingsPage) and meetings.selected_meeting().id == meeting.id


def test_a_task_marked_done_moves_to_done_with_its_day_and_note_and_undo_brings_it_back(workspace, context):
    page = workspace.pages["year"]
    page.rows[ASSEMBLY].done_button.click()
    dialog = shown_dialog(page)
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(-2))
    dialog.note_edit.setText("정기총회 개최, 회의록 보관")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert ASSEMBLY in page.done_keys() and ASSEMBLY not in page.open_keys()
    row = page.rows[ASSEMBLY]
    assert row.state_label.text() == "Done Nov 19, 2026" and "정기총회 개최, 회의록 보관" in row.article_label.text()
    assert row.undo_button.isVisible() and not row.done_button.isVisible() and not row.go_button.isVisible()
    (task,) = [t for t in year_agenda(context.db, context.coop_id, TODAY).done]  # on the record
    assert (task.key, task.done_on) == (ASSEMBLY, dt.date(2026, 11, 19))
    row.undo_button.click()
    assert ASSEMBLY in page.open_keys() and page.done_keys() == []


def test_a_day_after_today_is_refused_in_the_dialog_and_nothing_is_recorded(workspace, context):
    page = workspace.pages["year"]
    dialog = page.mark_done(term_key(context))
    dialog.date_edit.setDate(dialog.date_edit.date().addDays(1))
    dialog.ok_button.click()
    assert dialog.isVisible() and "after today" in dialog.errors.message("on")
    assert year_agenda(context.db, context.coop_id, TODAY).done == () and page.done_keys() == []


def test_the_page_follows_a_change_made_in_another_area(qtbot, workspace, context):
    page = workspace.pages["year"]
    assert "auditor_missing:2026" in page.open_keys()
    add_term(context.db, context.coop_id, TermInput(Office.AUDITOR, dt.date(2026, 3, 1), dt.date(2028, 2, 29),
                                                    member_number=5), today=TODAY)
    context.notify("officers")  # as the officers page says after a change
    qtbot.waitUntil(lambda: "auditor_missing:2026" not in page.open_keys(), timeout=5000)


def test_the_same_in_korean(qtbot, context):
    i18n.set_language("ko")
    ko = Translator("ko")
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    workspace.show()
    assert workspace.navigation.item(0).text() == ko.gettext("The year") == "오늘 할 일"
    assert [workspace.navigation.item(i).text() for i in range(len(AREAS))] == [ko.gettext(a.label) for a in AREAS]
    page = workspace.pages["year"]
    row = page.rows[ASSEMBLY]
    assert row.article_label.text() == "법 제28조③" and row.state_label.text() == ko.gettext("Past the deadline")
    assert row.date_label.text() == "2026. 3. 31." and "2025" in row.what_label.text()
    assert row.go_button.text() == ko.gettext("Go to meetings") == "회의로 가기"
    assert row.done_button.text() == ko.gettext("Mark done\u2026")
    term = page.rows[term_key(context)]
    assert term.article_label.text() == "법 제35조①" and term.state_label.text() == ko.gettext("Due soon")
    row.done_button.click()
    dialog = shown_dialog(page)
    assert dialog.windowTitle() == ko.gettext("Mark done")
    dialog.note_edit.setText("총회 개최")
    dialog.ok_button.click()
    done = page.rows[ASSEMBLY]
    assert done.state_label.text() == ko.gettext("Done {date}", date="2026. 11. 21.") and "총회 개최" in \
        done.article_label.text()
    assert done.undo_button.text() == ko.gettext("Undo")
    page.rows[term_key(context)].go_button.click()
    assert workspace.current_area == "officers"


def test_the_calendar_exports_to_an_ics_file_a_phone_reads(workspace, context, tmp_path):
    import icalendar

    page = workspace.pages["year"]
    assert page.export_calendar(tmp_path / "year.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "year.ics").read_bytes())
    events = [e for e in calendar.walk("VEVENT")]
    assert len(events) == len(page.open_keys())
    assert any("이서연" in str(e.get("SUMMARY")) + str(e.get("DESCRIPTION", "")) for e in events)
    assert not page.export_calendar(tmp_path / "no such folder" / "year.ics")  # refused, said, nothing written
    assert not (tmp_path / "no such folder").exists()


def test_the_year_s_plan_prints_on_one_page_in_the_language_chosen(qtbot, workspace, context, tmp_path):
    from pypdf import PdfReader

    dialog = workspace.pages["year"].print_plan()
    assert dialog.path_edit.text().endswith("햇살마을협동조합 Year plan 2026.pdf")
    dialog.set_language("ko")  # the suggested name follows the document's language
    assert dialog.path_edit.text().endswith("햇살마을협동조합 연간 일정표 2026.pdf")
    dialog.path_edit.setText(str(tmp_path / "plan.pdf"))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_for_job(qtbot, dialog)
    (only,) = PdfReader(tmp_path / "plan.pdf").pages
    text = "".join(only.extract_text().split())
    assert "2026회계연도연간일정표" in text and "법제28조③" in text and "이서연" in text
    assert dialog.result_ is not None and dialog.result_.pages == 1


def test_opened_from_its_first_screen_the_page_fills_in_once_the_database_opens(qtbot, tmp_path, monkeypatch):
    from coopdesk.services.demo import create_demo
    from coopdesk.services.files import open_database
    from coopdesk.ui.app import create_main_window

    monkeypatch.setattr(year_page, "today", lambda: TODAY)
    path = tmp_path / "햇살.coopdesk"
    db = open_database(path)
    create_demo(db, members=15)
    db.close()
    window = create_main_window(language="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_first_screen(str(path))
    page = window.workspace.pages["year"]
    assert window.workspace.current_area == "year" and not window.context.is_open
    assert page.agenda is None and page.summary.text() == "Reading what the law expects next\u2026"
    assert not page.plan_action.isEnabled()
    assert window.count_label.text() == "12 members on the register"  # of its 15, read without the database
    qtbot.waitUntil(lambda: page.agenda is not None, timeout=30_000)  # opened while idle, then read
    assert page.plan_action.isEnabled() and page.summary.text().startswith("From the co-op's own records")


def test_a_long_list_shows_its_first_tasks_and_counts_the_rest(qtbot, context, monkeypatch):
    monkeypatch.setattr(year_page, "MAX_OPEN_ROWS", 3)
    page = YearPage(context)
    qtbot.addWidget(page)
    page.show()
    hidden = len(page.open_keys()) - 3
    assert hidden > 0 and list(page.rows) == page.open_keys()[:3]
    assert page.findChild(QLabel, "more_open").text() == f"And {hidden} more."


def test_a_withheld_refund_is_shown_as_withheld_with_its_reason_not_as_a_duty(qtbot, context):
    """Member 6 withdrew in 2025 holding capital; the co-op withholds the refund while they owe it."""
    from coopdesk.domain.members.standing import EventKind
    from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
    from coopdesk.services.capital.refunds import withhold_refund
    from coopdesk.services.members.member import record_event

    db, coop_id = context.db, context.coop_id
    subscribe_many(db, coop_id, [NewSubscription(n, 10, dt.date(2020, 3, 1)) for n in range(1, 7)], today=TODAY)
    pay(db, coop_id, 6, 100_000, on=dt.date(2020, 3, 2), today=TODAY)
    record_event(db, coop_id, 6, EventKind.WITHDRAWN, dt.date(2024, 6, 30), today=TODAY)
    withhold_refund(db, coop_id, 6, on=dt.date(2025, 1, 10), reason="물품 외상 80,000원", today=TODAY)
    i18n.set_language("ko")
    page = YearPage(context)
    qtbot.addWidget(page)
    (key,) = [k for k in page.open_keys() if k.startswith("refund_")]
    row = page.rows[key]
    assert key.startswith("refund_withheld:member:") and row.state_label.text() == "환급 정지"
    assert "물품 외상 80,000원" in row.what_label.text() and "정지" in row.what_label.text()
    assert RED not in row.date_label.styleSheet() and AMBER not in row.date_label.styleSheet()
    assert row.article_label.text() == "법 제26조③" and row.go_button.text() == "출자금으로 가기"
    # the summary counts the overdue assembly and the term ending, not the withheld refund
    overdue = [t for t in page.agenda.open if t.deadline.warning or t.urgency(TODAY).value == "overdue"]
    assert key not in {t.key for t in overdue}
    row.grab().save("/tmp/year_withheld_row.png")


def test_a_co_op_being_founded_shows_the_foundings_next_step(qtbot, sqlite_db, monkeypatch):
    from coopdesk.services.coops import get_coop
    from coopdesk.services.founding.people import add_founder
    from coopdesk.services.founding.start import start_founding
    from coopdesk.services.founding.views import PersonInput

    monkeypatch.setattr(year_page, "today", lambda: TODAY)
    founding = start_founding(sqlite_db, sample_profile(name="햇빛발전협동조합"), started_on=dt.date(2026, 10, 1),
                              today=TODAY)
    for n, name in enumerate(NAMES[:3], start=1):
        add_founder(sqlite_db, founding.coop_id, PersonInput(name, "소비자", dt.date(2026, 10, 2), 10, founder=True),
                    today=TODAY)
    context = CoopContext(sqlite_db, get_coop(sqlite_db, founding.coop_id))
    i18n.set_language("ko")
    workspace = Workspace(context)
    qtbot.addWidget(workspace)
    workspace.resize(1100, 700)
    workspace.show()
    page = workspace.pages["year"]
    keys = page.open_keys()
    assert "founding:preparing" in keys and "founding_check:founders" in keys
    assert not [k for k in keys if k.startswith(("few_members:", "board_below_minimum:", "yearly_report:"))]
    founders = page.rows["founding_check:founders"]
    assert founders.what_label.text() == "발기인 3명 기록; 법은 5명 이상을 요구합니다."
    assert founders.article_label.text() == "법 제15조①"
    assert founders.go_button.text() == "설립으로 가기"
    page.grab().save("/tmp/year_founding_page.png")
    founders.go_button.click()
    assert workspace.current_area == "founding"
