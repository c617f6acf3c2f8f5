"""The year's surplus or loss: the appropriation, the assembly item that decides it, the booking."""

import pytest
from sqlalchemy.exc import DBAPIError

from coopdesk.domain import law
from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.surplus import Plan
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.agenda import StandardTitle
from coopdesk.domain.meetings.kinds import MeetingKind, Subject
from coopdesk.services.capital.ledger import ledger_entries, member_ledger
from coopdesk.services.capital.surplus import (
    YearInput, dividends_of, enter_year, get_year, link_to_item, list_years, put_on_agenda, set_patronage,
    unlink_item,
)
from coopdesk.services.meetings.agenda import get_item
from coopdesk.services.meetings.attendance import check_in
from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
from coopdesk.services.meetings.votes import close_item, correct_vote, record_counts
from tests.services.capital.conftest import HELD, found, resolution, sql

YEAR = YearInput(2025, 2_000_000)
DIVIDENDS = Plan(legal_reserve=200_000, capital_dividend=100_000, patronage_dividend=300_000)
USE = {n: n * 10_000 for n in range(1, 11)}  # member n used the co-op for n × 10,000 won


def assembly(db, coop):
    meeting = create_meeting(db, coop.id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", HELD)).id
    for n in range(1, 11):
        check_in(db, coop.id, meeting, n)
    return meeting


def decide(db, coop, item_id, yes=10):
    record_counts(db, coop.id, item_id, yes, 10 - yes, 0)
    return close_item(db, coop.id, item_id)


def test_the_program_proposes_within_the_law_and_refuses_a_plan_that_is_not(db, coop):
    found(db, coop)  # 1,000,000 won paid in during 2025
    view = enter_year(db, coop.id, YEAR)
    assert view.figures.paid_in == 1_000_000
    assert (view.plan.legal_reserve, view.carried_forward) == (200_000, 1_800_000)
    assert view.limits.capital_most == 100_000 and all(c.passed for c in view.checks)
    with pytest.raises(Refusal) as exc:
        enter_year(db, coop.id, YEAR, Plan(legal_reserve=200_000, capital_dividend=100_001, patronage_dividend=200_000))
    assert exc.value.article == law.CAPITAL_DIVIDEND_MAX_RATE.ref
    with pytest.raises(Refusal) as exc:
        enter_year(db, coop.id, YEAR, Plan(legal_reserve=199_999))
    assert exc.value.article == law.LEGAL_RESERVE_MIN_GENERAL.ref
    assert get_year(db, coop.id, 2025).plan.legal_reserve == 200_000  # the refused plans changed nothing


def test_a_passed_item_books_the_appropriation_and_the_dividends_add_up(db, coop):
    found(db, coop)
    enter_year(db, coop.id, YEAR, DIVIDENDS)
    meeting = assembly(db, coop)
    with pytest.raises(Refusal, match="use of the co-op's business"):
        put_on_agenda(db, coop.id, 2025, meeting)
    set_patronage(db, coop.id, 2025, USE)
    view = put_on_agenda(db, coop.id, 2025, meeting)
    item = get_item(db, coop.id, view.item_id)
    assert (item.subject, item.title_code) == (Subject.SETTLEMENT, StandardTitle.SURPLUS_APPROPRIATION)
    with pytest.raises(Refusal, match="on the agenda"):
        enter_year(db, coop.id, YEAR, Plan(legal_reserve=300_000))
    preview = dividends_of(db, coop.id, 2025)
    assert decide(db, coop, item.id).item.passed
    booked = get_year(db, coop.id, 2025)
    assert booked.booked_on == HELD
    rows = dividends_of(db, coop.id, 2025)
    assert [(d.number, d.capital_part, d.patronage_part) for d in rows] == [
        (d.number, d.capital_part, d.patronage_part) for d in preview]
    assert sum(d.capital_part for d in rows) == 100_000 and sum(d.patronage_part for d in rows) == 300_000
    assert [d.patronage_part for d in rows][:3] == [5_455, 10_909, 16_364]  # 300,000 × n / 55, to the won
    assert all(d.capital_part == 10_000 and d.cash == d.total for d in rows)
    with pytest.raises(Refusal, match="booked"):
        enter_year(db, coop.id, YEAR, DIVIDENDS)
    with pytest.raises(Refusal, match="booked"):
        correct_vote(db, coop.id, item.id, 3, 7, 0, "재검표")
    for statement in ("UPDATE surplus_year SET legal_reserve = 0", "DELETE FROM surplus_dividend",
                      "DELETE FROM surplus_patronage"):
        with pytest.raises(DBAPIError):
            with db.engine.begin() as conn:
                conn.exec_driver_sql(statement)


def test_dividends_credited_to_capital_as_whole_shares(db, coop):
    found(db, coop)
    enter_year(db, coop.id, YEAR, Plan(legal_reserve=200_000, capital_dividend=100_000, patronage_dividend=115_000),
               dividends_as_capital=True)
    set_patronage(db, coop.id, 2025, {n: 1 for n in range(1, 11)})
    decide(db, coop, put_on_agenda(db, coop.id, 2025, assembly(db, coop)).item_id)
    rows = dividends_of(db, coop.id, 2025)
    assert {(d.total, d.credited_shares, d.cash) for d in rows} == {(21_500, 2, 1_500)}
    credited = ledger_entries(db, coop.id, kinds=[EntryKind.DIVIDEND])
    assert len(credited) == 10 and credited[0].surplus_year == 2025 and credited[0].on == HELD
    assert member_ledger(db, coop.id, 1).capital.shares == 12


def test_crediting_to_capital_needs_the_bylaws(db):
    from coopdesk.domain.coop import BylawsSettings
    from tests.services.capital.test_refunds import other_coop

    info = other_coop(db, bylaws=BylawsSettings())
    with pytest.raises(Refusal, match="do not allow crediting"):
        enter_year(db, info.id, YEAR, DIVIDENDS, dividends_as_capital=True)


def test_a_social_coop_credits_no_dividends_to_capital_citing_the_act(db):
    from coopdesk.domain import law
    from coopdesk.domain.coop import BylawsSettings, CoopKind
    from tests.services.capital.test_refunds import other_coop

    info = other_coop(db, kind=CoopKind.SOCIAL, name="햇살마을사회적협동조합",
                      member_types=("소비자", "생산자"), bylaws=BylawsSettings(dividends_as_capital=True))
    with pytest.raises(Refusal, match="pays no dividends") as refused:
        enter_year(db, info.id, YEAR, Plan(legal_reserve=600_000, voluntary_reserve=1_400_000),
                   dividends_as_capital=True)
    assert refused.value.article == law.SOCIAL_NO_DIVIDENDS.ref


def test_a_loss_is_covered_in_the_acts_order_and_put_as_a_loss(db, coop):
    found(db, coop)
    view = enter_year(db, coop.id, YearInput(2025, -500_000, 100_000, 1_000_000, 200_000))
    assert (view.plan.from_voluntary, view.plan.from_legal, view.carried_forward) == (200_000, 200_000, 0)
    with pytest.raises(Refusal) as exc:
        enter_year(db, coop.id, YearInput(2025, -500_000, 100_000, 1_000_000, 200_000), Plan(from_legal=400_000))
    assert exc.value.article == law.LOSS_COVER_ORDER.ref
    item = get_item(db, coop.id, put_on_agenda(db, coop.id, 2025, assembly(db, coop)).item_id)
    assert item.title_code is StandardTitle.LOSS_DISPOSAL


def test_a_year_linked_to_an_item_already_passed_is_booked_at_once(db, coop):
    found(db, coop)
    enter_year(db, coop.id, YEAR)
    failed = resolution(db, coop, Subject.SETTLEMENT, yes=4)
    with pytest.raises(Refusal, match="did not pass"):
        link_to_item(db, coop.id, 2025, failed)
    board = create_meeting(db, coop.id, MeetingInput(MeetingKind.BOARD, "이사회", HELD)).id
    with pytest.raises(Refusal, match="decided by a general assembly"):
        put_on_agenda(db, coop.id, 2025, board)
    passed = resolution(db, coop, Subject.SETTLEMENT)
    assert link_to_item(db, coop.id, 2025, passed).booked_on == HELD
    with pytest.raises(Refusal, match="booked"):
        unlink_item(db, coop.id, 2025)
    assert [v.figures.fiscal_year for v in list_years(db, coop.id)] == [2025]


def test_an_item_taken_off_the_agenda_leaves_the_year_undecided(db, coop):
    from coopdesk.services.meetings.agenda import remove_item

    found(db, coop)
    enter_year(db, coop.id, YEAR)
    view = put_on_agenda(db, coop.id, 2025, assembly(db, coop))
    remove_item(db, coop.id, view.item_id)
    assert get_year(db, coop.id, 2025).item_id is None
    assert enter_year(db, coop.id, YEAR, Plan(legal_reserve=300_000)).plan.legal_reserve == 300_000
    assert sql(db, "SELECT count(*) FROM surplus_year")[0][0] == 1


def test_a_social_co_op_reserves_the_rest_and_pays_no_dividends(db):
    from coopdesk.domain.coop import CoopKind
    from tests.services.capital.test_refunds import other_coop

    info = other_coop(db, name="햇살사회적협동조합", kind=CoopKind.SOCIAL)
    view = enter_year(db, info.id, YEAR)
    assert (view.plan.legal_reserve, view.plan.voluntary_reserve, view.carried_forward) == (600_000, 1_400_000, 0)
    with pytest.raises(Refusal) as exc:
        enter_year(db, info.id, YEAR, Plan(legal_reserve=600_000, voluntary_reserve=1_300_000,
                                           patronage_dividend=100_000))
    assert law.SOCIAL_NO_DIVIDENDS.ref in {p.article for p in getattr(exc.value, "problems", [exc.value])}
