"""One member, one vote (Act 23①) — even from two laptops at once, and even if the program dies
in the middle of a cast: a ballot is in the box exactly when its voter is on the roll."""

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.errors import Refusal
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.views import ContestInput
from coopdesk.services.elections.voters import voter_for
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.files import open_database
from tests.services.elections.helpers import candidate, choice, count_rows, election

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def voting(db, coop, assembly):
    """Directors and auditor contests open for voting: (election id, directors, auditors)."""
    _, item_id = assembly
    called = election(db, coop, item_id, ContestInput(Office.DIRECTOR, 3), ContestInput(Office.AUDITOR, 1))
    directors, auditors = (c.id for c in called.contests)
    for n in (2, 6, 7, 8):
        candidate(db, coop, directors, n)
    candidate(db, coop, auditors, 10)
    open_voting(db, coop.id, called.id, [directors, auditors])
    return called.id, directors, auditors


def test_a_second_vote_is_refused_and_changes_nothing(db, coop, voting):
    election_id, directors, auditors = voting
    cast(db, coop.id, election_id, 3, {directors: choice(2, 6)})
    with pytest.raises(Refusal, match="already voted in this contest"):
        cast(db, coop.id, election_id, 3, {directors: choice(7), auditors: choice()})
    assert voter_for(db, coop.id, election_id, "3").next.contests == (auditors,)  # the auditor's vote is still due
    cast(db, coop.id, election_id, 3, {auditors: choice()})
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 2


def test_two_laptops_casting_for_one_voter_at_once_put_one_ballot_in_the_box(db, coop, voting):
    """Two program instances (two Database objects, each with its own connections) cast member
    5's ballot at the same moment: one goes in, the other is told the member has voted."""
    election_id, directors, _ = voting
    laptops = [open_database(db.url), open_database(db.url)]
    start = threading.Barrier(2)
    outcomes: list[object] = [None, None]

    def run(i: int) -> None:
        start.wait()
        try:
            outcomes[i] = cast(laptops[i], coop.id, election_id, 5, {directors: choice(2 + 4 * i)})
        except Exception as exc:  # noqa: BLE001  (the test asserts which)
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for laptop in laptops:
        laptop.close()
    refused = [o for o in outcomes if isinstance(o, Refusal)]
    assert len(refused) == 1 and refused[0].message == "This member has already voted in this contest.", outcomes
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 1


def test_a_ballot_waiting_on_another_laptop_s_uncommitted_vote_is_refused_when_it_commits(db, coop, voting):
    if db.is_sqlite:
        pytest.skip("SQLite runs one writer at a time: the second laptop waits, then reads the first")
    election_id, directors, _ = voting
    with db.engine.connect() as conn:
        member = conn.execute(text("SELECT id FROM member WHERE number = 4")).scalar_one()
    outcome = {}
    with db.engine.connect() as other:
        other.begin()
        other.execute(text("INSERT INTO election_voted (contest_id, member_id) VALUES (:c, :m)"),
                      {"c": directors, "m": member})

        def run():
            try:
                outcome["value"] = cast(db, coop.id, election_id, 4, {directors: choice(2)})
            except Exception as exc:  # noqa: BLE001
                outcome["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        thread.join(timeout=1.0)
        assert thread.is_alive(), "the second laptop should wait for the first"
        other.commit()
        thread.join(timeout=20)
    assert isinstance(outcome.get("error"), Refusal) and "already voted" in outcome["error"].message, outcome
    assert count_rows(db, "election_ballot") == 0  # the refused cast left no ballot


def test_a_cast_refused_half_way_leaves_nothing(db, coop, voting):
    election_id, directors, auditors = voting
    with pytest.raises(Refusal, match="both yes and no"):  # the second contest's marks break the rules
        cast(db, coop.id, election_id, 6, {directors: choice(2), auditors: Ballot.yes_no(yes=[10], no=[10])})
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 0
    assert count_rows(db, "audit_entry", "WHERE action = 'election.ballot'") == 0


KILLED_MID_CAST = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {root!r})
    from coopdesk.domain.elections.ballots import Ballot
    from coopdesk.services import audit
    from coopdesk.services.elections.casting import cast
    from coopdesk.services.files import open_database

    def die(*args, **kwargs):  # the roll row and the ballot are written, not yet committed
        os._exit(9)

    audit.record = die
    db = open_database({url!r})
    cast(db, {coop}, {election}, 7, {{{contest}: Ballot.choice([2])}})
""")


def test_a_program_killed_in_the_middle_of_a_cast_leaves_neither_ballot_nor_roll_entry(db, coop, voting, tmp_path):
    election_id, directors, _ = voting
    script = KILLED_MID_CAST.format(root=str(ROOT), url=db.url, coop=coop.id, election=election_id,
                                    contest=directors)
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ}, capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr.decode()
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 0
    # the program reopened: the voter is still to vote, and votes
    again = open_database(db.url)
    try:
        assert voter_for(again, coop.id, election_id, "7").next.key == 7
        cast(again, coop.id, election_id, 7, {directors: choice(2)})
    finally:
        again.close()
    assert count_rows(db, "election_ballot") == count_rows(db, "election_voted") == 1
