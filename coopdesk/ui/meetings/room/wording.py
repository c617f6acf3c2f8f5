"""What the meeting room says: articles in the screen's language, the rule an item is
decided by, the register's name, and attendees by number and name.

Nothing here decides anything: the rules, their articles and the numbers come with the
services' results (``ItemResult``, ``AttendanceView``, ``MeetingView.rules``); this module
only puts them into words.
"""

from __future__ import annotations

from coopdesk.domain.law_ref import LawRef
from coopdesk.domain.meetings.kinds import ResolutionKind
from coopdesk.domain.meetings.rules import MajorityRule, QuorumState, Register
from coopdesk.domain.text import Explanation
from coopdesk.i18n import _, current
from coopdesk.ui.widgets.colours import AMBER, GREEN, GREY, RED

__all__ = ["AMBER", "GREEN", "GREY", "RED", "article", "explained", "item_rule", "person", "quorum_line",
           "with_article"]


def article(ref: LawRef | None) -> str:
    """'(Act 29②)' or '(법 제29조②)'; empty without an article."""
    if ref is None:
        return ""
    return _("({article})", article=ref.label(current().language))


def with_article(text: str, ref: LawRef | None) -> str:
    return f"{text} {article(ref)}" if ref is not None else text


def explained(sentence: Explanation, ref: LawRef | None = None) -> str:
    """A sentence of the rules in the screen's language, with its article."""
    return with_article(_(sentence.message, **sentence.kwargs), ref)


def quorum_line(quorum: QuorumState) -> str:
    """'2 × present (7) ≤ members (15) (Act 29②)  ·  8 needed, 1 more to come'."""
    t = current()
    line = explained(quorum.statement, quorum.ref)
    if quorum.needed is not None and not quorum.reached:
        line += "  ·  " + _("{needed} needed, {missing} more to come", needed=t.number(quorum.needed),
                            missing=t.number(quorum.missing))
    return line


def item_rule(kind: ResolutionKind, majority: MajorityRule | None) -> str:
    """'Special resolution: at least two thirds of those present (Act 29②)'."""
    if kind is ResolutionKind.REPORT or majority is None:
        return _("Report only: it is not put to a vote.")
    return with_article(_(majority.summary), majority.ref)


def person(key: int, name: str, register: Register) -> str:
    """A member by number and name; a director (keyed by term) by name only."""
    return name if register is Register.DIRECTORS else _("{number} {name}", number=key, name=name)
