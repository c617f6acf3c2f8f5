"""Drawing lots (추첨) between tied candidates, by a procedure anyone can re-run.

Lots are drawn one of two ways, and the minutes record which:

- **By seed** (``SeededLots``).  The seed is a short text printed in the minutes — one the
  meeting agrees on, or one the program makes up (``new_seed``: 16 random hexadecimal
  digits).  Spaces at either end are not part of it, and it is taken in Unicode's composed
  form (NFC), the form every keyboard types Korean in: a seed pasted from somewhere that
  stores Hangul decomposed into jamo looks the same and draws the same.
  From the seed the order of the tied candidates follows, and anyone can check it:

  1. For each tied candidate, write the seed, a colon, and the candidate's number (the
     ``key``, in decimal digits, with a minus sign if negative), with no spaces: seed
     ``3f9c0a17b2e45d68`` and candidate 12 give ``3f9c0a17b2e45d68:12``.
  2. Compute the SHA-256 digest of that text, encoded as UTF-8, and write it as 64
     lowercase hexadecimal digits.  On most computers:
     ``printf '%s' '3f9c0a17b2e45d68:12' | sha256sum``.
  3. Put the candidates in the order of their digests, smallest first (comparing the
     digits from the left, 0 < 1 < … < 9 < a < … < f).  The first ones, as many as there are
     seats to fill, are chosen.

  The colon keeps seed ``ab`` with candidate 12 apart from seed ``ab1`` with candidate 2.

- **By hand** (``HandDrawnLots``): lots drawn in the room, the chosen candidates entered as
  drawn.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from coopdesk.domain.elections.contest import Candidate
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import check_text
from coopdesk.domain.text import N_

__all__ = ["HandDrawnLots", "Lots", "SeededLots", "draw", "lot_digest", "lots_order", "new_seed"]

SEED_LENGTH = 100  # printed on one line of the minutes


@dataclass(frozen=True, slots=True)
class SeededLots:
    seed: str


@dataclass(frozen=True, slots=True)
class HandDrawnLots:
    winners: frozenset[int]  # the keys of the candidates the lots chose

    @classmethod
    def of(cls, keys: Iterable[int]) -> HandDrawnLots:
        return cls(frozenset(keys))


Lots = SeededLots | HandDrawnLots


def new_seed() -> str:
    """A fresh seed: 16 random hexadecimal digits, for when the meeting gives none."""
    return secrets.token_hex(8)


def clean_seed(seed: str) -> str:
    """The seed as used and printed: without spaces at either end, composed (NFC); refused if empty."""
    seed = unicodedata.normalize("NFC", seed.strip())
    if not seed:
        raise Refusal(N_("Give a seed for drawing lots, or let the program make one."), field="seed")
    check_text(seed, "seed", SEED_LENGTH)
    return seed


def lot_digest(seed: str, key: int) -> str:
    """Step 1 and 2 of the module's procedure: SHA-256 of "seed:key", in lowercase hex."""
    return hashlib.sha256(f"{clean_seed(seed)}:{key}".encode()).hexdigest()


def lots_order(seed: str, candidates: Iterable[Candidate]) -> tuple[Candidate, ...]:
    """Step 3: the candidates in the order the seed gives them, first chosen first."""
    return tuple(sorted(candidates, key=lambda c: (lot_digest(seed, c.key), c.key)))


def draw(lots: Lots, tied: tuple[Candidate, ...], seats: int) -> tuple[Candidate, ...]:
    """The ``seats`` candidates of ``tied`` the lots choose, in the order chosen (by hand: ballot order)."""
    if isinstance(lots, SeededLots):
        return lots_order(lots.seed, tied)[:seats]
    keys = {c.key for c in tied}
    if not lots.winners <= keys:
        raise Refusal(N_("Lots are drawn only between the tied candidates."), field="winners")
    if len(lots.winners) != seats:
        raise Refusal(N_("The lots choose {seats} of the tied candidates; {chosen} were entered."),
                      field="winners", seats=seats, chosen=len(lots.winners))
    return tuple(c for c in tied if c.key in lots.winners)
