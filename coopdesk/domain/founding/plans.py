"""The business plan, the income-and-expense budget and the founding expenses, as simple tables.

The founding meeting adopts them (Act 15) and the filing attaches them (Rule 5): each is a
list of lines — an item, a short description, an amount in won.  A social co-op marks the
business plan's public-benefit lines, whose share of the plan must reach 40% (Act 93①).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NOTE_LENGTH, check_text
from coopdesk.domain.text import N_

ITEM_LENGTH = 100
MAX_AMOUNT = 10**15  # a quadrillion won: anything above is a typing mistake
MAX_LINES = 200


class PlanTable(Enum):
    BUSINESS_PLAN = "business_plan"  # 사업계획서
    INCOME = "income"  # 수입예산
    EXPENSE = "expense"  # 지출예산
    FOUNDING_EXPENSES = "founding_expenses"  # 설립경비

    @property
    def label(self) -> str:
        return TABLE_LABELS[self]


TABLE_LABELS = {
    PlanTable.BUSINESS_PLAN: N_("Business plan"),
    PlanTable.INCOME: N_("Budget: income"),
    PlanTable.EXPENSE: N_("Budget: expenses"),
    PlanTable.FOUNDING_EXPENSES: N_("Founding expenses"),
}


@dataclass(frozen=True, slots=True)
class PlanLine:
    item: str  # the business, the income or the expense
    detail: str = ""  # what it is, in a sentence
    amount: int = 0  # won (the business plan: the planned turnover of the business)
    public_benefit: bool = False  # a social co-op's public-benefit business (Act 93①)

    def cleaned(self) -> PlanLine:
        return PlanLine(" ".join(self.item.split()), self.detail.strip(), self.amount, self.public_benefit)


def check_lines(table: PlanTable, lines: tuple[PlanLine, ...]) -> None:
    if len(lines) > MAX_LINES:
        raise Refusal(N_("At most {count} lines."), field="lines", count=MAX_LINES)
    for line in lines:
        if not line.item:
            raise Refusal(N_("Every line needs its item."), field="item")
        check_text(line.item, "item", ITEM_LENGTH)
        check_text(line.detail, "detail", NOTE_LENGTH, multiline=True)
        if not 0 <= line.amount <= MAX_AMOUNT:
            raise Refusal(N_("The amount {amount} is not possible here."), field="amount", amount=line.amount)
        if line.public_benefit and table is not PlanTable.BUSINESS_PLAN:
            raise Refusal(N_("Only a line of the business plan is marked as public-benefit business."),
                          field="public_benefit")


def public_benefit_share(lines: tuple[PlanLine, ...]) -> tuple[int, int]:
    """(won of public-benefit business, won of all business) in the business plan."""
    return sum(x.amount for x in lines if x.public_benefit), sum(x.amount for x in lines)
