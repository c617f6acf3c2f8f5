"""The amount of a capital paper in words, in the paper's language.

A share certificate (출자증서) and a capital statement write the amount twice, in figures and
in words, so that neither can be altered alone.  Korean forms (the consultation centres'
model certificates) write "금 일십만원정": 금 before, 원정 after, 일 kept before 십, 백 and
천, the digits grouped by four (만, 억, 조) — ``money.korean_amount``.  An English paper
writes the cheque style "Won one hundred thousand only".  Babel has no spelled-out numbers
(it ships no CLDR rule-based number formats), so the English words come from
``money.english_number``.  Zero is "금 영원정" / "Won zero only": a statement of a member
who holds nothing still states the amount.
"""

from __future__ import annotations

from coopdesk.domain.capital.money import english_number, korean_amount


def won_in_words(won: int, language: str) -> str:
    """100000 -> "금 일십만원정" in Korean, "Won one hundred thousand only" in English."""
    if language == "ko":
        return korean_amount(won)
    return f"Won {english_number(won)} only"
