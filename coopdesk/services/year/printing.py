"""Printing the year's plan (연간 일정표) to a one-page PDF, in the language the user picks.

The plan is the co-op's current fiscal year (the one ``today`` falls in): every task of the
year agenda due in it, done or not, and the open ones due before it (overdue) or after it.
Tasks done in earlier years stay on the year page's record, not on this year's paper.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from coopdesk.domain.fiscal import fiscal_year, fiscal_year_of
from coopdesk.domain.text import N_
from coopdesk.domain.year.deadlines import Urgency, natural_key
from coopdesk.i18n import Translator
from coopdesk.services.audit import current_mark
from coopdesk.services.coops import get_coop
from coopdesk.services.printing import PrintResult, count_pages, write_pdf
from coopdesk.services.year.agenda import TaskView, year_agenda
from coopdesk.store.database import Database

_NAME = N_("Year plan {year}")


def year_plan(db: Database, coop_id: int, today: dt.date):  # type: ignore[no-untyped-def]
    """The plan's data (``documents.year.plan.YearPlan``): reportlab loads only when it is rendered."""
    from coopdesk.documents.year.plan import PlanLine, YearPlan

    coop = get_coop(db, coop_id)
    year = fiscal_year_of(coop.fiscal_year_start_month, today)
    first, last = fiscal_year(coop.fiscal_year_start_month, year)
    tasks = [task for task in year_agenda(db, coop_id, today).tasks if _on_this_year(task, first)]
    tasks.sort(key=lambda task: (task.deadline.due_on, natural_key(task.deadline.key)))
    lines = tuple(PlanLine(due_on=task.deadline.due_on, message=task.deadline.message,
                           params=dict(task.deadline.params), ref=task.deadline.ref,
                           overdue=task.done_on is None and task.urgency(today) is Urgency.OVERDUE,
                           warning=task.done_on is None and task.deadline.warning,
                           done_on=task.done_on, done_note=task.done_note or "")
                  for task in tasks)
    return YearPlan(coop_name=coop.name, year=year, first_day=first, last_day=last, today=today, lines=lines,
                    audit_mark=current_mark(db).text())


def _on_this_year(task: TaskView, first: dt.date) -> bool:
    """Open tasks whatever their date; done ones only if due this year or later."""
    return task.done_on is None or task.deadline.due_on >= first


def render_year_plan(db: Database, coop_id: int, language: str, today: dt.date) -> bytes:
    from coopdesk.documents.year.plan import render_year_plan as render

    return render(_in_words(year_plan(db, coop_id, today), Translator(language)), language)


def _in_words(plan, t: Translator):  # type: ignore[no-untyped-def]
    """The plan with each list of msgids in its values (what a founding check still lacks) said in
    the document's language, one after another, as the year's page says them."""
    lines = tuple(dataclasses.replace(line, params={k: ", ".join(t.gettext(p) for p in v) if isinstance(v, tuple)
                                                    else v for k, v in line.params.items()})
                  for line in plan.lines)
    return dataclasses.replace(plan, lines=lines)


def print_year_plan(db: Database, coop_id: int, path: str | Path, language: str, today: dt.date) -> PrintResult:
    pdf = render_year_plan(db, coop_id, language, today)
    return PrintResult(write_pdf(path, pdf), count_pages(pdf))


def year_plan_name(db: Database, coop_id: int, today: dt.date, language: str) -> str:
    """A file name like "햇살마을협동조합 연간 일정표 2026.pdf", safe on Windows."""
    coop = get_coop(db, coop_id)
    year = fiscal_year_of(coop.fiscal_year_start_month, today)
    name = f"{coop.name} {Translator(language).gettext(_NAME, year=str(year))}"
    return " ".join(re.sub(r'[\\/:*?"<>|]+', " ", name).split()) + ".pdf"
