"""Properties of the counting rules, on elections hypothesis makes up: checked against the
domain's ``count`` / ``decide`` and, for the plain cases, against a small reference written
here from the rules in words (LAW.md Elections, the docstrings of ``deciding``)."""

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from coopdesk.domain.coop import TIE_LABELS, ElectionMajority, TieRule
from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.contest import Candidate, Contest, Method
from coopdesk.domain.elections.counting import (
    Difference, Tally, TallyItem, agreed_entry, check_tally, compare_entries, count,
)
from coopdesk.domain.elections.deciding import AppliedRule, TieKind, decide
from coopdesk.domain.elections.lots import HandDrawnLots, SeededLots, clean_seed, lots_order
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import Explanation

QUICK = settings(max_examples=150, deadline=None)

# A few dates only, so that candidates born on the same day come up often.
BIRTHS = st.one_of(st.sampled_from([dt.date(1950, 1, 1), dt.date(1961, 5, 2), dt.date(1975, 8, 30),
                                    dt.date(1990, 12, 1)]), st.none())
KNOWN_BIRTHS = st.sampled_from([dt.date(1950, 1, 1), dt.date(1961, 5, 2), dt.date(1975, 8, 30)])
SEEDS = st.text(st.sampled_from([*"0a9f :-", "정", "기", "총", "회"]), min_size=1, max_size=12).filter(str.strip)
LOTS_OR_NONE = st.one_of(st.none(), SEEDS.map(SeededLots))
MAJORITIES = st.sampled_from(ElectionMajority)
TIE_RULES = st.sampled_from(TieRule)


@st.composite
def candidates(draw, n, births=BIRTHS):
    keys = draw(st.lists(st.integers(-3, 40), min_size=n, max_size=n, unique=True))  # any order, negative too
    return tuple(Candidate(k, f"후보 {k}", draw(births)) for k in keys)


@st.composite
def contests(draw, births=BIRTHS):
    seats = draw(st.integers(1, 4))
    office = draw(st.sampled_from(Office if seats == 1 else [Office.DIRECTOR, Office.AUDITOR]))  # one chair
    return Contest(office, seats, draw(candidates(draw(st.integers(1, 6)), births)))


@st.composite
def ballots_for(draw, contest):
    """One ballot: mostly valid, sometimes blank, spoilt or wrongly marked."""
    keys = contest.keys
    some = st.sets(st.sampled_from(keys))
    kind = draw(st.sampled_from(["valid"] * 6 + ["blank", "spoilt", "wrong"]))
    if kind == "blank":
        return Ballot()
    if contest.method is Method.PLURALITY:
        if kind == "wrong":
            return draw(st.sampled_from([
                Ballot.choice(draw(st.sets(st.sampled_from(keys), min_size=contest.seats + 1))),  # too many
                Ballot.choice({*draw(some), 999}),  # not a candidate
                Ballot.yes_no(yes=draw(some)),  # no yes or no in a choice
            ]))
        ballot = Ballot.choice(draw(st.sets(st.sampled_from(keys), max_size=contest.seats)))
    else:
        if kind == "wrong":
            k = draw(st.sampled_from(keys))
            return draw(st.sampled_from([Ballot.yes_no([k], [k]), Ballot.choice([k]), Ballot.yes_no(no=[999])]))
        yes = draw(some)
        others = [k for k in keys if k not in yes]
        ballot = Ballot.yes_no(yes, draw(st.sets(st.sampled_from(others))) if others else ())
    return dataclasses.replace(ballot, spoilt=True) if kind == "spoilt" else ballot


@st.composite
def elections(draw, births=BIRTHS, max_ballots=20):
    """A contest, its ballots, and the members present (at least as many as the ballots)."""
    contest = draw(contests(births))
    ballots = draw(st.lists(ballots_for(contest), max_size=max_ballots))
    return contest, ballots, len(ballots) + draw(st.integers(0, 4))


# -- a reference, written from the rules in words -----------------------------------------------------

def ref_count(contest, ballots):
    """(yes by key, no by key, ballots, blank, invalid), classifying each ballot afresh."""
    approval = len(contest.candidates) <= contest.seats
    yes, no = dict.fromkeys(contest.keys, 0), dict.fromkeys(contest.keys, 0)
    blank = invalid = 0
    for b in ballots:
        marks = b.marked | b.yes | b.no
        wrong = (b.marked or b.yes & b.no) if approval else (b.yes or b.no or len(b.marked) > contest.seats)
        if b.spoilt or wrong or not marks <= set(contest.keys):
            invalid += 1
        elif not marks:
            blank += 1
        else:
            for k in b.marked | b.yes:
                yes[k] += 1
            for k in b.no:
                no[k] += 1
    return yes, no, len(ballots), blank, invalid


def meets(contest, tally, key, majority, present, runoff=False, founding=False):
    """The arithmetic a candidate must pass, straight from the tally's numbers."""
    votes = dict(tally.votes)[key]
    if contest.method is Method.APPROVAL and not votes > dict(tally.against)[key]:
        return False
    if runoff:
        return True  # the tied met it in the round before
    if founding and not (present > 0 and 3 * votes >= 2 * present):  # Act 15: two thirds of those present
        return False
    valid = tally.ballots - tally.invalid
    return {ElectionMajority.NONE: contest.method is Method.APPROVAL or votes > 0,
            ElectionMajority.OF_VOTERS: 2 * votes > valid,
            ElectionMajority.OF_PRESENT: 2 * votes > present}[majority]


def reference(contest, tally, majority, present, runoff=False, founding=False):
    """(qualified, above, tied, seats left): ``tied`` is empty when the seats fill without a tie."""
    votes = dict(tally.votes)
    qualified = [c for c in contest.candidates if meets(contest, tally, c.key, majority, present, runoff, founding)]
    if contest.method is Method.APPROVAL or len(qualified) <= contest.seats:
        return qualified, qualified, [], 0
    ranked = sorted((votes[c.key] for c in qualified), reverse=True)
    last = ranked[contest.seats - 1]
    if ranked[contest.seats] < last:
        return qualified, [c for c in qualified if votes[c.key] >= last], [], 0
    above = [c for c in qualified if votes[c.key] > last]
    return qualified, above, [c for c in qualified if votes[c.key] == last], contest.seats - len(above)


def by_age(tied, seats):
    """The older-candidate rule in words: (chosen by age, those left to lots, seats left to lots)."""
    if any(c.birth_date is None for c in tied):
        return [], list(tied), seats  # age cannot decide: lots between all the tied
    cutoff = sorted(c.birth_date for c in tied)[seats - 1]
    older = [c for c in tied if c.birth_date < cutoff]
    same = [c for c in tied if c.birth_date == cutoff]
    if len(older) + len(same) == seats:
        return older + same, [], 0
    return older, same, seats - len(older)


def keys(people):
    return {c.key for c in people}


# -- counting ------------------------------------------------------------------------------------------

@QUICK
@given(elections())
def test_count_agrees_with_the_reference_and_check_tally_accepts_it(election):
    contest, ballots, _ = election
    tally = count(contest, ballots)
    yes, no, cast, blank, invalid = ref_count(contest, ballots)
    assert tally.votes == tuple((k, yes[k]) for k in contest.keys)
    approval = contest.method is Method.APPROVAL
    assert tally.against == (tuple((k, no[k]) for k in contest.keys) if approval else ())
    assert (tally.ballots, tally.blank, tally.invalid) == (cast, blank, invalid)
    check_tally(contest, tally, voted=len(ballots))


@QUICK
@given(st.data(), elections())
def test_permuting_the_ballots_changes_neither_the_tally_nor_the_outcome(data, election):
    contest, ballots, present = election
    shuffled = data.draw(st.permutations(ballots))
    assert count(contest, shuffled) == count(contest, ballots)
    how = {"majority": data.draw(MAJORITIES), "present": present, "tie": data.draw(TIE_RULES),
           "lots": data.draw(LOTS_OR_NONE), "founding": data.draw(st.booleans())}
    assert decide(contest, count(contest, shuffled), **how) == decide(contest, count(contest, ballots), **how)


@QUICK
@given(st.data(), elections())
def test_two_equal_entries_agree_and_one_changed_number_is_one_difference(data, election):
    contest, ballots, _ = election
    tally = count(contest, ballots)
    assert compare_entries(tally, tally) == [] and agreed_entry(tally, tally) == tally
    numbers = [(TallyItem.BALLOTS, None), (TallyItem.BLANK, None), (TallyItem.INVALID, None)]
    numbers += [(TallyItem.VOTES, k) for k, _ in tally.votes] + [(TallyItem.AGAINST, k) for k, _ in tally.against]
    item, key = data.draw(st.sampled_from(numbers))
    change = data.draw(st.integers(-3, 3).filter(bool))
    changed, old = _changed(tally, item, key, change)
    assert compare_entries(tally, changed) == [Difference(item, key, old, old + change)]
    assert compare_entries(changed, tally) == [Difference(item, key, old + change, old)]


def _changed(tally, item, key, change):
    if item in (TallyItem.VOTES, TallyItem.AGAINST):
        field = "votes" if item is TallyItem.VOTES else "against"
        pairs = getattr(tally, field)
        old = dict(pairs)[key]
        return dataclasses.replace(tally, **{field: tuple((k, n + change if k == key else n) for k, n in pairs)}), old
    old = getattr(tally, item.value)
    return dataclasses.replace(tally, **{item.value: old + change}), old


# -- who is elected --------------------------------------------------------------------------------------

@QUICK
@given(st.data(), elections())
def test_the_seats_the_majority_and_yes_over_no_hold_for_every_elected_candidate(data, election):
    contest, ballots, present = election
    tally = count(contest, ballots)
    majority, tie, founding = data.draw(MAJORITIES), data.draw(TIE_RULES), data.draw(st.booleans())
    outcome = decide(contest, tally, majority=majority, present=present, tie=tie, lots=data.draw(LOTS_OR_NONE),
                     founding=founding)
    elected = outcome.elected
    assert len(elected) == len(keys(elected)) <= contest.seats
    assert len(elected) + outcome.unfilled + (outcome.pending.seats if outcome.pending else 0) == contest.seats
    for c in elected:
        assert c in contest.candidates
        assert meets(contest, tally, c.key, majority, present, founding=founding)  # the arithmetic, from the tally
        if contest.method is Method.APPROVAL:
            assert dict(tally.votes)[c.key] > dict(tally.against)[c.key]
    qualified, above, tied, _ = reference(contest, tally, majority, present, founding=founding)
    assert {s.candidate.key for s in outcome.ranking if s.qualified} == keys(qualified)
    assert [s.votes for s in outcome.ranking] == sorted((n for _, n in tally.votes), reverse=True)
    if not tied:  # the plain case: the reference says who, with no tie rule
        assert outcome.final and not outcome.tie_breaks and keys(elected) == keys(above)
        assert outcome.unfilled == contest.seats - len(above)
        assert not any(r.setting == "tie_rule" for r in outcome.rules)


@settings(max_examples=200, deadline=None)
@given(st.data(), elections())
def test_one_more_vote_for_an_elected_candidate_never_unseats_them(data, election):
    contest, ballots, present = election
    how = {"majority": data.draw(MAJORITIES), "tie": data.draw(TIE_RULES), "lots": data.draw(LOTS_OR_NONE),
           "founding": data.draw(st.booleans())}
    before = decide(contest, count(contest, ballots), present=present, **how)
    for winner in before.elected:
        if contest.method is Method.PLURALITY:
            vote = Ballot.choice([winner.key])
        else:  # a yes for them; whatever the same ballot says of the others
            vote = Ballot.yes_no([winner.key], data.draw(st.sets(st.sampled_from(contest.keys))) - {winner.key})
        # the voter was present and had not voted yet, or has just come in
        more_present = present + (1 if present == len(ballots) or data.draw(st.booleans()) else 0)
        after = decide(contest, count(contest, [*ballots, vote]), present=more_present, **how)
        assert winner in after.elected
        # No one else takes a seat they did not hold.  (Not so for a bystander when a birth date is
        # unknown under the older-candidate rule: lots are then drawn between all the tied, so the
        # winner leaving a tie can turn lots into age between the others.)
        if how["tie"] is not TieRule.OLDER or all(c.birth_date for c in contest.candidates):
            assert set(after.elected) <= set(before.elected)


# -- ties ----------------------------------------------------------------------------------------------

@st.composite
def ties(draw, births=BIRTHS):
    """A choice with a tie at the last seat: ``above`` sure of a seat, ``tied`` for ``left`` seats."""
    n_above, n_tied, n_below = draw(st.integers(0, 2)), draw(st.integers(2, 4)), draw(st.integers(0, 2))
    left = draw(st.integers(1, n_tied - 1))
    level = draw(st.integers(1, 5))
    votes = ([draw(st.integers(level + 1, level + 4)) for _ in range(n_above)] + [level] * n_tied
             + [draw(st.integers(0, level - 1)) for _ in range(n_below)])
    people = draw(candidates(len(votes), births))
    order = draw(st.permutations(range(len(votes))))  # the ballot order mixes them
    contest = Contest(Office.DIRECTOR, n_above + left, tuple(people[i] for i in order))
    blank = draw(st.integers(0, 3))
    # one ballot per mark, plus blank ones: a valid count of single-mark ballots
    tally = Tally.of(contest, {people[i].key: votes[i] for i in order}, ballots=sum(votes) + blank, blank=blank)
    return contest, tally, tally.ballots + draw(st.integers(0, 3))


def recorded(outcome, tie):
    """The outcome names the bylaws' tie rule among the rules it applied."""
    return outcome.tie_rule is tie and AppliedRule(Explanation(TIE_LABELS[tie]), setting="tie_rule") in outcome.rules


def check_tie_broken(data, contest, tally, present, tie, runoff=False):
    """Decide a contest with a tie and check the rule the bylaws record was applied, and nothing else."""
    _, above, tied, left = reference(contest, tally, ElectionMajority.NONE, present, runoff)
    assert tied, "the case has a tie"
    how = {"majority": ElectionMajority.NONE, "present": present, "tie": tie, "runoff": runoff}
    if tie in (TieRule.RUNOFF_THEN_OLDER, TieRule.RUNOFF_THEN_LOTS) and not runoff:
        outcome = decide(contest, tally, **how, lots=data.draw(LOTS_OR_NONE))  # no lots before the run-off
        assert not outcome.final and outcome.pending.kind is TieKind.RUNOFF and not outcome.tie_breaks
        assert outcome.pending.tied == tuple(tied) and outcome.pending.seats == left  # exactly the tied, ballot order
        assert keys(outcome.elected) == keys(above) and outcome.unfilled == 0
        runoff_contest = outcome.runoff_contest()
        assert runoff_contest == Contest(contest.office, left, tuple(tied))
        assert runoff_contest.method is Method.PLURALITY
        assert recorded(outcome, tie)
        return
    if tie in (TieRule.OLDER, TieRule.RUNOFF_THEN_OLDER):
        by_older, drawn_from, drawn_seats = by_age(tied, left)
    else:
        by_older, drawn_from, drawn_seats = [], list(tied), left
    first_kind = TieKind.OLDER if tie in (TieRule.OLDER, TieRule.RUNOFF_THEN_OLDER) else TieKind.LOTS
    waiting = decide(contest, tally, **how)
    assert recorded(waiting, tie) and (waiting.tie_breaks or (waiting.pending,))[0].kind is first_kind
    assert keys(waiting.elected) == keys(above) | keys(by_older)
    if first_kind is TieKind.OLDER:  # the older first; none when a birth date is unknown
        assert waiting.tie_breaks[0].winners == tuple(sorted(by_older, key=lambda c: c.birth_date))
    if not drawn_from:  # age alone decided
        assert waiting.final
        return
    assert waiting.pending.kind is TieKind.LOTS and waiting.pending.seats == drawn_seats
    assert keys(waiting.pending.tied) == keys(drawn_from)
    seed = data.draw(SEEDS)
    drawn = decide(contest, tally, **how, lots=SeededLots(seed))
    assert drawn == decide(contest, tally, **how, lots=SeededLots(f" {seed}  "))  # same seed, same winners
    step = drawn.tie_breaks[-1]
    assert step.kind is TieKind.LOTS and step.seed == clean_seed(seed) and not step.by_hand
    assert step.winners == lots_order(step.seed, step.tied)[:step.seats]  # anyone can re-run it from the minutes
    assert keys(drawn.elected) == keys(above) | keys(by_older) | keys(lots_order(seed, drawn_from)[:drawn_seats])
    assert drawn.final and recorded(drawn, tie)
    chosen = data.draw(st.sets(st.sampled_from(drawn_from), min_size=drawn_seats, max_size=drawn_seats))
    by_hand = decide(contest, tally, **how, lots=HandDrawnLots.of(keys(chosen)))
    assert by_hand.final and by_hand.tie_breaks[-1].by_hand and by_hand.tie_breaks[-1].seed is None
    assert keys(by_hand.elected) == keys(above) | keys(by_older) | keys(chosen)


@QUICK
@given(st.data(), ties(), TIE_RULES)
def test_a_tie_is_broken_by_the_recorded_rule(data, case, tie):
    contest, tally, present = case
    check_tie_broken(data, contest, tally, present, tie)


@QUICK
@given(st.data(), ties(KNOWN_BIRTHS), st.sampled_from([TieRule.OLDER, TieRule.RUNOFF_THEN_OLDER]))
def test_with_every_birth_date_known_the_older_win_and_only_a_shared_birthday_goes_to_lots(data, case, tie):
    contest, tally, present = case
    check_tie_broken(data, contest, tally, present, tie, runoff=tie is TieRule.RUNOFF_THEN_OLDER)


@QUICK
@given(st.data(), ties(), st.sampled_from([TieRule.RUNOFF_THEN_OLDER, TieRule.RUNOFF_THEN_LOTS]))
def test_a_run_off_tied_again_goes_to_the_second_step_of_the_rule(data, case, tie):
    first, tally, present = case
    runoff = decide(first, tally, majority=ElectionMajority.NONE, present=present, tie=tie).runoff_contest()
    # the run-off round: every tied candidate gets the same votes again, whatever the majority
    level = data.draw(st.integers(0, 4))
    again = Tally.of(runoff, dict.fromkeys(runoff.keys, level), ballots=level * len(runoff.candidates))
    check_tie_broken(data, runoff, again, max(present, again.ballots), tie, runoff=True)


@QUICK
@given(st.data(), elections())
def test_any_tie_in_any_election_is_broken_by_the_recorded_rule(data, election):
    contest, ballots, present = election
    tally = count(contest, ballots)
    majority, tie, lots = data.draw(MAJORITIES), data.draw(TIE_RULES), data.draw(LOTS_OR_NONE)
    outcome = decide(contest, tally, majority=majority, present=present, tie=tie, lots=lots)
    _, above, tied, left = reference(contest, tally, majority, present)
    if not tied:
        return
    assert set(outcome.elected) >= set(above) and recorded(outcome, tie)
    pending = outcome.pending and (outcome.pending.kind, outcome.pending.tied, outcome.pending.seats)
    if tie in (TieRule.RUNOFF_THEN_OLDER, TieRule.RUNOFF_THEN_LOTS):
        assert pending == (TieKind.RUNOFF, tuple(tied), left)
    elif lots is None and tie is TieRule.LOTS:
        assert pending == (TieKind.LOTS, tuple(tied), left)
    elif tie is TieRule.LOTS:
        assert keys(outcome.elected) == keys(above) | keys(lots_order(lots.seed, tied)[:left])
    else:
        by_older, drawn_from, drawn_seats = by_age(tied, left)
        assert set(outcome.elected) >= set(by_older)
        drawn = lots_order(lots.seed, drawn_from)[:drawn_seats] if lots else []
        assert keys(outcome.elected) == keys(above) | keys(by_older) | keys(drawn)
