"""A co-op's profile and bylaws settings as the program passes them around (``CoopInfo``).

Apart from ``services.coops`` so that reading a co-op for the first screen
(``services.members.first_screen``) needs no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from enum import Enum
from typing import Any

from coopdesk.domain.coop import (
    BylawsSettings, CoopKind, ElectionMajority, GoverningLaw, MembershipStarts, NoticeMethod, TieRule,
)

_ENUM_FIELDS: dict[str, type[Enum]] = {
    "membership_starts": MembershipStarts,
    "notice_method": NoticeMethod,
    "tie_rule": TieRule,
    "election_majority": ElectionMajority,
}


@dataclass(frozen=True, slots=True)
class CoopInfo:
    id: int
    name: str
    kind: CoopKind
    governing_law: GoverningLaw
    main_office: str
    fiscal_year_start_month: int
    member_types: tuple[str, ...]
    bylaws: BylawsSettings
    bylaws_version: int


def bylaws_to_dict(b: BylawsSettings) -> dict[str, Any]:
    return {k: (v.value if isinstance(v, Enum) else v) for k, v in asdict(b).items()}


def bylaws_from_dict(data: dict[str, Any]) -> BylawsSettings:
    known = {f.name for f in fields(BylawsSettings)}
    values = {k: v for k, v in data.items() if k in known}
    for name, kind in _ENUM_FIELDS.items():
        if name in values:
            values[name] = kind(values[name])
    return BylawsSettings(**values)
