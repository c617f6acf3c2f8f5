"""The member register: member types, members and their events."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.members.standing import EventKind
from coopdesk.store.models.base import Base, enum_column


class MemberType(Base):
    __tablename__ = "member_type"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(50))
    position: Mapped[int] = mapped_column(Integer)
    __table_args__ = (
        UniqueConstraint("coop_id", "name", name="uq_member_type_coop_name"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )


class Member(Base):
    """A member on the register.  The standing columns are folded from the events."""

    __tablename__ = "member"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    member_type_id: Mapped[int] = mapped_column(ForeignKey("member_type.id", ondelete="RESTRICT"))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    applied_on: Mapped[dt.date | None] = mapped_column(Date)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    notice_on: Mapped[dt.date | None] = mapped_column(Date)
    leaves_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    left_as: Mapped[EventKind | None] = mapped_column(enum_column(EventKind, "member_left_as"))
    # a founding consenter's consent (설립동의, migration 0015): on the founding meeting's register
    # from that day, never on the member register until admitted on the registration day
    consented_on: Mapped[dt.date | None] = mapped_column(Date)
    # the day the member consented to the collection and use of their personal data
    # (개인정보 수집·이용 동의, migration 0014); None: no consent recorded
    privacy_consent_on: Mapped[dt.date | None] = mapped_column(Date)
    # Raised by every change of the member's details: a form saved over a newer change is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    # Every UPDATE says "WHERE version = the one read" and raises the version: a change saved over a
    # newer one touches no row, and the service refuses it (StaleDataError) instead of losing it.
    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("coop_id", "number", name="uq_member_coop_number"),
        CheckConstraint("number >= 1", name="number_positive"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )


class MemberEventRow(Base):
    __tablename__ = "member_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "member_event_kind"))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # the resolution that decided it (an expulsion), said in the reader's words when shown
    by_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_member_event_member", "member_id"),)
