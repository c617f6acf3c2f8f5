"""A version per member (no lost update), the grounds of an expulsion, and the audit log's seal.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    # Plain ADD COLUMN: member and agenda_item are referenced by other tables, and a batch
    # rebuild would have to drop them.
    op.add_column("member", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")))
    op.add_column("agenda_item", sa.Column("expulsion_grounds", sa.Text(), nullable=False,
                                           server_default=sa.text("''")))
    op.create_table(
        "audit_seal",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("entries", sa.Integer(), nullable=False),
        sa.Column("head", sa.String(64), nullable=False),
        sa.CheckConstraint("id = 1", name="audit_seal_single_row"),
    )
    bind = op.get_bind()
    entries = bind.execute(sa.text("SELECT count(*) FROM audit_entry")).scalar_one()
    head = bind.execute(sa.text("SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1")).scalar() or GENESIS
    bind.execute(sa.text("INSERT INTO audit_seal (id, entries, head) VALUES (1, :n, :h)"), {"n": entries, "h": head})


def downgrade() -> None:
    op.drop_table("audit_seal")
    op.drop_column("agenda_item", "expulsion_grounds")
    op.drop_column("member", "version")
