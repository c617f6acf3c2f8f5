"""What the year's services return, and the words of a task: no SQLAlchemy, so that the
year page, shown first when a co-op opens, is drawn before the database is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.year.deadlines import Deadline, Urgency
from coopdesk.i18n import Translator


@dataclass(frozen=True, slots=True)
class TaskView:
    """A deadline and, once marked done, when, with what note and by whom."""

    deadline: Deadline
    done_on: dt.date | None = None
    done_note: str = ""
    done_by: str = ""

    @property
    def key(self) -> str:
        return self.deadline.key

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def urgency(self, today: dt.date) -> Urgency:
        return self.deadline.urgency(today)


@dataclass(frozen=True, slots=True)
class YearAgenda:
    coop_id: int
    today: dt.date
    tasks: tuple[TaskView, ...]  # open ones first by due date, then the done ones

    @property
    def open(self) -> tuple[TaskView, ...]:
        return tuple(t for t in self.tasks if not t.done)

    @property
    def done(self) -> tuple[TaskView, ...]:
        return tuple(t for t in self.tasks if t.done)


# -- words ----------------------------------------------------------------------------------------------


def deadline_text(deadline: Deadline, t: Translator) -> str:
    """The task's sentence in ``t``'s language, its dates and numbers formatted there."""
    params = {k: _shown(k, v, t) for k, v in deadline.params.items()}
    return t.gettext(deadline.message, **params)


def _shown(name: str, value: object, t: Translator) -> object:
    """Dates in the reader's form; a count with its thousands separator (never a year or a number);
    a tuple of msgids (what a founding check still lacks) said one after another."""
    if isinstance(value, dt.date):
        return t.date(value)
    if isinstance(value, tuple):
        return ", ".join(t.gettext(part) for part in value)
    if name == "count" and isinstance(value, int):
        return t.number(value)
    return value
