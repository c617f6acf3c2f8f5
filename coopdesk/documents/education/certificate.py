"""Certificates of completion (수료증): one page for each attendee of a session.

A formal page in Myeongjo, framed, without the running header: its number, the person, the
sentence of completion, the course's facts, the day of issue and the chair who signs for the
co-op.  The audit mark sits small at the foot, so a certificate can be matched to the file.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.base import Margins, Progress
from coopdesk.documents.education.base import EducationRenderer
from coopdesk.documents.fonts import GOTHIC, MYEONGJO, MYEONGJO_BOLD, register_fonts
from coopdesk.documents.frame import FramedPages, one_page_each
from coopdesk.domain.education.papers import Attendee, CertificatePaper


def render_certificates(paper: CertificatePaper, language: str, *, progress: Progress | None = None) -> bytes:
    return CertificateRenderer(paper, language, progress=progress).render()


class CertificateRenderer(FramedPages, EducationRenderer):
    margins = Margins(left=28 * mm, right=28 * mm, top=30 * mm, bottom=26 * mm)

    def __init__(self, paper: CertificatePaper, language: str, *, progress: Progress | None = None) -> None:
        register_fonts((GOTHIC, MYEONGJO))
        super().__init__(language, progress=progress)
        self.paper = paper
        body = self.styles.body
        self.big = ParagraphStyle("Big", parent=body, fontName=MYEONGJO_BOLD, fontSize=30, leading=40,
                                  alignment=TA_CENTER)
        self.person = ParagraphStyle("Person", parent=body, fontName=MYEONGJO_BOLD, fontSize=14, leading=22)
        self.formal = ParagraphStyle("Formal", parent=body, fontName=MYEONGJO, fontSize=13, leading=22)
        self.issued = ParagraphStyle("Issued", parent=self.formal, alignment=TA_CENTER)
        self.signer = ParagraphStyle("Signer", parent=self.formal, fontName=MYEONGJO_BOLD, fontSize=15, leading=24,
                                     alignment=TA_CENTER)

    def title(self) -> str:
        return self.t.gettext("Certificate of completion")

    def coop_name(self) -> str:
        return self.paper.session.coop_name

    def document_date(self):  # type: ignore[no-untyped-def]
        return self.paper.issued_on

    def audit_mark(self) -> str:
        return self.paper.session.audit_mark

    def build_story(self) -> list[Flowable]:
        attendees = self.paper.attendees
        return one_page_each((self._page(a) for a in attendees), self.ticks(len(attendees)))

    def _page(self, a: Attendee) -> list[Flowable]:
        t, p = self.t, self.paper
        width = self.page_size()[0] - self.margins.left - self.margins.right
        number = self.para(t.gettext("No. {number}", number=p.number(a)), self.note)
        person = [(t.gettext("Name"), a.name)]
        if a.birth_date is not None:
            person.append((t.gettext("Birth date"), t.date(a.birth_date, "long")))
        return [
            number,
            Spacer(0, 14 * mm),
            self.para(self.title(), self.big),
            Spacer(0, 16 * mm),
            *[self.para(f"{label}: {value}", self.person) for label, value in person],
            Spacer(0, 10 * mm),
            self.para(t.gettext("This certifies that the person named above has completed the course below."),
                      self.formal),
            Spacer(0, 8 * mm),
            self.facts_block(self.session_rows(p.session), key_width=34 * mm, width=width),
            Spacer(0, 22 * mm),
            self.para(t.date(p.issued_on, "long"), self.issued),
            Spacer(0, 12 * mm),
            self.para(p.session.coop_name, self.signer),
            self.para(self._signed_by(), self.signer),
        ]

    def _signed_by(self) -> str:
        chair = self.paper.chair_name or "__________"
        return self.t.gettext("Chair {name} (seal)", name=chair)
