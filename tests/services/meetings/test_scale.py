"""The lean reads that keep a large assembly fast give the answers of the domain's rules.

The register of the meeting day is chosen by the database (``on_register``), an action
answers from the room it read and changed rather than reading it again, and the results
of a whole meeting come from one read: each is compared here with the slow, obvious way.
"""

import datetime as dt
import itertools

import pytest
from sqlalchemy import select

from coopdesk.domain.meetings.attendance import Choice
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, Standing
from coopdesk.services.meetings.attendance import add_proxy, attendance_of, check_in, check_out
from coopdesk.services.meetings.register import members_on_register, register_of_day
from coopdesk.services.meetings.room import load_room
from coopdesk.services.meetings.votes import cast_ballot, close_item, exclude, record_counts
from coopdesk.services.meetings.readings import item_result, meeting_results
from coopdesk.services.meetings.agenda import ItemInput, add_item, record_hearing
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.member import add_member, record_event
from coopdesk.store.models import MeetingRow, Member, MemberType, ProxyRow
from tests.conftest import TODAY

D = dt.date
HELD = D(2026, 3, 28)
NOTICE_DAYS = 30  # the sample co-op's bylaws: a withdrawal notice takes effect after 30 days


def days(n):
    return HELD + dt.timedelta(days=n)


def assembly(db, coop, held=HELD):
    return create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "정기총회", held))


def standings():
    """Every shape of standing around the meeting day: not yet admitted, admitted before, on or
    after the day; a withdrawal notice running out before, on or after it; gone (withdrawn,
    deceased, expelled) before, on or after it; and leaving dates without a reason."""
    joined = (None, days(-400), days(-1), days(0), days(1))
    notice = (None, days(-40), days(-30), days(-29), days(-1), days(0), days(1))
    left = [(None, None)] + [(on, kind) for on in (days(-5), days(-1), days(0), days(1))
                             for kind in (EventKind.WITHDRAWN, EventKind.DECEASED, EventKind.EXPELLED, None)]
    for j, n, (l_on, l_as) in itertools.product(joined, notice, left):
        leaves = None if n is None else n + dt.timedelta(days=NOTICE_DAYS)
        yield Standing(days(-420), j, n, leaves, l_on, l_as)


def put_members(db, coop, shapes):
    with db.write() as s:
        type_id = s.execute(select(MemberType.id).where(MemberType.coop_id == coop.id)).scalars().first()
        s.add_all(Member(coop_id=coop.id, number=n, name=f"조합원{n}", member_type_id=type_id,
                         applied_on=st.applied_on, joined_on=st.joined_on, notice_on=st.notice_on,
                         leaves_on=st.leaves_on, left_on=st.left_on, left_as=st.left_as)
                  for n, st in enumerate(shapes, start=1))


def test_the_register_of_the_day_is_exactly_the_members_the_domain_calls_current(db, coop):
    shapes = list(standings())
    put_members(db, coop, shapes)
    expected = {n for n, st in enumerate(shapes, start=1) if st.status_on(HELD).is_current}
    assert 0 < len(expected) < len(shapes)
    meeting = assembly(db, coop)
    assert set(register_of_day(db, coop.id, meeting.id).names) == expected  # the whole register, read whole
    with db.read() as s:  # and asked member by member, as an action asks it
        row = s.get(MeetingRow, meeting.id)
        assert members_on_register(s, row, range(1, len(shapes) + 1)).keys() == expected
        assert load_room(s, coop.id, meeting.id).base == len(expected)
    assert attendance_of(db, coop.id, meeting.id).members == len(expected)


def test_who_is_on_the_register_on_the_day_follows_the_events(db, coop):
    def member(n, **kw):
        return add_member(db, coop.id, MemberDetails(f"조합원{n}", "소비자"), today=TODAY, **kw).number

    plain = member(1, joined_on=D(2025, 1, 10))
    applicant = member(2, joined_on=None, applied_on=D(2026, 3, 1))
    late = member(3, joined_on=days(1))
    same_day = member(4, joined_on=HELD)
    withdrawing, withdrawn, deceased = (member(n, joined_on=D(2025, 1, 10)) for n in (5, 6, 7))
    record_event(db, coop.id, withdrawing, EventKind.WITHDRAWAL_NOTICE, days(-10), today=TODAY)
    record_event(db, coop.id, withdrawn, EventKind.WITHDRAWAL_NOTICE, days(-NOTICE_DAYS), today=TODAY)
    record_event(db, coop.id, deceased, EventKind.DECEASED, days(-2), today=TODAY)
    meeting = assembly(db, coop)
    assert attendance_of(db, coop.id, meeting.id).members == 3
    assert sorted(register_of_day(db, coop.id, meeting.id).names) == [plain, same_day, withdrawing]
    check_in(db, coop.id, meeting.id, withdrawing)  # a withdrawing member still votes
    for absent, why in ((applicant, "not yet admitted"), (late, "not yet admitted"), (withdrawn, "withdrew on"),
                        (deceased, "died on")):
        with pytest.raises(Refusal, match=why):  # each named for why they may not attend
            check_in(db, coop.id, meeting.id, absent)
    earlier = assembly(db, coop, days(-40))  # the same members, another day
    assert sorted(register_of_day(db, coop.id, earlier.id).names) == [plain, withdrawing, withdrawn, deceased]


@pytest.fixture
def members(db, coop):
    for n in range(1, 13):
        add_member(db, coop.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=D(2025, 1, 10), today=TODAY)


def merged(shown: dict, state) -> dict:
    """The present list as the screen keeps it: the lines an action sends replace those it had."""
    if state.whole:
        shown.clear()
    for line in state.lines:
        if line.shown:
            shown[line.key] = line
        else:
            shown.pop(line.key, None)
    return shown


def test_each_action_answers_what_a_fresh_read_of_the_room_shows(db, coop, members):
    """The count an action returns is the count of a whole read, and the lines it sends, kept
    by the screen, make the present list of a whole read."""
    meeting = assembly(db, coop)
    shown: dict = {}

    def same_as_a_fresh_read(state) -> None:
        fresh = attendance_of(db, coop.id, meeting.id)
        assert state.attendance == fresh.count
        assert merged(shown, state) == {line.key: line for line in fresh.lines}

    for n in range(1, 6):
        same_as_a_fresh_read(check_in(db, coop.id, meeting.id, n))
    steps = (lambda: add_proxy(db, coop.id, meeting.id, 6, holder=1, written_proof=True),
             lambda: add_proxy(db, coop.id, meeting.id, 7, family_name=" 김  가족 ", lives_with_principal=True,
                               written_proof=True, note=" 위임장 "),
             lambda: check_out(db, coop.id, meeting.id, 1),  # the proxy 1 holds stops counting
             lambda: check_in(db, coop.id, meeting.id, 7),  # the principal comes: the vote comes back
             lambda: check_in(db, coop.id, meeting.id, 1))
    for step in steps:
        same_as_a_fresh_read(step())
    view = attendance_of(db, coop.id, meeting.id)
    assert (view.present, view.by_proxy, [p.principal for p in view.proxies]) == (7, 1, [6])
    assert shown[1].holds is not None and shown[1].holds.principal == 6  # 1 is back, holding 6's proxy


def test_a_revoked_proxy_keeps_the_time_it_was_revoked(db, coop, members):
    meeting = assembly(db, coop)
    at = [dt.datetime(2026, 3, 28, 14, m) for m in range(5)]
    check_in(db, coop.id, meeting.id, 1, at[0])
    add_proxy(db, coop.id, meeting.id, 2, holder=1, written_proof=True)
    check_in(db, coop.id, meeting.id, 2, at[1])
    check_out(db, coop.id, meeting.id, 2, at[2])
    add_proxy(db, coop.id, meeting.id, 2, holder=1, written_proof=True)  # leaving early, a new proxy
    check_in(db, coop.id, meeting.id, 2, at[3])
    with db.read() as s:
        revoked = s.execute(select(ProxyRow.revoked_at).order_by(ProxyRow.id)).scalars().all()
    assert revoked == [at[1], at[3]]


def test_the_results_of_a_meeting_are_each_item_s_result(db, coop, members):
    meeting = assembly(db, coop)
    for n in range(1, 10):
        check_in(db, coop.id, meeting.id, n)
    add_proxy(db, coop.id, meeting.id, 10, holder=1, written_proof=True)

    def item(title, kind=ResolutionKind.ORDINARY):
        return add_item(db, coop.id, meeting.id, ItemInput(Subject.OTHER, title, kind)).id

    counted, roll_call, special, report, untouched = (item("보통"), item("기명"), item("특별", ResolutionKind.SPECIAL),
                                                      item("보고", ResolutionKind.REPORT), item("미결"))
    exclude(db, coop.id, counted, 2, "이해관계")
    record_counts(db, coop.id, counted, 5, 2, 1)
    for n, choice in ((1, Choice.YES), (10, Choice.YES), (3, Choice.NO)):
        cast_ballot(db, coop.id, roll_call, n, choice)
    record_counts(db, coop.id, special, 6, 4, 0)
    close_item(db, coop.id, special)
    close_item(db, coop.id, report)
    results = meeting_results(db, coop.id, meeting.id)
    assert results == [item_result(db, coop.id, i) for i in (counted, roll_call, special, report, untouched)]
    assert [(r.present, r.excluded, r.yes, r.passed, r.closed) for r in results] == [
        (10, 1, 5, True, False), (10, 0, 2, False, False), (10, 0, 6, False, True), (10, 0, 0, None, True),
        (10, 0, 0, None, False)]


def test_an_expelled_member_leaves_the_room_with_the_proxy_held_and_the_ballots_cast(db, coop, members):
    meeting = assembly(db, coop)
    for n in range(1, 10):
        check_in(db, coop.id, meeting.id, n)
    add_proxy(db, coop.id, meeting.id, 11, holder=9, written_proof=True)
    add = add_item(db, coop.id, meeting.id, ItemInput(Subject.OTHER, "기명 투표", ResolutionKind.ORDINARY)).id
    cast_ballot(db, coop.id, add, 9, Choice.YES)
    cast_ballot(db, coop.id, add, 1, Choice.NO)
    expulsion = add_item(db, coop.id, meeting.id, ItemInput(Subject.EXPULSION, "제명의 건", ResolutionKind.SPECIAL,
                                                            expel_member=9, grounds_told_on=days(-20),
                                                            grounds="정당한 사유 없이 1년 이상 조합 사업을 이용하지 않음")).id
    exclude(db, coop.id, expulsion, 9, "본인")
    record_hearing(db, coop.id, expulsion)
    record_counts(db, coop.id, expulsion, 8, 1, 0)
    assert close_item(db, coop.id, expulsion).item.passed
    view = attendance_of(db, coop.id, meeting.id)
    assert (view.members, view.present, view.proxies) == (11, 8, ())  # 9 and the proxy 9 held are gone
    live = item_result(db, coop.id, add)
    assert (live.members, live.present, live.yes, live.no, live.passed) == (11, 8, 0, 1, False)
    assert meeting_results(db, coop.id, meeting.id)[0] == live
