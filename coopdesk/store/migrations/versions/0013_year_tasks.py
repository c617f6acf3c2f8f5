"""The co-op's year: legal deadlines marked done (오늘 할 일).

One row per co-op and task key (``ordinary_assembly:2026``, ``notice:meeting:17``): the day it
was done, a note, who marked it and when, and the task as it read then (JSON), so that it stays
on the record when its rule no longer produces it.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "year_task",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("coop_id", sa.Integer(), sa.ForeignKey("coop.id", ondelete="RESTRICT",
                                                         name="fk_year_task_coop_id_coop"), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("deadline", sa.JSON(), nullable=False),
        sa.Column("done_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("coop_id", "key", name="uq_year_task_coop_key"),
        sa.CheckConstraint("length(trim(key)) > 0", name="year_task_key_not_blank"),
    )


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
