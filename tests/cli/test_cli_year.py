"""`coopdesk year list | done | undone | calendar`: the co-op's legal year scripted end to end, the
calendar written by a real process and read back with the ``icalendar`` package."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from tests.cli.conftest import SAMPLE_INIT, run_process

TODAY = "2026-11-21"


def ok(result):
    assert result.code == 0, result.err
    return result


@pytest.fixture
def year(cli, coop_file):
    """A co-op founded 2024-01-01 with three members: no assembly, no officers recorded."""
    ok(cli("--db", coop_file, *SAMPLE_INIT, "--adopted", "2024-01-01"))

    def run(*args: str):
        return cli("--db", coop_file, *args)

    for name in ("김민준", "이서연", "박도윤"):
        ok(run("member", "add", "--name", name, "--type", "소비자", "--joined", "2024-01-10"))
    return run


def tasks(run, *extra: str) -> dict[str, dict]:
    listed = ok(run("year", "list", "--json", "--today", TODAY, *extra)).json()
    assert listed["today"] == TODAY
    return {t["key"]: t for t in listed["tasks"]}


def test_the_list_says_what_the_law_expects_with_dates_and_articles(year):
    found = tasks(year)
    assembly = found["ordinary_assembly:2025"]
    assert (assembly["due_on"], assembly["urgency"], assembly["article"], assembly["area"]) == \
        ("2026-03-31", "overdue", "Act 28③", "meetings")
    assert assembly["text"] == "Hold the ordinary general assembly for fiscal year 2025 by Mar 31, 2026."
    assert found["few_members:2026"]["params"] == {"count": 3, "n": 5} and found["few_members:2026"]["warning"]
    assert found["board_below_minimum:2026"]["article"] == "Act 34①"
    assert found["no_assembly:2026"]["params"]["since"] == "2024-01-01"
    table = ok(year("--language", "ko", "year", "list", "--today", TODAY)).out
    assert "기한 지남" in table and "2025 회계연도 정기총회를 2026. 3. 31.까지 여세요." in table and "법 제28조③" in table


def test_a_task_is_marked_done_with_its_day_and_note_and_unmarked(year):
    done = ok(year("year", "done", "yearly_report:2025", "--on", "2026-03-30", "--note", "시청 제출",
                   "--today", TODAY))
    assert done.out.startswith("Marked done on Mar 30, 2026: Report the member count")
    found = tasks(year)
    assert (found["yearly_report:2025"]["done_on"], found["yearly_report:2025"]["done_note"]) == \
        ("2026-03-30", "시청 제출")
    listed = ok(year("year", "list", "--json", "--today", TODAY)).json()["tasks"]
    assert listed[-1]["key"] == "yearly_report:2025"  # the done ones after the open ones
    ok(year("year", "undone", "yearly_report:2025", "--today", TODAY))
    assert tasks(year)["yearly_report:2025"]["done_on"] is None


def test_refusals_are_exit_3_with_the_reason(year):
    future = year("year", "done", "yearly_report:2025", "--on", "2026-11-22", "--today", TODAY)
    assert future.code == 3 and "after today" in future.err
    unknown = year("year", "done", "ordinary_assembly:1999", "--today", TODAY)
    assert unknown.code == 3 and "ordinary_assembly:1999" in unknown.err
    assert year("year", "undone", "yearly_report:2025").code == 3
    assert year("year", "done", "yearly_report:2025", "--on", "31-03-2026").code == 2


def test_the_calendar_written_by_a_real_process_is_read_back(year, coop_file, tmp_path):
    target = tmp_path / "일정.ics"
    made = run_process("--db", coop_file, "--json", "year", "calendar", "-o", target, "--language", "ko",
                       "--today", TODAY)
    assert made.code == 0, made.err
    assert made.out and '"language": "ko"' in made.out
    events = [c for c in Calendar.from_ical(target.read_bytes()).walk() if c.name == "VEVENT"]
    open_tasks = [t for t in tasks(year).values() if t["done_on"] is None]
    assert len(events) == len(open_tasks)
    assembly = next(e for e in events if str(e["UID"]).startswith("ordinary_assembly-2025-"))
    assert assembly.decoded("DTSTART") == dt.date(2026, 3, 31)
    assert str(assembly["SUMMARY"]) == "정기총회 (햇살마을협동조합)"
    again = run_process("--db", coop_file, "year", "calendar", "-o", tmp_path / "b.ics", "--today", TODAY)
    assert again.code == 0 and again.out.startswith(f"Wrote {len(events)} event(s)")
    uids = [str(e["UID"]) for e in Calendar.from_ical((tmp_path / "b.ics").read_bytes()).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in events]


def test_a_calendar_that_cannot_be_written_is_exit_1(year, tmp_path):
    missing = tmp_path / "없는 폴더" / "x.ics"
    failed = year("year", "calendar", "-o", missing, "--today", TODAY)
    assert failed.code == 1 and failed.err


def test_a_withheld_refund_is_listed_as_withheld_not_as_due(year, coop_file):
    """Member 3 withdrew in 2025 holding capital; the co-op withholds the refund (entered through the
    services, as the Capital page does)."""
    from coopdesk.domain.members.details import MemberDetails
    from coopdesk.domain.members.standing import EventKind
    from coopdesk.services.capital.ledger import NewSubscription, pay, subscribe_many
    from coopdesk.services.capital.refunds import withhold_refund
    from coopdesk.services.coops import get_coop, list_coops
    from coopdesk.services.files import open_database
    from coopdesk.services.members.member import add_member, record_event

    day = dt.date.fromisoformat(TODAY)
    db = open_database(coop_file)
    try:
        coop_id = list_coops(db)[0].id
        add_member(db, coop_id, MemberDetails("최하은", "소비자"), joined_on=dt.date(2024, 1, 10), today=day)
        subscribe_many(db, coop_id, [NewSubscription(n, 3, dt.date(2024, 1, 10)) for n in (1, 2, 3, 4)],
                       today=day)  # a quarter each: none above 30%
        pay(db, coop_id, 3, 3 * get_coop(db, coop_id).bylaws.share_price, on=dt.date(2024, 1, 11), today=day)
        record_event(db, coop_id, 3, EventKind.WITHDRAWN, dt.date(2025, 6, 30), today=day)
        withhold_refund(db, coop_id, 3, on=dt.date(2026, 1, 5), reason="물품 외상", today=day)
    finally:
        db.close()
    found = tasks(year)
    withheld = [t for k, t in found.items() if k.startswith("refund_withheld:")]
    assert len(withheld) == 1 and not [k for k in found if k.startswith(("refund_lapse:", "refund_claimable:"))]
    task = withheld[0]
    assert (task["on_hold"], task["urgency"], task["params"]["reason"]) == (True, "later", "물품 외상")
    table = ok(year("--language", "ko", "year", "list", "--today", TODAY)).out
    assert "환급 정지" in table and "물품 외상" in table
