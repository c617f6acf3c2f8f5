"""Who signs the minutes (의사록 서명).

A general assembly or founding meeting: the chair plus at least 3 members elected at the
meeting (Act 30③; founding minutes likewise, LAW.md) — the chair does not count among the
three.  A board: every attending director signs (practice [L]).  Which of the two applies
is the meeting's ``rules.MinuteSigners``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.meetings.rules import MinuteSigners, rules_for
from coopdesk.domain.text import N_


@dataclass(frozen=True, slots=True)
class Signatures:
    """Who signs the minutes, in print order: the chair first (if any), then the others."""

    chair: Hashable | None
    others: tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class SignersState:
    """The signers chosen so far, against the rule: what the minutes panel and the
    command line show before final minutes are printed."""

    rule: MinuteSigners
    chosen: int  # signers besides the chair (at a board: attending directors who sign)
    attending: int  # at a board, the directors who attended
    problem: Refusal | None  # why final minutes could not be signed yet; None: enough

    @property
    def enough(self) -> bool:
        return self.problem is None


def check_minute_signers(
    meeting: MeetingKind,
    chair: Hashable | None,
    signers: Iterable[Hashable],
    attending_directors: Iterable[Hashable] = (),
) -> Signatures:
    """The signature block the law asks for, or a refusal."""
    rule = rules_for(meeting).signers
    if not rule.elected:
        return _every_attending(chair, signers, attending_directors)
    chosen = tuple(signers)
    others = tuple(dict.fromkeys(s for s in chosen if s != chair))  # the chair and repeats don't count
    if chair is None:
        raise Refusal(N_("The minutes need the signature of the meeting's chair."),
                      article=rule.ref, field="chair")
    if len(others) < rule.minimum and chair in chosen:  # ticked as well: say why the list looks longer
        raise Refusal(N_("The minutes need the chair and at least {minimum} members elected at the meeting to "
                         "sign; {count} chosen besides the chair. {chair}, the chair of the meeting, signs as chair "
                         "and is not counted among the {minimum}."),
                      article=rule.ref, field="signers", minimum=rule.minimum, count=len(others),
                      chair=str(getattr(chair, "name", chair)))
    if len(others) < rule.minimum:
        raise Refusal(N_("The minutes need the chair and at least {minimum} members elected at the "
                         "meeting to sign; {count} chosen."),
                      article=rule.ref, field="signers", minimum=rule.minimum, count=len(others))
    return Signatures(chair, others)


def signers_state(
    meeting: MeetingKind,
    chair: Hashable | None,
    signers: Iterable[Hashable],
    attending_directors: Iterable[Hashable] = (),
) -> SignersState:
    """How far the chosen signers are from what the law asks (never a refusal)."""
    rule = rules_for(meeting).signers
    chosen, attending = tuple(signers), tuple(attending_directors)
    try:
        check_minute_signers(meeting, chair, chosen, attending)
        problem = None
    except Refusal as refusal:
        problem = refusal
    count = len(set(chosen) - {chair}) if rule.elected else len(attending)
    return SignersState(rule, count, len(attending), problem)


def _every_attending(
    chair: Hashable | None, signers: Iterable[Hashable], attending: Iterable[Hashable]
) -> Signatures:
    directors = tuple(dict.fromkeys(attending))
    chosen = set(signers) | ({chair} if chair is not None else set())
    if not directors:
        raise Refusal(N_("Board minutes need the directors who attended."), field="signers")
    if chosen - set(directors):
        raise Refusal(N_("Only directors who attended the board meeting sign its minutes."), field="signers")
    missing = [d for d in directors if d not in chosen]
    if missing:
        raise Refusal(N_("Every director who attended signs the board minutes; {count} missing."),
                      field="signers", count=len(missing))
    head = chair if chair in directors else None
    return Signatures(head, tuple(d for d in directors if d != head))
