"""Minute signers, the notice's purpose, and unique indexes that back the attendance rules.

The indexes make the database refuse what the services already refuse, so that two
laptops checking the same member in at the same moment cannot both succeed.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (name, table, columns, where) — written out: a migration must not change when the models do.
UNIQUE_INDEXES = (
    ("uq_check_in_member_here", "meeting_check_in", ["meeting_id", "member_id"], "out_at IS NULL"),
    ("uq_check_in_director_here", "meeting_check_in", ["meeting_id", "officer_term_id"], "out_at IS NULL"),
    ("uq_proxy_principal", "meeting_proxy", ["meeting_id", "principal_id"], "revoked_at IS NULL"),
    ("uq_proxy_holder", "meeting_proxy", ["meeting_id", "holder_member_id"],
     "revoked_at IS NULL AND holder_member_id IS NOT NULL"),
    ("uq_exclusion_member", "item_exclusion", ["item_id", "member_id"], None),
    ("uq_exclusion_director", "item_exclusion", ["item_id", "officer_term_id"], None),
    ("uq_ballot_member", "item_ballot", ["item_id", "member_id"], None),
    ("uq_ballot_director", "item_ballot", ["item_id", "officer_term_id"], None),
)


def upgrade() -> None:
    with op.batch_alter_table("meeting") as batch:
        batch.add_column(sa.Column("purpose", sa.String(500), nullable=False, server_default=""))
    op.create_table(
        "minute_signer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("meeting_id", sa.Integer(), sa.ForeignKey("meeting.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.UniqueConstraint("meeting_id", "member_id", name="uq_minute_signer_member"),
        sa.UniqueConstraint("meeting_id", "position", name="uq_minute_signer_position"),
    )
    for name, table, columns, where in UNIQUE_INDEXES:
        clause = {} if where is None else {"sqlite_where": sa.text(where), "postgresql_where": sa.text(where)}
        op.create_index(name, table, columns, unique=True, **clause)


def downgrade() -> None:
    for name, table, _columns, _where in reversed(UNIQUE_INDEXES):
        op.drop_index(name, table)
    op.drop_table("minute_signer")
    with op.batch_alter_table("meeting") as batch:
        batch.drop_column("purpose")
