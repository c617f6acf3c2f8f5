"""The proxy form (위임장), printed blank before the meeting for members to fill in.

Act 23③: the proxy is another member or a family member living with the member, one
proxy represents one member only, and the proxy hands in this written proof.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from coopdesk.documents.fonts import GOTHIC
from coopdesk.documents.meetings.base import RULE, MeetingRenderer
from coopdesk.domain import law
from coopdesk.domain.meetings.papers import ProxyFormPaper


def render_proxy_form(paper: ProxyFormPaper, language: str) -> bytes:
    return ProxyFormRenderer(paper, language).render()


class ProxyFormRenderer(MeetingRenderer):
    def __init__(self, paper: ProxyFormPaper, language: str) -> None:
        super().__init__(paper.meeting, language)
        self.paper = paper

    def title(self) -> str:
        return self.t.gettext("Proxy form")

    def build_story(self) -> list[Flowable]:
        t, m = self.t, self.meeting
        agenda = [self.para(t.gettext("Item {number}. {title}", number=t.number(n), title=title))
                  for n, title in enumerate(self.paper.agenda_titles, start=1)]
        ref = law.PROXY_PRINCIPALS_PER_HOLDER.ref.label(self.language)
        return [
            self.para(self.title(), self.heading),
            self.facts_block([
                (t.gettext("Co-op"), m.coop_name),
                (t.gettext("Meeting"), self.meeting_name()),
                (t.gettext("Date and time"), self.when()),
                (t.gettext("Place"), m.place),
                (t.gettext("Agenda"), agenda or "-"),
            ], pad=1.5 * mm),
            Spacer(0, 5 * mm),
            self.para(t.gettext("I appoint the person below as my proxy to attend the meeting above "
                                "and to exercise my vote on every item of its agenda.")),
            Spacer(0, 4 * mm),
            KeepTogether([self.para(t.gettext("Member giving the proxy"), self.section), self._blank_rows([
                t.gettext("Name"), t.gettext("Member number"), t.gettext("Address"),
                t.gettext("Signature or seal"),
            ])]),
            KeepTogether([self.para(t.gettext("Proxy holder"), self.section), self._blank_rows([
                t.gettext("Name"), t.gettext("Member number (if a member)"),
                t.gettext("Relationship (if a family member living with the member)"),
                t.gettext("Address"),
                t.gettext("Signature or seal"),
            ])]),
            Spacer(0, 6 * mm),
            self.para(t.gettext("Date: ____________________"), self.centred),
            Spacer(0, 6 * mm),
            self.para(t.gettext("To the chair of {coop}", coop=m.coop_name), self.centred_bold),
            Spacer(0, 6 * mm),
            self.para(t.gettext("One proxy represents one member only. The proxy must be another member "
                                "or a family member living with the member, and hands in this form "
                                "at the meeting ({article}).", article=ref), self.note),
        ]

    def _blank_rows(self, labels: Sequence[str]) -> Table:
        """Labelled empty boxes to fill in by hand."""
        width = self.page_size()[0] - self.margins.left - self.margins.right
        key = 66 * mm
        data = [[self.para(label, self.label), ""] for label in labels]
        # Rows grow with a label that wraps; the padding leaves room to write.
        return Table(data, colWidths=[key, width - key], hAlign="LEFT", style=[
                         ("TOPPADDING", (0, 0), (-1, -1), 2.6 * mm),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6 * mm),
                         ("FONT", (0, 0), (-1, -1), GOTHIC, 10),  # never the unembedded Helvetica
                         ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                         ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ])
