"""The overview's words, in the reader's language: one code path for the window and the command."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain.coop import KIND_LABELS
from coopdesk.domain.year.deadlines import DeadlineKind
from coopdesk.i18n import Translator, current
from coopdesk.services.overview.rows import CoopRow, Due


def due_text(due: Due, t: Translator | None = None) -> str:
    """What to do, in words, with its values (dates, numbers) as the reader writes them."""
    t = t or current()
    return t.gettext(due.message, **{k: _shown(v, t) for k, v in due.params.items()})


def article_text(due: Due, t: Translator | None = None) -> str:
    t = t or current()
    return due.article.label(t.language)


def warnings_text(row: CoopRow, t: Translator | None = None, *, full: bool = False) -> str:
    """The row's warnings one after another (``; ``): each kind's name, with how many when there
    are several (ten members owing the orientation); ``full``: each warning's sentence and article."""
    t = t or current()
    if full:
        return "; ".join(t.gettext("{what} ({article})", what=due_text(w, t), article=article_text(w, t))
                         for w in row.warnings)
    by_kind: dict[str, int] = {}
    for w in row.warnings:
        by_kind[w.kind] = by_kind.get(w.kind, 0) + 1
    return "; ".join(t.gettext(DeadlineKind(kind).label) if n == 1 else
                     t.gettext("{what}: {count}", what=t.gettext(DeadlineKind(kind).label), count=t.number(n))
                     for kind, n in by_kind.items())


def problem_text(row: CoopRow, t: Translator | None = None) -> str:
    """Why the row's file is not shown in full, in plain words; "" when it is."""
    t = t or current()
    if row.problem_message is None:
        return ""
    params = {k: t.gettext(v) if k == "reason" and isinstance(v, str) else v for k, v in row.problem_params.items()}
    return t.gettext(row.problem_message, **params)


def kind_text(row: CoopRow, t: Translator | None = None) -> str:
    t = t or current()
    return t.gettext(KIND_LABELS[row.kind]) if row.kind is not None else ""


def _shown(value: object, t: Translator) -> object:
    if isinstance(value, dt.date):
        return t.date(value)
    if getattr(value, "money", False) and isinstance(value, int):
        return t.money(value)
    return value
