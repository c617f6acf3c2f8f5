"""The capital area's values said in words for the window: the largest holding, a refund claim, the
law's checks.  (The checks' own words come from ``services.capital.wording``.)"""

from __future__ import annotations

from collections.abc import Iterable

from coopdesk.domain import law
from coopdesk.domain.capital.checks import LABEL_NUMBERS, Check
from coopdesk.domain.capital.rules import CapStanding
from coopdesk.i18n import _, current
from coopdesk.services.capital.views import RefundClaim
from coopdesk.services.capital.wording import check_text


def article(ref: object) -> str:
    return ref.label(current().language)  # type: ignore[attr-defined]


def percent(c: CapStanding) -> str:
    return "{:.1f}".format(c.percent_tenths / 10)


def largest_text(c: CapStanding | None) -> str:
    """"Member 3: 20 of 100 shares (20.0%); the cap of 30% allows 28 (Act 22②)"."""
    if c is None:
        return _("No member holds shares yet.")
    t = current()
    return _("Member {number}: {shares} of {total} shares ({percent}%); at most {most} under the {cap}% cap "
             "({article})", number=c.number, shares=t.number(c.shares), total=t.number(c.total), percent=percent(c),
             most=t.number(c.most), article=article(law.MAX_SHARE_RATIO.ref), cap=LABEL_NUMBERS["cap"])


def over_cap_text(c: CapStanding) -> str:
    t = current()
    return _("Member {number} holds {shares} of {total} shares, more than {cap}% ({article}).", number=c.number,
             shares=t.number(c.shares), total=t.number(c.total), article=article(law.MAX_SHARE_RATIO.ref),
             cap=LABEL_NUMBERS["cap"])


def checks_html(checks: Iterable[Check]) -> str:
    """Each check on its own line, ✓ passed or ✗ refused, the refused ones in red."""
    lines = []
    for c in checks:
        text = _escape(check_text(c))
        lines.append(f"✓ {text}" if c.passed else f"<span style='color:#b00020'>✗ {text}</span>")
    return "<br>".join(lines)


def claim_text(c: RefundClaim) -> str:
    """A leaver's refund claim: left, claimable from, last day, its state, withheld."""
    t, w = current(), c.window
    text = _("Left on {left}; the refund may be claimed from {claim_from} to {last_day}: {state}.",
             left=t.date(w.left_on), claim_from=t.date(w.claim_from), last_day=t.date(w.last_day),
             state=_(c.state.label))
    if c.withheld_since is not None:
        text += " " + _("Withheld since {date} while the member owes the co-op ({article}).",
                        date=t.date(c.withheld_since), article=article(law.REFUND_MAY_BE_WITHHELD.ref))
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
