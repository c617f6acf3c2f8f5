"""A co-op founded from the first founders to registration, through the same meeting and
election services as any meeting: 7 founders, 12 consenters, the public notice, the founding
course, the founding meeting with the consenters checked in, the four matters passed by 2/3,
officers elected by secret ballot, minutes signed by the chair and 3 consenters, the report,
the certificate, the capital paid, the handover and the registration: 12 members with their
capital.  On SQLite and PostgreSQL."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.elections.ballots import Ballot
from coopdesk.domain.errors import Refusal
from coopdesk.domain.founding.checks import FoundingRule, Level
from coopdesk.domain.founding.stage import FoundingStage
from coopdesk.domain.meetings.kinds import Subject
from coopdesk.domain.meetings.rules import Register, Rule
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.domain.officers.terms import Office
from coopdesk.services import audit
from coopdesk.services.capital.balances import balances, totals
from coopdesk.services.elections.calling import add_contest
from coopdesk.services.elections.candidates import add_candidate
from coopdesk.services.elections.casting import cast
from coopdesk.services.elections.closing import close_voting
from coopdesk.services.elections.deciding import decide_contest
from coopdesk.services.elections.views import CandidateInput, ContestInput
from coopdesk.services.elections.voting import open_voting
from coopdesk.services.founding.filing import (
    record_capital_paid, record_certificate, record_filing, record_handover, record_registration,
)
from coopdesk.services.founding.people import list_consenters
from coopdesk.services.founding.start import get_founding
from coopdesk.services.meetings.agenda import list_items
from coopdesk.services.meetings.attendance import add_proxy, attendance_of, check_in
from coopdesk.services.meetings.register import register_of_day
from coopdesk.services.meetings.signers import choose_minute_signers
from coopdesk.services.meetings.votes import close_item, record_counts
from coopdesk.services.members.listing import list_members
from coopdesk.services.officers.terms import list_terms
from tests.conftest import TODAY
from tests.services.elections.helpers import election
from tests.services.founding.helpers import CONSENTERS, HELD, gather, prepare_meeting, start

D = dt.date
AT = dt.datetime.combine(HELD, dt.time(13, 50))
IN_PERSON = range(1, 11)  # 1–10 here; 11 by proxy (held by 2); 12 absent: 11 present of 12


def test_a_coop_is_founded_from_its_founders_to_its_registration(db):
    founding = start(db)
    coop_id = founding.coop_id
    assert (founding.stage, founding.ministry, founding.consenters) == (FoundingStage.PREPARING, "기획예산처", 0)
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    view = get_founding(db, coop_id, TODAY)
    assert (view.founders, view.consenters, view.shares, view.subscribed_won) == (7, 12, 95, 950_000)
    assert all(c.met for c in view.checks), [c.english() for c in view.checks if not c.met]
    assert view.stage is FoundingStage.NOTICE_POSTED
    assert list_members(db, coop_id, TODAY) == []  # consenters are not members before registration

    meeting_id = view.meeting.id
    register = register_of_day(db, coop_id, meeting_id)
    assert (register.register, sorted(register.names)) == (Register.CONSENTERS, list(range(1, CONSENTERS + 1)))
    for n in IN_PERSON:
        check_in(db, coop_id, meeting_id, n, at=AT)
    add_proxy(db, coop_id, meeting_id, 11, holder=2, written_proof=True)
    room = attendance_of(db, coop_id, meeting_id)
    assert (room.members, room.present, room.quorum_reached) == (12, 11, True)

    items = {i.subject: i for i in list_items(db, coop_id, meeting_id)}
    assert set(items) == {Subject.BYLAWS_ADOPTION, Subject.PLAN_AND_BUDGET, Subject.OFFICER_ELECTION,
                          Subject.FOUNDING_EXPENSES}
    for subject in (Subject.BYLAWS_ADOPTION, Subject.PLAN_AND_BUDGET, Subject.FOUNDING_EXPENSES):
        counted = record_counts(db, coop_id, items[subject].id, 8, 2, 1).item  # 3 × 8 ≥ 2 × 11
        assert (counted.passed, counted.rule) == (True, Rule.FOUNDING)
        assert close_item(db, coop_id, items[subject].id).item.passed
    _elect(db, coop_id, items[Subject.OFFICER_ELECTION].id)
    choose_minute_signers(db, coop_id, meeting_id, [3, 4, 5])

    held = get_founding(db, coop_id, TODAY)
    assert held.stage is FoundingStage.MEETING_HELD
    assert {c.rule: c.level for c in held.checks}[FoundingRule.MATTERS_PASSED] is Level.MET
    assert {c.rule: c.level for c in held.checks}[FoundingRule.SIGNERS] is Level.MET
    assert {(t.term.office, t.term.person.member_number) for t in list_terms(db, coop_id)} == {
        (Office.DIRECTOR, 1), (Office.DIRECTOR, 2), (Office.DIRECTOR, 3), (Office.AUDITOR, 8), (Office.CHAIR, 1)}

    record_filing(db, coop_id, on=D(2026, 9, 10), today=TODAY)
    record_certificate(db, coop_id, on=D(2026, 9, 28), number="전북-2026-17", today=TODAY)
    record_handover(db, coop_id, on=D(2026, 9, 29), today=TODAY)
    paid = record_capital_paid(db, coop_id, on=D(2026, 10, 5), today=TODAY)
    assert (paid.paid_won, paid.stage) == (950_000, FoundingStage.CAPITAL_PAID)
    assert list_members(db, coop_id, TODAY) == []  # paid, and still not members: registration makes them
    assert totals(db, coop_id, today=TODAY).members == 0
    assert {c.status for c in balances(db, coop_id, today=TODAY)} == {MemberStatus.CONSENTER}

    result = record_registration(db, coop_id, on=D(2026, 10, 15), today=TODAY)
    assert result.founding.stage is FoundingStage.REGISTERED
    assert result.founding.deadline.level is Level.WARNING  # day 10 of 14 (Act 61①)
    assert [(a.number, a.shares, a.paid_won) for a in result.admitted][:2] == [(1, 10, 100_000), (2, 10, 100_000)]
    members = list_members(db, coop_id, TODAY)
    assert [(m.number, m.status, m.joined_on) for m in members] == [
        (n, MemberStatus.MEMBER, D(2026, 10, 15)) for n in range(1, CONSENTERS + 1)]
    capital = {c.number: (c.shares, c.paid, c.unpaid) for c in balances(db, coop_id, today=TODAY)}
    assert capital == {n: (10, 100_000, 0) if n <= 7 else (5, 50_000, 0) for n in range(1, CONSENTERS + 1)}
    assert totals(db, coop_id, today=TODAY).members == CONSENTERS
    people = list_consenters(db, coop_id, today=TODAY)
    assert {p.status for p in people} == {MemberStatus.MEMBER}  # the first chapter stays readable
    with pytest.raises(Refusal, match="registered on"):
        record_handover(db, coop_id, on=D(2026, 10, 20), today=TODAY)
    assert audit.verify(db).intact


def _elect(db, coop_id: int, item_id: int) -> None:
    """3 directors, 1 auditor, then the chair from the directors, by secret ballot: consenters only."""
    registered = D(2026, 9, 1)
    called = election(db, type("C", (), {"id": coop_id}), item_id, ContestInput(Office.DIRECTOR, 3),
                      ContestInput(Office.AUDITOR, 1))
    directors, auditors = (c.id for c in called.contests)
    for n in (1, 2, 3, 4):
        add_candidate(db, coop_id, directors, CandidateInput(registered, member_number=n, accepted_on=registered))
    add_candidate(db, coop_id, auditors, CandidateInput(registered, member_number=8, accepted_on=registered))
    with pytest.raises(Refusal, match="no member number 13"):  # nobody
        add_candidate(db, coop_id, auditors, CandidateInput(registered, member_number=13, accepted_on=registered))
    with pytest.raises(Refusal, match="from among the consenters") as outsider:  # an auditor from outside
        add_candidate(db, coop_id, auditors, CandidateInput(registered, name="외부감사", accepted_on=registered))
    assert outsider.value.article == law.FOUNDING_QUORUM.ref
    open_voting(db, coop_id, called.id, [directors, auditors])
    voters = [*IN_PERSON, 11]
    for i, voter in enumerate(voters):
        cast(db, coop_id, called.id, voter, {directors: Ballot.choice((1, 2, 3) if i < 8 else (4,)),
                                             auditors: Ballot.yes_no(yes=[8])})
    for contest in (directors, auditors):
        close_voting(db, coop_id, contest)
        decide_contest(db, coop_id, contest)
    chair = add_contest(db, coop_id, called.id, ContestInput(Office.CHAIR, 1)).contests[-1].id
    add_candidate(db, coop_id, chair, CandidateInput(HELD, member_number=1, accepted_on=HELD))
    open_voting(db, coop_id, called.id, [chair])
    for voter in voters:
        cast(db, coop_id, called.id, voter, {chair: Ballot.yes_no(yes=[1])})
    close_voting(db, coop_id, chair)
    assert [c.member_number for c in decide_contest(db, coop_id, chair).elected] == [1]
    assert close_item(db, coop_id, item_id).item.passed


def test_the_founding_meeting_needs_two_thirds_of_those_present(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    meeting_id = get_founding(db, coop_id, TODAY).meeting.id
    for n in IN_PERSON:
        check_in(db, coop_id, meeting_id, n, at=AT)
    item = list_items(db, coop_id, meeting_id)[0]
    result = record_counts(db, coop_id, item.id, 6, 4, 0).item  # 3 × 6 < 2 × 10
    assert (result.passed, result.rule, result.article) == (False, Rule.FOUNDING, law.FOUNDING_MAJORITY.ref)
