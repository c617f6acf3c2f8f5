"""The officer register (임원 명부) as a whole: who is in office on a day, and its checks.

Two kinds of check, so that a secretary can build the register one officer at a time:

* **Conflicts** between terms can never be right, so an edit that makes one is refused
  (``check_edit``): two chairs at once, an auditor who is also a director (Act 44②), one
  person holding the same office twice at once, a chair beyond the re-election limit.
  A director may also be chair at the same time: the chair is elected from among the
  directors (Act 34③), and counts once.
* **The make-up on a day** (``check_register``): at least 3 directors including the chair,
  one chair, at least 1 auditor (Act 34①) — problems of severity ACT — and the bylaws'
  numbers of directors and auditors — problems of severity BYLAWS, shown as warnings:
  the Act allows them, and a seat may stay empty until the next assembly fills it.
  These are reported, not refused, since a register being entered is incomplete for a
  while; ``raise_first_breach`` turns them into a refusal where a complete board is
  needed.

Consecutive chair terms (연임, Act 35②): the same person's chair terms are consecutive
unless someone else held the chair in between, or more than ``CHAIR_BREAK_DAYS`` passed
between them.  A gap alone is no break: an outgoing chair usually carries on until the
assembly that re-elects them, often weeks after the term's end.  Every chair term counts,
a vacancy-filling one included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.officers.terms import Office, OfficerTerm, Person, check_term
from coopdesk.domain.text import N_

AUDITOR_NOT_DIRECTOR = law.AUDITOR_NOT_DIRECTOR.ref  # 이사장을 포함한 이사와 직원은 감사를 겸직할 수 없다
ONE_CHAIR = law.MIN_DIRECTORS.ref  # 이사장 1명을 포함한 3명 이상의 이사 (Act 34①)
CHAIR_BREAK_DAYS = 366  # our reading, not the Act's: a longer gap ends a run of chair terms
_DAY = dt.timedelta(days=1)


class Severity(Enum):
    ACT = "act"  # breaks the Act: must be put right
    BYLAWS = "bylaws"  # differs from the bylaws: a warning


@dataclass(frozen=True, slots=True)
class RegisterProblem:
    severity: Severity
    refusal: Refusal


@dataclass(frozen=True, slots=True)
class OfficeHolders:
    """The officers in office on one day, each person once, in order of their term's start."""

    on: dt.date
    chairs: tuple[Person, ...]
    directors: tuple[Person, ...]  # the chair included
    auditors: tuple[Person, ...]


def office_holders(terms: Iterable[OfficerTerm], on: dt.date) -> OfficeHolders:
    serving = sorted((t for t in terms if t.serves_on(on)), key=lambda t: t.start)

    def distinct(offices: tuple[Office, ...]) -> tuple[Person, ...]:
        people: dict[tuple[str, object], Person] = {}
        for t in serving:
            if t.office in offices:
                people.setdefault(t.person.key, t.person)
        return tuple(people.values())

    return OfficeHolders(
        on,
        distinct((Office.CHAIR,)),
        distinct((Office.CHAIR, Office.DIRECTOR)),
        distinct((Office.AUDITOR,)),
    )


def pair_conflict(a: OfficerTerm, b: OfficerTerm) -> Refusal | None:
    """Why two terms cannot both stand, or None."""
    if not a.overlaps(b):
        return None
    if a.person.key != b.person.key:
        if a.office is Office.CHAIR and b.office is Office.CHAIR:
            return Refusal(
                N_("There is one chair at a time: {name} is chair from {start} to {end}."),
                article=ONE_CHAIR, field="start", name=b.person.label, start=b.start, end=b.last_day,
            )
        return None
    if Office.AUDITOR in (a.office, b.office) and a.office is not b.office:
        return Refusal(
            N_("An auditor cannot be a director or the chair: {name} holds both offices from {start}."),
            article=AUDITOR_NOT_DIRECTOR, field="office", name=a.person.label, start=max(a.start, b.start),
        )
    if a.office is b.office:
        return Refusal(
            N_("{name} already holds this office from {start} to {end}."),
            field="start", name=b.person.label, start=b.start, end=b.last_day,
        )
    return None  # a director who is also the chair


def chair_runs(terms: Iterable[OfficerTerm], person: Person) -> list[list[OfficerTerm]]:
    """The person's chair terms, oldest first, grouped into runs of consecutive terms."""
    chairs = [t for t in terms if t.office is Office.CHAIR]
    mine = sorted((t for t in chairs if t.person.key == person.key), key=lambda t: t.start)
    others = [t for t in chairs if t.person.key != person.key]
    runs: list[list[OfficerTerm]] = []
    for term in mine:
        if runs and _consecutive(runs[-1][-1], term, others):
            runs[-1].append(term)
        else:
            runs.append([term])
    return runs


def _consecutive(before: OfficerTerm, after: OfficerTerm, others: list[OfficerTerm]) -> bool:
    if (after.start - before.last_day).days > CHAIR_BREAK_DAYS:
        return False
    gap_first, gap_last = before.last_day + _DAY, after.start - _DAY
    return not any(o.start <= gap_last and o.last_day >= gap_first for o in others)


def chair_limit_problem(terms: Iterable[OfficerTerm], person: Person) -> tuple[OfficerTerm, Refusal] | None:
    """The first chair term of the person beyond the consecutive re-election limit (Act 35②)."""
    limit = law.CHAIR_MAX_CONSECUTIVE_REELECTIONS
    for run in chair_runs(terms, person):
        if len(run) > limit.value + 1:
            return run[limit.value + 1], Refusal(
                N_("The chair may be re-elected consecutively only {n} times: {name} has already "
                   "been chair for {count} terms in a row."),
                article=limit.ref, field="start", n=limit.value, name=person.label, count=limit.value + 1,
            )
    return None


def check_edit(
    terms: Sequence[OfficerTerm],
    term: OfficerTerm,
    bylaws: BylawsSettings,
    replacing: OfficerTerm | None = None,
) -> None:
    """Refuse a new or changed term that breaks a rule alone or against the register."""
    check_term(term, bylaws)
    others = list(terms)
    if replacing is not None and replacing in others:
        others.remove(replacing)
    for other in others:
        refusal = pair_conflict(term, other)
        if refusal is not None:
            raise refusal
    if term.office is Office.CHAIR:
        found = chair_limit_problem([*others, term], term.person)
        if found is not None:
            raise found[1]


def check_register(
    terms: Sequence[OfficerTerm], on: dt.date, bylaws: BylawsSettings
) -> list[RegisterProblem]:
    """Every problem of the register on a day: conflicts and the Act's make-up first, then the bylaws'."""
    serving = [t for t in terms if t.serves_on(on)]
    found = [RegisterProblem(Severity.ACT, r) for r in _conflicts(terms, serving)]
    return found + _make_up(office_holders(serving, on), bylaws)


def raise_first_breach(problems: Iterable[RegisterProblem]) -> None:
    for problem in problems:
        if problem.severity is Severity.ACT:
            raise problem.refusal


def _conflicts(terms: Sequence[OfficerTerm], serving: list[OfficerTerm]) -> list[Refusal]:
    found = [r for i, a in enumerate(serving) for b in serving[i + 1:] if (r := pair_conflict(a, b))]
    chairs = {t.person.key: t.person for t in serving if t.office is Office.CHAIR}
    for person in chairs.values():
        beyond = chair_limit_problem(terms, person)
        if beyond is not None and beyond[0] in serving:
            found.append(beyond[1])
    return found


def _make_up(holders: OfficeHolders, bylaws: BylawsSettings) -> list[RegisterProblem]:
    on, found = holders.on, []
    directors, auditors = len(holders.directors), len(holders.auditors)
    if not holders.chairs:
        found.append(_act(N_("There is no chair in office on {on}."), ONE_CHAIR, on=on))
    if directors < law.MIN_DIRECTORS.value:
        found.append(_act(
            N_("Directors in office on {on}: {count}, the chair included. The Act asks for at least {n}."),
            law.MIN_DIRECTORS.ref, on=on, count=directors, n=law.MIN_DIRECTORS.value,
        ))
    elif directors < bylaws.directors_min:
        found.append(_bylaws(N_("Directors in office on {on}: {count}. The bylaws ask for at least {n}."),
                             on=on, count=directors, n=bylaws.directors_min))
    if directors > bylaws.directors_max:
        found.append(_bylaws(N_("Directors in office on {on}: {count}. The bylaws allow at most {n}."),
                             on=on, count=directors, n=bylaws.directors_max))
    if auditors < law.MIN_AUDITORS.value:
        found.append(_act(
            N_("Auditors in office on {on}: {count}. The Act asks for at least {n}."),
            law.MIN_AUDITORS.ref, on=on, count=auditors, n=law.MIN_AUDITORS.value,
        ))
    elif auditors != bylaws.auditors:
        found.append(_bylaws(N_("Auditors in office on {on}: {count}. The bylaws set {n}."),
                             on=on, count=auditors, n=bylaws.auditors))
    return found


def _act(message: str, article: LawRef, **params: object) -> RegisterProblem:
    return RegisterProblem(Severity.ACT, Refusal(message, article=article, field="office", **params))


def _bylaws(message: str, **params: object) -> RegisterProblem:
    return RegisterProblem(Severity.BYLAWS, Refusal(message, field="office", **params))
