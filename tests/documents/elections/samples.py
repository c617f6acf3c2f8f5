"""A 15-member co-op's election at its ordinary assembly, as the election papers receive it.

The result is decided by the domain (``decide``) so that the rules, tie breaks and seed the
papers print are the ones the services will hand over.
"""

from __future__ import annotations

import datetime as dt

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
from coopdesk.domain.coop import ElectionMajority, TieRule
from coopdesk.domain.elections.contest import Candidate, Contest
from coopdesk.domain.elections.counting import Tally
from coopdesk.domain.elections.deciding import Outcome, decide
from coopdesk.domain.elections.lots import SeededLots
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.papers import MeetingFacts
from coopdesk.domain.officers.terms import Office

ASSEMBLY = MeetingFacts("햇살마을협동조합", MeetingKind.ORDINARY_ASSEMBLY, "2026년도 정기총회",
                        dt.date(2026, 3, 28), "마포구 성미산로 10, 마을회관 2층", dt.time(14, 0))
MAIN_OFFICE = "서울특별시 마포구 성미산로 10"
PRESENT = 12
SEED = "3f9c0a17b2e45d68"

DIRECTORS = (("김하나", 3, dt.date(1970, 5, 1)), ("이두리", 5, dt.date(1981, 2, 11)),
             ("박세나", 8, dt.date(1965, 9, 30)), ("최네모", 11, dt.date(1990, 12, 24)))
AUDITOR = ("정다섯", 6, dt.date(1975, 7, 7))
TERM = (dt.date(2026, 3, 28), dt.date(2030, 3, 27))


def contest_line(office: Office, seats: int, people, round: int = 1) -> ContestLine:  # type: ignore[no-untyped-def]
    return ContestLine(office, seats, tuple(CandidateLine(name, number) for name, number, _ in people),
                       round, *TERM)


ELECTION = ElectionFacts(
    ASSEMBLY,
    (contest_line(Office.DIRECTOR, 3, DIRECTORS), contest_line(Office.AUDITOR, 1, (AUDITOR,))),
    MAIN_OFFICE, "홍길동", announced_on=dt.date(2026, 3, 10), candidacy_from=dt.date(2026, 3, 11),
    candidacy_to=dt.date(2026, 3, 18), committee=("김철수", "이영희", "박민수"), on_paper=True,
)


def _domain(office: Office, seats: int, people) -> Contest:  # type: ignore[no-untyped-def]
    return Contest(office, seats, tuple(Candidate(number, name, born) for name, number, born in people))


def result_of(outcome: Outcome, tally: Tally, numbers: dict[int, int | None] | None = None) -> ContestResult:
    """What the services will hand over: the domain's outcome and tally, mapped."""
    numbers = numbers or {}
    rows = tuple(CandidateResult(s.candidate.name, s.votes, s.elected, s.against,
                                 numbers.get(s.candidate.key, s.candidate.key)) for s in outcome.ranking)
    return ContestResult(outcome.contest.office, outcome.contest.seats, rows, tally.ballots, tally.blank,
                         tally.invalid, 2 if outcome.runoff else 1, outcome.rules, outcome.tie_breaks,
                         outcome.pending, outcome.unfilled, outcome.summary)


def director_result(lots: bool = False) -> ContestResult:
    """김하나 9, 이두리 8, 박세나 7, 최네모 2 — or, with ``lots``, 박세나 and 최네모 tied at 7 and
    the draw decides (tie rule: lots)."""
    contest = _domain(Office.DIRECTOR, 3, DIRECTORS)
    last = 7 if lots else 2
    tally = Tally.of(contest, {3: 9, 5: 8, 8: 7, 11: last}, ballots=12, blank=1, invalid=0)
    if lots:
        outcome = decide(contest, tally, majority=ElectionMajority.NONE, present=PRESENT, tie=TieRule.LOTS,
                         lots=SeededLots(SEED))
    else:
        outcome = decide(contest, tally, majority=ElectionMajority.OF_PRESENT, present=PRESENT,
                         tie=TieRule.RUNOFF_THEN_OLDER)
    return result_of(outcome, tally)


def auditor_result() -> ContestResult:
    contest = _domain(Office.AUDITOR, 1, (AUDITOR,))
    tally = Tally.of(contest, {6: 10}, against={6: 2}, ballots=12)
    return result_of(decide(contest, tally, majority=ElectionMajority.OF_PRESENT, present=PRESENT,
                            tie=TieRule.RUNOFF_THEN_OLDER), tally)


def chair_result() -> ContestResult:
    people = (DIRECTORS[0], DIRECTORS[1])
    contest = _domain(Office.CHAIR, 1, people)
    tally = Tally.of(contest, {3: 8, 5: 4}, ballots=12)
    return result_of(decide(contest, tally, majority=ElectionMajority.OF_PRESENT, present=PRESENT,
                            tie=TieRule.RUNOFF_THEN_OLDER), tally)


def result_paper(lots: bool = False) -> ResultPaper:
    return ResultPaper(ASSEMBLY, (director_result(lots), auditor_result(), chair_result()), PRESENT, "홍길동",
                       dt.date(2026, 3, 30), committee=ELECTION.committee)


OFFICERS = OfficerListPaper(
    "햇살마을협동조합", MAIN_OFFICE, dt.date(2026, 3, 30),
    (
        OfficerLine(Office.DIRECTOR, "이두리", *TERM, OfficerStatus.NEW, dt.date(1981, 2, 11),
                    "서울특별시 마포구 월드컵로 25, 101동 1203호", 5),
        OfficerLine(Office.AUDITOR, "정다섯", *TERM, OfficerStatus.REELECTED, dt.date(1975, 7, 7),
                    "경기도 고양시 일산동구 중앙로 1234", 6),
        OfficerLine(Office.CHAIR, "김하나", *TERM, OfficerStatus.NEW, dt.date(1970, 5, 1),
                    "서울특별시 마포구 성미산로 12", 3),
        OfficerLine(Office.DIRECTOR, "박세나", *TERM, OfficerStatus.NEW, dt.date(1965, 9, 30),
                    "서울특별시 서대문구 연희로 123-45, 연희빌라 가동 지하1층 101호 (연희동)", 8),
        OfficerLine(Office.DIRECTOR, "홍길동", dt.date(2024, 3, 30), dt.date(2028, 3, 29), OfficerStatus.CONTINUING,
                    dt.date(1962, 1, 15), "서울특별시 마포구 성미산로 10", 1),
    ),
    "김하나", ASSEMBLY,
)
