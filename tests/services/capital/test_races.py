"""Two laptops subscribing at the same moment: together they never pass the 30% cap (Act 22②).

Each laptop has its own ``Database`` (its own connections).  The first holds its transaction
open after its subscription is written and checked; the second, started meanwhile, must wait
for it (the ledger's lock: the ``capital_account`` row on PostgreSQL, the write lock on
SQLite), then read the first's entry and be refused.  Without the lock the second would check
the cap against totals that miss the first and pass as well.
"""

import threading

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.services.capital.ledger import NewSubscription, member_ledger, subscribe, subscribe_in
from coopdesk.services.capital.rows import lock_ledger
from coopdesk.store.database import Database
from tests.conftest import TODAY
from tests.services.capital.conftest import found


def test_two_subscriptions_at_once_cannot_together_pass_the_cap(db, coop):
    found(db, coop, members=range(1, 8))  # 70 shares among seven; member 8 holds none
    # Alone, 25 (25 of 95) or 10 (10 of 80) is within 30%; together, 35 of 105 is not.
    other = Database(db.url)
    first_in, release, outcome = threading.Event(), threading.Event(), {}

    def first_laptop() -> None:
        with other.write() as s:
            lock_ledger(s, coop.id)
            subscribe_in(s, coop.id, [NewSubscription(8, 25, TODAY)], TODAY)
            first_in.set()
            release.wait(30)

    def second_laptop() -> None:
        try:
            outcome["value"] = subscribe(db, coop.id, 8, 10, on=TODAY, today=TODAY)
        except Exception as exc:  # noqa: BLE001  (the test asserts which)
            outcome["error"] = exc

    one = threading.Thread(target=first_laptop)
    one.start()
    try:
        assert first_in.wait(30)
        two = threading.Thread(target=second_laptop)
        two.start()
        two.join(timeout=1.0)
        assert two.is_alive(), "the second laptop should wait for the first"
    finally:
        release.set()
        one.join(timeout=30)
    two.join(timeout=30)
    other.close()
    assert isinstance(outcome.get("error"), Refusal), outcome
    assert outcome["error"].article == law.MAX_SHARE_RATIO.ref
    assert member_ledger(db, coop.id, 8, TODAY).capital.shares == 25  # the first laptop's, alone


def test_two_laptops_numbering_at_once_never_give_one_number_twice(db, coop):
    found(db, coop)
    laptops = [Database(db.url) for _ in range(2)]
    start, done = threading.Barrier(2), []

    def pay_small(laptop: Database, member: int) -> None:
        from coopdesk.services.capital.ledger import subscribe as sub

        start.wait(10)
        for _ in range(5):
            done.extend(e.number for e in sub(laptop, coop.id, member, 1, on=TODAY, today=TODAY).entries)

    threads = [threading.Thread(target=pay_small, args=(laptop, member)) for laptop, member in zip(laptops, (1, 2))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for laptop in laptops:
        laptop.close()
    assert sorted(done) == list(range(21, 31))
