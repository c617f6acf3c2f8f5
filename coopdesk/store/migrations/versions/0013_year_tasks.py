"""The co-op's year: legal deadlines marked done (오늘 할 일).

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # the tables are added by the change that needs them


def downgrade() -> None:
    pass
