"""The bylaws and an amendment's comparison table as the documents print them, in plain values.

The services fill these from the record; ``coopdesk.documents.bylaws`` renders them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopdesk.domain.bylaws.facts import BylawsFacts


@dataclass(frozen=True, slots=True)
class BylawsPaper:
    facts: BylawsFacts  # the version printed, with its history
    waiting: bool  # adopted, not yet reported: printed for the filing, marked as not yet in force
    audit_mark: str = ""


@dataclass(frozen=True, slots=True)
class ComparisonPaper:
    """신구조문 대비표: the bylaws the amendment starts from, and as it would make them."""

    before: BylawsFacts
    after: BylawsFacts
    changed: tuple[str, ...]  # the settings and text parts it changes
    meeting_title: str
    meeting_date: dt.date
    item_position: int
    item_title: str
    reason: str  # the proposal put to the meeting: why the bylaws are amended
    adopted: bool  # the assembly adopted it (else: a proposal, as the notice carries it)
    audit_mark: str = ""
