"""The founding's all-or-nothing steps, killed (SIGKILL) at random moments while they write.

``coopdesk founding record capital-paid`` pays every consenter's subscription in the ledger
(to the founders' representative, Act 18②) in one transaction: all paid, or none.
``coopdesk founding record registration`` admits every consenter as a member in one
transaction (Act 19①): killed in the middle, the register holds all of them as members with
the founding marked registered, or none of them and the founding still waiting; never a
half-admitted register.  ``coopdesk founding consenter remove`` (a consent withdrawn) writes
the withdrawal, the founder mark gone and the reversal of every ledger entry of theirs with
their audit entries, all or none.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.scenarios.founded import build_founding, pay_capital
from tests.scenarios.kills import copy_file, kill_many, one

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

CONSENTERS = 200  # the registration takes about half a second: kills land in its transaction


@pytest.fixture(scope="module")
def handed_over(tmp_path_factory) -> tuple[Path, int]:
    """The founding up to the handover: the capital not yet paid."""
    path = tmp_path_factory.mktemp("founding") / "handed-over.coopdesk"
    return path, build_founding(path, CONSENTERS)


@pytest.fixture(scope="module")
def founding(handed_over) -> tuple[Path, int]:
    """The founding ready to be registered: the capital paid."""
    source, coop_id = handed_over
    path = copy_file(source, source.with_name("paid.coopdesk"))
    pay_capital(path, coop_id)
    return path, coop_id


def paid(path) -> str:
    """"all": every consenter's subscription paid in the ledger, each with its audit entry, and the
    founding's capital marked paid; "none": nothing paid."""
    found = (one(path, "SELECT count(*) FROM capital_entry WHERE kind = 'payment'"),
             one(path, "SELECT coalesce(sum(amount), 0) FROM capital_entry WHERE kind = 'payment'"),
             one(path, "SELECT count(*) FROM audit_entry WHERE action IN ('capital.pay', 'founding.capital_paid')"),
             one(path, "SELECT capital_paid_on FROM founding"))
    if found == (0, 0, 0, None):
        return "none"
    subscribed = one(path, "SELECT sum(shares) * 10000 FROM capital_entry WHERE kind = 'subscription'")
    assert found == (CONSENTERS, subscribed, CONSENTERS + 1, "2026-10-05"), found
    return "all"


def test_the_capital_paid_killed_midway_pays_every_subscription_or_none(handed_over, tmp_path):
    template, _ = handed_over
    kill_many(template, tmp_path, ["founding", "record", "capital-paid", "--date", "2026-10-05"], paid,
              name="founding capital paid", kills=3)


def registered(path) -> str:
    """"all": every consenter admitted, each with the audit entry, and the founding registered;
    "none": nobody admitted, the founding waiting; anything else fails."""
    admitted = one(path, "SELECT count(*) FROM member_event WHERE kind = 'admitted'")
    members = one(path, "SELECT count(*) FROM member WHERE joined_on IS NOT NULL")
    logged = one(path, "SELECT count(*) FROM audit_entry WHERE action = 'member.admitted'")
    step = one(path, "SELECT count(*) FROM audit_entry WHERE action = 'founding.registered'")
    on = one(path, "SELECT registered_on FROM founding")
    # the consenters' subscriptions and payments stay in the ledger as they are, either way
    assert one(path, "SELECT count(*) FROM capital_entry") == 2 * CONSENTERS
    found = (admitted, members, logged, step, on)
    if found == (0, 0, 0, 0, None):
        return "none"
    assert found == (CONSENTERS, CONSENTERS, CONSENTERS, 1, "2026-10-15"), found
    return "all"


def test_a_registration_killed_midway_admits_every_consenter_or_none(founding, tmp_path):
    template, _ = founding
    tally = kill_many(template, tmp_path, ["founding", "record", "registration", "--date", "2026-10-15"], registered,
                      name="founding registration", kills=5)
    assert tally.mid >= 1  # at least one kill came in the middle of the transaction


WITHDRAWN = 9  # a consenter (not a founder) with a subscription and its payment in the ledger


def withdrawn(path) -> str:
    member = one(path, "SELECT id FROM member WHERE number = ?", WITHDRAWN)
    event = one(path, "SELECT count(*) FROM member_event WHERE member_id = ? AND kind = 'withdrawn'", member)
    left = one(path, "SELECT left_on FROM member WHERE id = ?", member)
    reversals = one(path, "SELECT count(*) FROM capital_entry WHERE member_id = ? AND reverses_id IS NOT NULL",
                    member)
    logged = one(path, "SELECT count(*) FROM audit_entry WHERE action = 'member.withdrawn' AND entity_key = ?",
                 str(WITHDRAWN))
    reversed_ = one(path, "SELECT count(*) FROM audit_entry WHERE action = 'capital.reverse'")
    found = (event, left, reversals, logged, reversed_)
    if found == (0, None, 0, 0, 0):
        return "none"
    assert found == (1, "2026-10-08", 2, 1, 2), found
    return "all"


def test_a_consent_withdrawal_killed_midway_is_whole_or_absent(founding, tmp_path):
    template, _ = founding
    kill_many(template, tmp_path, ["founding", "consenter", "remove", str(WITHDRAWN), "--date", "2026-10-08",
                                   "--reason", "이사"], withdrawn, name="consent withdrawal", kills=3)
