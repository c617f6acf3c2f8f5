"""A founding carried to its held meeting through the services, on FOUNDING-CORE's scenario
(``tests.services.founding.helpers``): 7 founders and 5 more consenters, the founding course,
the meeting, its notice and the plan tables; then 10 consenters checked in and 1 by proxy, the
three matters passed by 2/3, three directors, an auditor and the chair elected by secret ballot,
and three consenters chosen to sign the minutes."""

import datetime as dt

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
from coopdesk.services.founding.start import get_founding
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import add_proxy, check_in
from coopdesk.services.meetings.signers import choose_minute_signers
from coopdesk.services.meetings.votes import close_item, record_counts
from tests.services.founding.helpers import HELD, gather, prepare_meeting, start

AT = dt.datetime.combine(HELD, dt.time(13, 50))
IN_PERSON = range(1, 11)  # 1–10 in person, 11 by proxy (held by 2), 12 absent: 11 present of 12
VOTERS = [*IN_PERSON, 11]


def founded_to_meeting(db, *, hold: bool = True) -> int:
    coop_id = start(db).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    if hold:
        hold_meeting(db, coop_id)
    return coop_id


def hold_meeting(db, coop_id: int) -> None:
    meeting_id = get_founding(db, coop_id).meeting.id
    for n in IN_PERSON:
        check_in(db, coop_id, meeting_id, n, at=AT)
    add_proxy(db, coop_id, meeting_id, 11, holder=2, written_proof=True)
    items = {i.subject: i for i in list_items(db, coop_id, meeting_id)}
    for subject in (Subject.BYLAWS_ADOPTION, Subject.PLAN_AND_BUDGET, Subject.FOUNDING_EXPENSES):
        record_counts(db, coop_id, items[subject].id, 8, 2, 1)  # 3 × 8 ≥ 2 × 11
        close_item(db, coop_id, items[subject].id)
    elect(db, coop_id, items[Subject.OFFICER_ELECTION].id)
    choose_minute_signers(db, coop_id, meeting_id, [3, 4, 5])


def elect(db, coop_id: int, item_id: int) -> None:
    """Directors 1, 2, 3 and auditor 8 (as many candidates as seats: yes or no), then chair 1 from the
    directors: every voter agrees."""
    called = create_election(db, coop_id, item_id, ElectionInput(
        contests=(ContestInput(Office.DIRECTOR, 3), ContestInput(Office.AUDITOR, 1))))
    directors, auditors = (c.id for c in called.contests)
    for contest, numbers in ((directors, (1, 2, 3)), (auditors, (8,))):
        for n in numbers:
            add_candidate(db, coop_id, contest, CandidateInput(HELD, member_number=n, accepted_on=HELD))
    open_voting(db, coop_id, called.id, [directors, auditors])
    for voter in VOTERS:
        cast(db, coop_id, called.id, voter, {directors: Ballot.yes_no(yes=[1, 2, 3]), auditors: Ballot.yes_no(yes=[8])})
    for contest in (directors, auditors):
        close_voting(db, coop_id, contest)
        decide_contest(db, coop_id, contest)
    chair = add_contest(db, coop_id, called.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
    add_candidate(db, coop_id, chair, CandidateInput(HELD, member_number=1, accepted_on=HELD))
    open_voting(db, coop_id, called.id, [chair])
    for voter in VOTERS:
        cast(db, coop_id, called.id, voter, {chair: Ballot.yes_no(yes=[1])})
    close_voting(db, coop_id, chair)
    decide_contest(db, coop_id, chair)
    close_item(db, coop_id, item_id)
