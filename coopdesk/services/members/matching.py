"""Is this person already on the register?  One rule, for the member form and the import.

Someone entered twice is most often the same person: a form filled in again, a file imported
twice.  Details match a member on the register when they have

* the same name and the same birth date, or
* the same phone number (its digits: "010-1234-5678" is "01012345678").

Neither is proof (a namesake born the same day, a family's shared phone), so a match is a
question to the secretary, never a refusal on its own.  The import asks it of every row at once
(``RegisterIndex``: the register read once); the member form asks it of one person
(``find_on_register``: the database picks the few candidates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.text import N_
from coopdesk.i18n import Translator, current
from coopdesk.store.database import Database
from coopdesk.store.models import Member

_NOT_DIGIT = re.compile(r"\D+")


class Sameness(Enum):
    """Why details look like a member already on the register."""

    NAME_AND_BIRTH = "name_and_birth"
    PHONE = "phone"

    @property
    def field(self) -> str:
        """The form's field that matched."""
        return "birth_date" if self is Sameness.NAME_AND_BIRTH else "phone"


SAMENESS_LABELS = {
    Sameness.NAME_AND_BIRTH: N_("same name and birth date"),
    Sameness.PHONE: N_("same phone number"),
}


@dataclass(frozen=True, slots=True)
class OnRegister:
    """A member on the register that new details match, and why."""

    number: int
    name: str
    sameness: Sameness


def phone_digits(phone: str) -> str:
    return _NOT_DIGIT.sub("", phone)


class RegisterIndex:
    """The register's members by the two keys of the rule: one lookup per person to check."""

    def __init__(self, members: Iterable[tuple[int, str, dt.date | None, str | None]]) -> None:
        """``members`` as (number, name, birth date, phone), the highest number first: where two
        share a key the lowest number wins (it was there first)."""
        self.by_birth: dict[tuple[str, dt.date], tuple[int, str]] = {}
        self.by_phone: dict[str, tuple[int, str]] = {}
        for number, name, birth, phone in members:
            if birth is not None:
                self.by_birth[(name, birth)] = (number, name)
            digits = phone_digits(phone) if phone else ""
            if digits:
                self.by_phone[digits] = (number, name)

    def __bool__(self) -> bool:
        return bool(self.by_birth or self.by_phone)

    def matches(self, name: str, birth_date: dt.date | None, phone: str) -> list[OnRegister]:
        """Every member the details match: by name and birth date first, then by phone."""
        found: list[OnRegister] = []
        if birth_date is not None and (hit := self.by_birth.get((name, birth_date))) is not None:
            found.append(OnRegister(hit[0], hit[1], Sameness.NAME_AND_BIRTH))
        digits = phone_digits(phone) if phone else ""
        if digits and (hit := self.by_phone.get(digits)) is not None and hit[0] not in {f.number for f in found}:
            found.append(OnRegister(hit[0], hit[1], Sameness.PHONE))
        return found


def register_index(s: Session, coop_id: int) -> RegisterIndex:
    """The whole register, for checking many rows (an import)."""
    return RegisterIndex(s.execute(select(Member.number, Member.name, Member.birth_date, Member.phone)
                                   .where(Member.coop_id == coop_id).order_by(Member.number.desc())).all())


def find_on_register(db: Database, coop_id: int, details: MemberDetails,
                     except_number: int | None = None) -> tuple[OnRegister, ...]:
    """The members already on the register that ``details`` match (see the module's doc), lowest
    number first; ``except_number``: the member being edited, who matches themself."""
    details = details.cleaned()
    if not details.name:  # not yet someone: the form refuses it for the name first
        return ()
    digits = phone_digits(details.phone)
    wanted = []
    if details.birth_date is not None:
        wanted.append(and_(Member.name == details.name, Member.birth_date == details.birth_date))
    if digits:
        # the digits in order with anything between: the few candidates; the rule then compares digits
        wanted.append(Member.phone.like("%" + "%".join(digits) + "%"))
    if not wanted:
        return ()
    query = select(Member.number, Member.name, Member.birth_date, Member.phone).where(
        Member.coop_id == coop_id, or_(*wanted)).order_by(Member.number.desc())
    if except_number is not None:
        query = query.where(Member.number != except_number)
    with db.read() as s:
        index = RegisterIndex(s.execute(query).all())
    return tuple(sorted(index.matches(details.name, details.birth_date, details.phone), key=lambda m: m.number))


def described(matches: Iterable[OnRegister], t: Translator | None = None) -> str:
    """The members matched, as a question or a refusal names them ("no. 2 김민준 (same phone
    number)"), in ``t``'s language (default: the screen's)."""
    t = t or current()
    return ", ".join(t.gettext("no. {number} {name} ({sameness})", number=m.number, name=m.name,
                               sameness=t.gettext(SAMENESS_LABELS[m.sameness])) for m in matches)
