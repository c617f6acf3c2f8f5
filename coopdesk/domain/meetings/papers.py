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

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.signers import Signatures, check_minute_signers
from coopdesk.domain.meetings.resolutions import (
    Explanation,
    board_quorum_reached,
    founding_quorum_reached,
    quorum_reached,
)
from coopdesk.domain.text import N_


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """What every paper of a meeting states at the top."""

    coop_name: str
    kind: MeetingKind
    title: str  # the meeting's own title, e.g. "2026년도 정기총회"
    date: dt.date
    place: str
    start: dt.time | None = None


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
    ref = (law.FOUNDING_NOTICE_DAYS if paper.meeting.kind is MeetingKind.FOUNDING
           else law.MEETING_NOTICE_DAYS).ref
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
    kind = paper.meeting.kind
    if kind is MeetingKind.BOARD:
        return board_quorum_reached(paper.members, paper.present)
    if kind is MeetingKind.FOUNDING:
        return founding_quorum_reached(paper.members, paper.present)
    return quorum_reached(paper.members, paper.present)


# (quorum reached, not reached) per kind of meeting
_QUORUM = {
    MeetingKind.BOARD: (
        N_("Of the {members} directors in office, {present} were present; the chair confirmed "
           "that the quorum was reached and declared the meeting open."),
        N_("Of the {members} directors in office, {present} were present; the quorum was not reached."),
    ),
    MeetingKind.FOUNDING: (
        N_("Of the {members} founding consenters, {present} were present ({in_person} in person, "
           "{by_proxy} by proxy); the chair confirmed that the quorum was reached and declared "
           "the meeting open."),
        N_("Of the {members} founding consenters, {present} were present ({in_person} in person, "
           "{by_proxy} by proxy); the quorum was not reached."),
    ),
}
_ASSEMBLY_QUORUM = (
    N_("Of the {members} members, {present} were present ({in_person} in person, {by_proxy} by "
       "proxy); the chair confirmed that the quorum was reached and declared the meeting open."),
    N_("Of the {members} members, {present} were present ({in_person} in person, {by_proxy} by "
       "proxy); the quorum was not reached."),
)


def quorum_statement(paper: MinutesPaper) -> Explanation:
    """"조합원 15명 중 10명 출석(본인 8명, 위임 2명)으로 성원되었음을 확인하고 개회를 선언하다"."""
    reached, not_reached = _QUORUM.get(paper.meeting.kind, _ASSEMBLY_QUORUM)
    params = (("members", paper.members), ("present", paper.present),
              ("in_person", paper.in_person), ("by_proxy", paper.by_proxy))
    return Explanation(reached if paper_quorum_reached(paper) else not_reached, params)


_RESULT = {
    ("members", True): N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} "
                          "abstained: the motion was carried."),
    ("members", False): N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} "
                           "abstained: the motion was rejected."),
    ("consenters", True): N_("Of the {present} consenters present, {yes} voted yes, {no} no and "
                             "{abstain} abstained: the motion was carried."),
    ("consenters", False): N_("Of the {present} consenters present, {yes} voted yes, {no} no and "
                              "{abstain} abstained: the motion was rejected."),
    ("directors", True): N_("Of the {present} directors present, {yes} voted yes, {no} no and "
                            "{abstain} abstained: the motion was carried."),
    ("directors", False): N_("Of the {present} directors present, {yes} voted yes, {no} no and "
                             "{abstain} abstained: the motion was rejected."),
}
# An election names people: they are elected or not, where a motion is carried or rejected.
_ELECTED = {
    ("members", True): N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} "
                          "abstained: elected as proposed."),
    ("members", False): N_("Of the {present} members present, {yes} voted yes, {no} no and {abstain} "
                           "abstained: not elected."),
    ("consenters", True): N_("Of the {present} consenters present, {yes} voted yes, {no} no and "
                             "{abstain} abstained: elected as proposed."),
    ("consenters", False): N_("Of the {present} consenters present, {yes} voted yes, {no} no and "
                              "{abstain} abstained: not elected."),
    ("directors", True): N_("Of the {present} directors present, {yes} voted yes, {no} no and "
                            "{abstain} abstained: elected as proposed."),
    ("directors", False): N_("Of the {present} directors present, {yes} voted yes, {no} no and "
                             "{abstain} abstained: not elected."),
}
_WHO = {MeetingKind.BOARD: "directors", MeetingKind.FOUNDING: "consenters"}
REPORTED = N_("Reported to the meeting; no vote was taken.")
UNDECIDED = N_("Not yet decided.")


def result_words(item: MinutesItem, meeting: MeetingKind) -> Explanation:
    """"출석 조합원 10명 중 찬성 8명, 반대 1명, 기권 1명으로 원안 가결" and its kin."""
    if not item.decided:
        return Explanation(UNDECIDED)
    if item.passed is None:
        return Explanation(REPORTED)
    table = _ELECTED if item.kind is ResolutionKind.ELECTION else _RESULT
    message = table[(_WHO.get(meeting, "members"), item.passed)]
    params = (("present", item.present), ("yes", item.yes), ("no", item.no),
              ("abstain", item.abstain))
    return Explanation(message, params)


def excluded_words(item: MinutesItem) -> Explanation | None:
    """Members left out of an item for a personal interest, said in the minutes."""
    if item.passed is None or not item.excluded:
        return None
    return Explanation(N_("{excluded} present with a personal interest did not vote on this item."),
                       (("excluded", item.excluded),))
