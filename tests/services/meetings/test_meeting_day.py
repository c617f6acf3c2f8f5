"""What happens in the room happens on the meeting day, and a notice is recorded once it went out."""

import datetime as dt

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import add_proxy, attendance_of, check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.notice import list_notices, record_notice
from coopdesk.services.meetings.votes import record_counts
from coopdesk.services.members.member import add_member

TODAY = dt.date.today()


@pytest.fixture
def coming(db, coop):
    """An ordinary assembly three weeks from today, with five members."""
    for n in range(1, 6):
        add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), joined_on=TODAY - dt.timedelta(days=60))
    return create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "총회",
                                                    TODAY + dt.timedelta(days=21)), with_standard_agenda=True)


def test_nobody_checks_in_or_votes_before_the_meeting_day(db, coop, coming):
    with pytest.raises(Refusal, match="what happens in the room is recorded on that day") as refused:
        check_in(db, coop.id, coming.id, 1)
    assert refused.value.params["date"] == coming.held_on
    with pytest.raises(Refusal, match="on that day"):
        record_counts(db, coop.id, list_items(db, coop.id, coming.id)[0].id, 1, 0, 0)
    assert attendance_of(db, coop.id, coming.id).present == 0
    # a proxy form handed in beforehand is recorded beforehand
    recorded = add_proxy(db, coop.id, coming.id, 2, family_name="김가족", lives_with_principal=True,
                         written_proof=True)
    assert [(line.key, line.proxy.holder_name) for line in recorded.lines] == [(2, "김가족")]
    assert attendance_of(db, coop.id, coming.id).proxies[0].principal == 2


def test_a_notice_dated_after_today_is_refused(db, coop, coming):
    with pytest.raises(Refusal, match="after today"):
        record_notice(db, coop.id, coming.id, TODAY + dt.timedelta(days=1), "우편")
    assert list_notices(db, coop.id, coming.id) == []
    view, check = record_notice(db, coop.id, coming.id, TODAY, "우편")
    assert check.on_time and view.sent_on == TODAY
