"""The result of one rule of the capital law applied to an entry: typed, with its article.

Every service that changes the ledger returns the checks it made, passed or not, so that a
screen can show "30% cap: 29 of 100 shares, at most 30" without deciding anything itself;
a failed check is raised as the refusal that cites the article (``require``).
"""

from __future__ import annotations

from collections.abc import Iterable
import datetime as dt
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal, Refusals
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.text import N_, Explanation


class CapitalRule(Enum):
    """The rules of the capital law that CoopDesk applies, each one check."""

    ONE_PRICE = "one_price"  # 출자 1좌의 금액은 균일 (Act 22①)
    MINIMUM_SHARES = "minimum_shares"  # 1좌 이상, the bylaws' minimum (Act 22①)
    MAXIMUM_SHARES = "maximum_shares"  # the bylaws' per-member limit (Act 16①)
    SHARE_CAP = "share_cap"  # 총 출자좌수의 100분의 30 (Act 22②)
    INSTALMENTS = "instalments"  # payment method and timing, as the bylaws say (Act 16①)
    MEMBERSHIP_ON_PAYMENT = "membership_on_payment"  # 출자금 납입으로 조합원이 된다 (model bylaws)
    TRANSFER_RESOLUTION = "transfer_resolution"  # 지분 양도: 총회의 의결
    REFUND_TIMING = "refund_timing"  # from the next fiscal year (Act 26①)
    REFUND_LAPSE = "refund_lapse"  # 2 years (Act 26②)
    REFUND_WITHHELD = "refund_withheld"  # until the member's debts are paid (Act 26③)
    REFUND_RESOLUTION = "refund_resolution"  # special resolution (Act 29②)
    REFUND_LOSSES = "refund_losses"  # the leaver's share of losses, as the bylaws say (Act 27)
    SOCIAL_PAID_IN_ONLY = "social_paid_in_only"  # a social co-op refunds paid-in capital only
    LEGAL_RESERVE = "legal_reserve"  # 10% (30% social) until 3x paid-in (Act 50①, 97①)
    LOSS_ORDER = "loss_order"  # retained, voluntary, legal (Act 51①, 98①)
    DIVIDENDS_AFTER_RESERVES = "dividends_after_reserves"  # Act 51②
    CAPITAL_DIVIDEND_LIMIT = "capital_dividend_limit"  # at most 10% of paid-in (Act 51③)
    PATRONAGE_SHARE = "patronage_share"  # at least 50% of all dividends (Act 51③)
    SOCIAL_NO_DIVIDENDS = "social_no_dividends"  # Act 98
    SOCIAL_REST_TO_VOLUNTARY = "social_rest_to_voluntary"  # Act 98②

    @property
    def label(self) -> str:
        return RULE_LABELS[self]

    @property
    def label_params(self) -> dict[str, int]:
        """The numbers the labels state, from ``law`` (an amendment changes them there only)."""
        return LABEL_NUMBERS


def _percent(share: Fraction) -> int:
    return int(share * 100)


LABEL_NUMBERS = {"cap": _percent(law.MAX_SHARE_RATIO.value), "years": law.REFUND_CLAIM_LAPSE_YEARS.value,
                 "rate": _percent(law.CAPITAL_DIVIDEND_MAX_RATE.value),
                 "share": _percent(law.PATRONAGE_DIVIDEND_MIN_SHARE.value)}
RULE_LABELS = {
    CapitalRule.ONE_PRICE: N_("One share price for everyone"),
    CapitalRule.MINIMUM_SHARES: N_("Fewest shares a member holds"),
    CapitalRule.MAXIMUM_SHARES: N_("Most shares the bylaws allow a member"),
    CapitalRule.SHARE_CAP: N_("No member over {cap}% of all shares"),
    CapitalRule.INSTALMENTS: N_("Payment in instalments"),
    CapitalRule.MEMBERSHIP_ON_PAYMENT: N_("Membership starts on payment"),
    CapitalRule.TRANSFER_RESOLUTION: N_("A transfer needs a general assembly resolution"),
    CapitalRule.REFUND_TIMING: N_("Refund from the next fiscal year after leaving"),
    CapitalRule.REFUND_LAPSE: N_("The refund claim lapses after {years} years"),
    CapitalRule.REFUND_WITHHELD: N_("Refund withheld while the member owes the co-op"),
    CapitalRule.REFUND_RESOLUTION: N_("A refund to a member who left needs a special resolution"),
    CapitalRule.REFUND_LOSSES: N_("The leaver's share of losses"),
    CapitalRule.SOCIAL_PAID_IN_ONLY: N_("A social co-op refunds paid-in capital only"),
    CapitalRule.LEGAL_RESERVE: N_("Legal reserve"),
    CapitalRule.LOSS_ORDER: N_("Order in which a loss is covered"),
    CapitalRule.DIVIDENDS_AFTER_RESERVES: N_("Dividends only after the reserves"),
    CapitalRule.CAPITAL_DIVIDEND_LIMIT: N_("Dividend on capital at most {rate}% of paid-in capital"),
    CapitalRule.PATRONAGE_SHARE: N_("Patronage dividends at least {share}% of all dividends"),
    CapitalRule.SOCIAL_NO_DIVIDENDS: N_("A social co-op pays no dividends"),
    CapitalRule.SOCIAL_REST_TO_VOLUNTARY: N_("A social co-op puts the rest into the voluntary reserve"),
}


@dataclass(frozen=True, slots=True)
class Check:
    """One rule applied: passed or not, why in numbers (``explanation``), and where the law says it."""

    rule: CapitalRule
    passed: bool
    article: LawRef | None
    explanation: Explanation
    field: str | None = None

    def refusal(self) -> Refusal:
        return Refusal(self.explanation.message, article=self.article, field=self.field, **self.explanation.kwargs)


@dataclass(frozen=True, slots=True)
class ResolutionSeen:
    """The agenda item a refund (or a transfer) cites, as the service found it."""

    item_id: int
    position: int  # the item's place on its meeting's agenda, as the minutes number it
    held_on: dt.date
    general_assembly: bool  # an ordinary or extraordinary general assembly
    special: bool  # decided as a special resolution
    passed: bool  # closed, and passed


def check(rule: CapitalRule, passed: bool, article: LawRef | None, message: str, field: str | None = None,
          **numbers: object) -> Check:
    """A check whose explanation says ``message`` with ``numbers``: counts, ``Won`` amounts or dates,
    each shown in the reader's language where it is shown."""
    return Check(rule, passed, article, Explanation(message, tuple(numbers.items())), field)  # type: ignore[arg-type]


def require(checks: Iterable[Check]) -> tuple[Check, ...]:
    """The checks, if all passed; otherwise the refusal of each that failed (one, or all at once)."""
    checks = tuple(checks)
    failed = [c.refusal() for c in checks if not c.passed]
    if len(failed) == 1:
        raise failed[0]
    if failed:
        raise Refusals(failed)
    return checks
