"""Quorum and majorities in exact integers, checked on every edge and against fractions."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.resolutions import (
    Rule, Tally, board_passed, board_quorum_reached, decide, founding_passed, founding_quorum_reached,
    ordinary_passed, quorum_reached, special_passed,
)

ASSEMBLY = MeetingKind.ORDINARY_ASSEMBLY
ORD, SPEC = ResolutionKind.ORDINARY, ResolutionKind.SPECIAL


@pytest.mark.parametrize("members, present, quorate", [
    (10, 5, False),  # exactly half is not a majority
    (10, 6, True),
    (11, 5, False), (11, 6, True),
    (10, 0, False), (0, 0, False),
    (1, 1, True), (2, 1, False),
    (15, 8, True), (15, 7, False),
])
def test_quorum_is_more_than_half_of_all_members(members, present, quorate):
    assert quorum_reached(members, present) is quorate
    assert founding_quorum_reached(members, present) is quorate


@pytest.mark.parametrize("yes, present, passed", [
    (5, 10, False),  # a tie fails
    (6, 10, True),
    (8, 10, True),
    (5, 9, True), (4, 9, False),
    (0, 0, False), (1, 1, True), (1, 2, False),
])
def test_ordinary_is_more_than_half_of_those_present(yes, present, passed):
    assert ordinary_passed(yes, present) is passed


@pytest.mark.parametrize("yes, present, passed", [
    (6, 9, True),  # exactly two thirds passes
    (5, 9, False),  # two thirds minus one
    (7, 10, True), (6, 10, False),  # 2/3 of 10 is 6.67
    (10, 15, True), (9, 15, False), (11, 15, True),
    (2, 3, True), (1, 3, False), (1, 1, True),
    (0, 0, False),  # nobody present to vote: nothing passes
])
def test_special_is_at_least_two_thirds_of_those_present(yes, present, passed):
    assert special_passed(yes, present) is passed
    assert founding_passed(yes, present) is passed


@pytest.mark.parametrize("in_office, present, quorate", [
    (5, 3, True), (5, 2, False), (4, 2, False), (4, 3, True), (3, 2, True), (3, 1, False), (0, 0, False),
])
def test_board_quorum_counts_directors_in_office(in_office, present, quorate):
    assert board_quorum_reached(in_office, present) is quorate


@pytest.mark.parametrize("yes, present, passed", [(2, 3, True), (1, 3, False), (2, 4, False), (3, 4, True)])
def test_board_decides_by_majority_of_directors_present(yes, present, passed):
    assert board_passed(yes, present) is passed


def test_abstentions_count_against_an_ordinary_resolution():
    # 10 present: 5 yes, 2 no, 3 abstain — more yes than no, but not more than half present
    outcome = decide(Tally(members=15, in_person=10, yes=5, no=2, abstain=3), ORD, ASSEMBLY)
    assert not outcome.passed and outcome.quorum_reached
    assert outcome.explanation.english() == "2 × yes (5) ≤ present (10)"


def test_outcome_explains_the_rule_and_cites_the_act():
    outcome = decide(Tally(members=15, in_person=8, by_proxy=2, yes=8, no=1, abstain=1), ORD, ASSEMBLY)
    assert outcome.passed and outcome.rule is Rule.ORDINARY
    assert outcome.explanation.english() == "2 × yes (8) > present (10)"
    assert outcome.quorum.english() == "2 × present (10) > members (15)"
    assert outcome.ref == law.ORDINARY_MAJORITY.ref and outcome.quorum_ref == law.ASSEMBLY_QUORUM.ref


def test_special_outcome():
    outcome = decide(Tally(members=15, in_person=9, yes=6, no=3), SPEC, MeetingKind.EXTRAORDINARY_ASSEMBLY)
    assert outcome.passed and outcome.rule is Rule.SPECIAL
    assert outcome.explanation.english() == "3 × yes (6) ≥ 2 × present (9)"
    failed = decide(Tally(members=15, in_person=9, yes=5, no=4), SPEC, ASSEMBLY)
    assert not failed.passed and failed.explanation.english() == "3 × yes (5) < 2 × present (9)"
    assert failed.ref == law.SPECIAL_MAJORITY.ref


@pytest.mark.parametrize("in_person, by_proxy, quorate", [(5, 0, False), (5, 1, True), (4, 2, True), (3, 2, False)])
def test_proxies_make_or_break_the_quorum(in_person, by_proxy, quorate):
    outcome = decide(Tally(members=10, in_person=in_person, by_proxy=by_proxy, yes=in_person + by_proxy), ORD, ASSEMBLY)
    assert outcome.quorum_reached is quorate and outcome.passed is quorate


def test_without_quorum_nothing_passes_and_the_quorum_is_the_reason():
    outcome = decide(Tally(members=10, in_person=5, yes=5), ORD, ASSEMBLY)
    assert not outcome.passed and not outcome.quorum_reached
    assert outcome.explanation.english() == "2 × present (5) ≤ members (10)"
    assert outcome.ref == law.ASSEMBLY_QUORUM.ref


def test_excluded_members_leave_the_base_but_not_the_quorum():
    # 10 present, the member to be expelled excluded: base 9, 6 yes is two thirds
    outcome = decide(Tally(members=15, in_person=10, excluded=1, yes=6, no=3), SPEC, ASSEMBLY)
    assert outcome.passed and outcome.explanation.english() == "3 × yes (6) ≥ 2 × present (9)"
    assert outcome.excluded_note is not None and outcome.excluded_note.kwargs == {"excluded": 1}
    everyone_excluded = decide(Tally(members=3, in_person=2, excluded=2), SPEC, ASSEMBLY)
    assert not everyone_excluded.passed


def test_founding_meeting_needs_two_thirds_whatever_the_kind():
    outcome = decide(Tally(members=20, in_person=12, yes=7, no=5), ORD, MeetingKind.FOUNDING)
    assert not outcome.passed and outcome.rule is Rule.FOUNDING  # 7 of 12 is a majority, not 2/3
    assert outcome.quorum.english() == "2 × present (12) > consenters (20)"
    assert decide(Tally(members=20, in_person=12, yes=8), ORD, MeetingKind.FOUNDING).passed


def test_board_five_directors_three_present_is_quorate():
    outcome = decide(Tally(members=5, in_person=3, yes=2, no=1), ORD, MeetingKind.BOARD)
    assert outcome.quorum_reached and outcome.passed and outcome.rule is Rule.BOARD
    assert outcome.quorum.english() == "2 × directors present (3) > directors in office (5)"
    assert outcome.quorum_ref == law.BOARD_QUORUM.ref
    assert not decide(Tally(members=5, in_person=2, yes=2), ORD, MeetingKind.BOARD).passed


@pytest.mark.parametrize("tally, meeting, field", [
    (Tally(members=10, in_person=6, yes=4, no=2, abstain=1), ASSEMBLY, "yes"),  # 7 votes, 6 present
    (Tally(members=10, in_person=6, excluded=1, yes=6), ASSEMBLY, "yes"),  # the excluded cannot vote
    (Tally(members=10, in_person=-1), ASSEMBLY, "in_person"),
    (Tally(members=10, in_person=5, yes=-1), ASSEMBLY, "yes"),
    (Tally(members=10, in_person=8, by_proxy=3), ASSEMBLY, "in_person"),  # present > members
    (Tally(members=10, in_person=3, excluded=4), ASSEMBLY, "excluded"),
    (Tally(members=5, in_person=3, by_proxy=1), MeetingKind.BOARD, "by_proxy"),
])
def test_impossible_tallies_are_refused(tally, meeting, field):
    with pytest.raises(Refusal) as caught:
        decide(tally, ORD, meeting)
    assert caught.value.field == field


def test_a_report_has_no_vote_and_a_board_takes_no_special_resolution():
    with pytest.raises(Refusal):
        decide(Tally(members=10, in_person=6), ResolutionKind.REPORT, ASSEMBLY)
    with pytest.raises(Refusal) as caught:
        decide(Tally(members=5, in_person=5, yes=5), SPEC, MeetingKind.BOARD)
    assert caught.value.article == law.SPECIAL_MAJORITY.ref


def test_the_sentences_match_the_thresholds_of_the_law():
    # The explanation texts spell out 1/2 and 2/3: an amendment must change them too.
    assert law.ASSEMBLY_QUORUM.value == law.ORDINARY_MAJORITY.value == Fraction(1, 2)
    assert law.BOARD_QUORUM.value == law.BOARD_MAJORITY.value == law.FOUNDING_QUORUM.value == Fraction(1, 2)
    assert law.SPECIAL_MAJORITY.value == law.FOUNDING_MAJORITY.value == Fraction(2, 3)


# Properties: the integer rules against an exact Fraction reference.
@st.composite
def part_of_whole(draw, largest=10**12):
    """(whole, part) with 0 <= part <= whole: the only counts a meeting can have."""
    whole = draw(st.integers(0, largest))
    return whole, draw(st.integers(0, whole))


@given(part_of_whole())
def test_quorum_matches_fractions(counts):
    members, present = counts
    expected = members > 0 and Fraction(present, members) > Fraction(1, 2)
    assert quorum_reached(members, present) is expected
    assert board_quorum_reached(members, present) is expected


@given(part_of_whole())
def test_majorities_match_fractions(counts):
    present, yes = counts
    more_than_half = present > 0 and Fraction(yes, present) > Fraction(1, 2)
    two_thirds = present > 0 and Fraction(yes, present) >= Fraction(2, 3)
    assert ordinary_passed(yes, present) is more_than_half
    assert board_passed(yes, present) is more_than_half
    assert special_passed(yes, present) is two_thirds


@st.composite
def tallies(draw, max_members=500):
    members = draw(st.integers(0, max_members))
    present = draw(st.integers(0, members))
    by_proxy = draw(st.integers(0, present))
    excluded = draw(st.integers(0, present))
    voters = present - excluded
    yes = draw(st.integers(0, voters))
    no = draw(st.integers(0, voters - yes))
    abstain = draw(st.integers(0, voters - yes - no))
    return Tally(members, present - by_proxy, by_proxy, excluded, yes, no, abstain)


assemblies = st.sampled_from([MeetingKind.ORDINARY_ASSEMBLY, MeetingKind.EXTRAORDINARY_ASSEMBLY, MeetingKind.FOUNDING])
kinds = st.sampled_from([ORD, SPEC, ResolutionKind.ELECTION])


@given(tallies(), kinds, assemblies)
def test_one_more_yes_never_turns_a_pass_into_a_fail(tally, kind, meeting):
    before = decide(tally, kind, meeting)
    for source in ("no", "abstain"):
        if getattr(tally, source) > 0:
            changed = Tally(**{**_fields(tally), "yes": tally.yes + 1, source: getattr(tally, source) - 1})
            assert decide(changed, kind, meeting).passed >= before.passed
    if tally.not_voting > 0:
        changed = Tally(**{**_fields(tally), "yes": tally.yes + 1})
        assert decide(changed, kind, meeting).passed >= before.passed


@given(tallies(), assemblies)
def test_special_is_never_easier_than_ordinary(tally, meeting):
    if decide(tally, SPEC, meeting).passed and meeting is not MeetingKind.FOUNDING:
        assert decide(tally, ORD, meeting).passed


@given(tallies(), kinds, assemblies)
def test_decide_agrees_with_the_fraction_reference(tally, kind, meeting):
    outcome = decide(tally, kind, meeting)
    quorate = tally.members > 0 and Fraction(tally.present, tally.members) > Fraction(1, 2)
    share = Fraction(tally.yes, tally.voters) if tally.voters else Fraction(0)
    two_thirds = kind is SPEC or meeting is MeetingKind.FOUNDING
    enough = tally.voters > 0 and (share >= Fraction(2, 3) if two_thirds else share > Fraction(1, 2))
    assert outcome.quorum_reached is quorate
    assert outcome.passed is (quorate and enough)


def _fields(t: Tally) -> dict[str, int]:
    return dict(members=t.members, in_person=t.in_person, by_proxy=t.by_proxy, excluded=t.excluded,
                yes=t.yes, no=t.no, abstain=t.abstain)
