"""Paper ballots: the roll of who took papers, and two tellers' double entry of the count —
accepted only when the two agree, and only if the papers are as many as the voters."""

import pytest

from coopdesk.domain.elections.counting import TallyItem
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.paper import (
    PaperCount,
    enter_tally,
    mark_paper_taken,
    tally_entries,
)
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.elections.voting import open_voting
from tests.services.elections.helpers import candidate, choice, count_rows, election


def test_two_tellers_enter_the_count_and_it_is_accepted_only_when_they_agree(db, coop, assembly):
    _, item_id = assembly
    called = election(db, coop, item_id, ContestInput(Office.DIRECTOR, 2), voting=VotingMethod.PAPER)
    contest = called.contests[0].id
    for n in (6, 7, 8):
        candidate(db, coop, contest, n)
    open_voting(db, coop.id, called.id, [contest])
    with pytest.raises(Refusal, match="held on paper"):
        cast(db, coop.id, called.id, 3, {contest: choice(6)})
    for voter in [*range(1, 13), 13]:  # 12 in person and member 13 through member 1's proxy
        assert mark_paper_taken(db, coop.id, called.id, voter) == 1
    with pytest.raises(Refusal, match="already voted"):
        mark_paper_taken(db, coop.id, called.id, 13)
    with pytest.raises(Refusal, match="not present"):
        mark_paper_taken(db, coop.id, called.id, 14)
    assert count_rows(db, "election_ballot") == 0  # papers are counted, not stored one by one
    with pytest.raises(Refusal, match="after voting closes"):
        enter_tally(db, coop.id, contest, 1, PaperCount({6: 9, 7: 8, 8: 5}, ballots=13, blank=1, invalid=1))
    assert close_voting(db, coop.id, contest).state is ContestState.COUNTING

    first = PaperCount({6: 9, 7: 8, 8: 5}, ballots=13, blank=1, invalid=1)
    entries = enter_tally(db, coop.id, contest, 1, first)
    assert (entries.second, entries.accepted, entries.differences) == (None, None, ())
    with pytest.raises(Refusal, match="more than the 11 valid ballots"):  # a count that cannot be true
        enter_tally(db, coop.id, contest, 2, PaperCount({6: 12, 7: 8, 8: 5}, ballots=13, blank=1, invalid=1))
    entries = enter_tally(db, coop.id, contest, 2, PaperCount({6: 9, 7: 7, 8: 5}, ballots=13, blank=1, invalid=1))
    assert entries.accepted is None
    assert [(d.item, d.key, d.first, d.second) for d in entries.differences] == [(TallyItem.VOTES, 7, 8, 7)]
    entries = enter_tally(db, coop.id, contest, 2, PaperCount({6: 9, 7: 8, 8: 5}, ballots=12, blank=0, invalid=1))
    assert entries.accepted is None and [d.item for d in entries.differences] == [TallyItem.BALLOTS, TallyItem.BLANK]
    for teller in (1, 2):  # both counted 12 papers: equal, but 13 voters took one
        entries = enter_tally(db, coop.id, contest, teller,
                              PaperCount({6: 9, 7: 8, 8: 5}, ballots=12, blank=0, invalid=1))
    assert entries.differences == () and entries.accepted is None and entries.voted == 13
    assert "13 voters took part" in str(entries.problem)
    for teller in (1, 2):
        entries = enter_tally(db, coop.id, contest, teller, first)
    assert entries.accepted is not None and entries.accepted.ballots == 13
    assert tally_entries(db, coop.id, contest).accepted == entries.accepted
    with pytest.raises(Refusal, match="until it is accepted"):
        enter_tally(db, coop.id, contest, 1, first)
    decided = decide_contest(db, coop.id, contest)
    assert [c.member_number for c in decided.elected] == [6, 7]  # 2 × 9 and 2 × 8 > 13 present


def test_there_are_two_tellers(db, coop, assembly):
    _, item_id = assembly
    called = election(db, coop, item_id, ContestInput(Office.AUDITOR, 1), voting=VotingMethod.PAPER)
    with pytest.raises(Refusal, match="two tellers"):
        enter_tally(db, coop.id, called.contests[0].id, 3, PaperCount({}, ballots=0))
