"""The member register (조합원 명부) as a PDF: landscape A4, one row per member.

A register can hold 100,000 members (2,500+ pages), so rows become cells lazily, page by
page (``PagedTable``), dates are formatted once per distinct day, and cells are plain
pre-wrapped strings rather than Paragraphs, which take over ten times as long to lay out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Flowable, Paragraph

from coopdesk.documents.base import DocumentRenderer, Progress
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain.members.register import RegisterHeader, RegisterRow
from coopdesk.domain.members.standing import MemberStatus
from coopdesk.domain.text import N_

LOOK = TableLook()

# (heading msgid, width in points or None for "the rest", alignment)
COLUMNS: tuple[tuple[str, float | None, str], ...] = (
    # Translators: column heading, the member number
    (N_("No."), 36, "RIGHT"),
    (N_("Name"), 72, "LEFT"),
    # Translators: column heading, the member type of the bylaws
    (N_("Type"), 72, "LEFT"),
    (N_("Birth date"), 58, "LEFT"),
    (N_("Phone"), 66, "LEFT"),
    (N_("Address"), None, "LEFT"),
    (N_("Joined"), 58, "LEFT"),
    # Translators: column heading, the date the member left the co-op
    (N_("Left"), 58, "LEFT"),
    (N_("Status"), 56, "LEFT"),
    # The capital on the register's day (Act 22): shares subscribed and won paid in.
    (N_("Shares held"), 50, "RIGHT"),
    (N_("Paid in"), 58, "RIGHT"),
)
DATE_STYLE = "medium"  # "short" prints two-digit years, ambiguous for birth dates


def render_register(header: RegisterHeader, rows: Sequence[RegisterRow], language: str, *,
                    progress: Progress | None = None) -> bytes:
    """The register as PDF bytes; ``progress(done, total)`` returning False cancels."""
    return RegisterRenderer(header, rows, language, progress=progress).render()


class RegisterRenderer(DocumentRenderer):
    def __init__(self, header: RegisterHeader, rows: Sequence[RegisterRow], language: str, *,
                 progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress)
        self.header, self.rows = header, rows
        self.progress.total = len(rows)
        self._dates: dict[dt.date, str] = {}
        self._statuses = {s: self.t.gettext(s.label) for s in MemberStatus}
        self.widths = self._column_widths()

    def page_size(self) -> tuple[float, float]:
        return landscape(A4)

    def title(self) -> str:
        return self.t.gettext("Member register")

    def audit_mark(self) -> str:
        return self.header.audit_mark

    def coop_name(self) -> str:
        return self.header.coop_name

    def document_date(self) -> dt.date:
        return self.header.as_of

    def build_story(self) -> list[Flowable]:
        align = [("ALIGN", (i, 0), (i, -1), a) for i, (_, _, a) in enumerate(COLUMNS)]
        table = PagedTable(
            [self.t.gettext(msgid) for msgid, _, _ in COLUMNS], self.rows, self.widths,
            cells=self._cells, look=LOOK, style=align, progress=self.progress,
        )
        return [
            Paragraph(escape(self.title()), self.styles.title),
            Paragraph(escape(self._summary()), self.styles.info),
            table,
        ]

    def _summary(self) -> str:
        """The line under the title: main office, the date, how many members."""
        h, t = self.header, self.t
        return "  ·  ".join((
            t.gettext("Main office: {address}", address=h.main_office),
            t.gettext("As of {date}", date=t.date(h.as_of, "long")),
            t.ngettext("{count} member", "{count} members", h.member_count,
                       count=t.number(h.member_count)),
        ))

    def _column_widths(self) -> list[float]:
        m = self.margins
        usable = self.page_size()[0] - m.left - m.right
        fixed = sum(w for _, w, _ in COLUMNS if w is not None)
        return [usable - fixed if w is None else w for _, w, _ in COLUMNS]

    def _cells(self, row: RegisterRow) -> list[str]:
        w = self.widths
        return [
            str(row.number),  # a member number is an identifier: no thousands separator
            self._wrap(row.name, w[1]),
            self._wrap(row.member_type, w[2]),
            self._date(row.birth_date),
            self._wrap(row.phone, w[4]),
            self._wrap(row.address, w[5]),
            self._date(row.joined_on),
            self._date(row.left_on),
            self._wrap(self._statuses[row.status], w[8]),
            self._number(row.shares),
            self._number(row.paid),
        ]

    def _number(self, value: int | None) -> str:
        return "" if value is None else self.t.number(value)

    def _wrap(self, text: str, width: float) -> str:
        return wrap_text(text, width - 2 * LOOK.pad_x, LOOK.font, LOOK.size) if text else ""

    def _date(self, day: dt.date | None) -> str:
        # Babel is slow (~20 µs a call) and 100,000 members share few distinct dates.
        if day is None:
            return ""
        text = self._dates.get(day)
        if text is None:
            text = self._dates[day] = self.t.date(day, DATE_STYLE)
        return text
