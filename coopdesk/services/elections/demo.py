"""The demo's officers, elected by secret ballot at its ordinary assembly.

Made through the same services a secretary uses: the directors and the auditor in one ballot
(each uncontested, so each voter says yes or no to each candidate), then the chair from
among the directors just elected (Act 34②).  Closing the item puts them on the officer
register, as in a real co-op.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.calling import add_contest, create_election
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.views import CandidateInput, ContestInput, ElectionInput
from coopdesk.services.elections.voting import open_voting
from coopdesk.store.database import Database

NAYS = 7  # about one voter in seven says no to a candidate: everyone is still elected


def elect_demo_officers(db: Database, coop_id: int, rnd: random.Random, item_id: int, held_on: dt.date,
                        voters: Sequence[int], chair: int, directors: Sequence[int], auditor: int) -> None:
    """``voters``: the member numbers whose votes are cast (those present, and a principal whose
    holder is); ``chair`` is one of ``directors``."""
    announced = held_on - dt.timedelta(days=14)
    called = create_election(db, coop_id, item_id, ElectionInput(
        announced_on=announced, candidacy_from=announced, candidacy_to=held_on - dt.timedelta(days=7),
        contests=(ContestInput(Office.DIRECTOR, len(directors)), ContestInput(Office.AUDITOR, 1))))
    board, audit = (c.id for c in called.contests)
    registered = held_on - dt.timedelta(days=10)
    for number in directors:
        add_candidate(db, coop_id, board, CandidateInput(registered, member_number=number, accepted_on=registered))
    add_candidate(db, coop_id, audit, CandidateInput(registered, member_number=auditor, accepted_on=registered))
    _vote(db, coop_id, rnd, called.id, {board: directors, audit: (auditor,)}, voters)
    chosen = add_contest(db, coop_id, called.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
    add_candidate(db, coop_id, chosen, CandidateInput(held_on, member_number=chair, accepted_on=held_on))
    _vote(db, coop_id, rnd, called.id, {chosen: (chair,)}, voters)


def _vote(db: Database, coop_id: int, rnd: random.Random, election_id: int,
          candidates: dict[int, Sequence[int]], voters: Sequence[int]) -> None:
    open_voting(db, coop_id, election_id, list(candidates))
    for voter in voters:
        marks = {}
        for contest, keys in candidates.items():
            no = {k for k in keys if rnd.randrange(NAYS) == 0}
            marks[contest] = Ballot.yes_no(yes=[k for k in keys if k not in no], no=no)
        cast(db, coop_id, election_id, voter, marks)
    for contest in candidates:
        close_voting(db, coop_id, contest)
        decide_contest(db, coop_id, contest)
