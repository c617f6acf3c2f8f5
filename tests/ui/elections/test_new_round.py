"""A round that leaves a seat unfilled (nobody else reached the majority) offers a new round for
the seats left; whoever the first round elected cannot stand in it, anyone else can."""

from __future__ import annotations

import pytest

from coopdesk.domain.officers.terms import Office
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import list_meetings
from tests.services.elections.helpers import HELD
from tests.support.jobs import wait_for_job
from tests.ui.elections.test_election_in_the_room import (  # noqa: F401 (the fixture)
    add_candidates, add_office, click, context, open_room, vote,
)

VOTERS = range(1, 10)  # 9 of 15 present


@pytest.mark.qt_log_ignore(r"does not support raise\(\)", "does not support grabbing the keyboard")
def test_a_seat_left_unfilled_gets_a_new_round_with_candidates_taken_on_the_day(qtbot, context):
    import datetime as dt

    meeting = list_meetings(context.db, context.coop_id)[0].id
    for n in VOTERS:
        check_in(context.db, context.coop_id, meeting, n, at=dt.datetime.combine(HELD, dt.time(13, 50)))
    room = open_room(qtbot, context)
    panel = room.item_panel.election
    setup = panel.setup
    setup.from_edit.set_value(dt.date(2026, 3, 10))
    setup.to_edit.set_value(dt.date(2026, 3, 20))
    click(qtbot, setup.save_button)
    add_office(qtbot, room, Office.DIRECTOR, 2)
    assert add_candidates(qtbot, room, Office.DIRECTOR, 2, 6, 7) == ""
    assert not panel.round_button.isVisible()
    click(qtbot, panel.open_button)
    first = panel.election.contests[0].id
    for voter in VOTERS:  # everyone marks member 2 only: 6 and 7 get no votes, below the majority
        vote(qtbot, room, str(voter), {first: (2,)})
    click(qtbot, panel.close_button)
    qtbot.waitUntil(lambda: panel.decide_button.isEnabled(), timeout=20_000)
    wait_for_job(qtbot, panel)  # the counting thread has ended
    click(qtbot, panel.decide_button)

    assert panel.round_button.isVisible()
    assert panel.round_button.text() == "New round for the 1 seat left (Director)"
    click(qtbot, panel.round_button)
    later = panel.election.contests[-1]
    assert (later.office, later.seats, later.round) == (Office.DIRECTOR, 1, 2)
    assert not panel.round_button.isVisible()  # the latest round of the office is open now

    panel.candidates.day_edit.setDate(HELD)  # election day, after candidacy closed on 20 March
    assert "already hold one of its seats" in add_candidates(qtbot, room, Office.DIRECTOR, 2)
    assert add_candidates(qtbot, room, Office.DIRECTOR, 6) == ""
    assert [c.member_number for c in panel.election.contests[-1].candidates] == [6]
