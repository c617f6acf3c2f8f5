"""A co-op founded in the window, in Korean: the founding started on the Founding page, 7 founders
and 5 more consenters entered through its dialog, the representative named, the plan and budget
typed into its tables, the founding meeting and its public notice created there, the meeting run
(the room's clicks through the meetings services, tested on their own page), the filing pack
printed and read back, the steps after filing recorded, and the 12 consenters on the member page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate

from coopdesk import i18n
from coopdesk.domain.education.sessions import SessionDetails, SessionKind
from coopdesk.domain.founding.plans import PlanTable
from coopdesk.domain.founding.stage import FoundingStage
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services.capital.balances import balances
from coopdesk.services.coops import create_coop
from coopdesk.services.education.sessions import record_session
from coopdesk.services.founding.plans import lines_of
from coopdesk.services.founding.start import get_founding
from coopdesk.ui.context import CoopContext
from coopdesk.ui.founding.page import CHECKS_TAB, FILING_TAB, PLAN_TAB, FoundingPage
from coopdesk.ui.founding.people_model import NAME, ROLE, SHARES
from coopdesk.ui.founding.plan_editor import AMOUNT, DETAIL, ITEM
from coopdesk.ui.workspace import AREAS, Workspace
from tests.conftest import sample_profile
from tests.services.founding_papers.helpers import hold_meeting

D = dt.date
NAMES = ("김민준", "이서연", "박지호", "최수아", "정우진", "강하은", "윤도현",  # founders
         "임채원", "한지민", "오세훈", "서유나", "문태호")
HELD = D(2026, 9, 5)


@pytest.fixture
def korean():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


@pytest.fixture
def workspace(qtbot, sqlite_db, korean):
    coop = create_coop(sqlite_db, sample_profile(name="햇빛발전협동조합"), adopted_on=D(2026, 8, 1))
    w = Workspace(CoopContext(sqlite_db, coop))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    return w


def shown(page: FoundingPage, column: int) -> list[str]:
    m = page.people_model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def founding_row(w: Workspace) -> int:
    return [a.key for a in AREAS].index("founding")


def set_date(edit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def enter_person(page: FoundingPage, n: int, founder: bool) -> None:
    dialog = page.add_person(founder=founder)
    dialog.name_edit.setText(NAMES[n - 1])
    dialog.type_combo.setCurrentIndex(0 if n % 3 else 1)
    set_date(dialog.consented, D(2026, 8, 2) if founder else D(2026, 8, 28))
    dialog.shares.setValue(10 if founder else 5)
    dialog.birth.set_value(D(1960 + n, 1 + n % 12, 1))
    dialog.phone.setText(f"010-1234-{n:04d}")
    dialog.address.setText("전라북도 전주시 완산구")
    assert dialog.founder_box.isChecked() is founder
    dialog.accept()
    assert not dialog.isVisible(), dialog.errors.shown()


def fill_table(page: FoundingPage, kind: PlanTable, lines) -> None:
    page.tabs.setCurrentIndex(PLAN_TAB)
    page.plan.choose(kind)
    for item, detail, amount in lines:
        row = page.plan.add_line()
        page.plan.table.item(row, ITEM).setText(item)
        page.plan.table.item(row, DETAIL).setText(detail)
        page.plan.table.item(row, AMOUNT).setText(amount)
    assert page.plan.save(), page.plan.errors.shown()


def record(page: FoundingPage, dialog, day: dt.date, number: str = "") -> None:
    set_date(dialog.day, day)
    dialog.number.setText(number)
    dialog.accept()
    assert not dialog.isVisible(), dialog.errors.shown()


def test_a_coop_is_founded_in_the_window(qtbot, workspace, tmp_path):
    w, db = workspace, workspace.context.db
    coop_id = w.context.coop_id
    assert not w.navigation.isRowHidden(founding_row(w))  # nobody on the register: it may be founded
    w.show_area("founding")
    page = w.page("founding")
    assert isinstance(page, FoundingPage) and page.stack.currentIndex() == 0

    start = page.start()
    set_date(start.started, D(2026, 8, 1))
    start.authority.setText("전북특별자치도지사")
    start.accept()
    assert page.stack.currentIndex() == 1 and page.founding.stage is FoundingStage.PREPARING

    for n in range(1, 8):
        enter_person(page, n, founder=True)
    for n in range(8, 13):
        enter_person(page, n, founder=False)
    assert page.people_model.rowCount() == 12
    assert shown(page, ROLE)[0] == "발기인" and shown(page, ROLE)[7] == "설립동의자"
    assert shown(page, NAME) == list(NAMES) and shown(page, SHARES)[:8] == ["10"] * 7 + ["5"]
    page.select_person(1)
    assert page.make_representative()
    assert shown(page, ROLE)[0] == "발기인(대표)"

    # A refusal stays in the dialog, and nothing changes: a consenter without a name.
    refused = page.add_person()
    refused.accept()
    assert refused.isVisible() and refused.errors.shown()
    refused.reject()
    assert page.people_model.rowCount() == 12

    course = record_session(db, coop_id, SessionDetails(SessionKind.FOUNDING_COURSE, "협동조합 설립 교육",
                                                        D(2026, 8, 20), dt.time(19), dt.time(21), "마을회관", "김강사"))
    linking = page.link_course()  # the education page records the course; the founding page links it
    assert linking.course_combo.currentData() == course.id
    linking.accept()
    assert get_founding(db, coop_id).course.id == course.id
    settings = page.edit_settings()
    settings.ministry.setText("")  # a ministry's name is needed: refused, nothing changed
    settings.accept()
    assert settings.isVisible() and settings.errors.shown()
    settings.reject()
    assert get_founding(db, coop_id).ministry == "기획예산처"
    fill_table(page, PlanTable.BUSINESS_PLAN, [("태양광 발전 사업", "마을 지붕 태양광", "30,000,000"),
                                               ("에너지 교육 사업", "주민 교육", "5000000")])
    row = page.plan.add_line()  # a refusal under the table, and nothing saved
    page.plan.table.item(row, ITEM).setText("마을 카페")
    page.plan.table.item(row, AMOUNT).setText("삼십만")
    assert not page.plan.save() and "3번째 줄" in page.plan.errors.message()
    w.context.notify("education")  # the page reloads: the table being typed in stays as typed
    assert page.plan.table.rowCount() == 3
    page.plan.table.setCurrentCell(row, ITEM)
    page.plan.remove_line()
    assert page.plan.save()
    assert [v.line.item for v in lines_of(db, coop_id, PlanTable.BUSINESS_PLAN)] == ["태양광 발전 사업", "에너지 교육 사업"]
    fill_table(page, PlanTable.INCOME, [("출자금", "", "950000"), ("전력 판매", "", "30000000")])
    fill_table(page, PlanTable.EXPENSE, [("설비 유지", "", "20000000"), ("교육", "", "5000000")])
    fill_table(page, PlanTable.FOUNDING_EXPENSES, [("창립총회 대관", "", "200000")])
    assert page.plan.total.text() == "합계: 200,000원"

    page.tabs.setCurrentIndex(CHECKS_TAB)
    unmet = [page.checks.item(r).text() for r in range(page.checks.count()) if page.checks.item(r).text()[0] == "✗"]
    assert unmet and any("법 제15조" in text for text in unmet)  # what is missing, with its article
    meeting = page.create_meeting()
    assert meeting.chair.text() == "김민준"  # the representative, by default
    set_date(meeting.held, HELD)
    meeting.place.setText("마을회관 2층")
    meeting.accept()
    assert not meeting.isVisible(), meeting.errors.shown()
    notice = page.record_notice()
    set_date(notice.posted, D(2026, 8, 25))
    notice.place.setText("마을회관 게시판 및 누리집")
    notice.qualifications.setText("조합의 설립 목적에 동의하고 조합원으로서의 의무를 다하고자 하는 자")
    notice.accept()
    assert not notice.isVisible(), notice.errors.shown()
    view = get_founding(db, coop_id)
    assert all(c.met for c in view.checks), [c.english() for c in view.checks if not c.met]
    assert page.go_button.isEnabled()
    with qtbot.waitSignal(page.follow) as followed:
        page.go_button.click()
    assert followed.args == ["meetings", view.meeting.id]

    hold_meeting(db, coop_id)  # check-in, votes, the election and the signers: the meetings page's work
    w.context.notify("meetings")
    w.show_area("founding")
    assert page.founding.stage is FoundingStage.MEETING_HELD
    assert "발기인 7명, 설립동의자 12명, 청약 95좌(950,000원)" in page.summary.text()

    dialog = page.print_pack()
    dialog.set_language("ko")
    dialog.path_edit.setText(str(tmp_path / "설립신고 서류.pdf"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=60_000)
    reader = PdfReader(io.BytesIO((tmp_path / "설립신고 서류.pdf").read_bytes()))
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    for words in ("설립신고서류", "목차", "협동조합설립신고서", "햇빛발전협동조합정관", "창립총회개최공고",
                  "창립총회의사록", "임원명부", "사업계획서", "태양광발전사업", "수입·지출예산서",
                  "출자1좌당금액과조합원별출자좌수", "발기인및설립동의자명부", "전북특별자치도지사귀하", *NAMES):
        assert words in text, words
    assert len(reader.pages) == dialog.result_.pages >= 15

    page.tabs.setCurrentIndex(FILING_TAB)
    record(page, page.record_filing(), D(2026, 9, 10))
    record(page, page.record_certificate(), D(2026, 9, 28), "전북-2026-17")
    late = page.record_handover()  # before the certificate: refused, nothing changed
    set_date(late.day, D(2026, 9, 1))
    late.accept()
    assert late.isVisible() and late.errors.shown()
    late.reject()
    record(page, page.record_handover(), D(2026, 9, 29))
    record(page, page.record_capital_paid(), D(2026, 10, 5))
    registration = page.record_registration()
    record(page, registration, D(2026, 10, 15))
    assert get_founding(db, coop_id).stage is FoundingStage.REGISTERED
    assert "전북-2026-17" in page.filing_text() and "2026년 10월 15일" in page.filing_text()
    assert not page.add_consenter_button.isEnabled() and page.print_action.isEnabled()  # the first chapter, read-only
    assert not w.navigation.isRowHidden(founding_row(w))

    w.show_area("members")
    members = w.members_page.model
    names = [members.data(members.index(r, 1)) for r in range(members.rowCount())]
    assert sorted(names) == sorted(NAMES)
    capital = {c.number: (c.shares, c.paid, c.status) for c in balances(db, coop_id)}
    assert capital == {n: (10 if n <= 7 else 5, (10 if n <= 7 else 5) * 10_000, MemberStatus.MEMBER)
                       for n in range(1, 13)}


def test_a_coop_with_members_and_no_founding_has_no_founding_area(qtbot, sqlite_db, korean):
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.members.member import add_member

    coop = create_coop(sqlite_db, sample_profile(), adopted_on=D(2020, 1, 1))
    add_member(sqlite_db, coop.id, MemberDetails("김민준", "소비자"), joined_on=D(2020, 1, 10))
    w = Workspace(CoopContext(sqlite_db, coop))
    qtbot.addWidget(w)
    assert w.navigation.isRowHidden(founding_row(w))
