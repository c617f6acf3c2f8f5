"""The business plan (사업계획서) and the income-and-expense budget (수입·지출 예산서), as the
founding meeting adopted them: simple tables of item, description and amount, with totals.

A social co-op's plan marks its public-benefit businesses and states their share, which must
reach 40% (Act 93①)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from coopdesk.documents.founding.base import FoundingRenderer
from coopdesk.domain import law
from coopdesk.domain.founding.papers import PackPart
from coopdesk.domain.founding.plans import PlanLine, public_benefit_share


class BusinessPlanRenderer(FoundingRenderer):
    def title(self) -> str:
        return self.t.gettext(PackPart.BUSINESS_PLAN.label)

    def build_story(self) -> list[Flowable]:
        t, lines = self.t, self.pack.business_plan
        story: list[Flowable] = [*self.reference_note(), self.para(self.title(), self.heading)]
        if not lines:
            return story + self.nothing_yet(t.gettext("The business plan has no lines yet."))
        social, w = self.pack.social, self.width
        header = [t.gettext("No."), t.gettext("Business"), t.gettext("What it is"), t.gettext("Planned amount")]
        widths = [w * 0.07, w * 0.25, w * 0.48, w * 0.2]
        if social:
            header.append(t.gettext("Public benefit"))
            widths = [w * 0.07, w * 0.23, w * 0.42, w * 0.16, w * 0.12]
        rows: list[list[str]] = []
        for n, line in enumerate(lines, start=1):
            row = [t.number(n), line.item, line.detail, t.money(line.amount)]
            rows.append(row + ([t.gettext("Yes") if line.public_benefit else ""] if social else []))
        rows.append(["", t.gettext("Total"), "", t.money(sum(x.amount for x in lines))] + ([""] if social else []))
        story.append(self.grid(header, rows, widths, right=(3,), centre=(0, 4), total=True))
        if social:
            public, total = public_benefit_share(lines)
            share = law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE
            percent = public * 100 // total if total else 0
            story += [Spacer(0, 3 * mm), self.para(t.gettext(
                "Public-benefit business: {amount} of {total}, {percent}% of the plan; a social co-op's main "
                "business must be at least {need}% ({article}).", amount=t.money(public), total=t.money(total),
                percent=t.number(percent), need=t.number(share.value.numerator * 100 // share.value.denominator),
                article=share.ref.label(self.language)), self.note)]
        return story


class BudgetRenderer(FoundingRenderer):
    def title(self) -> str:
        return self.t.gettext(PackPart.BUDGET.label)

    def build_story(self) -> list[Flowable]:
        t, p = self.t, self.pack
        story: list[Flowable] = [*self.reference_note(), self.para(self.title(), self.heading)]
        if not (p.income or p.expense):
            return story + self.nothing_yet(t.gettext("The budget has no lines yet."))
        income, expense = sum(x.amount for x in p.income), sum(x.amount for x in p.expense)
        story += [self.para(t.gettext("Income"), self.section), self._table(p.income),
                  self.para(t.gettext("Expenses"), self.section), self._table(p.expense), Spacer(0, 4 * mm),
                  self.boxed_rows([(t.gettext("Income"), t.money(income)), (t.gettext("Expenses"), t.money(expense)),
                                   (t.gettext("Balance"), t.money(income - expense))])]
        return story

    def _table(self, lines: tuple[PlanLine, ...]) -> Table | Flowable:
        t, w = self.t, self.width
        if not lines:
            return self.para(t.gettext("None."), self.note)
        rows = [[t.number(n), x.item, x.detail, t.money(x.amount)] for n, x in enumerate(lines, start=1)]
        rows.append(["", t.gettext("Total"), "", t.money(sum(x.amount for x in lines))])
        return self.grid([t.gettext("No."), t.gettext("Budget item"), t.gettext("What it is"), t.gettext("Amount")], rows,
                         [w * 0.07, w * 0.25, w * 0.48, w * 0.2], right=(3,), centre=(0,), total=True)
