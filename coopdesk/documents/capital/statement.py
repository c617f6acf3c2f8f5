"""A member's capital statement (출자금 확인서) as of a day.

The member, their capital on the day (shares, share price, subscribed, paid in figures and in
words, unpaid), the ledger entries that made it, the sentence of confirmation, the day of issue,
and the co-op's chair with the place for its seal.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.base import Progress
from coopdesk.documents.capital.base import IssuedPaperRenderer
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain.capital.papers import StatementLine, StatementPaper
from coopdesk.domain.text import N_

LOOK = TableLook(size=8.5, leading=11)
NOTE_GAP = 5 * mm
# (heading msgid, width in mm or None for "the rest", alignment)
COLUMNS = (
    # Translators: column heading, the number of a capital ledger entry
    (N_("Entry"), 14, "RIGHT"),
    (N_("Date"), 32, "LEFT"),
    (N_("Kind"), 34, "LEFT"),
    (N_("Shares"), 16, "RIGHT"),
    (N_("Amount"), 28, "RIGHT"),
    (N_("Note"), None, "LEFT"),
)


def render_statement(paper: StatementPaper, language: str, *, progress: Progress | None = None) -> bytes:
    return StatementRenderer(paper, language, progress=progress).render()


class StatementRenderer(IssuedPaperRenderer[StatementPaper]):
    def title(self) -> str:
        return self.t.gettext("Capital statement")

    def build_story(self) -> list[Flowable]:
        p, t = self.paper, self.t
        (tick,) = self.ticks(1)
        return [
            *self.member_header(self.holder_rows(p.holder)),
            self.para(t.gettext("Capital as of {date}", date=self.date(p.as_of)), self.section),
            self.facts_block(self._capital_rows()),
            self.para(t.gettext("Ledger entries"), self.section),
            *self._entries(),
            Spacer(0, 8 * mm),
            self.para(t.gettext("This confirms that on {date} the member above holds the capital above in {coop}.",
                                date=self.date(p.as_of), coop=p.coop.name), self.formal),
            Spacer(0, 8 * mm),
            *self.signature(p.issued_on),
            tick,
        ]

    def _capital_rows(self) -> list[tuple[str, str]]:
        p, t = self.paper, self.t
        return [
            (t.gettext("Shares held"), self.shares(p.shares)),
            (t.gettext("Share price"), self.money(p.coop.share_price)),
            (t.gettext("Subscribed"), self.money(p.subscribed)),
            (t.gettext("Amount paid in"), self.in_words(p.paid)),
            (t.gettext("Not yet paid"), self.money(p.unpaid)),
        ]

    def _entries(self) -> list[Flowable]:
        if not self.paper.lines:
            return [self.para(self.t.gettext("No entries on or before this day."), self.note)]
        widths = self._widths()
        align = [("ALIGN", (i, 0), (i, -1), a) for i, (_, _, a) in enumerate(COLUMNS)]
        align.append(("LEFTPADDING", (5, 0), (5, -1), NOTE_GAP))  # the note apart from the amount before it
        return [PagedTable([self.t.gettext(h) for h, _, _ in COLUMNS], self.paper.lines, widths,
                           cells=lambda line: self._cells(line, widths), look=LOOK, style=align)]

    def _widths(self) -> list[float]:
        fixed = sum(w * mm for _, w, _ in COLUMNS if w is not None)
        return [self.usable_width() - fixed if w is None else w * mm for _, w, _ in COLUMNS]

    def _cells(self, line: StatementLine, widths: list[float]) -> list[str]:
        t = self.t
        return [str(line.number), self.t.date(line.on, "medium"),
                wrap_text(self.kind(line.kind), widths[2] - 2 * LOOK.pad_x, LOOK.font, LOOK.size),
                t.number(line.shares) if line.shares else "", t.number(line.amount) if line.amount else "",
                wrap_text(line.note, widths[5] - LOOK.pad_x - NOTE_GAP, LOOK.font, LOOK.size) if line.note else ""]
