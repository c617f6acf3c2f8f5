"""The bylaws as text: each version keeps its text parts (purpose, businesses, member
qualifications, use by non-members, founders) and the number of the bylaws template it is
written with; an amendment item carries the text parts it proposes and the version it amends.

A version recorded before this revision gets the model bylaws' wording for its kind of co-op
(written out here: a migration must not change when the program's defaults do), to be made
the co-op's own in its profile; it is written with template 1.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_QUALIFICATIONS = "조합의 설립 목적에 동의하고 조합원으로서의 의무를 다하고자 하는 자는 조합원이 될 수 있다."
DEFAULT_TEXTS = {
    "general": {
        "purpose": "자주적·자립적·자치적인 조합 활동을 통하여 조합원의 권익을 향상하고 지역 사회에 공헌함을 목적으로 한다.",
        "businesses": ["조합원을 위한 공동구매 사업"], "main_businesses": [], "qualifications": _QUALIFICATIONS,
        "non_member_use": "", "founders": [],
    },
    "social": {
        "purpose": "자주적·자립적·자치적인 조합 활동을 통하여 지역 주민들의 권익·복리 증진과 지역 사회의 발전에 "
                   "이바지함을 목적으로 한다.",
        "businesses": ["조합원을 위한 공동구매 사업"], "main_businesses": ["지역 주민을 위한 돌봄 및 사회서비스 제공 사업"],
        "qualifications": _QUALIFICATIONS, "non_member_use": "", "founders": [],
    },
}


def upgrade() -> None:
    # Plain ADD COLUMN: both tables are referenced by others, and a batch rebuild would drop them.
    op.add_column("bylaws_version", sa.Column("texts", sa.JSON(), nullable=True))
    op.add_column("bylaws_version", sa.Column("template", sa.Integer(), nullable=False,
                                              server_default=sa.text("1")))
    op.add_column("agenda_item", sa.Column("new_bylaws_texts", sa.JSON(), nullable=True))
    op.add_column("agenda_item", sa.Column("bylaws_base_version", sa.Integer(), nullable=True))
    versions = sa.table("bylaws_version", sa.column("id", sa.Integer()), sa.column("coop_id", sa.Integer()),
                        sa.column("texts", sa.JSON()))
    coops = sa.table("coop", sa.column("id", sa.Integer()), sa.column("kind", sa.String()))
    bind = op.get_bind()
    for kind, texts in DEFAULT_TEXTS.items():
        of_kind = sa.select(coops.c.id).where(coops.c.kind == kind)
        bind.execute(versions.update().where(versions.c.coop_id.in_(of_kind), versions.c.texts.is_(None))
                     .values(texts=texts))


def downgrade() -> None:
    raise NotImplementedError("CoopDesk never downgrades a co-op file; restore a backup instead.")
