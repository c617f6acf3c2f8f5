"""Education (교육): sessions and who attended them (migration 0010)."""

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
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.education.sessions import Organiser, SessionKind
from coopdesk.store.models.base import Base, enum_column


# -- education (교육): sessions and who attended them (migration 0010) ---------------------------

# An attendee is a member, or a person not yet a member, named (a founder, an applicant).
EDUCATION_ATTENDEE_CHECK = "member_id IS NOT NULL OR (person_name IS NOT NULL AND length(trim(person_name)) > 0)"


class EducationSessionRow(Base):
    """An education session; ``minutes`` is derived from the times and kept so that sums of hours
    are one SQL aggregate on both databases (they subtract times differently)."""

    __tablename__ = "education_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    kind: Mapped[SessionKind] = mapped_column(enum_column(SessionKind, "education_session_kind"))
    topic: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date)
    starts_at: Mapped[dt.time] = mapped_column(Time)
    ends_at: Mapped[dt.time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(200), default="")
    instructor: Mapped[str] = mapped_column(String(100), default="")
    organiser: Mapped[Organiser] = mapped_column(enum_column(Organiser, "education_organiser"))
    materials: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint("length(trim(topic)) > 0", name="education_topic_not_blank"),
        CheckConstraint("ends_at > starts_at", name="education_session_times"),
        CheckConstraint("minutes > 0 AND minutes < 1440", name="education_session_minutes"),
        Index("ix_education_session_coop", "coop_id", "held_on"),
    )


class EducationAttendanceRow(Base):
    """One person at one session: a member, or a person not yet a member, kept with the details
    that link the record to them when they join (``linked_at``; the typed details stay)."""

    __tablename__ = "education_attendance"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("education_session.id", ondelete="CASCADE"))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"))
    person_name: Mapped[str | None] = mapped_column(String(100))
    person_birth_date: Mapped[dt.date | None] = mapped_column(Date)
    person_phone: Mapped[str] = mapped_column(String(40), default="")
    linked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        CheckConstraint(EDUCATION_ATTENDEE_CHECK, name="education_attendee_named"),
        CheckConstraint("linked_at IS NULL OR member_id IS NOT NULL", name="education_linked_member"),
        # a member once per session (the NULLs of people not yet members never collide)
        UniqueConstraint("session_id", "member_id", name="uq_education_attendance_member"),
        Index("ix_education_attendance_member", "member_id"),
    )
