"""The meeting notice (소집통지서): purpose, agenda, date and place (Act 28④).

"Agenda to follow" is not a valid notice, so a notice without agenda items is refused
(``meeting_papers.check_notice``) rather than printed.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coopdesk.documents.meetings.base import MeetingRenderer
from coopdesk.domain import law
from coopdesk.domain.meetings.papers import NoticePaper, check_notice
from coopdesk.domain.meetings.rules import rules_for

def render_notice(paper: NoticePaper, language: str) -> bytes:
    """The notice as PDF bytes; refuses a notice with no agenda or no place."""
    check_notice(paper)
    return NoticeRenderer(paper, language).render()


class NoticeRenderer(MeetingRenderer):
    def __init__(self, paper: NoticePaper, language: str) -> None:
        super().__init__(paper.meeting, language)
        self.paper = paper

    def title(self) -> str:
        return self.t.gettext("Notice of the {meeting}", meeting=self.meeting_name())

    def build_story(self) -> list[Flowable]:
        t, p, m = self.t, self.paper, self.meeting
        rules = rules_for(m.kind)
        addressee = rules.words.addressee
        story: list[Flowable] = [
            self.para(self.title(), self.heading),
            self.para(t.gettext(addressee, coop=m.coop_name), self.label),
            Spacer(0, 2 * mm),
            self.para(t.gettext("The {meeting} of {coop} is called as follows. Please attend.",
                                meeting=self.meeting_name(), coop=m.coop_name)),
            Spacer(0, 5 * mm),
            self.facts_block([
                (t.gettext("Meeting"), self.kind_label()),
                (t.gettext("Date and time"), self.when()),
                (t.gettext("Place"), m.place),
                (t.gettext("Purpose"), p.purpose),
                (t.gettext("Agenda"), self._agenda()),
            ]),
            Spacer(0, 4 * mm),
        ]
        if rules.proxies:
            proxy = law.PROXY_PRINCIPALS_PER_HOLDER.ref
            story.append(self.para(t.gettext(rules.words.proxy_note, article=proxy.label(self.language)),
                                   self.note))
        story += [Spacer(0, 14 * mm), *self._signed()]
        return story

    def _agenda(self) -> list[Flowable]:
        t = self.t
        return [self.para(t.gettext("Item {number}. {title} ({kind})", number=t.number(n),
                                    title=line.title,
                                    kind=t.gettext(rules_for(self.meeting.kind).kind_label(line.kind))))
                for n, line in enumerate(self.paper.agenda, start=1)]

    def _signed(self) -> list[Flowable]:
        t, p = self.t, self.paper
        role = t.gettext(rules_for(self.meeting.kind).words.convener)
        story: list[Flowable] = [
            self.para(t.date(p.notice_date, "long"), self.centred),
            Spacer(0, 8 * mm),
            self.para(self.meeting.coop_name, self.centred),
            self.para(t.gettext("Main office: {address}", address=p.main_office), self.centred),
            Spacer(0, 3 * mm),
            self.para(t.gettext("{role} {name} (seal)", role=role, name=p.convener), self.centred_bold),
        ]
        if p.method.strip():
            story += [Spacer(0, 10 * mm), self.para(t.gettext(
                "Sent on {date} by {method}.", date=t.date(p.notice_date, "long"), method=p.method),
                self.note)]
        return story
