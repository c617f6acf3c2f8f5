"""The amount in words on a capital paper: known cases, and every amount up to 10^13 read back.

The readers below are the independent reference: they parse the words back to the number
with rules of their own (no code shared with ``money``), so a speller that drops a digit, a
unit or a group cannot agree with them."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopdesk.domain.capital.words import won_in_words
from coopdesk.domain.errors import Refusal

KO_DIGITS = {d: n for n, d in enumerate("영일이삼사오육칠팔구")}
KO_SMALL = {"십": 10, "백": 100, "천": 1000}
KO_LARGE = {"만": 10**4, "억": 10**8, "조": 10**12}


def read_korean(words: str) -> int:
    """"금 일십만오천원정" -> 105000; refuses a digit left without its unit, or "십" without its 일."""
    match = re.fullmatch(r"금 (\S+)원정", words)
    assert match, words
    text = match.group(1)
    if text == "영":
        return 0
    total = group = 0
    digit = None
    for ch in text:
        if ch in KO_DIGITS:
            assert digit is None and ch != "영", words  # two digits in a row, or a spoken zero
            digit = KO_DIGITS[ch]
        elif ch in KO_SMALL:
            assert digit is not None, words  # the formal style writes 일십, never a bare 십
            group += digit * KO_SMALL[ch]
            digit = None
        else:
            group += digit or 0
            assert 0 < group < 10_000, words
            total += group * KO_LARGE[ch]
            group, digit = 0, None
    return total + group + (digit or 0)


EN_ONES = {w: n for n, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
EN_TENS = {w: 10 * n for n, w in enumerate(["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]) if n > 1}
EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def read_english(words: str) -> int:
    match = re.fullmatch(r"Won (.+) only", words)
    assert match, words
    total = group = 0
    for word in match.group(1).replace("-", " ").split():
        if word in EN_ONES:
            group += EN_ONES[word]
        elif word in EN_TENS:
            group += EN_TENS[word]
        elif word == "hundred":
            group *= 100
        else:
            total += group * EN_SCALES[word]
            group = 0
    return total + group


@pytest.mark.parametrize(("won", "korean", "english"), [
    (100_000, "금 일십만원정", "Won one hundred thousand only"),
    (1_010_000, "금 일백일만원정", "Won one million ten thousand only"),
    (20_000_000, "금 이천만원정", "Won twenty million only"),
    (105_000, "금 일십만오천원정", "Won one hundred five thousand only"),
    (1_000_000_000_001, "금 일조일원정", "Won one trillion one only"),
    (110_011_000, "금 일억일천일만일천원정", "Won one hundred ten million eleven thousand only"),
    # Zero, decided: a statement of a member who holds nothing still states the amount.
    (0, "금 영원정", "Won zero only"),
])
def test_known_amounts_in_words(won, korean, english):
    assert won_in_words(won, "ko") == korean
    assert won_in_words(won, "en") == english
    assert read_korean(korean) == read_english(english) == won


@given(st.integers(0, 10**13))
def test_every_amount_up_to_ten_trillion_reads_back(won):
    assert read_korean(won_in_words(won, "ko")) == won
    assert read_english(won_in_words(won, "en")) == won


@given(st.integers(1, 10**5).map(lambda shares: shares * 10_000))
def test_share_amounts_read_back(won):  # the amounts certificates print: whole shares of 10,000 won and so on
    assert read_korean(won_in_words(won, "ko")) == won


def test_the_reader_refuses_a_bare_ten():  # the reference itself can fail
    with pytest.raises(AssertionError):
        read_korean("금 십만원정")


def test_a_negative_amount_has_no_words():
    with pytest.raises(Refusal):
        won_in_words(-1, "ko")
