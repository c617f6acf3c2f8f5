"""The year of a co-op still being founded: the founding's own next step and deadlines.

A co-op exists only from its registration (Act 19①): before it, none of a running co-op's
duties apply (no assembly, no yearly report, no capital registration, no minimum of members).
What it owes instead is the founding's next step, told by the stage its dates reach; the
founding's checks still unmet, as the founding services work them out (``domain.founding``:
this module decides none of them again), those the law makes (practice, such as the founding
course, stays on the founding page); and the registration against its deadline.

Keys: ``founding:<stage>`` (marking the step done answers for that stage only),
``founding_check:<rule>``, ``founding_registration``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import MappingProxyType

from coopdesk.domain import law
from coopdesk.domain.founding.checks import FoundingCheck, Level, registration_limit
from coopdesk.domain.founding.stage import FoundingStage
from coopdesk.domain.meetings.notice import latest_notice_date
from coopdesk.domain.text import N_
from coopdesk.domain.year.deadlines import Deadline, DeadlineKind, _deadline
from coopdesk.domain.year.facts import FoundingFacts, YearFacts

AREA = "founding"


def founding_tasks(facts: YearFacts, today: dt.date) -> Iterator[Deadline]:
    f = facts.founding
    if f is None:
        return
    step = next_step(f, today)
    if step is not None:
        yield step
    due = f.meeting_on if f.meeting_on is not None and f.meeting_on >= today else today
    for check in f.checks:  # the law's checks: practice (the course, a representative) stays on the founding page
        if check.level is Level.UNMET and check.article is not None:
            yield _from_check(f"founding_check:{check.rule.value}", DeadlineKind.FOUNDING_CHECK, due, check,
                              warning=False)
    if f.deadline is not None:
        last = f.deadline.kwargs.get("last")
        yield _from_check("founding_registration", DeadlineKind.FOUNDING_REGISTRATION,
                          last if isinstance(last, dt.date) else today, f.deadline,
                          warning=f.deadline.level is Level.UNMET)


def _from_check(key: str, kind: DeadlineKind, due: dt.date, check: FoundingCheck, *, warning: bool) -> Deadline:
    """A founding check as a task: its own words, numbers and article."""
    assert check.article is not None
    return Deadline(key, kind, due, check.message, MappingProxyType(check.kwargs), check.article, AREA, None,
                    warning)


def next_step(f: FoundingFacts, today: dt.date) -> Deadline | None:
    """What the founders do next, from the stage their dates reach."""
    key = f"founding:{f.stage.value}"
    kind = DeadlineKind.FOUNDING_STEP
    if f.stage is FoundingStage.PREPARING:
        if f.meeting_on is None:
            return _deadline(key, kind, today,
                             N_("Record the founding meeting, its day and place: its public notice goes out at "
                                "least {days} days before it."),
                             law.FOUNDING_NOTICE_DAYS.ref, AREA, None, days=law.FOUNDING_NOTICE_DAYS.value)
        due = latest_notice_date(f.meeting_on, law.FOUNDING_NOTICE_DAYS.value)
        return _deadline(key, kind, due,
                         N_("Post the public notice of the founding meeting ({held_on}) by {due}, at least {days} "
                            "days before it."),
                         law.FOUNDING_NOTICE_DAYS.ref, AREA, f.meeting_id, held_on=f.meeting_on, due=due,
                         days=law.FOUNDING_NOTICE_DAYS.value)
    if f.stage is FoundingStage.NOTICE_POSTED:
        return _deadline(key, kind, f.meeting_on or today,
                         N_("Hold the founding meeting: it decides the bylaws, the business plan and budget, the "
                            "officers and the founding expenses, by two thirds of those present."),
                         law.FOUNDING_MAJORITY.ref, AREA, f.meeting_id)
    if f.stage is FoundingStage.MEETING_HELD:
        return _filing(key, f, today)
    if f.stage is FoundingStage.FILED:
        return _decision(key, f, today)
    if f.stage in (FoundingStage.CERTIFIED, FoundingStage.HANDED_OVER) and not f.social:
        limit = registration_limit(False)
        return _deadline(key, kind, today,
                         N_("Hand the business over to the chair and have the consenters pay in their capital; the "
                            "co-op is then registered within {days} days of the payment."),
                         limit.ref, AREA, None, days=limit.value)
    return None  # a social co-op's registration runs from its authorisation: the registration task says it


def _filing(key: str, f: FoundingFacts, today: dt.date) -> Deadline:
    if f.social:
        rule = law.SOCIAL_AUTHORIZATION_DECISION_DAYS
        message = N_("Apply for the authorisation of the social co-op with the founding papers; the decision "
                     "comes within {days} days.")
    else:
        rule = law.FOUNDING_REPORT_DECISION_DAYS
        message = N_("File the founding report with the city or province, with the founding papers; it decides "
                     "within {days} days.")
    return _deadline(key, DeadlineKind.FOUNDING_STEP, today, message, rule.ref, AREA, None, days=rule.value)


def _decision(key: str, f: FoundingFacts, today: dt.date) -> Deadline:
    rule = law.SOCIAL_AUTHORIZATION_DECISION_DAYS if f.social else law.FOUNDING_REPORT_DECISION_DAYS
    filed = f.filed_on or today
    due = filed + dt.timedelta(days=rule.value)
    message = (N_("The authorisation was applied for on {filed_on}: the decision is due by {due}. Record it when "
                  "it comes.") if f.social else
               N_("The founding report was filed on {filed_on}: the city or province decides by {due}. Record the "
                  "certificate when it comes."))
    return _deadline(key, DeadlineKind.FOUNDING_STEP, due, message, rule.ref, AREA, None, filed_on=filed, due=due)

