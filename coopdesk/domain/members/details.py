"""The details kept for each member on the register (조합원 명부), and their checks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, fields

from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import (
    ADDRESS_LENGTH,
    EMAIL_LENGTH,
    NAME_LENGTH,
    NOTE_LENGTH,
    PHONE_LENGTH,
    check_date,
    check_text,
)
from coopdesk.domain.text import N_

MAX_NAME = NAME_LENGTH
MAX_TEXT = ADDRESS_LENGTH
MAX_NOTES = NOTE_LENGTH
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()\-.]+$")
OLDEST_BIRTH_YEAR = 1900


@dataclass(frozen=True, slots=True)
class MemberDetails:
    """What a secretary types in for a member; status and number are not here."""

    name: str
    member_type: str
    birth_date: dt.date | None = None
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    # the day the member consented to the collection and use of their personal data (개인정보
    # 수집·이용 동의, Personal Information Protection Act art. 15 and 22); None: none recorded
    privacy_consent_on: dt.date | None = None

    def cleaned(self) -> MemberDetails:
        """Surrounding spaces removed, the e-mail in lower case."""
        return MemberDetails.cleaned_from(self.name, self.member_type, self.birth_date, self.phone, self.email,
                                          self.address, self.notes, self.privacy_consent_on)

    @staticmethod
    def cleaned_from(name: str, member_type: str, birth_date: dt.date | None, phone: str, email: str,
                     address: str, notes: str, privacy_consent_on: dt.date | None = None) -> MemberDetails:
        """``MemberDetails(...).cleaned()`` with one object made instead of two (an import makes 100,000)."""
        return MemberDetails(" ".join(name.split()), member_type.strip(), birth_date, phone.strip(),
                             email.strip().lower(), " ".join(address.split()), notes.strip(), privacy_consent_on)

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def check_details(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    """Refuse details that cannot be right (the first problem, in the form's order); ``d`` is
    expected to be ``cleaned()``."""
    for check in _FIELD_CHECKS:
        check(d, member_types, today)


def detail_problems(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> list[Refusal]:
    """Every problem of ``d``, at most one per field, in the form's order: an import lists a
    bad row's problems all at once, so the secretary mends the file in one go."""
    problems: list[Refusal] = []
    for check in _FIELD_CHECKS:
        try:
            check(d, member_types, today)
        except Refusal as refusal:
            problems.append(refusal)
    return problems


def _check_name(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    if not d.name:
        raise Refusal(N_("The member needs a name."), field="name")
    check_text(d.name, "name", NAME_LENGTH)


def _check_type(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    if d.member_type not in member_types:
        raise Refusal(
            N_("\u201c{value}\u201d is not a member type of this co-op ({allowed})."),
            field="member_type",
            value=d.member_type,
            allowed=", ".join(member_types),
        )


def _check_birth(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    if d.birth_date is not None:
        if d.birth_date > today:
            raise Refusal(N_("The birth date is in the future."), field="birth_date")
        if d.birth_date.year < OLDEST_BIRTH_YEAR:
            raise Refusal(N_("The birth date is too long ago."), field="birth_date")


def _check_phone_field(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    check_text(d.phone, "phone", PHONE_LENGTH)
    _check_phone(d.phone)


def _check_email(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    check_text(d.email, "email", EMAIL_LENGTH)
    if d.email and not _EMAIL.match(d.email):
        raise Refusal(N_("\u201c{value}\u201d is not an e-mail address."), field="email", value=d.email)


def _check_address(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    check_text(d.address, "address", ADDRESS_LENGTH)


def _check_notes(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    check_text(d.notes, "notes", NOTE_LENGTH, multiline=True)


def _check_consent(d: MemberDetails, member_types: tuple[str, ...], today: dt.date) -> None:
    check_consent_date(d.privacy_consent_on, d.birth_date, today)


_FIELD_CHECKS = (_check_name, _check_type, _check_birth, _check_phone_field, _check_email, _check_address,
                 _check_notes, _check_consent)


def check_consent_date(day: dt.date | None, birth_date: dt.date | None, today: dt.date) -> None:
    """The day of the consent to the use of personal data: a real day, not ahead, not before birth."""
    if day is None:
        return
    check_date(day, "privacy_consent_on")
    if day > today:
        raise Refusal(N_("The consent to the use of personal data cannot be dated after today."),
                      field="privacy_consent_on")
    if birth_date is not None and day < birth_date:
        raise Refusal(N_("The consent to the use of personal data cannot be dated before the member's birth."),
                      field="privacy_consent_on")


def _check_phone(phone: str) -> None:
    if not phone:
        return
    digits = sum(map(str.isdigit, phone))
    if not _PHONE_CHARS.match(phone) or not 7 <= digits <= 15:
        raise Refusal(N_("\u201c{value}\u201d is not a phone number."), field="phone", value=phone)
