"""The capital area's checks and values said in words, for a screen, a command or a paper."""

from __future__ import annotations

import datetime as dt

from coopdesk.domain.capital.checks import Check
from coopdesk.domain.text import N_, Explanation
from coopdesk.i18n import Translator, current
from coopdesk.services.capital.views import EntryView


# Numbers that name something (a member, an agenda item, an entry, a line, a year): never "1,234".
NAMING = frozenset({"number", "item", "entry", "line", "year"})


def value_text(value: object, t: Translator, name: str = "") -> str:
    """A number of an explanation in the reader's language: money as money, a date as a date."""
    if isinstance(value, dt.date):
        return t.date(value)
    if isinstance(value, bool) or not isinstance(value, int) or name in NAMING:
        return str(value)
    return t.money(value) if getattr(value, "money", False) else t.number(value)


def explanation_text(e: Explanation, t: Translator | None = None) -> str:
    t = t or current()
    return t.gettext(e.message, **{k: value_text(v, t, k) for k, v in e.params})


def check_text(c: Check, t: Translator | None = None) -> str:
    """"Rule: why, in numbers (Act 22②)"."""
    t = t or current()
    text = f"{t.gettext(c.rule.label, **c.rule.label_params)}: {explanation_text(c.explanation, t)}"
    if c.article is not None:
        text += " " + t.gettext("({article})", article=c.article.label(t.language))
    return text


def entry_note(e: EntryView, t: Translator | None = None) -> str:
    """What an entry reverses or is reversed by, the other member of a transfer, and its note."""
    t = t or current()
    parts = []
    if e.reverses is not None:
        parts.append(t.gettext(N_("reverses no. {number}"), number=e.reverses))
    if e.reversed_by is not None:
        parts.append(t.gettext(N_("reversed by no. {number}"), number=e.reversed_by))
    if e.counterpart is not None:
        parts.append(t.gettext(N_("with member {number}"), number=e.counterpart))
    if e.note:
        parts.append(e.note)
    return "; ".join(parts)
