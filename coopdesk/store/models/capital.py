"""Member capital (출자금): the share ledger and the year's surplus (migration 0012)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.capital.ledger import EntryKind
from coopdesk.domain.capital.refunds import HoldKind
from coopdesk.store.models.base import Base, enum_column


# -- member capital (출자금): the share ledger and the year's surplus (migration 0012) ------------
# The ledger is append-only: triggers refuse UPDATE and DELETE of its entries, instalments and
# withholdings, and of the dividends booked; a balance is the sum of a member's entries, never
# a number kept apart.

class CapitalAccountRow(Base):
    """A co-op's ledger: the next entry number.  Every capital write locks this row first, so two
    laptops never check the 30% cap against totals that miss each other's entry."""

    __tablename__ = "capital_account"
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"), primary_key=True,
                                         autoincrement=False)
    next_entry_number: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("next_entry_number >= 1", name="capital_next_number_positive"),)


class CapitalEntryRow(Base):
    """One numbered entry of the share ledger: the shares and paid-in won it moves, signed."""

    __tablename__ = "capital_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[EntryKind] = mapped_column(enum_column(EntryKind, "capital_entry_kind"))
    entry_on: Mapped[dt.date] = mapped_column(Date)
    shares: Mapped[int] = mapped_column(Integer)  # subscribed shares moved (출자좌수)
    amount: Mapped[int] = mapped_column(BigInteger)  # paid-in won moved (납입 출자금)
    share_price: Mapped[int] = mapped_column(Integer)  # the bylaws' price the entry was made at
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    counterpart_id: Mapped[int | None] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    surplus_id: Mapped[int | None] = mapped_column(ForeignKey("surplus_year.id", ondelete="RESTRICT"))
    loss_share: Mapped[int] = mapped_column(BigInteger, default=0)  # a refund: losses the leaver bears
    equity_extra: Mapped[int] = mapped_column(BigInteger, default=0)  # a refund: equity beyond paid-in
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("coop_id", "number", name="uq_capital_entry_coop_number"),
        UniqueConstraint("reverses_id", name="uq_capital_entry_reverses_id"),  # reversed once at most
        CheckConstraint("number >= 1", name="capital_entry_number_positive"),
        CheckConstraint("share_price > 0", name="capital_entry_price_positive"),
        CheckConstraint("loss_share >= 0 AND equity_extra >= 0", name="capital_entry_refund_parts"),
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="capital_entry_reversal_target"),
        # The balances of all members are one pass over this index, never the table.
        Index("ix_capital_entry_balance", "coop_id", "member_id", "shares", "amount"),
        Index("ix_capital_entry_member", "member_id"),
        Index("ix_capital_entry_counterpart", "counterpart_id"),  # a transfer's giver row, found from its pair
    )


class CapitalInstalmentRow(Base):
    """One instalment of a subscription (분할 납입): what is due, and when."""

    __tablename__ = "capital_instalment"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    position: Mapped[int] = mapped_column(Integer)
    due_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (
        UniqueConstraint("entry_id", "position", name="uq_capital_instalment_position"),
        CheckConstraint("amount > 0", name="capital_instalment_amount_positive"),
    )


class CapitalHoldRow(Base):
    """A leaver's refund withheld while they owe the co-op money (Act 26③), or released."""

    __tablename__ = "capital_hold"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[HoldKind] = mapped_column(enum_column(HoldKind, "capital_hold_kind"))
    hold_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_capital_hold_member", "member_id"),)


class SurplusYearRow(Base):
    """A fiscal year's result and the appropriation proposed for it (잉여금처분안 / 손실금처리안);
    changed only until it is booked, once the assembly item that decides it passes."""

    __tablename__ = "surplus_year"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    fiscal_year: Mapped[int] = mapped_column(Integer)  # named by the calendar year it starts in
    net_result: Mapped[int] = mapped_column(BigInteger)  # a loss is negative
    retained_before: Mapped[int] = mapped_column(BigInteger)  # a deficit carried is negative
    legal_reserve_before: Mapped[int] = mapped_column(BigInteger)
    voluntary_reserve_before: Mapped[int] = mapped_column(BigInteger)
    paid_in: Mapped[int] = mapped_column(BigInteger)  # at the end of the fiscal year, from the ledger
    legal_reserve: Mapped[int] = mapped_column(BigInteger, default=0)
    voluntary_reserve: Mapped[int] = mapped_column(BigInteger, default=0)
    capital_dividend: Mapped[int] = mapped_column(BigInteger, default=0)
    patronage_dividend: Mapped[int] = mapped_column(BigInteger, default=0)
    from_voluntary: Mapped[int] = mapped_column(BigInteger, default=0)
    from_legal: Mapped[int] = mapped_column(BigInteger, default=0)
    dividends_as_capital: Mapped[bool] = mapped_column(Boolean, default=False)
    # the item that decides it; an item taken off the agenda (only while open) leaves it undecided
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"))
    booked_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("coop_id", "fiscal_year", name="uq_surplus_year_coop_year"),
        UniqueConstraint("item_id", name="uq_surplus_year_item_id"),
        CheckConstraint("legal_reserve_before >= 0 AND voluntary_reserve_before >= 0 AND paid_in >= 0",
                        name="surplus_year_balances"),
        CheckConstraint("legal_reserve >= 0 AND voluntary_reserve >= 0 AND capital_dividend >= 0 AND "
                        "patronage_dividend >= 0 AND from_voluntary >= 0 AND from_legal >= 0",
                        name="surplus_year_parts"),
    )


class SurplusPatronageRow(Base):
    """A member's use of the co-op's business in the year (이용실적), in won: the weight of their
    patronage dividend."""

    __tablename__ = "surplus_patronage"
    surplus_id: Mapped[int] = mapped_column(ForeignKey("surplus_year.id", ondelete="RESTRICT"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    __table_args__ = (CheckConstraint("amount >= 0", name="surplus_patronage_amount"),)


class SurplusDividendRow(Base):
    """A member's dividend as booked: on capital and on patronage, and the entry that credited
    whole shares of it to capital, if the bylaws allow and the assembly so decided."""

    __tablename__ = "surplus_dividend"
    surplus_id: Mapped[int] = mapped_column(ForeignKey("surplus_year.id", ondelete="RESTRICT"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    capital_part: Mapped[int] = mapped_column(BigInteger)
    patronage_part: Mapped[int] = mapped_column(BigInteger)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("capital_entry.id", ondelete="RESTRICT"))
    __table_args__ = (CheckConstraint("capital_part >= 0 AND patronage_part >= 0", name="surplus_dividend_parts"),)
