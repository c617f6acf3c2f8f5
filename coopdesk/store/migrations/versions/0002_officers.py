"""The officer register (임원 명부): one row per term of office.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OFFICES = ("chair", "director", "auditor")
CHOSEN_BY = ("elected", "vacancy", "founding", "other")
# Written out rather than imported: a migration must not change when the models do.
PERSON_CHECK = (
    "(member_id IS NOT NULL AND person_name IS NULL) OR "
    "(member_id IS NULL AND person_name IS NOT NULL AND length(trim(person_name)) > 0)"
)


def _enum(values: tuple[str, ...], name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def upgrade() -> None:
    op.create_table(
        "officer_term",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("coop_id", sa.Integer(), sa.ForeignKey("coop.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("person_name", sa.String(100), nullable=True),
        sa.Column("office", _enum(OFFICES, "officer_office"), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("chosen_by", _enum(CHOSEN_BY, "officer_chosen_by"), nullable=False),
        sa.Column("predecessor_end", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(PERSON_CHECK, name="officer_person_one_of"),
        sa.CheckConstraint("end_on >= start_on", name="officer_term_order"),
    )
    op.create_index("ix_officer_term_coop", "officer_term", ["coop_id"])


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
