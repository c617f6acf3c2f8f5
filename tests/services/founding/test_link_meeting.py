"""A founding meeting created elsewhere (on the meetings page) linked to the founding: which of
the co-op's meetings qualify, why the others do not (the same refusal ``link_meeting`` gives),
and the link itself.  On SQLite and PostgreSQL."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.services.founding.meeting import link_meeting, meeting_choices
from coopdesk.services.founding.start import get_founding
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from tests.conftest import TODAY
from tests.services.founding.helpers import HELD, gather, start

D = dt.date


def meetings(db, coop_id):
    """A board meeting, a founding meeting before the last consents (2026-08-28) and one after."""
    board = create_meeting(db, coop_id, MeetingInput(MeetingKind.BOARD, "발기인 회의", D(2026, 8, 10)))
    early = create_meeting(db, coop_id, MeetingInput(MeetingKind.FOUNDING, "이른 창립총회", D(2026, 8, 20),
                                                     place="마을회관"))
    right = create_meeting(db, coop_id, MeetingInput(MeetingKind.FOUNDING, "햇빛 창립총회", HELD,
                                                     place="마을회관 2층"))
    return board, early, right


def test_only_a_founding_meeting_after_every_consent_qualifies(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    board, early, right = meetings(db, coop_id)
    choices = {c.id: c for c in meeting_choices(db, coop_id)}
    assert [c.id for c in meeting_choices(db, coop_id)] == [right.id, early.id, board.id]  # latest first
    assert [i for i, c in choices.items() if c.qualifies] == [right.id]
    good = choices[right.id]
    assert (good.title, good.kind, good.held_on, good.place) == ("햇빛 창립총회", MeetingKind.FOUNDING, HELD,
                                                                 "마을회관 2층")
    assert str(choices[board.id].refusal) == "Only a founding meeting can be the founding's meeting."
    late = choices[early.id].refusal
    assert late.article == law.FOUNDING_QUORUM.ref and "Consenter 8 동의자08 consented after 2026-08-20" in str(late)
    for refused in (board, early):  # linking gives the very reason the list gave, and changes nothing
        with pytest.raises(Refusal) as exc:
            link_meeting(db, coop_id, refused.id, TODAY)
        assert str(exc.value) == str(choices[refused.id].refusal)
        assert get_founding(db, coop_id, TODAY).meeting is None


def test_the_linked_meeting_is_the_founding_s_and_the_others_no_longer_qualify(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    _board, early, right = meetings(db, coop_id)
    other = create_meeting(db, coop_id, MeetingInput(MeetingKind.FOUNDING, "다른 창립총회", D(2026, 9, 12)))
    view = link_meeting(db, coop_id, right.id, TODAY)
    assert (view.meeting.id, view.meeting.title, view.meeting.held_on) == (right.id, "햇빛 창립총회", HELD)
    choices = {c.id: c for c in meeting_choices(db, coop_id)}
    assert choices[right.id].qualifies  # linking it again changes nothing
    assert str(choices[other.id].refusal) == f"The founding already has its founding meeting, number {right.id}."
    with pytest.raises(Refusal, match="already has its founding meeting"):
        link_meeting(db, coop_id, other.id, TODAY)
    assert get_founding(db, coop_id, TODAY).meeting.id == right.id
    assert not choices[early.id].qualifies


def test_a_meeting_of_another_coop_is_not_found(db):
    coop_id = start(db).coop_id
    neighbour = start(db, name="이웃협동조합").coop_id
    theirs = create_meeting(db, neighbour, MeetingInput(MeetingKind.FOUNDING, "이웃 창립총회", HELD))
    assert meeting_choices(db, coop_id) == ()
    with pytest.raises(Refusal, match=f"There is no meeting number {theirs.id}"):
        link_meeting(db, coop_id, theirs.id, TODAY)
