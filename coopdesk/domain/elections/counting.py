"""Counting the ballots of one contest (개표), or checking a count entered from paper.

A ``Tally`` is the same whether the program counted ballots entered one by one (``count``)
or two tellers counted paper ballots by hand and typed in the numbers: ``decide`` takes
either.  A paper count is typed twice, once by each teller; ``compare_entries`` lists every
number on which the two differ, and only equal entries are accepted (``agreed_entry``).
``check_tally`` refuses numbers that cannot be true, and ``count`` never produces such.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from coopdesk.domain.elections.ballots import Ballot, BallotState, ballot_state
from coopdesk.domain.elections.contest import Contest, Method
from coopdesk.domain.errors import Refusal
from coopdesk.domain.text import N_

__all__ = ["Difference", "Tally", "TallyItem", "agreed_entry", "check_tally", "compare_entries", "count"]


@dataclass(frozen=True, slots=True)
class Tally:
    """The counts of one contest.  ``votes``: (candidate key, votes for it) in the contest's
    order — in a yes-or-no vote, the yes; ``against``: (key, no) in a yes-or-no vote, else
    empty.  ``ballots``: every ballot cast, blank and invalid included."""

    votes: tuple[tuple[int, int], ...]
    against: tuple[tuple[int, int], ...]
    ballots: int
    blank: int = 0
    invalid: int = 0

    @classmethod
    def of(cls, contest: Contest, votes: Mapping[int, int], *, against: Mapping[int, int] | None = None,
           ballots: int, blank: int = 0, invalid: int = 0) -> Tally:
        """A tally in the contest's order; a candidate not given has 0 votes."""
        against = against or {}
        unknown = (set(votes) | set(against)) - set(contest.keys)
        if unknown:
            raise Refusal(N_("A count is for someone who is not a candidate in this contest."), field="votes")
        if contest.method is Method.PLURALITY and any(against.values()):
            raise Refusal(N_("A choice among candidates has no votes against."), field="against")
        no = (tuple((k, against.get(k, 0)) for k in contest.keys) if contest.method is Method.APPROVAL else ())
        return cls(tuple((k, votes.get(k, 0)) for k in contest.keys), no, ballots, blank, invalid)

    @property
    def valid(self) -> int:
        """Ballots that count: all but the invalid ones (blank ones included)."""
        return self.ballots - self.invalid

    @property
    def marked(self) -> int:
        """Valid ballots that mark someone."""
        return self.valid - self.blank

    def votes_for(self, key: int) -> int:
        return dict(self.votes)[key]

    def against_for(self, key: int) -> int:
        return dict(self.against).get(key, 0)


def count(contest: Contest, ballots: Iterable[Ballot]) -> Tally:
    """Count ballots: each valid mark is one vote (or one no); blank and invalid ones are counted."""
    yes = dict.fromkeys(contest.keys, 0)
    no = dict.fromkeys(contest.keys, 0)
    cast = blank = invalid = 0
    for ballot in ballots:
        cast += 1
        state = ballot_state(contest, ballot)
        if state is BallotState.INVALID:
            invalid += 1
            continue
        if state is BallotState.BLANK:
            blank += 1
        for key in ballot.marked | ballot.yes:
            yes[key] += 1
        for key in ballot.no:
            no[key] += 1
    return Tally.of(contest, yes, against=no if contest.method is Method.APPROVAL else None,
                    ballots=cast, blank=blank, invalid=invalid)


def check_tally(contest: Contest, tally: Tally, voted: int | None = None) -> None:
    """Refuse counts that cannot be true.  ``voted``: how many ballots were handed out (the
    voters signed off on the list); the ballots counted must be as many."""
    _check_shape(contest, tally)
    if voted is not None and tally.ballots != voted:
        raise Refusal(N_("The count has {ballots} ballots, but {voted} voters took part: count the ballots again."),
                      field="ballots", ballots=tally.ballots, voted=voted)
    if tally.blank + tally.invalid > tally.ballots:
        raise Refusal(N_("Blank and invalid ballots ({count}) cannot be more than all ballots ({ballots})."),
                      field="blank", count=tally.blank + tally.invalid, ballots=tally.ballots)
    _check_each_candidate(contest, tally)
    _check_sum(contest, tally)


def _check_shape(contest: Contest, tally: Tally) -> None:
    no_keys = contest.keys if contest.method is Method.APPROVAL else ()
    if tuple(k for k, _ in tally.votes) != contest.keys or tuple(k for k, _ in tally.against) != no_keys:
        raise Refusal(N_("The count does not list the candidates of this contest."), field="votes")
    numbers = [tally.ballots, tally.blank, tally.invalid, *(n for _, n in tally.votes + tally.against)]
    if any(n < 0 for n in numbers):
        raise Refusal(N_("A count cannot be negative."), field="votes")


def _check_each_candidate(contest: Contest, tally: Tally) -> None:
    """No candidate gets more marks than there are ballots marking someone."""
    for c in contest.candidates:
        marks = tally.votes_for(c.key) + tally.against_for(c.key)
        if marks > tally.marked:
            raise Refusal(N_("{name} has {votes} marks, more than the {marked} valid ballots that mark someone."),
                          field="votes", name=c.name, votes=marks, marked=tally.marked)


def _check_sum(contest: Contest, tally: Tally) -> None:
    """Each ballot that marks someone marks at least one candidate, and in a choice at most ``seats``."""
    total = sum(n for _, n in tally.votes + tally.against)
    most = tally.marked * (contest.seats if contest.method is Method.PLURALITY else len(contest.candidates))
    if total > most:
        raise Refusal(N_("The marks add up to {total}, more than {most}: {marked} ballots each mark at most "
                         "{each} candidates."), field="votes", total=total, most=most, marked=tally.marked,
                      each=most // tally.marked if tally.marked else 0)
    if total < tally.marked:
        raise Refusal(N_("The marks add up to {total}, fewer than the {marked} ballots that mark someone."),
                      field="votes", total=total, marked=tally.marked)


class TallyItem(Enum):
    """One number of a tally, as the two tellers' entries are compared."""

    BALLOTS = "ballots"
    BLANK = "blank"
    INVALID = "invalid"
    VOTES = "votes"  # a candidate's votes (a yes-or-no vote: the yes)
    AGAINST = "against"  # a candidate's no


ITEM_LABELS = {
    TallyItem.BALLOTS: N_("Ballots cast"),
    TallyItem.BLANK: N_("Blank ballots"),
    TallyItem.INVALID: N_("Invalid ballots"),
    TallyItem.VOTES: N_("Votes for {name}"),
    TallyItem.AGAINST: N_("Votes against {name}"),
}


@dataclass(frozen=True, slots=True)
class Difference:
    """A number the two tellers entered differently; ``key``: the candidate, for votes."""

    item: TallyItem
    key: int | None
    first: int
    second: int


def compare_entries(first: Tally, second: Tally) -> list[Difference]:
    """Every number on which the two entries of one count differ, in the order of the form."""
    if [k for k, _ in first.votes] != [k for k, _ in second.votes]:
        raise Refusal(N_("The two entries are not for the same candidates."), field="votes")
    found = [Difference(item, None, a, b) for item, a, b in (
        (TallyItem.BALLOTS, first.ballots, second.ballots),
        (TallyItem.BLANK, first.blank, second.blank),
        (TallyItem.INVALID, first.invalid, second.invalid),
    ) if a != b]
    for (key, a), (_, b) in zip(first.votes, second.votes, strict=True):
        if a != b:
            found.append(Difference(TallyItem.VOTES, key, a, b))
    for key, _ in first.votes:
        a, b = first.against_for(key), second.against_for(key)
        if a != b:
            found.append(Difference(TallyItem.AGAINST, key, a, b))
    return found


def agreed_entry(first: Tally, second: Tally) -> Tally:
    """The count, once both tellers entered the same numbers; refused while they differ."""
    differences = compare_entries(first, second)
    if differences:
        raise Refusal(N_("The two entries differ in {count} places: count those ballots again."),
                      field="votes", count=len(differences))
    return first
