"""A co-op in founding with many consenters, built through the founding services, for the
crash tests: everything done up to the registration (the meeting held, its four matters
passed, the officers elected by secret ballot, the report, the certificate, the handover,
then the capital paid), so that ``coopdesk founding record capital-paid`` pays every
subscription and ``coopdesk founding record registration`` admits them all, each in one
transaction.  The founders are consenters 1–7 (10 shares each), the others 5 shares each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.calling import add_contest, create_election
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.views import CandidateInput, ContestInput, ElectionInput
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.files import open_database
from coopdesk.services.founding.filing import (
    record_capital_paid,
    record_certificate,
    record_filing,
    record_handover,
)
from coopdesk.services.founding.people import add_consenter, add_founder, set_representative
from coopdesk.services.founding.start import get_founding
from coopdesk.services.founding.views import PersonInput
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.signers import choose_minute_signers
from coopdesk.services.meetings.votes import close_item, record_counts
from tests.conftest import TODAY
from tests.services.founding.helpers import FOUNDERS, HELD, prepare_meeting, start
from tests.services.founding.helpers import person as _person

D = dt.date
CAPITAL_PAID = D(2026, 10, 5)
CHECKED_IN_AT = dt.datetime.combine(HELD, dt.time(13, 50))
CANDIDATES_ON = D(2026, 9, 1)


def person(n: int, founder: bool = False) -> PersonInput:
    return dataclasses.replace(_person(n, founder), name=f"동의자{n:04d}", birth_date=D(1950 + n % 50, 1 + n % 12, 1))


def build_founding(path: Path, consenters: int) -> int:
    """The founding, up to the handover (the capital not yet paid), in a new file at ``path``;
    the co-op's id."""
    db = open_database(path)
    try:
        coop_id = start(db).coop_id
        with db.all_or_nothing() as j:
            for n in range(1, consenters + 1):
                (add_founder if n <= FOUNDERS else add_consenter)(j, coop_id, person(n, n <= FOUNDERS), today=TODAY)
            set_representative(j, coop_id, 1, today=TODAY)
            prepare_meeting(j, coop_id)
        present = range(1, consenters // 2 + 2)  # a majority of the consenters: the quorum
        meeting_id = _pass_matters(db, coop_id, present)
        _elect(db, coop_id, meeting_id, present)
        choose_minute_signers(db, coop_id, meeting_id, [3, 4, 5])
        record_filing(db, coop_id, on=D(2026, 9, 10), today=TODAY)
        record_certificate(db, coop_id, on=D(2026, 9, 28), number="전북-2026-17", today=TODAY)
        record_handover(db, coop_id, on=D(2026, 9, 29), today=TODAY)
        return coop_id
    finally:
        db.close()


def pay_capital(path: Path, coop_id: int) -> None:
    """The capital paid in: the founding ready to be registered."""
    db = open_database(path)
    try:
        record_capital_paid(db, coop_id, on=CAPITAL_PAID, today=TODAY)
    finally:
        db.close()


def _pass_matters(db, coop_id: int, present: range) -> int:
    with db.all_or_nothing() as j:
        meeting_id = get_founding(j, coop_id, TODAY).meeting.id
        for n in present:
            check_in(j, coop_id, meeting_id, n, at=CHECKED_IN_AT)
        for item in list_items(j, coop_id, meeting_id):
            if item.subject is not Subject.OFFICER_ELECTION:
                record_counts(j, coop_id, item.id, len(present), 0, 0)
                close_item(j, coop_id, item.id)
    return meeting_id


def _elect(db, coop_id: int, meeting_id: int, present: range) -> None:
    """Three directors and an auditor, then the chair from the directors, by secret ballot."""
    item = next(i for i in list_items(db, coop_id, meeting_id) if i.subject is Subject.OFFICER_ELECTION)
    called = create_election(db, coop_id, item.id, ElectionInput(contests=(ContestInput(Office.DIRECTOR, 3),
                                                                           ContestInput(Office.AUDITOR, 1))))
    directors, auditors = (c.id for c in called.contests)
    _vote(db, coop_id, called.id, present, [(directors, n) for n in (1, 2, 3, 4)] + [(auditors, 8)],
          {directors: Ballot.choice((1, 2, 3)), auditors: Ballot.yes_no(yes=[8])})
    chair = add_contest(db, coop_id, called.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
    _vote(db, coop_id, called.id, present, [(chair, 1)], {chair: Ballot.yes_no(yes=[1])})
    assert close_item(db, coop_id, item.id).item.passed


def _vote(db, coop_id: int, election_id: int, voters: range, candidates: list[tuple[int, int]],
          marks: dict[int, Ballot]) -> None:
    contests = sorted({c for c, _ in candidates})
    with db.all_or_nothing() as j:
        for contest, number in candidates:
            add_candidate(j, coop_id, contest, CandidateInput(CANDIDATES_ON, member_number=number,
                                                              accepted_on=CANDIDATES_ON))
    open_voting(db, coop_id, election_id, contests)
    with db.all_or_nothing() as j:
        for voter in voters:
            cast(j, coop_id, election_id, voter, marks)
    for contest in contests:
        close_voting(db, coop_id, contest)
        assert decide_contest(db, coop_id, contest).elected
