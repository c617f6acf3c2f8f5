"""The capital papers as plain values: the share certificate (출자증서), a member's capital
statement (출자금 확인서), the capital register (조합원별 출자 현황) and a leaver's refund
statement (지분환급 명세).  The services fill them from the ledger; ``coopdesk.documents.capital``
prints them.  Names arrive as the secretary typed them; the rest are numbers, dates and codes
the document words in its language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.refunds import ClaimState, RefundWindow
from coopdesk.domain.members.standing import MemberStatus


@dataclass(frozen=True, slots=True)
class CoopFacts:
    """Who issues the paper: the co-op, its main office and the chair who signs and seals it."""

    name: str
    main_office: str
    chair_name: str  # the chair (이사장) in office on the day of issue; "" if none is recorded
    share_price: int  # won a share, as the bylaws in force on the paper's day say
    audit_mark: str = ""


@dataclass(frozen=True, slots=True)
class Holder:
    """The member a paper is about."""

    number: int
    name: str
    birth_date: dt.date | None
    member_type: str
    address: str
    joined_on: dt.date | None
    status: MemberStatus


@dataclass(frozen=True, slots=True)
class Payment:
    """A day the member's paid-in capital grew: a payment, a dividend credited or shares received."""

    on: dt.date
    kind: EntryKind
    amount: int


@dataclass(frozen=True, slots=True)
class Certificate:
    """One member's share certificate."""

    number: str  # "12-0345": see ``certificate_number``
    holder: Holder
    shares: int
    paid: int  # won paid in: the amount the certificate certifies
    unpaid: int
    payments: tuple[Payment, ...]


def certificate_number(member: int, last_entry: int) -> str:
    """"12-0345": the member and the last ledger entry that moved their capital.

    The same holding always prints the same number, and a certificate reissued after any change
    (more shares, a payment, a reversal) carries a new one, which the ledger explains."""
    return f"{member}-{last_entry:04d}"


@dataclass(frozen=True, slots=True)
class CertificatePaper:
    """Share certificates, one page each (one member, or every member holding paid-in capital)."""

    coop: CoopFacts
    issued_on: dt.date
    certificates: Sequence[Certificate]


@dataclass(frozen=True, slots=True)
class StatementLine:
    """An entry of the member's ledger, as the statement lists it."""

    number: int
    on: dt.date
    kind: EntryKind
    shares: int
    amount: int
    note: str


@dataclass(frozen=True, slots=True)
class StatementPaper:
    """A member's capital on a day, with the entries that made it."""

    coop: CoopFacts
    as_of: dt.date
    issued_on: dt.date
    holder: Holder
    shares: int
    paid: int
    unpaid: int
    lines: tuple[StatementLine, ...]

    @property
    def subscribed(self) -> int:
        return self.shares * self.coop.share_price


@dataclass(frozen=True, slots=True)
class RegisterLine:
    number: int
    name: str
    status: MemberStatus
    joined_on: dt.date | None
    shares: int
    paid: int
    unpaid: int


@dataclass(frozen=True, slots=True)
class RegisterTotals:
    members: int  # current members on the day
    holders: int  # lines holding shares
    shares: int
    paid: int
    unpaid: int


@dataclass(frozen=True, slots=True)
class CapitalRegisterPaper:
    """Every member's shares, paid and unpaid capital on a day, and the totals."""

    coop: CoopFacts
    as_of: dt.date
    lines: Sequence[RegisterLine]
    totals: RegisterTotals


@dataclass(frozen=True, slots=True)
class ResolutionFacts:
    """The agenda item that approved a refund (Act 29②)."""

    position: int
    title: str  # as the secretary typed it, or a standard title's message id (``standard_title``)
    meeting_title: str
    held_on: dt.date
    special: bool
    passed: bool
    standard_title: bool = False  # ``title`` is a message id, said in the paper's language


@dataclass(frozen=True, slots=True)
class RefundPaper:
    """A leaver's refund: what was paid in, what losses they bear, what is refunded or due.

    ``refunded_on`` None: the refund is still due (the claim as it stands on ``issued_on``)."""

    coop: CoopFacts
    issued_on: dt.date
    holder: Holder
    left_on: dt.date
    window: RefundWindow
    state: ClaimState  # on the day of issue
    shares: int
    paid_in: int
    loss_share: int
    equity_extra: int
    refunded_on: dt.date | None
    entry_number: int | None  # the ledger's refund entry
    withheld_since: dt.date | None
    resolution: ResolutionFacts | None

    @property
    def cash(self) -> int:
        """What the member (or their heirs) receive, or are due."""
        return self.paid_in - self.loss_share + self.equity_extra
