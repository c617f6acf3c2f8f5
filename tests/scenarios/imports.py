"""Co-op files and import files for the crash tests of the imports and the surplus booking."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from coopdesk.domain.coop import BylawsSettings
from coopdesk.services.coops import create_coop
from coopdesk.services.files import open_database
from coopdesk.services.members.importing import guess_mapping, import_members, read_headers
from tests.conftest import TODAY, sample_profile

MEMBER_HEADERS = ["이름", "조합원 유형", "생년월일", "휴대폰", "이메일", "주소", "가입일", "비고"]
CAPITAL_HEADER = ["조합원번호", "출자좌수", "출자일", "납입액", "납입일", "비고"]
JOINED = dt.date(2025, 1, 2)
BYLAWS = BylawsSettings(instalments_allowed=True, dividends_as_capital=True, refund_less_losses=True)


def members_csv(path: Path, count: int) -> Path:
    """``count`` members, each with a name, a birth date, a phone and an address unlike the others'."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(MEMBER_HEADERS)
        for n in range(count):
            born = f"{1950 + n % 50}-{1 + n % 12:02d}-{1 + n % 28:02d}"
            out.writerow([f"조합원{n:05d}", "소비자", born, f"010-{n // 10000:04d}-{n % 10000:04d}", "",
                          f"서울특별시 마포구 성미산로 {n}", JOINED.isoformat(), ""])
    return path


def capital_csv(path: Path, members: range, shares: int = 10, price: int = 10_000) -> Path:
    """Each member's subscription on the day they joined, paid in full the next day."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(CAPITAL_HEADER)
        for n in members:
            out.writerow([n, shares, JOINED.isoformat(), shares * price, (JOINED + dt.timedelta(days=1)).isoformat(),
                          ""])
    return path


def new_coop(path: Path) -> int:
    db = open_database(path)
    try:
        return create_coop(db, sample_profile(bylaws=BYLAWS), adopted_on=dt.date(2025, 1, 1)).id
    finally:
        db.close()


def coop_with_members(path: Path, folder: Path, count: int) -> int:
    """A co-op whose ``count`` members (numbers 1 to ``count``) joined on JOINED, without capital."""
    coop_id = new_coop(path)
    source = members_csv(folder / "members.csv", count)
    db = open_database(path)
    try:
        import_members(db, coop_id, source, dict(guess_mapping(list(read_headers(source)))))
    finally:
        db.close()
    return coop_id


__all__ = ["TODAY", "capital_csv", "coop_with_members", "members_csv", "new_coop"]


def surplus_to_book(path: Path, folder: Path, count: int) -> tuple[int, int]:
    """``count`` members with 10 paid shares each and a year's patronage; the 2025 appropriation on
    the agenda of the 2026 assembly, a majority of the members here and the item voted (passed),
    not yet closed: closing it books the dividends, credited to capital as whole shares.  The
    meeting's number and the item's place on its agenda."""
    from coopdesk.domain.capital.surplus import Plan
    from coopdesk.domain.meetings.kinds import MeetingKind
    from coopdesk.services.capital.importing import guess_mapping as capital_mapping
    from coopdesk.services.capital.importing import import_capital
    from coopdesk.services.capital.surplus import YearInput, enter_year, put_on_agenda, set_patronage
    from coopdesk.services.meetings.agenda import get_item
    from coopdesk.services.meetings.attendance import check_in
    from coopdesk.services.meetings.meeting import MeetingInput, create_meeting
    from coopdesk.services.meetings.votes import record_counts
    from coopdesk.services.members.importing import read_headers as headers

    coop_id = coop_with_members(path, folder, count)
    capital = capital_csv(folder / "capital.csv", range(1, count + 1))
    db = open_database(path)
    try:
        import_capital(db, coop_id, capital, dict(capital_mapping(list(headers(capital)))), today=TODAY)
        paid = count * 100_000
        enter_year(db, coop_id, YearInput(2025, paid), Plan(legal_reserve=paid // 10, capital_dividend=paid // 20,
                                                            patronage_dividend=paid // 4),
                   dividends_as_capital=True)
        set_patronage(db, coop_id, 2025, {n: 10_000 * (1 + n % 7) for n in range(1, count + 1)})
        held = dt.date(2026, 3, 28)
        meeting = create_meeting(db, coop_id, MeetingInput(MeetingKind.ORDINARY_ASSEMBLY, "2026년 정기총회", held)).id
        present = range(1, count // 2 + 2)
        with db.all_or_nothing() as j:
            for n in present:
                check_in(j, coop_id, meeting, n, at=dt.datetime.combine(held, dt.time(14, 0)))
        item = put_on_agenda(db, coop_id, 2025, meeting).item_id
        record_counts(db, coop_id, item, len(present), 0, 0)
        return meeting, get_item(db, coop_id, item).position
    finally:
        db.close()
