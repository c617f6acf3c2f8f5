"""What the education papers share: styles, the "label: value" facts of a session, hours in words,
and progress with Cancel a page at a time."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table

from coopdesk.documents.base import (
    KEY_BACKGROUND,
    LIGHT_RULE,
    RULE,
    DocumentRenderer,
    Progress,
    clock,
    say,
)
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.domain.education.hours import duration_words
from coopdesk.domain.education.papers import SessionFacts
from coopdesk.domain.education.sessions import ORGANISER_LABELS, Organiser, SessionKind
from coopdesk.i18n import Translator


def hours(t: Translator, minutes: int) -> str:
    """90 minutes: "1 h 30 min", "1시간 30분"."""
    return say(t, duration_words(minutes))


class EducationRenderer(DocumentRenderer):
    """A paper of the education area; ``progress(done, total)`` returning False cancels."""

    def __init__(self, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress, step=1)
        s = self.styles
        self.heading = ParagraphStyle("Heading", parent=s.title, alignment=TA_CENTER, fontSize=18, leading=24,
                                      spaceAfter=5 * mm)
        self.section = ParagraphStyle("Section", parent=s.body, fontName=GOTHIC_BOLD, fontSize=11, leading=16,
                                      spaceBefore=5 * mm, spaceAfter=2 * mm)
        self.label, self.centred, self.note = s.label, s.centred, s.note
        self.right = ParagraphStyle("Right", parent=s.body, alignment=TA_RIGHT)

    # -- words -----------------------------------------------------------------------------
    def kind(self, kind: SessionKind) -> str:
        return self.t.gettext(kind.label)

    def organiser(self, organiser: Organiser) -> str:
        return self.t.gettext(ORGANISER_LABELS[organiser])

    def hours(self, minutes: int) -> str:
        return hours(self.t, minutes)

    def when(self, facts: SessionFacts) -> str:
        """"2026년 3월 14일 토요일 14:00 ~ 16:00"."""
        return f"{self.t.date(facts.held_on, 'full')} {clock(facts.starts_at)} ~ {clock(facts.ends_at)}"

    # -- blocks ----------------------------------------------------------------------------
    def facts_block(self, rows: Sequence[tuple[str, str]], key_width: float = 40 * mm,
                    width: float | None = None) -> Table:
        """Label and value rows, ruled above and below, as Korean forms lay them out."""
        width = width or self.usable_width()
        data = [[self.para(key, self.label), self.para(value)] for key, value in rows]
        return Table(data, colWidths=[key_width, width - key_width], hAlign="CENTER", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10),  # else reportlab names Helvetica, not embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT_RULE),
            ("BACKGROUND", (0, 0), (0, -1), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ])

    def session_rows(self, facts: SessionFacts) -> list[tuple[str, str]]:
        t = self.t
        rows = [(t.gettext("Topic"), facts.topic), (t.gettext("Kind"), self.kind(facts.kind)),
                (t.gettext("Date and time"), self.when(facts)), (t.gettext("Hours"), self.hours(facts.minutes))]
        rows += [(label, value) for label, value in ((t.gettext("Place"), facts.place),
                                                     (t.gettext("Instructor"), facts.instructor)) if value]
        rows.append((t.gettext("Organised by"), self.organiser(facts.organiser)))
        return rows
