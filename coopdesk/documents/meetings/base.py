"""What the papers of a meeting share: the running header with the meeting date, a
centred title, the "key: value" facts block, times, and sentences from the domain.

Built on ``DocumentRenderer``; the notice, attendance sheet, proxy form and minutes each
override ``title()`` and ``build_story()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

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
from coopdesk.domain.meetings.papers import MeetingFacts
from coopdesk.domain.meetings.resolutions import Explanation


class MeetingRenderer(DocumentRenderer):
    """A document about one meeting; ``meeting`` gives the header and the facts."""

    def __init__(self, meeting: MeetingFacts, language: str, *, progress: Progress | None = None,
                 step: int = 500) -> None:
        super().__init__(language, progress=progress, step=step)
        self.meeting = meeting
        s = self.styles
        self.heading = ParagraphStyle("Heading", parent=s.title, alignment=TA_CENTER,
                                      fontSize=18, leading=24, spaceAfter=6 * mm)
        self.section = ParagraphStyle("Section", parent=s.body, fontName=GOTHIC_BOLD,
                                      fontSize=11, leading=16, spaceBefore=4 * mm, spaceAfter=1.5 * mm)
        self.label, self.centred, self.note = s.label, s.centred, s.note
        self.centred_bold = ParagraphStyle("CentredBold", parent=self.section, alignment=TA_CENTER)
        self.seal = ParagraphStyle("Seal", parent=self.note, alignment=TA_RIGHT)

    def audit_mark(self) -> str:
        return self.meeting.audit_mark

    def coop_name(self) -> str:
        return self.meeting.coop_name

    def document_date(self) -> dt.date:
        return self.meeting.date

    # -- text ------------------------------------------------------------------
    def kind_label(self) -> str:
        return self.t.gettext(self.meeting.kind.label)

    def meeting_name(self) -> str:
        """The meeting's own title, or its kind when it has none."""
        return self.meeting.title.strip() or self.kind_label()

    def when(self, start: dt.time | None = None, end: dt.time | None = None) -> str:
        """"2026년 3월 28일 14:00 ~ 16:10"; the date alone if no time is known."""
        text = self.t.date(self.meeting.date, "full")
        start = start or self.meeting.start
        if start is not None:
            text += " " + clock(start)
            if end is not None:
                text += " ~ " + clock(end)
        return text

    def say(self, sentence: Explanation) -> str:
        return say(self.t, sentence)

    # -- blocks ----------------------------------------------------------------
    def facts_block(self, rows: Sequence[tuple[str, str | Flowable | list[Flowable]]],
                    key_width: float = 46 * mm, pad: float = 2.5 * mm) -> Table:
        """Label and value rows, ruled above and below, as Korean forms lay them out."""
        width = self.usable_width()
        data = [[self.para(key, self.label), value if not isinstance(value, str) else self.para(value)]
                for key, value in rows]
        return Table(data, colWidths=[key_width, width - key_width], hAlign="LEFT", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10),  # else reportlab names Helvetica, not embedded
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, -2), 0.3, LIGHT_RULE),
            ("BACKGROUND", (0, 0), (0, -1), KEY_BACKGROUND),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.5 * mm),
        ])

    def signature_table(self, rows: Sequence[tuple[str, str]], seal: str) -> Table:
        """Role, name and a line to sign on, with "(인)"/"(seal)" at its end."""
        data = [[self.para(role, self.label), self.para(name), self.para(seal, self.seal)]
                for role, name in rows]
        return Table(data, colWidths=[50 * mm, 45 * mm, 60 * mm], rowHeights=[13 * mm] * len(data),
                     hAlign="RIGHT", style=[
                         ("FONT", (0, 0), (-1, -1), GOTHIC, 10),
                         ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                         ("LINEBELOW", (2, 0), (2, -1), 0.6, colors.black),
                     ])
