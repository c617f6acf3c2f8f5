"""The report of founding (설립신고서, Act 15①) or, for a social co-op, the application for
authorisation (설립인가 신청서, Act 85①): who files, the co-op, the founding in figures, the
declaration, the authority it is addressed to and the papers attached.

A social co-op's application shows the checks the authorisation depends on: two stakeholder
types among the consenters (Decree 19①) and a public-benefit business of at least 40% (Act 93①).
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from coopdesk.documents.fonts import GOTHIC
from coopdesk.documents.founding.base import LIGHT_RULE, RULE, FoundingRenderer
from coopdesk.domain import law
from coopdesk.domain.founding.checks import FoundingCheck, Level
from coopdesk.domain.founding.papers import PackPart, form_label
from coopdesk.domain.law_ref import act
from coopdesk.domain.text import N_

REPORT_REF = act(15, 1)
FILING = N_("Reported by")  # 신고인
APPLYING = N_("Applicant for authorisation")  # 신청인
AUTHORISATION_REF = law.SOCIAL_AUTHORIZATION_DECISION_DAYS.ref


class FormRenderer(FoundingRenderer):
    def title(self) -> str:
        return self.t.gettext(form_label(self.pack.social))

    def build_story(self) -> list[Flowable]:
        t, f = self.t, self.pack.form
        story: list[Flowable] = [*self.reference_note(),
                                 self.para(t.gettext("Ministry in charge: {ministry}", ministry=f.ministry),
                                           self.note),
                                 Spacer(0, 2 * mm), self.para(self.title(), self.heading), self._receipt(),
                                 Spacer(0, 1 * mm), self.para(self._applicant_word(), self.section),
                                 self.boxed_pairs(self._applicant()),
                                 self.para(t.gettext("The co-op"), self.section), self.boxed_pairs(self._coop()),
                                 self.para(t.gettext("The founding"), self.section), self.boxed_pairs(self._founding())]
        if self.pack.social:
            story += [self.para(t.gettext("What the authorisation depends on"), self.section),
                      self._checks(f.checks)]
        story += [Spacer(0, 4 * mm), *self._declaration(), Spacer(0, 4 * mm), self._attachments()]
        return story

    def _applicant_word(self) -> str:
        """신고인 for a report, 신청인 for an application."""
        return self.t.gettext(APPLYING if self.pack.social else FILING)

    def _receipt(self) -> Table:
        """Receipt number and day (the authority fills them in), and its time to decide."""
        t = self.t
        days = (law.SOCIAL_AUTHORIZATION_DECISION_DAYS if self.pack.social else law.FOUNDING_REPORT_DECISION_DAYS)
        cells = [self.para(t.gettext("Receipt no."), self.label), "", self.para(t.gettext("Received on"), self.label),
                 "", self.para(t.gettext("Time to decide"), self.label),
                 self.para(t.gettext("{days} days ({article})", days=t.number(days.value),
                                     article=days.ref.label(self.language)), self.value)]
        w = self.width
        return Table([cells], colWidths=[w * 0.13, w * 0.2, w * 0.13, w * 0.2, w * 0.14, w * 0.2], style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9), ("BOX", (0, 0), (-1, -1), 0.9, RULE),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, LIGHT_RULE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm)])

    def _applicant(self) -> list[list[tuple[str, str]]]:
        t, a = self.t, self.pack.form.applicant
        if a is None:
            return [[(t.gettext("Name"), t.gettext("No chair elected and no representative of the founders named "
                                                   "yet"))]]
        return [[(t.gettext("Name"), f"{a.name} ({t.gettext(a.role)})"),
                 (t.gettext("Date of birth"), self.date(a.birth_date))],
                [(t.gettext("Address"), a.address)], [(t.gettext("Telephone"), a.phone)]]

    def _coop(self) -> list[list[tuple[str, str]]]:
        t, f = self.t, self.pack.form
        kind = t.gettext("Social co-op") if f.social else t.gettext("General co-op")
        return [[(t.gettext("Name"), f.coop_name), (t.gettext("Kind"), kind)],
                [(t.gettext("Main office"), f.main_office)],
                [(t.gettext("Member types"), ", ".join(f.member_types) or "-")]]

    def _founding(self) -> list[list[tuple[str, str]]]:
        t, f = self.t, self.pack.form
        meeting = (t.gettext("{date}, {place}", date=self.date(f.meeting_on), place=f.meeting_place)
                   if f.meeting_on else t.gettext("not yet held"))
        return [[(t.gettext("Founders"), t.gettext("{count} people", count=t.number(f.founders))),
                 (t.gettext("Consenters"), t.gettext("{count} people", count=t.number(f.consenters)))],
                [(t.gettext("Founding meeting"), meeting)],
                [(t.gettext("Price of one share"), t.money(f.share_price)),
                 (t.gettext("Shares subscribed"), t.gettext("{shares} shares, {amount}", shares=t.number(f.shares),
                                                             amount=t.money(f.subscribed_won)))],
                [(t.gettext("Capital paid in"), t.money(f.paid_won))]]

    def _checks(self, checks: tuple[FoundingCheck, ...]) -> Table:
        t = self.t
        marks = {Level.MET: t.gettext("Met"), Level.WARNING: t.gettext("Met, with a warning"),
                 Level.UNMET: t.gettext("Not met")}
        rows = [[t.gettext(c.rule.label), t.gettext(c.message, **_formatted(t, c)),
                 c.article.label(self.language) if c.article else "", marks[c.level]] for c in checks]
        w = self.width
        return self.grid([t.gettext("Requirement"), t.gettext("On record"), t.gettext("Article"), t.gettext("Finding")],
                         rows, [w * 0.27, w * 0.45, w * 0.14, w * 0.14], centre=(2, 3))

    def _declaration(self) -> list[Flowable]:
        t, f = self.t, self.pack.form
        if self.pack.social:
            text = t.gettext("Under {article} of the Framework Act on Cooperatives, we apply for the authorisation "
                             "of the founding of the social co-op above.",
                             article=AUTHORISATION_REF.label(self.language))
        else:
            text = t.gettext("Under {article} of the Framework Act on Cooperatives, we report the founding of the "
                             "co-op above.", article=REPORT_REF.label(self.language))
        applicant = f.applicant.name if f.applicant else ""
        addressee = f.authority or t.gettext("The mayor or governor of the city or province")
        return [self.para(text, self.formal), Spacer(0, 4 * mm),
                self.para(self.date(f.filed_on) if f.filed_on else self.blank_date(), self.formal_centre),
                Spacer(0, 4 * mm), self.seal_line(self._applicant_word(), applicant), Spacer(0, 4 * mm),
                self.para(t.gettext("To: {authority}", authority=addressee), self.formal)]

    def _attachments(self) -> Table:
        t = self.t
        lines = [self.para(t.gettext("{number}. {paper}, 1 copy", number=t.number(n), paper=t.gettext(part.label)),
                           self.cell)
                 for n, part in enumerate((p for p in PackPart if p is not PackPart.FORM), start=1)]
        half = (len(lines) + 1) // 2
        rows = [[lines[n], lines[n + half] if n + half < len(lines) else ""] for n in range(half)]
        column = (self.width - 30 * mm) / 2 - 3 * mm
        stack = Table(rows, colWidths=[column, column], style=[
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.3 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.3 * mm)])
        return self.boxed_rows([(t.gettext("Papers attached"), stack)], key_width=30 * mm)


def _formatted(t, check: FoundingCheck) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """A check's numbers and dates in the paper's language."""
    out: dict[str, object] = {}
    for key, value in check.params:
        if isinstance(value, bool):
            out[key] = value
        elif isinstance(value, int):
            out[key] = t.number(value)
        elif isinstance(value, dt.date):
            out[key] = t.date(value, "long")
        elif isinstance(value, tuple):
            out[key] = ", ".join(t.gettext(str(v)) for v in value)
        else:
            out[key] = value
    return out
