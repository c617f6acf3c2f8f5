"""The papers of an election filled from the record: what ``documents.elections`` prints.

- ``election_facts``: the election as called (선거 공고, 투표용지).
- ``result_paper``: the count and who is elected (당선 공고); ``contest_results`` is the same
  mapping for the minutes' election section.
- ``officer_list_paper``: the officers in office on a day (임원 명부), marked new, re-elected
  or continuing by what the election decided.

Plain values in the co-op's own words; the documents put them into the paper's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from coopdesk.documents.elections import wording
from coopdesk.documents.elections.data import (
    CandidateLine,
    CandidateResult,
    ContestLine,
    ContestResult,
    ElectionFacts,
    OfficerLine,
    OfficerListPaper,
    OfficerStatus,
    ResultPaper,
)
from coopdesk.domain.elections.stages import ContestState, VotingMethod
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.papers import MeetingFacts
from coopdesk.domain.officers.terms import Office
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator
from coopdesk.services.audit import current_mark
from coopdesk.services.coops import get_coop
from coopdesk.services.elections.calling import get_election
from coopdesk.services.elections.results import ContestResult as ContestOutcome
from coopdesk.services.elections.results import ElectionResult, election_result
from coopdesk.services.elections.views import ContestView, ElectionView
from coopdesk.services.meetings.meeting import MeetingView, get_meeting
from coopdesk.services.officers.terms import OfficerView, TermStatus, list_terms
from coopdesk.store.database import Database
from coopdesk.store.models import Member


def election_facts(db: Database, coop_id: int, election_id: int) -> ElectionFacts:
    """The election as called: its contests with the candidates standing, in ballot order."""
    election = get_election(db, coop_id, election_id)
    coop = get_coop(db, coop_id)
    meeting = get_meeting(db, coop_id, election.meeting_id)
    return ElectionFacts(_meeting_facts(coop.name, meeting), tuple(_contest_line(c) for c in election.contests),
                         coop.main_office, _convener(db, coop_id, meeting), election.announced_on,
                         election.candidacy_from, election.candidacy_to, election.committee,
                         election.voting is VotingMethod.PAPER, coop.bylaws.election_majority, coop.bylaws.tie_rule)


def ballot_facts(db: Database, coop_id: int, election_id: int, contest_ids: tuple[int, ...] = ()) -> ElectionFacts:
    """The election for its ballot papers: the contests asked for (default: those open for voting,
    else every contest not decided yet), each with at least one candidate standing."""
    facts = election_facts(db, coop_id, election_id)
    election = get_election(db, coop_id, election_id)
    chosen = _ballot_contests(election, contest_ids)
    lines = tuple(line for c, line in zip(election.contests, facts.contests, strict=True) if c.id in chosen)
    return ElectionFacts(facts.meeting, lines, facts.main_office, facts.convener, facts.announced_on,
                         facts.candidacy_from, facts.candidacy_to, facts.committee, facts.on_paper,
                         facts.majority, facts.tie_rule, facts.eligibility)


def default_copies(db: Database, coop_id: int, election_id: int) -> int:
    """Ballot papers to print per contest: the voters present now (in person and by proxy)."""
    from coopdesk.services.meetings.attendance import attendance_of

    election = get_election(db, coop_id, election_id)
    return max(1, attendance_of(db, coop_id, election.meeting_id).count.present)


def contest_results(result: ElectionResult) -> tuple[ContestResult, ...]:
    """Each counted contest (each round) as the papers and the minutes print it."""
    return tuple(_contest_result(r) for r in result.contests if r.outcome is not None and r.tally is not None)


@dataclass(frozen=True, slots=True)
class ContestWords:
    """One counted contest in words, as the result screen and ``election result`` show it."""

    contest_id: int
    sentence: str  # "이사 3인 선출: 김하나 9표, … — 김하나·이두리·박세나 당선"
    ballots: str  # "투표수 13표(백지 1표, 무효 0표)"
    rules: tuple[str, ...]  # each rule applied, with its article or bylaws setting
    tie_breaks: tuple[str, ...]  # what was done about a tie, the seed and digests included


def result_words(result: ElectionResult, t: Translator) -> tuple[ContestWords, ...]:
    """Each counted contest's result in ``t``'s language (the minutes' wording)."""
    counted = [r for r in result.contests if r.outcome is not None and r.tally is not None]
    return tuple(ContestWords(r.contest.id, wording.contest_sentence(paper, t), wording.ballots_text(paper, t),
                              tuple(wording.rule_text(rule, t) for rule in paper.rules),
                              tuple(line for step in paper.tie_breaks for line in wording.tie_break_lines(step, t)))
                 for r, paper in zip(counted, contest_results(result), strict=True))


def result_paper(db: Database, coop_id: int, election_id: int, announced_on: dt.date | None = None) -> ResultPaper:
    """The result announcement; refused until every contest is decided."""
    result = election_result(db, coop_id, election_id)
    if not result.decided:
        raise Refusal(N_("Decide every contest of the election before printing its result."), field="election")
    coop = get_coop(db, coop_id)
    meeting = get_meeting(db, coop_id, result.election.meeting_id)
    present = max((r.contest.present or 0 for r in result.contests), default=0)
    return ResultPaper(_meeting_facts(coop.name, meeting, current_mark(db).text()), contest_results(result), present,
                       _convener(db, coop_id, meeting), announced_on or dt.date.today(), result.election.committee)


def officer_list_paper(db: Database, coop_id: int, as_of: dt.date | None = None,
                       election_id: int | None = None) -> OfficerListPaper:
    """The officers in office on ``as_of`` (default: today; with an election, the first day of the
    terms it filled).  With an election, those it elected are marked new or re-elected."""
    coop = get_coop(db, coop_id)
    elected: set[tuple[Office, int | None, str]] = set()
    meeting = None
    if election_id is not None:
        result = election_result(db, coop_id, election_id)
        meeting = get_meeting(db, coop_id, result.election.meeting_id)
        elected = {(r.contest.office, c.member_number, c.name) for r in result.contests for c in r.elected}
        as_of = as_of or _first_day(result)
    as_of = as_of or dt.date.today()
    terms = list_terms(db, coop_id)
    current = [t for t in terms if t.status_on(as_of) is TermStatus.IN_OFFICE]
    people = _people(db, coop_id, {t.person.member_number for t in current} - {None})
    lines = tuple(_officer_line(t, terms, elected, people) for t in current)
    chair = next((t.name for t in current if t.term.office is Office.CHAIR), "")
    facts = _meeting_facts(coop.name, meeting) if meeting is not None else None
    return OfficerListPaper(coop.name, coop.main_office, as_of, lines, chair, facts, current_mark(db).text())


# -- mapping ----------------------------------------------------------------------------------

def _meeting_facts(coop_name: str, meeting: MeetingView, mark: str = "") -> MeetingFacts:
    return MeetingFacts(coop_name, meeting.kind, meeting.title, meeting.held_on, meeting.place, meeting.starts_at,
                        mark)


def _convener(db: Database, coop_id: int, meeting: MeetingView) -> str:
    """Who signs the announcements: the chair in office on election day, else who convened."""
    for term in list_terms(db, coop_id):
        if term.term.office is Office.CHAIR and term.status_on(meeting.held_on) is TermStatus.IN_OFFICE:
            return term.person.name or term.name
    return meeting.convened_by or meeting.chair_name


def _contest_line(c: ContestView) -> ContestLine:
    return ContestLine(c.office, c.seats, tuple(CandidateLine(x.name, x.member_number) for x in c.standing),
                       c.round, c.term_start, c.term_end, c.vacancy_of is not None)


def _ballot_contests(election: ElectionView, asked: tuple[int, ...]) -> set[int]:
    if asked:
        unknown = set(asked) - {c.id for c in election.contests}
        if unknown:
            raise Refusal(N_("Election {election} has no contest {contest}."), field="contest",
                          election=election.id, contest=min(unknown))
        return set(asked)
    voting = {c.id for c in election.voting_contests}
    return voting or {c.id for c in election.contests if c.standing and c.state is ContestState.OPEN}


def _contest_result(r: ContestOutcome) -> ContestResult:
    o, t, c = r.outcome, r.tally, r.contest
    assert o is not None and t is not None
    rows = tuple(CandidateResult(s.candidate.name, s.votes, s.elected, s.against,
                                 c.by_key(s.candidate.key).member_number) for s in o.ranking)
    return ContestResult(c.office, c.seats, rows, t.ballots, t.blank, t.invalid, c.round, o.rules, o.tie_breaks,
                         o.pending, o.unfilled, o.summary)


def _first_day(result: ElectionResult) -> dt.date:
    starts = [r.contest.term_start for r in result.contests if r.contest.term_start is not None]
    return min(starts, default=result.election.held_on)


def _people(db: Database, coop_id: int, numbers: set[int | None]) -> dict[int, tuple[dt.date | None, str]]:
    with db.read() as s:
        rows = s.execute(select(Member.number, Member.birth_date, Member.address)
                         .where(Member.coop_id == coop_id, Member.number.in_(numbers))).all()
    return {n: (born, address) for n, born, address in rows}


def _officer_line(v: OfficerView, terms: list[OfficerView], elected: set[tuple[Office, int | None, str]],
                  people: dict[int, tuple[dt.date | None, str]]) -> OfficerLine:
    term, number = v.term, v.person.member_number
    if (term.office, number, v.person.name) in elected or (term.office, number, v.name) in elected:
        before = any(o.term.office is term.office and o.person.key == v.person.key and o.term.start < term.start
                     for o in terms)
        status = OfficerStatus.REELECTED if before else OfficerStatus.NEW
    else:
        status = OfficerStatus.CONTINUING
    born, address = people.get(number, (None, "")) if number is not None else (None, "")
    return OfficerLine(term.office, v.name, term.start, term.end, status, born, address, number)
