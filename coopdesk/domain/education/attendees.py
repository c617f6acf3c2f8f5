"""Who attended a session: a member, or a person who is not a member yet.

**Typed as at check-in.**  The secretary types a member number or part of a name
(``pick``): a number is taken as it is; a name that is exactly one person's is that
person; a text that fits one person only is that person; two who both fit (two 김민준) are
never guessed between.  Those already on the session's list are left out first, as the
meeting's check-in leaves out those already here.

**A person not yet a member** (``Guest``: a founder at the founding course, an applicant at
an orientation) is kept with their name, birth date and phone, so that the record follows
them when they join.  The rule that links them (``same_person``), applied when a member is
added to the register:

1. the names are the same, ignoring spaces and case ("김 민준" is "김민준"), and
2. if both give a birth date, the birth dates are the same — a birth date decides, since a
   phone number changes more often than a birthday; else
3. both give a phone number and its digits are the same ("010-1234-5678" is "01012345678").

A name alone links nobody: two people share names too often.

**No one twice in a session** (``may_be_same``): a second guest is refused when they may be
the first — the same name, and neither the birth dates nor the phone numbers say otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, fields

from coopdesk.domain.errors import Refusal, check_all
from coopdesk.domain.fields import NAME_LENGTH, PHONE_LENGTH, check_text
from coopdesk.domain.text import N_

_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-.]+$")  # as the register's check of a member's phone
OLDEST_BIRTH_YEAR = 1900


def plain_name(name: str) -> str:
    """A name as people compare names: spaces and case ignored."""
    return "".join(name.split()).casefold()


def phone_digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit())


@dataclass(frozen=True, slots=True)
class Guest:
    """A person who is not a member (yet): the details that let the record follow them."""

    name: str
    birth_date: dt.date | None = None
    phone: str = ""

    def cleaned(self) -> Guest:
        return Guest(" ".join(self.name.split()), self.birth_date, self.phone.strip())

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def check_guest(g: Guest, today: dt.date) -> None:
    """Refuse details that cannot be right, every problem at once; ``g`` is expected ``cleaned()``."""
    check_all(lambda: _check_name(g.name), lambda: _check_birth_date(g.birth_date, today),
              lambda: _check_phone(g.phone))


def _check_name(name: str) -> None:
    if not name:
        raise Refusal(N_("Give the person's name."), field="name")
    check_text(name, "name", NAME_LENGTH)


def _check_birth_date(birth_date: dt.date | None, today: dt.date) -> None:
    if birth_date is None:
        return
    if birth_date > today:
        raise Refusal(N_("The birth date is in the future."), field="birth_date")
    if birth_date.year < OLDEST_BIRTH_YEAR:
        raise Refusal(N_("The birth date is too long ago."), field="birth_date")


def _check_phone(phone: str) -> None:
    check_text(phone, "phone", PHONE_LENGTH)
    if phone and (not _PHONE_CHARS.match(phone) or not 7 <= len(phone_digits(phone)) <= 15):
        raise Refusal(N_("\u201c{value}\u201d is not a phone number."), field="phone", value=phone)


def same_person(guest: Guest, name: str, birth_date: dt.date | None, phone: str) -> bool:
    """Is the guest the person with these details?  The linking rule of the module's doc."""
    if plain_name(guest.name) != plain_name(name):
        return False
    if guest.birth_date is not None and birth_date is not None:
        return guest.birth_date == birth_date
    mine, theirs = phone_digits(guest.phone), phone_digits(phone)
    return bool(mine) and mine == theirs


def may_be_same(a: Guest, b: Guest) -> bool:
    """Could two guests of one session be one person?  Nothing they give tells them apart."""
    if plain_name(a.name) != plain_name(b.name):
        return False
    if a.birth_date is not None and b.birth_date is not None and a.birth_date != b.birth_date:
        return False
    mine, theirs = phone_digits(a.phone), phone_digits(b.phone)
    return not (mine and theirs and mine != theirs)


@dataclass(frozen=True, slots=True)
class Pick:
    """What a typed text names: ``chosen`` (a member number), or the several who fit."""

    chosen: int | None
    fitting: tuple[tuple[int, str], ...] = ()  # (number, name) of those who fit, not yet on the list


def pick(typed: str, candidates: Sequence[tuple[int, str]], listed: Collection[int] = ()) -> Pick:
    """The member ``typed`` names among ``candidates`` (number, name: those whose name contains the
    text, as the database found them); ``listed`` are already on the session's list."""
    query = plain_name(typed)
    if query.isdigit():
        return Pick(int(query))
    fitting = tuple(sorted(((n, name) for n, name in candidates
                            if query and query in plain_name(name) and n not in listed),
                           key=lambda c: (plain_name(c[1]) != query, c[0])))
    exact = [c for c in fitting if plain_name(c[1]) == query]
    if len(exact) == 1:
        return Pick(exact[0][0], fitting)
    if len(fitting) == 1:
        return Pick(fitting[0][0], fitting)
    return Pick(None, tuple(exact) or fitting)
