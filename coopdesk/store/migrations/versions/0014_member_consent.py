"""Members: the day each gave consent to the collection and use of their personal data.

The consent (개인정보 수집·이용 동의, Personal Information Protection Act art. 15 and 22) goes
with the membership application; the register keeps the day it was given, so that the members
without a recorded consent can be listed.  A nullable date: members already on the register
have none recorded.  Not the founding consent (설립동의, ``consented_on``, migration 0015).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("member") as batch:  # an added column: no table rebuilt, triggers kept
        batch.add_column(sa.Column("privacy_consent_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # a plain DROP COLUMN (SQLite 3.35+, PostgreSQL): the member table's triggers stay
    op.drop_column("member", "privacy_consent_on")
