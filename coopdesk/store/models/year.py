"""The co-op's year (오늘 할 일): the legal tasks marked done (migration 0013)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coopdesk.store.models.base import Base


class YearTaskRow(Base):
    """A deadline of the co-op's year marked done, once per co-op and key.

    ``deadline`` keeps the task as it read when it was marked (kind, due day, message, values,
    article), so that it stays on the record after its rule stops producing it — a past year's
    ordinary assembly, a member who has since left."""

    __tablename__ = "year_task"
    id: Mapped[int] = mapped_column(primary_key=True)
    coop_id: Mapped[int] = mapped_column(ForeignKey("coop.id", ondelete="RESTRICT"))
    key: Mapped[str] = mapped_column(String(100))
    done_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dict[str, Any]] = mapped_column(JSON)
    done_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (
        UniqueConstraint("coop_id", "key", name="uq_year_task_coop_key"),
        CheckConstraint("length(trim(key)) > 0", name="year_task_key_not_blank"),
    )
