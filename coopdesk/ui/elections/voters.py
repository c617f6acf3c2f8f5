"""Who the secretary may open a ballot for, as the unlock panel lists them.

A member present in person votes for themself; a proxy holder votes once for themself and
once more for each member they represent (Act 23③ covers the vote in an election), so the
holder appears twice, and the line says which of the two ballots is being opened.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopdesk.i18n import _


@dataclass(frozen=True, slots=True)
class BallotVoter:
    """One vote to cast.  ``key``/``name``: the member whose vote it is (what ``unlock``
    emits); ``proxy_key``/``proxy_name``: the proxy holder at the laptop, when that member is
    represented; ``voted``: this vote is already cast in every open contest."""

    key: int
    name: str
    proxy_key: int | None = None
    proxy_name: str = ""
    voted: bool = False

    @property
    def by_proxy(self) -> bool:
        return self.proxy_key is not None


def member(key: int, name: str) -> str:
    """A member number is a name tag, not a quantity: never '1,024'."""
    return _("{number} {name}", number=key, name=name)


def at_the_laptop(voter: BallotVoter) -> str:
    """Who sits at the laptop: the member, or their proxy holder."""
    if voter.proxy_key is None:
        return member(voter.key, voter.name)
    return member(voter.proxy_key, voter.proxy_name)


def voter_line(voter: BallotVoter) -> str:
    """'12 김하나 — own vote' or '12 김하나 — as proxy for 7 이두리', and whether it is cast."""
    if voter.proxy_key is None:
        line = _("{person} — own vote", person=at_the_laptop(voter))
    else:
        line = _("{person} — as proxy for {member}", person=at_the_laptop(voter),
                 member=member(voter.key, voter.name))
    return line + ("  · " + _("voted") if voter.voted else "")


def ballot_heading(voter: BallotVoter) -> str:
    """The top line of the ballot screen: whose vote the voter at the laptop is casting."""
    if voter.proxy_key is None:
        return _("Ballot of {member}", member=member(voter.key, voter.name))
    return _("Ballot of {member}, cast by their proxy {person}", member=member(voter.key, voter.name),
             person=at_the_laptop(voter))
