"""The co-op, its bylaws versions and its audit log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.domain.coop import CoopKind, GoverningLaw
from coopdesk.store.models.base import Base, enum_column


class Coop(Base):
    __tablename__ = "coop"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[CoopKind] = mapped_column(enum_column(CoopKind, "coop_kind"))
    governing_law: Mapped[GoverningLaw] = mapped_column(enum_column(GoverningLaw, "governing_law"))
    main_office: Mapped[str] = mapped_column(String(200))
    fiscal_year_start_month: Mapped[int] = mapped_column(Integer)
    next_member_number: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Moved by the database's triggers on every change of a member or an officer's term that
    # can change a register (migration 0008); never written by the program.
    register_generation: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("fiscal_year_start_month BETWEEN 1 AND 12", name="fiscal_month"),
        CheckConstraint("next_member_number >= 1", name="next_number_positive"),
    )


class BylawsVersion(Base):
    """Version N of the bylaws settings, adopted on a date (at a meeting, later)."""

    __tablename__ = "bylaws_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer)
    adopted_on: Mapped[dt.date] = mapped_column(Date)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str] = mapped_column(Text, default="")
    # the amendment item that adopted this version (None: adopted when the co-op was entered)
    adopted_by_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="RESTRICT"))
    # the text parts (domain.bylaws.texts) and the template they are printed with (migration 0011)
    texts: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    template: Mapped[int] = mapped_column(Integer, default=1, server_default=text("1"))
    __table_args__ = (
        UniqueConstraint("coop_id", "version", name="uq_bylaws_version_coop_version"),
        CheckConstraint("version >= 1", name="version_positive"),
    )



class AuditEntry(Base):
    """Append-only, hash-chained record of every change (triggers refuse edits)."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO-8601 UTC, hashed as stored
    actor: Mapped[str] = mapped_column(String(100))
    coop_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(60))
    entity_key: Mapped[str] = mapped_column(String(60))
    before: Mapped[str] = mapped_column(Text)  # canonical JSON
    after: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditSeal(Base):
    """The audit log's head, kept apart from the log in the same transaction as each entry: a log
    cut short at its end (the last entries deleted) no longer matches it."""

    __tablename__ = "audit_seal"
    id: Mapped[int] = mapped_column(primary_key=True)
    entries: Mapped[int] = mapped_column(Integer)
    head: Mapped[str] = mapped_column(String(64))
    __table_args__ = (CheckConstraint("id = 1", name="audit_seal_single_row"),)
