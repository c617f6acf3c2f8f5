"""The year of a co-op founded in CoopDesk, on SQLite and on PostgreSQL: while it is being founded, the
founding's own next step and checks, none of a running co-op's warnings; once registered, its year starts
on the registration day and the capital paid before it is no change to register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import update

from coopdesk.domain.founding.stage import FoundingStage
from coopdesk.services.founding.start import get_founding
from coopdesk.services.year.agenda import year_agenda
from coopdesk.services.year.facts import read_facts
from coopdesk.store.models import FoundingRow
from tests.conftest import TODAY
from tests.services.founding.helpers import HELD, gather, prepare_meeting, start

D = dt.date
RUNNING_COOP = ("few_members:", "board_below_minimum:", "auditor_missing:", "no_assembly:", "yearly_report:",
                "capital_registration:", "ordinary_assembly:", "settlement_to_auditor:")


def test_a_coop_being_founded_is_told_the_foundings_next_step_not_a_running_coops_duties(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)  # 7 founders, 12 consenters with their shares subscribed; no meeting yet
    with db.engine.connect() as conn:
        facts = read_facts(conn, coop_id, TODAY)
    assert facts.founding is not None and facts.founding.stage is FoundingStage.PREPARING
    keys = {t.key: t for t in year_agenda(db, coop_id, TODAY).tasks}
    assert not [k for k in keys if k.startswith(RUNNING_COOP)]
    assert "founding:preparing" in keys and "founding_check:founders" not in keys  # seven founders: met
    assert {"founding_check:notice_days", "founding_check:matters"} <= set(keys)
    assert {t.deadline.area for t in keys.values()} == {"founding"}


def test_the_founding_meeting_is_the_next_step_once_announced(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    prepare_meeting(db, coop_id)
    day = D(2026, 8, 30)  # after the notice of 2026-08-25, before the meeting
    keys = {t.key: t for t in year_agenda(db, coop_id, day).tasks}
    step = keys["founding:notice_posted"]
    assert step.deadline.due_on == HELD and step.deadline.target_id == get_founding(db, coop_id, day).meeting.id
    assert not [k for k in keys if k.startswith(("founding_check:",) + RUNNING_COOP)]


def test_once_registered_the_capital_paid_before_is_no_change_to_register(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)  # the consenters' subscriptions, dated August 2026
    # The registration's date alone, written as ``record_registration`` writes it (the whole founding
    # is walked through in tests/services/founding/test_scenario.py).
    with db.write() as s:
        s.execute(update(FoundingRow).where(FoundingRow.coop_id == coop_id).values(registered_on=D(2026, 10, 15)))
    with db.engine.connect() as conn:
        facts = read_facts(conn, coop_id, TODAY)
    assert facts.founding is None and facts.established_on == D(2026, 10, 15)
    assert not facts.has_capital_ledger  # nothing entered since the registration
    keys = {t.key for t in year_agenda(db, coop_id, TODAY).tasks}
    assert "capital_registration:2026" not in keys and "yearly_report:2026" in keys
    later = {t.key for t in year_agenda(db, coop_id, D(2027, 2, 1)).tasks}
    assert "capital_registration:2026" not in later and "ordinary_assembly:2026" in later


def test_the_year_plan_of_a_coop_being_founded_says_what_the_founding_still_lacks(db):
    import io

    from pypdf import PdfReader

    from coopdesk.services.year.printing import render_year_plan

    coop_id = start(db).coop_id
    gather(db, coop_id)
    pdf = render_year_plan(db, coop_id, "ko", TODAY)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert "창립총회안건에빠진사항:정관,사업계획과예산" in text and "('" not in text
    assert "조합원수와납입출자금" not in text  # no yearly report while being founded
    (Path("/tmp") / "year_plan_founding.pdf").write_bytes(pdf)
