"""What the election service tests share: a 15-member co-op at its ordinary assembly, with
officers in office, ready to elect (the ``assembly`` fixture, in conftest.py).

Members 1–15 (조합원01 …), each with a birth date (member n born in 1960 + n).  The register
before the assembly: member 1 chair and director, members 2 and 3 directors, member 4 auditor
— all for 2024-03-30 to 2026-03-29, so their terms end the day after the assembly — and
member 5 a director until 2027-03-28, who carries on.  At the assembly (2026-03-28) members
1–12 are here in person and member 13 is represented by member 1: 13 present of 15.
"""

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import text

from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.officers.terms import Office
from coopdesk.services.elections.calling import create_election
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.views import (
    CandidateInput,
    ContestInput,
    ElectionInput,
)
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import add_proxy, check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.members.member import add_member
from coopdesk.services.officers.terms import TermInput, add_term
from tests.conftest import TODAY

D = dt.date
HELD = D(2026, 3, 28)
REGISTERED = D(2026, 3, 12)
OLD_START, OLD_END = D(2024, 3, 30), D(2026, 3, 29)


def name(n: int) -> str:
    return f"조합원{n:02d}"


def add_members(db, coop, count: int = 15) -> None:
    for n in range(1, count + 1):
        add_member(db, coop.id, MemberDetails(name(n), "소비자", birth_date=D(1960 + n % 40, 1 + n % 12, 1)),
                   joined_on=D(2019, 1, 10), today=TODAY)


def hold_assembly(db, coop, in_person: Iterable[int], proxies: dict[int, int] = ()) -> tuple[int, int]:
    """An ordinary assembly on HELD with the standard agenda; those in person checked in and the
    proxies (principal: holder) recorded.  The meeting's id and its officer-election item's id."""
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD,
                                                       dt.time(14, 0), "조합 사무실", "이사장"),
                             with_standard_agenda=True)
    for n in in_person:
        check_in(db, coop.id, meeting.id, n, at=dt.datetime.combine(HELD, dt.time(13, 50)))
    for principal, holder in dict(proxies).items():
        add_proxy(db, coop.id, meeting.id, principal, holder=holder, written_proof=True)
    item = next(i for i in list_items(db, coop.id, meeting.id) if i.subject is Subject.OFFICER_ELECTION)
    return meeting.id, item.id


def officers_before(db, coop) -> None:
    for office, number, start, end in ((Office.CHAIR, 1, OLD_START, OLD_END), (Office.DIRECTOR, 1, OLD_START, OLD_END),
                                       (Office.DIRECTOR, 2, OLD_START, OLD_END), (Office.DIRECTOR, 3, OLD_START, OLD_END),
                                       (Office.AUDITOR, 4, OLD_START, OLD_END),
                                       (Office.DIRECTOR, 5, D(2025, 3, 29), D(2027, 3, 28))):
        add_term(db, coop.id, TermInput(office, start, end, member_number=number), today=D(2025, 4, 1))


def candidate(db, coop, contest_id: int, number: int, accepted: bool = True):
    return add_candidate(db, coop.id, contest_id, CandidateInput(REGISTERED, member_number=number,
                                                                 accepted_on=REGISTERED if accepted else None))


def election(db, coop, item_id: int, *contests: ContestInput, **facts):
    given = ElectionInput(contests=tuple(contests), **facts)
    return create_election(db, coop.id, item_id, given)


def choice(*keys: int) -> Ballot:
    return Ballot.choice(keys)


def count_rows(db, table: str, where: str = "", **params) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table} {where}"), params).scalar_one()
