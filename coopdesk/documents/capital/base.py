"""What the capital papers share: styles, amounts in figures and words, the "label: value"
blocks of a Korean form, the place for the co-op's seal, and progress with Cancel a page at a time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from coopdesk.documents.base import (
    KEY_BACKGROUND,
    LIGHT_RULE,
    RULE,
    DocumentRenderer,
    Progress,
)
from coopdesk.documents.fonts import (
    GOTHIC,
    GOTHIC_BOLD,
    MYEONGJO,
    MYEONGJO_BOLD,
)
from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.papers import CoopFacts, Holder
from coopdesk.domain.capital.words import won_in_words
from coopdesk.domain.members.standing import MemberStatus

SEAL = colors.HexColor("#b0b6c0")


class IssuedPaper(Protocol):
    """What a paper issued on a day holds besides its own facts."""

    @property
    def coop(self) -> CoopFacts: ...

    @property
    def issued_on(self) -> dt.date: ...


P = TypeVar("P", bound=IssuedPaper)


class CapitalRenderer(DocumentRenderer):
    """A paper of the capital area; ``progress(done, total)`` returning False cancels."""

    fonts = (GOTHIC, MYEONGJO)

    def __init__(self, coop: CoopFacts, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress, step=1)
        self.coop = coop
        s = self.styles
        self.heading = ParagraphStyle("Heading", parent=s.title, alignment=TA_CENTER, fontSize=18, leading=24,
                                      spaceAfter=4 * mm)
        self.section = ParagraphStyle("Section", parent=s.body, fontName=GOTHIC_BOLD, fontSize=11, leading=16,
                                      spaceBefore=5 * mm, spaceAfter=2 * mm)
        self.label, self.note = s.label, s.note
        self.formal = ParagraphStyle("Formal", parent=s.body, fontName=MYEONGJO, fontSize=12, leading=20)
        self.issued = ParagraphStyle("Issued", parent=self.formal, alignment=TA_CENTER)
        self.signer = ParagraphStyle("Signer", parent=self.formal, fontName=MYEONGJO_BOLD, fontSize=14,
                                     leading=22, alignment=TA_RIGHT)

    def coop_name(self) -> str:
        return self.coop.name

    def audit_mark(self) -> str:
        return self.coop.audit_mark

    # -- words -----------------------------------------------------------------------------
    def money(self, won: int) -> str:
        return self.t.money(won)

    def in_words(self, won: int) -> str:
        """"금 일십만원정 (100,000원)": the words first, as the model forms write them."""
        return f"{won_in_words(won, self.language)} ({self.money(won)})"

    def shares(self, count: int) -> str:
        return self.t.ngettext("{count} share", "{count} shares", count, count=self.t.number(count))

    def date(self, day: dt.date | None) -> str:
        return self.t.date(day, "long") if day is not None else ""

    def status(self, status: MemberStatus) -> str:
        return self.t.gettext(status.label)

    def kind(self, kind: EntryKind) -> str:
        return self.t.gettext(kind.label)

    def signed_by(self) -> str:
        return self.t.gettext("Chair {name}", name=self.coop.chair_name or "__________")

    # -- blocks ----------------------------------------------------------------------------
    def facts_block(self, rows: Sequence[tuple[str, str]], key_width: float = 38 * mm,
                    width: float | None = None) -> Table:
        """Label and value rows, ruled above and below, as Korean forms lay them out."""
        width = width or self.usable_width()
        data = [[self.para(key, self.label), self.para(value)] for key, value in rows]
        return Table(data, colWidths=[key_width, width - key_width], hAlign="CENTER", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10),  # else reportlab names Helvetica, not embedded
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT_RULE),
            ("BACKGROUND", (0, 0), (0, -1), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ])

    def member_header(self, rows: Sequence[tuple[str, str]]) -> list[Flowable]:
        """The top of a paper about one member: its title, then the member's facts."""
        return [self.para(self.title(), self.heading), self.para(self.t.gettext("Member"), self.section),
                self.facts_block(rows)]

    def holder_rows(self, h: Holder, *, address: bool = False) -> list[tuple[str, str]]:
        t = self.t
        rows = [(t.gettext("Member number"), str(h.number)), (t.gettext("Name"), h.name)]
        if h.birth_date is not None:
            rows.append((t.gettext("Birth date"), self.date(h.birth_date)))
        if h.member_type:
            rows.append((t.gettext("Member type"), h.member_type))
        if address and h.address:
            rows.append((t.gettext("Address"), h.address))
        if h.joined_on is not None:
            rows.append((t.gettext("Joined"), self.date(h.joined_on)))
        return rows

    def signature(self, issued_on: dt.date) -> list[Flowable]:
        """The day of issue, the co-op and its chair, and a place for the co-op's seal (직인)."""
        width = self.usable_width()
        signer = Table([[[self.para(self.coop.name, self.signer), self.para(self.signed_by(), self.signer)],
                         SealPlace(self.t.gettext("Seal"))]],
                       colWidths=[width - 26 * mm, 26 * mm], hAlign="CENTER", style=[
                           ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                           ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        return [self.para(self.date(issued_on), self.issued), signer]


class IssuedPaperRenderer(CapitalRenderer, Generic[P]):
    """A capital paper drawn from one value of the domain, dated in its header the day it is issued."""

    def __init__(self, paper: P, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(paper.coop, language, progress=progress)
        self.paper = paper

    def document_date(self) -> dt.date:
        return self.paper.issued_on


class SealPlace(Flowable):
    """A faint circle where the co-op's seal (직인) is pressed, its word inside."""

    def __init__(self, word: str, diameter: float = 20 * mm) -> None:
        super().__init__()
        self.word, self.diameter = word, diameter

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.diameter + 4 * mm, self.diameter

    def draw(self) -> None:
        c: Canvas = self.canv
        r = self.diameter / 2
        c.saveState()
        c.setStrokeColor(SEAL)
        c.setFillColor(SEAL)
        c.setDash(2, 2)
        c.setLineWidth(0.8)
        c.circle(4 * mm + r, r, r)
        c.setFont(GOTHIC, 9)
        c.drawCentredString(4 * mm + r, r - 3, self.word)
        c.restoreState()
