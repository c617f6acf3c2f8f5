"""Check-in, proxies and roll-call votes: present = in person + by proxy, never twice."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.meetings.attendance import Attendance, Choice, Proxy, RollCall, roll_call_tally, tally
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.resolutions import decide

REGISTER = frozenset(range(1, 16))  # a 15-member co-op
EMPTY = Attendance(REGISTER)


def by_member(principal, holder):
    return Proxy(principal, holder_member=holder, written_proof=True, proof_note="위임장")


def by_family(principal, name, lives=True, proof=True):
    return Proxy(principal, family_name=name, lives_with_principal=lives, written_proof=proof)


def checked_in(*members, base=EMPTY):
    for m in members:
        base = base.check_in(m)
    return base


def test_present_counts_in_person_and_proxies_once():
    att = checked_in(1, 2, 3).add_proxy(by_member(4, holder=1)).add_proxy(by_family(5, "김순자"))
    assert att.present == {1, 2, 3, 4, 5}
    t = tally(att, (), yes=5, no=0, abstain=0)
    assert (t.members, t.in_person, t.by_proxy, t.present) == (15, 3, 2, 5)


def test_a_member_present_may_also_hold_one_proxy_only():
    att = checked_in(1).add_proxy(by_member(4, holder=1))
    with pytest.raises(Refusal) as caught:
        att.add_proxy(by_member(5, holder=1))
    assert caught.value.article == law.PROXY_PRINCIPALS_PER_HOLDER.ref
    with pytest.raises(Refusal):  # the same family member cannot hold two, however spelt
        EMPTY.add_proxy(by_family(6, "김 순자")).add_proxy(by_family(7, " 김  순자 "))


def test_the_principal_who_arrives_takes_the_vote_back():
    att = checked_in(1).add_proxy(by_member(4, holder=1))
    att = att.check_in(4)
    assert att.proxy_for(4) is None and att.present == {1, 4}
    assert tally(att, (), 0, 0, 0).by_proxy == 0


def test_a_proxy_counts_only_while_its_holder_is_here():
    att = EMPTY.add_proxy(by_member(4, holder=1))  # recorded before the holder arrives
    assert att.present == set()
    att = att.check_in(1)
    assert att.present == {1, 4}
    assert att.check_out(1).present == set()


@pytest.mark.parametrize("proxy", [
    Proxy(4, holder_member=1),  # no written proof
    by_family(4, "김순자", lives=False),  # family not living with the member
    by_family(4, "  "),  # no name
    by_member(4, holder=4),  # one's own proxy
    by_member(4, holder=99),  # holder not a member
    by_member(99, holder=1),  # principal not a member
    Proxy(4, holder_member=1, family_name="김순자", written_proof=True),
])
def test_bad_proxies_are_refused(proxy):
    with pytest.raises(Refusal):
        checked_in(1).add_proxy(proxy)


def test_no_proxy_chains_and_none_for_a_member_here():
    att = checked_in(1, 2).add_proxy(by_member(4, holder=1))
    with pytest.raises(Refusal):
        att.add_proxy(by_member(2, holder=3))  # 2 is here in person
    with pytest.raises(Refusal):
        att.add_proxy(by_member(4, holder=2))  # 4 already has a proxy
    with pytest.raises(Refusal):
        att.add_proxy(by_member(5, holder=4))  # 4 votes through a proxy
    with pytest.raises(Refusal):
        att.add_proxy(by_member(1, holder=2))  # 1 holds a proxy and is here


def test_check_in_and_out_are_checked():
    att = checked_in(1)
    with pytest.raises(Refusal):
        att.check_in(1)
    with pytest.raises(Refusal):
        att.check_out(2)
    with pytest.raises(Refusal):
        att.check_in(99)
    assert att.check_out(1).present == set()
    with pytest.raises(Refusal):
        att.revoke_proxy(3)


def test_roll_call_refuses_absent_double_and_excluded_votes():
    att = checked_in(1, 2, 3).add_proxy(by_member(4, holder=1))
    votes = RollCall().cast(att, {3}, 1, Choice.YES).cast(att, {3}, 4, Choice.NO)  # 4 votes via the proxy
    for member, reason in [(1, "twice"), (5, "absent"), (3, "excluded")]:
        with pytest.raises(Refusal):
            votes.cast(att, {3}, member, Choice.YES)
    t = roll_call_tally(att, {3}, votes.cast(att, {3}, 2, Choice.ABSTAIN))
    assert (t.present, t.excluded, t.voters, t.yes, t.no, t.abstain) == (4, 1, 3, 1, 1, 1)


def test_an_absent_excluded_member_does_not_shrink_the_base():
    att = checked_in(1, 2, 3)
    assert tally(att, {9}, 0, 0, 0).excluded == 0
    with pytest.raises(Refusal):
        tally(att, {99}, 0, 0, 0)


def test_a_whole_assembly_by_roll_call():
    att = checked_in(*range(1, 8)).add_proxy(by_member(8, holder=1)).add_proxy(by_family(9, "이영희"))
    votes = RollCall()
    for member in sorted(att.present):
        votes = votes.cast(att, (), member, Choice.YES if member <= 6 else Choice.NO)
    outcome = decide(roll_call_tally(att, (), votes), ResolutionKind.SPECIAL, MeetingKind.ORDINARY_ASSEMBLY)
    assert outcome.quorum_reached and outcome.passed  # 9 present of 15; 6 of 9 is exactly two thirds
    assert outcome.explanation.english() == "3 × yes (6) ≥ 2 × present (9)"


actions = st.lists(st.tuples(st.sampled_from(["in", "out", "proxy", "family", "revoke"]),
                             st.integers(1, 16), st.integers(1, 16)), max_size=60)


@given(actions)
def test_any_sequence_keeps_the_counts_honest(steps):
    att = EMPTY
    for action, a, b in steps:
        try:
            att = {
                "in": lambda: att.check_in(a),
                "out": lambda: att.check_out(a),
                "proxy": lambda: att.add_proxy(by_member(a, holder=b)),
                "family": lambda: att.add_proxy(by_family(a, f"가족{b}")),
                "revoke": lambda: att.revoke_proxy(a),
            }[action]()
        except Refusal:
            pass
        assert att.in_person.isdisjoint(att.represented)  # nobody counted twice
        assert att.present <= REGISTER
        holders = [p.holder_key for p in att.proxies]
        assert len(holders) == len(set(holders))  # one principal per holder
        t = tally(att, (), 0, 0, 0)
        assert t.present == len(att.present)


def test_a_proxy_refused_for_someone_off_the_register_says_whether_holder_or_represented():
    with pytest.raises(Refusal, match="member being represented, number 40") as caught:
        checked_in(1).add_proxy(by_member(40, holder=1))
    assert caught.value.field == "principal"
    with pytest.raises(Refusal, match="proxy holder, member number 41") as caught:
        EMPTY.add_proxy(by_member(4, holder=41))
    assert caught.value.field == "holder"
