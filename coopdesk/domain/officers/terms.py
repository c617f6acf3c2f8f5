"""Officers (임원): one term of office and the checks that need nothing but that term.

The checks of the whole register on a date (who is in office, conflicts between terms,
the chair's re-election limit) are in ``officer_register``.

How a term's length is counted (Civil Act 157, 160 — 민법 기간 계산, applied to
terms): a term starts on its first day, which counts, and an N-year term ends at the
latest on the day before the same month and day N years later.  When that day does not
exist (a term from 29 February into a common year) the last day is 28 February, the
last day of that month.  So a 4-year term from 2024-03-15 ends by 2028-03-14, and one
from 2024-02-29 by 2028-02-28.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.coop import BylawsSettings
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, check_date, check_text
from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.text import N_

VACANCY_REST_OF_TERM = law.VACANCY_REST_OF_TERM.ref  # 결원 보선: 전임자의 남은 임기
MAX_PERSON_NAME = NAME_LENGTH


class Office(Enum):
    CHAIR = "chair"  # 이사장: a director elected chair, so counted among the directors
    DIRECTOR = "director"  # 이사
    AUDITOR = "auditor"  # 감사

    @property
    def is_director(self) -> bool:
        return self is not Office.AUDITOR


class ChosenBy(Enum):
    """How the officer came to the office."""

    ELECTED = "elected"  # 총회 선출
    VACANCY = "vacancy"  # 보궐선임: serves the rest of the predecessor's term
    FOUNDING = "founding"  # 창립총회 선출
    OTHER = "other"


OFFICE_LABELS = {
    Office.CHAIR: N_("Chair"),
    Office.DIRECTOR: N_("Director"),
    Office.AUDITOR: N_("Auditor"),
}

CHOSEN_BY_LABELS = {
    ChosenBy.ELECTED: N_("Elected by the general assembly"),
    ChosenBy.VACANCY: N_("Elected to fill a vacancy"),
    ChosenBy.FOUNDING: N_("Elected at the founding meeting"),
    ChosenBy.OTHER: N_("Other"),
}


@dataclass(frozen=True, slots=True)
class Person:
    """An officer: a member (by number) or a named person who is not a member."""

    member_number: int | None = None
    name: str = ""

    @property
    def key(self) -> tuple[str, object]:
        """Who this is: the member number if there is one, else the name."""
        if self.member_number is not None:
            return ("member", self.member_number)
        return ("name", " ".join(self.name.split()).casefold())

    @property
    def label(self) -> str:
        return self.name.strip() or f"#{self.member_number}"


@dataclass(frozen=True, slots=True)
class OfficerTerm:
    """One term in one office.  ``end`` is the last day of the term as elected;
    ``left_on`` the last day in office of an officer who left early (resigned,
    removed, died)."""

    person: Person
    office: Office
    start: dt.date
    end: dt.date
    chosen_by: ChosenBy = ChosenBy.ELECTED
    predecessor_end: dt.date | None = None  # for a vacancy: the last day of the predecessor's term
    left_on: dt.date | None = None

    @property
    def last_day(self) -> dt.date:
        return self.left_on if self.left_on is not None else self.end

    def serves_on(self, day: dt.date) -> bool:
        return self.start <= day <= self.last_day

    def overlaps(self, other: OfficerTerm) -> bool:
        return self.start <= other.last_day and other.start <= self.last_day


def anniversary(start: dt.date, years: int) -> dt.date:
    """The same month and day ``years`` later; 1 March when 29 February does not exist."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return dt.date(start.year + years, 3, 1)


def latest_end(start: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` years starting on ``start`` (see the module doc)."""
    return anniversary(start, years) - dt.timedelta(days=1)


def check_person(person: Person) -> None:
    if person.member_number is None and not person.name.strip():
        raise Refusal(N_("Choose a member or give the officer's name."), field="person")
    if person.member_number is not None and person.member_number <= 0:
        raise Refusal(N_("A member number is a whole number above 0."), field="person")
    if person.member_number is None:  # a member's name was checked when the member was entered
        check_text(person.name.strip(), "person", MAX_PERSON_NAME)


def check_term(term: OfficerTerm, bylaws: BylawsSettings) -> None:
    """Refuse a term that breaks a rule by itself, before it meets the rest of the register."""
    check_person(term.person)
    for day, field in ((term.start, "start"), (term.end, "end"), (term.predecessor_end, "predecessor_end"),
                       (term.left_on, "left_on")):
        check_date(day, field)  # before a term's length is counted from them
    if term.end < term.start:
        raise Refusal(N_("A term cannot end before it starts."), field="end")
    _check_length(term, bylaws)
    _check_vacancy(term)
    if term.left_on is not None and not term.start <= term.left_on <= term.end:
        raise Refusal(N_("The day the officer left must fall within the term."), field="left_on")


def _check_length(term: OfficerTerm, bylaws: BylawsSettings) -> None:
    cap = law.MAX_OFFICER_TERM_YEARS
    if term.end > latest_end(term.start, cap.value):
        raise Refusal(
            N_("An officer's term is at most {n} years: this one may end on {latest} at the latest."),
            article=cap.ref,
            field="end",
            n=cap.value,
            latest=latest_end(term.start, cap.value),
        )
    years = bylaws.officer_term_years
    if term.end > latest_end(term.start, years):
        # The bylaws' article number changes with every amendment, so none is cited.
        raise Refusal(
            N_("The bylaws set an officer's term at {n} years: this one may end on {latest} at the latest."),
            field="end",
            n=years,
            latest=latest_end(term.start, years),
        )


def _check_vacancy(term: OfficerTerm) -> None:
    if term.chosen_by is not ChosenBy.VACANCY:
        if term.predecessor_end is not None:
            raise Refusal(
                N_("Only an officer elected to fill a vacancy has a predecessor's term."),
                field="predecessor_end",
            )
        return
    if term.predecessor_end is None:
        raise Refusal(
            N_("Give the last day of the predecessor's term: a vacancy is filled for the rest of it."),
            article=VACANCY_REST_OF_TERM,
            field="predecessor_end",
        )
    if term.predecessor_end < term.start:
        raise Refusal(
            N_("The predecessor's term ended before this one starts, so there is no vacancy to fill."),
            article=VACANCY_REST_OF_TERM,
            field="predecessor_end",
        )
    if term.end > term.predecessor_end:
        raise Refusal(
            N_("An officer elected to fill a vacancy serves only the rest of the predecessor's term, "
               "until {latest}."),
            article=VACANCY_REST_OF_TERM,
            field="end",
            latest=term.predecessor_end,
        )


# One message per office, so that the office is translated with the sentence.
TERM_ENDING_MESSAGES = {
    Office.CHAIR: N_("The term of the chair, {name}, ends on {end}; days left: {days}."),
    Office.DIRECTOR: N_("The term of director {name} ends on {end}; days left: {days}."),
    Office.AUDITOR: N_("The term of auditor {name} ends on {end}; days left: {days}."),
}


@dataclass(frozen=True, slots=True)
class TermWarning:
    """A term that ends soon: time to prepare an election.  A warning, never a refusal."""

    term: OfficerTerm
    days_left: int  # 0 on the last day of the term

    @property
    def message(self) -> str:
        return TERM_ENDING_MESSAGES[self.term.office]

    @property
    def params(self) -> dict[str, object]:
        return {"name": self.term.person.label, "end": self.term.end, "days": self.days_left}

    @property
    def article(self) -> LawRef:
        return law.OFFICER_TERM_WARNING_DAYS.ref


def terms_ending(
    terms: Iterable[OfficerTerm], today: dt.date, within: int = law.OFFICER_TERM_WARNING_DAYS.value
) -> list[TermWarning]:
    """Terms running today that end within ``within`` days (exactly 60 days left warns), soonest first."""
    found = [
        TermWarning(t, (t.end - today).days)
        for t in terms
        if t.left_on is None and t.serves_on(today) and (t.end - today).days <= within
    ]
    return sorted(found, key=lambda w: (w.days_left, w.term.person.label))


@dataclass(frozen=True, slots=True)
class BoardRequirement:
    """Whether the co-op must have a board (이사회), with the article that says so."""

    required: bool
    message: str
    article: LawRef
    below: int  # the member count under which a board is optional

    @property
    def params(self) -> dict[str, object]:
        return {"n": self.below}


def board_required(member_count: int) -> BoardRequirement:
    """A co-op with fewer than 10 members may do without a board, by assembly resolution (Act 32①)."""
    rule = law.BOARD_OPTIONAL_BELOW_MEMBERS
    if member_count < rule.value:
        return BoardRequirement(
            False,
            N_("With fewer than {n} members the co-op may do without a board, "
               "if the general assembly so resolves."),
            rule.ref,
            rule.value,
        )
    return BoardRequirement(
        True, N_("A co-op with {n} or more members must have a board."), rule.ref, rule.value
    )
