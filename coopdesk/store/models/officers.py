"""The officer register."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.officers.terms import ChosenBy, Office
from coopdesk.store.models.base import Base, enum_column


# An officer is either a member (member_id) or a named person who is not (person_name), never both.
OFFICER_PERSON_CHECK = (
    "(member_id IS NOT NULL AND person_name IS NULL) OR "
    "(member_id IS NULL AND person_name IS NOT NULL AND length(trim(person_name)) > 0)"
)


class OfficerTermRow(Base):
    """One term of one officer (임원 명부): a member of the co-op, or a named person who is not."""

    __tablename__ = "officer_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    person_name: Mapped[str | None] = mapped_column(String(100))  # only for someone who is not a member
    office: Mapped[Office] = mapped_column(enum_column(Office, "officer_office"))
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date] = mapped_column(Date)  # the last day of the term as elected
    chosen_by: Mapped[ChosenBy] = mapped_column(enum_column(ChosenBy, "officer_chosen_by"))
    predecessor_end: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)  # the last day in office of one who left early
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(OFFICER_PERSON_CHECK, name="officer_person_one_of"),
        CheckConstraint("end_on >= start_on", name="officer_term_order"),
        Index("ix_officer_term_coop", "coop_id"),
    )
