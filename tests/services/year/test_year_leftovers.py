"""What the co-op's year reads from the records for the cases it used to get wrong, on SQLite and on
PostgreSQL: a withheld refund, a member who died, an officer whose successor is already elected,
the disclosure thresholds counted at the end of the fiscal year, and the statements built once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import event

from coopdesk.domain import law
from coopdesk.domain.members.standing import EventKind
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.year.deadlines import Urgency
from coopdesk.domain.year.facts import YearEndFigures
from coopdesk.i18n import Translator
from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
from coopdesk.services.capital.refunds import release_refund, withhold_refund
from coopdesk.services.members.member import record_event
from coopdesk.services.officers.terms import TermInput, add_term
from coopdesk.services.year.agenda import deadline_text, next_deadline, year_agenda
from coopdesk.services.year.facts import read_facts
from tests.services.year.test_agenda import TODAY, keys

D = dt.date


def test_a_withheld_refund_says_so_with_its_reason_until_released(db, village):
    coop, *_ = village
    withhold_refund(db, coop.id, 5, on=D(2026, 2, 3), reason="외상 대금 120,000원 미납", today=TODAY)
    with db.engine.connect() as conn:
        claim = read_facts(conn, coop.id, TODAY).refunds[0]
    assert (claim.number, claim.withheld_since, claim.withheld_reason) == (5, D(2026, 2, 3), "외상 대금 120,000원 미납")
    tasks = keys(year_agenda(db, coop.id, TODAY))
    assert "refund_lapse:member:5" not in tasks
    task = tasks["refund_withheld:member:5"]
    assert task.deadline.on_hold and task.urgency(D(2028, 6, 1)) is Urgency.LATER
    assert deadline_text(task.deadline, Translator("ko")) == (
        "5번 조합원 조합원5님의 지분환급을 2026. 2. 3.부터 정지하고 있습니다. 조합에 갚을 채무: 외상 대금 120,000원 "
        "미납. 청구권은 2027. 12. 31.이 지나면 소멸합니다.")
    late = D(2027, 12, 20)  # days before the claim lapses, nothing else open: still no duty of the co-op's
    with db.engine.connect() as conn:
        first = next_deadline(read_facts(conn, coop.id, late), late)
    assert first is None or first.key != "refund_withheld:member:5"
    release_refund(db, coop.id, 5, on=D(2026, 11, 20), reason="완납", today=TODAY)
    tasks = keys(year_agenda(db, coop.id, TODAY))
    assert "refund_lapse:member:5" in tasks and "refund_withheld:member:5" not in tasks


def test_the_heirs_claim_a_deceased_members_refund(db, village):
    coop, *_ = village
    record_event(db, coop.id, 4, EventKind.DECEASED, D(2026, 5, 2), today=TODAY)
    with db.engine.connect() as conn:
        claims = {r.number: r for r in read_facts(conn, coop.id, TODAY).refunds}
    assert claims[4].deceased and not claims[5].deceased
    text = deadline_text(keys(year_agenda(db, coop.id, TODAY))["refund_claimable:member:4"].deadline,
                         Translator("en"))
    assert text == "The heirs of member 4, 조합원4, who died on May 2, 2026, may claim the refund from Jan 1, 2027."


def test_a_term_ending_is_dropped_once_the_successor_is_on_the_register(db, village):
    coop, *_ = village
    assert "term_end:officer_term:1" in keys(year_agenda(db, coop.id, TODAY))  # the chair's, on 2026-12-31
    add_term(db, coop.id, TermInput(Office.CHAIR, D(2027, 1, 1), D(2028, 12, 31), member_number=2), today=TODAY)
    with db.engine.connect() as conn:
        f = read_facts(conn, coop.id, TODAY)
    assert [(t.office, t.name, t.starts_on) for t in f.successors] == [(Office.CHAIR, "조합원2", D(2027, 1, 1))]
    assert [t.office for t in f.terms_in_office].count(Office.CHAIR) == 1 and f.directors_in_office == 2
    assert "term_end:officer_term:1" not in keys(year_agenda(db, coop.id, TODAY))


def test_the_disclosure_counts_the_register_and_capital_at_the_end_of_the_year(db, village, monkeypatch):
    """Members 1-6 joined 2024 with 600,000 won; 5 withdrew in 2025 keeping their capital; 7 and 8 joined
    this autumn, 7 paying 50,000 won: 5 members at the end of 2025, 7 today."""
    coop, *_ = village
    subscribe_many(db, coop.id, [NewSubscription(7, 5, D(2026, 10, 1))], today=TODAY)
    pay(db, coop.id, 7, 50_000, on=D(2026, 10, 2), today=TODAY)
    with db.engine.connect() as conn:
        f = read_facts(conn, coop.id, TODAY)
    assert f.year_ends == (YearEndFigures(2025, D(2025, 12, 31), 5, 600_000),
                           YearEndFigures(2026, TODAY, 7, 650_000))
    monkeypatch.setattr(law, "DISCLOSURE_MIN_MEMBERS", law.LawValue(6, law.DISCLOSURE_MIN_MEMBERS.ref, law.H))
    found = keys(year_agenda(db, coop.id, TODAY))
    assert "disclosure:2026" in found and "disclosure:2025" not in found  # 5 at 2025's end: none owed for it


def test_the_statements_are_built_once_and_only_executed(db, village):
    coop, *_ = village
    seen: list[list[int]] = []

    def remember(conn, clause, multiparams, params, execution_options):
        seen[-1].append(id(clause))

    event.listen(db.engine, "before_execute", remember)
    try:
        for day in (TODAY, TODAY + dt.timedelta(days=40)):
            seen.append([])
            with db.engine.connect() as conn:
                read_facts(conn, coop.id, day)
    finally:
        event.remove(db.engine, "before_execute", remember)
    assert seen[0] and seen[0] == seen[1]  # the same statement objects, another day bound to them
