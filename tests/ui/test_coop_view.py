"""The co-op's profile shows the versions of the bylaws; an adopted amendment comes into force
once the secretary records the day it was reported to the city or province."""

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QLabel, QPushButton

from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop, get_coop
from coopdesk.services.meetings.agenda import ItemInput, add_item
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.members.member import add_member
from coopdesk.ui.context import CoopContext
from coopdesk.ui.coop_view import CoopView
from tests.conftest import TODAY, sample_profile

D = dt.date


def _amended(db):
    coop = create_coop(db, sample_profile(), adopted_on=D(2025, 1, 1))
    for n in range(1, 6):
        add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.EXTRAORDINARY_ASSEMBLY, "2026년 임시총회",
                                                       D(2026, 9, 19)))
    new = dataclasses.replace(coop.bylaws, share_price=20_000)
    item = add_item(db, coop.id, meeting.id, ItemInput(Subject.BYLAWS_AMENDMENT, "정관 변경의 건",
                                                       ResolutionKind.SPECIAL, new_bylaws=new))
    for n in range(1, 6):
        check_in(db, coop.id, meeting.id, n)
    record_counts(db, coop.id, item.id, 5, 0, 0)
    close_item(db, coop.id, item.id)
    return coop


def test_an_adopted_amendment_waits_for_its_report_then_comes_into_force(qtbot, sqlite_db):
    context = CoopContext(sqlite_db, _amended(sqlite_db))
    view = CoopView(context)
    qtbot.addWidget(view)
    waiting = view.widget().findChild(QPushButton, "record_report_2")
    label = view.widget().findChild(QLabel, "bylaws_version_2")
    assert "waiting for its report" in label.text() and "2026년 임시총회, item 1" in label.text()
    assert 1 not in view.report_buttons  # the first version is in force: nothing to record

    dialog = view.record_report(view.versions[1])
    dialog.date.setDate(dialog.date.date().fromString("2026-08-01", "yyyy-MM-dd"))  # before it was adopted
    dialog.ok_button.click()
    assert dialog.isVisible() and "before the amendment was adopted" in dialog.errors.message("reported_on")
    dialog.date.setDate(dialog.date.date().fromString("2026-10-02", "yyyy-MM-dd"))
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert get_coop(sqlite_db, context.coop_id).bylaws.share_price == 20_000
    assert context.coop.bylaws.share_price == 20_000  # every page hears of it
    assert waiting is not None and 2 not in view.report_buttons  # the page was drawn again
