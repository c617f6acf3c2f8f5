"""A co-op still being founded owes none of a running co-op's duties (it exists only from its
registration, Act 19①): its year is the founding's next step, the founding's unmet checks of the
law, and the registration against its deadline, as the founding's own rules decide them."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain import law
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.founding import checks as fc
from coopdesk.domain.founding.stage import FoundingStage
from coopdesk.domain.year.deadlines import DeadlineKind, deadlines
from coopdesk.domain.year.facts import FoundingFacts, YearFacts
from coopdesk.i18n import Translator
from coopdesk.services.year.views import deadline_text

D = dt.date
TODAY = D(2026, 11, 21)


def in_founding(founding: FoundingFacts, **changes: object) -> YearFacts:
    """Nobody on the member register, no board, no assembly, capital subscribed: in a running
    co-op all of these would be warnings."""
    values: dict[str, object] = {"coop_id": 1, "coop_name": "햇빛발전협동조합", "kind": CoopKind.GENERAL,
                                 "fiscal_year_start_month": 1, "established_on": D(2024, 8, 1), "members": 0,
                                 "has_capital_ledger": True, "capital_moved_last_year": True, "founding": founding}
    values.update(changes)
    return YearFacts(**values)  # type: ignore[arg-type]


def test_a_coop_in_founding_has_the_foundings_tasks_not_a_running_coops():
    founding = FoundingFacts(FoundingStage.PREPARING, D(2024, 8, 1), False,
                             checks=(fc.founders_check(3), fc.course_check(None, None)))
    found = {d.key: d for d in deadlines(in_founding(founding), TODAY)}
    assert set(found) == {"founding:preparing", "founding_check:founders"}  # the course is practice, not law
    assert {d.area for d in found.values()} == {"founding"}
    assert found["founding_check:founders"].ref == law.MIN_FOUNDERS.ref
    assert deadline_text(found["founding_check:founders"], Translator("en")) == \
        "3 founders recorded; the Act asks for at least 5."


def test_the_next_step_follows_the_stage_with_its_day():
    meeting = D(2026, 12, 12)
    notice = {d.key: d for d in deadlines(in_founding(FoundingFacts(
        FoundingStage.PREPARING, D(2026, 8, 1), False, meeting_id=4, meeting_on=meeting)), TODAY)}
    assert notice["founding:preparing"].due_on == D(2026, 12, 4)  # 7 clear days before the 12th
    filed = {d.key: d for d in deadlines(in_founding(FoundingFacts(
        FoundingStage.FILED, D(2026, 8, 1), False, filed_on=D(2026, 11, 10))), TODAY)}
    assert filed["founding:filed"].due_on == D(2026, 11, 30)  # the authority decides within 20 days
    assert filed["founding:filed"].ref == law.FOUNDING_REPORT_DECISION_DAYS.ref


def test_the_registration_deadline_is_the_foundings_own_check():
    late = fc.registration_check(social=False, start=D(2026, 11, 1), on=TODAY)
    found = {d.key: d for d in deadlines(in_founding(FoundingFacts(
        FoundingStage.CAPITAL_PAID, D(2026, 8, 1), False, deadline=late)), TODAY)}
    task = found["founding_registration"]
    assert task.kind is DeadlineKind.FOUNDING_REGISTRATION and task.due_on == D(2026, 11, 15) and task.warning
    assert task.ref == law.REGISTRATION_DAYS_AFTER_PAYMENT.ref


def test_a_check_that_lists_what_is_missing_is_said_in_the_readers_language():
    lacking = fc.matters_check(())
    found = {d.key: d for d in deadlines(in_founding(FoundingFacts(
        FoundingStage.PREPARING, D(2026, 8, 1), False, checks=(lacking,))), TODAY)}
    text = deadline_text(found["founding_check:matters"], Translator("en"))
    assert text.startswith("The founding meeting's agenda lacks: the bylaws, the business plan and budget")
