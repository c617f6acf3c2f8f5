"""With bylaws where the first instalment makes the member (MembershipStarts.FIRST_INSTALMENT)."""

import pytest

from coopdesk.domain.capital.ledger import Instalment
from coopdesk.domain.coop import BylawsSettings, MembershipStarts
from coopdesk.domain.members.standing import MemberStatus
from tests.services.capital.conftest import D, found
from tests.services.capital.test_joining import APPLIED, applicant


@pytest.fixture
def bylaws():
    return BylawsSettings(instalments_allowed=True, membership_starts=MembershipStarts.FIRST_INSTALMENT)


def test_with_first_instalment_bylaws_the_first_instalment_makes_the_member(db, coop):
    found(db, coop)
    parts = [Instalment(APPLIED, 10_000), Instalment(D(2026, 6, 1), 20_000)]
    member, result = applicant(db, coop, instalments=parts, paid=10_000, paid_on=D(2026, 5, 2))
    assert member.status is MemberStatus.MEMBER and member.standing.joined_on == D(2026, 5, 2)
    assert result.joined == ((member.number, D(2026, 5, 2)),) and len(result.entries) == 2
