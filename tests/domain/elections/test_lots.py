"""Drawing lots by seed: the procedure the module documents, re-run by hand here."""

import hashlib
import unicodedata

import pytest

from coopdesk.domain.elections.lots import (
    HandDrawnLots, SeededLots, clean_seed, draw, lot_digest, lots_order, new_seed,
)
from coopdesk.domain.errors import Refusal
from tests.domain.elections.helpers import CHOI, KIM, LEE, PARK


def test_the_digest_is_sha256_of_seed_colon_key():
    assert lot_digest("3f9c0a17b2e45d68", 12) == hashlib.sha256(b"3f9c0a17b2e45d68:12").hexdigest()
    assert lot_digest("총회", -3) == hashlib.sha256("총회:-3".encode()).hexdigest()
    assert lot_digest(" ab ", 1) == lot_digest("ab", 1)  # spaces at either end are not part of the seed
    # the colon keeps "ab" + 12 apart from "ab1" + 2
    assert lot_digest("ab", 12) != lot_digest("ab1", 2)


def test_the_order_is_by_digest_smallest_first():
    seed = "2026-03-28 정기총회"
    by_hand = sorted((hashlib.sha256(f"{seed}:{c.key}".encode()).hexdigest(), c.key) for c in (KIM, LEE, PARK, CHOI))
    assert [c.key for c in lots_order(seed, (KIM, LEE, PARK, CHOI))] == [key for _, key in by_hand]
    assert draw(SeededLots(seed), (KIM, LEE, PARK, CHOI), 2) == lots_order(seed, (CHOI, PARK, LEE, KIM))[:2]


def test_a_worked_example_checked_with_sha256sum():
    # printf '%s' '3f9c0a17b2e45d68:1' | sha256sum  →  a9d6852e…   (and :2 → f5a061b6…, :3 → 5d509b99…)
    assert lot_digest("3f9c0a17b2e45d68", 1).startswith("a9d6852e")
    assert lot_digest("3f9c0a17b2e45d68", 2).startswith("f5a061b6")
    assert lot_digest("3f9c0a17b2e45d68", 3).startswith("5d509b99")
    assert lots_order("3f9c0a17b2e45d68", (KIM, LEE, PARK)) == (PARK, KIM, LEE)  # 5d… < a9… < f5…


def test_fresh_seeds_are_sixteen_hex_digits_and_differ():
    seeds = {new_seed() for _ in range(20)}
    assert len(seeds) == 20
    assert all(len(s) == 16 and int(s, 16) >= 0 for s in seeds)


def test_lots_drawn_by_hand_must_fit_the_tie():
    assert draw(HandDrawnLots.of([PARK.key]), (LEE, PARK), 1) == (PARK,)
    assert draw(HandDrawnLots.of([PARK.key, LEE.key]), (LEE, PARK, CHOI), 2) == (LEE, PARK)
    for wrong in ([KIM.key], [LEE.key, PARK.key], []):
        with pytest.raises(Refusal):
            draw(HandDrawnLots.of(wrong), (LEE, PARK), 1)


def test_a_seed_in_decomposed_hangul_draws_as_the_same_seed_typed():
    typed = "2026 정기총회"
    pasted = unicodedata.normalize("NFD", typed)  # looks the same; stored as jamo
    assert pasted != typed
    assert clean_seed(pasted) == typed  # as printed in the minutes
    assert lot_digest(pasted, 2) == lot_digest(typed, 2) == hashlib.sha256(f"{typed}:2".encode()).hexdigest()
    assert lots_order(pasted, (KIM, LEE, PARK, CHOI)) == lots_order(typed, (KIM, LEE, PARK, CHOI))
    assert draw(SeededLots(pasted), (KIM, LEE, PARK, CHOI), 2) == draw(SeededLots(typed), (KIM, LEE, PARK, CHOI), 2)
