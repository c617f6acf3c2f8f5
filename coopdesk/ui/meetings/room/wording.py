"""What the meeting room says: the rule each item is decided by, articles in the screen's
language, and the counts of a result, in both languages.

The sentences of the rules are the domain's numbers said in words; the article of each
comes from ``domain.law`` so that an amendment changes the screen with the law.
"""

from __future__ import annotations

import re

from coopdesk.domain import law
from coopdesk.domain.law_ref import LawRef, Source
from coopdesk.domain.meetings.kinds import MeetingKind, ResolutionKind
from coopdesk.domain.meetings.resolutions import board_quorum_reached, founding_quorum_reached, quorum_reached
from coopdesk.i18n import N_, _, current

GREEN, RED, AMBER, GREY = "#1b7f3b", "#b00020", "#8a5a00", "#5f6368"


def article(ref: LawRef | None) -> str:
    """'(Act 29②)' or '(법 제29조②)'; empty without an article."""
    if ref is None:
        return ""
    return _("({article})", article=ref.label(current().language))


def with_article(text: str, ref: LawRef | None) -> str:
    return f"{text} {article(ref)}" if ref is not None else text


_LABEL = re.compile(r"^(Act|Decree|Rule|Model bylaws) (\d+)(?:-(\d+))?([①-⑩])?$")
_SOURCES = {"Act": Source.ACT, "Decree": Source.DECREE, "Rule": Source.RULE, "Model bylaws": Source.MODEL_BYLAWS}


def ref_from_label(label: str | None) -> LawRef | None:
    """The article of an ItemResult, which carries it as its English label ("Act 29②")."""
    found = _LABEL.match(label or "")
    if found is None:
        return None
    source, number, branch, circled = found.groups()
    paragraph = "①②③④⑤⑥⑦⑧⑨⑩".index(circled) + 1 if circled else None
    return LawRef(_SOURCES[source], int(number), int(branch) if branch else None, paragraph)


# -- the quorum -----------------------------------------------------------------------------
_BASE_LABELS = {
    MeetingKind.BOARD: N_("Directors in office"),
    MeetingKind.FOUNDING: N_("Consenters"),
}


def base_label(kind: MeetingKind) -> str:
    """What the quorum counts: members on the register, consenters, or directors in office."""
    return _(_BASE_LABELS.get(kind, N_("Members on the register")))


def quorum_ref(kind: MeetingKind) -> LawRef:
    return {MeetingKind.BOARD: law.BOARD_QUORUM, MeetingKind.FOUNDING: law.FOUNDING_QUORUM}.get(
        kind, law.ASSEMBLY_QUORUM).ref


def needed_for_quorum(kind: MeetingKind, base: int) -> int | None:
    """The fewest present that make the quorum, by the domain's own test (None: never)."""
    test = {MeetingKind.BOARD: board_quorum_reached, MeetingKind.FOUNDING: founding_quorum_reached}.get(
        kind, quorum_reached)
    low, high = 0, base
    if not test(base, high):
        return None
    while low < high:  # the test is monotone in those present: bisect, fine at 10,000 members
        middle = (low + high) // 2
        if test(base, middle):
            high = middle
        else:
            low = middle + 1
    return low


# -- the rule of an item ----------------------------------------------------------------------
def item_rule(meeting: MeetingKind, kind: ResolutionKind) -> str:
    """'Special resolution: at least two thirds of those present (Act 29②)'."""
    if kind is ResolutionKind.REPORT:
        return _("Report only: it is not put to a vote.")
    if meeting is MeetingKind.BOARD:
        return with_article(_("Board decision: more than half of the directors present say yes"),
                            law.BOARD_MAJORITY.ref)
    if meeting is MeetingKind.FOUNDING:
        return with_article(_("Founding meeting: at least two thirds of those present say yes"),
                            law.FOUNDING_MAJORITY.ref)
    if kind is ResolutionKind.SPECIAL:
        return with_article(_("Special resolution: at least two thirds of those present say yes"),
                            law.SPECIAL_MAJORITY.ref)
    if kind is ResolutionKind.ELECTION:
        return with_article(_("Election: here only the counts of the motion, decided by more than half "
                              "of those present; candidates are elected in a later step"),
                            law.ORDINARY_MAJORITY.ref)
    return with_article(_("Ordinary resolution: more than half of those present say yes"),
                        law.ORDINARY_MAJORITY.ref)


def person(key: int, name: str, board: bool) -> str:
    """A member by number and name; a director (keyed by term) by name only."""
    return name if board else _("{number} {name}", number=key, name=name)
