"""Share certificates (출자증서): one page for each member, as the model forms lay them out.

A formal page in Myeongjo, framed, without the running header: "제 12-0345 호", the title, the
member, the shares and the amount in figures and in words (금 일십만원정), the share price, the
joining and payment dates, the sentence of certification, the day of issue, the co-op and its
chair, and the place for the co-op's seal.  The audit mark sits small at the foot.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.base import Margins, Progress
from coopdesk.documents.capital.base import IssuedPaperRenderer
from coopdesk.documents.fonts import MYEONGJO_BOLD
from coopdesk.documents.frame import FramedPages, one_page_each
from coopdesk.domain.capital.papers import Certificate, CertificatePaper, Payment

MOST_PAYMENTS = 6  # payment lines on a certificate; more are summed up in one line


def render_certificates(paper: CertificatePaper, language: str, *, progress: Progress | None = None) -> bytes:
    return CertificateRenderer(paper, language, progress=progress).render()


class CertificateRenderer(FramedPages, IssuedPaperRenderer[CertificatePaper]):
    margins = Margins(left=26 * mm, right=26 * mm, top=28 * mm, bottom=26 * mm)

    def __init__(self, paper: CertificatePaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(paper, language, progress=progress)
        self.big = ParagraphStyle("Big", parent=self.styles.body, fontName=MYEONGJO_BOLD, fontSize=30, leading=40,
                                  alignment=TA_CENTER)
        self.number_style = ParagraphStyle("Number", parent=self.formal, fontSize=11)

    def title(self) -> str:
        return self.t.gettext("Share certificate")

    def big_title(self) -> str:
        # The model forms space the four syllables out: "출 자 증 서".
        return " ".join(self.title()) if self.language == "ko" else self.title()

    def build_story(self) -> list[Flowable]:
        certificates = self.paper.certificates
        return one_page_each((self._page(c) for c in certificates), self.ticks(len(certificates)))

    def _page(self, c: Certificate) -> list[Flowable]:
        t = self.t
        return [
            self.para(t.gettext("No. {number}", number=c.number), self.number_style),
            Spacer(0, 10 * mm),
            self.para(self.big_title(), self.big),
            Spacer(0, 12 * mm),
            self.facts_block(self.holder_rows(c.holder, address=True) + self._capital_rows(c), key_width=34 * mm),
            Spacer(0, 10 * mm),
            self.para(t.gettext("This certifies that the member named above holds the shares above in {coop}, "
                                "paid in as stated, under its bylaws and the Framework Act on Cooperatives.",
                                coop=self.coop.name), self.formal),
            Spacer(0, 14 * mm),
            *self.signature(self.paper.issued_on),
        ]

    def _capital_rows(self, c: Certificate) -> list[tuple[str, str]]:
        t = self.t
        rows = [
            (t.gettext("Shares held"), self.shares(c.shares)),
            (t.gettext("Share price"), self.money(self.coop.share_price)),
            (t.gettext("Amount paid in"), self.in_words(c.paid)),
        ]
        if c.unpaid > 0:
            rows.append((t.gettext("Not yet paid"), self.money(c.unpaid)))
        if c.payments:
            rows.append((t.gettext("Paid on"), self._payments(c.payments)))
        return rows

    def _payments(self, payments: tuple[Payment, ...]) -> str:
        t = self.t
        shown = [f"{self.date(p.on)}  {self.money(p.amount)}" for p in payments[:MOST_PAYMENTS]]
        rest = payments[MOST_PAYMENTS:]
        if rest:
            shown.append(t.ngettext("and {count} more, {amount} in all", "and {count} more, {amount} in all",
                                    len(rest), count=t.number(len(rest)),
                                    amount=self.money(sum(p.amount for p in rest))))
        return "\n".join(shown)
