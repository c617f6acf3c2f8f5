"""Who is elected: the bylaws' majority and tie rule applied to counts, case by case."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.coop import ElectionMajority, TieRule
from coopdesk.domain.elections.contest import Candidate
from coopdesk.domain.elections.counting import Tally
from coopdesk.domain.elections.deciding import TieKind, decide
from coopdesk.domain.elections.lots import HandDrawnLots, SeededLots, lots_order
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from tests.domain.elections.helpers import CHOI, JUNG, KIM, LEE, PARK, contest

NONE, OF_VOTERS, OF_PRESENT = ElectionMajority.NONE, ElectionMajority.OF_VOTERS, ElectionMajority.OF_PRESENT
DIRECTORS = contest(3, KIM, LEE, PARK, CHOI)
APPROVAL = contest(3, KIM, LEE, PARK)
AUDITOR = contest(1, JUNG, CHOI, office=Office.AUDITOR)


def directors(kim, lee, park, choi, *, ballots=12, blank=1, invalid=1):
    return Tally.of(DIRECTORS, {1: kim, 2: lee, 3: park, 4: choi}, ballots=ballots, blank=blank, invalid=invalid)


def names(outcome):
    return [c.name for c in outcome.elected]


# A 15-member co-op: 12 present (10 in person, 2 by proxy), 12 ballots, 1 blank and 1 invalid.
@pytest.mark.parametrize("case, the_contest, tally, majority, elected, unfilled", [
    ("3 directors of 4, more than half of those present",
     DIRECTORS, directors(9, 8, 7, 5), OF_PRESENT, [KIM, LEE, PARK], 0),
    ("3 directors of 4, the most votes",
     DIRECTORS, directors(9, 8, 7, 5), NONE, [KIM, LEE, PARK], 0),
    ("6 of 12 present is not more than half: a seat is left unfilled",
     DIRECTORS, directors(9, 8, 6, 5), OF_PRESENT, [KIM, LEE], 1),
    ("6 of 11 valid ballots is more than half: the invalid ballot is out of the base",
     DIRECTORS, directors(9, 8, 6, 5), OF_VOTERS, [KIM, LEE, PARK], 0),
    ("the blank ballot stays in the base: 5 of 11 valid is not enough",
     DIRECTORS, directors(9, 8, 5, 5), OF_VOTERS, [KIM, LEE], 1),
    ("yes or no on 3 for 3 seats, one rejected",
     APPROVAL, Tally.of(APPROVAL, {1: 10, 2: 8, 3: 4}, against={1: 1, 2: 3, 3: 7}, ballots=12, blank=1),
     NONE, [KIM, LEE], 1),
    ("yes or no: as many yes as no is not elected",
     APPROVAL, Tally.of(APPROVAL, {1: 10, 2: 5, 3: 6}, against={1: 1, 2: 5, 3: 5}, ballots=12, blank=1),
     NONE, [KIM, PARK], 1),
    ("yes or no: more yes than no, but not more than half of those present",
     APPROVAL, Tally.of(APPROVAL, {1: 10, 2: 8, 3: 6}, against={1: 1, 2: 3, 3: 5}, ballots=12, blank=1),
     OF_PRESENT, [KIM, LEE], 1),
    ("an auditor",
     AUDITOR, Tally.of(AUDITOR, {5: 7, 4: 4}, ballots=12, blank=1), OF_PRESENT, [JUNG], 0),
    ("an auditor: no one has more than half of those present",
     AUDITOR, Tally.of(AUDITOR, {5: 6, 4: 5}, ballots=12, blank=1), OF_PRESENT, [], 1),
    ("no votes at all elect no one, even without a majority rule",
     AUDITOR, Tally.of(AUDITOR, {}, ballots=12, blank=12), NONE, [], 1),
])
def test_who_is_elected(case, the_contest, tally, majority, elected, unfilled):
    outcome = decide(the_contest, tally, majority=majority, present=12, tie=TieRule.RUNOFF_THEN_OLDER)
    assert outcome.elected == tuple(elected), case
    assert outcome.unfilled == unfilled and outcome.final and not outcome.tie_breaks


def test_the_outcome_explains_each_candidate_and_the_rules():
    outcome = decide(DIRECTORS, directors(9, 8, 6, 5), majority=OF_PRESENT, present=12,
                     tie=TieRule.RUNOFF_THEN_OLDER)
    assert [(s.candidate, s.votes, s.rank, s.qualified, s.elected) for s in outcome.ranking] == [
        (KIM, 9, 1, True, True), (LEE, 8, 2, True, True), (PARK, 6, 3, False, False), (CHOI, 5, 4, False, False)]
    assert outcome.ranking[2].reasons[0].english() == "2 × votes (6) ≤ present (12)"
    assert outcome.ranking[0].reasons[0].english() == "2 × votes (9) > present (12)"
    assert outcome.summary.english() == "Seats filled: 2 of 3. Left unfilled: 1; a new round may be held for them."
    first, method, majority = outcome.rules
    assert first.ref == law.ONE_MEMBER_ONE_VOTE.ref == law.act(23, 1)
    assert method.explanation.kwargs == {"candidates": 4, "seats": 3} and method.ref is None
    assert majority.setting == "election_majority"
    assert majority.explanation.english() == ("Under the bylaws a candidate needs the votes of more than half of "
                                              "the members present (12).")


def test_a_yes_or_no_vote_shows_yes_and_no():
    tally = Tally.of(APPROVAL, {1: 10, 2: 8, 3: 4}, against={1: 1, 2: 3, 3: 7}, ballots=12, blank=1)
    outcome = decide(APPROVAL, tally, majority=OF_VOTERS, present=12, tie=TieRule.LOTS)
    park = outcome.ranking[-1]
    assert (park.candidate, park.votes, park.against, park.qualified) == (PARK, 4, 7, False)
    assert [e.english() for e in park.reasons] == ["yes (4) ≤ no (7)", "2 × votes (4) ≤ valid ballots (12)"]


# -- ties at the last seat ------------------------------------------------------------------------

TWO_SEATS = contest(2, KIM, LEE, PARK)
TIED = Tally.of(TWO_SEATS, {1: 6, 2: 5, 3: 5}, ballots=8)  # Lee and Park tied for the second seat


def tied(rule, lots=None, the_contest=TWO_SEATS, tally=TIED):
    return decide(the_contest, tally, majority=NONE, present=8, tie=rule, lots=lots)


@pytest.mark.parametrize("rule", [TieRule.RUNOFF_THEN_OLDER, TieRule.RUNOFF_THEN_LOTS])
def test_a_tie_first_goes_to_a_run_off_round(rule):
    outcome = tied(rule)
    assert not outcome.final and outcome.elected == (KIM,) and outcome.unfilled == 0
    assert outcome.pending.kind is TieKind.RUNOFF and outcome.pending.tied == (LEE, PARK)
    assert outcome.summary.english() == ("Seats filled: 1 of 2. Seats left: 1, with 2 candidates tied for them: "
                                         "a run-off round is held between them.")
    assert outcome.rules[-1].setting == "tie_rule"
    runoff = outcome.runoff_contest()
    assert runoff.seats == 1 and runoff.candidates == (LEE, PARK)
    settled = decide(runoff, Tally.of(runoff, {2: 3, 3: 2}, ballots=8, blank=3), majority=OF_PRESENT, present=8,
                     tie=rule, runoff=True)
    # 3 of 8 present is not more than half, and need not be: the run-off goes by the most votes
    assert settled.final and settled.elected == (LEE,)
    assert "Run-off round" in settled.rules[2].explanation.english()


def test_tied_again_after_the_run_off_the_older_candidate_wins():
    runoff = tied(TieRule.RUNOFF_THEN_OLDER).runoff_contest()
    again = decide(runoff, Tally.of(runoff, {2: 4, 3: 4}, ballots=8), majority=OF_PRESENT, present=8,
                   tie=TieRule.RUNOFF_THEN_OLDER, runoff=True)
    assert again.final and again.elected == (PARK,)  # born 1958, before Lee (1975)
    step, = again.tie_breaks
    assert (step.kind, step.tied, step.seats, step.winners) == (TieKind.OLDER, (LEE, PARK), 1, (PARK,))


def test_tied_again_after_the_run_off_lots_are_drawn():
    runoff = tied(TieRule.RUNOFF_THEN_LOTS).runoff_contest()
    count = Tally.of(runoff, {2: 4, 3: 4}, ballots=8)
    waiting = decide(runoff, count, majority=NONE, present=8, tie=TieRule.RUNOFF_THEN_LOTS, runoff=True)
    assert waiting.pending.kind is TieKind.LOTS and waiting.elected == ()
    drawn = decide(runoff, count, majority=NONE, present=8, tie=TieRule.RUNOFF_THEN_LOTS, runoff=True,
                   lots=SeededLots("2026 정기총회"))
    assert drawn.elected == lots_order("2026 정기총회", (LEE, PARK))[:1]
    assert drawn.tie_breaks[0].seed == "2026 정기총회" and not drawn.tie_breaks[0].by_hand


def test_the_older_candidate_at_once():
    outcome = tied(TieRule.OLDER)
    assert outcome.final and outcome.elected == (KIM, PARK)
    assert outcome.tie_breaks[0].kind is TieKind.OLDER


def test_several_seats_go_to_the_oldest_of_the_tied():
    tally = Tally.of(DIRECTORS, {1: 5, 2: 4, 3: 4, 4: 4}, ballots=6)  # two seats for Lee, Park, Choi
    outcome = decide(DIRECTORS, tally, majority=NONE, present=6, tie=TieRule.OLDER)
    assert set(outcome.elected) == {KIM, PARK, LEE} and outcome.tie_breaks[0].winners == (PARK, LEE)


def test_an_unknown_birth_date_cannot_decide_so_lots_are_drawn():
    the_contest = contest(1, KIM, JUNG)
    tally = Tally.of(the_contest, {1: 3, 5: 3}, ballots=6)
    waiting = decide(the_contest, tally, majority=NONE, present=6, tie=TieRule.OLDER)
    older, = waiting.tie_breaks
    assert older.kind is TieKind.OLDER and older.winners == () and older.note.kwargs == {"count": 1}
    assert "not known" in older.note.english()
    assert waiting.pending.kind is TieKind.LOTS and waiting.pending.tied == (KIM, JUNG)
    by_hand = decide(the_contest, tally, majority=NONE, present=6, tie=TieRule.OLDER,
                     lots=HandDrawnLots.of([JUNG.key]))
    assert by_hand.elected == (JUNG,) and by_hand.tie_breaks[1].by_hand


def test_the_same_birth_date_goes_to_lots_between_those_born_that_day():
    twin_a = Candidate(7, "한가람", dt.date(1980, 3, 3))
    twin_b = Candidate(8, "한가온", dt.date(1980, 3, 3))
    the_contest = contest(2, PARK, twin_a, twin_b, CHOI)
    tally = Tally.of(the_contest, {3: 4, 7: 4, 8: 4, 4: 4}, ballots=8)
    waiting = decide(the_contest, tally, majority=NONE, present=8, tie=TieRule.OLDER)
    assert waiting.elected == (PARK,) and waiting.pending.tied == (twin_a, twin_b) and waiting.pending.seats == 1
    assert waiting.tie_breaks[0].winners == (PARK,) and waiting.tie_breaks[0].note.kwargs == {"count": 2}
    drawn = decide(the_contest, tally, majority=NONE, present=8, tie=TieRule.OLDER, lots=SeededLots("x"))
    assert drawn.final and len(drawn.elected) == 2 and PARK in drawn.elected


def test_lots_at_once():
    waiting = tied(TieRule.LOTS)
    assert waiting.pending.kind is TieKind.LOTS and waiting.elected == (KIM,)
    assert "lots are drawn" in waiting.summary.english()
    drawn = tied(TieRule.LOTS, SeededLots("  회의록 12번  "))
    assert drawn.tie_breaks[0].seed == "회의록 12번"  # as printed: without the spaces at either end
    assert drawn.elected[0] == KIM and drawn.elected[1:] == lots_order("회의록 12번", (LEE, PARK))[:1]


def test_a_tie_between_candidates_below_the_majority_is_no_tie():
    tally = Tally.of(TWO_SEATS, {1: 6, 2: 4, 3: 4}, ballots=8)
    outcome = decide(TWO_SEATS, tally, majority=OF_PRESENT, present=8, tie=TieRule.LOTS)
    assert outcome.final and outcome.elected == (KIM,) and outcome.unfilled == 1 and not outcome.tie_breaks


@pytest.mark.parametrize("call, field", [
    (lambda: decide(TWO_SEATS, TIED, majority=NONE, present=7, tie=TieRule.LOTS), "present"),
    (lambda: decide(TWO_SEATS, TIED, majority=NONE, present=8, tie=TieRule.OLDER, runoff=True), "runoff"),
    (lambda: tied(TieRule.LOTS, HandDrawnLots.of([LEE.key, PARK.key])), "winners"),  # two for one seat
    (lambda: tied(TieRule.LOTS, HandDrawnLots.of([KIM.key])), "winners"),  # Kim was not tied
    (lambda: tied(TieRule.LOTS, SeededLots("   ")), "seed"),
    (lambda: tied(TieRule.OLDER).runoff_contest(), "runoff"),
])
def test_refused(call, field):
    with pytest.raises(Refusal) as caught:
        call()
    assert caught.value.field == field


# -- at the founding meeting ------------------------------------------------------------------------

# 9 consenters present, 9 ballots: three directors of four, each voter marking up to three.
FOUNDING_COUNT = Tally.of(DIRECTORS, {1: 6, 2: 7, 3: 5, 4: 2}, ballots=9)


@pytest.mark.parametrize("founding, elected, unfilled", [
    (False, [LEE, KIM, PARK], 0),  # an assembly: 2 × 5 > 9 present is enough
    (True, [LEE, KIM], 1),  # the founding meeting: 3 × 6 ≥ 2 × 9 (exactly two thirds) is; 3 × 5 < 2 × 9 is not
])
def test_at_the_founding_meeting_a_candidate_needs_two_thirds_of_those_present(founding, elected, unfilled):
    outcome = decide(DIRECTORS, FOUNDING_COUNT, majority=OF_PRESENT, present=9, tie=TieRule.RUNOFF_THEN_OLDER,
                     founding=founding)
    assert outcome.elected == tuple(elected) and outcome.unfilled == unfilled and outcome.founding is founding
    cited = [r for r in outcome.rules if r.ref == law.FOUNDING_MAJORITY.ref]
    assert len(cited) == founding


def test_the_founding_meeting_rule_is_explained_and_cited():
    outcome = decide(APPROVAL, Tally.of(APPROVAL, {1: 7, 2: 6, 3: 9}, against={1: 2, 2: 3, 3: 0}, ballots=10),
                     majority=NONE, present=10, tie=TieRule.LOTS, founding=True)
    assert outcome.elected == (PARK, KIM)  # Lee: more yes than no, but 3 × 6 < 2 × 10
    lee = next(s for s in outcome.ranking if s.candidate == LEE)
    assert [e.english() for e in lee.reasons] == ["yes (6) > no (3)", "3 × votes (6) < 2 × present (10)"]
    rule = outcome.rules[-1]
    assert rule.ref == law.FOUNDING_MAJORITY.ref == law.act(15) and rule.setting is None
    assert rule.explanation.english() == ("At the founding meeting every decision needs at least two thirds of "
                                          "those present: a candidate needs the votes of at least two thirds of the "
                                          "members present (10).")


def test_a_run_off_at_the_founding_meeting_still_goes_by_the_most_votes():
    runoff = contest(1, LEE, PARK)
    settled = decide(runoff, Tally.of(runoff, {2: 5, 3: 3}, ballots=9, blank=1), majority=OF_PRESENT, present=9,
                     tie=TieRule.RUNOFF_THEN_OLDER, runoff=True, founding=True)
    assert settled.elected == (LEE,)  # the tied met two thirds in the round before
