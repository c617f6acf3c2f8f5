"""Attendance through the services: each check-in, check-out and proxy answers with the room —
the quorum with its article and how many more must come — and the item on screen worked out
from the new attendance, so a screen shows it without reading again."""

import pytest

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.rules import Register
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import add_proxy, attendance_of, check_in, check_out, room_of
from coopdesk.services.meetings.readings import item_result
from coopdesk.services.meetings.votes import record_counts
from tests.services.meetings.test_meetings import arrive, assembly  # noqa: F401  (fixture)


def test_the_room_says_how_many_more_must_come_for_the_quorum(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 7))
    state = check_in(db, coop.id, assembly.id, 7)
    quorum = state.attendance.quorum
    assert (quorum.register, quorum.base, quorum.present) == (Register.MEMBERS, 15, 7)
    assert (quorum.reached, quorum.needed, quorum.missing, quorum.ref) == (False, 8, 1, law.ASSEMBLY_QUORUM.ref)
    assert state.item is None  # no item asked for: none worked out
    reached = check_in(db, coop.id, assembly.id, 8).attendance.quorum
    assert (reached.reached, reached.missing) == (True, 0)
    assert reached.statement.english() == "2 × present (8) > members (15)"


def test_the_item_on_screen_follows_each_check_in_and_check_out(db, coop, assembly):
    arrive(db, coop, assembly, range(1, 9))
    first = list_items(db, coop.id, assembly.id)[0]
    record_counts(db, coop.id, first.id, 5, 3, 0)  # 2 × 5 > 8: carried
    later = check_in(db, coop.id, assembly.id, 9, item_id=first.id)
    assert (later.item.present, later.item.passed, later.item.not_voting) == (9, True, 1)
    assert later.item == item_result(db, coop.id, first.id)  # the same as a fresh read
    proxy = add_proxy(db, coop.id, assembly.id, 10, holder=2, written_proof=True, item_id=first.id)
    assert (proxy.item.present, proxy.item.passed, proxy.item.needed_to_pass) == (10, False, 1)  # 2 × 5 ≤ 10
    left = check_out(db, coop.id, assembly.id, 2, item_id=first.id)  # the holder leaves: the proxy stops counting
    assert (left.attendance.present, left.attendance.by_proxy, left.item.present) == (8, 0, 8)
    fresh = room_of(db, coop.id, assembly.id, first.id)
    assert (fresh.attendance, fresh.item) == (left.attendance, left.item)
    # the lines of the present list that changed: 2 is off it, 10's proxy no longer counts
    assert [(line.key, line.shown, line.counts) for line in left.lines] == [(2, False, False), (10, True, False)]


def test_an_item_of_another_meeting_is_refused_and_nothing_is_written(db, coop, assembly):
    from coopdesk.domain.meetings.kinds import MeetingKind
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting

    other = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "다른 총회", assembly.held_on),
                           with_standard_agenda=True)
    foreign = list_items(db, coop.id, other.id)[0]
    with pytest.raises(Refusal, match="no agenda item"):
        check_in(db, coop.id, assembly.id, 1, item_id=foreign.id)
    assert attendance_of(db, coop.id, assembly.id).present == 0


def test_proxies_follow_the_meetings_rule(db, coop, assembly):
    arrive(db, coop, assembly, [1])
    view = add_proxy(db, coop.id, assembly.id, 5, family_name="김가족", lives_with_principal=True,
                     written_proof=True).attendance
    assert view.proxies_allowed and (view.present, view.by_proxy) == (2, 1)
    with pytest.raises(Refusal) as refused:
        add_proxy(db, coop.id, assembly.id, 6, family_name="김가족", lives_with_principal=True, written_proof=True)
    assert refused.value.article == law.PROXY_PRINCIPALS_PER_HOLDER.ref  # one proxy, one member
    assert attendance_of(db, coop.id, assembly.id).by_proxy == 1


def test_a_member_who_left_is_named_with_why_they_cannot_check_in(db, coop, assembly):
    import datetime as dt

    from coopdesk.domain.members.standing import EventKind
    from coopdesk.services.members.member import record_event

    record_event(db, coop.id, 7, EventKind.DECEASED, dt.date(2026, 2, 1), today=dt.date(2026, 2, 2))
    with pytest.raises(Refusal) as refused:
        check_in(db, coop.id, assembly.id, 7)
    assert refused.value.message.startswith("Member {number} {name} died on {date}")
    assert refused.value.params == {"number": 7, "name": "조합원07", "date": dt.date(2026, 2, 1)}
    with pytest.raises(Refusal, match="no member number"):
        check_in(db, coop.id, assembly.id, 99)
