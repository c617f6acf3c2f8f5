"""Several user actions as one transaction (the demo, a co-op added beside others)."""

from __future__ import annotations

import datetime as dt

import pytest

from coopdesk.domain.errors import Refusal
from coopdesk.domain.members.details import MemberDetails
from coopdesk.services.coops import create_coop, list_coops
from coopdesk.services.members.listing import count_members, list_members
from coopdesk.services.members.member import add_member
from tests.conftest import sample_profile


class Stop(Exception):
    pass


def test_an_error_in_the_block_leaves_none_of_its_actions(db):
    with pytest.raises(Stop):
        with db.all_or_nothing() as joined:
            coop = create_coop(joined, sample_profile())
            add_member(joined, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
            raise Stop
    assert list_coops(db) == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM member").scalar() == 0
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar() == 0


def test_a_refused_action_in_the_block_undoes_only_itself(db):
    with db.all_or_nothing() as joined:
        coop = create_coop(joined, sample_profile())
        with pytest.raises(Refusal):
            add_member(joined, coop.id, MemberDetails("김민준", "없는유형"), joined_on=dt.date(2025, 1, 1))
        add_member(joined, coop.id, MemberDetails("이서연", "소비자"), joined_on=dt.date(2025, 1, 1))
    assert [m.name for m in list_members(db, coop.id)] == ["이서연"]


def test_reads_in_the_block_see_its_writes_and_others_see_them_after_it(db):
    with db.all_or_nothing() as joined:
        coop = create_coop(joined, sample_profile())
        add_member(joined, coop.id, MemberDetails("김민준", "소비자"), joined_on=dt.date(2025, 1, 1))
        assert count_members(joined, coop.id) == 1  # read through the engine, as the member list does
        assert [m.name for m in list_members(joined, coop.id)] == ["김민준"]
        assert list_coops(db) == []  # not committed: another connection sees nothing yet
    assert count_members(db, coop.id) == 1
