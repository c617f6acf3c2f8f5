"""Who is on the register, asked of the database: the count the officer check rests on, and
the few members a form's picker finds, each compared with the domain's rule member by member,
on SQLite and on PostgreSQL."""

import datetime as dt
import itertools

from sqlalchemy import select

from coopdesk.domain.members.standing import EventKind, Standing
from coopdesk.services.members.current import (
    count_on_register,
    find_on_register,
    on_register_by_number,
)
from coopdesk.services.officers.terms import register_check
from coopdesk.store.models import Member, MemberType

D = dt.date
DAY = D(2026, 3, 28)
NOTICE_DAYS = 30


def days(n):
    return DAY + dt.timedelta(days=n)


def standings():
    """Every shape of standing around the day: not yet admitted, admitted before, on or after it;
    a withdrawal notice running out before, on or after it; gone before, on or after it; and a
    leaving date without a reason."""
    joined = (None, days(-400), days(-1), days(0), days(1))
    notice = (None, days(-40), days(-30), days(-29), days(0), days(1))
    left = [(None, None)] + [(on, kind) for on in (days(-1), days(0), days(1))
                             for kind in (EventKind.WITHDRAWN, EventKind.DECEASED, EventKind.EXPELLED, None)]
    for j, n, (l_on, l_as) in itertools.product(joined, notice, left):
        leaves = None if n is None else n + dt.timedelta(days=NOTICE_DAYS)
        yield Standing(days(-420), j, n, leaves, l_on, l_as)


def put_members(db, coop, people):
    """Members straight into the register: ``people`` is (name, standing) by number from 1."""
    with db.write() as s:
        type_id = s.execute(select(MemberType.id).where(MemberType.coop_id == coop.id)).scalars().first()
        s.add_all(Member(coop_id=coop.id, number=n, name=name, member_type_id=type_id,
                         applied_on=st.applied_on, joined_on=st.joined_on, notice_on=st.notice_on,
                         leaves_on=st.leaves_on, left_on=st.left_on, left_as=st.left_as)
                  for n, (name, st) in enumerate(people, start=1))


def current(st: Standing, day=DAY) -> bool:
    return st.status_on(day).is_current


def test_the_count_is_exactly_the_members_the_domain_calls_current(db, coop):
    shapes = list(standings())
    put_members(db, coop, [(f"조합원{n}", st) for n, st in enumerate(shapes, start=1)])
    for day in (days(-1), DAY, days(1), days(40)):
        expected = sum(1 for st in shapes if current(st, day))
        assert 0 < expected < len(shapes)
        assert count_on_register(db, coop.id, day) == expected
        assert count_on_register(db, coop.id, day, up_to=10) == 10  # counted only as far as asked
        assert count_on_register(db, coop.id, day, up_to=expected + 5) == expected
    # the board rule rests on that count
    check = register_check(db, coop.id, on=DAY)
    assert check.member_count == sum(1 for st in shapes if current(st))


def test_the_board_rule_needs_only_to_know_whether_ten_are_on_the_register(db, coop):
    """What the officers page asks (counting stops at 10) decides as the full count does, at 9,
    10 and 11 members on the register, with members who left among them."""
    gone = Standing(D(2020, 1, 1), D(2020, 1, 1), left_on=days(-1), left_as=EventKind.WITHDRAWN)
    member = Standing(D(2020, 1, 1), D(2020, 1, 1))
    people = [(f"탈퇴{n}", gone) for n in range(5)] + [(f"조합원{n}", member) for n in range(11)]
    put_members(db, coop, people)
    for day, on_register_then in ((DAY, 11), (days(-2), 16)):  # before the five left, sixteen
        full, quick = register_check(db, coop.id, on=day), register_check(db, coop.id, on=day, count_all=False)
        assert (full.member_count, quick.member_count) == (on_register_then, None)
        assert full.board == quick.board and quick.board.required
    with db.write() as s:  # two of the eleven leave: nine remain
        for number in (6, 7):
            row = s.execute(select(Member).where(Member.coop_id == coop.id, Member.number == number)).scalar_one()
            row.left_on, row.left_as = days(-1), EventKind.DECEASED
    full, quick = register_check(db, coop.id, on=DAY), register_check(db, coop.id, on=DAY, count_all=False)
    assert full.member_count == 9 and full.board == quick.board and not quick.board.required


def test_the_picker_finds_only_members_on_the_register_that_day(db, coop):
    shapes = list(standings())
    put_members(db, coop, [(f"조합원{n}", st) for n, st in enumerate(shapes, start=1)])
    on_day = [n for n, st in enumerate(shapes, start=1) if current(st)]
    found = find_on_register(db, coop.id, "", DAY, limit=len(shapes))
    assert [number for number, _name in found] == on_day
    assert find_on_register(db, coop.id, "조합원", DAY, limit=5) == [(n, f"조합원{n}") for n in on_day[:5]]
    for n, st in enumerate(shapes, start=1):
        assert (on_register_by_number(db, coop.id, n, DAY) is not None) == current(st)


def test_a_number_typed_finds_the_numbers_that_start_with_it(db, coop):
    member = Standing(D(2020, 1, 1), D(2020, 1, 1))
    put_members(db, coop, [(f"이름{n}", member) for n in range(1, 131)])
    found = find_on_register(db, coop.id, "12", DAY)
    assert [n for n, _ in found] == [12, *range(120, 130)]
    assert find_on_register(db, coop.id, "12. 이름12", DAY)[0] == (12, "이름12")  # the picker's own label
    assert on_register_by_number(db, coop.id, 12, DAY) == (12, "이름12")
    assert on_register_by_number(db, coop.id, 999, DAY) is None
    assert len(find_on_register(db, coop.id, "", DAY)) == 50  # a screenful, whatever the register's size


def test_a_name_is_found_by_any_part_and_wildcards_are_plain_text(db, coop):
    member = Standing(D(2020, 1, 1), D(2020, 1, 1))
    put_members(db, coop, [(name, member) for name in ("김민준", "이서연", "Kim Minjun", "100%_유기농", "박서준")])
    assert find_on_register(db, coop.id, "서", DAY) == [(2, "이서연"), (5, "박서준")]
    assert find_on_register(db, coop.id, "  kim   min ", DAY) == [(3, "Kim Minjun")]
    assert find_on_register(db, coop.id, "%", DAY) == [(4, "100%_유기농")]
    assert find_on_register(db, coop.id, "_", DAY) == [(4, "100%_유기농")]
    assert find_on_register(db, coop.id, "없는이름", DAY) == []
