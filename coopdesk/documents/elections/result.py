"""The election result announcement (당선인 공고): who is elected to which office, and for each
contest every candidate's votes, the ballots counted, the rules applied with their article or
bylaws setting, and any tie broken — with the seed of a draw, so that anyone can re-run it.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.elections.base import OFFICE_ORDER, ElectionRenderer
from coopdesk.documents.elections.data import CandidateResult, ContestResult, ResultPaper
from coopdesk.documents.elections.wording import (
    ballots_text,
    contest_heading,
    join_names,
    rule_text,
    say,
    tie_break_lines,
)
from coopdesk.documents.fonts import GOTHIC, GOTHIC_BOLD
from coopdesk.documents.meetings.base import RULE
from coopdesk.domain.elections.contest import Method
from coopdesk.domain.meetings.rules import rules_for

LIGHT = colors.HexColor("#eef1f5")


def render_result(paper: ResultPaper, language: str, *, progress: Progress | None = None) -> bytes:
    """The result announcement as PDF bytes; ``progress(done, total)`` returning False cancels."""
    return ResultRenderer(paper, language, progress=progress).render()


class ResultRenderer(ElectionRenderer):
    def __init__(self, paper: ResultPaper, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(paper.meeting, language, progress=progress)
        self.paper = paper
        self.elected_style = self.label.clone("Elected", fontSize=10)

    def title(self) -> str:
        return self.t.gettext("Announcement of the election result")

    def document_date(self) -> dt.date:
        return self.paper.announced_on

    def build_story(self) -> list[Flowable]:
        t, p = self.t, self.paper
        ticks = self.ticks(len(p.contests) + 1)
        story: list[Flowable] = [
            self.para(self.title(), self.heading),
            self.para(t.gettext("At the {meeting} of {coop} on {date}, the officers below were elected.",
                                meeting=self.meeting_name(), coop=self.meeting.coop_name,
                                date=t.date(self.meeting.date, "long"))),
            Spacer(0, 4 * mm),
            self._summary(),
            ticks[0],
            self.para(t.gettext("The count"), self.section),
        ]
        for contest, tick in zip(p.contests, ticks[1:]):
            story += [self._contest(contest), tick]
        story.append(KeepTogether(self._signed()))
        return story

    def _summary(self) -> Flowable:
        """Who holds which office now: the elected of every round, by office."""
        t, p = self.t, self.paper
        rows: list[tuple[str, str]] = []
        for office in OFFICE_ORDER:
            contests = [c for c in p.contests if c.office is office]
            if contests:
                names = [c.name for contest in contests for c in contest.elected]
                rows.append((self.office(office), join_names(names, t) if names else t.gettext("no one elected")))
        rows += [
            (t.gettext("Date and time"), self.when()),
            (t.gettext("Place"), self.meeting.place),
            (t.gettext("Members present for the vote"), t.gettext("{count} people", count=t.number(p.present))),
        ]
        if p.committee:
            rows.append((t.gettext("Election committee"), join_names(p.committee, t)))
        return self.facts_block(rows, key_width=40 * mm)

    # -- one contest -------------------------------------------------------------------------
    def _contest(self, c: ContestResult) -> Flowable:
        t = self.t
        parts: list[Flowable] = [
            self.para(contest_heading(c.office, c.seats, c.round, t), self.label),
            self.para(ballots_text(c, t), self.note),
            Spacer(0, 1 * mm),
            self._table(c),
            Spacer(0, 1.5 * mm),
        ]
        if c.summary is not None:
            parts.append(self.para(say(t, c.summary)))
        parts += [self.para(f"• {rule_text(rule, t)}", self.note) for rule in c.rules]
        for step in c.tie_breaks + ((c.pending,) if c.pending is not None else ()):
            parts += [self.para(line, self.note) for line in tie_break_lines(step, t)]
        parts.append(Spacer(0, 4 * mm))
        return KeepTogether(parts)

    def _table(self, c: ContestResult) -> Table:
        t = self.t
        approval = c.method is Method.APPROVAL
        counts = [t.gettext("For"), t.gettext("Against")] if approval else [t.gettext("Votes")]
        # Translators: column heading of the election result: "Elected" or nothing
        head = [t.gettext("Candidate"), t.gettext("Member number"), *counts, t.gettext("Outcome")]
        data = [head] + [self._row(r, approval) for r in c.candidates]
        width = self.page_size()[0] - self.margins.left - self.margins.right
        number_w, count_w, result_w = 30 * mm, 22 * mm, 26 * mm
        name_w = width - number_w - len(counts) * count_w - result_w
        bold = [("FONT", (0, n), (-1, n), GOTHIC_BOLD, 10) for n, r in enumerate(c.candidates, start=1) if r.elected]
        return Table(data, colWidths=[name_w, number_w] + [count_w] * len(counts) + [result_w], repeatRows=1,
                     hAlign="LEFT", style=[
                         ("FONT", (0, 0), (-1, -1), GOTHIC, 10),
                         ("FONT", (0, 0), (-1, 0), GOTHIC, 9),
                         *bold,
                         ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                         ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
                         ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                         ("LINEBELOW", (0, -1), (-1, -1), 0.8, RULE),
                         ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                         ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                         ("TOPPADDING", (0, 0), (-1, -1), 1.5 * mm),
                         ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
                     ])

    def _row(self, r: CandidateResult, approval: bool) -> list[str]:
        t = self.t
        number = str(r.member_number) if r.member_number is not None else t.gettext("Not a member")
        counts = [t.number(r.votes), t.number(r.against or 0)] if approval else [t.number(r.votes)]
        return [r.name, number, *counts, t.gettext("Elected") if r.elected else ""]

    def _signed(self) -> list[Flowable]:
        t, p = self.t, self.paper
        role = t.gettext(rules_for(self.meeting.kind).words.convener)
        return [
            Spacer(0, 8 * mm),
            self.para(t.gettext("The result above is announced."), self.centred),
            Spacer(0, 6 * mm),
            self.para(t.date(p.announced_on, "long"), self.centred),
            Spacer(0, 6 * mm),
            self.para(self.meeting.coop_name, self.centred),
            Spacer(0, 3 * mm),
            self.para(t.gettext("{role} {name} (seal)", role=role, name=p.convener), self.centred_bold),
        ]
