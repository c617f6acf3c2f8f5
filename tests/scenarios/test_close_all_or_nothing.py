"""The election's *Close voting* closes its contests in one transaction (``close_contests``):
all counted, or — a refusal in any of them — none, with nothing written.  On SQLite and
PostgreSQL (where each contest's ballots are rewritten at once, in that transaction).

The crash of the same action is in ``test_killed_count.py``."""

import pytest
from sqlalchemy import text

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.elections.stages import ContestState
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.services import audit
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_contests
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.elections.voting import open_voting
from tests.services.elections.helpers import add_members, candidate, choice, count_rows, election, hold_assembly

VOTERS = range(1, 13)


@pytest.fixture
def voting(db, coop):
    """12 members present; 3 directors of 5 candidates and an auditor (yes or no); everyone voted."""
    add_members(db, coop)
    _, item_id = hold_assembly(db, coop, VOTERS)
    called = election(db, coop, item_id, ContestInput(Office.DIRECTOR, 3), ContestInput(Office.AUDITOR, 1))
    directors, auditor = (c.id for c in called.contests)
    for n in (1, 2, 3, 4, 5):
        candidate(db, coop, directors, n)
    candidate(db, coop, auditor, 6)
    open_voting(db, coop.id, called.id, [directors, auditor])
    for voter in VOTERS:
        cast(db, coop.id, called.id, voter, {directors: choice(1 + voter % 5, 1 + (voter + 1) % 5, 1 + (voter + 2) % 5),
                                             auditor: Ballot.yes_no(yes=[6])})
    return directors, auditor


def states(db) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(text("SELECT state FROM election_contest ORDER BY id")).scalars())


def test_close_voting_counts_every_contest_in_one_transaction(db, coop, voting):
    directors, auditor = voting
    closed = close_contests(db, coop.id, [directors, auditor])
    assert [(c.state, c.voted, c.present) for c in closed] == [(ContestState.COUNTED, 12, 12)] * 2
    assert states(db) == ["counted", "counted"]
    assert count_rows(db, "audit_entry", "WHERE action = 'election.close'") == 2
    if not db.is_sqlite:  # each contest's ballots rewritten at once (a savepoint each: its own xmin)
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(DISTINCT xmin::text) FROM election_ballot GROUP BY contest_id")
                                ).scalars().all() == [1, 1]
    assert audit.verify(db).intact


def test_a_refusal_in_one_contest_leaves_every_contest_voting(db, coop, voting):
    directors, auditor = voting
    with pytest.raises(Refusal, match="Voting is not open"):
        close_contests(db, coop.id, [directors, auditor, directors])  # the third: closed by the first
    assert states(db) == ["voting", "voting"]
    assert count_rows(db, "audit_entry", "WHERE action = 'election.close'") == 0
    assert count_rows(db, "election_contest", "WHERE tally IS NOT NULL OR present IS NOT NULL") == 0
    assert [c.state for c in close_contests(db, coop.id, [auditor, directors])] == [ContestState.COUNTED] * 2
