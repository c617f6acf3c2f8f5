"""Amounts of money: integer won, and the amount in words that Korean forms expect.

A share certificate (출자증서) writes its amount twice, in figures and in words, so that
neither can be altered alone: 100,000 won is "금 일십만원정".  The formal style writes
the 일 before 십, 백 and 천 (일십만, not 십만) and groups the digits by four (만, 억, 조).
"""

from __future__ import annotations

from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_


class Won(int):
    """An amount in won: an int that a message shows as money (1,000,000원), not as a count."""

    __slots__ = ()
    money = True


_DIGITS = "영일이삼사오육칠팔구"
_SMALL_UNITS = ("", "십", "백", "천")
_LARGE_UNITS = ("", "만", "억", "조", "경")
_MOST = 10 ** (4 * len(_LARGE_UNITS)) - 1


def korean_number(won: int) -> str:
    """123456 -> "일십이만삼천사백오십육"; 0 -> "영"."""
    if won < 0 or won > _MOST:
        raise Refusal(N_("An amount in words must be between 0 and {most} won."), field="amount", most=_MOST)
    if won == 0:
        return _DIGITS[0]
    groups: list[str] = []
    for large, unit in enumerate(_LARGE_UNITS):
        group = won // 10 ** (4 * large) % 10_000
        if group:
            groups.append(_four_digits(group) + unit)
    return "".join(reversed(groups))


def _four_digits(group: int) -> str:
    words = []
    for place in range(3, -1, -1):
        digit = group // 10 ** place % 10
        if digit:
            words.append(_DIGITS[digit] + _SMALL_UNITS[place])
    return "".join(words)


def korean_amount(won: int) -> str:
    """The amount as a Korean form writes it: 100000 -> "금 일십만원정"."""
    return f"금 {korean_number(won)}원정"


_ONES = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_THOUSANDS = ("", " thousand", " million", " billion", " trillion", " quadrillion", " quintillion")


def english_amount(won: int) -> str:
    """The amount in English words, for an English certificate: 100000 -> "one hundred thousand won"."""
    return english_number(won) + " won"


def english_number(won: int) -> str:
    """100000 -> "one hundred thousand"; 0 -> "zero"."""
    if won < 0 or won > _MOST:
        raise Refusal(N_("An amount in words must be between 0 and {most} won."), field="amount", most=_MOST)
    if won == 0:
        return "zero"
    parts = []
    place = 0
    while won:
        won, group = divmod(won, 1000)
        if group:
            parts.append(_below_thousand(group) + _THOUSANDS[place])
        place += 1
    return " ".join(reversed(parts))


def _below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = [f"{_ONES[hundreds]} hundred"] if hundreds else []
    if rest >= 20:
        words.append(_TENS[rest // 10] + (f"-{_ONES[rest % 10]}" if rest % 10 else ""))
    elif rest:
        words.append(_ONES[rest])
    return " ".join(words)
