"""The election announcement (임원 선거 공고): the offices and seats to fill, their terms, the
candidacy period, election day and place, who may stand, how votes are cast and counted, the
campaign limits that apply from this day (Act 37), and the election committee (Act 38).
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from coopdesk.documents.base import Progress
from coopdesk.documents.elections.base import ElectionRenderer
from coopdesk.documents.elections.data import ContestLine, ElectionFacts
from coopdesk.documents.elections.wording import join_names
from coopdesk.documents.fonts import GOTHIC
from coopdesk.documents.meetings.base import RULE
from coopdesk.domain import law
from coopdesk.domain.coop import ELECTION_MAJORITY_LABELS, TIE_LABELS
from coopdesk.domain.elections.campaign import campaign_rules
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.officers.terms import VACANCY_REST_OF_TERM, Office


def render_announcement(election: ElectionFacts, language: str, *, progress: Progress | None = None) -> bytes:
    """The announcement as PDF bytes; ``progress(done, total)`` returning False cancels."""
    return AnnouncementRenderer(election, language, progress=progress).render()


class AnnouncementRenderer(ElectionRenderer):
    def __init__(self, election: ElectionFacts, language: str, *, progress: Progress | None = None) -> None:
        super().__init__(election.meeting, language, progress=progress)
        self.election = election

    def title(self) -> str:
        return self.t.gettext("Notice of officer election")

    def document_date(self) -> dt.date:
        return self.election.announced_on or self.meeting.date

    def build_story(self) -> list[Flowable]:
        t, e = self.t, self.election
        ticks = self.ticks(4)
        story: list[Flowable] = [
            self.para(self.title(), self.heading),
            self.para(t.gettext(rules_for(self.meeting.kind).words.addressee, coop=self.meeting.coop_name),
                      self.label),
            Spacer(0, 2 * mm),
            self.para(t.gettext("{coop} will elect its officers at the {meeting} as follows.",
                                coop=self.meeting.coop_name, meeting=self.meeting_name())),
            Spacer(0, 4 * mm),
            self._facts(), ticks[0],
        ]
        if any(c.candidates for c in e.contests):
            story += [self._candidates(), ticks[1]]
        story += [self._campaign(), ticks[2], KeepTogether(self._signed()), ticks[3]]
        return story

    # -- the facts -------------------------------------------------------------------------
    def _facts(self) -> Flowable:
        t, e = self.t, self.election
        rows: list[tuple[str, str | list[Flowable]]] = [
            (t.gettext("Offices to fill"), [self.para(self._contest(c)) for c in e.contests]),
        ]
        if e.candidacy_from or e.candidacy_to:
            rows.append((t.gettext("Candidacy period"), self.span(e.candidacy_from, e.candidacy_to)))
        rows += [
            (t.gettext("Election day"), t.gettext("{when}, at the {meeting}", when=self.when(),
                                                  meeting=self.meeting_name())),
            (t.gettext("Place"), self.meeting.place),
            (t.gettext("Who may stand"), [self.para(line) for line in self._eligibility()]),
            (t.gettext("How to vote"), [self.para(line) for line in self._voting()]),
            (t.gettext("Who is elected"), [self.para(line) for line in self._deciding()]),
            (t.gettext("Election committee"), self._committee()),
        ]
        return self.facts_block(rows, key_width=36 * mm, pad=1.8 * mm)

    def _contest(self, c: ContestLine) -> str:
        """"이사 3명 — 임기 2026년 3월 28일 ~ 2030년 3월 27일"."""
        t = self.t
        text = t.ngettext("{office}: {seats} seat", "{office}: {seats} seats", c.seats, office=self.office(c.office),
                          seats=t.number(c.seats))
        if c.office is Office.CHAIR:
            text += " — " + t.gettext("elected from among the directors ({article})",
                                      article=law.CHAIR_FROM_DIRECTORS.ref.label(self.language))
        if c.term_start is not None or c.term_end is not None:
            text += " — " + t.gettext("term {span}", span=self.span(c.term_start, c.term_end))
        if c.vacancy:
            text += " " + t.gettext("(the rest of a predecessor's term, {article})",
                                    article=VACANCY_REST_OF_TERM.label(self.language))
        return text

    def _eligibility(self) -> list[str]:
        t, e, lang = self.t, self.election, self.language
        lines = [e.eligibility.strip() or t.gettext("Members of the co-op, as its bylaws provide.")]
        offices = {c.office for c in e.contests}
        if Office.AUDITOR in offices:
            lines.append(t.gettext("An auditor cannot be a director: no one may stand for both ({article}).",
                                   article=law.AUDITOR_NOT_DIRECTOR.ref.label(lang)))
        if Office.CHAIR in offices:
            lines.append(t.gettext("The chair is elected from among the directors ({article}).",
                                   article=law.CHAIR_FROM_DIRECTORS.ref.label(lang)))
        return lines

    def _voting(self) -> list[str]:
        t, lang = self.t, self.language
        where = (t.gettext("Secret ballot on paper ballots; two tellers count them.") if self.election.on_paper
                 else t.gettext("Secret ballot on the co-op's laptop, one voter at a time."))
        return [
            where,
            t.gettext("One member, one vote in each contest, whatever their shares ({article}).",
                      article=law.ONE_MEMBER_ONE_VOTE.ref.label(lang)),
            t.gettext("A proxy holder also votes for the one member they represent ({article}).",
                      article=law.PROXY_PRINCIPALS_PER_HOLDER.ref.label(lang)),
            t.gettext("With no more candidates than seats, each candidate is voted for or against; with more, "
                      "each voter marks as many candidates as there are seats, or fewer."),
        ]

    def _deciding(self) -> list[str]:
        t, e = self.t, self.election
        return [t.gettext("{rule} (bylaws setting)", rule=t.gettext(ELECTION_MAJORITY_LABELS[e.majority])),
                t.gettext("A tie: {rule} (bylaws setting)", rule=t.gettext(TIE_LABELS[e.tie_rule]))]

    def _committee(self) -> str:
        t, committee = self.t, self.election.committee
        if committee:
            return join_names(committee, t)
        return t.gettext("None: the co-op has not set one up; it is optional ({article}).",
                         article=law.ELECTION_COMMITTEE_OPTIONAL.ref.label(self.language))

    # -- candidates, campaign limits, signature ----------------------------------------------
    def _candidates(self) -> Flowable:
        t = self.t
        rows: list[tuple[str, str | list[Flowable]]] = []
        for c in self.election.contests:
            if not c.candidates:
                continue
            # One line for all, wrapping as needed: the notice should stay on one page.
            # No break inside one candidate's entry (a no-break space): "4. 최네모(조합원 11번)".
            names = "  ·  ".join(t.gettext("{number}. {name}", number=t.number(n),
                                             name=self.person(p.name, p.member_number)).replace(" ", "\u00a0")
                                   for n, p in enumerate(c.candidates, start=1))
            rows.append((self.office(c.office), names))
        return KeepTogether([self.para(t.gettext("Candidates, in ballot order"), self.section),
                             self.facts_block(rows, key_width=36 * mm, pad=1.8 * mm)])

    def _campaign(self) -> Flowable:
        """What is allowed and what is not, side by side."""
        t, rules = self.t, campaign_rules()
        heading = t.gettext("{heading} ({article})", heading=t.gettext(rules.heading),
                            article=rules.ref.label(self.language))
        bullet = self.styles.body.clone("Bullet", leftIndent=4 * mm, firstLineIndent=-3 * mm)
        allowed = [self.para(t.gettext(rules.allowed_heading), self.label)]
        allowed += [Paragraph("• " + escape(t.gettext(m)), bullet) for m in rules.allowed]
        forbidden = [self.para(t.gettext(rules.forbidden_heading), self.label)]
        forbidden += [Paragraph("• " + escape(t.gettext(m)), bullet) for m in rules.forbidden]
        width = self.page_size()[0] - self.margins.left - self.margins.right
        columns = Table([[allowed, forbidden]], colWidths=[width * 0.55, width * 0.45], hAlign="LEFT", style=[
            ("FONT", (0, 0), (-1, -1), GOTHIC, 10),  # never the unembedded Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("LINEBEFORE", (1, 0), (1, -1), 0.5, RULE),
            ("LEFTPADDING", (1, 0), (1, -1), 4 * mm),
        ])
        return KeepTogether([self.para(heading, self.section), columns])

    def _signed(self) -> list[Flowable]:
        t, e = self.t, self.election
        role = t.gettext(rules_for(self.meeting.kind).words.convener)
        story: list[Flowable] = [Spacer(0, 7 * mm)]
        if e.announced_on is not None:
            story += [self.para(t.date(e.announced_on, "long"), self.centred), Spacer(0, 4 * mm)]
        story += [
            self.para(t.gettext("{coop}, main office: {address}", coop=self.meeting.coop_name,
                                address=e.main_office), self.centred),
            Spacer(0, 2 * mm),
            self.para(t.gettext("{role} {name} (seal)", role=role, name=e.convener), self.centred_bold),
        ]
        return story
