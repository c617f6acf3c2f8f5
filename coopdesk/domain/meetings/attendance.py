"""Attendance (출석), proxies (대리인, 위임장) and roll-call votes (기명 투표), as pure values.

Act 23③ (LAW.md "General assembly"): a member may vote through a proxy who is another
member or a family member living with them (동거 가족); one proxy represents one member
only; the proxy hands in written proof.  A member present in person may also hold one
proxy.  A principal who arrives in person takes the vote back.  Present = in person +
represented by a proxy whose holder is here: nobody is counted twice.

Members are identified by their register id (int); the service layer names them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from coopdesk.domain import law
from coopdesk.domain.errors import Refusal
from coopdesk.domain.meetings.resolutions import Tally
from coopdesk.domain.text import N_

_PROXY = law.PROXY_PRINCIPALS_PER_HOLDER


class Choice(Enum):
    YES = "yes"  # 찬성
    NO = "no"  # 반대
    ABSTAIN = "abstain"  # 기권


@dataclass(frozen=True, slots=True)
class Proxy:
    """One principal's proxy: held by a member (``holder_member``) or by a named family
    member living with the principal (``family_name``), with the written proof noted."""

    principal: int
    holder_member: int | None = None
    family_name: str = ""
    lives_with_principal: bool = False
    written_proof: bool = False
    proof_note: str = ""

    @property
    def holder_key(self) -> object:
        """Who holds it, so that one holder is found holding two proxies."""
        if self.holder_member is not None:
            return ("member", self.holder_member)
        return ("family", " ".join(self.family_name.split()).casefold())


@dataclass(frozen=True, slots=True)
class Attendance:
    """Who is on the register (``register``: members, or directors in office for a board),
    who is here in person, and the proxies on record."""

    register: frozenset[int]
    in_person: frozenset[int] = frozenset()
    proxies: tuple[Proxy, ...] = ()

    def proxy_for(self, principal: int) -> Proxy | None:
        return next((p for p in self.proxies if p.principal == principal), None)

    def counts(self, proxy: Proxy) -> bool:
        """A proxy counts while its holder is here: a family holder comes only to hold it."""
        return proxy.holder_member is None or proxy.holder_member in self.in_person

    @property
    def represented(self) -> frozenset[int]:
        return frozenset(p.principal for p in self.proxies if self.counts(p))

    @property
    def present(self) -> frozenset[int]:
        """Members whose vote is in the room, in person or by proxy."""
        return self.in_person | self.represented

    def check_in(self, member: int) -> Attendance:
        """Here in person; a proxy this member gave is revoked (the vote comes back)."""
        self._on_register(member)
        if member in self.in_person:
            raise Refusal(N_("This member is already checked in."), field="member")
        kept = tuple(p for p in self.proxies if p.principal != member)
        return replace(self, in_person=self.in_person | {member}, proxies=kept)

    def check_out(self, member: int) -> Attendance:
        """Leaves the meeting; a proxy this member holds stops counting until they return."""
        if member not in self.in_person:
            raise Refusal(N_("This member is not checked in."), field="member")
        return replace(self, in_person=self.in_person - {member})

    def add_proxy(self, proxy: Proxy) -> Attendance:
        _check_proxy_form(proxy)
        if proxy.principal not in self.register:  # say which of the two is not on it
            raise Refusal(N_("The member being represented, number {number}, is not on the register of this "
                             "meeting."), field="principal", number=proxy.principal)
        if proxy.principal in self.in_person:
            raise Refusal(N_("This member is here in person and votes in person."), field="principal")
        if self.proxy_for(proxy.principal) is not None:
            raise Refusal(N_("This member already has a proxy."), article=_PROXY.ref, field="principal")
        if any(p.holder_member == proxy.principal for p in self.proxies):
            raise Refusal(N_("A member who holds a proxy cannot give one."), field="principal")
        if proxy.holder_member is not None:
            if proxy.holder_member not in self.register:
                raise Refusal(N_("The proxy holder, member number {number}, is not on the register of this "
                                 "meeting."), field="holder", number=proxy.holder_member)
            if self.proxy_for(proxy.holder_member) is not None:
                raise Refusal(N_("A member who votes through a proxy cannot hold one."), field="holder")
        held = sum(1 for p in self.proxies if p.holder_key == proxy.holder_key)
        if held >= _PROXY.value:
            raise Refusal(N_("This proxy already represents another member; one proxy represents one "
                             "member only."), article=_PROXY.ref, field="holder")
        return replace(self, proxies=(*self.proxies, proxy))

    def revoke_proxy(self, principal: int) -> Attendance:
        if self.proxy_for(principal) is None:
            raise Refusal(N_("This member has no proxy on record."), field="principal")
        return replace(self, proxies=tuple(p for p in self.proxies if p.principal != principal))

    def _on_register(self, member: int) -> None:
        if member not in self.register:
            raise Refusal(N_("This person is not on the register."), field="member")


def _check_proxy_form(proxy: Proxy) -> None:
    ref = law.PROXY_HOLDER_FAMILY_LIVING_TOGETHER.ref
    if proxy.holder_member is not None:
        if proxy.family_name.strip():
            raise Refusal(N_("A proxy is held by a member or by a family member, not both."), field="holder")
        if proxy.holder_member == proxy.principal:
            raise Refusal(N_("A member cannot be their own proxy."), field="holder")
    elif not proxy.family_name.strip():
        raise Refusal(N_("Name the proxy: a member or a family member living with the member."),
                      article=ref, field="holder")
    elif not proxy.lives_with_principal:
        raise Refusal(N_("A family member may be a proxy only if they live with the member."),
                      article=ref, field="holder")
    if not proxy.written_proof:
        raise Refusal(N_("A proxy must hand in written proof (a proxy form)."), article=ref, field="written_proof")


@dataclass(frozen=True, slots=True)
class RollCall:
    """Each present member's choice on one item (기명 투표), in the order given."""

    votes: tuple[tuple[int, Choice], ...] = ()

    def cast(self, attendance: Attendance, excluded: Iterable[int], member: int, choice: Choice) -> RollCall:
        if member in set(excluded):
            raise Refusal(N_("This member has a personal interest in this item and does not vote on it."),
                          field="member")
        if member not in attendance.present:
            raise Refusal(N_("Only a member present in person or by proxy can vote."), field="member")
        if any(m == member for m, _ in self.votes):
            raise Refusal(N_("This member has already voted on this item."), field="member")
        return RollCall((*self.votes, (member, choice)))

    def count(self, choice: Choice) -> int:
        return sum(1 for _, c in self.votes if c is choice)


def check_excluded(attendance: Attendance, excluded: Iterable[int]) -> frozenset[int]:
    """Members marked as having a personal interest: they must be on the register."""
    marked = frozenset(excluded)
    if marked - attendance.register:
        raise Refusal(N_("Only a member on the register can be excluded from an item."), field="excluded")
    return marked


def tally(attendance: Attendance, excluded: Iterable[int], yes: int, no: int, abstain: int) -> Tally:
    """The counts of one item; an excluded member counts only if present (they leave the base)."""
    marked = check_excluded(attendance, excluded)
    return Tally(
        members=len(attendance.register),
        in_person=len(attendance.in_person),
        by_proxy=len(attendance.represented),
        excluded=len(marked & attendance.present),
        yes=yes, no=no, abstain=abstain,
    )


def roll_call_tally(attendance: Attendance, excluded: Iterable[int], votes: RollCall) -> Tally:
    return tally(attendance, excluded, votes.count(Choice.YES), votes.count(Choice.NO),
                 votes.count(Choice.ABSTAIN))
