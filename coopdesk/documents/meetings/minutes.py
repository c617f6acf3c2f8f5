"""The minutes (의사록) of a general assembly, founding meeting or board meeting.

Laid out as Korean co-ops file them: the facts of the meeting, the quorum statement,
each item with its proposal, discussion and result in words, the closing, and the
signature block Act 30③ asks for — the chair and at least three members elected at the
meeting (for a board, the directors who attended).  Final minutes without those signers
are refused; a draft prints with a large DRAFT mark on every page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Spacer

from coopdesk.documents.fonts import GOTHIC_BOLD
from coopdesk.documents.meetings.base import MeetingRenderer, clock, say
from coopdesk.domain import law
from coopdesk.domain.meetings.papers import (
    ExpulsionFacts,
    MinutesItem,
    MinutesPaper,
    excluded_words,
    minute_signatures,
    quorum_statement,
    result_words,
)
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.meetings.signers import Signatures
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator

_PEOPLE = N_("{count} people")  # a headcount: "11명" in Korean
DRAFT_GREY = colors.Color(0.55, 0.58, 0.64, alpha=0.28)


def render_minutes(paper: MinutesPaper, language: str) -> bytes:
    """The minutes as PDF bytes.  Refuses final minutes without the signers the law asks
    for (``meetings.check_minute_signers``, Act 30③)."""
    signatures = minute_signatures(paper)
    return MinutesRenderer(paper, language, signatures).render()


def result_text(item: MinutesItem, meeting: MeetingKind, language: str) -> str:
    """An item's result in words in ``language``: "출석 조합원 10명 중 찬성 8명, …"."""
    return say(Translator(language), result_words(item, meeting))


class MinutesRenderer(MeetingRenderer):
    def __init__(self, paper: MinutesPaper, language: str, signatures: Signatures | None) -> None:
        super().__init__(paper.meeting, language)
        self.paper, self.signatures = paper, signatures

    def title(self) -> str:
        return self.t.gettext("Minutes")

    # -- every page: the header, and the DRAFT mark under the text ----------------
    def draw_first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draft_mark(canvas)
        super().draw_first_page(canvas, doc)

    def draw_later_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._draft_mark(canvas)
        super().draw_later_page(canvas, doc)

    def _draft_mark(self, canvas: Canvas) -> None:
        if not self.paper.draft:
            return
        width, height = self.page_size()
        canvas.saveState()
        canvas.setFillColor(DRAFT_GREY)
        canvas.setFont(GOTHIC_BOLD, 110)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -35, self.t.gettext("DRAFT"))
        canvas.restoreState()

    # -- the story ------------------------------------------------------------------
    def build_story(self) -> list[Flowable]:
        t, p = self.t, self.paper
        story: list[Flowable] = [
            self.para(t.gettext("Minutes of the {meeting}", meeting=self.meeting_name()), self.heading),
            self._facts(),
            self.para(t.gettext("Opening"), self.section),
            self.para(self.say(quorum_statement(p))),
        ]
        if p.items:
            story.append(self.para(t.gettext("Proceedings"), self.section))
            story += [self._item(n, item) for n, item in enumerate(p.items, start=1)]
        story.append(self.para(t.gettext("Closing"), self.section))
        if p.closed is not None:
            story.append(self.para(t.gettext("Having dealt with every item, the chair declared the "
                                             "meeting closed at {time}.", time=clock(p.closed))))
        story.append(KeepTogether(self._signature_block()))
        return story

    def _facts(self) -> Flowable:
        t, p, rules = self.t, self.paper, rules_for(self.meeting.kind)
        register = t.gettext(rules.words.register_in_minutes)
        if rules.proxies:
            present = t.gettext("{present} ({in_person} in person, {by_proxy} by proxy)", present=t.number(p.present),
                                in_person=t.number(p.in_person), by_proxy=t.number(p.by_proxy))
        else:
            present = t.gettext(_PEOPLE, count=t.number(p.present))
        return self.facts_block([
            (t.gettext("Meeting"), self.kind_label()),
            (t.gettext("Date and time"), self.when(p.opened, p.closed)),
            (t.gettext("Place"), self.meeting.place),
            (register, t.gettext(_PEOPLE, count=t.number(p.members))),  # "재적 조합원 11명"
            (t.gettext("Present"), present),
            (t.gettext("Chair of the meeting"), p.chair.name if p.chair else ""),
        ])

    def _item(self, number: int, item: MinutesItem) -> Flowable:
        t = self.t
        heading = t.gettext("Item {number}. {title} ({kind})", number=t.number(number),
                            title=item.title, kind=t.gettext(rules_for(self.meeting.kind).kind_label(item.kind)))
        result: list[Flowable]
        if item.election:  # an officer election: each contest's votes and who is elected
            result = [self.para(sentence) for sentence in item.election]
        else:
            result = self._counted(item)
        rows = [(t.gettext("Proposal"), item.proposal or "-")]
        if item.expulsion is not None:
            rows.append((t.gettext("Expulsion"), self._expulsion(item.expulsion)))
        rows += [(t.gettext("Discussion"), item.discussion or "-"),
                 (t.gettext("Result"), result)]
        block = self.facts_block(rows, key_width=24 * mm)
        return KeepTogether([self.para(heading, self.label), Spacer(0, 1.5 * mm), block, Spacer(0, 3 * mm)])

    def _counted(self, item: MinutesItem) -> list[Flowable]:
        """A vote's result: the count in words, who was excluded, the rule applied."""
        t = self.t
        result: list[Flowable] = [self.para(self.say(result_words(item, self.meeting.kind)), self.label)]
        excluded = excluded_words(item)
        if excluded is not None:
            result.append(self.para(self.say(excluded)))
        if item.explanation is not None:
            rule = self.say(item.explanation)
            if item.ref is not None:
                rule += " " + t.gettext("({article})", article=item.ref.label(self.language))
            result.append(self.para(t.gettext("Rule applied: {rule}", rule=rule), self.note))
        return result

    def _expulsion(self, e: ExpulsionFacts) -> list[Flowable]:
        """Whom, the grounds, the day they were told, the hearing (Act 25②)."""
        t, ref = self.t, law.EXPULSION_NOTICE_DAYS.ref.label(self.language)
        told = t.date(e.told_on, "long") if e.told_on else t.gettext("not recorded")
        heard = t.gettext("The member was given the chance to speak before the vote.") if e.heard else \
            t.gettext("The minutes do not record that the member was given the chance to speak.")
        return [self.para(t.gettext("Member {number} {name}", number=t.number(e.member_number), name=e.member_name)),
                self.para(t.gettext("Grounds: {grounds}", grounds=e.grounds or t.gettext("not recorded"))),
                self.para(t.gettext("Told the grounds on {date} ({article}).", date=told, article=ref)),
                self.para(heard)]

    def _signature_block(self) -> list[Flowable]:
        t, signers = self.t, rules_for(self.meeting.kind).signers
        statement = signers.statement
        rows: list[tuple[str, str]] = []
        if self.signatures is not None:
            if self.signatures.chair is not None:
                rows.append((t.gettext("Chair of the meeting"), self.signatures.chair.name))
            role = t.gettext(signers.role)
            rows += [(role, s.name) for s in self.signatures.others]
        block: list[Flowable] = [
            Spacer(0, 6 * mm), self.para(t.gettext(statement)), Spacer(0, 6 * mm),
            self.para(t.date(self.meeting.date, "long"), self.centred), Spacer(0, 4 * mm),
            self.para(self.meeting.coop_name, self.centred_bold), Spacer(0, 2 * mm),
        ]
        if rows:
            block.append(self.signature_table(rows, t.gettext("(signature or seal)")))
        return block
