"""The member register through the services, on SQLite and on PostgreSQL."""

import datetime as dt

import pytest
from sqlalchemy import text

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.domain.members.standing import EventKind, MemberStatus
from coopdesk.services import audit
from coopdesk.services.members.listing import list_members
from coopdesk.services.members.member import add_member, edit_member, get_member, record_event
from tests.conftest import TODAY

D = dt.date


def add(db, coop, name="김민준", **kw):
    joined = kw.pop("joined_on", D(2025, 3, 1))
    return add_member(db, coop.id, MemberDetails(name, kw.pop("member_type", "소비자"), **kw),
                      joined_on=joined, today=TODAY)


def count_rows(db, table):
    with db.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_members_are_numbered_in_order_and_listed(db, coop):
    a = add(db, coop, "김민준", phone="010-1234-5678")
    b = add(db, coop, "이서연", member_type="생산자", email="SEO@example.kr")
    assert (a.number, b.number) == (1, 2)
    rows = list_members(db, coop.id, today=TODAY)
    assert [(r.number, r.name, r.member_type, r.status) for r in rows] == [
        (1, "김민준", "소비자", MemberStatus.MEMBER), (2, "이서연", "생산자", MemberStatus.MEMBER)]
    assert get_member(db, coop.id, 2, today=TODAY).details.email == "seo@example.kr"


def test_bad_input_is_refused_and_changes_nothing(db, coop):
    add(db, coop)
    before = (count_rows(db, "member"), count_rows(db, "member_event"), count_rows(db, "audit_entry"))
    with pytest.raises(Refusal) as exc:
        add(db, coop, "박지호", email="not-an-address")
    assert exc.value.field == "email"
    with pytest.raises(Refusal):
        add(db, coop, "박지호", member_type="후원자")
    with pytest.raises(Refusal):
        add_member(db, coop.id, MemberDetails("박지호", "소비자"), joined_on=None, today=TODAY)
    assert (count_rows(db, "member"), count_rows(db, "member_event"), count_rows(db, "audit_entry")) == before
    assert add(db, coop, "박지호").number == 2  # the refused attempts used no number


def test_numbers_are_never_reused(db, coop):
    add(db, coop, "김민준")
    add(db, coop, "이서연")
    record_event(db, coop.id, 2, EventKind.DECEASED, D(2026, 1, 5), today=TODAY)
    assert add(db, coop, "최하은").number == 3


def test_editing_keeps_the_number_and_records_before_and_after(db, coop):
    add(db, coop, "김민준", phone="010-1111-2222")
    view = edit_member(db, coop.id, 1, MemberDetails("김민준", "생산자", phone="010-3333-4444"), today=TODAY)
    assert view.number == 1 and view.details.member_type == "생산자"
    entry = audit.recent(db, 1)[0]
    assert entry.action == "member.edit"
    assert entry.before["phone"] == "010-1111-2222" and entry.after["phone"] == "010-3333-4444"


def test_an_applicant_is_admitted_later(db, coop):
    add_member(db, coop.id, MemberDetails("정도윤", "소비자"), joined_on=None, applied_on=D(2026, 11, 1), today=TODAY)
    assert get_member(db, coop.id, 1, today=TODAY).status is MemberStatus.APPLICANT
    view = record_event(db, coop.id, 1, EventKind.ADMITTED, D(2026, 11, 10), today=TODAY)
    assert view.status is MemberStatus.MEMBER
    assert [e.kind for e in view.events] == [EventKind.APPLIED, EventKind.ADMITTED]


def test_withdrawal_notice_takes_effect_after_the_bylaws_period(db, coop):
    add(db, coop)
    view = record_event(db, coop.id, 1, EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 1), "이사", today=TODAY)
    assert view.status is MemberStatus.WITHDRAWING
    assert view.standing.leaves_on == D(2026, 12, 1)  # 30 days in the sample bylaws
    later = list_members(db, coop.id, today=D(2026, 12, 1))
    assert later[0].status is MemberStatus.WITHDRAWN and later[0].left_on == D(2026, 12, 1)


def test_impossible_events_are_refused_without_change(db, coop):
    add(db, coop)
    record_event(db, coop.id, 1, EventKind.DECEASED, D(2026, 2, 1), today=TODAY)
    events_before = count_rows(db, "member_event")
    with pytest.raises(Refusal, match="already left"):
        record_event(db, coop.id, 1, EventKind.WITHDRAWAL_NOTICE, D(2026, 3, 1), today=TODAY)
    with pytest.raises(Refusal, match="special resolution"):
        add(db, coop, "이서연")
        record_event(db, coop.id, 2, EventKind.EXPELLED, D(2026, 3, 1), today=TODAY)
    assert count_rows(db, "member_event") == events_before + 1  # only 이서연's admission
    with pytest.raises(Refusal, match="no member number 99"):
        record_event(db, coop.id, 99, EventKind.DECEASED, D(2026, 3, 1), today=TODAY)


def test_every_change_is_in_an_intact_audit_chain(db, coop):
    add(db, coop)
    edit_member(db, coop.id, 1, MemberDetails("김민준", "소비자", address="서울 마포구"), today=TODAY)
    record_event(db, coop.id, 1, EventKind.WITHDRAWAL_NOTICE, D(2026, 11, 1), today=TODAY)
    report = audit.verify(db)
    assert report.intact and report.entries == 4  # coop.create, add, edit, withdrawal notice
    actions = [e.action for e in reversed(audit.recent(db))]
    assert actions == ["coop.create", "member.add", "member.edit", "member.withdrawal_notice"]
