"""A leaver's refund statement (지분환급 명세서, Act 26–27, 29②).

The member and how they left; the amount: paid-in capital, less their share of the losses
where the bylaws say so, plus equity beyond it where a general co-op's bylaws say so, the
refund in figures and in words; when it could be claimed and when the claim lapses; whether the
co-op withholds it; the special resolution that approved it; refunded (the ledger's entry) or
still due.  The co-op signs and seals it, and the member signs for what they received.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.capital.base import IssuedPaperRenderer
from coopdesk.documents.fonts import GOTHIC
from coopdesk.domain.capital.papers import RefundPaper


def render_refund_statement(paper: RefundPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return RefundRenderer(paper, language, progress=progress).render()


class RefundRenderer(IssuedPaperRenderer[RefundPaper]):
    def title(self) -> str:
        return self.t.gettext("Refund statement")

    def build_story(self) -> list[Flowable]:
        p, t = self.paper, self.t
        (tick,) = self.ticks(1)
        return [
            *self.member_header(self._member_rows()),
            self.para(t.gettext("Amount"), self.section),
            self.facts_block(self._amount_rows()),
            self.para(t.gettext("Claim"), self.section),
            self.facts_block(self._claim_rows()),
            Spacer(0, 6 * mm),
            self.para(self._sentence(), self.formal),
            Spacer(0, 6 * mm),
            *self.signature(p.issued_on),
            Spacer(0, 6 * mm),
            self._receipt(),
            tick,
        ]

    def _member_rows(self) -> list[tuple[str, str]]:
        p, t = self.paper, self.t
        rows = self.holder_rows(p.holder)
        rows.append((t.gettext("Left"), f"{self.date(p.left_on)} ({self.status(p.holder.status)})"))
        return rows

    def _amount_rows(self) -> list[tuple[str, str]]:
        p, t = self.paper, self.t
        rows = [(t.gettext("Shares held"), self.shares(p.shares)), (t.gettext("Paid-in capital"), self.money(p.paid_in)),
                (t.gettext("Share of losses borne"), self.money(-p.loss_share) if p.loss_share else self.money(0))]
        if p.equity_extra:
            rows.append((t.gettext("Equity beyond paid-in capital"), self.money(p.equity_extra)))
        label = t.gettext("Amount refunded") if p.refunded_on else t.gettext("Amount due")
        rows.append((label, self.in_words(p.cash)))
        return rows

    def _claim_rows(self) -> list[tuple[str, str]]:
        p, t = self.paper, self.t
        w = p.window
        rows = [
            (t.gettext("Claimable from"), self.date(w.claim_from)),
            (t.gettext("Lapses"), t.gettext("{day} (the claim can be made until {last_day})",
                                            day=self.date(w.lapses_on), last_day=self.date(w.last_day))),
            (t.gettext("Withheld"), t.gettext("Withheld since {date}, while the member owes the co-op",
                                              date=self.date(p.withheld_since))
             if p.withheld_since else t.gettext("Not withheld")),
            (t.gettext("Approving resolution"), self._resolution()),
        ]
        if p.refunded_on is not None:
            rows.append((t.gettext("Refunded"), t.gettext("{date}, ledger entry {entry}",
                                                          date=self.date(p.refunded_on), entry=p.entry_number)))
        else:
            rows.append((t.gettext("Refunded"), t.gettext("Not yet: {state} on {date}", date=self.date(p.issued_on),
                                                          state=t.gettext(p.state.label))))
        return rows

    def _resolution(self) -> str:
        r, t = self.paper.resolution, self.t
        if r is None:
            return t.gettext("None linked yet: a refund to a member who withdrew or was expelled needs a special "
                             "resolution of the general assembly.")
        kind = t.gettext("special resolution") if r.special else t.gettext("ordinary resolution")
        outcome = t.gettext("passed") if r.passed else t.gettext("not passed")
        title = t.gettext(r.title) if r.standard_title else r.title
        return t.gettext("Item {item} “{title}” of the {meeting} held on {date}: {kind}, {outcome}",
                         item=r.position, title=title, meeting=r.meeting_title, date=self.date(r.held_on),
                         kind=kind, outcome=outcome)

    def _sentence(self) -> str:
        p, t = self.paper, self.t
        if p.refunded_on is not None:
            return t.gettext("{coop} refunded the capital above to the member who left, as stated.", coop=p.coop.name)
        return t.gettext("This states the refund due to the member who left, as the record of {coop} stands on "
                         "{date}.", coop=p.coop.name, date=self.date(p.issued_on))

    def _receipt(self) -> Table:
        """A line where the member (or their heir) signs for what they received."""
        t = self.t
        width = self.usable_width()
        return Table([[t.gettext("Received by"), "", t.gettext("(signature)")]],
                     colWidths=[38 * mm, width - 38 * mm - 30 * mm, 30 * mm], style=[
                         ("FONT", (0, 0), (-1, -1), GOTHIC, 10),
                         ("LINEBELOW", (1, 0), (1, 0), 0.6, self.styles.info.textColor),
                         ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                     ])
