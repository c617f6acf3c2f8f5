"""Refunds to members who have left: timing, lapse, the special resolution, withholding, the amount."""

import pytest

from coopdesk.domain import law
from coopdesk.domain.capital.refunds import ClaimState
from coopdesk.domain.coop import BylawsSettings, CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import ResolutionKind, Subject
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.capital.ledger import member_ledger
from coopdesk.services.capital.refunds import refund, refund_claim, refund_claims, release_refund, withhold_refund
from coopdesk.services.members.member import record_event
from tests.conftest import TODAY
from tests.services.capital.conftest import D, found, resolution

LEFT = D(2025, 6, 30)
STAYING = [n for n in range(1, 11) if n != 3]


def leaver(db, coop):
    found(db, coop)
    record_event(db, coop.id, 3, EventKind.WITHDRAWN, LEFT, today=TODAY)
    return resolution(db, coop, Subject.LEAVER_REFUND, ResolutionKind.SPECIAL, yes=9, present=STAYING)


def test_a_refund_waits_for_the_next_fiscal_year_and_a_special_resolution(db, coop):
    item = leaver(db, coop)
    with pytest.raises(Refusal) as exc:
        refund(db, coop.id, 3, on=D(2025, 12, 31), item_id=item, today=TODAY)
    assert exc.value.article == law.REFUND_FROM_NEXT_FISCAL_YEAR.ref
    with pytest.raises(Refusal) as exc:
        refund(db, coop.id, 3, on=D(2026, 4, 1), item_id=None, today=TODAY)
    assert exc.value.article == law.LEAVER_REFUND_SPECIAL_RESOLUTION.ref
    ordinary = resolution(db, coop, yes=9, present=STAYING)
    with pytest.raises(Refusal, match="special resolution"):
        refund(db, coop.id, 3, on=D(2026, 4, 1), item_id=ordinary, today=TODAY)
    done = refund(db, coop.id, 3, on=D(2026, 4, 1), item_id=item, loss_share=20_000, today=TODAY)
    entry = done.entries[0]
    assert (entry.shares, entry.amount, entry.loss_share, entry.refund_cash) == (-10, -100_000, 20_000, 80_000)
    assert member_ledger(db, coop.id, 3, TODAY).capital.shares == 0
    with pytest.raises(Refusal, match="holds no capital"):
        refund(db, coop.id, 3, on=D(2026, 4, 2), item_id=item, today=TODAY)


def test_a_member_who_has_not_left_is_not_refunded(db, coop):
    item = leaver(db, coop)
    with pytest.raises(Refusal, match="has not left"):
        refund(db, coop.id, 4, on=D(2026, 4, 1), item_id=item, today=TODAY)


def test_a_withheld_refund_waits_for_the_release(db, coop):
    item = leaver(db, coop)
    claim = withhold_refund(db, coop.id, 3, on=D(2026, 1, 5), reason="미수금 50,000원", today=TODAY)
    assert claim.withheld_since == D(2026, 1, 5)
    with pytest.raises(Refusal) as exc:
        refund(db, coop.id, 3, on=D(2026, 4, 1), item_id=item, today=TODAY)
    assert exc.value.article == law.REFUND_MAY_BE_WITHHELD.ref
    with pytest.raises(Refusal, match="already withheld"):
        withhold_refund(db, coop.id, 3, on=D(2026, 1, 6), reason="또", today=TODAY)
    assert release_refund(db, coop.id, 3, on=D(2026, 3, 30), today=TODAY).withheld_since is None
    assert refund(db, coop.id, 3, on=D(2026, 4, 1), item_id=item, today=TODAY).entries


def test_the_claims_open_say_when_they_lapse(db, coop):
    item = leaver(db, coop)  # member 3 left on 2025-06-30
    assert refund_claims(db, coop.id, D(2025, 6, 29)) == []
    claims = {c.number: c for c in refund_claims(db, coop.id, D(2027, 11, 15))}
    assert set(claims) == {3}
    assert (claims[3].state, claims[3].window.last_day, claims[3].days_left) == (
        ClaimState.LAPSING, D(2027, 12, 31), 47)
    assert refund_claim(db, coop.id, 3, D(2026, 4, 1)).state is ClaimState.CLAIMABLE
    assert refund_claim(db, coop.id, 3, D(2028, 1, 1)).state is ClaimState.LAPSED
    with pytest.raises(Refusal) as exc:  # the lapse day
        refund(db, coop.id, 3, on=D(2028, 1, 1), item_id=item, today=D(2028, 1, 5))
    assert exc.value.article == law.REFUND_CLAIM_LAPSE_YEARS.ref
    assert refund(db, coop.id, 3, on=D(2027, 12, 31), item_id=item, today=D(2028, 1, 5)).entries  # the last day
    assert refund_claims(db, coop.id, D(2028, 1, 5)) == []  # refunded: no claim is left


def test_a_refund_that_leaves_someone_over_the_cap_warns(db, coop):
    found(db, coop, members=range(1, 5), shares=10)
    from coopdesk.services.capital.ledger import NewSubscription, subscribe_many

    subscribe_many(db, coop.id, [NewSubscription(n, 3, D(2025, 1, 2)) for n in range(5, 11)], today=TODAY)
    # 58 shares; member 1 holds 10 (17%).  Three founders leave and are refunded: 28 left, 10 of 28 is 36%.
    for n in (2, 3, 4):
        record_event(db, coop.id, n, EventKind.WITHDRAWN, LEFT, today=TODAY)
    item = resolution(db, coop, Subject.LEAVER_REFUND, ResolutionKind.SPECIAL, yes=7, present=[1, *range(5, 11)])
    refund(db, coop.id, 2, on=D(2026, 4, 1), item_id=item, today=TODAY)
    refund(db, coop.id, 3, on=D(2026, 4, 1), item_id=item, today=TODAY)
    last = refund(db, coop.id, 4, on=D(2026, 4, 1), item_id=item, today=TODAY)
    assert [(c.number, c.shares, c.total) for c in last.over_cap] == [(1, 10, 28)]


def other_coop(db, **profile):
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.services.coops import create_coop
    from coopdesk.services.members.member import add_member
    from tests.conftest import sample_profile

    info = create_coop(db, sample_profile(**profile), adopted_on=D(2025, 1, 1))
    for n in range(1, 11):
        add_member(db, info.id, MemberDetails(f"조합원{n:02d}", "소비자"), joined_on=D(2025, 1, 2), today=TODAY)
    found(db, info)
    return info


def test_losses_only_where_the_bylaws_say_so(db):
    info = other_coop(db, bylaws=BylawsSettings())
    record_event(db, info.id, 3, EventKind.WITHDRAWN, LEFT, today=TODAY)
    item = resolution(db, info, Subject.LEAVER_REFUND, ResolutionKind.SPECIAL, yes=9, present=STAYING)
    with pytest.raises(Refusal) as exc:
        refund(db, info.id, 3, on=D(2026, 4, 1), item_id=item, loss_share=1, today=TODAY)
    assert exc.value.article == law.REFUND_LESS_LOSSES.ref


def test_a_social_co_op_refunds_paid_in_capital_only(db):
    info = other_coop(db, name="햇살사회적협동조합", kind=CoopKind.SOCIAL)
    record_event(db, info.id, 3, EventKind.WITHDRAWN, LEFT, today=TODAY)
    item = resolution(db, info, Subject.LEAVER_REFUND, ResolutionKind.SPECIAL, yes=9, present=STAYING)
    with pytest.raises(Refusal) as exc:
        refund(db, info.id, 3, on=D(2026, 4, 1), item_id=item, equity_extra=5_000, today=TODAY)
    assert exc.value.article == law.SOCIAL_REFUND_PAID_IN_ONLY.ref
    assert refund(db, info.id, 3, on=D(2026, 4, 1), item_id=item, today=TODAY).entries[0].refund_cash == 100_000
