"""Members: the day each gave consent to the use of their personal data.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # the tables are added by the change that needs them


def downgrade() -> None:
    pass
