"""References to the statute, so that every refusal can say where the rule comes from."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Source(Enum):
    ACT = "act"  # 협동조합 기본법
    DECREE = "decree"  # 시행령
    RULE = "rule"  # 시행규칙
    MODEL_BYLAWS = "model_bylaws"  # 표준정관: common practice, a bylaws setting
    PRIVACY_ACT = "privacy_act"  # 개인정보 보호법 (Personal Information Protection Act)


class Confidence(Enum):
    """How sure we are of the rule (see LAW.md): H read in the statute, M fair reading, L practice."""

    HIGH = "H"
    MEDIUM = "M"
    LOW = "L"


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


@dataclass(frozen=True, slots=True)
class LawRef:
    source: Source
    article: int
    branch: int | None = None  # the "의2" of 제15조의2
    paragraph: int | None = None

    def label(self, language: str) -> str:
        """'법 제22조②' in Korean, 'Act 22②' in English."""
        if language == "ko":
            prefix = {
                Source.ACT: "법 ",
                Source.DECREE: "시행령 ",
                Source.RULE: "시행규칙 ",
                Source.MODEL_BYLAWS: "표준정관 ",
                Source.PRIVACY_ACT: "개인정보 보호법 ",
            }[self.source]
            text = f"{prefix}제{self.article}조"
            if self.branch:
                text += f"의{self.branch}"
        else:
            prefix = {
                Source.ACT: "Act ",
                Source.DECREE: "Decree ",
                Source.RULE: "Rule ",
                Source.MODEL_BYLAWS: "Model bylaws ",
                Source.PRIVACY_ACT: "Personal Information Protection Act ",
            }[self.source]
            text = f"{prefix}{self.article}"
            if self.branch:
                text += f"-{self.branch}"
        if self.paragraph:
            text += _CIRCLED[self.paragraph - 1]
        return text


def act(article: int, paragraph: int | None = None, branch: int | None = None) -> LawRef:
    return LawRef(Source.ACT, article, branch, paragraph)


def decree(article: int, paragraph: int | None = None) -> LawRef:
    return LawRef(Source.DECREE, article, None, paragraph)


def model_bylaws(article: int, paragraph: int | None = None) -> LawRef:
    return LawRef(Source.MODEL_BYLAWS, article, None, paragraph)


def privacy_act(article: int, paragraph: int | None = None) -> LawRef:
    """An article of the Personal Information Protection Act (개인정보 보호법)."""
    return LawRef(Source.PRIVACY_ACT, article, None, paragraph)
