"""Nobody is admitted by hand (added, or a consenter's admission recorded) while the co-op is
being founded: it exists from its registration (Act 19①), on which day the consenters become
its members; until then people join as consenters.  After registration members are added as in
any co-op.  On SQLite and PostgreSQL."""

import datetime as dt

import pytest

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services.capital.joining import add_applicant_with_subscription
from coopdesk.services.founding.filing import (
    record_capital_paid, record_certificate, record_filing, record_handover, record_registration,
)
from coopdesk.services.founding.people import add_consenter, get_consenter
from coopdesk.services.members.listing import count_members, list_members
from coopdesk.services.members.member import add_member, record_event
from tests.conftest import TODAY
from tests.services.founding.helpers import CONSENTERS, gather, person, start
from tests.services.founding_papers.helpers import founded_to_meeting

D = dt.date
NEWCOMER = MemberDetails("따로가입", "소비자")


def test_a_member_is_not_added_by_hand_to_a_coop_in_founding(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    attempts = (lambda: add_member(db, coop_id, NEWCOMER, joined_on=D(2026, 9, 1), today=TODAY),
                lambda: add_member(db, coop_id, NEWCOMER, joined_on=None, applied_on=D(2026, 9, 1), today=TODAY),
                lambda: add_applicant_with_subscription(db, coop_id, NEWCOMER, applied_on=D(2026, 9, 1), shares=5,
                                                        today=TODAY),
                lambda: record_event(db, coop_id, 1, EventKind.ADMITTED, D(2026, 9, 1), today=TODAY))  # a consenter
    for attempt in attempts:
        with pytest.raises(Refusal) as exc:
            attempt()
        refusal = exc.value
        assert (refusal.article, refusal.field) == (law.FOUNDED_BY_REGISTRATION.ref, "coop")
        assert str(refusal) == (
            "햇빛발전협동조합 is still being founded and has no members until it is registered. Until then people "
            "join as consenters (Founding page, or \u201ccoopdesk founding consenter add\u201d) and become members "
            "on the day of registration. (Act 19①)")
    assert count_members(db, coop_id) == 0
    assert get_consenter(db, coop_id, 1, today=TODAY).status is MemberStatus.CONSENTER
    # nothing was taken, not even a number: the next consenter is the next number
    assert add_consenter(db, coop_id, person(CONSENTERS + 1), today=TODAY).number == CONSENTERS + 1


def test_a_coop_not_founded_here_adds_members_as_before(db, coop):
    add_member(db, coop.id, NEWCOMER, joined_on=D(2026, 1, 5), today=TODAY)
    assert [m.name for m in list_members(db, coop.id, TODAY)] == ["따로가입"]


def test_once_registered_members_join_as_in_any_coop(db):
    coop_id = founded_to_meeting(db)
    record_filing(db, coop_id, on=D(2026, 9, 10), today=TODAY)
    record_certificate(db, coop_id, on=D(2026, 9, 28), number="전북-2026-17", today=TODAY)
    record_handover(db, coop_id, on=D(2026, 9, 29), today=TODAY)
    record_capital_paid(db, coop_id, on=D(2026, 10, 5), today=TODAY)
    with pytest.raises(Refusal, match="still being founded"):  # paid in, and still not registered
        add_member(db, coop_id, NEWCOMER, joined_on=D(2026, 10, 6), today=TODAY)
    record_registration(db, coop_id, on=D(2026, 10, 15), today=TODAY)
    added = add_member(db, coop_id, NEWCOMER, joined_on=D(2026, 10, 20), today=TODAY)
    assert added.number == CONSENTERS + 1
    assert count_members(db, coop_id) == CONSENTERS + 1


def test_a_consenter_does_not_leave_by_a_members_event_while_in_founding(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    for kind in (EventKind.WITHDRAWN, EventKind.DECEASED, EventKind.WITHDRAWAL_NOTICE):
        with pytest.raises(Refusal, match="withdraws their consent on the Founding page") as exc:
            record_event(db, coop_id, 2, kind, D(2026, 9, 1), today=TODAY)
        assert exc.value.article == law.FOUNDED_BY_REGISTRATION.ref
    assert get_consenter(db, coop_id, 2, today=TODAY).status is MemberStatus.CONSENTER


def test_members_are_not_imported_into_a_coop_in_founding(db, tmp_path):
    from types import SimpleNamespace

    from tests.services.members.test_importing import GOOD, do_import, write_csv

    coop_id = start(db).coop_id
    gather(db, coop_id)
    with pytest.raises(Refusal, match="is still being founded") as exc:
        do_import(db, SimpleNamespace(id=coop_id), write_csv(tmp_path / "members.csv", GOOD))
    assert exc.value.article == law.FOUNDED_BY_REGISTRATION.ref
    assert count_members(db, coop_id) == 0
