"""The lists of the filing pack: the officers (임원 명부), the share price and each member's
shares (출자 1좌당 금액과 조합원별 출자좌수), and the founders and consenters (발기인 및
설립동의자 명부), each with the columns the Rule's forms ask for."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.founding.base import FoundingRenderer
from coopdesk.domain import law
from coopdesk.domain.founding.papers import OfficerLine, PackPart, PersonLine
from coopdesk.domain.officers.terms import OFFICE_LABELS, Office

_OFFICE_ORDER = {Office.CHAIR: 0, Office.DIRECTOR: 1, Office.AUDITOR: 2}


class OfficersRenderer(FoundingRenderer):
    def title(self) -> str:
        return self.t.gettext(PackPart.OFFICERS.label)

    def build_story(self) -> list[Flowable]:
        t = self.t
        story: list[Flowable] = [*self.reference_note(), self.para(self.title(), self.heading)]
        officers = _listed(self.pack.officers)
        if not officers:
            return story + self.nothing_yet(t.gettext("No officers are recorded yet: they are elected at the "
                                                      "founding meeting."))
        rows = [[t.number(n), t.gettext(OFFICE_LABELS[o.office]), o.name, t.date(o.birth_date), o.address,
                 o.phone, t.gettext("{start} ~ {end}", start=t.date(o.start, "short"), end=t.date(o.end, "short"))]
                for n, o in enumerate(officers, start=1)]
        w = self.width
        story.append(self.grid([t.gettext("No."), t.gettext("Office"), t.gettext("Name"), t.gettext("Date of birth"),
                                t.gettext("Address"), t.gettext("Telephone"), t.gettext("Term")], rows,
                               [w * 0.05, w * 0.1, w * 0.1, w * 0.13, w * 0.24, w * 0.16, w * 0.22],
                               centre=(0, 1, 2)))
        story += [Spacer(0, 3 * mm), self.para(t.gettext(
            "Elected at the founding meeting. The officers' curricula vitae are attached separately. The chair "
            "is elected from among the directors ({article}).",
            article=law.CHAIR_FROM_DIRECTORS.ref.label(self.language)), self.note)]
        return story


def _listed(officers: tuple[OfficerLine, ...]) -> list[OfficerLine]:
    """Chair first, then directors, then auditors; the chair, a director too, is listed once."""
    chairs = {o.name for o in officers if o.office is Office.CHAIR}
    kept = [o for o in officers if not (o.office is Office.DIRECTOR and o.name in chairs)]
    return sorted(kept, key=lambda o: (_OFFICE_ORDER[o.office], o.name))


class SharesRenderer(FoundingRenderer):
    def title(self) -> str:
        return self.t.gettext(PackPart.SHARES.label)

    def build_story(self) -> list[Flowable]:
        t, f = self.t, self.pack.form
        story: list[Flowable] = [*self.reference_note(), self.para(self.title(), self.heading),
                                 self.boxed_rows([
                                     (t.gettext("Price of one share"), t.money(f.share_price)),
                                     (t.gettext("Shares subscribed"), t.number(f.shares)),
                                     (t.gettext("Capital subscribed"), t.money(f.subscribed_won)),
                                     (t.gettext("Capital paid in"), t.money(f.paid_won))]),
                                 Spacer(0, 4 * mm)]
        people = self.pack.people
        if not people:
            return story + self.nothing_yet(t.gettext("No consenters are recorded yet."))
        total = sum(p.shares for p in people)
        rows: list[list[object]] = [[t.number(p.number), p.name, p.member_type, t.number(p.shares),
                                     t.money(p.subscribed_won), t.money(p.paid_won), _percent(t, p.shares, total)]
                                    for p in people]
        rows.append(["", t.gettext("Total"), "", t.number(total), t.money(sum(p.subscribed_won for p in people)),
                     t.money(sum(p.paid_won for p in people)), _percent(t, total, total)])
        w = self.width
        story.append(self.grid([t.gettext("No."), t.gettext("Name"), t.gettext("Member type"), t.gettext("Shares"),
                                t.gettext("Amount subscribed"), t.gettext("Paid in"), t.gettext("Share of all")],
                               rows, [w * 0.07, w * 0.17, w * 0.17, w * 0.1, w * 0.18, w * 0.18, w * 0.13],
                               right=(3, 4, 5, 6), centre=(0,), total=True))
        cap = law.MAX_SHARE_RATIO
        story += [Spacer(0, 3 * mm), self.para(t.gettext(
            "No member may hold more than {percent}% of all shares ({article}).",
            percent=t.number(cap.value.numerator * 100 // cap.value.denominator),
            article=cap.ref.label(self.language)), self.note)]
        return story


def _percent(t, part: int, whole: int) -> str:  # type: ignore[no-untyped-def]
    """One decimal, exactly (integers): 12.5%."""
    if whole <= 0:
        return ""
    tenths = part * 1000 // whole
    return f"{t.number(tenths // 10)}.{tenths % 10}%"


class ConsentersRenderer(FoundingRenderer):
    """Landscape: nine columns, and room on each line for a signature."""

    def page_size(self) -> tuple[float, float]:
        return landscape(A4)

    def title(self) -> str:
        return self.t.gettext(PackPart.CONSENTERS.label)

    def build_story(self) -> list[Flowable]:
        t, f = self.t, self.pack.form
        story: list[Flowable] = [*self.reference_note(), self.para(self.title(), self.heading)]
        people = self.pack.people
        if not people:
            return story + self.nothing_yet(t.gettext("No founders or consenters are recorded yet."))
        story.append(self.para(t.gettext(
            "{founders} founders and {consenters} consenters in all, who handed their consent to the founders "
            "before the founding meeting ({article}).", founders=t.number(f.founders),
            consenters=t.number(f.consenters), article=law.MIN_FOUNDERS.ref.label(self.language)), self.note))
        story.append(Spacer(0, 2 * mm))
        rows = [[t.number(p.number), self._role(p), p.name, t.date(p.birth_date), p.address, p.member_type,
                 t.date(p.consented_on) if p.consented_on else "", t.number(p.shares), ""] for p in people]
        w = self.width
        story.append(self.grid([t.gettext("No."), t.gettext("Role"), t.gettext("Name"), t.gettext("Date of birth"),
                                t.gettext("Address"), t.gettext("Member type"), t.gettext("Consented on"),
                                t.gettext("Shares"), t.gettext("Signature")], rows,
                               [w * 0.05, w * 0.11, w * 0.1, w * 0.1, w * 0.26, w * 0.09, w * 0.09, w * 0.06, w * 0.14],
                               right=(7,), centre=(0, 1, 2, 6), pad=3 * mm))
        return story

    def _role(self, p: PersonLine) -> str:
        t = self.t
        if p.representative:
            return t.gettext("Founder (representative)")
        return t.gettext("Founder") if p.founder else t.gettext("Consenter")
