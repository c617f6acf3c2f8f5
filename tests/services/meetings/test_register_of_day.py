"""The room counts its register once per change of the register, and never holds anyone off it.

A room action does not read the whole register: the register's size is kept per meeting,
on the generation the database moves with every change of a member (by the program or by
hand).  These tests change the register in every way there is between two actions and
compare the kept size with a plain count; and they look at the statements a check-in
sends, to see that it does not read the member table whole.
"""

import datetime as dt
import re

import pytest
from sqlalchemy import event, select, text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind
from coopdesk.services.meetings.attendance import attendance_of, check_in, check_out
from coopdesk.services.meetings.register import on_register
from coopdesk.services.members.member import NewMember, add_member, add_members_in, record_event
from coopdesk.store.models import Coop, Member, MemberType
from tests.conftest import TODAY
from tests.services.meetings.test_meetings import HELD, assembly  # noqa: F401  (fixture)

D = dt.date


def counted(db, coop_id: int) -> int:
    """The register of the meeting day, counted the plain way."""
    with db.read() as s:
        return len(s.execute(select(Member.id).where(Member.coop_id == coop_id, on_register(HELD))).all())


def generation(db, coop_id: int) -> int:
    with db.read() as s:
        return s.execute(select(Coop.register_generation).where(Coop.id == coop_id)).scalar_one()


def test_the_kept_size_follows_every_change_of_the_register(db, coop, assembly):
    check_in(db, coop.id, assembly.id, 1)  # counts the register once, and keeps it
    assert attendance_of(db, coop.id, assembly.id).members == counted(db, coop.id) == 15

    def after(change) -> int:
        before = generation(db, coop.id)
        change()
        assert generation(db, coop.id) > before  # the database saw the register change
        state = check_in(db, coop.id, assembly.id, next(arrivals))
        assert state.attendance.members == counted(db, coop.id)
        return state.attendance.members

    arrivals = iter(range(2, 15))
    assert after(lambda: add_member(db, coop.id, MemberDetails("새조합원", "소비자"), joined_on=D(2026, 1, 5),
                                    today=TODAY)) == 16
    assert after(lambda: record_event(db, coop.id, 15, EventKind.DECEASED, D(2026, 3, 1), today=TODAY)) == 15
    def bulk() -> None:  # as an import writes them: many rows in one statement
        with db.write() as s:
            add_members_in(s, coop.id, [NewMember(MemberDetails(f"가져온{n}", "소비자"), D(2026, 2, 1))
                                        for n in range(3)], 30, "member.import")

    assert after(bulk) == 18

    def by_hand() -> None:  # a repair by hand, around the program
        with db.write() as s:
            type_id = s.execute(select(MemberType.id).where(MemberType.coop_id == coop.id)).scalars().first()
            s.execute(text("INSERT INTO member (coop_id, number, name, member_type_id, phone, email, address, notes, "
                           "joined_on) VALUES (:c, 900, '손으로', :t, '', '', '', '', :j)"),
                      {"c": coop.id, "t": type_id, "j": D(2025, 5, 1)})

    assert after(by_hand) == 19

    def joined_later_by_hand() -> None:
        with db.write() as s:
            s.execute(text("UPDATE member SET joined_on = :j WHERE coop_id = :c AND number = 900"),
                      {"j": D(2026, 5, 1), "c": coop.id})

    assert after(joined_later_by_hand) == 18
    unchanged = generation(db, coop.id)
    with db.write() as s:  # a change that cannot change a register leaves it counted
        s.execute(text("UPDATE member SET phone = '010-0000-0000' WHERE coop_id = :c AND number = 1"),
                  {"c": coop.id})
    assert generation(db, coop.id) == unchanged


def test_a_warm_check_in_does_not_read_the_member_table_whole(db, coop, assembly):
    check_in(db, coop.id, assembly.id, 1)
    sent: list[str] = []

    def remember(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        sent.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", remember)
    try:
        check_in(db, coop.id, assembly.id, 2)
    finally:
        event.remove(db.engine, "before_cursor_execute", remember)
    reads = [s for s in sent if re.search(r"\bFROM member\b", s) and s.startswith("SELECT")]
    assert reads, "the check-in looked nobody up"
    whole = [s for s in reads if " IN (" not in s and "IN (__[POSTCOMPILE" not in s and " JOIN " not in s
             and "member.id =" not in s]
    assert whole == []


def test_an_event_that_takes_someone_in_the_room_off_its_register_is_refused(db, coop, assembly):
    check_in(db, coop.id, assembly.id, 3)
    with pytest.raises(Refusal, match="in the room of the meeting") as refused:
        record_event(db, coop.id, 3, EventKind.DECEASED, D(2026, 3, 20), today=TODAY)
    assert refused.value.params["number"] == 3 and refused.value.field == "on"
    assert attendance_of(db, coop.id, assembly.id).present == 1  # nothing changed
    record_event(db, coop.id, 4, EventKind.DECEASED, D(2026, 3, 20), today=TODAY)  # not in the room: recorded
    assert attendance_of(db, coop.id, assembly.id).members == 14
    check_out(db, coop.id, assembly.id, 3)  # out of the room, the event may be recorded
    record_event(db, coop.id, 3, EventKind.DECEASED, D(2026, 3, 20), today=TODAY)
    assert attendance_of(db, coop.id, assembly.id).members == 13
