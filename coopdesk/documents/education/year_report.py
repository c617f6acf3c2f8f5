"""The yearly education report (교육 실적 보고): for the ordinary assembly's business report.

The year's figures first (sessions, hours, attendances, the share of members reached), then
the sessions by kind and the attendance by member type, then every session of the year in a
table whose header repeats on each page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.education.base import RULE, EducationRenderer
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.documents.tables import PagedTable, TableLook, wrap_text
from coopdesk.domain import law
from coopdesk.domain.education.report import EducationYear, SessionLine

LOOK = TableLook(size=8.5, leading=11, pad_y=2 * mm, pad_x=1.6 * mm)


def render_year_report(report: EducationYear, language: str, *, progress: Progress | None = None) -> bytes:
    return YearReportRenderer(report, language, progress=progress).render()


class YearReportRenderer(EducationRenderer):
    def __init__(self, report: EducationYear, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(language, progress=progress)
        self.report = report
        usable = self.page_size()[0] - self.margins.left - self.margins.right
        self.usable = usable
        fixed = [24 * mm, 34 * mm, 0.0, 32 * mm, 20 * mm, 20 * mm]
        fixed[2] = usable - sum(fixed)
        self.widths = fixed

    def title(self) -> str:
        return self.t.gettext("Education report, fiscal year {year}", year=str(self.report.year))

    def coop_name(self) -> str:
        return self.report.coop_name

    def audit_mark(self) -> str:
        return self.report.audit_mark

    def build_story(self) -> list[Flowable]:
        t, r = self.t, self.report
        period = t.gettext("{start} – {end}", start=t.date(r.first_day, "long"), end=t.date(r.last_day, "long"))
        duty = law.EDUCATION_DUTY.ref.label(self.language)
        story: list[Flowable] = [
            self.para(self.title(), self.heading),
            self.para(f"{r.coop_name}  ·  {period}", self.centred),
            Spacer(0, 6 * mm),
            self.facts_block(self._figures(), key_width=70 * mm),
            Spacer(0, 2 * mm),
            self.para(t.gettext("Members reached: members on the register on the last day of the year who "
                                "attended at least one session during the year."), self.note),
            self.para(t.gettext("Co-ops actively provide education, training and information to their members "
                                "and staff ({article}).", article=duty), self.note),
        ]
        if r.by_kind:
            story += [self.para(t.gettext("Sessions by kind"), self.section), self._by_kind()]
        story += [self.para(t.gettext("Attendance by member type"), self.section), self._by_type()]
        story += [self.para(t.gettext("Sessions of the year"), self.section)]
        if r.sessions:
            story.append(self._sessions())
        else:
            story.append(self.para(t.gettext("No session was held this year."), self.styles.body))
        return story

    # -- the parts ------------------------------------------------------------------------
    def _figures(self) -> list[tuple[str, str]]:
        t, r = self.t, self.report
        share = r.share
        reached = t.gettext("{reached} of {members} ({percent}%)", reached=t.number(r.members_reached),
                            members=t.number(r.members_at_end), percent=t.number(r.share_percent)) \
            if share is not None else t.gettext("No member on the register")
        return [
            (t.gettext("Sessions held"), t.number(len(r.sessions))),
            (t.gettext("Hours of education given"), self.hours(r.minutes)),
            (t.gettext("Attendances"), t.number(r.attendances)),
            (t.gettext("Hours received by attendees, together"), self.hours(r.person_minutes)),
            (t.gettext("Members on the register at the year's end"), t.number(r.members_at_end)),
            (t.gettext("Members reached"), reached),
        ]

    def _grid(self, data: list[list[str]], widths: list[float]) -> Table:
        return Table(data, colWidths=widths, hAlign="LEFT", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 9, 12),
            ("FONT", (0, 0), (-1, 0), GOTHIC_BOLD, 9, 12),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde3ea")),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
        ])

    def _by_kind(self) -> Table:
        t = self.t
        data = [[t.gettext("Kind"), t.gettext("Sessions"), t.gettext("Hours"), t.gettext("Attendances")]]
        data += [[self.kind(k.kind), t.number(k.sessions), self.hours(k.minutes), t.number(k.attendances)]
                 for k in self.report.by_kind]
        return self._grid(data, [70 * mm, 30 * mm, 40 * mm, 30 * mm])

    def _by_type(self) -> Table:
        t = self.t
        data = [[t.gettext("Member type"), t.gettext("Attendances"), t.gettext("People"),
                 t.gettext("Hours received")]]
        for line in self.report.by_type:
            name = line.member_type if line.member_type is not None else t.gettext("Not yet members")
            data.append([name, t.number(line.attendances), t.number(line.people), self.hours(line.person_minutes)])
        return self._grid(data, [70 * mm, 30 * mm, 30 * mm, 40 * mm])

    def _sessions(self) -> PagedTable:
        t = self.t
        headings = [t.gettext("Date"), t.gettext("Kind"), t.gettext("Topic"), t.gettext("Organised by"),
                    t.gettext("Hours"), t.gettext("Attendees")]
        self.progress.total = len(self.report.sessions)
        return PagedTable(headings, self.report.sessions, self.widths, cells=self._session_cells, look=LOOK,
                          style=[("ALIGN", (4, 0), (5, -1), "RIGHT")], progress=self.progress)

    def _session_cells(self, s: SessionLine) -> list[str]:
        t, w = self.t, self.widths
        wrap = lambda text, col: wrap_text(text, w[col] - 2 * LOOK.pad_x, LOOK.font, LOOK.size)
        return [t.date(s.held_on), wrap(self.kind(s.kind), 1), wrap(s.topic, 2), wrap(self.organiser(s.organiser), 3),
                self.hours(s.minutes), t.number(s.attendees)]
