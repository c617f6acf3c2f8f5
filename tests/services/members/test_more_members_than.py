"""The window's question "is this register large?", asked without counting every member."""

from coopdesk.services.members.listing import count_members, more_members_than
from tests.services.founding.helpers import gather, start
from tests.services.members.test_members import add


def test_more_than_is_true_only_past_the_limit(db, coop):
    for name in ("김민준", "이서연", "박지호"):
        add(db, coop, name)
    held = count_members(db, coop.id)
    assert held == 3
    assert more_members_than(db, coop.id, held - 1)
    assert not more_members_than(db, coop.id, held)
    assert not more_members_than(db, coop.id, held + 1)


def test_founding_consenters_are_not_counted_as_members(db):
    coop_id = start(db).coop_id
    gather(db, coop_id)
    assert not more_members_than(db, coop_id, 0)
