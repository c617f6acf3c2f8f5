"""The printed papers of a meeting, as plain values: notice (소집통지서), attendance sheet
(출석부), proxy form (위임장) and minutes (의사록).

The services fill these from the meeting on record; ``coopdesk.documents`` prints them.
Names and free texts arrive already in the co-op's words (they are what the secretary
typed); everything else is a message id translated in the document's language.  The
sentences of the minutes (the quorum statement, each result in words) are built here as
``Explanation`` values so that the screen and the CLI can say the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.signers import Signatures, check_minute_signers
from coopdesk.domain.meetings.rules import rules_for
from coopdesk.domain.text import N_, Explanation


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What every paper of a meeting states at the top."""

    coop_name: str
    kind: MeetingKind
    title: str  # the meeting's own title, e.g. "2026년도 정기총회"
    date: dt.date
    place: str
    start: dt.time | None = None
    audit_mark: str = ""  # the audit log's entries and head at printing, on final papers


@dataclass(frozen=True, slots=True)
class AgendaLine:
    title: str
    kind: ResolutionKind


@dataclass(frozen=True, slots=True)
class NoticePaper:
    meeting: MeetingFacts
    main_office: str
    convener: str  # the chair's name (the founders' representative for a founding meeting)
    purpose: str
    agenda: tuple[AgendaLine, ...]
    notice_date: dt.date
    method: str = ""  # how it goes out, as the secretary recorded it ("우편, 문자")


@dataclass(frozen=True, slots=True)
class AttendanceRow:
    number: int  # member number (for a board: may be the director's member number)
    name: str


@dataclass(frozen=True, slots=True)
class AttendancePaper:
    meeting: MeetingFacts
    rows: tuple[AttendanceRow, ...]
    proxy_column: bool = True  # a board has no proxies: leave the column out


@dataclass(frozen=True, slots=True)
class ProxyFormPaper:
    """A blank 위임장 printed before the meeting, one per page."""

    meeting: MeetingFacts
    agenda_titles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Signer:
    """A person who signs the minutes; the number keeps two people of one name apart."""

    name: str
    number: int | None = None


@dataclass(frozen=True, slots=True)
class ExpulsionFacts:
    """What the minutes of an expulsion state besides the vote (Act 25②): whom, why, when the
    member was told the grounds, and whether they were given the chance to speak."""

    member_number: int
    member_name: str
    grounds: str
    told_on: dt.date | None
    heard: bool


@dataclass(frozen=True, slots=True)
class MinutesItem:
    """One agenda item as closed.  ``passed`` is None for a report (no vote);
    ``explanation``/``ref`` are the rule applied (resolutions.Outcome)."""

    title: str
    proposal: str
    discussion: str
    kind: ResolutionKind
    members: int = 0
    present: int = 0
    excluded: int = 0
    yes: int = 0
    no: int = 0
    abstain: int = 0
    passed: bool | None = None
    explanation: Explanation | None = None
    ref: LawRef | None = None
    decided: bool = True  # False: still open (draft minutes only)
    expulsion: ExpulsionFacts | None = None
    # An officer election: its result in words, one sentence per contest, in the paper's
    # language ("이사 3인 선출: 김하나 9표, … — 김하나·이두리·박세나 당선"); printed
    # instead of the yes-or-no count.
    election: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MinutesPaper:
    """The minutes.  For a board ``members`` are the directors in office and ``in_person``
    those present (``by_proxy`` is 0); for a founding meeting, the consenters."""

    meeting: MeetingFacts
    opened: dt.time
    closed: dt.time | None
    members: int
    in_person: int
    by_proxy: int
    chair: Signer | None
    items: tuple[MinutesItem, ...]
    signers: tuple[Signer, ...] = ()  # members elected to sign (a board: the directors)
    attending_directors: tuple[Signer, ...] = ()  # a board only
    draft: bool = False

    @property
    def present(self) -> int:
        return self.in_person + self.by_proxy


def check_notice(paper: NoticePaper) -> None:
    """A notice states purpose, agenda, date and place; "agenda to follow" is not valid."""
    period = rules_for(paper.meeting.kind).notice
    ref = period.ref if period is not None else None
    if not paper.agenda or any(not line.title.strip() for line in paper.agenda):
        raise Refusal(N_("A notice must list every agenda item; \"agenda to follow\" is not allowed."),
                      article=ref, field="agenda")
    if not paper.meeting.place.strip():
        raise Refusal(N_("A notice must state the place of the meeting."), article=ref, field="place")


def minute_signatures(paper: MinutesPaper) -> Signatures | None:
    """Who signs, in print order; refuses final minutes without the signers the law asks
    for (Act 30③).  A draft may be printed with any signers (None if there are none)."""
    try:
        return check_minute_signers(paper.meeting.kind, paper.chair, paper.signers,
                                    paper.attending_directors)
    except Refusal:
        if not paper.draft:
            raise
        others = tuple(s for s in paper.signers if s != paper.chair)
        return Signatures(paper.chair, others) if paper.chair or others else None


def paper_quorum_reached(paper: MinutesPaper) -> bool:
    return rules_for(paper.meeting.kind).quorum.reached(paper.members, paper.present)


def quorum_statement(paper: MinutesPaper) -> Explanation:
    """"조합원 15명 중 10명 출석(본인 8명, 위임 2명)으로 성원되었음을 확인하고 개회를 선언하다"."""
    words = rules_for(paper.meeting.kind).words
    params = (("members", paper.members), ("present", paper.present),
              ("in_person", paper.in_person), ("by_proxy", paper.by_proxy))
    return Explanation(words.opening_met if paper_quorum_reached(paper) else words.opening_unmet, params)


REPORTED = N_("Reported to the meeting; no vote was taken.")
UNDECIDED = N_("Not yet decided.")


def result_words(item: MinutesItem, meeting: MeetingKind) -> Explanation:
    """"출석 조합원 10명 중 찬성 8명, 반대 1명, 기권 1명으로 원안 가결" and its kin."""
    if not item.decided:
        return Explanation(UNDECIDED)
    if item.passed is None:
        return Explanation(REPORTED)
    words = rules_for(meeting).words
    # An election names people: they are elected or not, where a motion is carried or rejected.
    if item.kind is ResolutionKind.ELECTION:
        message = words.elected if item.passed else words.not_elected
    else:
        message = words.carried if item.passed else words.rejected
    params = (("present", item.present), ("yes", item.yes), ("no", item.no),
              ("abstain", item.abstain))
    return Explanation(message, params)


def excluded_words(item: MinutesItem) -> Explanation | None:
    """Members left out of an item for a personal interest, said in the minutes."""
    if item.passed is None or not item.excluded:
        return None
    return Explanation(N_("{excluded} present with a personal interest did not vote on this item."),
                       (("excluded", item.excluded),))
