"""An assembly voting by secret ballot on screen, for the crash tests of closing the vote.

``voters`` members (imported), all checked in at the 2026 ordinary assembly, elect three
directors from five candidates and an auditor (yes or no); each votes in turn, both ballots at
once, each ballot its own transaction as at a
real assembly, and the test notes which ballot each cast added (that is how it knows the
order, as ``tests/services/elections/test_secrecy.py`` does): the ballot keys in the order
cast, voter 1 first, of each contest.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.calling import create_election
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.views import CandidateInput, ContestInput, ElectionInput
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.files import open_database
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from tests.scenarios.imports import coop_with_members

HELD = dt.date(2026, 3, 28)
REGISTERED = dt.date(2026, 3, 12)
CANDIDATES = (1, 2, 3, 4, 5)


def marks_of(i: int) -> Ballot:
    """Voter i's choice: a pattern that varies with i, blank now and then."""
    if i % 11 == 0:
        return Ballot()
    return Ballot.choice({CANDIDATES[i % 5], CANDIDATES[(i * 7 + 1) % 5]})


def voting_open(path: Path, folder: Path, voters: int) -> tuple[int, dict[int, list[str]]]:
    """The election's number and, by contest id, the ballot keys in the order they were cast."""
    coop_id = coop_with_members(path, folder, voters)
    db = open_database(path)
    try:
        meeting = create_meeting(db, coop_id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD,
                                                           dt.time(14, 0), "조합 사무실", "이사장"),
                                 with_standard_agenda=True).id
        with db.all_or_nothing() as j:
            for n in range(1, voters + 1):
                check_in(j, coop_id, meeting, n, at=dt.datetime.combine(HELD, dt.time(13, 50)))
        item = next(i for i in list_items(db, coop_id, meeting) if i.subject is Subject.OFFICER_ELECTION)
        called = create_election(db, coop_id, item.id, ElectionInput(contests=(ContestInput(Office.DIRECTOR, 3),
                                                                               ContestInput(Office.AUDITOR, 1))))
        directors, auditor = (c.id for c in called.contests)
        for n in CANDIDATES:
            add_candidate(db, coop_id, directors, CandidateInput(REGISTERED, member_number=n, accepted_on=REGISTERED))
        add_candidate(db, coop_id, auditor, CandidateInput(REGISTERED, member_number=6, accepted_on=REGISTERED))
        open_voting(db, coop_id, called.id, [directors, auditor])
        order: dict[int, list[str]] = {directors: [], auditor: []}
        seen: set[tuple[str, int]] = set()
        for i in range(voters):
            auditor_marks = Ballot.yes_no(yes=[6]) if i % 4 else Ballot.yes_no(no=[6])
            cast(db, coop_id, called.id, i + 1, {directors: marks_of(i), auditor: auditor_marks})
            with db.engine.connect() as conn:
                now = set(map(tuple, conn.execute(text("SELECT id, contest_id FROM election_ballot"))))
            for key, contest in now - seen:  # the two ballots this cast added
                order[contest].append(key)
            seen = now
        return called.id, order
    finally:
        db.close()
