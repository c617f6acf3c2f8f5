"""What the bylaws are printed from: the co-op's profile, the settings and text parts of one
version, and the history of the versions up to it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from coopdesk.domain.bylaws.template import CURRENT_TEMPLATE
from coopdesk.domain.bylaws.texts import BylawsTexts
from coopdesk.domain.coop import BylawsSettings, CoopKind


class Formats(Protocol):
    """Numbers, money and dates in the document's language (``coopdesk.i18n.Translator`` is one)."""

    def number(self, value: int) -> str: ...

    def money(self, won: int) -> str: ...

    def date(self, value: dt.date | None, style: str = "medium") -> str: ...


@dataclass(frozen=True, slots=True)
class Enactment:
    """A version of the bylaws as their history prints it: 제정 (the first), 개정 (the others)."""

    version: int
    adopted_on: dt.date
    effective_on: dt.date | None  # None: adopted, not yet reported (authorised)


@dataclass(frozen=True, slots=True)
class BylawsFacts:
    coop_name: str
    kind: CoopKind
    main_office: str
    fiscal_year_start_month: int
    member_types: tuple[str, ...]
    settings: BylawsSettings
    texts: BylawsTexts
    history: tuple[Enactment, ...]  # every version up to and including this one, oldest first
    template: int = CURRENT_TEMPLATE

    @property
    def version(self) -> Enactment:
        return self.history[-1]
