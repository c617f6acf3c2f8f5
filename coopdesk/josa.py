"""Korean particles (조사) chosen for the word before them.

A Korean message with a placeholder cannot know its particle in advance: "{name}을(를)"
must read "김민준을" after a final consonant and "박지호를" after a vowel.  Messages keep
the double form, and ``attach`` chooses once the word is in: by the final
consonant (받침) of the word's last syllable, of the way a number is read (3 삼 → 을,
2 이 → 를), or of a Latin letter's name as Koreans read it.  "(으)로" takes 로 after a vowel
and after ㄹ.
"""

from __future__ import annotations

import re

# (with a final consonant, without), for each double form the messages use
PARTICLES = {
    "을(를)": ("을", "를"),
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "과(와)": ("과", "와"),
    "아(야)": ("아", "야"),
    "(이)라": ("이라", "라"),
    "(으)로": ("으로", "로"),
}
_PATTERN = re.compile("(" + "|".join(re.escape(p) for p in PARTICLES) + ")")
_CLOSERS = "”’\"')]}》」』 "
_RIEUL = 8  # ㄹ as a final consonant (index in the Unicode syllable block)
# The final consonant of each digit as read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구
_DIGITS = {"0": 21, "1": _RIEUL, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": _RIEUL, "8": _RIEUL, "9": 0}
# Latin letters read with a final consonant (엘, 엠, 엔, 알): the rest end in a vowel sound.
_LATIN = {"l": _RIEUL, "m": 16, "n": 4, "r": _RIEUL}


def final_consonant(text: str) -> int | None:
    """The final consonant index (0: none, 8: ㄹ …) of the last sound of ``text``; None if unknown."""
    word = text.rstrip(_CLOSERS)
    if not word:
        return None
    last = word[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28
    if last in _DIGITS:
        return _DIGITS[last]
    return _LATIN.get(last.lower(), 0 if last.isalpha() else None)


def attach(text: str) -> str:
    """Every double-form particle in ``text`` chosen for the word just before it."""
    def choose(match: re.Match[str]) -> str:
        with_final, without = PARTICLES[match.group(1)]
        final = final_consonant(text[:match.start()])
        if final is None:
            return match.group(1)
        if match.group(1) == "(으)로":
            return without if final in (0, _RIEUL) else with_final
        return with_final if final else without

    return _PATTERN.sub(choose, text)
