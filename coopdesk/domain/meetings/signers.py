"""Who signs the minutes (의사록 서명): Act 30③."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.kinds import MeetingKind
from coopdesk.domain.text import N_


@dataclass(frozen=True, slots=True)
class Signatures:
    """Who signs the minutes, in print order: the chair first (if any), then the others."""

    chair: Hashable | None
    others: tuple[Hashable, ...]


def check_minute_signers(
    meeting: MeetingKind,
    chair: Hashable | None,
    signers: Iterable[Hashable],
    attending_directors: Iterable[Hashable] = (),
) -> Signatures:
    """The signature block the law asks for, or a refusal.

    A general assembly or founding meeting: the chair plus at least 3 members elected at
    the meeting (Act 30③; founding minutes likewise, LAW.md) — the chair does not count
    among the three.  A board: every attending director signs (practice [L]).
    """
    if meeting is MeetingKind.BOARD:
        return _board_signers(chair, signers, attending_directors)
    others = tuple(dict.fromkeys(s for s in signers if s != chair))  # the chair and repeats don't count
    rule = law.MINUTES_MIN_SIGNING_MEMBERS
    if chair is None:
        raise Refusal(N_("The minutes need the signature of the meeting's chair."),
                      article=rule.ref, field="chair")
    if len(others) < rule.value:
        raise Refusal(N_("The minutes need the chair and at least {minimum} members elected at the "
                         "meeting to sign; {count} chosen."),
                      article=rule.ref, field="signers", minimum=rule.value, count=len(others))
    return Signatures(chair, others)


def _board_signers(
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
