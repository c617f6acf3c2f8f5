"""Importing members from an Excel or CSV file: all of them, or none.

Every row is checked as if the secretary had typed it into the member form; if any row
is wrong nothing is imported and every wrong row is listed with its line number.  The
good case is one transaction with one audit entry.  Member numbers always come from the
program, never from the file (numbers are never reused, so a file cannot choose them).

A row that matches a member already on the register (same name and birth date, or the
same phone number) is most often the same file imported twice.  Such rows are listed
with whom they match and nothing is imported, unless the secretary chose to skip them
or to import them anyway (a namesake born the same day, a family's shared phone).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from dataclasses import dataclass
from enum import Enum
from operator import itemgetter
from pathlib import Path

from sqlalchemy.orm import Session

from coopdesk.domain.errors import Cancelled, ImportRejected, Refusal, RowProblem
from coopdesk.domain.members.details import MemberDetails, check_details, detail_problems
from coopdesk.domain.text import N_
from coopdesk.i18n import current
from coopdesk.services import table_files
from coopdesk.services.members.listing import collector_paused
from coopdesk.services.coops import CoopInfo, get_coop
from coopdesk.services.members.import_write import Checked, write_members
from coopdesk.services.members.matching import Sameness, phone_digits, register_index
from coopdesk.services.members.member import check_dates, check_not_in_founding
from coopdesk.services.table_files import Progress, TableRow, Value, unneutralise
from coopdesk.services.table_headings import guess_columns, heading_key, known_headings
from coopdesk.store.database import Database

Mapping = dict[str, int | None]


@dataclass(frozen=True, slots=True)
class ImportField:
    key: str
    label: str  # message id, translated where it is shown
    required: bool = False


FIELDS: tuple[ImportField, ...] = (
    ImportField("name", N_("Name"), required=True),
    ImportField("member_type", N_("Type")),
    ImportField("birth_date", N_("Birth date")),
    ImportField("phone", N_("Phone")),
    ImportField("email", N_("E-mail")),
    ImportField("address", N_("Address")),
    ImportField("joined_on", N_("Joining date")),
    ImportField("applied_on", N_("Application date")),
    ImportField("notes", N_("Notes")),
    ImportField("privacy_consent_on", N_("Personal data consent")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

# Headings people give these columns, compared without case, spaces or punctuation.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("이름", "성명", "성함", "조합원명", "조합원이름", "name", "fullname", "membername"),
    "member_type": ("조합원유형", "유형", "조합원구분", "구분", "조합원종류", "type", "membertype", "kind"),
    "birth_date": ("생년월일", "생일", "출생일", "birthdate", "dateofbirth", "birthday", "dob", "born"),
    "phone": ("전화", "전화번호", "연락처", "휴대폰", "휴대폰번호", "휴대전화", "핸드폰", "핸드폰번호",
              "phone", "phonenumber", "mobile", "tel", "telephone", "contact"),
    "email": ("이메일", "이메일주소", "전자우편", "메일", "email", "emailaddress", "mail"),
    "address": ("주소", "주소지", "address"),
    "joined_on": ("가입일", "가입일자", "가입날짜", "가입승낙일", "joined", "joinedon", "joiningdate",
                  "datejoined", "admitted", "admissiondate", "joindate"),
    "applied_on": ("신청일", "신청일자", "가입신청일", "applied", "appliedon", "applicationdate"),
    "notes": ("비고", "메모", "참고", "특이사항", "notes", "note", "remarks", "memo", "comments"),
    "privacy_consent_on": ("개인정보동의일", "개인정보동의", "개인정보수집이용동의일", "개인정보수집이용동의",
                           "개인정보동의일자", "정보동의일", "privacyconsent", "personaldataconsent",
                           "dataconsent", "consentdate", "consentedon"),
}
# "가입신청일" holds "신청일" and "가입": the application date is tried before the joining date.
_CONTAINS_ORDER = ("applied_on", *(k for k in FIELD_KEYS if k != "applied_on"))
_DATE = re.compile(r"(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DATE_KO = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_DATE_DIGITS = re.compile(r"(\d{4})(\d{2})(\d{2})")


@dataclass(frozen=True, slots=True)
class ImportPreview:
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]  # (line in the file, cells as shown)
    total: int  # data rows in the whole file
    mapping: Mapping  # the guess; the user may change it
    encoding: str | None  # the CSV encoding found, None for a workbook


@dataclass(frozen=True, slots=True)
class ImportResult:
    count: int
    first_number: int  # 0 when nothing was imported (every row skipped)
    last_number: int
    skipped: int = 0  # rows left out because they match members already on the register


class Existing(Enum):
    """What an import does with rows that match members already on the register."""

    REFUSE = "refuse"  # the default: nothing is imported, the matching rows are listed
    SKIP = "skip"  # import only the rows that match no one
    ALLOW = "allow"  # import every row, the matching ones too


class AlreadyOnRegister(ImportRejected):
    """Rows that match members already on the register; nothing was imported.

    Each problem names the member the row matches.  The import can be run again with
    ``Existing.SKIP`` or ``Existing.ALLOW``.
    """

    def __init__(self, problems: list[RowProblem], new: int) -> None:
        super().__init__(problems)
        self.message = N_("Nothing was imported. Rows that match members already on the register: {count}; "
                          "new rows: {new}.")
        self.params = {"count": len(problems), "new": new}
        self.new = new


_SAME_BIRTH = N_("Already on the register: member no. {number}, {name} (same name and birth date).")
_SAME_PHONE = N_("Already on the register: member no. {number}, {name} (same phone number).")


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """Which column holds which field, from the headings; None where nothing fits."""
    known = known_headings(_HEADINGS, ((f.key, f.label) for f in FIELDS))
    return guess_columns(headers, FIELD_KEYS, known, {field: _HEADINGS[field] for field in _CONTAINS_ORDER})


def check_mapping(mapping: Mapping, coop: CoopInfo, column_count: int | None = None) -> None:
    """Refuse a mapping that cannot work, before a single row is read."""
    unknown = set(mapping) - set(FIELD_KEYS)
    if unknown:
        raise ValueError(f"unknown import fields {sorted(unknown)}")
    if mapping.get("name") is None:
        raise Refusal(N_("Choose the column that holds the members' names."), field="name")
    if mapping.get("member_type") is None and len(coop.member_types) != 1:
        raise Refusal(N_("Choose the column that holds the member type: this co-op has several ({allowed})."),
                      field="member_type", allowed=", ".join(coop.member_types))
    if mapping.get("joined_on") is None and mapping.get("applied_on") is None:
        raise Refusal(N_("Choose the column that holds the joining date or the application date."),
                      field="joined_on")
    used = [c for c in mapping.values() if c is not None]
    for column in used:
        if used.count(column) > 1:
            raise Refusal(N_("Column {column} is chosen for two fields; choose it for one only."),
                          field="mapping", column=column + 1)
        if column < 0 or (column_count is not None and column >= column_count):
            raise Refusal(N_("The file has no column {column}."), field="mapping", column=column + 1)


def preview(path: str | Path, encoding: str | None = None, rows: int = 20,
            progress: Progress | None = None) -> ImportPreview:
    table = table_files.read_table(path, encoding=encoding, limit=rows, progress=progress)
    shown = [(r.line, tuple(display(v) for v in r.values)) for r in table.rows]
    return ImportPreview(table.headers, shown, table.row_count, guess_mapping(table.headers), table.encoding)


def read_headers(path: str | Path, encoding: str | None = None) -> tuple[str, ...]:
    """Only the headings of the file's columns: quicker than a preview of a long file."""
    with table_files.open_table(path, encoding=encoding) as table:
        return table.headers


def display(value: Value) -> str:
    if type(value) is str:
        return unneutralise(value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def import_members(db: Database, coop_id: int, path: str | Path, mapping: Mapping, *,
                   encoding: str | None = None, today: dt.date | None = None,
                   progress: Progress | None = None, existing: Existing = Existing.REFUSE) -> ImportResult:
    """Every row of the file as a new member, or nothing at all (``ImportRejected``).

    Rows that match members already on the register are refused (``AlreadyOnRegister``),
    skipped or imported, as ``existing`` says.  The file is read once, a row at a time:
    each row is checked as it is read and kept as a checked row (no file row, no cell
    is held), then all are written in one transaction.  Reading is 0–90 of the
    progress, writing 90–100; Cancel at any moment before the commit leaves nothing imported.
    """
    today = today or dt.date.today()
    coop = get_coop(db, coop_id)
    with db.read() as s:  # before the file is read: a co-op in founding takes consenters, not members
        check_not_in_founding(s, coop_id, coop.name)
    check_mapping(mapping, coop)
    with collector_paused():
        with table_files.open_table(path, encoding=encoding, progress=_part(progress, 0, 90)) as table:
            check_mapping(mapping, coop, len(table.headers))
            rows = check_rows(table.rows, mapping, coop, len(table.headers), today, table.headers)
        if not rows:
            raise Refusal(N_("The file holds no members to import."), field="path")
        tick = _writing(progress)
        tick(0, len(rows))
        with db.write() as s:
            check_not_in_founding(s, coop_id, coop.name)
            # In the writing transaction: the register cannot change between the check and the import.
            matches = [] if existing is Existing.ALLOW else on_register(s, coop_id, rows)
            if matches and existing is Existing.REFUSE:
                raise AlreadyOnRegister([problem for _index, problem in matches], len(rows) - len(matches))
            if matches:
                left_out = {index for index, _problem in matches}
                rows = [row for i, row in enumerate(rows) if i not in left_out]
            first, last = write_members(s, coop_id, rows, tick) if rows else (0, 0)
            # The first events and the audit entry take a while at 100,000 rows: a Cancel
            # pressed meanwhile is still heard here, before the commit, and undoes it all.
            tick(len(rows), len(rows))
    if progress is not None:
        progress(100, 100)
    return ImportResult(len(rows), first, last, len(matches))


def _writing(progress: Progress | None) -> Callable[[int, int], None]:
    """Progress of the writing, 90 to 99: a Cancel raises, and the transaction undoes it all."""
    def tick(done: int, total: int) -> None:
        if progress is not None and progress(90 + done * 9 // max(total, 1), 100) is False:
            raise Cancelled()
    return tick


def on_register(s: Session, coop_id: int, rows: Sequence[Checked]) -> list[tuple[int, RowProblem]]:
    """The rows that match a member on the register, as (index, problem naming the member).

    The rule is ``matching``'s, the member form's too.  The register is read once into its
    index; each row is then a lookup, so a check of 100,000 rows costs what reading the
    register costs.
    """
    index = register_index(s, coop_id)
    if not index:
        return []
    found: list[tuple[int, RowProblem]] = []
    for i, (line, d, _joined, _applied) in enumerate(rows):
        matches = index.matches(d.name, d.birth_date, d.phone)
        if matches:
            match = matches[0]
            message = _SAME_BIRTH if match.sameness is Sameness.NAME_AND_BIRTH else _SAME_PHONE
            found.append((i, RowProblem(line, Refusal(message, field=match.sameness.field, number=match.number,
                                                      name=match.name))))
    return found


def column_text(problem: RowProblem) -> str:
    """The column a row's problem is in, as a spreadsheet shows it: its letter and heading ("" for
    a problem of the whole row)."""
    if problem.column is None:
        return ""
    letter = _column_letter(problem.column)
    if not problem.heading.strip():
        return letter
    return current().gettext("{letter} ({heading})", letter=letter, heading=problem.heading.strip())


def _column_letter(index: int) -> str:
    """A, B, … Z, AA, AB …: the column's name in a spreadsheet (0 is A)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _part(progress: Progress | None, start: int, span: int) -> Progress | None:
    """One phase of the import as a share of a 0..100 bar."""
    if progress is None:
        return None
    return lambda done, total: progress(start + done * span // max(total, 1), 100)


def check_rows(rows: Iterable[TableRow], mapping: Mapping, coop: CoopInfo, width: int,
               today: dt.date, headers: Sequence[str] = ()) -> list[Checked]:
    """The rows checked, each with the line it came from; raises ``ImportRejected``
    listing every bad row.  Once a row is bad nothing will be imported: the rest are
    still checked, for the list, but no longer kept."""
    read = RowReader(mapping, coop, width, today)
    read.headings = {k: headers[c] for k, c in read.columns.items() if c < len(headers)}
    checked: list[Checked] = []
    problems: list[RowProblem] = []
    seen: dict[tuple[str, dt.date | None, str], int] = {}
    for row in rows:
        try:
            entry = read(row)
        except Refusal as refusal:
            refusal.__traceback__ = refusal.__context__ = None  # keep no row's frames alive
            # every problem of the row, each at its column
            problems.extend(read.problems(row) or [RowProblem(row.line, refusal)])
            continue
        d = entry[1]
        if d.birth_date is not None or d.phone:
            first = seen.setdefault((d.name, d.birth_date, phone_digits(d.phone)), row.line)
            if first != row.line:
                problems.append(RowProblem(row.line, Refusal(
                    N_("Line {line} is the same member (same name, birth date and phone)."), line=first)))
                continue
        if not problems:
            checked.append(entry)
    if problems:
        raise ImportRejected(problems)
    return checked


class RowReader:
    """Turns one row into a checked row, as the member form would check it."""

    def __init__(self, mapping: Mapping, coop: CoopInfo, width: int, today: dt.date) -> None:
        # A field without a column reads the None appended after the last column.
        self._pick = itemgetter(*(width if mapping.get(k) is None else mapping[k] for k in FIELD_KEYS))
        self.types = coop.member_types
        # "소비자 조합원" or "CONSUMER" in a file still finds the type "소비자조합원" / "Consumer".
        self.type_names = {heading_key(t): t for t in coop.member_types}
        self.default_type = coop.member_types[0] if len(coop.member_types) == 1 else ""
        self.today = today
        self.columns = {k: c for k, c in mapping.items() if c is not None}
        self.headings: dict[str, str] = {}  # filled by check_rows, which has the file's headings
        self._dates: dict[Value, dt.date] = {}
        self._types: dict[Value, str] = {}

    def __call__(self, row: TableRow) -> Checked:
        name, member_type, birth, phone, email, address, joined, applied, notes, consent = self._pick(
            (*row.values, None))
        details = MemberDetails.cleaned_from(_text(name), self._type(member_type), self.date(birth, "birth_date"),
                                             _phone(phone), _text(email), _text(address), _text(notes),
                                             self.date(consent, "privacy_consent_on"))
        check_details(details, self.types, self.today)
        joined_on = self.date(joined, "joined_on")
        applied_on = self.date(applied, "applied_on")
        check_dates(joined_on, applied_on, self.today)
        return (row.line, details, joined_on, applied_on)

    def problems(self, row: TableRow) -> list[RowProblem]:
        """Every problem of a bad row, each with its column: asked only of a row already refused,
        so the good rows of a long file pay for one check, not for a list."""
        name, member_type, birth, phone, email, address, joined, applied, notes, consent = self._pick(
            (*row.values, None))
        found: list[Refusal] = []

        def attempt(check: Callable[..., Any], *args: Any) -> Any:
            try:
                return check(*args)
            except Refusal as refusal:
                refusal.__traceback__ = refusal.__context__ = None  # keep no row's frames alive
                found.append(refusal)
                return None

        kind = attempt(self._type, member_type)
        birth_date = attempt(self.date, birth, "birth_date")
        consent_on = attempt(self.date, consent, "privacy_consent_on")
        details = MemberDetails.cleaned_from(_text(name), kind or "", birth_date, _phone(phone), _text(email),
                                             _text(address), _text(notes), consent_on)
        found.extend(p for p in detail_problems(details, self.types, self.today)
                     if not (p.field == "member_type" and kind is None))  # said once, as missing
        joined_on = attempt(self.date, joined, "joined_on")
        applied_on = attempt(self.date, applied, "applied_on")
        if not any(r.field in ("joined_on", "applied_on") for r in found):
            attempt(check_dates, joined_on, applied_on, self.today)
        problems = [RowProblem(row.line, r, self.columns.get(r.field or ""), self.headings.get(r.field or "", ""))
                    for r in found]
        return sorted(problems, key=lambda p: (p.column is None, p.column or 0))  # as the row reads

    def _type(self, value: Value) -> str:
        found = self._types.get(value)
        if found is None:
            text = _text(value).strip()
            if not text and not self.default_type:
                raise Refusal(N_("The member type is missing: give one of {allowed}."), field="member_type",
                              allowed=", ".join(self.types))
            found = self._types[value] = self.type_names.get(heading_key(text), text) if text else self.default_type
        return found

    def date(self, value: Value, field: str) -> dt.date | None:
        if value is None or value == "":
            return None
        if type(value) is dt.date:
            return value
        # Thousands of rows share a few hundred dates: parse each text once.
        found = self._dates.get(value)
        if found is None:
            found = self._dates[value] = parse_date(value, field)
        return found


def parse_date(value: Value, field: str = "date") -> dt.date:
    """2024-03-01, 2024.3.1, 2024/03/01, 20240301 or 2024년 3월 1일."""
    if isinstance(value, dt.date):
        return value
    text = display(value).strip()
    match = _DATE.fullmatch(text) or _DATE_KO.fullmatch(text) or _DATE_DIGITS.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        return dt.date(*map(int, match.groups()))
    except ValueError:
        raise Refusal(N_("\u201c{value}\u201d is not a date; write it like 2024-03-01."),
                      field=field, value=text) from None


def _text(value: Value) -> str:
    if type(value) is str:
        # "'=SUM(1,1)" is how a CSV export keeps a formula from running: the text is "=SUM(1,1)".
        return value if value[:1] != "'" else unneutralise(value)
    if value is None:
        return ""
    return display(value)


def _phone(value: Value) -> str:
    """A phone number; one stored as a number in Excel has lost its leading 0."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "0" + display(value)  # every Korean number dialled at home starts with 0
    return _text(value)

