"""A 15-member assembly elects 3 directors of 5 candidates, 1 auditor (yes or no), then the chair
from the directors, by secret ballot on one laptop; the officer register follows when the item
closes.  On SQLite and PostgreSQL."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.coop import ElectionMajority
from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.contest import Method
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.officers.terms import ChosenBy, Office
from coopdesk.services import audit
from coopdesk.services.elections.applying import officers_after
from coopdesk.services.elections.calling import add_contest, get_election
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.results import election_result
from coopdesk.services.elections.views import CandidateInput, ContestInput
from coopdesk.services.elections.voters import voter_for
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.meetings.agenda import ItemInput, add_item, remove_item
from coopdesk.services.meetings.readings import item_result
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.officers.terms import TermInput, add_term, list_terms
from coopdesk.store.models import VoteRow
from tests.services.elections.helpers import (
    HELD,
    add_members,
    candidate,
    choice,
    count_rows,
    election,
    hold_assembly,
    name,
)

DIRECTOR_CANDIDATES = (2, 6, 7, 8, 9)
# 13 ballots: 2 and 6 get 10 votes, 7 gets 7 (2 × 7 > 13 present), 8 gets 5, 9 gets 2; one blank
DIRECTOR_BALLOTS = [choice(2, 6, 7)] * 7 + [choice(2, 6, 8)] * 3 + [choice(8, 9)] * 2 + [Ballot()]
AUDITOR_BALLOTS = [Ballot.yes_no(yes=[10])] * 11 + [Ballot.yes_no(no=[10])] + [Ballot()]
CHAIR_BALLOTS = [choice(2)] * 8 + [choice(5)] * 4 + [Ballot()]
VOTERS = [*range(1, 13), 13]  # 13 votes through member 1, who holds the proxy


def call(db, coop, item_id):
    return election(db, coop, item_id, ContestInput(Office.DIRECTOR, 3), ContestInput(Office.AUDITOR, 1),
                    announced_on=dt.date(2026, 3, 10), candidacy_from=dt.date(2026, 3, 10),
                    candidacy_to=dt.date(2026, 3, 20), committee=("김선관", "이공정"))


def vote_all(db, coop, election_id, contests, ballots_by_contest):
    for i, voter in enumerate(VOTERS):
        cast(db, coop.id, election_id, voter, {c: ballots[i] for c, ballots in zip(contests, ballots_by_contest)})


def test_three_directors_an_auditor_and_the_chair_are_elected_and_go_on_the_register(db, coop, assembly):
    _, item_id = assembly
    called = call(db, coop, item_id)
    directors, auditors = (c.id for c in called.contests)
    assert [(c.office, c.seats, c.round, c.state) for c in called.contests] == [
        (Office.DIRECTOR, 3, 1, ContestState.OPEN), (Office.AUDITOR, 1, 1, ContestState.OPEN)]
    for n in DIRECTOR_CANDIDATES:
        candidate(db, coop, directors, n)
    view = candidate(db, coop, auditors, 10)
    assert view.method is Method.APPROVAL
    assert get_election(db, coop.id, called.id).contest(directors).method is Method.PLURALITY

    with pytest.raises(Refusal, match="chair is elected from among the directors") as exc:
        chair = add_contest(db, coop.id, called.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
        candidate(db, coop, chair, 2)
    assert exc.value.article == law.CHAIR_FROM_DIRECTORS.ref
    with pytest.raises(Refusal, match="chair is elected from among the directors"):
        open_voting(db, coop.id, called.id, [chair])

    opened = open_voting(db, coop.id, called.id, [directors, auditors])
    assert [c.state for c in opened.voting_contests] == [ContestState.VOTING] * 2
    vote_all(db, coop, called.id, [directors, auditors], [DIRECTOR_BALLOTS, AUDITOR_BALLOTS])
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 26

    counted = close_voting(db, coop.id, directors)
    assert (counted.state, counted.present, counted.voted) == (ContestState.COUNTED, 13, 13)
    close_voting(db, coop.id, auditors)
    decided = decide_contest(db, coop.id, directors)
    assert [c.member_number for c in decided.elected] == [2, 6, 7]
    assert [(s.candidate.key, s.votes, s.rank) for s in decided.outcome.ranking] == [
        (2, 10, 1), (6, 10, 1), (7, 7, 3), (8, 5, 4), (9, 2, 5)]
    assert decided.tally.blank == 1 and decided.outcome.majority is ElectionMajority.OF_PRESENT
    auditor = decide_contest(db, coop.id, auditors)
    assert [(s.votes, s.against, s.elected) for s in auditor.outcome.ranking] == [(11, 1, True)]

    # the chair: from the directors just elected (2) or continuing (5), not member 11
    with pytest.raises(Refusal, match="not a director") as exc:
        candidate(db, coop, chair, 11)
    assert exc.value.article == law.CHAIR_FROM_DIRECTORS.ref
    candidate(db, coop, chair, 2)
    candidate(db, coop, chair, 5)
    open_voting(db, coop.id, called.id, [chair])
    vote_all(db, coop, called.id, [chair], [CHAIR_BALLOTS])
    close_voting(db, coop.id, chair)
    assert [c.member_number for c in decide_contest(db, coop.id, chair).elected] == [2]

    result = election_result(db, coop.id, called.id)
    assert result.decided and result.seed is None
    assert {o: [c.name for c in result.elected(o)] for o in Office} == {
        Office.DIRECTOR: [name(2), name(6), name(7)], Office.AUDITOR: [name(10)], Office.CHAIR: [name(2)]}
    as_json = result.as_json()
    assert as_json["contests"][0]["candidates"][0] == {
        "key": 2, "member_number": 2, "name": name(2), "votes": 10, "against": None, "rank": 1, "qualified": True,
        "elected": True, "reasons": ["2 × votes (10) > present (13)"]}
    assert {r["setting"] for r in as_json["contests"][0]["rules"]} == {None, "election_majority"}
    assert as_json["contests"][0]["rules"][0]["article"] == "Act 23①"

    closed = close_item(db, coop.id, item_id).item
    assert (closed.closed, closed.passed, closed.kind) == (True, True, ResolutionKind.ELECTION)
    assert closed.words.english() == "Decided by election: 5 elected for 5 seats."
    assert item_result(db, coop.id, item_id) == closed
    _the_register_after(db, coop, called.id)
    assert audit.verify(db).intact


def _the_register_after(db, coop, election_id):
    terms = {(v.term.office, v.term.person.member_number, v.term.start): v.term for v in list_terms(db, coop.id)}
    new_end = dt.date(2028, 3, 27)  # two years from the meeting day (the bylaws' term)
    for office, number in ((Office.DIRECTOR, 2), (Office.DIRECTOR, 6), (Office.DIRECTOR, 7), (Office.AUDITOR, 10),
                           (Office.CHAIR, 2)):
        term = terms[(office, number, HELD)]
        assert (term.end, term.chosen_by, term.left_on) == (new_end, ChosenBy.ELECTED, None)
    old = dt.date(2024, 3, 30)
    for office, number in ((Office.CHAIR, 1), (Office.DIRECTOR, 1), (Office.DIRECTOR, 2), (Office.DIRECTOR, 3),
                           (Office.AUDITOR, 4)):
        assert terms[(office, number, old)].left_on == HELD - dt.timedelta(days=1)  # outgoing, closed
    assert terms[(Office.DIRECTOR, 5, dt.date(2025, 3, 29))].left_on is None  # carries on
    check = officers_after(db, coop.id, election_id)
    assert check.on == HELD and check.meets_act and check.breaches == []


def test_a_proxy_holder_votes_twice_and_a_third_time_is_refused(db, coop, assembly):
    _, item_id = assembly
    called = call(db, coop, item_id)
    directors = called.contests[0].id
    for n in DIRECTOR_CANDIDATES:
        candidate(db, coop, directors, n)
    open_voting(db, coop.id, called.id, [directors])
    holder = voter_for(db, coop.id, called.id, "1")
    assert [(r.key, r.by_proxy, r.contests) for r in holder.rights] == [(1, False, (directors,)),
                                                                         (13, True, (directors,))]
    assert voter_for(db, coop.id, called.id, f" {name(1)[:3]} {name(1)[3:]} ").key == 1  # by name, spaces ignored
    cast(db, coop.id, called.id, 1, {directors: choice(2)})
    assert [r.key for r in voter_for(db, coop.id, called.id, name(1)).rights] == [13]
    receipt = cast(db, coop.id, called.id, 13, {directors: choice(6, 7)})
    assert receipt.ballots == 1 and "in the box" in receipt.message
    for again in (1, 13):
        with pytest.raises(Refusal, match="already voted"):
            cast(db, coop.id, called.id, again, {directors: choice(8)})
    with pytest.raises(Refusal, match="already voted in every contest"):
        voter_for(db, coop.id, called.id, "1")
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 2


def test_only_members_present_vote(db, coop, assembly):
    _, item_id = assembly
    called = call(db, coop, item_id)
    directors = called.contests[0].id
    for n in DIRECTOR_CANDIDATES:
        candidate(db, coop, directors, n)
    open_voting(db, coop.id, called.id, [directors])
    for who, message in (("14", "Member 14 조합원14 is not present"), ("16", "There is no member number 16"),
                         ("조합원1", "Several members present fit"), ("박", "No member present fits")):
        with pytest.raises(Refusal, match=message):
            voter_for(db, coop.id, called.id, who)
    with pytest.raises(Refusal, match="not present in person or by proxy"):
        cast(db, coop.id, called.id, 14, {directors: choice(2)})
    with pytest.raises(Refusal, match="at most 3"):
        cast(db, coop.id, called.id, 3, {directors: choice(2, 6, 7, 8)})
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 0


def test_checks_before_the_vote_cite_the_law(db, coop, assembly):
    _, item_id = assembly
    called = call(db, coop, item_id)
    directors, auditors = (c.id for c in called.contests)
    candidate(db, coop, directors, 6)
    with pytest.raises(Refusal, match="already holds this office"):  # member 5's term as director runs on
        candidate(db, coop, directors, 5)
    with pytest.raises(Refusal, match="stands for director and for auditor") as exc:
        candidate(db, coop, auditors, 6)
    assert exc.value.article == law.AUDITOR_NOT_DIRECTOR.ref
    with pytest.raises(Refusal, match="director whose term runs on") as exc:
        candidate(db, coop, auditors, 5)
    assert exc.value.article == law.AUDITOR_NOT_DIRECTOR.ref
    candidate(db, coop, auditors, 4)  # the outgoing auditor stands again: their term ends the day before
    with pytest.raises(Refusal, match="already a candidate"):
        candidate(db, coop, directors, 6)
    with pytest.raises(Refusal, match="from among the members"):
        add_candidate(db, coop.id, directors, CandidateInput(dt.date(2026, 3, 12), name="외부인"))
    with pytest.raises(Refusal, match="while candidacy is open"):
        add_candidate(db, coop.id, directors, CandidateInput(dt.date(2026, 3, 22), member_number=7))
    candidate(db, coop, directors, 7, accepted=False)
    with pytest.raises(Refusal, match="has not accepted"):
        open_voting(db, coop.id, called.id, [directors])
    with pytest.raises(Refusal, match="decided by its election"):
        record_counts(db, coop.id, item_id, 10, 2, 1)
    with pytest.raises(Refusal, match="Decide every contest"):
        close_item(db, coop.id, item_id)


def test_the_chair_may_be_re_elected_consecutively_only_twice(db, coop):
    add_members(db, coop)
    for start in (dt.date(2020, 3, 28), dt.date(2022, 3, 28), dt.date(2024, 3, 29)):  # three terms in a row
        end = start.replace(year=start.year + 2) - dt.timedelta(days=1)
        for office in (Office.CHAIR, Office.DIRECTOR):
            add_term(db, coop.id, TermInput(office, start, end, member_number=1), today=start)
    _, item_id = hold_assembly(db, coop, range(1, 13))
    called = election(db, coop, item_id, ContestInput(Office.CHAIR, 1))
    add_term(db, coop.id, TermInput(Office.DIRECTOR, dt.date(2026, 3, 1), dt.date(2028, 2, 29), member_number=3),
             today=dt.date(2026, 3, 1))
    with pytest.raises(Refusal, match="re-elected consecutively only 2 times") as exc:
        candidate(db, coop, called.contests[0].id, 1)
    assert exc.value.article == law.CHAIR_MAX_CONSECUTIVE_REELECTIONS.ref
    assert candidate(db, coop, called.contests[0].id, 3).standing[0].member_number == 3


def test_an_item_with_votes_as_a_motion_takes_no_election_and_one_with_an_election_no_correction(
        db, coop, assembly):
    _, item_id = assembly
    with pytest.raises(Refusal, match="not by a yes-or-no vote"):  # refused before the election is set up too
        record_counts(db, coop.id, item_id, 10, 2, 1)
    with db.write() as s:  # as an older version let it be recorded
        s.add(VoteRow(item_id=item_id, yes=10, no=2, abstain=1, roll_call=False, supersedes_id=None, reason="",
                      recorded_at=dt.datetime(2026, 3, 28, 15)))
    with pytest.raises(Refusal, match="as a motion"):
        call(db, coop, item_id)


def test_an_item_goes_with_its_election_until_someone_has_voted(db, coop, assembly):
    _, item_id = assembly
    called = call(db, coop, item_id)
    candidate(db, coop, called.contests[0].id, 6)
    remove_item(db, coop.id, item_id)  # the election, its contests and candidates go with it
    assert [count_rows(db, t) for t in ("election", "election_contest", "election_candidate")] == [0, 0, 0]

    meeting_id, _ = assembly
    again = add_item(db, coop.id, meeting_id, ItemInput(Subject.OFFICER_ELECTION, "임원 보궐선거",
                                                        ResolutionKind.ELECTION)).id
    called = election(db, coop, again, ContestInput(Office.AUDITOR, 1))
    candidate(db, coop, called.contests[0].id, 10)
    open_voting(db, coop.id, called.id, [called.contests[0].id])
    cast(db, coop.id, called.id, 3, {called.contests[0].id: Ballot.yes_no(yes=[10])})
    with pytest.raises(Refusal, match="cannot be removed"):
        remove_item(db, coop.id, again)
    assert count_rows(db, "election_ballot") == 1


def test_a_vacancy_is_filled_for_the_rest_of_the_term_and_a_chair_serves_no_longer_than_as_director(
        db, coop, assembly):
    from coopdesk.services.officers.terms import end_term

    _, item_id = assembly
    auditor = next(v for v in list_terms(db, coop.id) if v.term.office is Office.AUDITOR)
    end_term(db, coop.id, auditor.id, dt.date(2025, 12, 31), "사임")
    called = election(db, coop, item_id, ContestInput(Office.AUDITOR, 1, vacancy_of=auditor.id),
                      ContestInput(Office.CHAIR, 1))
    vacancy, chair = (c.id for c in called.contests)
    candidate(db, coop, vacancy, 11)
    candidate(db, coop, chair, 5)  # a director whose term runs on to 2027-03-28
    open_voting(db, coop.id, called.id, [vacancy, chair])
    for voter in VOTERS:
        cast(db, coop.id, called.id, voter, {vacancy: Ballot.yes_no(yes=[11]), chair: Ballot.yes_no(yes=[5])})
    for contest in (vacancy, chair):
        close_voting(db, coop.id, contest)
        decide_contest(db, coop.id, contest)
    close_item(db, coop.id, item_id)
    terms = {(v.term.office, v.term.person.member_number): v.term for v in list_terms(db, coop.id)
             if v.term.start == HELD}
    filled = terms[(Office.AUDITOR, 11)]
    assert (filled.end, filled.chosen_by, filled.predecessor_end) == (dt.date(2026, 3, 29), ChosenBy.VACANCY,
                                                                      dt.date(2026, 3, 29))
    assert terms[(Office.CHAIR, 5)].end == dt.date(2027, 3, 28)
    old_chair = next(v for v in list_terms(db, coop.id) if v.term.office is Office.CHAIR and v.term.start < HELD)
    assert old_chair.term.left_on == HELD - dt.timedelta(days=1)
