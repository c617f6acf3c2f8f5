"""What the election widgets say about a contest and its candidates, in the screen's language.

Nothing here decides anything: the seats, the candidates and the way of marking come with
the domain's ``Contest``; this module only puts them into words.
"""

from __future__ import annotations

from collections.abc import Iterable

from coopdesk.domain.elections.contest import Candidate, Contest, Method
from coopdesk.domain.law_ref import LawRef
from coopdesk.i18n import N_, _, current

# "For" and "Against", not "Yes" and "No": those are a dialog's buttons (예, 아니요), not a vote
FOR, AGAINST = N_("For"), N_("Against")


def article(ref: LawRef | None) -> str:
    """'(Act 37①)' or '(법 제37조①)'; empty without an article."""
    if ref is None:
        return ""
    return _("({article})", article=ref.label(current().language))


def contest_title(contest: Contest) -> str:
    """'Director (3 to elect)'."""
    return _("{office} ({seats} to elect)", office=_(contest.label), seats=current().number(contest.seats))


def how_to_mark(contest: Contest) -> str:
    if contest.method is Method.PLURALITY and contest.seats == 1:
        return _("Mark one of the candidates.")
    if contest.method is Method.PLURALITY:
        return _("Mark up to {seats} of the candidates.", seats=current().number(contest.seats))
    return _("Mark For or Against for each candidate. You may leave a candidate unmarked.")


def candidate_names(contest: Contest) -> dict[int, str]:
    """Each candidate's name as the ballot shows it; two of the same name are told apart by
    their member number, or their birth date for a non-member."""
    counts: dict[str, int] = {}
    for c in contest.candidates:
        counts[c.name] = counts.get(c.name, 0) + 1
    return {c.key: c.name if counts[c.name] == 1 else _told_apart(c) for c in contest.candidates}


def _told_apart(candidate: Candidate) -> str:
    if candidate.key > 0:
        return _("{name} (member {number})", name=candidate.name, number=candidate.key)
    if candidate.birth_date is not None:
        return _("{name} (born {date})", name=candidate.name, date=current().date(candidate.birth_date))
    return candidate.name


def listed(names: Iterable[str]) -> str:
    """Names one after another, as the screen's language joins them."""
    return (", " if current().language == "en" else "·").join(names)
