"""The founding's checks, stages and tables said in words, for a screen, a command or a paper."""

from __future__ import annotations

from coopdesk.domain.founding.checks import FoundingCheck
from coopdesk.i18n import Translator, current
from coopdesk.services.capital.wording import value_text


def check_message(c: FoundingCheck, t: Translator | None = None) -> str:
    """Why, in numbers: "Notice posted on 2026. 8. 25. for a meeting on …"."""
    t = t or current()
    params = {k: ", ".join(t.gettext(part) for part in v) if isinstance(v, tuple) else value_text(v, t, k)
              for k, v in c.params}
    return t.gettext(c.message, **params)


def check_text(c: FoundingCheck, t: Translator | None = None) -> str:
    """"Rule: why, in numbers (Act 15②)"."""
    t = t or current()
    text = f"{t.gettext(c.rule.label)}: {check_message(c, t)}"
    if c.article is not None:
        text += " " + t.gettext("({article})", article=c.article.label(t.language))
    return text
