"""The demo's year: the papers of the last fiscal year filed on time, as a well-kept co-op files them.

Run last, once the demo's members, capital and assembly are in: every report or registration
of the year page that is past its day today is marked done a few days before that day, through
``mark_done`` (audited like the secretary's own marks), so the demo's first page shows what a
co-op really has to do next, not a backlog a real co-op would not have.
"""

from __future__ import annotations

import datetime as dt
import random

from coopdesk.domain.fiscal import fiscal_year_end
from coopdesk.domain.year.deadlines import DeadlineKind
from coopdesk.services.coops import get_coop
from coopdesk.services.year.agenda import mark_done, year_agenda
from coopdesk.store.database import Database

# The papers a secretary files by a day, with the note the demo's secretary writes.
FILED = {
    DeadlineKind.YEARLY_REPORT: "시·도에 조합원 수와 납입출자금 신고 (전자 제출)",
    DeadlineKind.CAPITAL_REGISTRATION: "등기소에 납입출자금 변경등기 신청",
    DeadlineKind.SETTLEMENT_TO_AUDITOR: "감사에게 결산보고서 전달",
    DeadlineKind.DISCLOSURE: "경영공시 게시",
}


def add_demo_year(db: Database, coop_id: int, rnd: random.Random, today: dt.date) -> None:
    coop = get_coop(db, coop_id)
    for task in year_agenda(db, coop_id, today).open:
        d = task.deadline
        if d.kind not in FILED or d.due_on >= today:
            continue
        year = d.params.get("year")
        after = fiscal_year_end(coop.fiscal_year_start_month, year) if isinstance(year, int) else d.due_on
        on = max(d.due_on - dt.timedelta(days=rnd.randrange(2, 15)), after + dt.timedelta(days=1))
        mark_done(db, coop_id, d.key, on=min(on, today), note=FILED[d.kind], today=today)
