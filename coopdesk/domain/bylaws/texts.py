"""The parts of the bylaws a co-op writes in its own words (정관의 문안): its purpose, its
businesses, who may join, and what non-members may use.

They belong to a version of the bylaws, like the settings, and change with it (an amendment
carries them); unlike the settings they drive no check of the program: they only print.
They are the co-op's text, kept as written (usually Korean), and printed as written in the
English reference translation too.

The three businesses every co-op must list (Act 45①) are not among them: the template
always prints them, in the Act's words, so they cannot be left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from coopdesk.domain import law
from coopdesk.domain.coop import CoopKind
from coopdesk.domain.errors import Refusal
from coopdesk.domain.fields import NAME_LENGTH, check_text
from coopdesk.domain.text import N_

PART_LENGTH = 2_000  # one text part: a paragraph of the bylaws
BUSINESS_LENGTH = 300  # one business: a line of the list
MAX_BUSINESSES = 30
MAX_FOUNDERS = 300


@dataclass(frozen=True, slots=True)
class BylawsTexts:
    purpose: str  # 목적: what follows "the co-op" in the first article
    businesses: tuple[str, ...]  # 사업의 종류: the co-op's own, one per line (the Act's three are added)
    qualifications: str  # 조합원의 자격
    non_member_use: str = ""  # 비조합원의 사업 이용: empty, and the article is left out
    main_businesses: tuple[str, ...] = ()  # a social co-op's main public-benefit businesses (Act 93①)
    founders: tuple[str, ...] = ()  # 발기인: the names under the original bylaws


# The text parts, by name, as the screen, the command line and the comparison table call them.
PART_LABELS: dict[str, str] = {
    "purpose": N_("The co-op's purpose"),
    "businesses": N_("Businesses"),
    "main_businesses": N_("Main public-benefit businesses"),
    "qualifications": N_("Member qualifications"),
    "non_member_use": N_("Use by non-members"),
    "founders": N_("Founders"),
}
# What an amendment may change (the founders signed the original bylaws: no assembly changes that).
AMENDABLE_PARTS = ("purpose", "businesses", "main_businesses", "qualifications", "non_member_use")

_DEFAULT_PURPOSE = ("자주적·자립적·자치적인 조합 활동을 통하여 조합원의 권익을 향상하고 지역 사회에 "
                    "공헌함을 목적으로 한다.")
_DEFAULT_SOCIAL_PURPOSE = ("자주적·자립적·자치적인 조합 활동을 통하여 지역 주민들의 권익·복리 증진과 "
                           "지역 사회의 발전에 이바지함을 목적으로 한다.")
_DEFAULT_QUALIFICATIONS = "조합의 설립 목적에 동의하고 조합원으로서의 의무를 다하고자 하는 자는 조합원이 될 수 있다."


def default_texts(kind: CoopKind) -> BylawsTexts:
    """What a new co-op starts with: the model bylaws' wording, to be made the co-op's own."""
    if kind is CoopKind.SOCIAL:
        return BylawsTexts(purpose=_DEFAULT_SOCIAL_PURPOSE, businesses=("조합원을 위한 공동구매 사업",),
                           qualifications=_DEFAULT_QUALIFICATIONS,
                           main_businesses=("지역 주민을 위한 돌봄 및 사회서비스 제공 사업",))
    return BylawsTexts(purpose=_DEFAULT_PURPOSE, businesses=("조합원을 위한 공동구매 사업",),
                       qualifications=_DEFAULT_QUALIFICATIONS)


def cleaned(texts: BylawsTexts) -> BylawsTexts:
    """Spaces tidied; empty lines of the lists dropped."""
    def lines(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(" ".join(v.split()) for v in values if v.strip())

    return BylawsTexts(purpose=texts.purpose.strip(), businesses=lines(texts.businesses),
                       qualifications=texts.qualifications.strip(), non_member_use=texts.non_member_use.strip(),
                       main_businesses=lines(texts.main_businesses), founders=lines(texts.founders))


def check_texts(texts: BylawsTexts, kind: CoopKind, required: tuple[str, ...] = ()) -> None:
    """Refuse text parts the bylaws cannot print: an empty purpose, no business, a social
    co-op without its main business (Act 93①), or a line repeating one of the Act's three
    businesses (``required``: the template's words for them), which are always printed."""
    for name in ("purpose", "qualifications", "non_member_use"):
        check_text(getattr(texts, name), name, PART_LENGTH, multiline=True)
    if not texts.purpose.strip():
        raise Refusal(N_("Write the co-op's purpose."), article=law.BYLAWS_MANDATORY_CONTENTS.ref, field="purpose")
    if not texts.qualifications.strip():
        raise Refusal(N_("Write who may become a member."), article=law.BYLAWS_MANDATORY_CONTENTS.ref,
                      field="qualifications")
    _check_lines(texts.businesses, "businesses", MAX_BUSINESSES, BUSINESS_LENGTH)
    _check_lines(texts.main_businesses, "main_businesses", MAX_BUSINESSES, BUSINESS_LENGTH)
    _check_lines(texts.founders, "founders", MAX_FOUNDERS, NAME_LENGTH)
    if kind is CoopKind.SOCIAL:
        if not texts.main_businesses:
            raise Refusal(N_("A social co-op names its main public-benefit business; it is at least {share}% "
                             "of all its business."), article=law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.ref,
                          field="main_businesses", share=int(law.SOCIAL_MIN_PUBLIC_BENEFIT_SHARE.value * 100))
    elif texts.main_businesses:
        raise Refusal(N_("Only a social co-op has main public-benefit businesses."), field="main_businesses")
    if not texts.businesses and not texts.main_businesses:
        raise Refusal(N_("List at least one business of the co-op."), article=law.BYLAWS_MANDATORY_CONTENTS.ref,
                      field="businesses")
    act_lines = {_squeezed(r) for r in required}
    for line in texts.businesses + texts.main_businesses:
        if _squeezed(line) in act_lines:
            raise Refusal(N_("\u201c{line}\u201d repeats a business the Act requires: the bylaws always list those "
                             "three, in the Act's words."), article=law.REQUIRED_BUSINESSES.ref,
                          field="main_businesses" if line in texts.main_businesses else "businesses", line=line)


def _squeezed(line: str) -> str:
    """A line without spaces, middle dots, commas and a final full stop: "교육·훈련" = "교육, 훈련"."""
    return "".join(c for c in line if not c.isspace() and c not in "·ㆍ∙•,.").replace("협동조합", "조합")


def _check_lines(values: tuple[str, ...], field: str, most: int, length: int) -> None:
    if len(values) > most:
        raise Refusal(N_("At most {n} lines."), field=field, n=most)
    for value in values:
        check_text(value, field, length)


def changed_parts(before: BylawsTexts, after: BylawsTexts) -> tuple[str, ...]:
    """The names of the text parts that differ."""
    return tuple(name for name in PART_LABELS if getattr(before, name) != getattr(after, name))


# -- as stored (JSON) --------------------------------------------------------------------------

def texts_to_dict(texts: BylawsTexts) -> dict[str, Any]:
    return {"purpose": texts.purpose, "businesses": list(texts.businesses),
            "main_businesses": list(texts.main_businesses), "qualifications": texts.qualifications,
            "non_member_use": texts.non_member_use, "founders": list(texts.founders)}


def texts_from_dict(data: dict[str, Any] | None, kind: CoopKind) -> BylawsTexts:
    """The stored parts; none stored (a version made before text parts were kept): the defaults."""
    if not data:
        return default_texts(kind)
    return BylawsTexts(purpose=str(data.get("purpose", "")), businesses=tuple(data.get("businesses", ())),
                       qualifications=str(data.get("qualifications", "")),
                       non_member_use=str(data.get("non_member_use", "")),
                       main_businesses=tuple(data.get("main_businesses", ())),
                       founders=tuple(data.get("founders", ())))
