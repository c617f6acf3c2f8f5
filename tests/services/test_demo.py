"""The demo co-op: believable, valid, the same for the same seed."""

import re
from collections import Counter

import pytest
from sqlalchemy import text

from coopdesk.domain.coop import CoopKind, check_profile
from coopdesk.domain.errors import Cancelled, Refusal
from coopdesk.domain.members.details import check_details
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.services import audit
from coopdesk.services.coops import list_coops
from coopdesk.services.demo import MAX_MEMBERS, create_demo, demo_profile
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import get_member
from tests.conftest import TODAY

HANGUL_NAME = re.compile(r"^[가-힣]{2,4}$")
MOBILE = re.compile(r"^010-\d{4}-\d{4}$")


def test_the_demo_is_a_believable_korean_co_op(db):
    coop = create_demo(db, today=TODAY)
    assert "협동조합" in coop.name and coop.kind is CoopKind.GENERAL
    assert coop.member_types == ("소비자", "생산자", "직원")
    check_profile(demo_profile())
    rows = list_members(db, coop.id, today=TODAY)
    assert len(rows) == 15
    assert Counter(r.status for r in rows) == {
        MemberStatus.MEMBER: 11, MemberStatus.WITHDRAWING: 1, MemberStatus.WITHDRAWN: 1,
        MemberStatus.DECEASED: 1, MemberStatus.APPLICANT: 1}
    for r in rows:
        assert HANGUL_NAME.match(r.name), r.name
        assert MOBILE.match(r.phone) and r.address.startswith("서울특별시 ")
        details = get_member(db, coop.id, r.number, today=TODAY).details
        check_details(details.cleaned(), coop.member_types, TODAY)  # what a secretary could type
        assert details == details.cleaned()
    joined = sorted(r.joined_on for r in rows if r.joined_on)
    assert joined[0].year <= TODAY.year - 5 and joined[-1] < TODAY  # spread over the years
    assert len({r.joined_on.year for r in rows if r.joined_on}) >= 3
    assert audit.verify(db).intact


def test_leaving_members_have_their_events_recorded(db):
    coop = create_demo(db, today=TODAY)
    for r in list_members(db, coop.id, today=TODAY):
        member = get_member(db, coop.id, r.number, today=TODAY)
        kinds = [e.kind.value for e in member.events]
        if r.status is MemberStatus.WITHDRAWING:
            assert kinds[-1] == "withdrawal_notice" and r.left_on is None
        elif r.status is MemberStatus.WITHDRAWN:
            assert kinds[-1] == "withdrawal_notice" and r.left_on is not None and r.left_on <= TODAY
        elif r.status is MemberStatus.DECEASED:
            assert kinds[-1] == "deceased"
        elif r.status is MemberStatus.APPLICANT:
            assert kinds == ["applied"]


def test_the_same_seed_gives_the_same_co_op_and_another_seed_another(db):
    first = create_demo(db, 30, today=TODAY, seed=7)
    again = create_demo(db, 30, today=TODAY, seed=7)
    other = create_demo(db, 30, today=TODAY, seed=8)

    def people(coop):
        return [(r.name, r.member_type, r.birth_date, r.phone, r.joined_on, r.status)
                for r in list_members(db, coop.id, today=TODAY)]

    assert people(first) == people(again)
    assert people(first) != people(other)


def test_a_large_demo_is_made_in_bulk_with_a_few_leavers(db):
    coop = create_demo(db, 5000, today=TODAY)
    rows = list_members(db, coop.id, today=TODAY)
    statuses = Counter(r.status for r in rows)
    assert len(rows) == 5000 and [r.number for r in rows] == list(range(1, 5001))
    assert statuses[MemberStatus.APPLICANT] == 25
    assert 1 <= statuses[MemberStatus.WITHDRAWN] <= 8 and 1 <= statuses[MemberStatus.DECEASED] <= 8
    surnames = Counter(r.name[0] for r in rows)
    assert [s for s, _ in surnames.most_common(3)] == ["김", "이", "박"]
    with db.engine.connect() as conn:  # the members come in one audit entry, not 5,000
        assert conn.execute(text("SELECT count(*) FROM audit_entry")).scalar() < 30


@pytest.mark.parametrize("members", [0, MAX_MEMBERS + 1])
def test_a_demo_size_out_of_range_is_refused(db, members):
    with pytest.raises(Refusal) as exc:
        create_demo(db, members, today=TODAY)
    assert exc.value.field == "members"


def test_a_demo_cancelled_before_writing_leaves_no_co_op(db):
    with pytest.raises(Cancelled):
        create_demo(db, 200, today=TODAY, progress=lambda done, total: False)
    assert list_coops(db) == []


def test_progress_goes_up_to_100(db):
    seen = []
    create_demo(db, 5000, today=TODAY, progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[-1] == (100, 100) and {total for _, total in seen} == {100}
    assert [done for done, _ in seen] == sorted(done for done, _ in seen) and len(seen) >= 4


def test_the_demo_holds_officers_and_last_year_s_assembly_with_signed_minutes(db, tmp_path):
    from coopdesk.services.meetings.papers import minutes_paper
    from coopdesk.services.meetings.signers import signer_candidates
    from coopdesk.services.meetings.printing import MeetingPaperKind, print_meeting_paper
    from coopdesk.services.meetings.agenda import list_items
    from coopdesk.services.meetings.meeting import list_meetings
    from coopdesk.services.officers.terms import register_check

    coop = create_demo(db, today=TODAY)
    assert register_check(db, coop.id, TODAY).problems == ()  # a register that meets the Act
    (meeting,) = list_meetings(db, coop.id)
    assert meeting.held_on < TODAY and meeting.held_on.weekday() == 5
    assert all(i.closed for i in list_items(db, coop.id, meeting.id))
    paper = minutes_paper(db, coop.id, meeting.id)  # final minutes: every item closed, signers chosen
    assert paper.present * 2 > paper.members and all(i.passed for i in paper.items if i.passed is not None)
    assert sum(c.chosen for c in signer_candidates(db, coop.id, meeting.id)) == 3
    printed = print_meeting_paper(db, coop.id, meeting.id, MeetingPaperKind.MINUTES, tmp_path / "m.pdf", "ko")
    assert printed.pages >= 1


def test_a_large_demo_skips_the_assembly(sqlite_db):
    from coopdesk.services.meetings.meeting import list_meetings

    coop = create_demo(sqlite_db, members=600, today=TODAY)
    assert list_meetings(sqlite_db, coop.id) == []
