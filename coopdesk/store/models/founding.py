"""Founding a co-op (설립): the founding record, the founders' mark and the plan tables.

A co-op in founding is an ordinary co-op whose ``founding`` row says so.  Its founders and
consenters are ``member`` rows at a pre-member standing (``member.consented_on`` set, not
yet admitted): the founding meeting's register, never the member register; the founders
among them are marked in ``founding_founder``.  The founding row keeps the dates of the
way to registration; the stage follows from them (``domain.founding.stage``).  It stays
after registration as the co-op's first chapter.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.founding.plans import PlanTable
from coopdesk.store.models.base import Base, enum_column


class FoundingRow(Base):
    __tablename__ = "founding"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    started_on: Mapped[dt.date] = mapped_column(Date)
    # the ministry in charge, as the papers print it: a setting, never a constant (renamed in 2026)
    ministry: Mapped[str] = mapped_column(String(100))
    authority: Mapped[str] = mapped_column(String(100), default="")  # the city or province filed with (시·도)
    representative_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="RESTRICT"))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("education_session.id", ondelete="RESTRICT"))
    notice_on: Mapped[dt.date | None] = mapped_column(Date)  # the public notice posted (공고, Act 15②)
    notice_place: Mapped[str] = mapped_column(String(200), default="")  # where it was posted
    qualifications: Mapped[str] = mapped_column(Text, default="")  # who may become a member, as noticed
    filed_on: Mapped[dt.date | None] = mapped_column(Date)  # 설립신고 / 설립인가 신청
    certified_on: Mapped[dt.date | None] = mapped_column(Date)  # 신고필증 / 인가증 received
    certificate_number: Mapped[str] = mapped_column(String(60), default="")
    capital_paid_on: Mapped[dt.date | None] = mapped_column(Date)  # 출자금 납입 완료
    handed_over_on: Mapped[dt.date | None] = mapped_column(Date)  # 사무인계 (Act 18①)
    registered_on: Mapped[dt.date | None] = mapped_column(Date)  # 설립등기 (Act 19①)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("coop_id", name="uq_founding_coop_id"),
        UniqueConstraint("meeting_id", name="uq_founding_meeting_id"),
        CheckConstraint("length(trim(ministry)) > 0", name="founding_ministry_not_blank"),
    )


class FounderRow(Base):
    """A consenter who is one of the founders (발기인, Act 15①)."""

    __tablename__ = "founding_founder"
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"), primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))


class FoundingLineRow(Base):
    """A line of the business plan, the budget or the founding expenses."""

    __tablename__ = "founding_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    kind: Mapped[PlanTable] = mapped_column(enum_column(PlanTable, "founding_line_kind"))
    position: Mapped[int] = mapped_column(Integer)
    item: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(BigInteger, default=0)
    public_benefit: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        UniqueConstraint("coop_id", "kind", "position", name="uq_founding_line_coop_kind_position"),
        CheckConstraint("amount >= 0", name="founding_line_amount_not_negative"),
    )
