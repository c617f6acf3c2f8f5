"""Amounts in Korean words, as a share certificate writes them (금 일십만원정)."""

import pytest

from coopdesk.domain.capital.money import Won, english_amount, korean_amount, korean_number
from coopdesk.domain.errors import Refusal


@pytest.mark.parametrize(("won", "words"), [
    (0, "금 영원정"),
    (1, "금 일원정"),
    (10, "금 일십원정"),
    (10_000, "금 일만원정"),
    (10_010, "금 일만일십원정"),
    (50_000, "금 오만원정"),
    (100_000, "금 일십만원정"),
    (1_500_000, "금 일백오십만원정"),
    (12_345_678, "금 일천이백삼십사만오천육백칠십팔원정"),
    (100_000_000, "금 일억원정"),
    (100_010_000, "금 일억일만원정"),
    (3_000_000_000, "금 삼십억원정"),
    (1_000_000_000_000, "금 일조원정"),
])
def test_the_amount_in_korean_words(won, words):
    assert korean_amount(won) == words


@pytest.mark.parametrize(("won", "words"), [
    (0, "zero won"),
    (100_000, "one hundred thousand won"),
    (1_500_000, "one million five hundred thousand won"),
    (21_000, "twenty-one thousand won"),
    (3_000_000_000, "three billion won"),
])
def test_the_amount_in_english_words(won, words):
    assert english_amount(won) == words


def test_a_negative_amount_has_no_words():
    with pytest.raises(Refusal):
        korean_number(-1)


def test_won_is_an_int_a_message_shows_as_money():
    assert Won(5) + 1 == 6 and Won(5).money is True
